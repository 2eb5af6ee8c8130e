"""Fix declared-versus-actual charset mix-ups before anything decodes a page.

The HTTP header's charset beats ``<meta charset>`` (as in browsers), so a server that says
latin-1 over UTF-8 bytes turns "Kota Tangerang – ‘Smart City’" into "â€˜Smart Cityâ€™" mojibake. When
the header names a single-byte Western charset but the bytes are valid UTF-8 with non-ASCII
characters, the page is read as UTF-8; when the header says UTF-8 but the bytes are not, the
``<meta>`` charset (or windows-1252) is used. The choice is kept in ``request.meta``.
"""

from __future__ import annotations

import codecs
import logging
import re

from scrapy.http import HtmlResponse, Request, Response, TextResponse

logger = logging.getLogger(__name__)

SINGLE_BYTE_WESTERN = frozenset({"iso8859-1", "latin-1", "cp1252", "ascii", "iso8859-15"})
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
HEADER_CHARSET = re.compile(rb"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
FIXED = "smartcity_charset_fixed"  # response meta: "declared->used" when this middleware overrode


def _norm(label: bytes | str | None) -> str | None:
    if not label:
        return None
    text = label.decode("ascii", "ignore") if isinstance(label, bytes) else label
    try:
        return codecs.lookup(text.strip()).name
    except LookupError:
        return None


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def choose_encoding(body: bytes, declared: str | None) -> str | None:
    """The encoding to read ``body`` with when the declared one is wrong, else None (keep it)."""
    declared = _norm(declared)
    if declared is None:
        return None
    if declared in SINGLE_BYTE_WESTERN:
        if not body.isascii() and _is_utf8(body):
            return "utf-8"
        return None
    if declared == "utf-8" and not _is_utf8(body):
        m = META_CHARSET.search(body[:4096])
        meta = _norm(m.group(1)) if m else None
        if meta and meta != "utf-8":
            try:
                body.decode(meta)
                return meta
            except UnicodeDecodeError:
                pass
        return "cp1252"
    return None


class CharsetMiddleware:
    """Downloader middleware: re-reads HTML responses whose header charset contradicts the bytes."""

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, HtmlResponse | TextResponse):
            return response
        header = response.headers.get(b"Content-Type") or b""
        m = HEADER_CHARSET.search(header)
        if not m:
            return response
        better = choose_encoding(response.body, m.group(1).decode("ascii", "ignore"))
        if better is None:
            return response
        logger.info("%s declares charset %s but its bytes are %s: reading it as %s", response.url, m.group(1).decode(), better,
                    better)
        request.meta[FIXED] = f"{_norm(m.group(1))}->{better}"
        return response.replace(encoding=better)
