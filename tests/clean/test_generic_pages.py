"""The generic path on layouts the code has never seen: pages authored for these tests in
unrelated styles (tests/clean/pages/<name>.html with <name>.json holding what must come out)."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from thidua.crawler.mirror import encode_text
from thidua.extract.clean import clean_html

from thidua.text import normalize

PAGES_DIR = Path(__file__).parent / "pages"
PAGES = sorted(PAGES_DIR.glob("*.json"))


def to_cp1258(text: str) -> bytes:
    """Text as a windows-1258 page stores it: letters with their vowel marks, tone marks apart."""
    return encode_text(text, "cp1258")


def page_bytes(html_path: Path, expected: dict) -> bytes:
    html = html_path.read_text(encoding="utf-8")
    return to_cp1258(html) if expected.get("encode") == "cp1258" else html.encode("utf-8")


def test_there_are_at_least_five_unseen_layouts():
    assert len(PAGES) >= 5


@pytest.mark.parametrize("spec", PAGES, ids=[p.stem for p in PAGES])
def test_generic_page(spec: Path):
    expected = json.loads(spec.read_text(encoding="utf-8"))
    body = page_bytes(spec.with_suffix(".html"), expected)
    article = clean_html(body, url=expected["url"], content_type=expected.get("content_type"))
    assert article.is_article, article.reason
    assert article.method == "generic"
    for field in ("title", "author", "published", "kicker"):
        if field in expected:
            assert getattr(article, field) == expected[field], field
    text = article.text
    assert "\u00d0" not in text and unicodedata.is_normalized("NFC", text)
    missing = [s for s in expected["must_include"] if normalize(s) not in text]
    leaked = [s for s in expected["must_exclude"] if normalize(s) in text]
    assert (missing, leaked) == ([], [])
    captions = [b.text for b in article.blocks if b.kind == "caption"]
    headings = [b.text for b in article.blocks if b.kind == "heading"]
    assert all(c in captions for c in expected.get("captions", [])), captions
    assert all(h in headings for h in expected.get("headings", [])), headings
    if "lead_starts" in expected:
        assert (article.lead or "").startswith(expected["lead_starts"])


def test_cp1258_bytes_really_are_legacy():
    """The windows-1258 page is not valid UTF-8, so decoding had to find the charset."""
    spec = PAGES_DIR / "portal-table-cp1258.json"
    body = page_bytes(spec.with_suffix(".html"), json.loads(spec.read_text(encoding="utf-8")))
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
