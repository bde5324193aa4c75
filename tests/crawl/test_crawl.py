"""Whole crawls against the local mirror, each in a subprocess (`thidua crawl --json`)."""
from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import unicodedata

import pytest

from thidua.crawler.mirror import serve_mirror
from thidua.crawler.profiles import PROFILES
from thidua.extract.pipeline import extract_path
from thidua.paths import corpus_dir, labelled_dir, sites_dir

from .conftest import PAGES, REPO, crawl, manifest_urls, stored

pytestmark = pytest.mark.slow
PROFILED = sorted(PROFILES)


@pytest.fixture(scope="module")
def corpus_crawl(tmp_path_factory):
    """Two crawls of the profiled sites: the first stores, the second finds nothing new."""
    db = tmp_path_factory.mktemp("corpus") / "crawl.db"
    with serve_mirror(sites_dir()) as mirror:
        first = crawl(db, mirror=mirror.base_url)
        hits_after_first = dict(mirror.hits)
        second = crawl(db, mirror=mirror.base_url)
        return {"db": db, "first": first, "second": second, "hits1": hits_after_first, "hits2": dict(mirror.hits)}


def test_first_crawl_stores_every_article_and_nothing_else(corpus_crawl):
    code, report, _ = corpus_crawl["first"]
    assert code == 0 and report["status"] == "finished"
    expected = set().union(*(manifest_urls(site, "article") for site in PROFILED))
    assert set(stored(corpus_crawl["db"])) == expected
    assert report["totals"]["new"] == len(expected) and report["totals"]["failed"] == 0
    for site in PROFILED:
        assert report["sites"][site]["new"] == len(manifest_urls(site, "article")), site
        assert report["sites"][site]["fetched"] > report["sites"][site]["new"]  # listings too
    others = set().union(*(manifest_urls(site, "other") for site in PROFILED))
    assert not others & set(stored(corpus_crawl["db"]))  # tag, video, topic pages never stored


def test_second_crawl_fetches_listings_but_no_stored_article(corpus_crawl):
    code, report, _ = corpus_crawl["second"]
    expected = set().union(*(manifest_urls(site, "article") for site in PROFILED))
    assert code == 0 and report["totals"]["new"] == 0 and report["totals"]["updated"] == 0
    assert report["totals"]["skipped"]["already stored"] == len(expected)
    hits1, hits2 = corpus_crawl["hits1"], corpus_crawl["hits2"]
    assert all(hits2[url] == hits1[url] == 1 for url in expected)  # each article fetched once in all
    listings = set().union(*(manifest_urls(site, "listing") for site in PROFILED))
    assert all(hits2[url] == 2 for url in listings)
    assert all(count == 1 for count in stored(corpus_crawl["db"]).values())


def test_crawled_records_match_the_labelled_articles(corpus_crawl):
    """Golden: title, author, published and the text the labels demand of each article; the facts
    stored by the crawl are those extraction finds in the stored page."""
    labels = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(labelled_dir().glob("*.json"))]
    stored_pages = set().union(*(manifest_urls(site, "article") for site in PROFILED))
    labels = [gold for gold in labels if gold.get("url") in stored_pages]  # labels of pages the mirror serves
    assert len(labels) >= 8
    with sqlite3.connect(corpus_crawl["db"]) as conn:
        conn.row_factory = sqlite3.Row
        for gold in labels:
            row = conn.execute("SELECT v.id, v.title, v.author, v.published, v.text FROM articles a JOIN versions v "
                               "ON v.id = a.current_version WHERE a.url = ?", [gold["url"]]).fetchone()
            assert row is not None, gold["url"]
            assert row["title"] == gold["title"]
            assert row["author"] == gold["author"]
            assert (row["published"] or "")[:10] == (gold["published"] or "")[:10]
            assert all(part in row["text"] for part in gold["text_must_include"]), gold["id"]
            assert not any(part in row["text"] for part in gold["text_must_exclude"]), gold["id"]
            campaigns = sorted(r[0] for r in conn.execute(
                "SELECT name FROM campaign_mentions WHERE version_id = ?", [row["id"]]))
            record = extract_path(corpus_dir() / gold["source_file"], url=gold["url"])
            assert campaigns == sorted(c["name"] for c in record["campaigns"]), gold["id"]


