"""The crawl's database edge: which discovered URLs to fetch, and batched page + frontier + count writes.

Discoveries are committed before their requests leave, so a kill never loses a URL. Fetched pages
wait in memory for at most ``batch_size`` pages or ``batch_seconds``, then one transaction writes
each page with its frontier rows and the run's running totals: a SIGKILL loses only fetches that
are still pending in the frontier, and the run record counts exactly what was stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Engine

from crawler.discovery import Link
from crawler.items import PageItem
from nlp.urls import canonical_url
from storage import frontier, runs
from storage.db import session_scope
from storage.frontier import Discovered, FrontierEntry, Outcome
from storage.pages import PageStored, PageWrite, PartWrite, store_page, store_pages

logger = logging.getLogger(__name__)

Done = Callable[[PageStored | BaseException], None]


@dataclass(frozen=True)
class Triage:
    """What to do with a discovery document's links: fetch these, N already known, stop paging?"""

    fetch: tuple[Discovered, ...]
    known: int
    met_known: bool


@dataclass(frozen=True)
class Progress:
    """Totals so far, handed to the progress callback every N article pages."""

    articles: int
    new: int
    known: int
    duplicates: int
    failed: int
    errors: int


def page_write(item: PageItem) -> PageWrite:
    """The storage form of a fetched page item."""
    return PageWrite(
        source_id=item.source_id, url=item.url, canonical_url=item.canonical_url, status=item.status, body=item.body,
        content_type=item.content_type, encoding=item.encoding, parts=tuple(PartWrite(*p) for p in item.parts),
        frontier=item.frontier, fetched_at=item.fetched_at,
    )


