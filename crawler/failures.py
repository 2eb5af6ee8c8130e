"""Why a request failed, as a frontier state and a reason string the ledger and run records share.

Permanent answers (404/410, robots.txt disallow, a refused address, an oversized body) make a URL
"gone": never fetched again. Transient ones (5xx after retries, timeouts, refused connections)
make it "failed": a later crawl tries again, up to ``max_attempts`` crawls. A host whose
robots.txt could not be read leaves its URLs pending for the next crawl.
"""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectError, ConnectionDone, ConnectionLost, TimeoutError
from twisted.python.failure import Failure

from crawler.middlewares import Refused
from crawler.middlewares.retry_after import GIVE_UP
from storage.frontier import FAILED, GONE, PENDING

GONE_STATUSES = frozenset({400, 404, 405, 410, 414, 451})
REFUSAL_STATES = {
    "robots_disallow": GONE,
    "robots_unavailable": PENDING,
    "blocked_address": GONE,
    "private_address": GONE,
    "unsupported_scheme": GONE,
}
EXCEPTION_REASONS: tuple[tuple[type[BaseException], str], ...] = (
    (DownloadTimeoutError, "timeout"),
    (TimeoutError, "timeout"),
    (CannotResolveHostError, "dns_error"),
    (DownloadConnectionRefusedError, "connection_refused"),
    (ConnectError, "connection_error"),
    (ResponseDataLossError, "data_loss"),
    (ConnectionLost, "connection_lost"),
    (ConnectionDone, "connection_lost"),
    (DownloadFailedError, "download_failed"),
)


def response_of(failure: Failure) -> Response | None:
    """The HTTP response behind a failure, when there was one (an HttpError)."""
    value = failure.value
    return value.response if isinstance(value, HttpError) else None


def classify(failure: Failure) -> tuple[str, str]:
    """(frontier state, reason) for a failed request."""
    value = failure.value
    request = getattr(failure, "request", None)
    if isinstance(value, HttpError):
        status = value.response.status
        given_up = request.meta.get(GIVE_UP) if request is not None else None
        if given_up:
            return FAILED, str(given_up)
        return (GONE if status in GONE_STATUSES else FAILED), f"http_{status}"
    if isinstance(value, Refused):
        return REFUSAL_STATES.get(value.reason, GONE), value.reason
    if isinstance(value, DownloadCancelledError) or (isinstance(value, IgnoreRequest) and "DOWNLOAD_MAXSIZE" in str(value)):
        return GONE, "too_large"
    if isinstance(value, IgnoreRequest) and "max redirections" in str(value):
        return GONE, "too_many_redirects"
    if isinstance(value, IgnoreRequest):
        return GONE, "ignored"
    for exc_type, reason in EXCEPTION_REASONS:
        if isinstance(value, exc_type):
            return FAILED, reason
    return FAILED, f"error_{type(value).__name__}"