def test_conditional_recheck_and_a_changed_article(tmp_path):
    site = tmp_path / "sites" / "nld.com.vn"
    shutil.copytree(sites_dir() / "nld.com.vn", site)
    db = tmp_path / "nld.db"
    with serve_mirror(tmp_path / "sites") as mirror:
        first = crawl(db, "nld.com.vn", mirror=mirror.base_url)[1]
        assert first["totals"]["new"] == 5, first
        _, again, _ = crawl(db, "nld.com.vn", "--recheck-days", "0", mirror=mirror.base_url)
        assert again["totals"]["unchanged"] == 5 and again["totals"]["new"] == 0
        assert sum(1 for _, status in mirror.requests if status == 304) == 5
        page = next(p for p in json.loads((site / "manifest.json").read_text())["pages"] if p["kind"] == "article")
        path = site / page["file"]
        html = path.read_text(encoding="utf-8")
        path.write_text(html.replace("</p>", " Bài viết đã được cập nhật thêm số liệu mới.</p>", 1), encoding="utf-8")
        _, changed, _ = crawl(db, "nld.com.vn", "--recheck-days", "0", mirror=mirror.base_url)
    assert changed["totals"]["updated"] == 1 and changed["totals"]["unchanged"] == 4
    assert stored(db)[page["url"]] == 2  # the old version is kept


FAULT_SETTINGS = {"DOWNLOAD_TIMEOUT": 1, "RETRY_TIMES": 2, "THIDUA_RETRY_BACKOFF": 0.1}
FAULTS = "https://ldldtinh.example"


def test_faults_are_retried_decoded_or_skipped_with_a_reason(fault_mirror, tmp_path):
    db = tmp_path / "faults.db"
    code, report, stderr = crawl(db, "--start-url", f"{FAULTS}/", mirror=fault_mirror.base_url, settings=FAULT_SETTINGS)
    site = report["sites"]["ldldtinh.example"]
    good = {f"{FAULTS}/tin-tuc/{slug}.html" for slug in (
        "phat-dong-thi-dua-lao-dong-gioi-2024-101", "cong-nhan-ky-thuat-dat-giai-nhat-102",
        "tuyen-duong-doan-vien-tieu-bieu-103", "so-ket-phong-trao-thi-dua-6-thang-104",
        "trao-giai-thuong-nguyen-duc-canh-105")}
    assert set(stored(db)) == good  # 102 after two 500s; 103-105 despite their encodings
    for reason in ("empty page", "forbidden by robots.txt", "not HTML (application/octet-stream)", "too large (over DOWNLOAD_MAXSIZE)", "truncated response"):
        assert site["skipped"].get(reason) == 1, (reason, site["skipped"])
    assert site["errors"] == {"HTTP 503 after retries": 1, "timed out after retries": 1}
    assert code == 1 and report["totals"]["failed"] == 2
    assert fault_mirror.hits[f"{FAULTS}/noi-bo/bao-cao-thi-dua-109.html"] == 0  # robots.txt obeyed
    assert fault_mirror.hits[f"{FAULTS}/tai-lieu/ke-hoach-thi-dua-2024.pdf"] == 0  # a .pdf link is not followed
    with sqlite3.connect(db) as conn:
        titles = dict(conn.execute("SELECT url, title FROM articles"))
    assert titles[f"{FAULTS}/tin-tuc/tuyen-duong-doan-vien-tieu-bieu-103.html"] == unicodedata.normalize(
        "NFC", "Tuyên dương đoàn viên tiêu biểu trong Tháng Công nhân")
    assert titles[f"{FAULTS}/tin-tuc/so-ket-phong-trao-thi-dua-6-thang-104.html"] == "Sơ kết phong trào thi đua 6 tháng đầu năm"
    assert titles[f"{FAULTS}/tin-tuc/trao-giai-thuong-nguyen-duc-canh-105.html"] == unicodedata.normalize(
        "NFC", "Trao Giải thưởng Nguyễn Đức Cảnh cho công nhân xuất sắc")


def test_cookie_challenge_is_passed_and_never_stored(tmp_path):
    db = tmp_path / "challenge.db"
    with serve_mirror(PAGES / "challenge") as mirror:
        code, report, _ = crawl(db, "laodong.vn", mirror=mirror.base_url)
        challenged = [url for url, status in mirror.requests if status == 200 and mirror.hits[url] >= 2]
    articles = manifest_urls("laodong.vn", "article", PAGES / "challenge")
    assert set(stored(db)) == articles and report["sites"]["laodong.vn"]["new"] == 2
    assert challenged  # the challenge was served first, the page after the cookie
    with sqlite3.connect(db) as conn:
        texts = [row[0] for row in conn.execute("SELECT text FROM versions")]
    assert texts and not any("document.cookie" in text or "D1N" in text for text in texts)


