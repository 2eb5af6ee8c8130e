"""The read API analysts and reports share: story counts by city, province, pillar, week and outlet.

Three rules hold for every figure: it counts stories (an article and its syndicated copies count
once; reach = the distinct outlets that carried it), analyst labels override machine tags (a label
speaks for every copy of its story; for relevance, pillars and cities separately, the newest label
that sets it wins), and only relevant articles count unless ``Filters.relevant`` says otherwise.
Only bound parameters reach the SQL.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import OperationalError, ProgrammingError

from nlp.types import PILLARS
from storage.queries_sql import (
    ARTICLE,
    CITY,
    LABEL_CITY,
    MULTI_VALUED,
    SOURCE,
    TAG,
    Filters,
    QueryError,
    anchor_epoch,
    facts,
    outlet_of,
    week_index,
)
from storage.queries_tags import CHUNK, ArticleTags, effective_tags

logger = logging.getLogger(__name__)

GROUPS = ("city", "province", "pillar", "week", "outlet")
EPOCH_MONDAY = date(1970, 1, 5)  # week numbers count from this Monday
ALL = Filters()  # no filter but the default: Smart City coverage only

__all__ = [
    "GROUPS", "PILLARS", "ArticleTags", "CoverageRow", "Filters", "GroupCount", "QueryError", "StoryRow",
    "article_rows", "city_province", "count_stories", "effective_tags", "known_values", "list_stories", "week_label",
]


@dataclass(frozen=True)
class GroupCount:
    """One line of a grouped count: the group's values, and stories, articles, outlets in it."""

    keys: tuple[str | None, ...]
    stories: int
    articles: int
    outlets: int


@dataclass(frozen=True)
class StoryRow:
    """A story in a list: its first matching article stands for it; reach counts every copy."""

    story: int
    article_id: int
    published: datetime | None
    title: str
    url: str
    outlet: str
    articles: int  # matching copies in the filtered period
    reach: int  # distinct outlets over all copies
    outlets: tuple[str, ...]
    tags: ArticleTags


@dataclass(frozen=True)
class CoverageRow:
    """One matching article with its story, outlet and tags: the rows behind a digest or export."""

    article_id: int
    story: int
    published: datetime | None
    outlet: str
    title: str
    url: str
    tags: ArticleTags


Runner = Any  # a Session or a Connection: anything with .execute()


def _dialect(runner: Runner) -> str:
    bind = runner.get_bind() if hasattr(runner, "get_bind") else runner
    return str(bind.dialect.name)


def week_label(index: int) -> str:
    """ISO week name ("2022-W40") of a week number counted from Monday 1970-01-05."""
    year, week, _ = (EPOCH_MONDAY + timedelta(weeks=index)).isocalendar()
    return f"{year}-W{week:02d}"


def count_stories(
    runner: Runner,
    filters: Filters = ALL,
    *,
    group_by: Sequence[str] = (),
    tz: str = "Asia/Jakarta",
    limit: int | None = None,
) -> list[GroupCount]:
    """Stories, articles and outlets per group (or one total row without ``group_by``).

    ``group_by`` takes any of city, province, pillar, week (ISO weeks in ``tz``) and outlet; a
    story counts once in every group it has an article in. With city and province together, the
    province is that of each place. Largest groups first (weeks in order).
    """
    bad = [g for g in group_by if g not in GROUPS]
    if bad:
        raise QueryError(f"cannot group by {bad[0]!r}: use one of {', '.join(GROUPS)}")
    if len(set(group_by)) != len(group_by):
        raise QueryError(f"--group-by {','.join(group_by)} names a field twice: name each once")
    dialect = _dialect(runner)
    multi = [g for g in group_by if g in MULTI_VALUED]
    f = facts(filters, dialect, multi)
    values: dict[str, sa.ColumnElement[Any]] = {dim: f.c[f"v{i}"] for i, dim in enumerate(multi)}
    where = []
    if "week" in group_by:
        values["week"] = week_index(f.c.published, dialect, anchor_epoch(tz, filters.since))
        where.append(f.c.published.is_not(None))
    if "outlet" in group_by:
        values["outlet"] = f.c.outlet
    keys = [values[g] for g in group_by]
    stories = sa.func.count(sa.distinct(f.c.story)).label("stories")
    q = sa.select(*(k.label(f"k{i}") for i, k in enumerate(keys)), stories, sa.func.count(sa.distinct(f.c.id)),
                  sa.func.count(sa.distinct(f.c.outlet))).where(*where)
    if group_by:
        q = q.group_by(*keys)
        q = q.order_by(*(values[g] for g in group_by if g == "week"), stories.desc(),
                       *(values[g] for g in group_by if g != "week"))
    if limit is not None:
        q = q.limit(limit)
    out = []
    for row in _execute(runner, q, filters).all():
        ks = tuple(week_label(int(v)) if g == "week" else v for g, v in zip(group_by, row[: len(group_by)], strict=True))
        out.append(GroupCount(ks, int(row[-3]), int(row[-2]), int(row[-1])))
    return out


