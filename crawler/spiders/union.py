"""The `union` spider: union news from the profiled sites, or any portal from a start URL.

Profiled sites (crawler/profiles/): each listing section is read to THIDUA_LISTING_PAGES pages,
feeds and sitemaps add the articles they list. Any other site (`start_url`): robots.txt is
read for sitemaps, the page for feeds, and same-host links are followed THIDUA_DISCOVERY_DEPTH
hops; every page is offered to extraction, which stores it only when it finds an article body.
Articles already stored are not fetched again (see thidua.crawler.session); listings always are.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.http import Request, Response

from thidua.crawler import discovery
from thidua.crawler.errors import describe_failure
from thidua.crawler.profiles import PROFILES, SiteProfile, host_of, profile_for
from thidua.crawler.session import CrawlSession


def as_list(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return [str(part) for part in value]


class UnionSpider(scrapy.Spider):
    name = "union"

    def __init__(self, sites: Any = None, start_url: Any = None, allow: str | None = None,
                 max_pages: Any = None, since: str | None = None, session: CrawlSession | None = None,
                 **kwargs: Any):
        super().__init__(**kwargs)
        self.profiles, extra_starts = self._pick_profiles(as_list(sites), bool(start_url))
        explicit = as_list(start_url)
        covered = {host_of(url) for url in explicit}  # a named site already given a start page
        self.start_pages = explicit + [url for url in extra_starts if host_of(url) not in covered]
        self.allow = re.compile(allow) if allow else None
        self.max_pages = int(max_pages) if max_pages not in (None, "") else None
        self.since = since
        self.session = session
        self.article_requests = 0
        self.discovered: dict[str, int] = {}  # pages scheduled per --start-url host

    @staticmethod
    def _pick_profiles(sites: list[str], has_start: bool) -> tuple[list[SiteProfile], list[str]]:
        """Profiles for the named sites (all of them when nothing is named); unknown names become start URLs."""
        if not sites:
            return ([] if has_start else list(PROFILES.values())), []
        profiles, starts = [], []
        for site in sites:
            profile = profile_for(site)
            if profile:
                profiles.append(profile)
            else:
                starts.append(site if "://" in site else f"https://{site}/")
        return profiles, starts

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        if spider.session is None:  # `scrapy crawl union`: the spider opens the store itself
            spider.session = CrawlSession.open(
                settings.get("THIDUA_DB"), params=spider.params(), since=spider.since,
                recheck_days=settings.get("THIDUA_RECHECK_DAYS"),
                progress_every=settings.getint("THIDUA_PROGRESS_EVERY", 25))
            crawler.signals.connect(spider._close_session, signal=signals.spider_closed)
        spider.listing_pages = settings.getint("THIDUA_LISTING_PAGES", 5)
        spider.discovery_depth = settings.getint("THIDUA_DISCOVERY_DEPTH", 2)
        spider.discovery_pages = settings.getint("THIDUA_DISCOVERY_PAGES", 300)
        spider.sitemap_files = settings.getint("THIDUA_SITEMAP_FILES", 20)
        if not settings.get("THIDUA_CONTACT") and not settings.get("THIDUA_MIRROR"):
            spider.logger.warning("THIDUA_CONTACT is not set: site owners cannot tell who crawls them "
                                  "(set it to an e-mail address or a URL)")
        return spider

    def params(self) -> dict[str, Any]:
        return {"sites": [p.host for p in self.profiles], "start_urls": self.start_pages,
                "allow": self.allow.pattern if self.allow else None, "max_pages": self.max_pages,
                "since": self.since}

    def _close_session(self, spider, reason: str) -> None:
        report = self.session.close("finished" if reason == "finished" else f"stopped: {reason}")
        from thidua.crawler.report import format_report

        self.logger.info("\n%s", format_report(report))

    # --- where a crawl starts ----------------------------------------------------------------

    async def start(self):
        for profile in self.profiles:
            for request in self.profile_requests(profile):
                yield request
        for url in self.start_pages:
            host = host_of(url) or ""
            robots = f"{urlsplit(url).scheme}://{urlsplit(url).netloc}/robots.txt"
            yield self.request(robots, self.parse_robots, "robots", host=host)
            yield self.request(url, self.parse_page, "page", depth=0, host=host)

    def profile_requests(self, profile: SiteProfile) -> Iterator[Request]:
        for url in profile.listing_urls:
            yield self.request(url, self.parse_listing, "listing", depth=0, host=profile.host)
        for url in profile.feeds:
            yield self.request(url, self.parse_feed, "feed", host=profile.host)
        for url in profile.sitemaps:
            yield self.request(url, self.parse_sitemap, "sitemap", host=profile.host)

    def request(self, url: str, callback, kind: str, *, depth: int = 0, host: str | None = None,
                headers: dict[str, str] | None = None, **meta: Any) -> Request:
        meta.update(thidua_kind=kind, thidua_depth=depth, thidua_host=host or host_of(url))
        if headers:
            meta["handle_httpstatus_list"] = [304]
        return Request(url, callback=callback, errback=self.on_error, headers=headers or None,
                       meta=meta, dont_filter=False)

    # --- articles --------------------------------------------------------------------------

    def article_request(self, url: str, callback=None, *, lastmod: Any = None, **meta: Any) -> Request | None:
        """A request for an article URL, unless it is stored and unchanged, seen, or over budget."""
        if not self.session.first_sight(url):
            return None
        due, headers, reason = self.session.article_due(url, lastmod)
        if not due:
            self.session.skip(url, reason or "not due", record=False)
            return None
        if self.max_pages is not None and self.article_requests >= self.max_pages:
            self.session.skip(url, "over --max-pages", record=False)
            return None
        self.article_requests += 1
        return self.request(url, callback or self.parse_article, meta.pop("kind", "article"),
                            headers=headers, **meta)

    def parse_article(self, response: Response):
        self.session.fetched(response.url)
        if response.status == 304:
            self.session.unchanged(response.url, revalidated=True)
            return
        item = self.page_item(response)
        if item is not None:
            yield item

    def page_item(self, response: Response, kind: str = "article") -> dict[str, Any] | None:
        """The item the pipeline extracts and stores, or None (with a logged skip) for unusable replies."""
        reason = unusable(response)
        if reason:
            self.session.skip(response.url, reason)
            return None
        headers = response.headers
        return {
            "url": response.url, "kind": kind, "body": response.body,
            "content_type": headers.get(b"Content-Type", b"").decode("latin-1") or None,
            "etag": headers.get(b"ETag", b"").decode("latin-1") or None,
            "last_modified": headers.get(b"Last-Modified", b"").decode("latin-1") or None,
            "fetched_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }

    # --- profiled sites: listings, feeds, sitemaps -------------------------------------------

    def parse_listing(self, response: Response):
        self.session.fetched(response.url)
        profile = profile_for(response.url)
        if profile is None or not discovery.is_html(response):
            self.session.skip(response.url, "listing is not HTML")
            return
        found = listing_article_urls(response, profile)
        if not found:
            self.logger.warning("listing %s: no article links found (layout change?)", response.url)
        for url in found:
            if self.allow is None or self.allow.search(url):
                request = self.article_request(url)
                if request is not None:
                    yield request
        depth = response.meta.get("thidua_depth", 0) + 1
        following = self.next_listing(response, profile, depth) if found else None
        if following and depth < self.listing_pages:
            yield self.request(following, self.parse_listing, "listing", depth=depth, host=profile.host)

    @staticmethod
    def next_listing(response: Response, profile: SiteProfile, depth: int) -> str | None:
        if profile.next_page:
            return discovery.next_page(response, profile.next_page)
        if profile.page_param:  # no link to follow: ask for ?page=N+1 (an empty page ends it)
            return discovery.with_page(response.url, profile.page_param, depth + 1)
        return None

    def parse_feed(self, response: Response):
        self.session.fetched(response.url)
        profile = profile_for(response.url)
        for url, date in discovery.feed_entries(response.body):
            url = discovery.clean_link(response.url, url)
            if url and self.wanted_from_index(url, profile, response.meta.get("thidua_host")):
                request = self.article_request(url, self.callback_for(profile), lastmod=date,
                                               kind=self.kind_for(profile), depth=0)
                if request is not None:
                    yield request

    def parse_sitemap(self, response: Response):
        self.session.fetched(response.url)
        profile = profile_for(response.url)
        kind, entries = discovery.sitemap_entries(response.body)
        if kind == "invalid":
            self.session.skip(response.url, "unreadable sitemap")
            return
        if kind == "sitemapindex":
            yield from self.child_sitemaps(entries, response.meta.get("thidua_host"))
            return
        for url, lastmod in entries:
            if self.wanted_from_index(url, profile, response.meta.get("thidua_host")):
                request = self.article_request(url, self.callback_for(profile), lastmod=lastmod,
                                               kind=self.kind_for(profile), depth=0)
                if request is not None:
                    yield request

    def child_sitemaps(self, entries: list[tuple[str, str | None]], host: str | None) -> Iterator[Request]:
        """The newest child sitemaps first, at most THIDUA_SITEMAP_FILES, none older than --since."""
        entries = sorted(entries, key=lambda e: e[1] or "", reverse=True)
        taken = 0
        for url, lastmod in entries:
            if taken >= self.sitemap_files:
                break
            if self.since and lastmod and lastmod[:10] < self.since[:10]:
                continue
            taken += 1
            yield self.request(url, self.parse_sitemap, "sitemap", host=host)

    def wanted_from_index(self, url: str, profile: SiteProfile | None, host: str | None) -> bool:
        if self.allow is not None and not self.allow.search(url):
            return False
        if profile is not None:
            return profile.is_union_url(url)
        return bool(host) and discovery.same_host(url, host) and discovery.worth_following(url)

    def callback_for(self, profile: SiteProfile | None):
        return self.parse_article if profile is not None else self.parse_page

    @staticmethod
    def kind_for(profile: SiteProfile | None) -> str:
        return "article" if profile is not None else "page"

    # --- any other portal: robots.txt, sitemaps, feeds, same-host links -----------------------

    def parse_robots(self, response: Response):
        self.session.fetched(response.url)
        host = response.meta.get("thidua_host")
        for url in discovery.robots_sitemaps(response.body):
            yield self.request(url, self.parse_sitemap, "sitemap", host=host)

    def parse_page(self, response: Response):
        self.session.fetched(response.url)
        if response.status == 304:
            self.session.unchanged(response.url, revalidated=True)
            return
        item = self.page_item(response, kind="page")
        if item is None:
            return
        yield item
        depth = response.meta.get("thidua_depth", 0)
        host = response.meta.get("thidua_host") or host_of(response.url)
        if depth == 0:
            for feed in discovery.feed_links(response):
                yield self.request(feed, self.parse_feed, "feed", host=host)
        if depth < self.discovery_depth:
            yield from self.follow_links(response, host, depth + 1)

    def follow_links(self, response: Response, host: str, depth: int) -> Iterable[Request]:
        for url in discovery.links(response):
            if not discovery.same_host(url, host) or not discovery.worth_following(url):
                continue
            if self.allow is not None and not self.allow.search(url):
                continue
            if self.discovered.get(host, 0) >= self.discovery_pages:
                break
            request = self.article_request(url, self.parse_page, kind="page", depth=depth, host=host)
            if request is not None:
                self.discovered[host] = self.discovered.get(host, 0) + 1
                yield request

    # --- failures ------------------------------------------------------------------------------

    def on_error(self, failure) -> None:
        request = failure.request
        kind = request.meta.get("thidua_kind", "page")
        outcome, reason = describe_failure(failure)
        if outcome == "fetched-skip":  # a reply came, but not one to use (404, 403, ...)
            self.session.fetched(request.url)
            if kind == "robots":  # no robots.txt: nothing to learn from it, nothing skipped
                return
            outcome = "skip"
        label = reason if kind in ("article", "page") else f"{kind}: {reason}"
        if outcome == "skip":
            self.session.skip(request.url, label)
        else:
            self.session.fail(request.url, label)


def listing_article_urls(response: Response, profile: SiteProfile) -> list[str]:
    """The union article URLs a listing page links to, in page order."""
    found = [url for url in discovery.links(response, profile.listing_links) if profile.is_union_url(url)]
    if not found:  # the layout changed? any link shaped like a union article beats nothing
        found = [url for url in discovery.links(response) if profile.is_union_url(url)]
    return found


def unusable(response: Response) -> str | None:
    """Why a reply cannot be an article (before extraction), or None."""
    if "dataloss" in response.flags:
        return "truncated response"
    if not response.body.strip():
        return "empty page"
    if not discovery.is_html(response):
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").split(";")[0].strip()
        return f"not HTML ({content_type or 'unknown type'})"
    return None