class Ledger:
    """Per-crawl state over the database: frontier triage, write batches, run counts."""

    def __init__(
        self,
        engine: Engine,
        *,
        run_id: int,
        source_ids: Mapping[str, int],
        max_attempts: int = 3,
        batch_size: int = 50,
        progress: Callable[[Progress], None] | None = None,
        progress_every: int = 100,
    ) -> None:
        self.engine = engine
        self.run_id = run_id
        self.source_ids = dict(source_ids)
        self.max_attempts = max_attempts
        self.batch_size = batch_size
        self.progress = progress
        self.progress_every = progress_every
        self.counts: dict[int, runs.SourceCounts] = {sid: runs.SourceCounts() for sid in self.source_ids.values()}
        self.scheduled: set[str] = set()  # frontier keys requested in this run
        self._known_counted: set[str] = set()
        self._cutoff: dict[int, datetime | None] = {}
        self._pages: list[tuple[PageItem, Done | None]] = []
        self._outcomes: list[Outcome] = []
        self._articles_done = 0
        self._next_progress = progress_every

    # -- start ---------------------------------------------------------------------------------
    def open(self) -> list[FrontierEntry]:
        """Load each source's listing cutoff and return the URLs to re-queue (pending, retryable)."""
        with session_scope(self.engine) as s:
            for sid in self.source_ids.values():
                self._cutoff[sid] = runs.last_complete(s, sid)
            entries = frontier.requeue(s, list(self.source_ids.values()), max_attempts=self.max_attempts)
            runs.write_counts(s, self.run_id, self.counts)
        self.scheduled.update(e.canonical_url for e in entries)
        return entries

    def source_of(self, source_id: int) -> runs.SourceCounts:
        """The running totals of a source."""
        return self.counts[source_id]

    # -- discovery -----------------------------------------------------------------------------
    def triage(self, source_id: int, links: Sequence[Link]) -> Triage:
        """Record new links as pending (committed now) and say which to fetch and whether to stop paging."""
        by_key: dict[str, Link] = {}
        for link in links:
            by_key.setdefault(canonical_url(link.url), link)
        cutoff = self._cutoff.get(source_id)
        fetch: list[Discovered] = []
        new: list[Discovered] = []
        known = 0
        met_known = False
        with session_scope(self.engine) as s:
            rows = frontier.lookup(s, list(by_key))
            for key, link in by_key.items():
                row = rows.get(key)
                if row is not None and row.state in frontier.SETTLED:
                    if key not in self._known_counted:
                        self._known_counted.add(key)
                        known += 1
                    if cutoff is not None and row.discovered_at <= cutoff:
                        met_known = True
                    continue
                if key in self.scheduled:
                    continue
                if row is not None and row.state == frontier.FAILED and row.attempts >= self.max_attempts:
                    continue
                item = Discovered(link.url if row is None else row.url, key, link.published)
                fetch.append(item)
                if row is None:
                    new.append(item)
            frontier.discover(s, source_id, new)
        self.scheduled.update(d.canonical_url for d in fetch)
        self.counts[source_id].known += known
        return Triage(tuple(fetch), known, met_known)

    # -- counts --------------------------------------------------------------------------------
    def fetched(self, source_id: int, n: int = 1) -> None:
        """Count responses received for a source."""
        self.counts[source_id].pages_fetched += n

    def error(self, source_id: int, reason: str) -> None:
        """Count an error reason for a source (written with the next batch)."""
        self.counts[source_id].error(reason)

    # -- writes --------------------------------------------------------------------------------
    def outcome(self, source_id: int, key: str, state: str, reason: str) -> None:
        """Queue a fetch that stored nothing (gone / failed / back to pending) for the next batch."""
        self._outcomes.append(Outcome(key, state, reason))
        c = self.counts[source_id]
        c.error(reason)
        if state == frontier.FAILED:
            c.failed += 1

    def add_page(self, item: PageItem, done: Done | None = None) -> bool:
        """Queue a fetched page; ``done`` gets its PageStored (or the error) after the commit. True = batch full."""
        self._pages.append((item, done))
        return len(self._pages) >= self.batch_size

    @property
    def queued(self) -> int:
        """Writes waiting for the next batch."""
        return len(self._pages) + len(self._outcomes)

    def flush(self) -> None:
        """Write queued pages, outcomes and running totals in one transaction (per page on failure)."""
        pages, outcomes = self._pages, self._outcomes
        self._pages, self._outcomes = [], []
        tentative = {sid: c.copy() for sid, c in self.counts.items()}
        try:
            with session_scope(self.engine) as s:
                results: list[PageStored | BaseException] = list(store_pages(s, [page_write(i) for i, _ in pages]))
                for (item, _), res in zip(pages, results, strict=True):
                    _tally(tentative[item.source_id], res)
                frontier.settle(s, outcomes)
                runs.write_counts(s, self.run_id, tentative)
        except Exception:
            logger.exception("batch of %d pages failed; writing them one by one", len(pages))
            tentative = {sid: c.copy() for sid, c in self.counts.items()}
            results = [self._store_one(item, tentative) for item, _ in pages]
            with session_scope(self.engine) as s:
                frontier.settle(s, outcomes)
                runs.write_counts(s, self.run_id, tentative)
        self.counts = tentative
        for (item, done), res in zip(pages, results, strict=True):
            if isinstance(res, PageStored):
                item.page_id, item.new = res.page_id, res.new
            if done is not None:
                done(res)
        self._report(len(pages) + len(outcomes))

    def _store_one(self, item: PageItem, tentative: dict[int, runs.SourceCounts]) -> PageStored | BaseException:
        try:
            with session_scope(self.engine) as s:
                res = store_page(s, page_write(item))
                counts = tentative[item.source_id].copy()
                _tally(counts, res)
                runs.write_counts(s, self.run_id, {item.source_id: counts})
            tentative[item.source_id] = counts
            return res
        except Exception as exc:  # noqa: BLE001 - recorded as the page's failure, the crawl goes on
            logger.error("could not store %s: %s", item.url, exc)
            tentative[item.source_id].error("store_error")
            return exc

    def _report(self, handled: int) -> None:
        self._articles_done += handled
        if self.progress is None or self._articles_done < self._next_progress:
            return
        while self._next_progress <= self._articles_done:
            self._next_progress += self.progress_every
        self.progress(self.totals())

    def totals(self) -> Progress:
        """Totals over all sources so far."""
        cs = list(self.counts.values())
        return Progress(
            articles=self._articles_done, new=sum(c.new_articles for c in cs), known=sum(c.known for c in cs),
            duplicates=sum(c.duplicates for c in cs), failed=sum(c.failed for c in cs),
            errors=sum(sum(c.errors.values()) for c in cs),
        )

    def close(self, *, status: str, message: str | None) -> None:
        """Flush what is queued and close the run record."""
        if self.queued:
            self.flush()
        with session_scope(self.engine) as s:
            runs.write_counts(s, self.run_id, self.counts)
            runs.finish_run(s, self.run_id, status=status, message=message)

    def describe(self) -> dict[str, Any]:
        """Per-source totals by source name (for summaries and logs)."""
        names = {sid: name for name, sid in self.source_ids.items()}
        return {names[sid]: c for sid, c in self.counts.items()}


def _tally(counts: runs.SourceCounts, res: PageStored | BaseException) -> None:
    if isinstance(res, PageStored):
        if res.new:
            counts.new_articles += 1
        else:
            counts.duplicates += 1