def _execute(runner: Runner, q: sa.Executable, filters: Filters) -> Any:
    """Run a query; a search the database rejects becomes a one-line QueryError."""
    try:
        return runner.execute(q)
    except (OperationalError, ProgrammingError) as exc:
        text = str(exc.orig) if exc.orig is not None else str(exc)
        if filters.search and ("fts5" in text or "tsquery" in text or "syntax" in text):
            raise QueryError(f"--search {filters.search!r}: the database could not read it ({text.splitlines()[0]})") from None
        raise


def list_stories(
    runner: Runner,
    filters: Filters = ALL,
    *,
    order: str = "recent",
    limit: int | None = 50,
) -> list[StoryRow]:
    """Matching stories, newest first (``order="recent"``) or widest reach first (``"reach"``)."""
    if order not in ("recent", "reach"):
        raise QueryError(f"order {order!r}: use 'recent' or 'reach'")
    b = facts(filters, _dialect(runner), ())
    per = (
        sa.select(b.c.story, sa.func.count(sa.distinct(b.c.id)).label("n"), sa.func.min(b.c.published).label("first"),
                  sa.func.max(b.c.published).label("last"), sa.func.min(b.c.id).label("first_id"))
        .group_by(b.c.story)
        .subquery("per")
    )
    if order == "reach":
        a2, s2 = ARTICLE.alias("a2"), SOURCE.alias("s2")
        reach = (
            sa.select(a2.c.story_id.label("story"), sa.func.count(sa.distinct(outlet_of(a2, s2))).label("reach"))
            .select_from(a2.join(s2, s2.c.id == a2.c.source_id))
            .where(a2.c.story_id.in_(sa.select(b.c.story).where(b.c.story > 0)))
            .group_by(a2.c.story_id)
            .subquery("r")
        )
        reach_col = sa.func.coalesce(reach.c.reach, 1)
        q = sa.select(per.c.story, per.c.n).select_from(per.outerjoin(reach, reach.c.story == per.c.story))
        q = q.order_by(reach_col.desc(), per.c.n.desc(), per.c.first.desc(), per.c.first_id)
    else:
        q = sa.select(per.c.story, per.c.n).order_by(per.c.last.desc().nulls_last(), per.c.first_id.desc())
    if limit is not None:
        q = q.limit(limit)
    chosen = [(int(r[0]), int(r[1])) for r in _execute(runner, q, filters)]
    if not chosen:
        return []
    keys = [k for k, _ in chosen]
    reps: dict[int, tuple[int, datetime | None, str]] = {}
    rows = _execute(runner, sa.select(b.c.story, b.c.id, b.c.published, b.c.outlet).where(b.c.story.in_(keys)), filters)
    for story, art_id, published, outlet in rows:
        best = reps.get(story)
        when = published or datetime.max.replace(tzinfo=UTC)
        if best is None or (when, art_id) < (best[1] or datetime.max.replace(tzinfo=UTC), best[0]):
            reps[story] = (art_id, published, outlet)
    outlets = _story_outlets(runner, keys, {k: v[2] for k, v in reps.items()})
    ids = [reps[k][0] for k in keys]
    details = _article_details(runner, ids)
    tags = effective_tags(runner, ids)
    out = []
    for story, n in chosen:
        art_id, published, outlet = reps[story]
        title, url = details[art_id]
        names = outlets.get(story, (outlet,))
        out.append(StoryRow(story, art_id, published, title, url, outlet, n, len(names), names, tags[art_id]))
    return out


