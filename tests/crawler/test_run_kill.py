"""Kill crawls at seeded random points (SIGTERM and SIGKILL) and resume: nothing lost, nothing twice.

Four outlets (one per template, 124 articles, some in several parts) are served with a small delay
per request so every kill lands mid-crawl: each kill waits until the crawl has made a seeded number
of requests (1-10) past where the previous run left the servers, and only counts if the crawl was
still running. After 12 kills the database must not yet hold every article, then one clean crawl
must leave exactly the sites' articles, once each, with ``PRAGMA integrity_check`` ok after every
kill and run records that add up.
"""

from __future__ import annotations

import random
import signal
import subprocess
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from nlp.urls import canonical_url
from smartcity.demo.server import SiteServer, serve
from tests.crawler.conftest import HOSTS, child_env, crawl_args, query, run_crawl, write_sources
from tests.crawler.sites import BUILDERS, source_entry

SEED = 20261128
SIZES = {"rss": 30, "sitemap": 30, "listing": 36, "portal": 28}
KILLS = 12
SERVER_DELAY = 0.03
SETTINGS = ["crawl.concurrent_per_domain=1", "crawl.retries=1"]


def _integrity(db: Path) -> str:
    return str(query(db, "PRAGMA integrity_check")[0][0])


def _settle(servers: list[SiteServer]) -> int:
    """Request count once a killed crawl's last in-flight requests have been answered and logged."""
    count, stable_since = -1, time.monotonic()
    while time.monotonic() - stable_since < 10 * SERVER_DELAY:
        now = sum(len(s.requests) for s in servers)
        if now != count:
            count, stable_since = now, time.monotonic()
        time.sleep(SERVER_DELAY / 2)
    return count


def _wait_for_requests(servers: list[SiteServer], target: int, proc: subprocess.Popen[bytes], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if sum(len(s.requests) for s in servers) >= target:
            return
        time.sleep(0.005)


@pytest.mark.slow
def test_killed_crawls_resume_with_nothing_lost_and_nothing_stored_twice(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    today = datetime.now(timezone(timedelta(hours=7))).replace(microsecond=0)
    stories = {t: BUILDERS[t](tmp_path / t, n=n, today=today) for t, n in SIZES.items()}
    servers = {t: serve(tmp_path / t, host=HOSTS[t], delay=SERVER_DELAY) for t in SIZES}
    try:
        sources = write_sources(tmp_path / "sources.toml",
                                [source_entry(t, f"kill-{t}", s.url, max_pages=20) for t, s in servers.items()])
        names = [f"kill-{t}" for t in SIZES]
        db = tmp_path / "crawl.db"
        expected = {canonical_url(servers[t].url + s.path): s.parts for t, ss in stories.items() for s in ss}
        since = (today - timedelta(days=30)).strftime("%Y-%m-%d")
        all_servers = list(servers.values())

        signals = [signal.SIGTERM, signal.SIGKILL] * (KILLS // 2)
        rng.shuffle(signals)
        landed: list[signal.Signals] = []
        for sig in signals:
            seen = _settle(all_servers)  # requests past this point are the new crawl's own
            target = seen + rng.randint(1, 10)
            proc = subprocess.Popen(crawl_args(db, sources, names, settings=SETTINGS, since=since), cwd=tmp_path, env=child_env(),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _wait_for_requests(all_servers, target, proc)
            if proc.poll() is None:
                proc.send_signal(sig)
                landed.append(sig)
            proc.wait(timeout=90)
            assert _integrity(db) == "ok"
        assert len(landed) >= 10, f"only {len(landed)} kills landed mid-crawl"
        assert {signal.SIGTERM, signal.SIGKILL} <= set(landed)
        stored_before = {r.canonical_url for r in query(db, "SELECT canonical_url FROM page")}
        assert stored_before < set(expected), "the kills did not interrupt the crawl"

        final = run_crawl(db, sources, names, settings=SETTINGS, since=since, timeout=240)
        assert final.returncode == 0, final.stderr[-3000:]
        assert _integrity(db) == "ok"

        pages = query(db, "SELECT id, canonical_url FROM page")
        assert sorted(p.canonical_url for p in pages) == sorted(expected)  # every article, once each
        parts = dict(query(db, "SELECT page_id, COUNT(*) FROM page_part GROUP BY page_id"))
        for p in pages:
            want = 0 if "/bandung/" in p.canonical_url else expected[p.canonical_url] - 1  # view-all outlet: no parts
            assert parts.get(p.id, 0) == want, p.canonical_url
        assert query(db, "SELECT COUNT(*) FROM frontier WHERE state IN ('pending', 'failed')")[0][0] == 0

        runs = query(db, "SELECT id, status FROM crawl_run ORDER BY id")
        assert len(runs) == len(landed) + 1
        assert [r.status for r in runs] == ["killed"] * len(landed) + ["ok"]
        new_total = query(db, "SELECT SUM(new_articles) FROM crawl_run_source")[0][0]
        assert new_total == len(expected)  # each article counted new exactly once, even across SIGKILLs

        for s in all_servers:
            s.clear()
        again = run_crawl(db, sources, names, settings=SETTINGS, since=since)
        assert again.returncode == 0
        article_requests = [r.path for s in all_servers for r in s.requests
                            if canonical_url(s.url + r.path.split("?")[0]) in expected]
        assert article_requests == []
    finally:
        for s in servers.values():
            s.stop()
