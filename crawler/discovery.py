"""Finding article URLs: listing links, pagination, feeds, sitemaps, robots.txt, same-host links."""
from __future__ import annotations

import logging
import re
from typing import Iterator
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

log = logging.getLogger(__name__)

PREVIOUS_TEXT = re.compile(r"(trước|prev|‹|«|<<)", re.IGNORECASE)
NEXT_TEXT = re.compile(r"(trang\s*sau|tiếp|sau\s*»|next|›|»|>>)", re.IGNORECASE)
SKIP_SUFFIX = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|bmp|pdf|docx?|xlsx?|pptx?|zip|rar|7z|gz|mp[34]|m4v|avi|mov|wmv|flv|css|js|json|woff2?|ttf|exe|apk)$",
    re.IGNORECASE,
)
# Search and account pages are never articles and can be endless: a polite crawler leaves them.
SKIP_PATH = re.compile(r"(/tim-kiem|/search|/dang-nhap|/login|/dang-ky|/register|/print|/in-bai|[?&](q|keyword|s)=)",
                       re.IGNORECASE)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")


def is_html(response: Response) -> bool:
    content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
    if content_type:
        return "html" in content_type
    return response.body.lstrip()[:1] == b"<" and b"<html" in response.body[:2048].lower()


def same_host(url: str, host: str) -> bool:
    return (urlsplit(url).hostname or "").removeprefix("www.") == host.removeprefix("www.")


def clean_link(base: str, href: str | None) -> str | None:
    """An absolute http(s) URL without its fragment, or None for javascript:, mailto: and the like."""
    if not href:
        return None
    href = href.strip()
    if href.startswith(("javascript:", "mailto:", "tel:", "#", "data:")):
        return None
    url = urldefrag(urljoin(base, href))[0]
    return url if url.startswith(("http://", "https://")) else None


def links(response: Response, selector: str = "a[href]") -> list[str]:
    """Absolute URLs of the links `selector` finds (a CSS group of <a> elements), in page order, once each."""
    if not isinstance(response, TextResponse):
        return []
    seen: dict[str, None] = {}
    for node in response.css(selector):
        url = clean_link(response.url, node.attrib.get("href"))
        if url:
            seen.setdefault(url, None)
    return list(seen)


def next_page(response: Response, selector: str | None) -> str | None:
    """The next listing page: among the links `selector` finds, the one labelled "next" (rel or
    text), else the only one; None on the last page (page numbers and "previous" links remain)."""
    if not selector or not isinstance(response, TextResponse):
        return None
    candidates = []
    for node in response.css(selector):
        url = clean_link(response.url, node.attrib.get("href"))
        if url and url != response.url:
            candidates.append((url, " ".join(node.css("::text").getall()).strip(), node.attrib.get("rel", "")))
    for url, text, rel in candidates:
        if "next" in rel or NEXT_TEXT.search(text):
            return url
    return candidates[0][0] if len(candidates) == 1 and not PREVIOUS_TEXT.search(candidates[0][1]) else None


def with_page(url: str, param: str, number: int) -> str:
    """`url` with its `param` query value set to `number` (listings paginated as ?page=N)."""
    parts = urlsplit(url)
    query = [kv for kv in parts.query.split("&") if kv and not kv.startswith(f"{param}=")]
    query.append(f"{param}={number}")
    return parts._replace(query="&".join(query)).geturl()


def feed_links(response: Response) -> list[str]:
    """Feeds a page announces with <link rel="alternate" type="application/rss+xml">."""
    if not isinstance(response, TextResponse):
        return []
    found = []
    for node in response.css("link[rel~=alternate][href]"):
        if (node.attrib.get("type") or "").lower() in FEED_TYPES[:2]:
            url = clean_link(response.url, node.attrib["href"])
            if url:
                found.append(url)
    return found


def robots_sitemaps(body: bytes) -> list[str]:
    """The `Sitemap:` lines of a robots.txt."""
    text = body.decode("utf-8", errors="replace")
    return [line.split(":", 1)[1].strip() for line in text.splitlines()
            if line.lower().startswith("sitemap:") and line.split(":", 1)[1].strip()]


def sitemap_entries(body: bytes) -> tuple[str, list[tuple[str, str | None]]]:
    """("sitemapindex" | "urlset" | "invalid", [(loc, lastmod)]) of a sitemap, gzipped or not."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip(body, max_size=50 * 1024 * 1024)
        except Exception:  # a broken archive is just an unreadable sitemap
            return "invalid", []
    try:
        sitemap = Sitemap(body)
    except Exception:
        return "invalid", []
    entries = [(entry["loc"], entry.get("lastmod")) for entry in sitemap if entry.get("loc")]
    kind = sitemap.type if sitemap.type in ("urlset", "sitemapindex") else "invalid"
    return kind, entries if kind != "invalid" else []


def feed_entries(body: bytes) -> Iterator[tuple[str, str | None]]:
    """(link, date) of each item of an RSS 2.0 or Atom feed."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError):
        return
    if root is None:
        return
    for item in root.iter():
        name = etree.QName(item).localname if isinstance(item.tag, str) else ""
        if name not in ("item", "entry"):
            continue
        link, date = None, None
        for child in item:
            if not isinstance(child.tag, str):
                continue
            tag = etree.QName(child).localname
            if tag == "link":
                link = link or (child.get("href") or (child.text or "")).strip() or None
            elif tag in ("pubDate", "published", "updated", "date") and child.text:
                date = date or child.text.strip()
        if link:
            yield link, date


def worth_following(url: str) -> bool:
    return not SKIP_SUFFIX.search(urlsplit(url).path) and not SKIP_PATH.search(url)
