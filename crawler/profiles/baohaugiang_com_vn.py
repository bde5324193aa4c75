"""baohaugiang.com.vn — Báo Hậu Giang, a provincial paper."""
from .base import ArticleSelectors, SiteProfile

LISTINGS = ("https://baohaugiang.com.vn/cong-doan-234.html",)
ARTICLE_URL = r"^https?://(www\.)?baohaugiang\.com\.vn/[a-z0-9-]+/[a-z0-9-]+-\d+\.html$"
UNION_URL = r"baohaugiang\.com\.vn/cong-doan/"
LISTING_LINKS = "div.list-news div.item-list h2 a[href], div.list-news div.item-list a.img[href]"
NEXT_PAGE = "div.paging a[href]"

ARTICLE = ArticleSelectors(
    title="h1.view-page-Tit",
    body="div.divDetail.newscontent",
    date="div.date",
    drop=(".comment", ".tin-cung-chuyen-muc", ".other-news"),
)

PROFILE = SiteProfile(
    host="baohaugiang.com.vn",
    name="Báo Hậu Giang",
    version="2024-01",
    listing_urls=LISTINGS,
    article_url=ARTICLE_URL,
    listing_links=LISTING_LINKS,
    next_page=NEXT_PAGE,
    union_url=UNION_URL,
    article=ARTICLE,
)
