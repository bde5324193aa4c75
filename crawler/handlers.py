"""Send requests for mirrored hosts to a local mirror while everything above sees the real URL.

The rewrite happens in a download handler, below every downloader middleware, so robots.txt,
cookies, retries, the dupe filter, the store and the per-site report all work on the real URL
(`https://laodong.vn/...`); only the bytes come from the mirror. The `THIDUA_MIRROR` setting is
either `{host: base URL}` (as `MirrorServer.mapping` gives it) or one base URL for every host
(`http://127.0.0.1:8765` serves host H under `/H/`), or the same as a JSON string.
"""
from __future__ import annotations

import ipaddress
import json
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Response

ANY_HOST = "*"
MIRROR_SLOT = "thidua-mirror"


def parse_mirror(value: Any) -> dict[str, str]:
    """The THIDUA_MIRROR setting as {host or "*": base URL}."""
    if not value:
        return {}
    if isinstance(value, str):
        value = value.strip()
        value = json.loads(value) if value.startswith("{") else {ANY_HOST: value}
    return {host.removeprefix("www."): base.rstrip("/") for host, base in dict(value).items()}


def mirrored_url(url: str, mapping: dict[str, str]) -> str | None:
    """Where the mirror serves `url`, or None when its host is not mirrored."""
    if not mapping:
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    rest = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if host in mapping:
        return mapping[host] + rest
    if ANY_HOST in mapping:
        return f"{mapping[ANY_HOST]}/{host}{rest}"
    return None


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class MirrorDownloadHandler(BaseDownloadHandler):
    """HTTP(S) handler: mirrored hosts are fetched from the mirror, the response keeps the real URL."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.inner = HTTP11DownloadHandler(crawler)
        self.mapping = parse_mirror(crawler.settings.get("THIDUA_MIRROR"))

    async def download_request(self, request: Request) -> Response:
        target = mirrored_url(request.url, self.mapping)
        if target is None:
            return await self.inner.download_request(request)
        response = await self.inner.download_request(request.replace(url=target))
        return response.replace(url=request.url)

    async def close(self) -> None:
        await self.inner.close()


class MirrorSlotMiddleware:
    """Relax politeness for requests served by a loopback mirror, and for no other host.

    They share one download slot (configured in DOWNLOAD_SLOTS without delay) and AutoThrottle
    leaves its delay alone; real hosts keep the polite per-domain slots.
    """

    def __init__(self, mapping: dict[str, str]):
        self.mapping = mapping

    @classmethod
    def from_crawler(cls, crawler):
        return cls(parse_mirror(crawler.settings.get("THIDUA_MIRROR")))

    def process_request(self, request: Request, spider=None):
        target = mirrored_url(request.url, self.mapping)
        if target is not None and is_loopback_url(target):
            request.meta.setdefault("download_slot", MIRROR_SLOT)
            request.meta["autothrottle_dont_adjust_delay"] = True
        return None
