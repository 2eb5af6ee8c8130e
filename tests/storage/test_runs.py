"""Crawl-run records on SQLite and PostgreSQL: running totals, killed runs, the listing cutoff."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from storage import runs
from storage.articles import ensure_source
from storage.db import session_scope
from storage.runs import SourceCounts


def _sources(engine: Engine) -> tuple[int, int]:
    with session_scope(engine) as s:
        return ensure_source(s, name="kabar", home="https://kabar.example/"), ensure_source(s, name="portal", home="https://portal.example/")


def test_counts_are_running_totals_and_the_run_closes(any_engine: Engine) -> None:
    a, b = _sources(any_engine)
    with session_scope(any_engine) as s:
        run_id = runs.start_run(s, options={"since": "2026-11-01", "sources": ["kabar", "portal"]}, pid=4242)
        runs.write_counts(s, run_id, {a: SourceCounts(pages_fetched=3, new_articles=2), b: SourceCounts()})
    with session_scope(any_engine) as s:
        runs.write_counts(s, run_id, {a: SourceCounts(pages_fetched=9, new_articles=6, known=4, duplicates=1, failed=1,
                                                      errors={"http_404": 2, "feed:not_xml": 1})})
        runs.finish_run(s, run_id, status="partial", message="1 of 2 sources had errors: kabar")
    with session_scope(any_engine) as s:
        record = runs.get_run(s, run_id)
        listed = runs.list_runs(s)
    assert record.status == "partial"
    assert record.finished_at is not None
    assert record.pid == 4242
    rows = {r.source: r.counts for r in record.sources}
    assert rows["kabar"] == SourceCounts(9, 6, 4, 1, 1, {"feed:not_xml": 1, "http_404": 2})
    assert rows["portal"] == SourceCounts()
    assert [r.id for r in listed] == [run_id]


def test_runs_of_dead_processes_are_marked_killed(any_engine: Engine) -> None:
    with session_scope(any_engine) as s:
        dead = runs.start_run(s, options={}, pid=111)
        alive = runs.start_run(s, options={}, pid=222)
        done = runs.start_run(s, options={}, pid=333)
        runs.finish_run(s, done, status="ok")
    with session_scope(any_engine) as s:
        marked = runs.mark_stale(s, alive=lambda pid: pid == 222)
    assert marked == [dead]
    with session_scope(any_engine) as s:
        assert runs.get_run(s, dead).status == "killed"
        assert "111" in (runs.get_run(s, dead).message or "")
        assert runs.get_run(s, alive).status == "running"
        assert runs.get_run(s, done).status == "ok"


def test_last_complete_ignores_killed_runs_and_cut_short_listings(any_engine: Engine) -> None:
    a, b = _sources(any_engine)
    with session_scope(any_engine) as s:
        assert runs.last_complete(s, a) is None
        ok = runs.start_run(s, options={})
        runs.write_counts(s, ok, {a: SourceCounts(), b: SourceCounts()})
        runs.finish_run(s, ok, status="ok")
    with session_scope(any_engine) as s:
        cut = runs.start_run(s, options={})
        runs.write_counts(s, cut, {a: SourceCounts(errors={"listing:http_500": 1}), b: SourceCounts(errors={"http_404": 1})})
        runs.finish_run(s, cut, status="partial")
        killed = runs.start_run(s, options={})
        runs.write_counts(s, killed, {a: SourceCounts(), b: SourceCounts()})
        runs.finish_run(s, killed, status="killed")
    with session_scope(any_engine) as s:
        first = runs.get_run(s, ok).finished_at
        second = runs.get_run(s, cut).finished_at
        assert runs.last_complete(s, a) == first  # the run whose listing failed does not count for a
        assert runs.last_complete(s, b) == second  # an article 404 does not cut a listing short
