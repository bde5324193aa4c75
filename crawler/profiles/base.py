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

    title: str | None = None
    lead: str | None = None
    body: str | None = None  # container of the article's own blocks
    blocks: str = "p, h2, h3, h4, figcaption"  # blocks inside `body`, in order
    caption: str | None = "figcaption, .image-caption, .PhotoCMS_Caption, td.caption"
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
    next_page: str | None = None  # link to the next listing page
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    article: ArticleSelectors = field(default_factory=ArticleSelectors)
    lead_prefix: str | None = None  # e.g. "(LĐTĐ)" opens every lead on laodongthudo.vn

    def is_article_url(self, url: str) -> bool:
        return re.search(self.article_url, url) is not None
