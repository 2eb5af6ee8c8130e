"""NewsSpider: one generic spider for every outlet — feeds, sitemaps and listings in, raw pages out.

``start()`` re-queues the frontier's pending URLs, then reads each source's feeds, sitemaps and
listing pages (``dont_filter=True``: they are read again on every crawl). Links go through the
ledger, which commits new ones as pending before they are requested. Article pages resolve AMP and
``rel=canonical``, fetch their continuation parts, and leave as one PageItem. Per-outlet behaviour
comes from the source's data (patterns, view-all parameter, multipage rule), not from subclasses.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from scrapy import Request, Spider
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler import discovery, failures
from crawler.discovery import DiscoveryError, Link
from crawler.items import PageItem
from crawler.ledger import Ledger
from crawler.pagemeta import page_meta
from crawler.pipelines import FrontierPipeline
from crawler.settings import MB, CrawlOptions
from crawler.sources import Source
from nlp.urls import canonical_url
from storage.frontier import GONE

logger = logging.getLogger(__name__)

DISCOVERY_PRIORITY = 10  # read feeds and listings before articles, so new URLs are committed early


def request_of(obj: Response | Failure) -> Request:
    """The request behind a response, or behind a failure (Scrapy sets ``failure.request``)."""
    request = getattr(obj, "request", None)
    if not isinstance(request, Request):
        raise TypeError(f"{obj!r} carries no request")
    return request


def with_param(url: str, param: str | None) -> str:
    """``url`` with a ``key=value`` query parameter set (the outlet's view-all switch)."""
    if not param:
        return url
    key, _, value = param.partition("=")
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != key] + [(key, value)]
    return parts._replace(query=urlencode(query)).geturl()


