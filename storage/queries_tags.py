"""Tags after labels for a list of articles: machine rows, overridden by the governing analyst label.

A label speaks for every copy of its story; for relevance, pillars and cities separately, the newest
label that sets that part decides (view ``label_scope`` of migration 0003). Used by story lists,
exports and ``smartcity label``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from nlp.types import PILLARS
from storage.models import ArticleCity, ArticlePillar, ArticleTag, Label, LabelCity, LabelPillar

TAG: sa.Table = ArticleTag.__table__  # type: ignore[attr-defined]
PILLAR: sa.Table = ArticlePillar.__table__  # type: ignore[attr-defined]
CITY: sa.Table = ArticleCity.__table__  # type: ignore[attr-defined]
LABEL: sa.Table = Label.__table__  # type: ignore[attr-defined]
LABEL_PILLAR: sa.Table = LabelPillar.__table__  # type: ignore[attr-defined]
LABEL_CITY: sa.Table = LabelCity.__table__  # type: ignore[attr-defined]
LABEL_SCOPE = sa.table(
    "label_scope",
    sa.column("article_id", sa.Integer),
    sa.column("relevant_label", sa.Integer),
    sa.column("pillars_label", sa.Integer),
    sa.column("cities_label", sa.Integer),
)
CHUNK = 500  # ids per IN (...) list

Runner = Any  # a Session or a Connection


@dataclass(frozen=True)
class ArticleTags:
    """An article's tags after labels: what every report shows for it."""

    article_id: int
    relevant: bool | None
    pillars: tuple[str, ...]
    main_pillar: str | None
    cities: tuple[tuple[str, str], ...]  # (city, province), main city first
    main_city: str | None
    province: str | None
    labelled: bool  # an analyst label (its own or one on a copy of its story) decides some part



def effective_tags(runner: Runner, ids: Sequence[int]) -> dict[int, ArticleTags]:
    """Tags after labels for each article id (machine tags for every part no label decides)."""
    ids = list(dict.fromkeys(ids))
    scope: dict[int, tuple[int | None, int | None, int | None]] = {}
    machine: dict[int, tuple[bool, str | None, str | None, str | None]] = {}
    m_pillars: dict[int, list[tuple[str, bool]]] = {}
    m_cities: dict[int, list[tuple[str, str, bool]]] = {}
    ls = LABEL_SCOPE
    scope_q = sa.select(ls.c.article_id, ls.c.relevant_label, ls.c.pillars_label, ls.c.cities_label)
    if len(ids) > CHUNK:  # the view is computed once per query: read it whole rather than per chunk
        wanted = set(ids)
        scope = {int(r[0]): (r[1], r[2], r[3]) for r in runner.execute(scope_q) if int(r[0]) in wanted}
    for i in range(0, len(ids), CHUNK):
        part = ids[i : i + CHUNK]
        if len(ids) <= CHUNK:
            for aid, rl, pl, cl in runner.execute(scope_q.where(ls.c.article_id.in_(part))):
                scope[int(aid)] = (rl, pl, cl)
        q = (sa.select(TAG.c.article_id, TAG.c.relevant, TAG.c.main_pillar, TAG.c.main_city, TAG.c.province)
             .where(TAG.c.article_id.in_(part)))
        for r in runner.execute(q):
            machine[int(r[0])] = (bool(r[1]), r[2], r[3], r[4])
        q = sa.select(PILLAR.c.article_id, PILLAR.c.pillar, PILLAR.c.is_main).where(PILLAR.c.article_id.in_(part))
        for aid, pillar, is_main in runner.execute(q):
            m_pillars.setdefault(int(aid), []).append((pillar, bool(is_main)))
        q = sa.select(CITY.c.article_id, CITY.c.city, CITY.c.province, CITY.c.is_main).where(CITY.c.article_id.in_(part))
        for aid, city, prov, is_main in runner.execute(q):
            m_cities.setdefault(int(aid), []).append((city, prov, bool(is_main)))
    labels = _labels(runner, sorted({lid for parts in scope.values() for lid in parts if lid is not None}))
    out = {}
    for aid in ids:
        rel, main_pillar, main_city, province = machine.get(aid, (None, None, None, None))
        pillars = m_pillars.get(aid, [])
        cities = m_cities.get(aid, [])
        rl, pl, cl = scope.get(aid, (None, None, None))
        if rl is not None:
            rel = labels[rl]["relevant"]
        if pl is not None:
            pillars = labels[pl]["pillars"]
            main_pillar = next((p for p, m in pillars if m), pillars[0][0] if pillars else None)
        if cl is not None:
            cities = labels[cl]["cities"]
            main = next((c for c in cities if c[2]), cities[0] if cities else None)
            main_city, province = (main[0], main[1]) if main else (None, None)
        p_sorted = sorted(pillars, key=lambda p: (not p[1], PILLARS.index(p[0]) if p[0] in PILLARS else 99))
        c_sorted = sorted(cities, key=lambda c: (not c[2], c[0]))
        out[aid] = ArticleTags(aid, rel, tuple(p for p, _ in p_sorted), main_pillar, tuple((c, pr) for c, pr, _ in c_sorted),
                               main_city, province, aid in scope)
    return out


def _labels(runner: Runner, label_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for i in range(0, len(label_ids), CHUNK):
        part = label_ids[i : i + CHUNK]
        q = (sa.select(LABEL.c.article_id, LABEL.c.relevant, LABEL.c.pillars_set, LABEL.c.cities_set)
             .where(LABEL.c.article_id.in_(part)))
        for r in runner.execute(q):
            out[int(r[0])] = {"relevant": None if r[1] is None else bool(r[1]), "pillars_set": bool(r[2]),
                              "cities_set": bool(r[3]), "pillars": [], "cities": []}
        q = (sa.select(LABEL_PILLAR.c.article_id, LABEL_PILLAR.c.pillar, LABEL_PILLAR.c.is_main)
             .where(LABEL_PILLAR.c.article_id.in_(part)))
        for aid, pillar, is_main in runner.execute(q):
            out[int(aid)]["pillars"].append((pillar, bool(is_main)))
        q = (sa.select(LABEL_CITY.c.article_id, LABEL_CITY.c.city, LABEL_CITY.c.province, LABEL_CITY.c.is_main)
             .where(LABEL_CITY.c.article_id.in_(part)))
        for aid, city, prov, is_main in runner.execute(q):
            out[int(aid)]["cities"].append((city, prov, bool(is_main)))
    return out


def machine_tags(runner: Runner, article_id: int) -> ArticleTags:
    """The tagger's own verdict on one article, ignoring labels (to show what a label changed)."""
    tag = runner.execute(sa.select(TAG.c.relevant, TAG.c.main_pillar, TAG.c.main_city, TAG.c.province)
                         .where(TAG.c.article_id == article_id)).first()
    q = sa.select(PILLAR.c.pillar, PILLAR.c.is_main).where(PILLAR.c.article_id == article_id)
    pillars = sorted(runner.execute(q), key=lambda p: (not p[1], PILLARS.index(p[0]) if p[0] in PILLARS else 99))
    q = sa.select(CITY.c.city, CITY.c.province, CITY.c.is_main).where(CITY.c.article_id == article_id)
    cities = sorted(runner.execute(q), key=lambda c: (not c[2], c[0]))
    relevant = None if tag is None else bool(tag[0])
    return ArticleTags(article_id, relevant, tuple(p[0] for p in pillars), tag[1] if tag else None,
                       tuple((c[0], c[1]) for c in cities), tag[2] if tag else None, tag[3] if tag else None, False)