def _story_outlets(runner: Runner, keys: Sequence[int], fallback: dict[int, str]) -> dict[int, tuple[str, ...]]:
    """Distinct outlets of every copy of each story, sorted; a story-less article is its own outlet."""
    a, s = ARTICLE.alias("a"), SOURCE.alias("s")
    found: dict[int, set[str]] = {}
    positive = [k for k in keys if k > 0]
    for i in range(0, len(positive), CHUNK):
        q = (sa.select(a.c.story_id, outlet_of(a, s)).distinct().select_from(a.join(s, s.c.id == a.c.source_id))
             .where(a.c.story_id.in_(positive[i : i + CHUNK])))
        for story, outlet in runner.execute(q):
            found.setdefault(int(story), set()).add(outlet)
    return {k: tuple(sorted(found.get(k) or {fallback[k]})) for k in keys if k in fallback}


def _article_details(runner: Runner, ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    out: dict[int, tuple[str, str]] = {}
    for i in range(0, len(ids), CHUNK):
        q = sa.select(ARTICLE.c.id, ARTICLE.c.title, ARTICLE.c.canonical_url).where(ARTICLE.c.id.in_(ids[i : i + CHUNK]))
        out.update({int(r[0]): (r[1], r[2]) for r in runner.execute(q)})
    return out


def article_rows(runner: Runner, filters: Filters = ALL, *, limit: int | None = None) -> list[CoverageRow]:
    """Every matching article (oldest first) with story, outlet and tags after labels: export rows."""
    b = facts(filters, _dialect(runner), ())
    q = sa.select(b.c.id, b.c.story, b.c.published, b.c.outlet).order_by(b.c.published.asc().nulls_last(), b.c.id)
    if limit is not None:
        q = q.limit(limit)
    rows = _execute(runner, q, filters).all()
    ids = [int(r[0]) for r in rows]
    details = _article_details(runner, ids)
    tags = effective_tags(runner, ids)
    return [CoverageRow(int(r[0]), int(r[1]), r[2], r[3], *details[int(r[0])], tags[int(r[0])]) for r in rows]


def known_values(runner: Runner, field: str) -> list[str]:
    """Every city, province or outlet name present in the database (for "did you mean" answers)."""
    if field == "city":
        q: sa.Select[Any] | sa.CompoundSelect[Any] = sa.union(sa.select(CITY.c.city), sa.select(LABEL_CITY.c.city))
    elif field == "province":
        q = sa.union(sa.select(CITY.c.province), sa.select(LABEL_CITY.c.province),
                     sa.select(TAG.c.province).where(TAG.c.province.is_not(None)))
    elif field == "outlet":
        a, s = ARTICLE.alias("a"), SOURCE.alias("s")
        q = sa.select(outlet_of(a, s)).distinct().select_from(a.join(s, s.c.id == a.c.source_id))
    else:
        raise QueryError(f"no list of {field!r} names: use city, province or outlet")
    return sorted({r[0] for r in runner.execute(q) if r[0]})


def city_province(runner: Runner, city: str) -> str | None:
    """The province the database files ``city`` under (the most frequent one), or None if unseen."""
    q = sa.union_all(sa.select(CITY.c.province).where(CITY.c.city == city),
                     sa.select(LABEL_CITY.c.province).where(LABEL_CITY.c.city == city)).subquery()
    row = runner.execute(sa.select(q.c.province, sa.func.count()).group_by(q.c.province)
                         .order_by(sa.func.count().desc(), q.c.province).limit(1)).first()
    return None if row is None else str(row[0])
