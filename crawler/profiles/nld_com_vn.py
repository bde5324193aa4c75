"""nld.com.vn — Người Lao Động, the paper of LĐLĐ TP Hồ Chí Minh."""
from .base import ArticleSelectors, SiteProfile

LISTINGS = ("https://nld.com.vn/cong-doan.htm",)
ARTICLE_URL = r"^https?://(www\.)?nld\.com\.vn/cong-doan/[a-z0-9-]+-\d{17}\.htm$"
FEEDS = ("https://nld.com.vn/cong-doan.rss",)

ARTICLE = ArticleSelectors(
    title=".detail-title",
    lead=".detail-sapo",
    body=".detail-content.afcbc-body, div.content-news-detail",
    author=".detail-author .name, meta[property='dable:author']",
    date="meta[itemprop='datePublished']",
    date_attr="content",
    drop=(".detail-relate", ".box-related", ".detail-tag"),
)

PROFILE = SiteProfile(
    host="nld.com.vn",
    name="Người Lao Động",
    version="2024-03",
    listing_urls=LISTINGS,
    article_url=ARTICLE_URL,
    listing_links="div.news-info a[href], a.box-category-link-with-avatar[href]",
    next_page="div.list-more a.btn-viewmore[href]",  # "Xem thêm" loads /timelinelist/<zone>/<n>.htm
    feeds=FEEDS,
    article=ARTICLE,
)
