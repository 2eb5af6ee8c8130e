"""Pure parsers from discovery documents to candidate article URLs: feeds, sitemaps, listing pages.

Functions over bytes and strings, no Scrapy and no I/O, so each quirk is unit-tested on bytes.
Sitemaps are parsed here with lxml because Scrapy's parser keeps only direct children of ``<url>``
and so drops ``news:publication_date``. Dates without a zone are read as WIB (UTC+7), the zone of
most Indonesian outlets; every returned date is aware.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from nlp.urls import canonical_url

WIB = timezone(timedelta(hours=7), "WIB")
ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}
MONTHS = {
    "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "february": 2, "mar": 3, "maret": 3, "march": 3,
    "apr": 4, "april": 4, "mei": 5, "may": 5, "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7, "july": 7,
    "agu": 8, "agt": 8, "agus": 8, "agustus": 8, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oktober": 10, "oct": 10, "october": 10, "nov": 11, "november": 11, "des": 12, "desember": 12,
    "dec": 12, "december": 12,
}
TEXT_DATE = re.compile(
    r"(?P<d>\d{1,2})\s+(?P<m>[A-Za-z]{3,9})\.?\s+(?P<y>\d{4})(?:[,\s]+(?P<H>\d{1,2})[:.](?P<M>\d{2}))?\s*(?P<z>WIB|WITA|WIT)?"
)
NEXT_TEXT = re.compile(r"^\s*(?:selanjutnya|berikutnya|halaman\s+berikutnya|next|older|lebih\s+lama|»|›|>>)\s*$", re.I)
PAGE_PARAMS = ("page", "halaman", "hal", "p", "showpage")
_XML_PARSER_OPTS = {"resolve_entities": False, "no_network": True, "recover": True, "huge_tree": False}


class DiscoveryError(Exception):
    """A discovery document the crawler cannot use; ``reason`` is the ledger's error key."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Link:
    """A candidate article URL as found, with the date the document gives for it (if any)."""

    url: str
    published: datetime | None = None
    title: str | None = None


@dataclass(frozen=True)
class Sitemap:
    """A parsed sitemap: an index of child sitemaps, or a urlset of pages."""

    kind: str  # "index" | "urlset"
    entries: tuple[Link, ...]


@dataclass(frozen=True)
class Listing:
    """Article links of one listing page and the URL of its next page."""

    links: tuple[Link, ...]
    next_url: str | None


# -- dates ---------------------------------------------------------------------------------------
def parse_date(text: str | None) -> datetime | None:
    """An aware datetime from RFC 822, ISO 8601 / W3C or Indonesian text ("23 Jul 2026 15:10 WIB")."""
    if not text:
        return None
    text = text.strip()
    if not text:
        return None
    dt: datetime | None = None
    iso = text.replace("Z", "+00:00")
    if re.match(r"\d{4}-\d\d-\d\d \d", iso):
        iso = iso.replace(" ", "T", 1)
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        try:
            dt = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            dt = _text_date(text)
    if dt is None:
        return None
    return dt.replace(tzinfo=WIB) if dt.tzinfo is None else dt


def _text_date(text: str) -> datetime | None:
    m = TEXT_DATE.search(text)
    if not m or m["m"].lower() not in MONTHS:
        return None
    try:
        tz = timezone(timedelta(hours=ZONES[m["z"]])) if m["z"] else WIB
        return datetime(int(m["y"]), MONTHS[m["m"].lower()], int(m["d"]), int(m["H"] or 0), int(m["M"] or 0), tzinfo=tz)
    except ValueError:
        return None


# -- sniffing and decompression ------------------------------------------------------------------
def looks_like_html(body: bytes) -> bool:
    """Whether a document that should be XML is an HTML page (a dead feed's usual answer)."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (
        b"<html" in head and b"<rss" not in head and b"<feed" not in head
        and b"<urlset" not in head and b"<sitemapindex" not in head
    )


def gunzip_bounded(body: bytes, *, max_size: int) -> bytes:
    """Decompress a gzip body, refusing more than ``max_size`` bytes out (decompression bombs)."""
    d = zlib.decompressobj(47)  # 32 + 15: gzip or zlib header
    try:
        out = d.decompress(body, max_size + 1)
    except zlib.error as exc:
        raise DiscoveryError("bad_gzip", str(exc)) from None
    if len(out) > max_size or d.unconsumed_tail:
        raise DiscoveryError("too_large", f"gzip body inflates beyond {max_size} bytes")
    return out


def is_gzip(body: bytes) -> bool:
    """Whether ``body`` starts with the gzip magic bytes."""
    return body[:2] == b"\x1f\x8b"


def _xml_root(body: bytes) -> etree._Element:
    if looks_like_html(body):
        raise DiscoveryError("not_xml", "got an HTML page instead of XML")
    try:
        root = etree.fromstring(body, etree.XMLParser(**_XML_PARSER_OPTS))
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError("not_xml", str(exc)) from None
    if root is None:
        raise DiscoveryError("not_xml", "empty document")
    return root


def _local(el: etree._Element) -> str:
    tag = el.tag
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(el: etree._Element, *names: str) -> str | None:
    for child in el:
        if _local(child) in names and child.text and child.text.strip():
            return child.text.strip()
    return None


# -- feeds ---------------------------------------------------------------------------------------
def parse_feed(body: bytes, base_url: str) -> tuple[Link, ...]:
    """Item links of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, with their dates."""
    root = _xml_root(body)
    kind = _local(root)
    if kind not in ("rss", "rdf", "feed"):
        raise DiscoveryError("not_feed", f"root element <{kind}> is not rss, rdf or feed")
    links: list[Link] = []
    for el in root.iter():
        name = _local(el)
        if kind == "feed" and name == "entry":
            href = None
            for child in el:
                if _local(child) == "link" and child.get("rel", "alternate") == "alternate" and child.get("href"):
                    href = child.get("href")
                    break
            date = _child_text(el, "published", "updated")
        elif kind != "feed" and name == "item":
            href = _child_text(el, "link")
            if not href:
                for child in el:
                    if _local(child) == "guid" and child.get("isPermaLink", "true") != "false" and child.text:
                        href = child.text.strip()
            date = _child_text(el, "pubdate", "date", "published")
        else:
            continue
        if href:
            links.append(Link(urljoin(base_url, href.strip()), parse_date(date), _child_text(el, "title")))
    return tuple(links)


def links_all_home(links: tuple[Link, ...], home: str) -> bool:
    """Whether every item of a non-empty feed links to the outlet's home page (a dead feed)."""
    if not links:
        return False
    homes = {canonical_url(home), canonical_url(urljoin(home, "/"))}
    return all(canonical_url(link.url) in homes for link in links)