class NewsSpider(Spider):
    """The generic news spider; ``sources`` and ``ledger`` are handed in by ``crawler.run``."""

    name = "smartcity-news"

    def __init__(self, *, sources: tuple[Source, ...], ledger: Ledger, options: CrawlOptions, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sources = {s.name: s for s in sources}
        self.ledger = ledger
        self.options = options

    # -- helpers -------------------------------------------------------------------------------
    def _sid(self, source: Source) -> int:
        return self.ledger.source_ids[source.name]

    def _source(self, response_or_failure: Response | Failure) -> Source:
        return self.sources[request_of(response_or_failure).meta["sc_source"]]

    def _flush_soon(self) -> None:
        pipeline = self.crawler.get_item_pipeline(FrontierPipeline)
        if pipeline is not None:
            pipeline.flush_soon()

    def _discovery(self, source: Source, url: str, kind: str, *, page: int = 1) -> Request:
        callback = {"feed": self.parse_feed, "sitemap": self.parse_sitemap, "listing": self.parse_listing}[kind]
        return Request(
            url, callback=callback, errback=self.discovery_failed, dont_filter=True, priority=DISCOVERY_PRIORITY,
            meta={"sc_source": source.name, "sc_kind": kind, "sc_page": page},
        )

    def _article(self, source: Source, url: str, key: str) -> Request:
        # dont_filter: the frontier already asks for each URL once per run, and a redirect landing on a
        # URL fetched under another name must still reach parse_article so both frontier rows settle.
        return Request(
            with_param(url, source.view_all_param), callback=self.parse_article, errback=self.article_failed, dont_filter=True,
            meta={"sc_source": source.name, "sc_kind": "article", "sc_key": key, "sc_url": url},
        )

    def _too_old(self, link: Link) -> bool:
        return self.options.since is not None and link.published is not None and link.published < self.options.since

    def _follow(self, source: Source, links: list[Link]) -> tuple[Iterator[Request], bool]:
        fresh = [link for link in links if source.is_article(link.url) and not self._too_old(link)]
        triage = self.ledger.triage(self._sid(source), fresh)
        return (self._article(source, d.url, d.canonical_url) for d in triage.fetch), triage.met_known

    # -- start ---------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        by_id = {self.ledger.source_ids[name]: s for name, s in self.sources.items()}
        for entry in self.ledger.open():
            yield self._article(by_id[entry.source_id], entry.url, entry.canonical_url)
        for source in self.sources.values():
            for url in source.feeds:
                yield self._discovery(source, url, "feed")
            for url in source.sitemaps:
                yield self._discovery(source, url, "sitemap")
            for url in source.start_urls:
                yield self._discovery(source, url, "listing")

    # -- discovery callbacks -------------------------------------------------------------------
    def _doc_error(self, source: Source, kind: str, reason: str, url: str, detail: str = "") -> None:
        logger.warning("%s %s %s: %s %s", source.name, kind, url, reason, detail)
        self.ledger.error(self._sid(source), f"{kind}:{reason}")
        self._flush_soon()

    def parse_feed(self, response: Response) -> Iterator[Request]:
        source = self._source(response)
        self.ledger.fetched(self._sid(source))
        try:
            links = discovery.parse_feed(response.body, response.url)
        except DiscoveryError as exc:
            self._doc_error(source, "feed", exc.reason, response.url, exc.detail)
            return
        if discovery.links_all_home(links, source.home):
            self._doc_error(source, "feed", "links_home", response.url, f"all {len(links)} items link to the home page")
            return
        requests, _ = self._follow(source, list(links))
        yield from requests

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        source = self._source(response)
        self.ledger.fetched(self._sid(source))
        body = response.body
        try:
            if discovery.is_gzip(body):
                body = discovery.gunzip_bounded(body, max_size=self.options.max_size_mb * MB)
            sitemap = discovery.parse_sitemap(body, response.url)
        except DiscoveryError as exc:
            self._doc_error(source, "sitemap", exc.reason, response.url, exc.detail)
            return
        if sitemap.kind == "index":
            children = [c for c in sitemap.entries if not self._too_old(c) and source.allows(c.url)]
            children.sort(key=lambda c: c.published or datetime.max.replace(tzinfo=discovery.WIB), reverse=True)
            for child in children[: self.options.max_sitemaps]:
                yield self._discovery(source, child.url, "sitemap")
            return
        requests, _ = self._follow(source, list(sitemap.entries))
        yield from requests

    def parse_listing(self, response: Response) -> Iterator[Request]:
        source = self._source(response)
        self.ledger.fetched(self._sid(source))
        if not isinstance(response, TextResponse):
            self._doc_error(source, "listing", "not_html", response.url)
            return
        page = int(response.meta.get("sc_page", 1))
        listing = discovery.parse_listing(response.text, response.url, is_article=source.is_article,
                                          next_pattern=source.next_page_pattern)
        requests, met_known = self._follow(source, list(listing.links))
        yield from requests
        too_old = any(self._too_old(link) for link in listing.links)
        limit = source.max_pages or self.options.max_pages
        if listing.next_url and source.allows(listing.next_url) and page < limit and not met_known and not too_old:
            yield self._discovery(source, listing.next_url, "listing", page=page + 1)
        else:
            logger.debug("%s: listing stops at page %d (known=%s, old=%s, limit=%d)", source.name, page, met_known, too_old,
                         limit)

    def discovery_failed(self, failure: Failure) -> None:
        source = self._source(failure)
        kind = request_of(failure).meta.get("sc_kind", "discovery")
        _, reason = failures.classify(failure)
        if failures.response_of(failure) is not None:
            self.ledger.fetched(self._sid(source))
        self._doc_error(source, kind, reason, request_of(failure).url, str(failure.value)[:200])

    # -- articles ------------------------------------------------------------------------------
    def parse_article(self, response: Response) -> Iterator[Any]:
        source = self._source(response)
        sid = self._sid(source)
        self.ledger.fetched(sid)
        meta = response.meta
        key = meta["sc_key"]
        if not isinstance(response, TextResponse):
            self.ledger.outcome(sid, key, GONE, "not_html")
            self._flush_soon()
            return
        text = response.text
        multipage = source.multipage and not source.view_all_param
        info = page_meta(text, response.url, multipage=multipage, next_pattern=source.next_part_pattern)
        declared = info.canonical if info.canonical and source.is_article(info.canonical) else None
        if info.is_amp and declared and declared.split("#", 1)[0] != response.url and not meta.get("sc_amp"):
            request = self._article(source, declared, key)
            request.meta.update(sc_amp=response.url, sc_url=meta.get("sc_url", response.url))
            yield request
            return
        canonical = declared or response.url
        frontier = {(meta.get("sc_url", request_of(response).url), key), (response.url, canonical_url(response.url)),
                    (canonical, canonical_url(canonical))}
        if meta.get("sc_amp"):
            frontier.add((meta["sc_amp"], canonical_url(meta["sc_amp"])))
        item = PageItem(
            source=source.name, source_id=sid, url=meta.get("sc_url", request_of(response).url), final_url=response.url,
            canonical_url=canonical_url(canonical), status=response.status, body=response.body,
            content_type=(response.headers.get(b"Content-Type") or b"").decode("latin-1") or None,
            encoding=response.encoding, frontier=tuple(sorted(frontier)),
        )
        if info.next_part and source.max_parts > 1:
            yield self._part(source, item, info.next_part, seq=2)
            return
        yield item

    def _part(self, source: Source, item: PageItem, url: str, *, seq: int) -> Request:
        return Request(
            url, callback=self.parse_part, errback=self.part_failed, dont_filter=True,
            meta={"sc_source": source.name, "sc_kind": "part", "sc_item": item, "sc_seq": seq},
        )

    def parse_part(self, response: Response) -> Iterator[Any]:
        source = self._source(response)
        self.ledger.fetched(self._sid(source))
        item: PageItem = response.meta["sc_item"]
        seq: int = response.meta["sc_seq"]
        item.parts = (*item.parts, (seq, response.url, response.body))
        if isinstance(response, TextResponse) and seq < source.max_parts:
            nxt = page_meta(response.text, response.url, seq=seq, next_pattern=source.next_part_pattern).next_part
            if nxt and all(nxt != p[1] for p in item.parts):
                yield self._part(source, item, nxt, seq=seq + 1)
                return
        yield item

    def part_failed(self, failure: Failure) -> Iterator[Any]:
        """A continuation page failed: store the parts we have and count the failure."""
        source = self._source(failure)
        _, reason = failures.classify(failure)
        self.ledger.error(self._sid(source), f"part:{reason}")
        yield request_of(failure).meta["sc_item"]

    def article_failed(self, failure: Failure) -> None:
        source = self._source(failure)
        sid = self._sid(source)
        if failures.response_of(failure) is not None:
            self.ledger.fetched(sid)
        state, reason = failures.classify(failure)
        key = request_of(failure).meta["sc_key"]
        logger.info("%s: %s -> %s (%s)", source.name, request_of(failure).url, state, reason)
        self.ledger.outcome(sid, key, state, reason)
        self._flush_soon()

