"""Raw pages: a fetched page, its continuation parts and its frontier rows, written in one transaction.

The page is keyed by canonical URL (``INSERT … ON CONFLICT DO NOTHING``), so fetching a URL twice
(at-least-once after a kill) stores it once; the second copy is reported as a duplicate. Bodies are
kept zlib-compressed so ``smartcity process`` can re-extract without re-crawling.
"""

from __future__ import annotations

import functools
import hashlib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from storage.frontier import FRONTIER, STORED
from storage.models import Page, PagePart, utcnow
from storage.upsert import upsert_stmt

PAGE: sa.Table = Page.__table__  # type: ignore[attr-defined]
PAGE_PART: sa.Table = PagePart.__table__  # type: ignore[attr-defined]
ZLIB_LEVEL = 6


@dataclass(frozen=True)
class PartWrite:
    """A continuation page ("halaman 2") of an article: its number (2, 3, …), URL and body."""

    seq: int
    url: str
    body: bytes


@dataclass(frozen=True)
class PageWrite:
    """One fetched article to store; ``frontier`` lists the (url, canonical_url) rows it settles."""

    source_id: int
    url: str
    canonical_url: str
    status: int
    body: bytes
    content_type: str | None = None
    encoding: str | None = None
    parts: tuple[PartWrite, ...] = ()
    frontier: tuple[tuple[str, str], ...] = ()
    fetched_at: datetime = field(default_factory=utcnow)


@dataclass(frozen=True)
class PageStored:
    """Where a page landed: its id, and whether it was new (False: that canonical URL was stored already)."""

    page_id: int
    new: bool


def compress(body: bytes) -> bytes:
    """The stored form of a body."""
    return zlib.compress(body, ZLIB_LEVEL)


def decompress(body_z: bytes) -> bytes:
    """A stored body back as fetched."""
    return zlib.decompress(body_z)


@functools.cache
def _statements(dialect: str) -> tuple[Any, Any, Any]:
    """INSERT statements for pages, parts and frontier rows, built once per dialect."""
    page = upsert_stmt(dialect, PAGE, key=["canonical_url"], returning=["id", "canonical_url"])
    part = upsert_stmt(dialect, PAGE_PART, key=["page_id", "seq"])
    front = upsert_stmt(dialect, FRONTIER, key=["canonical_url"], update=["state", "reason", "updated_at"])
    return page, part, front


def _page_row(page: PageWrite) -> dict[str, Any]:
    return {
        "source_id": page.source_id, "url": page.url, "canonical_url": page.canonical_url, "status": page.status,
        "fetched_at": page.fetched_at, "content_type": (page.content_type or "")[:200] or None,
        "encoding": (page.encoding or "")[:40] or None, "body_z": compress(page.body),
        "body_sha1": hashlib.sha1(page.body).hexdigest(), "processed_at": None, "process_reason": None,
    }


def store_pages(session: Session, pages: Sequence[PageWrite], *, now: datetime | None = None) -> list[PageStored]:
    """Write pages (once per canonical URL), their parts and frontier rows in the caller's transaction.

    Each page lands with its own frontier rows in the same transaction; a batch only shares the
    transaction (and its executemany round trips) among several pages. A canonical URL already
    stored, or seen earlier in the batch, is reported as not new.
    """
    if not pages:
        return []
    now = now or utcnow()
    page_stmt, part_stmt, front_stmt = _statements(session.get_bind().dialect.name)
    first: dict[str, PageWrite] = {}
    for p in pages:
        first.setdefault(p.canonical_url, p)
    inserted = {row.canonical_url: int(row.id) for row in session.execute(page_stmt, [_page_row(p) for p in first.values()])}
    missing = [k for k in first if k not in inserted]
    existing: dict[str, int] = {}
    for i in range(0, len(missing), 500):
        chunk = missing[i : i + 500]
        q = sa.select(PAGE.c.id, PAGE.c.canonical_url).where(PAGE.c.canonical_url.in_(chunk))
        existing.update((r.canonical_url, int(r.id)) for r in session.execute(q))
    parts = [
        {"page_id": inserted[p.canonical_url], "seq": part.seq, "url": part.url, "body_z": compress(part.body)}
        for p in first.values() if p.canonical_url in inserted for part in p.parts
    ]
    if parts:
        session.execute(part_stmt, parts)
    frontier_rows: dict[str, dict[str, Any]] = {}
    for p in pages:
        for url, canonical in (*p.frontier, (p.url, p.canonical_url)):
            frontier_rows.setdefault(canonical, {
                "source_id": p.source_id, "url": url, "canonical_url": canonical, "state": STORED, "reason": None,
                "attempts": 1, "hinted_published": None, "discovered_at": now, "updated_at": now,
            })
    session.execute(front_stmt, list(frontier_rows.values()))
    out = []
    for p in pages:
        if first[p.canonical_url] is p and p.canonical_url in inserted:
            out.append(PageStored(inserted[p.canonical_url], True))
        else:
            out.append(PageStored(inserted.get(p.canonical_url) or existing[p.canonical_url], False))
    return out


def store_page(session: Session, page: PageWrite, *, now: datetime | None = None) -> PageStored:
    """One page with its parts and frontier rows, in the caller's transaction."""
    return store_pages(session, [page], now=now)[0]


def page_parts(session: Session, page_id: int) -> list[PartWrite]:
    """The continuation parts of a stored page, in order, decompressed."""
    c = PAGE_PART.c
    rows = session.execute(sa.select(c.seq, c.url, c.body_z).where(c.page_id == page_id).order_by(c.seq))
    return [PartWrite(r.seq, r.url, decompress(r.body_z)) for r in rows]
