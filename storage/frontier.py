"""The crawler's ledger of article URLs: discovered -> pending -> stored / gone / failed(reason).

JOBDIR does not survive SIGKILL, so the frontier lives here: a URL is written as pending before it
is requested, the page and its frontier row are written in one transaction (``storage.pages``),
and every crawl starts by re-queueing what is still pending. Unique canonical keys and
``INSERT … ON CONFLICT`` (same SQL on SQLite and PostgreSQL) make every write idempotent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from storage.models import FrontierURL, utcnow
from storage.upsert import upsert_stmt

FRONTIER: sa.Table = FrontierURL.__table__  # type: ignore[attr-defined]
CHUNK = 500  # keys per IN (...) query / executemany batch, well under every backend's limit
PENDING, STORED, GONE, FAILED = "pending", "stored", "gone", "failed"
SETTLED = (STORED, GONE)


@dataclass(frozen=True)
class Discovered:
    """A URL found in a feed, sitemap or listing: fetch ``url``, key it by ``canonical_url``."""

    url: str
    canonical_url: str
    hinted_published: datetime | None = None


@dataclass(frozen=True)
class FrontierEntry:
    """One frontier row as the crawler needs it."""

    source_id: int
    url: str
    canonical_url: str
    state: str
    attempts: int
    discovered_at: datetime
    reason: str | None = None


@dataclass(frozen=True)
class Outcome:
    """A fetch that ended without a stored page: the new state and the reason."""

    canonical_url: str
    state: str  # gone | failed | pending
    reason: str


def _chunks(items: Sequence[str], size: int = CHUNK) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _entry(row: sa.Row) -> FrontierEntry:  # type: ignore[type-arg]
    return FrontierEntry(row.source_id, row.url, row.canonical_url, row.state, row.attempts, row.discovered_at, row.reason)


def lookup(session: Session, canonical_urls: Iterable[str]) -> dict[str, FrontierEntry]:
    """Frontier rows for these canonical URLs (missing keys are unknown URLs)."""
    keys = list(dict.fromkeys(canonical_urls))
    out: dict[str, FrontierEntry] = {}
    c = FRONTIER.c
    for chunk in _chunks(keys):
        stmt = (sa.select(c.source_id, c.url, c.canonical_url, c.state, c.attempts, c.discovered_at, c.reason)
                .where(c.canonical_url.in_(chunk)))
        for row in session.execute(stmt):
            out[row.canonical_url] = _entry(row)
    return out


def discover(session: Session, source_id: int, items: Sequence[Discovered], *, now: datetime | None = None) -> None:
    """Record URLs as pending; URLs already in the frontier keep their row and state."""
    if not items:
        return
    now = now or utcnow()
    stmt = upsert_stmt(session.get_bind().dialect.name, FRONTIER, key=["canonical_url"])
    rows = [
        {"source_id": source_id, "url": d.url, "canonical_url": d.canonical_url, "state": PENDING, "reason": None,
         "attempts": 0, "hinted_published": d.hinted_published, "discovered_at": now, "updated_at": now}
        for d in {d.canonical_url: d for d in items}.values()
    ]
    for i in range(0, len(rows), CHUNK):
        session.execute(stmt, rows[i : i + CHUNK])


def requeue(session: Session, source_ids: Sequence[int], *, max_attempts: int) -> list[FrontierEntry]:
    """URLs to fetch again at start: every pending one, and failed ones with attempts left."""
    if not source_ids:
        return []
    c = FRONTIER.c
    stmt = (
        sa.select(c.source_id, c.url, c.canonical_url, c.state, c.attempts, c.discovered_at, c.reason)
        .where(c.source_id.in_(list(source_ids)))
        .where(sa.or_(c.state == PENDING, sa.and_(c.state == FAILED, c.attempts < max_attempts)))
        .order_by(c.id)
    )
    return [_entry(row) for row in session.execute(stmt)]


def settle(session: Session, outcomes: Sequence[Outcome], *, now: datetime | None = None) -> None:
    """Record fetches that stored nothing: gone (404, robots) or failed (5xx, timeout) with attempts + 1."""
    if not outcomes:
        return
    now = now or utcnow()
    c = FRONTIER.c
    stmt = (
        sa.update(FRONTIER)
        .where(c.canonical_url == sa.bindparam("key"))
        .where(c.state != STORED)  # a page stored by another fetch of the same URL wins
        .values(state=sa.bindparam("new_state"), reason=sa.bindparam("new_reason"), attempts=c.attempts + 1, updated_at=now)
    )
    session.execute(stmt, [{"key": o.canonical_url, "new_state": o.state, "new_reason": o.reason[:200]} for o in outcomes])


def counts(session: Session, source_id: int | None = None) -> dict[str, int]:
    """Rows per state (for one source or all), for status displays and tests."""
    c = FRONTIER.c
    stmt = sa.select(c.state, sa.func.count()).group_by(c.state)
    if source_id is not None:
        stmt = stmt.where(c.source_id == source_id)
    return {state: int(n) for state, n in session.execute(stmt)}
