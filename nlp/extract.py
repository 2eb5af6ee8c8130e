"""One news page (bytes) to one article: trafilatura once, then Indonesian clean-up, date, dateline.

``extract(html, url, options=…)`` never fetches and never raises for a bad page: it returns
``Extracted`` or ``Rejected(reason, detail)`` with reasons "not_html", "bad_encoding", "too_large",
"no_body", "too_short" and "timeout". Settings: ``ExtractOptions`` (``[extract]`` min_chars,
timeout_s in smartcity.toml). Page metadata (JSON-LD, meta tags, the visible byline date) wins
over trafilatura's; htmldate's day (inside trafilatura) is only the last resort for the date.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from nlp import boilerplate, dates, dedup, multipage
from nlp.encoding import DecodeError, decode_html
from nlp.language import detect_language
from nlp.metadata import PageMeta, clean_title, headline, is_person, read_page_meta
from nlp.types import Extracted, Rejected
from nlp.urls import canonical_url, url_host

if TYPE_CHECKING:
    from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

# A main text of short lines that are mostly link texts is an index/listing page, not an article.
LISTING_SHARE = 0.6
LISTING_LINE_CHARS = (
    120  # article paragraphs are longer on average; only shorter bodies are checked
)
EXTRACTOR_VERSION = "ex1"  # bump when a change alters extracted text; stored with every article


@dataclass(frozen=True)
class ExtractOptions:
    """How much text makes an article, how long a page may take, and how big it may be."""

    min_chars: int = 300  # body shorter than this -> Rejected("too_short")
    timeout_s: float = 10.0  # wall-clock bound for one page and its parts (main thread: SIGALRM)
    max_bytes: int = 8_000_000  # larger pages -> Rejected("too_large") before parsing
    dedup_paragraphs: bool = True  # keep a paragraph repeated inside one page once
    favor_precision: bool = False  # trafilatura's precision mode (drops more borderline text)


DEFAULT = ExtractOptions()


class ExtractTimeout(BaseException):
    """Raised by the alarm inside an extraction (BaseException: ``except Exception`` misses it)."""


class _Reject(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(reason, detail)
        self.rejected = Rejected(reason, detail)


@cache
def _trafilatura() -> Any:
    """trafilatura's entry points, imported on first use (its import reads its settings file)."""
    import trafilatura
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    return bare_extraction, load_html, trafilatura.__version__


