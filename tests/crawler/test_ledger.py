"""The crawl's database edge without a reactor: triage of discovered links, batches, the listing cutoff."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from crawler.discovery import Link
from crawler.items import PageItem
from crawler.ledger import Ledger, Progress
from storage import frontier, runs
from storage.articles import ensure_source
from storage.db import session_scope
from storage.pages import PAGE, PageStored

BASE = "https://kabar.example/berita"


def _setup(engine: Engine, **kwargs: object) -> tuple[Ledger, int]:
    with session_scope(engine) as s:
        sid = ensure_source(s, name="kabar", home="https://kabar.example/")
        run_id = runs.start_run(s, options={})
    ledger = Ledger(engine, run_id=run_id, source_ids={"kabar": sid}, **kwargs)  # type: ignore[arg-type]
    ledger.open()
    return ledger, sid


def _item(sid: int, n: int) -> PageItem:
    url = f"{BASE}/{n}/judul"
    return PageItem(source="kabar", source_id=sid, url=url + "?utm_source=rss", final_url=url, canonical_url=url, status=200,
                    body=b"<html><p>isi</p></html>", frontier=((url + "?utm_source=rss", url),))


def test_triage_commits_new_links_as_pending_before_they_are_fetched(engine: Engine) -> None:
    ledger, sid = _setup(engine)
    links = [Link(f"{BASE}/1/judul?utm_source=rss"), Link(f"{BASE}/1/judul"), Link(f"{BASE}/2/judul")]
    t = ledger.triage(sid, links)
    assert [d.canonical_url for d in t.fetch] == [f"{BASE}/1/judul", f"{BASE}/2/judul"]
    assert t.fetch[0].url.endswith("?utm_source=rss")  # fetch what was discovered
    with session_scope(engine) as s:
        assert frontier.counts(s) == {"pending": 2}
    assert ledger.triage(sid, links).fetch == ()  # asked for once per run


def test_flush_writes_pages_outcomes_and_counts_in_one_go(engine: Engine) -> None:
    seen: list[Progress] = []
    ledger, sid = _setup(engine, batch_size=3, progress=seen.append, progress_every=2)
    ledger.triage(sid, [Link(f"{BASE}/{n}/judul") for n in (1, 2, 3)])
    results: list[PageStored | BaseException] = []
    assert not ledger.add_page(_item(sid, 1), results.append)
    assert not ledger.add_page(_item(sid, 1), results.append)  # a second fetch of the same article
    ledger.outcome(sid, f"{BASE}/3/judul", "gone", "http_404")
    with session_scope(engine) as s:
        assert s.execute(sa.select(sa.func.count()).select_from(PAGE)).scalar_one() == 0  # nothing before the flush
    ledger.flush()
    assert [r.new for r in results if isinstance(r, PageStored)] == [True, False]
    counts = ledger.counts[sid]
    assert (counts.new_articles, counts.duplicates, counts.errors) == (1, 1, {"http_404": 1})
    assert seen
    assert seen[-1].articles == 3
    assert seen[-1].new == 1
    with session_scope(engine) as s:
        record = runs.get_run(s, ledger.run_id)
        states = frontier.counts(s)
    assert record.sources[0].counts.new_articles == 1  # the run row was written with the pages
    assert states == {"stored": 1, "gone": 1, "pending": 1}


def test_listings_stop_only_at_articles_a_complete_run_has_seen(engine: Engine) -> None:
    ledger, sid = _setup(engine)
    ledger.triage(sid, [Link(f"{BASE}/1/judul")])
    ledger.add_page(_item(sid, 1))
    ledger.flush()
    # same run, article now stored: known, but no complete run has walked the listing yet
    again = ledger.triage(sid, [Link(f"{BASE}/1/judul")])
    assert again.known == 1
    assert not again.met_known
    ledger.close(status="killed", message="uji")
    killed_followup, _ = _setup(engine)
    assert not killed_followup.triage(sid, [Link(f"{BASE}/1/judul")]).met_known  # a killed run proves nothing
    killed_followup.close(status="ok", message=None)
    after_ok, _ = _setup(engine)
    t = after_ok.triage(sid, [Link(f"{BASE}/1/judul"), Link(f"{BASE}/9/baru")])
    assert t.met_known
    assert [d.canonical_url for d in t.fetch] == [f"{BASE}/9/baru"]


def test_open_requeues_pending_and_retryable_urls(engine: Engine) -> None:
    first, sid = _setup(engine, max_attempts=2)
    first.triage(sid, [Link(f"{BASE}/{n}/judul") for n in (1, 2, 3)])
    first.outcome(sid, f"{BASE}/2/judul", "failed", "timeout")
    first.outcome(sid, f"{BASE}/3/judul", "gone", "http_410")
    first.close(status="partial", message=None)
    second, _ = _setup(engine, max_attempts=2)
    with session_scope(engine) as s:
        again = frontier.requeue(s, [sid], max_attempts=2)
    assert [e.canonical_url for e in again] == [f"{BASE}/1/judul", f"{BASE}/2/judul"]
    assert second.scheduled >= {f"{BASE}/1/judul", f"{BASE}/2/judul"}
    assert datetime.now(UTC) > again[0].discovered_at
