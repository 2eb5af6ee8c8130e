"""Failure -> (frontier state, reason): permanent answers are gone, transient ones failed."""

from __future__ import annotations

import pytest
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError as TxConnectionRefused
from twisted.python.failure import Failure

from crawler.failures import classify, response_of
from crawler.middlewares import Refused
from crawler.middlewares.retry_after import GIVE_UP


def failure(exc: BaseException, request: Request | None = None) -> Failure:
    f = Failure(exc)
    f.request = request or Request("http://kabar.example/berita/1")  # type: ignore[attr-defined]
    return f


def http(status: int) -> HttpError:
    return HttpError(Response("http://kabar.example/berita/1", status=status), "Ignoring non-200 response")


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (http(404), ("gone", "http_404")),
        (http(410), ("gone", "http_410")),
        (http(500), ("failed", "http_500")),
        (http(403), ("failed", "http_403")),
        (Refused("robots_disallow"), ("gone", "robots_disallow")),
        (Refused("robots_unavailable", "robots.txt answered 503"), ("pending", "robots_unavailable")),
        (Refused("blocked_address"), ("gone", "blocked_address")),
        (DownloadCancelledError("Expected to receive 9000000 bytes which is larger than download max size"),
         ("gone", "too_large")),
        (IgnoreRequest("Ignored response because its body exceeded DOWNLOAD_MAXSIZE (1048576 B) during decompression."),
         ("gone", "too_large")),
        (IgnoreRequest("max redirections reached"), ("gone", "too_many_redirects")),
        (DownloadTimeoutError("Getting x took longer than 30 seconds."), ("failed", "timeout")),
        (TxConnectionRefused(), ("failed", "connection_error")),
        (ValueError("aneh"), ("failed", "error_ValueError")),
    ],
)
def test_classify(exc: BaseException, expected: tuple[str, str]) -> None:
    assert classify(failure(exc)) == expected


def test_a_given_up_retry_after_keeps_its_reason() -> None:
    req = Request("http://kabar.example/berita/1", meta={GIVE_UP: "retry_after_too_long"})
    assert classify(failure(http(429), req)) == ("failed", "retry_after_too_long")


def test_response_of() -> None:
    assert response_of(failure(http(404))).status == 404
    assert response_of(failure(DownloadTimeoutError("x"))) is None
