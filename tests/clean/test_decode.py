from __future__ import annotations

import unicodedata

import pytest
from thidua.extract.clean import clean_html, decode_html

from .labelled import labelled_pages, problems
from .test_generic_pages import to_cp1258

VIETNAMESE = "Công đoàn phát động thi đua “Lao động giỏi, lao động sáng tạo” năm 2024"
PAGE = f"<html><head><title>x</title></head><body><p>{VIETNAMESE}</p></body></html>"


def test_windows_1258_declared():
    body = PAGE.replace("<head>", '<head><meta charset="windows-1258">')
    assert VIETNAMESE in decode_html(to_cp1258(body))


def test_windows_1258_labelled_utf8_by_mistake():
    assert VIETNAMESE in decode_html(to_cp1258(PAGE.replace("<head>", '<head><meta charset="utf-8">')))


def test_windows_1258_sniffed_without_any_label():
    text = decode_html(to_cp1258(PAGE))
    assert VIETNAMESE in text and unicodedata.is_normalized("NFC", text)


def test_utf8_served_as_latin1_is_read_as_utf8():
    assert VIETNAMESE in decode_html(PAGE.encode("utf-8"), "text/html; charset=ISO-8859-1")
    declared = PAGE.replace("<head>", '<head><meta charset="windows-1252">').encode("utf-8")
    assert VIETNAMESE in decode_html(declared)


def test_nfd_text_comes_out_nfc():
    assert VIETNAMESE in decode_html(unicodedata.normalize("NFD", PAGE).encode("utf-8"))


def test_eth_lookalike_becomes_d_with_stroke():
    assert "Đoàn viên" in decode_html("<p>\u00d0oàn viên</p>".encode("utf-8"))


def test_bom_and_utf16():
    assert VIETNAMESE in decode_html(b"\xef\xbb\xbf" + PAGE.encode("utf-8"))
    assert VIETNAMESE in decode_html(b"\xff\xfe" + PAGE.encode("utf-16-le"))


def test_a_stray_broken_byte_keeps_utf8():
    body = PAGE.encode("utf-8").replace(b"<p>", b"<p>\xff")
    assert VIETNAMESE in decode_html(body)


def test_text_is_passed_through_normalised():
    assert decode_html("a\u00a0 b") == "a b"


LABELLED_HTML = [p for p in labelled_pages() if p.path.suffix == ".html"]
VARIANTS = {
    "windows-1258": to_cp1258,
    "nfd": lambda html: unicodedata.normalize("NFD", html).encode("utf-8"),
    "utf-16-bom": lambda html: b"\xff\xfe" + html.encode("utf-16-le"),
}


@pytest.mark.skipif(not LABELLED_HTML, reason="no labelled HTML pages yet")
@pytest.mark.parametrize("variant", VARIANTS)
def test_labelled_pages_served_in_other_encodings_clean_the_same(variant):
    """Every labelled page, re-encoded as a server might send it (its meta tag still says utf-8)."""
    failing = {}
    for page in LABELLED_HTML:
        body = VARIANTS[variant](page.path.read_text(encoding="utf-8"))
        found = problems(page, clean_html(body, url=page.label["url"], content_type="text/html"))
        if found:
            failing[page.id] = found[:2]
    assert failing == {}
