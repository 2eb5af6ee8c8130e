"""Retry-After and backoff on built requests and responses, with a clock the test controls."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest
from scrapy.exceptions import DownloadTimeoutError
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler

from crawler.middlewares.retry_after import (
    GIVE_UP,
    NOT_BEFORE,
    RetryAfterMiddleware,
    parse_retry_after,
)
from crawler.settings import CrawlOptions, scrapy_settings


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def mw_clock() -> tuple[RetryAfterMiddleware, Clock]:
    crawler = get_crawler(settings_dict=scrapy_settings(CrawlOptions(retries=2, retry_after_max=60, retry_backoff=0.5)))
    crawler.spider = crawler._create_spider()
    clock = Clock()
    mw = RetryAfterMiddleware(crawler.settings, clock=clock)
    mw.crawler = crawler
    return mw, clock


def test_parse_retry_after() -> None:
    now = datetime(2026, 11, 19, 8, 0, tzinfo=UTC).timestamp()
    assert parse_retry_after(b"120", now=now) == 120
    assert parse_retry_after("  7 ", now=now) == 7
    assert parse_retry_after(format_datetime(datetime(2026, 11, 19, 8, 1, 30, tzinfo=UTC), usegmt=True), now=now) == 90
    assert parse_retry_after("Thu, 19 Nov 2026 07:00:00 GMT", now=now) == 0  # already past
    assert parse_retry_after("besok saja", now=now) is None
    assert parse_retry_after(None, now=now) is None


def test_429_with_retry_after_pauses_the_host(mw_clock: tuple[RetryAfterMiddleware, Clock]) -> None:
    mw, clock = mw_clock
    req = Request("http://kabar.example/berita/1")
    out = mw.process_response(req, Response(req.url, status=429, headers={"Retry-After": "7"}))
    assert isinstance(out, Request)
    assert out.meta["retry_times"] == 1
    assert out.meta[NOT_BEFORE] == clock.now + 7
    assert mw.wait_for(Request("http://kabar.example/berita/2")) == pytest.approx(7)  # the whole host waits
    assert mw.wait_for(Request("http://lain.example/berita/2")) <= 0
    clock.now += 8
    assert mw.wait_for(out) < 0


def test_retry_after_beyond_the_cap_gives_up_for_this_crawl(mw_clock: tuple[RetryAfterMiddleware, Clock]) -> None:
    mw, _ = mw_clock
    req = Request("http://kabar.example/berita/1")
    resp = Response(req.url, status=503, headers={"Retry-After": "3600"})
    assert mw.process_response(req, resp) is resp
    assert req.meta[GIVE_UP] == "retry_after_too_long"
    assert mw.wait_for(Request("http://kabar.example/x")) <= 0  # not paused for an hour either


def test_other_failures_back_off_exponentially_until_retries_run_out(mw_clock: tuple[RetryAfterMiddleware, Clock]) -> None:
    mw, clock = mw_clock
    req = Request("http://kabar.example/berita/1")
    first = mw.process_response(req, Response(req.url, status=500))
    assert isinstance(first, Request)
    assert first.meta[NOT_BEFORE] == clock.now + 0.5
    second = mw.process_response(first, Response(req.url, status=502))
    assert isinstance(second, Request)
    assert second.meta[NOT_BEFORE] == clock.now + 1.0
    final = Response(req.url, status=500)
    assert mw.process_response(second, final) is final  # RETRY_TIMES=2 used up
    assert mw.process_response(req, Response(req.url, status=404)).status == 404
    timed_out = mw.process_exception(req, DownloadTimeoutError("lambat"))
    assert isinstance(timed_out, Request)
    assert timed_out.meta[NOT_BEFORE] == clock.now + 0.5


def test_process_request_waits_without_blocking_the_loop() -> None:
    crawler = get_crawler(settings_dict=scrapy_settings(CrawlOptions()))
    mw = RetryAfterMiddleware(crawler.settings)
    req = Request("http://kabar.example/berita/1", meta={NOT_BEFORE: time.monotonic() + 0.2})

    async def both() -> float:
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            for _ in range(5):
                await asyncio.sleep(0.02)
                ticks += 1

        t0 = time.monotonic()
        await asyncio.gather(mw.process_request(req), ticker())
        assert ticks == 5
        return time.monotonic() - t0

    assert asyncio.run(both()) >= 0.19
