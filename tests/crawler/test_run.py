"""End-to-end crawls of our four fixture outlets through ``smartcity crawl`` in a subprocess."""

from __future__ import annotations

import zlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from nlp.urls import canonical_url
from smartcity.demo.server import SiteServer
from tests.crawler.conftest import query, run_crawl
from tests.crawler.sites import FIXTURE_SIZES, fixture_stories

NAMES = ["site-rss", "site-sitemap", "site-listing", "site-portal"]


@pytest.fixture(scope="module")
def stories() -> dict[str, list]:
    return fixture_stories()


def expected_pages(outlets: dict[str, SiteServer], stories: dict[str, list]) -> dict[str, str]:
    """canonical URL -> template, for every article the four outlets publish."""
    return {canonical_url(outlets[t].url + s.path): t for t, ss in stories.items() for s in ss}


def test_first_crawl_stores_every_article_once_with_its_parts(tmp_path: Path, outlets: dict[str, SiteServer],
                                                              outlet_sources: Path, stories: dict[str, list]) -> None:
    db = tmp_path / "crawl.db"
    result = run_crawl(db, outlet_sources, NAMES)
    assert result.returncode == 0, result.stderr[-3000:]
    expected = expected_pages(outlets, stories)
    pages = query(db, "SELECT id, canonical_url, url, body_z FROM page")
    assert sorted(p.canonical_url for p in pages) == sorted(expected)

    # the run record says what happened, per source
    assert result.summary["status"] == "ok"
    for t, n in FIXTURE_SIZES.items():
        assert result.summary["sources"][f"site-{t}"]["new_articles"] == n
    runs = query(db, "SELECT status, finished_at FROM crawl_run")
    assert [r.status for r in runs] == ["ok"]
    assert runs[0].finished_at is not None
    counts = query(db, "SELECT s.name, r.new_articles FROM crawl_run_source r JOIN source s ON s.id = r.source_id")
    assert {c.name: c.new_articles for c in counts} == {f"site-{t}": n for t, n in FIXTURE_SIZES.items()}

    # multi-page articles are one page plus their parts, in order
    by_url = {p.canonical_url: p for p in pages}
    for t, ss in stories.items():
        for s in ss:
            page = by_url[canonical_url(outlets[t].url + s.path)]
            parts = query(db, "SELECT seq FROM page_part WHERE page_id = :id ORDER BY seq", id=page.id)
            if t == "sitemap":  # the outlet's view-all URL: one request, no parts
                assert parts == []
                assert s.paragraphs[-1].split(".")[0].encode() in zlib.decompress(page.body_z)
            else:
                assert [p.seq for p in parts] == list(range(2, s.parts + 1)), s.path


def test_first_crawl_requests_only_what_it_should(tmp_path: Path, outlets: dict[str, SiteServer], outlet_sources: Path,
                                                  stories: dict[str, list]) -> None:
    result = run_crawl(tmp_path / "crawl.db", outlet_sources, NAMES)
    assert result.returncode == 0, result.stderr[-3000:]
    paths = {t: [r.path for r in s.requests] for t, s in outlets.items()}
    everything = [p for ps in paths.values() for p in ps]
    # never a tag, gallery, video page, nor anything robots.txt disallows
    assert not [p for p in everything if p.startswith(("/tag/", "/foto/", "/video/", "/berita/1099/"))]
    # the sitemap outlet is read through its view-all URLs and the old 2019 child sitemap is skipped
    sitemap_articles = [p for p in paths["sitemap"] if p.startswith("/bandung/")]
    assert sitemap_articles
    assert all(p.endswith("?page=all") for p in sitemap_articles)
    assert "/sitemap-2019-01.xml" not in paths["sitemap"]
    # listings are followed page by page
    assert [p for p in paths["listing"] if p.startswith("/indeks")] == ["/indeks", "/indeks?page=2", "/indeks?page=3"]
    assert "/berita/page/2" in paths["portal"]
    # the AMP copy in the feed is resolved to the canonical page, which is what gets stored
    amp_story = stories["rss"][1]
    assert amp_story.path + "/amp" in paths["rss"]
    assert amp_story.path in paths["rss"]
    body = query(tmp_path / "crawl.db", "SELECT body_z FROM page WHERE canonical_url = :u",
                 u=canonical_url(outlets["rss"].url + amp_story.path))[0].body_z
    assert b"<html amp" not in zlib.decompress(body)
    # robots.txt first on each host, and every request identifies the monitor
    for server in outlets.values():
        assert server.requests[0].path == "/robots.txt"
        agents = {r.headers.get("User-Agent", "") for r in server.requests}
        assert all(a.startswith("smartcity-monitor/") and "(+https://" in a for a in agents), agents


