"""laodong.vn — Báo Lao Động, the paper of Tổng LĐLĐ Việt Nam."""
from .base import ArticleSelectors, SiteProfile

LISTINGS = (
    "https://laodong.vn/cong-doan/",
    "https://laodong.vn/cong-doan-toan-quoc/",
    "https://laodong.vn/vi-loi-ich-doan-vien/",
    "https://laodong.vn/thiet-che-cong-doan/",
    "https://laodong.vn/chung-toi-la-can-bo-cong-doan/",
    "https://laodong.vn/cach-lam-hay-tu-co-so/",
)
ARTICLE_URL = r"^https?://(www\.)?laodong\.vn/[a-z0-9-]+/[a-z0-9-]+-\d+\.ldo$"
UNION_URL = (r"laodong\.vn/(cong-doan|cong-doan-toan-quoc|vi-loi-ich-doan-vien|thiet-che-cong-doan"
             r"|chung-toi-la-can-bo-cong-doan|cach-lam-hay-tu-co-so)/")
LISTING_LINKS = ".main-col article a.link-title[href], .main-col article a.link-img[href]"  # not the sidebar
NEXT_PAGE = ".pagination a[rel=next], .pagination a.next"
FEEDS = ("https://laodong.vn/rss/cong-doan.rss",)
SITEMAPS = ("https://laodong.vn/sitemap.xml",)

ARTICLE = ArticleSelectors(
    title="article .title h1, meta[property='og:title']",
    lead="div.chappeau",
    body="div.art-body",
    author="span.authors",
    date=None,  # JSON-LD datePublished
    drop=("div.tin-lien-quan", ".keywords", ".breadcrumb"),
)

PROFILE = SiteProfile(
    host="laodong.vn",
    name="Báo Lao Động",
    version="2024-06",
    listing_urls=LISTINGS,
    article_url=ARTICLE_URL,
    listing_links=LISTING_LINKS,
    next_page=NEXT_PAGE,
    page_param="page",
    union_url=UNION_URL,
    feeds=FEEDS,
    sitemaps=SITEMAPS,
    article=ARTICLE,
)