@cache
def extractor_version() -> str:
    """Our extraction version plus trafilatura's: a change in either may change stored text."""
    return f"{EXTRACTOR_VERSION}+traf{_trafilatura()[2]}"[:40]


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise ExtractTimeout after ``seconds`` (main thread only; elsewhere max_bytes bounds it)."""
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def _on_alarm(signum: int, frame: object) -> None:
        raise ExtractTimeout(f"extraction took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _on_alarm)
    outer_left, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    if outer_left and outer_left < seconds:  # an outer alarm (e.g. pytest-timeout) is due first
        signal.setitimer(signal.ITIMER_REAL, outer_left)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:
            left = outer_left - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), outer_interval)


def _parse(
    data: bytes, http_encoding: str | None, options: ExtractOptions, what: str
) -> HtmlElement:
    if len(data) > options.max_bytes:
        raise _Reject("too_large", f"{what}: {len(data):,} bytes > {options.max_bytes:,}")
    try:
        text = decode_html(data, http_encoding)
    except DecodeError as exc:
        raise _Reject(exc.reason, f"{what}: {exc}") from None
    tree = _trafilatura()[1](text)
    if tree is None or len(tree) == 0:
        raise _Reject("not_html", f"{what}: lxml found no HTML document")
    return tree


def _body_lines(
    tree: HtmlElement, url: str, options: ExtractOptions, *, with_metadata: bool
) -> tuple[list[str], Any]:
    bare_extraction = _trafilatura()[0]
    doc = bare_extraction(
        tree,
        url=url,
        with_metadata=with_metadata,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        favor_precision=options.favor_precision,
    )
    if doc is None or not doc.text:
        return [], doc
    return doc.text.split("\n"), doc


def extract(
    html: bytes,
    url: str,
    *,
    options: ExtractOptions = DEFAULT,
    parts: Sequence[bytes] = (),
    http_encoding: str | None = None,
) -> Extracted | Rejected:
    """Extract the article of one page (plus its continuation ``parts``), or say why there is none.

    ``html`` is the page as fetched; ``http_encoding`` the charset of its Content-Type header
    (a UTF-8 body mislabelled latin-1/cp1252 is detected). ``parts`` are pages 2, 3, … of a
    multi-page article.
    """
    try:
        with _deadline(options.timeout_s):
            return _extract(html, url, options, parts, http_encoding)
    except _Reject as rej:
        return rej.rejected
    except ExtractTimeout as exc:
        logger.warning("extraction timed out for %s: %s", url, exc)
        return Rejected("timeout", f"{exc} ({len(html):,} bytes)")
    except RecursionError:
        return Rejected("no_body", "markup nested too deeply to parse")


def _extract(
    html: bytes,
    url: str,
    options: ExtractOptions,
    parts: Sequence[bytes],
    http_encoding: str | None,
) -> Extracted | Rejected:
    tree = _parse(html, http_encoding, options, "page")
    meta = read_page_meta(tree)
    lines, doc = _body_lines(tree, url, options, with_metadata=True)
    title = meta.title or (doc.title if doc is not None else None) or ""
    lines = _drop_headline_and_stamps(lines, title)
    cleaned = boilerplate.clean_paragraphs(lines, dedup=options.dedup_paragraphs)
    paragraphs = list(cleaned.paragraphs)
    credits = dict(cleaned.credits)
    place = None
    if (
        paragraphs
    ):  # before joining parts: continuation pages may repeat the lead without its dateline
        line = dates.split_dateline(paragraphs[0])
        place = line.place
        paragraphs[0:1] = [line.rest] if line.rest else []
    if parts:
        bodies = [paragraphs]
        for n, part in enumerate(parts, start=2):
            part_tree = _parse(part, http_encoding, options, f"part {n}")
            part_lines, _ = _body_lines(part_tree, url, options, with_metadata=False)
            part_lines = _drop_headline_and_stamps(part_lines, title)
            part_clean = boilerplate.clean_paragraphs(part_lines, dedup=options.dedup_paragraphs)
            for role, name in part_clean.credits.items():
                credits.setdefault(role, name)
            bodies.append(list(part_clean.paragraphs))
        paragraphs = multipage.join_bodies(bodies)
    if not paragraphs:
        return Rejected(
            "no_body",
            "no main text found" if doc is None else "only boilerplate left after clean-up",
        )
    listing = _listing(tree, paragraphs)
    if listing:
        return Rejected("no_body", listing)
    text = "\n".join(paragraphs)
    if len(text) < options.min_chars:
        return Rejected("too_short", f"{len(text)} chars < {options.min_chars}")
    return _assemble(url, text, place, meta, doc, credits)


def _listing(tree: HtmlElement, paragraphs: list[str]) -> str | None:
    """Why the main text is a list of links (an index page), or None for an article."""
    if sum(map(len, paragraphs)) >= LISTING_LINE_CHARS * len(paragraphs):
        return None
    anchors = {boilerplate.paragraph_key(a.text_content()) for a in tree.iter("a")}
    linked = sum(1 for p in paragraphs if boilerplate.paragraph_key(p) in anchors)
    if linked >= LISTING_SHARE * len(paragraphs):
        return f"a listing page: {linked} of {len(paragraphs)} lines are link texts"
    return None


def _drop_headline_and_stamps(lines: list[str], title: str) -> list[str]:
    """Lines trafilatura keeps from the article header: the headline again, the bare byline date."""
    key = boilerplate.paragraph_key(title) if title else None
    return [
        ln
        for ln in lines
        if not (key and boilerplate.paragraph_key(ln) == key) and not dates.is_date_line(ln.strip())
    ]


def _assemble(
    url: str, text: str, place: str | None, meta: PageMeta, doc: Any, credits: dict[str, str]
) -> Extracted:
    outlet = meta.outlet or (doc.sitename if doc is not None else None) or url_host(url) or None
    raw_title = meta.title or (doc.title if doc is not None else None) or ""
    title = clean_title(headline(raw_title, meta.page_title, url_host(url)), outlet)
    if not title:
        title = text.split("\n", 1)[0][:200]
    published = meta.published
    if published is None and doc is not None and doc.date:
        published = dates.parse_date(doc.date)  # htmldate's day, read at midnight Asia/Jakarta
    author = boilerplate.author_from_credits(credits) or (
        meta.author if meta.author_is_person else None
    )
    if author is None and doc is not None and doc.author and is_person(doc.author, outlet):
        author = doc.author
    return Extracted(
        url=url,
        canonical_url=canonical_url(_canonical(meta.canonical, url)),
        title=title,
        text=text,
        published=published,
        author=author or None,
        outlet=outlet,
        dateline=place,
        language=detect_language(text, declared=meta.lang),
        content_hash=dedup.content_hash(text),
        extractor_version=extractor_version(),
    )


def _canonical(declared: str | None, url: str) -> str:
    """The page's declared canonical URL, unless it points at a home page (a common CMS mistake)."""
    if not declared:
        return url
    from urllib.parse import urljoin, urlsplit

    absolute = urljoin(url, declared)
    target = urlsplit(absolute)
    if target.scheme not in ("http", "https") or (
        target.path in ("", "/") and urlsplit(url).path not in ("", "/")
    ):
        return url
    return absolute
