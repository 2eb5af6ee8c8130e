"""Crawls against scripted misbehaving servers: retries, throttling, limits, SSRF, dead feeds, robots 5xx."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from nlp.urls import canonical_url
from smartcity.demo.server import Reply, SiteServer, serve
from tests.crawler.conftest import query, run_crawl, write_sources

ARTICLE = (
    "<!DOCTYPE html><html lang=\"id\"><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>KOTARAYA - Dinas Kominfo Kotaraya menambah {n} titik akses internet gratis di taman kota dan terminal."
    " Warga cukup memasukkan nomor telepon untuk tersambung selama dua jam.</p>"
    "<p>Menurut kepala dinas, jaringan itu juga dipakai kamera pemantau banjir di bantaran sungai.</p>"
    "</article></body></html>"
)
FAULTS = ["500-then-200", "429-retry-after", "429-too-long", "404", "wrong-charset", "oversized", "bomb", "to-metadata",
          "to-private", "ok"]


def article(title: str, n: int = 12) -> bytes:
    return ARTICLE.format(title=title, n=n).encode("utf-8")


def feed(base: str, paths: list[str]) -> str:
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link><pubDate>Thu, 19 Nov 2026 08:00:00 +0700</pubDate></item>"
                    for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Uji</title>{items}</channel></rss>'


@pytest.fixture
def private_server() -> Iterator[SiteServer]:
    """A server on a loopback address no source configures: the crawler must never reach it."""
    with serve(None, host="127.0.0.9") as s:
        s.route("/rahasia", Reply(200, b"<html><body>rahasia</body></html>"))
        yield s


@pytest.fixture
def faulty(tmp_path: Path, private_server: SiteServer) -> Iterator[SiteServer]:
    """An outlet whose feed lists one article per fault, each answered by a scripted route."""
    root = tmp_path / "faulty"
    root.mkdir()
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    (root / "rss.xml").write_text(feed("{{BASE}}", [f"/a/{f}" for f in FAULTS]), encoding="utf-8")
    with serve(root, host="127.0.0.6") as s:
        s.route("/a/500-then-200", Reply(500), Reply(200, article("Server sempat galat")))
        s.route("/a/429-retry-after", Reply.retry_after(1), Reply(200, article("Server minta jeda")))
        s.route("/a/429-too-long", Reply.retry_after(3600))
        s.route("/a/404", Reply(404, b"<html>tidak ada</html>"))
        s.route("/a/wrong-charset", Reply(200, article("Kota Tangerang \u2013 \u2018Smart City\u2019 Warga", 7),
                                          content_type="text/html; charset=iso-8859-1"))
        s.route("/a/oversized", Reply(200, b"<html><body>" + b"x" * (2 * 1024 * 1024) + b"</body></html>"))
        s.route("/a/bomb", Reply.bomb(64 * 1024 * 1024))
        s.route("/a/to-metadata", Reply.redirect("http://169.254.169.254/latest/meta-data/"))
        s.route("/a/to-private", Reply.redirect(private_server.url + "/rahasia"))
        s.route("/a/ok", Reply(200, article("Berita biasa")))
        yield s


def test_each_fault_ends_in_the_state_and_reason_it_should(tmp_path: Path, faulty: SiteServer,
                                                           private_server: SiteServer) -> None:
    entry = {"name": "faulty", "home": faulty.url + "/", "feeds": [faulty.url + "/rss.xml"], "article_pattern": "/a/",
             "allowed_domains": ["127.0.0.6"]}
    sources = write_sources(tmp_path / "sources.toml", [entry])
    db = tmp_path / "crawl.db"
    result = run_crawl(db, sources, ["faulty"], settings=["crawl.max_size_mb=1", "crawl.retry_after_max=30", "crawl.retries=2"])
    assert result.returncode == 1, result.stderr[-3000:]  # some articles failed: the source failed
    rows = {r.canonical_url.rsplit("/", 1)[1]: (r.state, r.reason)
            for r in query(db, "SELECT canonical_url, state, reason FROM frontier")}
    assert rows == {
        "500-then-200": ("stored", None),
        "429-retry-after": ("stored", None),
        "429-too-long": ("failed", "retry_after_too_long"),
        "404": ("gone", "http_404"),
        "wrong-charset": ("stored", None),
        "oversized": ("gone", "too_large"),
        "bomb": ("gone", "too_large"),
        "to-metadata": ("gone", "blocked_address"),
        "to-private": ("gone", "private_address"),
        "ok": ("stored", None),
    }
    # 500 then 200: retried once; 429 with Retry-After: 1 was waited out before the retry
    assert faulty.hits("/a/500-then-200") == 2
    throttled = [r for r in faulty.requests if r.path == "/a/429-retry-after"]
    assert [r.status for r in throttled] == [429, 200]
    assert throttled[1].at - throttled[0].at >= 0.95
    assert faulty.hits("/a/429-too-long") == 1  # 3600 s > retry_after_max: given up, not waited
    # nothing ever reached the unconfigured loopback address
    assert private_server.requests == []
    # the mislabelled page is stored with the encoding its bytes really have
    enc = query(db, "SELECT encoding FROM page WHERE canonical_url = :u", u=canonical_url(faulty.url + "/a/wrong-charset"))
    assert enc[0].encoding == "utf-8"
    # run record: counts and reasons
    src = result.summary["sources"]["faulty"]
    assert src["new_articles"] == 4
    assert src["failed"] == 1
    assert src["errors"] == {"blocked_address": 1, "http_404": 1, "private_address": 1, "retry_after_too_long": 1, "too_large": 2}
    assert result.summary["status"] == "failed"


def test_failed_urls_are_retried_by_the_next_crawl_and_gone_ones_are_not(tmp_path: Path, faulty: SiteServer) -> None:
    entry = {"name": "faulty", "home": faulty.url + "/", "feeds": [faulty.url + "/rss.xml"], "article_pattern": "/a/",
             "allowed_domains": ["127.0.0.6"]}
    sources = write_sources(tmp_path / "sources.toml", [entry])
    db = tmp_path / "crawl.db"
    run_crawl(db, sources, ["faulty"], settings=["crawl.max_size_mb=1", "crawl.retry_after_max=30", "crawl.retries=0"])
    faulty.route("/a/429-too-long", Reply(200, article("Akhirnya bisa diambil")))
    faulty.clear()
    second = run_crawl(db, sources, ["faulty"], settings=["crawl.max_size_mb=1", "crawl.retries=0"])
    # without retries the first crawl failed the 500, both 429s; only those transient failures come
    # back (their routes now answer 200); 404, too_large and refused addresses stay gone
    articles = sorted(r.path for r in faulty.requests if r.path.startswith("/a/"))
    assert articles == ["/a/429-retry-after", "/a/429-too-long", "/a/500-then-200"]
    states = {r.canonical_url.rsplit("/", 1)[1]: (r.state, r.attempts)
              for r in query(db, "SELECT canonical_url, state, attempts FROM frontier")}
    assert states["429-too-long"] == ("stored", 1)
    assert states["500-then-200"] == ("stored", 1)
    assert states["404"] == ("gone", 1)
    assert second.summary["sources"]["faulty"]["new_articles"] == 3


def test_robots_txt_answering_500_disallows_the_host_for_that_crawl(tmp_path: Path) -> None:
    root = tmp_path / "down"
    root.mkdir()
    (root / "rss.xml").write_text(feed("{{BASE}}", ["/a/1"]), encoding="utf-8")
    with serve(root, host="127.0.0.7") as s:
        s.route("/robots.txt", Reply(500, b"Internal Server Error"))
        s.route("/a/1", Reply(200, article("Tidak boleh diambil")))
        entry = {"name": "down", "home": s.url + "/", "feeds": [s.url + "/rss.xml"], "article_pattern": "/a/",
                 "allowed_domains": ["127.0.0.7"]}
        result = run_crawl(tmp_path / "crawl.db", write_sources(tmp_path / "s.toml", [entry]), ["down"],
                           settings=["crawl.retries=0"])
        assert {r.path for r in s.requests} == {"/robots.txt"}  # Scrapy alone would fail open and fetch the feed
    assert result.returncode == 1
    assert result.summary["sources"]["down"]["errors"] == {"feed:robots_unavailable": 1}


def test_dead_feeds_are_recorded_as_source_errors(tmp_path: Path) -> None:
    root = tmp_path / "dead"
    root.mkdir()
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    (root / "html-feed.xml").write_text("<!DOCTYPE html><html><body><h1>Beranda</h1></body></html>", encoding="utf-8")
    home_items = "".join(f"<item><title>Berita {i}</title><link>{{{{BASE}}}}/</link></item>" for i in range(5))
    (root / "home-feed.xml").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel>{home_items}</channel></rss>',
                                        encoding="utf-8")
    with serve(root, host="127.0.0.8") as s:
        entry = {"name": "dead", "home": s.url + "/", "feeds": [s.url + "/html-feed.xml", s.url + "/home-feed.xml"],
                 "article_pattern": "/a/", "allowed_domains": ["127.0.0.8"]}
        result = run_crawl(tmp_path / "crawl.db", write_sources(tmp_path / "s.toml", [entry]), ["dead"])
    assert result.returncode == 1
    assert result.summary["sources"]["dead"]["errors"] == {"feed:links_home": 1, "feed:not_xml": 1}
    runs = query(tmp_path / "crawl.db", "SELECT status, message FROM crawl_run")
    assert runs[0].status == "failed"
    assert "dead" in runs[0].message


def test_redirect_loops_and_slow_hosts_are_cut_off(tmp_path: Path) -> None:
    root = tmp_path / "slow"
    root.mkdir()
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    (root / "rss.xml").write_text(feed("{{BASE}}", ["/a/loop", "/a/slow"]), encoding="utf-8")
    with serve(root, host="127.0.0.10") as s:
        s.route("/a/loop", Reply.redirect("/a/loop-lagi", 302))
        s.route("/a/loop-lagi", Reply.redirect("/a/loop", 302))
        s.route("/a/slow", Reply(200, article("Server lambat"), delay=3.0))
        entry = {"name": "slow", "home": s.url + "/", "feeds": [s.url + "/rss.xml"], "article_pattern": "/a/",
                 "allowed_domains": ["127.0.0.10"]}
        db = tmp_path / "crawl.db"
        started = time.monotonic()
        result = run_crawl(db, write_sources(tmp_path / "s.toml", [entry]), ["slow"],
                           settings=["crawl.retries=0", "crawl.timeout=1", "crawl.max_redirects=3"])
        elapsed = time.monotonic() - started
        loop_hits = sum(1 for r in s.requests if r.path.startswith("/a/loop"))
    rows = {r.canonical_url.rsplit("/", 1)[1]: (r.state, r.reason)
            for r in query(db, "SELECT canonical_url, state, reason FROM frontier")}
    assert rows["loop"] == ("gone", "too_many_redirects")
    assert rows["slow"] == ("failed", "timeout")
    assert loop_hits == 4  # the first request and 3 redirects, then it stops
    assert elapsed < 30  # Scrapy's default timeout would hold the crawl for 180 s
    assert result.returncode == 1
