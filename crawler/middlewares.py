"""Downloader middlewares of thidua's crawler."""
from __future__ import annotations

import logging
import re

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

from .handlers import MIRROR_SLOT

log = logging.getLogger(__name__)

# laodong.vn (and sites behind the same guard) may answer 200 with a tiny page whose script sets
# a cookie and reloads; a browser passes it at once, a crawler must do the same by hand.
CHALLENGE_COOKIE = re.compile(rb"""document\.cookie\s*=\s*["']\s*([A-Za-z0-9_.-]+)=([^;"']*)""")
CHALLENGE_RELOAD = re.compile(rb"location\.(reload|replace|href)")
CHALLENGE_MAX_BYTES = 16 * 1024
CHALLENGE_TRIES = 2


def find_challenge(response: Response) -> tuple[str, str] | None:
    """(cookie name, value) when the response is a JavaScript cookie challenge, else None."""
    if response.status != 200 or len(response.body) > CHALLENGE_MAX_BYTES:
        return None
    body = response.body
    found = CHALLENGE_COOKIE.search(body)
    if not found or not CHALLENGE_RELOAD.search(body):
        return None
    return found.group(1).decode("ascii"), found.group(2).decode("latin-1").strip()


class ChallengeNotPassed(IgnoreRequest):
    """The site kept answering with its cookie challenge."""


class CookieChallengeMiddleware:
    """Answer a JavaScript cookie challenge: set the cookie, ask again; never pass the page on.

    The retried request carries the cookie in `Request.cookies`, so Scrapy's CookiesMiddleware
    keeps it in the site's jar and every later request to that site carries it too.
    """

    def process_response(self, request: Request, response: Response, spider=None):
        challenge = find_challenge(response)
        if challenge is None:
            return response
        name, value = challenge
        tries = request.meta.get("thidua_challenge_tries", 0)
        if tries >= CHALLENGE_TRIES:
            raise ChallengeNotPassed(f"cookie challenge ({name}) not passed after {tries} tries")
        log.info("cookie challenge on %s: setting %s and asking again", request.url, name)
        cookies = dict(request.cookies) if isinstance(request.cookies, dict) else {}
        cookies[name] = value
        meta = {**request.meta, "thidua_challenge_tries": tries + 1}
        return request.replace(cookies=cookies, meta=meta, dont_filter=True)


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, with a pause before each: base * 2^(n-1) seconds (or the server's
    Retry-After, within the cap), so a struggling server is not hammered. Loopback mirrors,
    which only simulate failures, wait a tenth as long."""

    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("THIDUA_RETRY_BACKOFF", 1.0)
        self.cap = settings.getfloat("THIDUA_RETRY_BACKOFF_MAX", 60.0)

    async def process_response(self, request: Request, response: Response, spider=None):
        result = super().process_response(request, response)
        if isinstance(result, Request):
            await self.pause(result, retry_after(response))
        return result

    async def process_exception(self, request: Request, exception: Exception, spider=None):
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            await self.pause(result)
        return result

    async def pause(self, request: Request, wanted: float | None = None) -> None:
        tries = request.meta.get("retry_times", 1)
        delay = min(self.cap, wanted if wanted is not None else self.base * 2 ** (tries - 1))
        if request.meta.get("download_slot") == MIRROR_SLOT:
            delay /= 10
        if delay > 0:
            from twisted.internet import reactor  # the installed one; importing it early would install the default

            log.debug("retry %d of %s in %.1fs", tries, request.url, delay)
            await maybe_deferred_to_future(deferLater(reactor, delay, lambda: None))


def retry_after(response: Response) -> float | None:
    value = response.headers.get(b"Retry-After")
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:  # an HTTP date: not worth parsing for a pause this short
        return None
