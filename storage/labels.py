"""Analyst labels: kept apart from machine tags, so re-tagging (which rewrites those) never loses one.

A label may override relevance, the pillar list and the city list independently; what a change
does not mention stays as the label had it (or as the machine has it, for a new label). Writing
the same change twice leaves the same rows.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from nlp.types import PILLARS
from storage.models import Article, Label, LabelCity, LabelPillar, utcnow
from storage.upsert import upsert_stmt

ARTICLE: sa.Table = Article.__table__  # type: ignore[attr-defined]
LABEL: sa.Table = Label.__table__  # type: ignore[attr-defined]
LABEL_PILLAR: sa.Table = LabelPillar.__table__  # type: ignore[attr-defined]
LABEL_CITY: sa.Table = LabelCity.__table__  # type: ignore[attr-defined]


class LabelError(ValueError):
    """A label the monitor cannot record; the message names the input and the fix."""


@dataclass(frozen=True)
class LabelChange:
    """What an analyst says about an article; None means "leave this part as it is"."""

    relevant: bool | None = None
    pillars: tuple[str, ...] | None = None  # () = no pillar; the first one is the main pillar
    cities: tuple[tuple[str, str], ...] | None = None  # (official city, province); () = no city; first is main
    analyst: str | None = None
    note: str | None = None

    def is_empty(self) -> bool:
        """Whether the change says nothing at all."""
        return all(v is None for v in (self.relevant, self.pillars, self.cities, self.analyst, self.note))


@dataclass(frozen=True)
class LabelRecord:
    """A stored label; ``pillars``/``cities`` None = the machine's list still applies."""

    article_id: int
    relevant: bool | None
    pillars: tuple[str, ...] | None
    cities: tuple[tuple[str, str], ...] | None
    analyst: str | None
    note: str | None
    labelled_at: datetime


def check_pillars(names: Sequence[str]) -> tuple[str, ...]:
    """Pillar ids as given, or LabelError naming the nearest valid ids."""
    for name in names:
        if name not in PILLARS:
            near = difflib.get_close_matches(name.lower(), PILLARS, n=3, cutoff=0.4)
            hint = f"did you mean {', '.join(near)}?" if near else f"use one of {', '.join(PILLARS)}"
            raise LabelError(f"unknown pillar {name!r}: {hint}")
    return tuple(dict.fromkeys(names))


def set_label(session: Session, article_id: int, change: LabelChange, *, now: datetime | None = None) -> LabelRecord:
    """Record (or amend) the analyst label of one article; returns the label as stored."""
    if change.is_empty():
        raise LabelError(f"article {article_id}: nothing to record: give a relevance, pillars, cities or a note")
    if session.execute(sa.select(ARTICLE.c.id).where(ARTICLE.c.id == article_id)).first() is None:
        raise LabelError(f"article {article_id} does not exist: find article ids with `smartcity query --search WORDS`")
    pillars = None if change.pillars is None else check_pillars(change.pillars)
    cities = None if change.cities is None else tuple(dict.fromkeys(change.cities))
    for city, province in cities or ():
        if not city.strip() or not province.strip():
            raise LabelError(f"article {article_id}: a city needs its official name and province, got {(city, province)!r}")
    old = get_label(session, article_id)
    values = {
        "article_id": article_id,
        "relevant": change.relevant if change.relevant is not None else (old.relevant if old else None),
        "pillars_set": pillars is not None or bool(old and old.pillars is not None),
        "cities_set": cities is not None or bool(old and old.cities is not None),
        "analyst": change.analyst if change.analyst is not None else (old.analyst if old else None),
        "note": change.note if change.note is not None else (old.note if old else None),
        "labelled_at": now or utcnow(),
    }
    dialect = session.get_bind().dialect.name
    session.execute(upsert_stmt(dialect, LABEL, key=["article_id"], update=[k for k in values if k != "article_id"]), values)
    if pillars is not None:
        session.execute(sa.delete(LABEL_PILLAR).where(LABEL_PILLAR.c.article_id == article_id))
        if pillars:
            session.execute(sa.insert(LABEL_PILLAR),
                            [{"article_id": article_id, "pillar": p, "is_main": i == 0} for i, p in enumerate(pillars)])
    if cities is not None:
        session.execute(sa.delete(LABEL_CITY).where(LABEL_CITY.c.article_id == article_id))
        if cities:
            session.execute(sa.insert(LABEL_CITY), [
                {"article_id": article_id, "city": c, "province": p, "is_main": i == 0} for i, (c, p) in enumerate(cities)
            ])
    record = get_label(session, article_id)
    assert record is not None
    return record


def clear_label(session: Session, article_id: int) -> bool:
    """Remove an article's label (the machine's tags apply again); False when there was none."""
    session.execute(sa.delete(LABEL_PILLAR).where(LABEL_PILLAR.c.article_id == article_id))
    session.execute(sa.delete(LABEL_CITY).where(LABEL_CITY.c.article_id == article_id))
    result = session.execute(sa.delete(LABEL).where(LABEL.c.article_id == article_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def get_label(session: Session, article_id: int) -> LabelRecord | None:
    """The stored label of one article, or None."""
    row = session.execute(sa.select(LABEL).where(LABEL.c.article_id == article_id)).first()
    if row is None:
        return None
    pillars = cities = None
    if row.pillars_set:
        q = sa.select(LABEL_PILLAR.c.pillar).where(LABEL_PILLAR.c.article_id == article_id)
        pillars = tuple(r[0] for r in session.execute(q.order_by(LABEL_PILLAR.c.is_main.desc(), LABEL_PILLAR.c.pillar)))
    if row.cities_set:
        q = sa.select(LABEL_CITY.c.city, LABEL_CITY.c.province).where(LABEL_CITY.c.article_id == article_id)
        cities = tuple((r[0], r[1]) for r in session.execute(q.order_by(LABEL_CITY.c.is_main.desc(), LABEL_CITY.c.city)))
    relevant = None if row.relevant is None else bool(row.relevant)
    return LabelRecord(article_id, relevant, pillars, cities, row.analyst, row.note, row.labelled_at)
