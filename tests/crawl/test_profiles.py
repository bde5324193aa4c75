"""Golden tests of the site profiles on the stored listing pages: which article URLs a listing
yields (in page order: no sidebar, video, tag or other-section links) and where the next page is."""
from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from thidua.crawler.mirror import load_manifest
from thidua.crawler.profiles import PROFILES, profile_for
from thidua.crawler.spiders.union import UnionSpider, listing_article_urls
from thidua.paths import sites_dir

LDTD, LD, NLD, BHG = "https://laodongthudo.vn/", "https://laodong.vn/", "https://nld.com.vn/cong-doan/", \
    "https://baohaugiang.com.vn/cong-doan/"

GOLDEN = {
    "https://laodongthudo.vn/cong-doan": ([
        LDTD + "nhieu-chi-tieu-thi-dua-ve-dich-som-trong-6-thang-dau-nam-193718.html",
        LDTD + "cong-doan-nganh-xay-dung-ha-noi-phat-dong-thi-dua-3-dot-tren-cac-cong-trinh-trong-diem-187115.html",
        LDTD + "cong-doan-vien-chuc-thanh-pho-phat-dong-thi-dua-chuyen-doi-so-trong-co-quan-hanh-chinh-186402.html",
        LDTD + "nhung-chien-si-ao-trang-tieu-bieu-trong-phong-trao-thi-dua-nganh-y-te-thu-do-184655.html",
        LDTD + "dau-an-tu-giao-uoc-thi-dua-nam-2024-181947.html",
        LDTD + "nhung-nguoi-giu-nhip-xe-buyt-thu-do-179023.html",
    ], "https://laodongthudo.vn/cong-doan/p2"),
    "https://laodongthudo.vn/cong-doan/p2": ([
        LDTD + "vinh-danh-100-cong-nhan-gioi-thu-do-va-trao-giai-thuong-nguyen-duc-canh-nam-2024-175266.html",
        LDTD + "gia-lam-ton-vinh-156-nha-giao-tieu-bieu-nam-hoc-2023-2024-173240.html",
        LDTD + "phat-dong-dot-thi-dua-cao-diem-chao-mung-95-nam-ngay-thanh-lap-cong-doan-viet-nam-171588.html",
        LDTD + "cong-nhan-cac-kcn-cx-ha-noi-ra-quan-thi-dua-ngay-tu-thang-dau-nam-168942.html",
    ], None),
    "https://laodong.vn/cong-doan/": ([
        LD + "cong-doan/cong-doan-cong-thuong-viet-nam-phat-dong-dot-thi-dua-cao-diem-nam-2025-1488132.ldo",
        LD + "chung-toi-la-can-bo-cong-doan/chu-tich-cong-doan-co-so-gan-bo-voi-cong-nhan-o-khu-che-xuat-1389264.ldo",
        LD + "cach-lam-hay-tu-co-so/binh-duong-6-thang-cong-nhan-dang-ky-hon-9000-sang-kien-1369540.ldo",
    ], "https://laodong.vn/cong-doan/?page=2"),
    "https://laodong.vn/cong-doan/?page=2": ([
        LD + "cong-doan-toan-quoc/bieu-duong-150-cong-nhan-gioi-nganh-det-may-trao-bang-khen-cho-35-tap-the-1343109.ldo",
        LD + "cong-doan-toan-quoc/tong-ldld-viet-nam-phat-dong-thi-dua-nam-2024-chia-lam-hai-dot-1312457.ldo",
    ], None),
    "https://nld.com.vn/cong-doan.htm": ([
        NLD + "sang-kien-vi-nang-suat-buoc-vao-giai-doan-2-tai-cong-ty-giay-da-my-phong-20250220102047561.htm",
        NLD + "10-cong-nhan-nhan-giai-thuong-ton-duc-thang-nam-2024-20240727191038905.htm",
        NLD + "cong-nhan-cac-kcx-kcn-tp-hcm-vuot-chi-tieu-thi-dua-6-thang-dau-nam-20240710154522318.htm",
        NLD + "cong-nhan-tp-hcm-thi-dua-chao-mung-95-nam-thanh-lap-cong-doan-viet-nam-20240402093015487.htm",
        NLD + "cong-doan-nganh-y-te-tri-an-gia-dinh-chinh-sach-tiep-suc-tuyen-dau-20210726080512634.htm",
    ], "https://nld.com.vn/timelinelist/1961/2.htm"),
    "https://baohaugiang.com.vn/cong-doan-234.html": ([
        BHG + "cong-doan-nganh-giao-duc-lan-toa-phong-trao-day-tot-hoc-tot-138214.html",
        BHG + "tuyen-duong-50-doan-vien-cong-nhan-lao-dong-tieu-bieu-134077.html",
        BHG + "nhieu-hoat-dong-thiet-thuc-trong-thang-cong-nhan-nam-2024-131240.html",
        BHG + "lien-doan-lao-dong-tinh-phat-dong-thi-dua-nam-2024-128431.html",
    ], "https://baohaugiang.com.vn/cong-doan-234.html?page=2"),
}


def stored_listings():
    for host in sorted(PROFILES):
        for page in load_manifest(sites_dir() / host):
            if page.kind == "listing":
                yield page


@pytest.mark.parametrize("page", list(stored_listings()), ids=lambda page: page.url)
def test_listing_yields_its_articles_and_next_page(page):
    response = HtmlResponse(page.url, body=page.file.read_bytes(), headers={"Content-Type": page.content_type})
    profile = profile_for(page.url)
    articles, following = GOLDEN[page.url]
    assert listing_article_urls(response, profile) == articles
    assert UnionSpider.next_listing(response, profile, 1) == following


def test_every_profiled_site_has_stored_proof():
    """>= 1 listing and >= 2 articles stored per profiled site, every golden listing among them."""
    for host in PROFILES:
        pages = load_manifest(sites_dir() / host)
        assert sum(p.kind == "listing" for p in pages) >= 1, host
        assert sum(p.kind == "article" for p in pages) >= 2, host
    assert set(GOLDEN) == {page.url for page in stored_listings()}


def test_profiles_recognise_their_article_urls():
    for host, profile in PROFILES.items():
        for page in load_manifest(sites_dir() / host):
            if page.kind == "article":
                assert profile.is_union_url(page.url), page.url
            elif page.kind in ("listing", "other"):
                assert not profile.is_union_url(page.url), page.url
