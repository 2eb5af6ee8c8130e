"""robots.txt as RFC 9309 reads it, in one real crawl: 404 allows, unreachable disallows, Crawl-delay paces."""

from __future__ import annotations

import socket
from pathlib import Path

from smartcity.demo.server import Reply, serve
from tests.crawler.conftest import query, run_crawl, write_sources

PAGE = (b"<html><head><title>Uji</title></head>"
        b"<body><article><p>Warga Kotaraya kini bisa mengurus izin usaha lewat laman resmi.</p></article></body></html>")


def _feed(paths: list[str]) -> str:
    items = "".join(f"<item><title>{p}</title><link>{{{{BASE}}}}{p}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'


def _closed_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def test_robots_404_allows_unreachable_disallows_and_crawl_delay_is_kept(tmp_path: Path) -> None:
    for name in ("nofile", "slow"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "rss.xml").write_text(_feed(["/a/1", "/a/2", "/a/3"]), encoding="utf-8")
    (tmp_path / "slow" / "robots.txt").write_text("User-agent: *\nCrawl-delay: 1\nAllow: /\n", encoding="utf-8")
    gone_port = _closed_port("127.0.0.13")
    with serve(tmp_path / "nofile", host="127.0.0.11") as nofile, serve(tmp_path / "slow", host="127.0.0.12") as slow:
        for site in (nofile, slow):
            for i in (1, 2, 3):
                site.route(f"/a/{i}", Reply(200, PAGE))
        entries = [
            {"name": "nofile", "home": nofile.url + "/", "feeds": [nofile.url + "/rss.xml"], "article_pattern": "/a/",
             "allowed_domains": ["127.0.0.11"]},
            {"name": "slow", "home": slow.url + "/", "feeds": [slow.url + "/rss.xml"], "article_pattern": "/a/",
             "allowed_domains": ["127.0.0.12"]},
            {"name": "unreachable", "home": f"http://127.0.0.13:{gone_port}/",
             "feeds": [f"http://127.0.0.13:{gone_port}/rss.xml"], "article_pattern": "/a/", "allowed_domains": ["127.0.0.13"]},
        ]
        db = tmp_path / "crawl.db"
        result = run_crawl(db, write_sources(tmp_path / "s.toml", entries), ["nofile", "slow", "unreachable"],
                           settings=["crawl.retries=0", "crawl.concurrent_per_domain=2"])
        slow_articles = [r for r in slow.requests if r.path.startswith("/a/")]
        nofile_paths = [r.path for r in nofile.requests]
    sources = result.summary["sources"]
    assert nofile_paths[0] == "/robots.txt"
    assert sources["nofile"]["new_articles"] == 3
    assert sources["slow"]["new_articles"] == 3
    gaps = [b.at - a.at for a, b in zip(slow_articles, slow_articles[1:], strict=False)]
    assert len(gaps) == 2
    assert min(gaps) >= 0.9
    assert sources["unreachable"]["errors"] == {"feed:robots_unavailable": 1}  # no robots.txt answer: disallow
    assert result.returncode == 1
    assert len(query(db, "SELECT id FROM page")) == 6
