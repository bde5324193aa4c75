"""laodongthudo.vn — Lao Động Thủ Đô, the paper of LĐLĐ Hà Nội."""
from .base import ArticleSelectors, SiteProfile

LISTINGS = (
    "https://laodongthudo.vn/cong-doan",
    "https://laodongthudo.vn/cong-doan/hoat-dong",
    "https://laodongthudo.vn/cong-doan/vi-loi-ich-doan-vien",
    "https://laodongthudo.vn/cong-doan/thang-cong-nhan",
)
ARTICLE_URL = r"^https?://(www\.)?laodongthudo\.vn/[a-z0-9-]+-\d+\.html$"
LISTING_LINKS = "div.list_news div.list_news_img a[href], div.list_news_title h2 a[href]"
NEXT_PAGE = "div.__MB_ARTICLE_PAGING a[href]"  # "Sau »" wins; pages are /<section>/pN

ARTICLE = ArticleSelectors(
    title="h1.title_detail, meta[property='og:title']",
    lead=".sapo_detail, meta[name='description']",  # the page's sapo; the meta copy may be cut short
    body=".detail_info",
    author=".detail_info .author, .content_detail .author",
    date=".content_detail .tool i",
    drop=(".tags", ".related", ".box_related", ".list_news", ".__MB_ARTICLE_PAGING"),
)

PROFILE = SiteProfile(
    host="laodongthudo.vn",
    name="Lao Động Thủ Đô",
    version="2024-01",
    listing_urls=LISTINGS,
    article_url=ARTICLE_URL,
    listing_links=LISTING_LINKS,
    next_page=NEXT_PAGE,
    article=ARTICLE,
)