def test_frontier_records_redirects_robots_and_canonical_keys(tmp_path: Path, outlets: dict[str, SiteServer],
                                                              outlet_sources: Path) -> None:
    db = tmp_path / "crawl.db"
    assert run_crawl(db, outlet_sources, NAMES).returncode == 0
    rows = {r.canonical_url: r for r in query(db, "SELECT canonical_url, url, state, reason FROM frontier")}
    portal = outlets["portal"].url
    # an old URL that redirects to the article settles as stored, like the article's own URL
    old = [r for k, r in rows.items() if k.startswith(portal + "/berita/lama/")]
    assert len(old) == 6
    assert {r.state for r in old} == {"stored"}
    # robots.txt disallow: never requested, recorded as gone with the reason
    blocked = rows[canonical_url(outlets["rss"].url + "/berita/1099/arsip-internal-redaksi")]
    assert (blocked.state, blocked.reason) == ("gone", "robots_disallow")
    # feed links carried ?utm_source=rss: keys are canonical, fetched URLs are the originals
    rss_rows = [r for k, r in rows.items() if k.startswith(outlets["rss"].url + "/berita/100")]
    assert all("utm_source" not in r.canonical_url for r in rss_rows)
    assert any("utm_source=rss" in r.url for r in rss_rows)
    assert {r.state for r in rows.values()} <= {"stored", "gone"}


def test_second_crawl_of_an_unchanged_site_fetches_no_article_again(tmp_path: Path, outlets: dict[str, SiteServer],
                                                                    outlet_sources: Path) -> None:
    db = tmp_path / "crawl.db"
    assert run_crawl(db, outlet_sources, NAMES).returncode == 0
    for s in outlets.values():
        s.clear()
    again = run_crawl(db, outlet_sources, NAMES)
    assert again.returncode == 0, again.stderr[-2000:]
    discovery = {"/robots.txt", "/rss/terkini.xml", "/sitemap.xml", "/sitemap-news.xml.gz", "/indeks", "/feed.atom", "/berita"}
    seen = {urlsplit(r.path).path + (f"?{urlsplit(r.path).query}" if urlsplit(r.path).query else "")
            for s in outlets.values() for r in s.requests}
    assert seen == discovery  # listings stop at page 1 (they meet known articles); no article page
    assert all(v["new_articles"] == 0 for v in again.summary["sources"].values())
    assert all(v["known"] > 0 for v in again.summary["sources"].values())
    assert len(query(db, "SELECT id FROM page")) == sum(FIXTURE_SIZES.values())
    assert [r.status for r in query(db, "SELECT status FROM crawl_run ORDER BY id")] == ["ok", "ok"]


def test_unknown_source_name_is_a_usage_error(tmp_path: Path, outlet_sources: Path) -> None:
    result = run_crawl(tmp_path / "crawl.db", outlet_sources, ["site-rs"])
    assert result.returncode == 2
    assert "--source 'site-rs': no such (enabled) source: did you mean 'site-rss'?" in result.stderr


def test_extra_pipelines_see_committed_pages_with_their_ids(tmp_path: Path, outlets: dict[str, SiteServer],
                                                            outlet_sources: Path) -> None:
    import json
    import subprocess
    import sys

    from tests.crawler.conftest import child_env

    db, out = tmp_path / "crawl.db", tmp_path / "seen.jsonl"
    script = f"""
import logging
from datetime import datetime, timezone
from crawler.run import crawl
from crawler.settings import CrawlOptions
from crawler.sources import load_sources
from storage.db import make_engine
from storage.migrate import upgrade
from tests.crawler.recording_pipeline import RecordingPipeline
engine = make_engine({str(db)!r}); upgrade(engine)
sources = load_sources(files=[{str(outlet_sources)!r}], shipped=False, only=["site-rss", "site-portal"])
opts = CrawlOptions(download_delay=0, autothrottle=False, since=datetime(2026, 11, 1, tzinfo=timezone.utc))
summary = crawl(sources, opts, engine=engine,
                extra_pipelines=["tests.crawler.recording_pipeline.RecordingPipeline", \
RecordingPipeline({str(db)!r}, {str(out)!r}, "object")],
                extra_settings={{"TEST_DB": {str(db)!r}, "TEST_OUT": {str(out)!r}}})
print(summary.status)
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env=child_env())
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip().endswith("ok"), proc.stderr[-3000:]
    seen = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    pages = {r.id for r in query(db, "SELECT id FROM page")}
    for label in ("path", "object"):
        mine = [s for s in seen if s["label"] == label]
        assert {s["page_id"] for s in mine if s["new"]} == pages  # every stored page, by id
        assert all(s["committed"] for s in mine)  # and only after its transaction committed


def test_a_second_crawl_in_one_process_is_refused_with_the_fix(tmp_path: Path, outlet_sources: Path) -> None:
    import subprocess
    import sys

    from tests.crawler.conftest import child_env

    db = tmp_path / "crawl.db"
    script = f"""
from datetime import datetime, timezone
from crawler.run import crawl
from crawler.settings import CrawlOptions
from crawler.sources import load_sources
from storage.db import make_engine
from storage.migrate import upgrade
engine = make_engine({str(db)!r}); upgrade(engine)
sources = load_sources(files=[{str(outlet_sources)!r}], shipped=False, only=["site-rss"])
opts = CrawlOptions(download_delay=0, autothrottle=False, since=datetime(2026, 11, 1, tzinfo=timezone.utc))
print(crawl(sources, opts, engine=engine).status)
try:
    crawl(sources, opts, engine=engine)
except RuntimeError as exc:
    print("refused:", exc)
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env=child_env())
    lines = proc.stdout.strip().splitlines()
    assert lines[0] == "ok", proc.stderr[-2000:]
    assert lines[1].startswith("refused:")
    assert "python -m smartcity crawl" in lines[1]
    assert [r.status for r in query(db, "SELECT status FROM crawl_run")] == ["ok"]  # no half-opened second run
