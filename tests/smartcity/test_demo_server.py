"""The loopback site server: static files with query mapping and {{BASE}}, redirects, scripted faults, the log."""

from __future__ import annotations

import gzip
import socket
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from smartcity.demo.server import Reply, SiteServer, serve


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with OPENER.open(req, timeout=10) as resp:
            return resp.status, dict(resp.headers.items()), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers.items()), exc.read()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[SiteServer]:
    (tmp_path / "berita").mkdir()
    (tmp_path / "index.html").write_text("<html><body>Beranda</body></html>", encoding="utf-8")
    (tmp_path / "berita" / "satu.html").write_text('<a href="{{BASE}}/berita/satu">Satu</a>', encoding="utf-8")
    (tmp_path / "indeks@page=2.html").write_text("halaman dua", encoding="utf-8")
    (tmp_path / "indeks.html").write_text("halaman satu", encoding="utf-8")
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset><url><loc>{{BASE}}/berita/satu</loc></url></urlset>"))
    (tmp_path / "_redirects").write_text("# lama ke baru\n/lama/1 /berita/satu 301\n/keluar {{BASE}}/berita/satu 302\n",
                                         encoding="utf-8")
    with serve(tmp_path, host="127.0.0.20") as server:
        yield server


def test_static_files_with_placeholder_and_query_mapping(site: SiteServer) -> None:
    status, headers, body = get(site.url + "/berita/satu?utm_source=wa")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert body == f'<a href="{site.url}/berita/satu">Satu</a>'.encode()
    assert get(site.url + "/indeks?page=2")[2] == b"halaman dua"
    assert get(site.url + "/indeks")[2] == b"halaman satu"
    assert get(site.url + "/")[2] == b"<html><body>Beranda</body></html>"
    status, headers, body = get(site.url + "/sitemap.xml.gz")
    assert headers["Content-Type"] == "application/gzip"
    assert gzip.decompress(body) == f"<urlset><url><loc>{site.url}/berita/satu</loc></url></urlset>".encode()
    assert get(site.url + "/tidak/ada")[0] == 404
    assert get(site.url + "/../../etc/passwd")[0] == 404


def test_redirect_rules(site: SiteServer) -> None:
    status, headers, _ = get(site.url + "/lama/1")
    assert (status, headers["Location"]) == (301, "/berita/satu")
    status, headers, _ = get(site.url + "/keluar")
    assert (status, headers["Location"]) == (302, site.url + "/berita/satu")


def test_scripted_sequences_and_the_request_log(site: SiteServer) -> None:
    site.route("/a/1", Reply(500), Reply(200, b"ok"))
    site.route("/a/2", Reply.retry_after(30))
    assert [get(site.url + "/a/1")[0] for _ in range(3)] == [500, 200, 200]  # the last reply repeats
    status, headers, _ = get(site.url + "/a/2", headers={"User-Agent": "uji/1"})
    assert (status, headers["Retry-After"]) == (429, "30")
    log = site.requests
    assert [(r.method, r.path, r.status) for r in log] == [("GET", "/a/1", 500), ("GET", "/a/1", 200), ("GET", "/a/1", 200),
                                                           ("GET", "/a/2", 429)]
    assert log[-1].headers["User-Agent"] == "uji/1"
    assert site.hits("/a/1") == 3
    assert site.paths()[-1] == "/a/2"
    site.clear()
    assert site.requests == []


def test_encodings_wrong_charsets_bombs_and_slow_replies(site: SiteServer) -> None:
    site.route("/gz", Reply(200, b"isi berita", encoding="gzip"))
    site.route("/deflate", Reply(200, b"isi berita", encoding="deflate"))
    site.route("/latin", Reply(200, "caf\u00e9".encode(), content_type="text/html; charset=iso-8859-1"))
    site.route("/bom", Reply.bomb(20 * 1024 * 1024))
    site.route("/lambat", Reply(200, b"akhirnya", delay=0.3))
    status, headers, body = get(site.url + "/gz")
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == b"isi berita"
    assert zlib.decompress(get(site.url + "/deflate")[2]) == b"isi berita"
    assert get(site.url + "/latin")[1]["Content-Type"] == "text/html; charset=iso-8859-1"
    _, headers, body = get(site.url + "/bom")
    assert len(body) < 100_000
    assert len(gzip.decompress(body)) == 20 * 1024 * 1024 + len(b"<html><body>")
    t0 = time.monotonic()
    assert get(site.url + "/lambat")[2] == b"akhirnya"
    assert time.monotonic() - t0 >= 0.3


def test_lifecycle_and_refusals(tmp_path: Path) -> None:
    with serve(tmp_path, host="127.0.0.21") as s:
        host, port = s.host, s.port
        assert s.url == f"http://127.0.0.21:{port}"
        assert port > 0
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((host, port), timeout=1).close()
    with pytest.raises(ValueError, match="loopback only"):
        serve(tmp_path, host="0.0.0.0")
    with pytest.raises(FileNotFoundError, match="not a directory"):
        serve(tmp_path / "tidak-ada")
    with pytest.raises(ValueError, match="at least one Reply"), serve(None, host="127.0.0.22") as s:
        s.route("/x")