# -- sitemaps ------------------------------------------------------------------------------------
def parse_sitemap(body: bytes, base_url: str = "") -> Sitemap:
    """Entries of a sitemap index or urlset, keeping ``news:publication_date`` and ``news:title``."""
    root = _xml_root(body)
    kind = _local(root)
    if kind not in ("sitemapindex", "urlset"):
        raise DiscoveryError("not_sitemap", f"root element <{kind}> is not urlset or sitemapindex")
    entries: list[Link] = []
    for el in root:
        if _local(el) not in ("sitemap", "url"):
            continue
        loc = _child_text(el, "loc")
        if not loc:
            continue
        date = _child_text(el, "lastmod")
        title = None
        for child in el:
            if _local(child) == "news":
                date = _child_text(child, "publication_date") or date
                title = _child_text(child, "title")
        entries.append(Link(urljoin(base_url, loc), parse_date(date), title))
    return Sitemap("index" if kind == "sitemapindex" else "urlset", tuple(entries))


# -- listing pages -------------------------------------------------------------------------------
def _page_number(url: str) -> tuple[str, int | None]:
    """(url without its page marker, page number) for ``?page=N`` or ``/page/N`` style URLs."""
    parts = urlsplit(url)
    for key in PAGE_PARAMS:
        m = re.search(rf"(?:^|&){key}=(\d+)", parts.query)
        if m:
            rest = re.sub(rf"(?:^|&){key}=\d+", "", parts.query).lstrip("&")
            return parts._replace(query=rest).geturl(), int(m.group(1))
    m = re.search(r"/(?:page|halaman)/(\d+)/?$", parts.path)
    if m:
        return parts._replace(path=parts.path[: m.start()] or "/").geturl(), int(m.group(1))
    return url, None


def _anchors(doc: lxml_html.HtmlElement) -> list[etree._Element]:
    return [a for a in doc.iter("a") if a.get("href")]


def _link_date(a: etree._Element) -> datetime | None:
    node: etree._Element | None = a
    for _ in range(4):
        if node is None:
            break
        for t in node.iter("time"):
            d = parse_date(t.get("datetime")) or parse_date(t.text_content() if hasattr(t, "text_content") else t.text)
            if d:
                return d
        node = node.getparent()
    return None


def parse_listing(
    body: bytes | str,
    base_url: str,
    *,
    is_article: Callable[[str], bool],
    next_pattern: re.Pattern[str] | None = None,
) -> Listing:
    """Article links (with dates shown beside them) and the next-page URL of a listing page."""
    doc = lxml_html.fromstring(body if body else b"<html></html>", base_url=base_url)
    seen: dict[str, Link] = {}
    next_url: str | None = None
    base_nopage, page_no = _page_number(base_url)
    host = urlsplit(base_url).hostname
    for link in doc.iter("link"):
        if (link.get("rel") or "").lower() == "next" and link.get("href"):
            next_url = urljoin(base_url, link.get("href"))
    for a in _anchors(doc):
        url = urljoin(base_url, a.get("href", "").strip()).split("#", 1)[0]
        if not url.startswith(("http://", "https://")):
            continue
        if is_article(url):
            if url not in seen:
                title = " ".join(a.text_content().split()) or None
                seen[url] = Link(url, _link_date(a), title)
            continue
        if next_url or urlsplit(url).hostname != host:
            continue
        rel = (a.get("rel") or "").lower().split()
        text = a.text_content()
        if "next" in rel or NEXT_TEXT.match(text) or (next_pattern is not None and next_pattern.search(url)):
            next_url = url
            continue
        nopage, number = _page_number(url)
        if number is not None and number == (page_no or 1) + 1 and canonical_url(nopage) == canonical_url(base_nopage):
            next_url = url
    return Listing(tuple(seen.values()), next_url)
