"""What a news page declares about itself: JSON-LD, meta tags, canonical link, the byline date.

Read from the parsed tree in one pass over ``<meta>`` and ``<script type=application/ld+json>``
(no second parse, no trafilatura call), so the extractor can prefer the outlet's own
declarations: a JSON-LD ``datePublished`` with ``+07:00`` or a visible "Kamis, 6 Oktober 2022
10:15 WIB" beats htmldate's day. No settings.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from nlp.dates import is_date_line, parse_date

if TYPE_CHECKING:
    from lxml.etree import XPath
    from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

# JSON-LD types that describe the article itself, strongest first.
ARTICLE_TYPES = (
    "NewsArticle",
    "ReportageNews",
    "AnalysisNewsArticle",
    "Article",
    "BlogPosting",
    "WebPage",
)
# <meta> keys (name/property/itemprop, lower-cased) with the publication time, strongest first.
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "dtk:publishdate",
    "content_publisheddate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "date",
    "tanggal",
)
AUTHOR_META = (
    "author",
    "dtk:author",
    "content_author",
    "dc.creator",
    "article:author",
    "parsely-author",
)
TITLE_META = ("og:title", "twitter:title", "dc.title")
SITE_META = ("og:site_name", "application-name", "publisher", "dc.publisher")
# Visible byline dates: class/id fragments of the element holding them (detik "detail__date",
# Kompas "read__time", Tribun "time", WordPress "entry-date", portals "tanggal").
DATE_CLASS_HINTS = ("date", "time", "tanggal", "tgl", "publish", "waktu", "posted")
# Page regions whose dates belong to other stories or to "today" (header bars, related lists).
NOT_BYLINE_CLASSES = (
    "sidebar",
    "related",
    "terkait",
    "populer",
    "popular",
    "widget",
    "topbar",
    "top-bar",
    "footer",
    "comment",
    "today",
)
NEAR_HEADLINE = 40  # elements after the headline searched for an unmarked byline date
UPDATED_WORDS = re.compile(r"\b(?:diperbarui|update[d]?|diubah|modified|terakhir)\b", re.I)
# Author values that name a desk or a role rather than a person.
GENERIC_AUTHORS = frozenset(
    {"admin", "administrator", "redaksi", "tim redaksi", "humas", "editor", "webmaster", "staff"}
)
# Separators between a headline and the outlet name in <title>/og:title.
TITLE_SUFFIX = re.compile(r"\s+[|\-–—:•]\s+(?P<site>[^|\-–—:•]{2,50})$")
TITLE_SPLIT = re.compile(r"\s+[|\-–—•]\s+|:\s+")
_SITEISH = re.compile(
    r"\.(?:com|co\.id|id|net|org|go\.id|co)\b|\bnews\b|\bonline\b|\bportal\b", re.I
)


@dataclass(frozen=True)
class PageMeta:
    """Declared fields of a page; any may be None when the page does not say."""

    title: str | None = None
    published: datetime | None = None
    author: str | None = None
    author_is_person: bool = False
    outlet: str | None = None
    canonical: str | None = None
    lang: str | None = None
    page_title: str | None = None  # the <title> element, outlet name and all


@cache
def _xpaths() -> dict[str, XPath]:
    from lxml.etree import XPath

    marks = "concat(@class,' ',@id)"
    hints = " or ".join(f"contains({marks},'{h}')" for h in DATE_CLASS_HINTS)
    return {
        "jsonld": XPath("//script[contains(translate(@type,'LDJSON','ldjson'),'ld+json')]/text()"),
        "meta": XPath("//meta[@content][@name or @property or @itemprop]"),
        "canonical": XPath(
            "//link[@href][translate(@rel,'CANONICAL','canonical')='canonical']/@href"
        ),
        "lang": XPath("/html/@lang"),
        "title": XPath("string(//head/title)"),
        # the first headline and every date-marked element, in document order (one pass)
        "dated": XPath(
            f"(//body//h1)[1] | //body//*[self::time or ((@class or @id) and ({hints}))]"
            "[not(self::script or self::style)]"
        ),
    }


def _outside_byline(el: HtmlElement) -> bool:
    """Whether an element sits in furniture: nav, footer, aside, the site header, related lists."""
    node: HtmlElement | None = el
    while node is not None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("nav", "footer", "aside"):
            return True
        cls = (node.get("class") or "").lower()
        if tag == "header" and not any(a.tag in ("article", "main") for a in node.iterancestors()):
            return True
        if cls and ("header" in cls.split() or any(word in cls for word in NOT_BYLINE_CLASSES)):
            return True
        node = node.getparent()
    return False


def _following(el: HtmlElement, limit: int) -> Iterator[HtmlElement]:
    """Up to ``limit`` elements after ``el`` in document order (not its descendants)."""
    count = 0
    node: HtmlElement | None = el
    while node is not None:
        for sib in node.itersiblings():
            for d in sib.iter():
                if not isinstance(d.tag, str):
                    continue
                yield d
                count += 1
                if count >= limit:
                    return
        node = node.getparent()


def _jsonld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for raw in _xpaths()["jsonld"](tree):
        try:
            data = json.loads(raw, strict=False)
        except (json.JSONDecodeError, ValueError):
            logger.debug("skipping unreadable JSON-LD block (%d chars)", len(raw))
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.extend(
                        item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]]
                    )
                yield item


def _types(obj: dict[str, Any]) -> list[str]:
    t = obj.get("@type", [])
    return (
        [t]
        if isinstance(t, str)
        else [x for x in t if isinstance(x, str)]
        if isinstance(t, list)
        else []
    )


def _name(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _article_ld(tree: HtmlElement) -> dict[str, Any]:
    best: tuple[int, dict[str, Any]] | None = None
    for obj in _jsonld_objects(tree):
        ranks = [ARTICLE_TYPES.index(t) for t in _types(obj) if t in ARTICLE_TYPES]
        if ranks and (best is None or min(ranks) < best[0]):
            best = (min(ranks), obj)
    return best[1] if best else {}


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in _xpaths()["meta"](tree):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in out:
            out[key] = value
    return out


def _visible_date(tree: HtmlElement) -> datetime | None:
    """Byline date: a dated element after the headline, a bare timestamp near it, else any."""
    h1: HtmlElement | None = None
    before: list[HtmlElement] = []
    for el in _xpaths()["dated"](tree):
        if el.tag == "h1" and h1 is None:
            h1 = el
            continue
        if h1 is None:
            before.append(el)
            continue
        if not _outside_byline(el):
            got = _date_of(el)
            if got is not None:
                return got
    if h1 is not None:
        for el in _following(h1, NEAR_HEADLINE):
            own = (el.text or "").strip()
            if own and len(own) <= 80 and is_date_line(own) and not _outside_byline(el):
                return parse_date(own)
    for el in before:
        if not _outside_byline(el):
            got = _date_of(el)
            if got is not None:
                return got
    return None


def _date_of(el: HtmlElement) -> datetime | None:
    raw = el.get("datetime") or el.text_content()
    if not raw or len(raw) > 120 or UPDATED_WORDS.search(raw):
        return None
    return parse_date(raw)


def read_page_meta(tree: HtmlElement) -> PageMeta:
    """Declared title, publication time, author, outlet, canonical URL and language of a page."""
    ld = _article_ld(tree)
    meta = _meta_values(tree)
    published = None
    for raw in (ld.get("datePublished"), ld.get("dateCreated"), *(meta.get(k) for k in DATE_META)):
        if isinstance(raw, str) and raw.strip():
            published = parse_date(raw)
            if published:
                break
    if published is None:
        published = _visible_date(tree)
    ld_author = _name(ld.get("author")) or _name(ld.get("creator"))
    meta_author = next(
        (v for k in AUTHOR_META if (v := meta.get(k)) and not v.startswith("http")), None
    )
    author = ld_author or meta_author
    canonical = next(iter(_xpaths()["canonical"](tree)), None) or meta.get("og:url")
    if not canonical and isinstance(ld.get("mainEntityOfPage"), dict):
        canonical = ld["mainEntityOfPage"].get("@id")
    outlet = _name(ld.get("publisher")) or next((meta[k] for k in SITE_META if meta.get(k)), None)
    title = _name(ld.get("headline")) or next((meta[k] for k in TITLE_META if meta.get(k)), None)
    lang = (
        next(iter(_xpaths()["lang"](tree)), None)
        or meta.get("content-language")
        or meta.get("og:locale")
    )
    return PageMeta(
        title=title,
        published=published,
        author=author,
        author_is_person=bool(author) and is_person(author or "", outlet),
        outlet=outlet.lstrip("@") if outlet else None,
        canonical=canonical.strip() if isinstance(canonical, str) and canonical.strip() else None,
        lang=lang,
        page_title=" ".join(str(_xpaths()["title"](tree)).split()) or None,
    )


def is_person(author: str, outlet: str | None) -> bool:
    """Whether an author value names a person rather than a desk, a role or the outlet itself."""
    low = author.strip().lower()
    return (
        bool(low)
        and low not in GENERIC_AUTHORS
        and low != (outlet or "").strip().lower()
        and not low.startswith("http")
    )


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def headline(title: str, page_title: str | None, host: str) -> str:
    """The headline; from <title> when the candidate is only the site's name (a blog's <h1>)."""
    key = _key(title)
    if not page_title or len(key) < 3 or key not in _key(host):
        return title
    segments = [s.strip() for s in TITLE_SPLIT.split(page_title) if s.strip()]
    others = [s for s in segments if _key(s) != key]
    return max(others, key=len) if others and len(max(others, key=len)) > len(title) else title


def clean_title(title: str, outlet: str | None) -> str:
    """Headline without the " - ANTARA News" / " | Kompas.com" suffix outlets append."""
    title = " ".join(title.split())
    m = TITLE_SUFFIX.search(title)
    if m:
        site = m["site"].strip().lower()
        named = outlet and (site in outlet.lower() or outlet.lower() in site)
        if named or _SITEISH.search(site):
            title = title[: m.start()].rstrip()
    return title
