"""The shape of a site profile: how to find a site's articles and how to read one.

One small module per publisher fills this in (selectors at the top of that module). When a
site changes its markup, add a new profile version with its date rather than editing the old
selectors in place, so stored pages of the old layout keep parsing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArticleSelectors:
    """CSS selectors for the parts of an article page (None: the generic path decides)."""

    title: str | None = None  # an element is preferred to a meta tag when both match
    kicker: str | None = None  # the short line ending in ":" above the headline
    lead: str | None = None  # the sapo; an element is preferred to meta[name=description]
    body: str | None = None  # container of the article's own blocks
    caption: str | None = "figcaption, .image-caption, .PhotoCMS_Caption, td.caption, td.image_desc"
    author: str | None = None
    date: str | None = None
    date_attr: str | None = None  # read the date from this attribute instead of the text
    drop: tuple[str, ...] = ()  # boxes inside the body that are not the article's own text


@dataclass(frozen=True)
class SiteProfile:
    host: str
    name: str
    version: str  # date of the layout these selectors were confirmed against
    listing_urls: tuple[str, ...] = ()
    article_url: str = r"$^"  # regex an article URL matches (search, not full match)
    listing_links: str = "a[href]"  # links to articles on a listing page
    next_page: str | None = None  # candidate links to the next listing page (the "next"-like one wins)
    page_param: str | None = None  # without next_page: listings paginate with ?<page_param>=N
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    union_url: str | None = None  # regex: which feed/sitemap entries are union news (None: all articles)
    article: ArticleSelectors = field(default_factory=ArticleSelectors)

    def is_article_url(self, url: str) -> bool:
        return re.search(self.article_url, url) is not None

    def is_union_url(self, url: str) -> bool:
        """An article URL from a feed or sitemap that belongs to the union sections."""
        return self.is_article_url(url) and (self.union_url is None or re.search(self.union_url, url) is not None)