def test_any_portal_from_a_start_url(corpus_mirror, tmp_path):
    db = tmp_path / "portals.db"
    code, report, _ = crawl(db, "--start-url", "https://congdoan.vn/tin-tuc/thi-dua-khen-thuong-520/",
                            "--start-url", "https://congdoanthanhhoa.org.vn/tin-tuc-su-kien/thi-dua-khen-thuong/",
                            mirror=corpus_mirror.base_url)
    expected = manifest_urls("congdoan.vn", "article") | manifest_urls("congdoanthanhhoa.org.vn", "article")
    assert set(stored(db)) == expected
    assert code == 0 and report["totals"]["new"] == len(expected)
    assert not (manifest_urls("congdoan.vn", "other") | manifest_urls("congdoan.vn", "listing")) & set(stored(db))


def test_max_pages_and_allow(corpus_mirror, tmp_path):
    db = tmp_path / "max.db"
    _, report, _ = crawl(db, "laodongthudo.vn", "--max-pages", "3", mirror=corpus_mirror.base_url)
    assert report["totals"]["new"] == 3 and len(stored(db)) == 3
    db2 = tmp_path / "allow.db"
    crawl(db2, "laodongthudo.vn", "--allow", r"thi-dua", mirror=corpus_mirror.base_url)
    assert stored(db2) and all("thi-dua" in url for url in stored(db2))


def test_a_dead_server_fails_clearly_and_loses_nothing(corpus_mirror, tmp_path):
    db = tmp_path / "dead.db"
    crawl(db, "nld.com.vn", mirror=corpus_mirror.base_url)
    before = stored(db)
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    code, report, stderr = crawl(db, "nld.com.vn", "--recheck-days", "0", mirror=dead,
                                 settings={"RETRY_TIMES": 1, "THIDUA_RETRY_BACKOFF": 0.1})
    assert code != 0 and report["status"] == "failed"
    assert "could not reach 1 site(s): nld.com.vn" in stderr and "connection refused" in stderr
    assert stored(db) == before


def test_scrapy_crawl_union_uses_the_project_settings(corpus_mirror, tmp_path):
    db = tmp_path / "scrapy.db"
    done = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "union", "-a", "sites=baohaugiang.com.vn",
                           "-s", f"THIDUA_DB={db}", "-s", f"THIDUA_MIRROR={corpus_mirror.base_url}", "-s", "LOG_LEVEL=INFO"],
                          capture_output=True, text=True, timeout=240, cwd=REPO)
    assert done.returncode == 0, done.stderr[-2000:]
    assert set(stored(db)) == manifest_urls("baohaugiang.com.vn", "article")
    assert "crawl finished" in done.stderr


def test_since_leaves_out_older_articles(corpus_mirror, tmp_path):
    db = tmp_path / "since.db"
    _, report, _ = crawl(db, "laodongthudo.vn", "nld.com.vn", "--since", "2025-01-01", mirror=corpus_mirror.base_url)
    with sqlite3.connect(db) as conn:
        published = [row[0] for row in conn.execute("SELECT published FROM articles")]
    assert published and all(date[:10] >= "2025-01-01" for date in published)
    skipped = report["totals"]["skipped"]
    # an old article is left out after extraction (found on a listing) or unfetched (a dated feed entry)
    old = skipped.get("published before --since", 0) + skipped.get("before --since", 0)
    labels = [json.loads(p.read_text(encoding="utf-8")) for p in labelled_dir().glob("*.json")]
    articles = manifest_urls("laodongthudo.vn", "article") | manifest_urls("nld.com.vn", "article")
    recent = {g["url"] for g in labels if g.get("url") in articles and (g.get("published") or "")[:10] >= "2025-01-01"}
    assert set(stored(db)) == recent
    assert old == len(articles - recent), skipped


def test_extraction_on_worker_processes_stores_the_same(corpus_mirror, tmp_path):
    threaded, processes = tmp_path / "thread.db", tmp_path / "process.db"
    crawl(threaded, "nld.com.vn", mirror=corpus_mirror.base_url)
    code, report, _ = crawl(processes, "nld.com.vn", mirror=corpus_mirror.base_url,
                            settings={"THIDUA_EXTRACT_WORKERS": 1})
    assert code == 0 and report["totals"]["new"] == 5
    query = "SELECT a.url, v.title, v.text FROM articles a JOIN versions v ON v.id = a.current_version ORDER BY a.url"
    with sqlite3.connect(threaded) as one, sqlite3.connect(processes) as other:
        assert one.execute(query).fetchall() == other.execute(query).fetchall()
