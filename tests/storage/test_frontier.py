"""The frontier ledger on SQLite and PostgreSQL: discover, re-queue, settle — idempotent everywhere."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.engine import Engine

from storage import frontier
from storage.articles import ensure_source
from storage.db import session_scope
from storage.frontier import Discovered, Outcome


def _source(engine: Engine, name: str = "kabar") -> int:
    with session_scope(engine) as s:
        return ensure_source(s, name=name, home=f"https://{name}.example/")


def _d(n: int) -> Discovered:
    return Discovered(f"https://kabar.example/berita/{n}?utm_source=rss", f"https://kabar.example/berita/{n}",
                      datetime(2026, 11, 19, tzinfo=UTC))


def test_discover_is_idempotent_and_keeps_existing_state(any_engine: Engine) -> None:
    sid = _source(any_engine)
    with session_scope(any_engine) as s:
        frontier.discover(s, sid, [_d(1), _d(2), _d(2)])
    with session_scope(any_engine) as s:
        frontier.settle(s, [Outcome("https://kabar.example/berita/1", "gone", "http_404")])
    with session_scope(any_engine) as s:
        frontier.discover(s, sid, [_d(1), _d(2), _d(3)])
        rows = frontier.lookup(s, ["https://kabar.example/berita/1", "https://kabar.example/berita/2",
                                   "https://kabar.example/berita/3", "https://kabar.example/tidak-ada"])
    assert set(rows) == {"https://kabar.example/berita/1", "https://kabar.example/berita/2", "https://kabar.example/berita/3"}
    assert (rows["https://kabar.example/berita/1"].state, rows["https://kabar.example/berita/1"].reason) == ("gone", "http_404")
    assert rows["https://kabar.example/berita/2"].state == "pending"
    assert rows["https://kabar.example/berita/2"].url.endswith("?utm_source=rss")  # the URL to fetch, as found
    assert rows["https://kabar.example/berita/2"].discovered_at.tzinfo is not None


def test_requeue_returns_pending_and_retryable_failures_only(any_engine: Engine) -> None:
    sid, other = _source(any_engine), _source(any_engine, "lain")
    with session_scope(any_engine) as s:
        frontier.discover(s, sid, [_d(i) for i in range(1, 6)])
        frontier.discover(s, other, [Discovered("https://lain.example/a/1", "https://lain.example/a/1")])
    with session_scope(any_engine) as s:
        frontier.settle(s, [Outcome(_d(2).canonical_url, "gone", "http_404"), Outcome(_d(3).canonical_url, "failed", "http_500"),
                            Outcome(_d(4).canonical_url, "failed", "timeout")])
    with session_scope(any_engine) as s:
        frontier.settle(s, [Outcome(_d(4).canonical_url, "failed", "timeout")])  # second failed crawl
    with session_scope(any_engine) as s:
        again = frontier.requeue(s, [sid], max_attempts=2)
        counts = frontier.counts(s, sid)
    assert [e.canonical_url for e in again] == [_d(1).canonical_url, _d(3).canonical_url, _d(5).canonical_url]
    assert counts == {"pending": 2, "gone": 1, "failed": 2}


def test_settle_never_downgrades_a_stored_row(any_engine: Engine) -> None:
    from storage.pages import PageWrite, store_page

    sid = _source(any_engine)
    with session_scope(any_engine) as s:
        frontier.discover(s, sid, [_d(1)])
        store_page(s, PageWrite(sid, _d(1).url, _d(1).canonical_url, 200, b"<html>isi</html>"))
    with session_scope(any_engine) as s:
        frontier.settle(s, [Outcome(_d(1).canonical_url, "failed", "timeout")])  # a late duplicate fetch failed
        row = frontier.lookup(s, [_d(1).canonical_url])[_d(1).canonical_url]
    assert row.state == "stored"
