"""The local mirror: real URLs' paths, robots.txt, conditional requests, injected faults."""
from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from email.utils import formatdate

import pytest

from thidua.crawler.mirror import CHALLENGE_PAGE, encode_text, page_key

from .conftest import PAGES, manifest_urls

FAULTS = "https://ldldtinh.example"


def get(mirror, url, headers=None):
    request = urllib.request.Request(mirror.url_for(url), headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, dict(reply.headers), reply.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_pages_are_served_under_their_real_paths(corpus_mirror):
    url = sorted(manifest_urls("laodong.vn", "article"))[0]
    status, headers, body = get(corpus_mirror, url)
    assert status == 200 and b"<html" in body.lower()
    assert headers["Content-Type"].startswith("text/html")
    assert corpus_mirror.hits[url] == 1
    assert corpus_mirror.mapping["laodong.vn"] == f"{corpus_mirror.base_url}/laodong.vn"


def test_query_strings_and_unknown_pages(corpus_mirror):
    assert get(corpus_mirror, "https://laodong.vn/cong-doan/?page=2")[0] == 200
    assert get(corpus_mirror, "https://laodong.vn/cong-doan/?page=99")[0] == 404
    assert page_key("https://www.laodong.vn/a?b=1") == ("laodong.vn", "/a?b=1")


def test_robots_only_when_the_manifest_has_one(corpus_mirror):
    status, _, body = get(corpus_mirror, "https://laodong.vn/robots.txt")
    assert status == 200 and b"user-agent" in body.lower()
    assert get(corpus_mirror, "https://nld.com.vn/robots.txt")[0] == 404


def test_conditional_requests_get_304(corpus_mirror):
    url = sorted(manifest_urls("nld.com.vn", "article"))[0]
    _, headers, _ = get(corpus_mirror, url)
    assert get(corpus_mirror, url, {"If-None-Match": headers["ETag"]})[0] == 304
    assert get(corpus_mirror, url, {"If-None-Match": '"other"'})[0] == 200
    assert get(corpus_mirror, url, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert get(corpus_mirror, url, {"If-Modified-Since": formatdate(0, usegmt=True)})[0] == 200


def test_status_fault_clears_after_its_times(fault_mirror):
    url = f"{FAULTS}/tin-tuc/cong-nhan-ky-thuat-dat-giai-nhat-102.html"
    assert [get(fault_mirror, url)[0] for _ in range(3)] == [500, 500, 200]


def test_cookie_challenge_until_the_cookie_is_sent(fault_mirror):
    url = "https://laodong.vn/cong-doan/"
    with pytest.raises(AssertionError):  # the challenge folder is not under PAGES' top level
        assert url in fault_mirror.pages
    from thidua.crawler.mirror import serve_mirror

    with serve_mirror(PAGES / "challenge") as mirror:
        status, _, body = get(mirror, url)
        assert status == 200 and b'document.cookie="D1N=a1b2c3d4e5' in body and b"location.reload" in body
        status, _, body = get(mirror, url, {"Cookie": "x=1; D1N=a1b2c3d4e5"})
        assert status == 200 and b"article-large" in body
    assert CHALLENGE_PAGE.count("{") == 2


def test_truncated_reply_is_shorter_than_declared(fault_mirror):
    connection = http.client.HTTPConnection("127.0.0.1", fault_mirror.port, timeout=10)
    connection.request("GET", "/ldldtinh.example/tin-tuc/bai-viet-bi-cat-ngang-107.html")
    reply = connection.getresponse()
    with pytest.raises(http.client.IncompleteRead):
        reply.read()


def test_encoding_faults(fault_mirror):
    status, headers, body = get(fault_mirror, f"{FAULTS}/tin-tuc/tuyen-duong-doan-vien-tieu-bieu-103.html")
    assert headers["Content-Type"].endswith("windows-1258")
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert "Tuyên dương" in __import__("unicodedata").normalize("NFC", body.decode("cp1258"))
    _, _, nfd = get(fault_mirror, f"{FAULTS}/tin-tuc/trao-giai-thuong-nguyen-duc-canh-105.html")
    assert "Giải thưởng".encode() not in nfd and "Giải thưởng" in __import__("unicodedata").normalize("NFC", nfd.decode())


def test_padded_page_is_over_5_mb(fault_mirror):
    _, headers, body = get(fault_mirror, f"{FAULTS}/tin-tuc/bai-viet-qua-lon-108.html")
    assert int(headers["Content-Length"]) == len(body) >= 5 * 1024 * 1024


def test_encode_text_keeps_vietnamese_in_windows_1258():
    text = "Người lao động được khen thưởng: ệ ố ử ẵ"
    import unicodedata

    assert unicodedata.normalize("NFC", encode_text(text, "windows-1258").decode("cp1258")) == text
