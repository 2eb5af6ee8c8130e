"""The item the spider yields: one fetched article page (with its continuation parts), as raw bytes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from storage.models import utcnow


@dataclass
class PageItem:
    """A fetched article; ``page_id``/``new`` are filled once its transaction has committed.

    Extra pipelines passed to ``crawler.run.crawl`` receive this item after the commit, so
    ``page_id`` names a row they can read (``new`` is False when the canonical URL was stored
    already and this fetch was a duplicate).
    """

    source: str
    source_id: int
    url: str  # the URL requested, as discovered (view-all parameter included)
    final_url: str  # where redirects ended
    canonical_url: str  # the unique key: canonical_url(rel=canonical or final_url)
    status: int
    body: bytes = field(repr=False)
    content_type: str | None = None
    encoding: str | None = None
    parts: tuple[tuple[int, str, bytes], ...] = field(default=(), repr=False)  # (seq, url, body) for "halaman 2", 3, …
    frontier: tuple[tuple[str, str], ...] = ()  # (url, canonical_url) rows this fetch settles
    fetched_at: datetime = field(default_factory=utcnow)
    page_id: int | None = None
    new: bool | None = None
