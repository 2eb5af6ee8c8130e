"""Declared charset versus actual bytes, on built responses."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse, Request

from crawler.middlewares.charset import FIXED, CharsetMiddleware, choose_encoding

TEXT = "Kota Tangerang \u2013 \u2018Smart City\u2019 dan caf\u00e9 digital"
PAGE = f"<html><head><title>{TEXT}</title></head><body><p>{TEXT}</p></body></html>"


@pytest.mark.parametrize(
    ("body", "declared", "expected"),
    [
        (PAGE.encode("utf-8"), "iso-8859-1", "utf-8"),
        (PAGE.encode("utf-8"), "windows-1252", "utf-8"),
        (PAGE.encode("utf-8"), "latin1", "utf-8"),
        (b"<html><body>hanya ascii</body></html>", "iso-8859-1", None),
        ("<html><body>caf\u00e9</body></html>".encode("latin-1"), "iso-8859-1", None),  # really latin-1
        (PAGE.encode("utf-8"), "utf-8", None),
        ('<html><head><meta charset="windows-1252"></head><body>caf\u00e9 \u2013</body></html>'.encode("cp1252"), "utf-8",
         "cp1252"),
        ("<html><body>caf\u00e9</body></html>".encode("cp1252"), "UTF-8", "cp1252"),
        (PAGE.encode("utf-8"), "shift_jis", None),  # not a mix-up we can judge
        (PAGE.encode("utf-8"), "bukan-charset", None),
    ],
)
def test_choose_encoding(body: bytes, declared: str, expected: str | None) -> None:
    assert choose_encoding(body, declared) == expected


def test_middleware_rereads_a_utf8_page_served_as_latin1() -> None:
    req = Request("http://kabar.example/berita/1")
    wrong = HtmlResponse(req.url, body=PAGE.encode("utf-8"), headers={"Content-Type": "text/html; charset=ISO-8859-1"},
                         request=req)
    assert "\u00e2\u20ac" in wrong.text  # what Scrapy alone would hand on: mojibake
    fixed = CharsetMiddleware().process_response(req, wrong)
    assert fixed.encoding == "utf-8"
    assert TEXT in fixed.text
    assert req.meta[FIXED] == "iso8859-1->utf-8"


def test_middleware_leaves_honest_pages_alone() -> None:
    req = Request("http://kabar.example/berita/2")
    right = HtmlResponse(req.url, body=PAGE.encode("utf-8"), headers={"Content-Type": "text/html; charset=utf-8"}, request=req)
    assert CharsetMiddleware().process_response(req, right) is right
    bare = HtmlResponse(req.url, body=PAGE.encode("utf-8"), headers={"Content-Type": "text/html"}, request=req)
    assert CharsetMiddleware().process_response(req, bare) is bare
    assert FIXED not in req.meta
