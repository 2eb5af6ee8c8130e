"""Analyst-labelled articles in the corpus format, so labels join the training set at the next ``smartcity train``."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from storage.models import Article, ArticlePillar, ArticleTag, Label, LabelCity, LabelPillar

A: sa.Table = Article.__table__  # type: ignore[attr-defined]
L: sa.Table = Label.__table__  # type: ignore[attr-defined]
LP: sa.Table = LabelPillar.__table__  # type: ignore[attr-defined]
LC: sa.Table = LabelCity.__table__  # type: ignore[attr-defined]
T: sa.Table = ArticleTag.__table__  # type: ignore[attr-defined]
P: sa.Table = ArticlePillar.__table__  # type: ignore[attr-defined]


def labelled_records(session: Session) -> list[dict[str, Any]]:
    """One corpus-format record per labelled article whose relevance is known (label, else machine)."""
    rows = session.execute(
        sa.select(A.c.id, A.c.title, A.c.text, L.c.relevant, L.c.pillars_set, T.c.relevant.label("machine_relevant"))
        .join(L, L.c.article_id == A.c.id)
        .outerjoin(T, T.c.article_id == A.c.id)
    ).all()
    if not rows:
        return []
    ids = [r.id for r in rows]
    label_pillars: dict[int, list[tuple[bool, str]]] = {}
    for p in session.execute(sa.select(LP.c.article_id, LP.c.pillar, LP.c.is_main).where(LP.c.article_id.in_(ids))):
        label_pillars.setdefault(p.article_id, []).append((not p.is_main, p.pillar))
    machine_pillars: dict[int, list[tuple[bool, str]]] = {}
    for p in session.execute(sa.select(P.c.article_id, P.c.pillar, P.c.is_main).where(P.c.article_id.in_(ids))):
        machine_pillars.setdefault(p.article_id, []).append((not p.is_main, p.pillar))
    out = []
    for r in rows:
        relevant = r.relevant if r.relevant is not None else r.machine_relevant
        if relevant is None:
            continue
        source = label_pillars if r.pillars_set else machine_pillars
        pillars = [p for _, p in sorted(source.get(r.id, []))] if relevant else []
        if relevant and not pillars:
            continue  # a relevant label without any pillar cannot train the pillar model
        out.append({"id": f"label-{r.id}", "title": r.title, "text": r.text, "relevant": bool(relevant), "pillars": pillars})
    return out
