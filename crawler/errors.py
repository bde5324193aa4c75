"""One clear reason for each way a request can fail, and whether it counts as skipped or failed.

Skipped: the site answered, or we chose not to fetch (404, robots.txt, too large, a challenge
that never clears). Failed: the site could not be reached or kept erring after the retries
(5xx, timeouts, refused connections, DNS) — those pages are tried again by the next crawl.
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
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net
from twisted.web.client import ResponseFailed

from .middlewares import ChallengeNotPassed

GONE = {404, 410}


def describe_failure(failure) -> tuple[str, str]:
    """("skip" | "fetched-skip" | "fail", reason) for a request's failure."""
    if failure.check(HttpError):
        status = failure.value.response.status
        if status >= 500 or status == 429:
            return "fail", f"HTTP {status} after retries"
        return "fetched-skip", f"HTTP {status}" + (" (gone)" if status in GONE else "")
    if failure.check(ChallengeNotPassed):
        return "skip", "cookie challenge not passed"
    if failure.check(IgnoreRequest):
        message = str(failure.value)
        return "skip", "forbidden by robots.txt" if "robots" in message.lower() else f"ignored: {message}"
    if failure.check(DownloadCancelledError):
        message = str(failure.value)
        return ("skip", "too large (over DOWNLOAD_MAXSIZE)") if "max" in message.lower() else ("fail", "download cancelled")
    if failure.check(DownloadTimeoutError, net.TimeoutError, net.TCPTimedOutError):
        return "fail", "timed out after retries"
    if failure.check(DownloadConnectionRefusedError, net.ConnectionRefusedError):
        return "fail", "connection refused (server down?)"
    if failure.check(CannotResolveHostError, net.DNSLookupError):
        return "fail", "DNS lookup failed (no such host, or no network)"
    if failure.check(ResponseDataLossError):
        return "skip", "truncated response"
    if failure.check(DownloadFailedError, net.ConnectionLost, net.ConnectionDone, ResponseFailed):
        return "fail", "connection lost"
    return "fail", f"{failure.type.__name__}: {failure.getErrorMessage()}"
