"""Clean then extract: one function per kind of input, all ending in the same record."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from thidua.record import CleanArticle, build_record

from .clean import clean_html, clean_text_dump
from .nlp import extract_facts

log = logging.getLogger(__name__)

HTML_SUFFIXES = {".html", ".htm", ".ldo", ".xhtml"}
TEXT_SUFFIXES = {".txt"}


class NotAnArticle(Exception):
    """The input is not an article; the message says why in one line."""


def extract_article(article: CleanArticle) -> dict[str, Any]:
    """The extraction record of a cleaned article."""
    if not article.is_article:
        raise NotAnArticle(article.reason or "not an article")
    facts = extract_facts(article.text, article.published)
    return build_record(article, facts)


def extract_page(body: bytes | str, url: str | None = None, content_type: str | None = None) -> dict[str, Any]:
    """Record of an HTML page (crawled or read from a file)."""
    return extract_article(clean_html(body, url=url, content_type=content_type))


def extract_text_dump(text: str, url: str | None = None, site: str | None = None) -> dict[str, Any]:
    return extract_article(clean_text_dump(text, url=url, site=site))


def extract_path(path: Path, url: str | None = None, site: str | None = None) -> dict[str, Any]:
    """Record of one file: HTML by suffix or content, text dumps otherwise."""
    data = path.read_bytes()
    if not data.strip():
        raise NotAnArticle("empty file")
    if path.suffix.lower() in HTML_SUFFIXES or data.lstrip()[:1] == b"<":
        return extract_page(data, url=url)
    if b"\x00" in data[:4096]:
        raise NotAnArticle("binary file, not text or HTML")
    return extract_text_dump(data.decode("utf-8", errors="replace"), url=url, site=site)
