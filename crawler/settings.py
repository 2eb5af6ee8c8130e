"""The crawl's knobs as one frozen CrawlOptions, and the Scrapy settings that carry them out.

Scrapy's defaults suit a one-off scrape, not a monitor that returns to the same outlets every few
hours: robots.txt fails open on 5xx, Retry-After is ignored, bodies up to 1 GiB, 180 s timeouts,
20 redirects, a telnet console, a remote-control HTTP server (2.19), file:/data:/ftp:/s3: handlers.
``scrapy_settings`` states every value we change, alphabetically, each with the reason, and
tests/crawler/test_settings.py holds each one to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

MB = 1024 * 1024
RETRY_HTTP_CODES = (408, 429, 500, 502, 503, 504, 522, 524)
CRAWL_DELAY_MAX = 60.0  # longest robots.txt Crawl-delay honoured (s); larger values are capped


@dataclass(frozen=True)
class CrawlOptions:
    """Everything a crawl may be told; ``smartcity.commands.crawl`` fills it from ``[crawl]``."""

    user_agent: str = "smartcity-monitor (+https://github.com/smartcity-monitor/smartcity-monitor#contact)"
    obey_robots: bool = True
    concurrent_requests: int = 16
    concurrent_per_domain: int = 2
    download_delay: float = 0.5
    autothrottle: bool = True
    timeout: int = 30
    max_size_mb: int = 8
    max_redirects: int = 5
    retries: int = 3
    retry_after_max: int = 600
    retry_backoff: float = 1.0  # first retry waits this long, then 2x, 4x … (capped by retry_after_max)
    max_pages: int = 5  # listing pages per start URL unless a source sets max_pages
    since: datetime | None = None  # skip articles dated before this (aware datetime)
    max_attempts: int = 3  # crawls that retry a URL that failed transiently before giving up on it
    max_sitemaps: int = 50  # child sitemaps followed per sitemap index (newest first)
    batch_size: int = 50  # pages written per transaction (each page with its frontier row)
    batch_seconds: float = 0.5  # longest a fetched page waits in memory before its transaction
    progress_every: int = 100  # call the progress callback every N article pages
    log_level: str = "WARNING"  # level of Scrapy's own loggers during the crawl (ours follow the CLI's)

    def __post_init__(self) -> None:
        if self.since is not None and self.since.tzinfo is None:
            raise ValueError(f"CrawlOptions.since={self.since!r} is naive: give it a time zone")
        for name in ("concurrent_requests", "concurrent_per_domain", "timeout", "max_size_mb", "max_pages", "batch_size",
                     "max_attempts", "progress_every"):
            if getattr(self, name) < 1:
                raise ValueError(f"CrawlOptions.{name} must be >= 1, got {getattr(self, name)!r}")


def scrapy_settings(opts: CrawlOptions, *, allowed_hosts: Iterable[str] = ()) -> dict[str, Any]:
    """Scrapy settings for a monitor's crawl; ``allowed_hosts`` are the hosts the sources configure."""
    return {
        # Adapt each host's delay to its latency instead of a fixed rate.
        "AUTOTHROTTLE_ENABLED": opts.autothrottle,
        # Never wait more than a minute between two requests to one host.
        "AUTOTHROTTLE_MAX_DELAY": 60.0,
        # Start as politely as the configured delay, at least 1 s, until latencies are known.
        "AUTOTHROTTLE_START_DELAY": max(opts.download_delay, 1.0),
        # One request in flight per host on average: news sites are shared infrastructure.
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        # Each article response yields one item, yet Scrapy starts this many worker tasks per response.
        "CONCURRENT_ITEMS": 4,
        # Total requests in flight over all hosts.
        "CONCURRENT_REQUESTS": opts.concurrent_requests,
        # Requests in flight per host (Scrapy's 8 is a lot for a regional outlet).
        "CONCURRENT_REQUESTS_PER_DOMAIN": opts.concurrent_per_domain,
        # News pages need no session; cookies would only carry consent walls from page to page.
        "COOKIES_ENABLED": False,
        # Name lookups fail fast rather than hold a slot for Scrapy's 60 s.
        "DNS_TIMEOUT": min(opts.timeout, 20),
        # Our guards in place of Scrapy's robots.txt (fails open) and retry (ignores Retry-After).
        "DOWNLOADER_MIDDLEWARES": {
            "crawler.middlewares.address_guard.AddressGuardMiddleware": 10,
            "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
            "crawler.middlewares.robots.StrictRobotsMiddleware": 100,
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "crawler.middlewares.retry_after.RetryAfterMiddleware": 550,
            "crawler.middlewares.charset.CharsetMiddleware": 580,  # after decompression (590)
        },
        # Floor between two requests to one host (AutoThrottle never goes below it).
        "DOWNLOAD_DELAY": opts.download_delay,
        # download_delay is a floor, as [crawl] documents: Scrapy would randomly halve it (±50%).
        "DOWNLOAD_DELAY_JITTER": 0.0,
        # Only http(s): no file:, data:, ftp: or s3: URL from a feed can reach the disk or a bucket.
        "DOWNLOAD_HANDLERS": {"data": None, "file": None, "ftp": None, "s3": None},
        # Largest body accepted, also after gzip/deflate/brotli decompression (bombs).
        "DOWNLOAD_MAXSIZE": opts.max_size_mb * MB,
        # A stuck host is abandoned after this many seconds, not Scrapy's 180.
        "DOWNLOAD_TIMEOUT": opts.timeout,
        # Log bodies over a quarter of the limit, before they are refused.
        "DOWNLOAD_WARNSIZE": max(opts.max_size_mb * MB // 4, 1),
        # The robots.txt Crawl-delay floors AutoThrottle; the telnet console is off.
        "EXTENSIONS": {
            "scrapy.extensions.telnet.TelnetConsole": None,
            "scrapy.extensions.throttle.AutoThrottle": None,
            "crawler.middlewares.throttle.CrawlDelayThrottle": 0,
        },
        # The command line owns the log handlers; Scrapy's loggers are levelled in crawler.run.
        "LOG_INSTALL_ROOT_HANDLER": False,
        # A chain of redirects longer than this is a loop or a trap.
        "REDIRECT_MAX_TIMES": opts.max_redirects,
        # Scrapy 2.19's remote-control extension runs Python sent over HTTP: never in a monitor.
        "REMOTE_CONTROL_ENABLED": False,
        # Statuses worth retrying: timeouts, throttling, transient server errors.
        "RETRY_HTTP_CODES": list(RETRY_HTTP_CODES),
        # Retries of a failed request (with backoff and Retry-After in our middleware).
        "RETRY_TIMES": opts.retries,
        # Obey robots.txt; our middleware treats a 5xx or unreachable robots.txt as "disallow".
        "ROBOTSTXT_OBEY": opts.obey_robots,
        # Hosts the sources configure: the only private/loopback addresses requests may reach.
        "SMARTCITY_ALLOWED_HOSTS": sorted(set(allowed_hosts)),
        # Longest robots.txt Crawl-delay honoured.
        "SMARTCITY_CRAWL_DELAY_MAX": CRAWL_DELAY_MAX,
        # Longest Retry-After honoured; a longer one gives the request up for this crawl.
        "SMARTCITY_RETRY_AFTER_MAX": opts.retry_after_max,
        # First retry's wait; each further retry doubles it.
        "SMARTCITY_RETRY_BACKOFF": opts.retry_backoff,
        # No console listening on a local port while the monitor crawls unattended.
        "TELNETCONSOLE_ENABLED": False,
        # The asyncio reactor, stated: the retry middleware waits with asyncio.sleep.
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        # Identify the monitor and how to reach whoever runs it.
        "USER_AGENT": opts.user_agent,
    }
