"""Pages that are not articles come back as not_article with a clear reason, never an exception."""
from __future__ import annotations

import json

import pytest
from thidua.extract.clean import clean_html, clean_text_dump

from thidua.paths import sites_dir

ARTICLE_URL = "https://example.vn/tin-tuc/bai-viet-123.html"
NAV = "".join(f'<li><a href="/muc-{i}">Chuyên mục số {i}</a></li>' for i in range(60))


def _listing() -> str:
    items = "".join(
        f'<div class="item"><h3><a href="/tin/{i}.html">Công đoàn cơ sở số {i} phát động thi đua năm mới</a></h3>'
        f"<p>Công đoàn cơ sở số {i} vừa phát động phong trào thi đua lao động giỏi trong toàn thể đoàn viên, "
        f"người lao động của đơn vị.</p></div>" for i in range(12))
    return f"<html><head><title>Công đoàn</title></head><body><ul class='menu'>{NAV}</ul>{items}</body></html>"


@pytest.mark.parametrize("body, reason", [
    (b"", "empty"),
    ("   \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "binary"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj" + b"\x00" * 100, "binary"),
    (b"<html><body>" + b"<p>" + "Thi đua lao động giỏi. ".encode() * 900_000 + b"</p></body></html>", "too large"),
    (f"<html><body><nav><ul>{NAV}</ul></nav><div class='x'><ul>{NAV}</ul></div></body></html>", "no article text"),
    (_listing(), "listing page"),
    (("<html><head><script>document.cookie='D1N=8b2a;path=/';window.location.reload();</script></head>"
      "<body></body></html>"), "challenge"),
    ("<<<>>> <html <body <p unterminated", "no article text"),
])
def test_not_an_article(body, reason):
    article = clean_html(body, url=ARTICLE_URL)
    assert not article.is_article
    assert reason in article.reason
    assert article.text == ""


def test_twenty_megabyte_page_is_refused_by_size():
    body = b"<html><body>" + b"a" * (20 * 1024 * 1024) + b"</body></html>"
    article = clean_html(body, url=ARTICLE_URL)
    assert not article.is_article and "too large" in article.reason and "20.0 MB" in article.reason


def test_a_non_html_content_type_is_refused():
    article = clean_html(b"GIF89a....", url=ARTICLE_URL, content_type="image/gif")
    assert not article.is_article and "image/gif" in article.reason


def test_none_and_wrong_types_do_not_raise():
    assert not clean_html(None).is_article  # type: ignore[arg-type]
    assert not clean_html(12345).is_article  # type: ignore[arg-type]
    assert not clean_text_dump("").is_article
    assert not clean_text_dump("\x00\x01\x02binary").is_article


def test_tag_search_and_listing_pages_of_the_corpus():
    """Every stored page the corpus marks as a listing or an 'other' page is refused."""
    checked = 0
    for manifest in sites_dir().glob("*/manifest.json"):
        for page in json.loads(manifest.read_text(encoding="utf-8"))["pages"]:
            path = manifest.parent / page["file"]
            if page.get("kind") in ("listing", "other") and path.suffix in (".html", ".htm"):
                article = clean_html(path.read_bytes(), url=page["url"], content_type=page.get("content_type"))
                assert not article.is_article, f"{path.name} taken for an article"
                assert article.reason
                checked += 1
    if checked == 0:
        pytest.skip("no listing pages stored in corpus/sites yet")
