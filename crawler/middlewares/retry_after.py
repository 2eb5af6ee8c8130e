"""Retries with exponential backoff that honour ``Retry-After`` on 429/503 (Scrapy ignores it, #3849).

A 429 or 503 with Retry-After pauses the whole host for that long (every request to it waits),
up to ``SMARTCITY_RETRY_AFTER_MAX``; a longer Retry-After gives the request up for this crawl
(the ledger records "retry_after_too_long" and a later crawl tries again). Other retryable
failures wait ``SMARTCITY_RETRY_BACKOFF`` seconds, doubling per retry.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import response_status_message

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

NOT_BEFORE = "smartcity_not_before"  # request meta: monotonic time before which it must not leave
GIVE_UP = "smartcity_give_up"  # request meta: why retrying stopped early (a ledger reason)
THROTTLE_STATUSES = (429, 503)


def parse_retry_after(value: bytes | str | None, *, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), None if absent or bad."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


class RetryAfterMiddleware(RetryMiddleware):
    """RetryMiddleware with backoff, host pauses on Retry-After, and a cap on how long to wait."""

    def __init__(self, settings: BaseSettings, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(settings)
        self.retry_after_max = settings.getfloat("SMARTCITY_RETRY_AFTER_MAX", 600.0)
        self.backoff = settings.getfloat("SMARTCITY_RETRY_BACKOFF", 1.0)
        self.clock = clock
        self.host_paused_until: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        mw = cls(crawler.settings)
        mw.crawler = crawler
        return mw

    def wait_for(self, request: Request) -> float:
        """Seconds ``request`` must still wait (its own backoff, or its host's pause)."""
        host = urlparse_cached(request).hostname or ""
        until = max(self.host_paused_until.get(host, 0.0), float(request.meta.get(NOT_BEFORE, 0.0)))
        return until - self.clock()

    async def process_request(self, request: Request) -> None:
        wait = self.wait_for(request)
        if wait > 0:
            logger.debug("waiting %.2fs before %s", wait, request.url)
            await asyncio.sleep(wait)

    def _backoff(self, retry_times: int) -> float:
        return min(self.backoff * (2 ** max(retry_times - 1, 0)), self.retry_after_max)

    def _schedule(self, new: Request, delay: float) -> Request:
        new.meta[NOT_BEFORE] = self.clock() + delay
        return new

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        delay: float | None = None
        if response.status in THROTTLE_STATUSES:
            delay = parse_retry_after(response.headers.get(b"Retry-After"), now=time.time())
            if delay is not None and delay > self.retry_after_max:
                logger.warning("%s asks to wait %.0fs (> retry_after_max %.0fs): giving up for this crawl", request.url, delay,
                               self.retry_after_max)
                request.meta[GIVE_UP] = "retry_after_too_long"
                self.crawler.stats.inc_value("retry/retry_after_too_long")
                return response
            if delay is not None:
                host = urlparse_cached(request).hostname or ""
                self.host_paused_until[host] = max(self.host_paused_until.get(host, 0.0), self.clock() + delay)
        new = self._retry(request, response_status_message(response.status))
        if new is None:
            return response
        return self._schedule(new, delay if delay is not None else self._backoff(new.meta["retry_times"]))

    def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:  # type: ignore[override]
        new = super().process_exception(request, exception)
        if isinstance(new, Request):
            return self._schedule(new, self._backoff(new.meta["retry_times"]))
        return new
