"""Every Scrapy setting the crawler changes: stated, explained, derived from CrawlOptions, and in force.

Behaviour behind the settings is exercised by real crawls in test_run_faults.py (robots 5xx,
Retry-After, size limits and bombs, redirect limit, timeout, refused addresses).
"""

from __future__ import annotations

import inspect
import re
from datetime import datetime
from typing import Any

import pytest
from scrapy.core.downloader.handlers import DownloadHandlers
from scrapy.core.downloader.middleware import DownloaderMiddlewareManager
from scrapy.extension import ExtensionManager
from scrapy.settings import default_settings
from scrapy.utils.test import get_crawler

from crawler import settings as settings_module
from crawler.settings import MB, CrawlOptions, scrapy_settings

CUSTOM = CrawlOptions(
    user_agent="uji/1 (+https://uji.example/kontak)", obey_robots=False, concurrent_requests=7, concurrent_per_domain=3,
    download_delay=1.5, autothrottle=False, timeout=11, max_size_mb=2, max_redirects=4, retries=6, retry_after_max=90,
    retry_backoff=0.25,
)


def test_keys_are_alphabetical_and_each_has_a_reason() -> None:
    keys = list(scrapy_settings(CrawlOptions()))
    assert keys == sorted(keys)
    source = inspect.getsource(settings_module.scrapy_settings)
    lines = source.splitlines()
    for key in keys:
        index = next(i for i, line in enumerate(lines) if line.strip().startswith(f'"{key}"'))
        comment = lines[index - 1].strip()
        assert comment.startswith("# "), f"{key} has no one-line reason above it"
        assert len(comment) > 20, f"{key}: the reason above it is too short to say why"


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("AUTOTHROTTLE_ENABLED", False),
        ("AUTOTHROTTLE_START_DELAY", 1.5),
        ("CONCURRENT_REQUESTS", 7),
        ("CONCURRENT_REQUESTS_PER_DOMAIN", 3),
        ("DNS_TIMEOUT", 11),
        ("DOWNLOAD_DELAY", 1.5),
        ("DOWNLOAD_MAXSIZE", 2 * MB),
        ("DOWNLOAD_TIMEOUT", 11),
        ("DOWNLOAD_WARNSIZE", 2 * MB // 4),
        ("REDIRECT_MAX_TIMES", 4),
        ("RETRY_TIMES", 6),
        ("ROBOTSTXT_OBEY", False),
        ("SMARTCITY_RETRY_AFTER_MAX", 90),
        ("SMARTCITY_RETRY_BACKOFF", 0.25),
        ("USER_AGENT", "uji/1 (+https://uji.example/kontak)"),
    ],
)
def test_values_follow_the_options(key: str, expected: Any) -> None:
    assert scrapy_settings(CUSTOM)[key] == expected


def test_defaults_are_a_monitors_not_scrapys() -> None:
    ours = scrapy_settings(CrawlOptions(), allowed_hosts=["127.0.0.2", "kabar.example"])
    assert ours["ROBOTSTXT_OBEY"] is True
    assert default_settings.ROBOTSTXT_OBEY is False
    assert ours["DOWNLOAD_TIMEOUT"] == 30 < default_settings.DOWNLOAD_TIMEOUT
    assert ours["DOWNLOAD_MAXSIZE"] == 8 * MB < default_settings.DOWNLOAD_MAXSIZE
    assert ours["REDIRECT_MAX_TIMES"] == 5 < default_settings.REDIRECT_MAX_TIMES
    assert ours["CONCURRENT_REQUESTS_PER_DOMAIN"] == 2 < default_settings.CONCURRENT_REQUESTS_PER_DOMAIN
    assert ours["CONCURRENT_ITEMS"] < default_settings.CONCURRENT_ITEMS
    assert ours["TELNETCONSOLE_ENABLED"] is False
    assert ours["REMOTE_CONTROL_ENABLED"] is False
    assert ours["COOKIES_ENABLED"] is False
    assert ours["DOWNLOAD_DELAY_JITTER"] == 0.0 < default_settings.DOWNLOAD_DELAY_JITTER  # the delay is a floor
    assert ours["DOWNLOAD_HANDLERS"] == {"data": None, "file": None, "ftp": None, "s3": None}
    assert ours["SMARTCITY_ALLOWED_HOSTS"] == ["127.0.0.2", "kabar.example"]
    assert 429 in ours["RETRY_HTTP_CODES"]
    assert 503 in ours["RETRY_HTTP_CODES"]
    assert 404 not in ours["RETRY_HTTP_CODES"]
    assert re.match(r"^smartcity-monitor .*\(\+https://", ours["USER_AGENT"])


def test_components_in_force_on_a_crawler() -> None:
    crawler = get_crawler(settings_dict=scrapy_settings(CrawlOptions()))
    mws = DownloaderMiddlewareManager._get_mwlist_from_settings(crawler.settings)
    assert mws[0] == "crawler.middlewares.address_guard.AddressGuardMiddleware"  # checks every hop first
    assert "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware" not in mws
    assert "scrapy.downloadermiddlewares.retry.RetryMiddleware" not in mws
    assert "crawler.middlewares.robots.StrictRobotsMiddleware" in mws
    assert "crawler.middlewares.retry_after.RetryAfterMiddleware" in mws
    # responses travel the list backwards: decompression happens before the charset check
    assert (mws.index("crawler.middlewares.charset.CharsetMiddleware")
            < mws.index("scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware"))
    exts = ExtensionManager._get_mwlist_from_settings(crawler.settings)
    assert "scrapy.extensions.telnet.TelnetConsole" not in exts
    assert "scrapy.extensions.throttle.AutoThrottle" not in exts
    assert "crawler.middlewares.throttle.CrawlDelayThrottle" in exts
    handlers = DownloadHandlers(crawler)
    for scheme in ("file", "data", "ftp", "s3"):
        assert handlers._get_handler(scheme) is None, scheme


def test_options_refuse_nonsense() -> None:
    with pytest.raises(ValueError, match="naive"):
        CrawlOptions(since=datetime(2026, 11, 1))
    with pytest.raises(ValueError, match="timeout must be >= 1"):
        CrawlOptions(timeout=0)
