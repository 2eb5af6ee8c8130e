"""Bytes to text the way a browser would, plus the fix for UTF-8 served as latin-1 ("â€œ" mojibake).

Order: byte-order mark, then the HTTP charset (it beats ``<meta charset>``, as in browsers) unless
it is a single-byte Western charset over bytes that are valid UTF-8, then ``<meta charset>``,
then UTF-8, then windows-1252. Passing bytes to trafilatura would ignore ``<meta charset>``
(trafilatura #231), so the extractor hands it text decoded here. No settings.
"""

from __future__ import annotations

import codecs
import re

# Charsets servers put in headers by default while the CMS writes UTF-8 (Apache, old nginx).
WESTERN_SINGLE_BYTE = frozenset(
    {
        "iso-8859-1",
        "latin-1",
        "latin1",
        "l1",
        "cp1252",
        "windows-1252",
        "us-ascii",
        "ascii",
        "iso8859-1",
    }
)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{2,40})""", re.I)
BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"RIFF",
    b"\x00\x00\x01\x00",
)
HTML_HINT = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|main|span|table)\b",
    re.I,
)
MAX_REPLACEMENT_SHARE = 0.01  # more U+FFFD than this after decoding means the charset is wrong


class DecodeError(ValueError):
    """Bytes that are not an HTML page we can read; ``reason`` is "not_html" or "bad_encoding"."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def declared_meta_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag in the first 4 KB declares, if any."""
    m = META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def decode_html(data: bytes, http_encoding: str | None = None) -> str:
    """Decode a fetched page; DecodeError("not_html"|"bad_encoding") if it is not readable HTML."""
    if not data.strip():
        raise DecodeError("not_html", "the body is empty")
    if (
        data.startswith(BINARY_MAGIC)
        or b"\x00" in data[:1024]
        and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    ):
        raise DecodeError("not_html", "the body is binary (PDF, image or archive), not HTML")
    text = _decode(data, http_encoding)
    head = text[:4096]
    if not HTML_HINT.search(head) and not HTML_HINT.search(text[:65536]):
        raise DecodeError("not_html", "no HTML tags in the body (plain text, JSON or a feed?)")
    return text


def _decode(data: bytes, http_encoding: str | None) -> str:
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    candidates: list[str] = []
    for declared in (_codec(http_encoding), _codec(declared_meta_charset(data))):
        if declared is None:
            continue
        if (
            declared in {_codec(n) for n in WESTERN_SINGLE_BYTE}
            and not data.isascii()
            and _is_utf8(data)
        ):
            declared = "utf-8"  # UTF-8 served as latin-1: decoding as declared would give "â€œ"
        candidates.append(declared)
        break  # the header beats <meta>; <meta> only counts when there is no (known) header charset
    candidates += ["utf-8", "cp1252"]
    for name in candidates:
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    name = candidates[0]
    text = data.decode(name, errors="replace")
    if text.count("\ufffd") > MAX_REPLACEMENT_SHARE * max(len(text), 1):
        raise DecodeError(
            "bad_encoding", f"the bytes are not valid {name} and no other charset fits"
        )
    return text
