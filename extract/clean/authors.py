"""Bylines: "Trần Vũ", "P.Ngân", "Bài, ảnh: GIA NGUYỄN" -> "Gia Nguyễn", "Nhóm PV".

A byline is a short line of capitalised name words, maybe after a prefix such as "Bài, ảnh:".
Names printed in capitals are given in title case; everything else stays as written.
"""
from __future__ import annotations

import re

from lxml import etree

from thidua.text import match_key, normalize_inline

from .dates import json_ld_value
from .dom import meta_content
from .wordlists import heading_key, wordlists

_SEPARATORS = re.compile(r"\s*(?:,|;|&|\s-\s|\s–\s|\svà\s)\s*")
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]*$")  # "P.Ngân", "N.H.Anh"
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’]*\.?$")
_OTHER_CREDIT = re.compile(r"\s*[-–;,|/]\s*(?:ảnh|đồ họa|đồ hoạ|video|clip)\s*:", re.IGNORECASE)
_AFFILIATION = re.compile(r"\s*\([^()]*\)\s*$")
_DATE_PART = re.compile(r"\s*[-–|,]?\s*(?:\d{1,2}[:h]\d{2}\s*[-–|,]?\s*)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}.*$")
_MAX_BYLINE = 70
# Meta "author" fields often carry the site or desk rather than a person.
_NOT_A_PERSON = re.compile(r"https?:|www\.|\.vn\b|\.com\b|^báo\s|^tạp chí|^admin|^ban biên tập|^tòa soạn",
                           re.IGNORECASE)


def _is_name(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 5:
        return False
    if len(words) == 1:
        return bool(_INITIALS.match(words[0])) and len(words[0]) >= 3
    for word in words:
        if not (_NAME_WORD.match(word) or _INITIALS.match(word)) or not word[0].isupper():
            return False
    return True


def _as_written(name: str) -> str:
    """A name in capitals gets title case ("GIA NGUYỄN" -> "Gia Nguyễn"); others stay."""
    letters = [ch for ch in name if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        return " ".join(word.capitalize() if "." not in word else word.title() for word in name.split())
    return name


def parse_byline(text: str) -> str | None:
    """The author named by a byline line, or None when the line is not a byline."""
    line = normalize_inline(text).strip(" -–—*")
    if line[:1] in "([" and line[-1:] in ")]":
        line = line[1:-1].strip()
    line = _DATE_PART.sub("", line)  # "Trần Vũ - 22/01/2024 10:15" in one byline box
    if not line or len(line) > _MAX_BYLINE or any(ch.isdigit() for ch in line):
        return None
    lists = wordlists()
    stripped = lists.byline_prefix.sub("", line, count=1).strip(" .")
    stripped = _OTHER_CREDIT.split(stripped)[0]  # "Hà Anh - Ảnh: Minh Đức": the writer
    stripped = _AFFILIATION.sub("", stripped).strip(" .")  # "Minh Tâm (LĐLĐ tỉnh)"
    stripped = lists.byline_unit.sub("", stripped)  # "Thanh Nhàn - Ban Tuyên giáo"
    group = lists.group_bylines.get(heading_key(stripped))
    if group:
        return group
    if not stripped or stripped.lower().startswith("theo "):
        return None
    parts = [part for part in _SEPARATORS.split(stripped) if part]
    if not parts or not all(_is_name(part) for part in parts):
        return None
    return _as_written(stripped)


def author_from_metadata(root: etree._Element, site_name: str | None = None) -> str | None:
    """The author in meta tags or JSON-LD, when it names a person or a desk of the paper."""
    value = meta_content(root, "dable:author", "author", "article:author", "byl", "citation_author")
    if not value:
        found = json_ld_value(root, "author")
        found = found[0] if isinstance(found, list) and found else found
        value = found.get("name") if isinstance(found, dict) else found if isinstance(found, str) else None
    if not value or _NOT_A_PERSON.search(value):
        return None
    if site_name and match_key(value) == match_key(site_name):
        return None
    return parse_byline(value) or (_as_written(normalize_inline(value)) if len(value) <= _MAX_BYLINE else None)


def same_author(line: str, author: str) -> bool:
    """Whether a text line is the byline of `author` (so it leaves the article text)."""
    found = parse_byline(line)
    return found is not None and match_key(found) == match_key(author)
