"""robots.txt as RFC 9309 reads it: a 5xx or unreachable robots.txt disallows the host for this crawl.

Scrapy parses whatever body a robots.txt request returns, so a 500 page (or a connection error)
means "allow everything". This subclass turns 5xx and network failures into "disallow all", keeps
4xx as "allow all", refuses with a reason the ledger can tell apart ("robots_unavailable" versus
"robots_disallow"), and floors the host's delay at its ``Crawl-delay``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler
from twisted.internet.defer import Deferred

from crawler.middlewares import Refused

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Request, Response
    from scrapy.robotstxt import RobotParser

logger = logging.getLogger(__name__)

DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


class StrictRobotsMiddleware(RobotsTxtMiddleware):
    """RobotsTxtMiddleware that fails closed, reports why, and honours Crawl-delay."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.unavailable: dict[str, str] = {}  # netloc -> why its robots.txt could not be read
        self.crawl_delay_max = crawler.settings.getfloat("SMARTCITY_CRAWL_DELAY_MAX", 60.0)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self.unavailable[netloc] = f"robots.txt answered {response.status}"
            logger.warning("robots.txt of %s answered %s: not crawling that host this time", netloc, response.status)
            response = response.replace(body=DISALLOW_ALL)
        elif response.status >= 400:
            response = response.replace(body=b"")  # RFC 9309: no robots.txt, no restrictions
        await super()._parse_robots(response, netloc, request)
        self._apply_crawl_delay(netloc)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        self.unavailable[netloc] = f"robots.txt unreachable ({exc.__class__.__name__})"
        logger.warning("robots.txt of %s unreachable (%s): not crawling that host this time", netloc, exc)
        self._stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
        rp = build_from_crawler(self._parserimpl, self.crawler, DISALLOW_ALL)
        dfd = self._parsers[netloc]
        self._parsers[netloc] = rp
        if isinstance(dfd, Deferred):
            dfd.callback(rp)

    def _apply_crawl_delay(self, netloc: str) -> None:
        rp: Any = self._parsers.get(netloc)
        inner = getattr(rp, "rp", None)
        if inner is None or not hasattr(inner, "crawl_delay"):
            return
        delay = inner.crawl_delay(self._robotstxt_useragent or self._default_useragent)
        if not delay:
            return
        delay = min(float(delay), self.crawl_delay_max)
        host = netloc.rsplit(":", 1)[0] if not netloc.endswith("]") else netloc
        downloader = self.crawler.engine.downloader
        downloader.per_slot_settings.setdefault(host, {}).update(delay=delay, jitter=0.0)
        slot = downloader.slots.get(host)
        if slot is not None:
            slot.delay = max(slot.delay, delay)
            slot.jitter = 0.0  # a Crawl-delay is a minimum, never randomly shortened
        logger.info("honouring Crawl-delay %.1fs for %s", delay, host)

    def process_request_2(self, rp: RobotParser | None, request: Request) -> None:
        try:
            super().process_request_2(rp, request)
        except IgnoreRequest as exc:  # the parent's "Forbidden by robots.txt": say which kind
            netloc = urlparse_cached(request).netloc
            if netloc in self.unavailable:
                raise Refused("robots_unavailable", self.unavailable[netloc]) from exc
            raise Refused("robots_disallow", request.url) from exc
