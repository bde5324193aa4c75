"""The cleaning word lists of extract/rules/boilerplate.yaml, compiled once per process.

Read here rather than through thidua.extract.nlp.rules: that package loads spaCy, and the
crawler calls cleaning without needing any NLP.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from thidua.text import normalize_inline

RULES_FILE = Path(__file__).resolve().parent.parent / "rules" / "boilerplate.yaml"
_HEADING_STRIP = " :：»›>-–—|.…"


_COUNT = re.compile(r"\s*\(\d+\)$")  # "Bình luận (2)"
_COUNTER = re.compile(r"[\s:：]*[\d.,]+$")  # "Lượt xem: 1.284"


def heading_key(text: str) -> str:
    """A line compared with the heading lists: normalised, lower case, no trailing ':', '»' or count."""
    return _COUNT.sub("", normalize_inline(text).casefold().strip(_HEADING_STRIP)).strip(_HEADING_STRIP)


@dataclass(frozen=True)
class WordLists:
    trailer_headings: frozenset[str]
    trailer_labels: frozenset[str]
    box_headings: frozenset[str]
    share_headings: frozenset[str]
    footer_prefixes: tuple[str, ...]
    boilerplate_class_words: frozenset[str]
    boilerplate_class_phrases: tuple[str, ...]
    lead_class_words: frozenset[str]
    caption_class_words: frozenset[str]
    author_class_words: frozenset[str]
    byline_prefix: re.Pattern
    byline_unit: re.Pattern  # ' - Ban Tuyên giáo' closing a byline
    group_bylines: dict[str, str]  # folded key -> as written
    junk_line: re.Pattern
    image_name: re.Pattern
    ui_lines: frozenset[str]

    def is_trailer_heading(self, text: str) -> bool:
        if len(text) < 60 and heading_key(text) in self.trailer_headings:
            return True
        label, colon, _ = text.partition(":")  # "TAG: Than Đồng Vông Bắc Sáng kiến"
        if colon and len(label) < 20 and heading_key(label) in self.trailer_labels:
            return True
        return text.startswith("#") and text.count(" #") >= 1 and len(text) < 300  # "#sáng kiến #LĐLĐ TP HCM": a tag row

    def is_box_heading(self, text: str) -> bool:
        return len(text) < 60 and heading_key(text) in self.box_headings

    def is_share_heading(self, text: str) -> bool:
        return len(text) < 40 and heading_key(text) in self.share_headings

    def is_ui_line(self, text: str) -> bool:
        """A page control ("Facebook", "In bài", "Đang tải...") or a share bar's heading."""
        key = heading_key(_COUNTER.sub("", text))
        return len(text) < 40 and (key in self.ui_lines or key in self.share_headings)

    def is_footer_line(self, text: str) -> bool:
        folded = text.casefold()
        return folded.startswith(self.footer_prefixes)

    def is_junk_line(self, text: str) -> bool:
        """An image file name, stray markup or a page control left as text."""
        text = text.strip()
        parts = [part for part in re.split(r"\s+[|·]\s+", text) if part]
        if len(parts) > 1 and all(heading_key(part) in self.ui_lines for part in parts):
            return True  # "Facebook | Zalo | In bài": a row of page controls
        return self.junk_line.match(text) is not None or self.is_image_name(text) or \
            (len(text) < 30 and heading_key(text) in self.ui_lines)

    def is_image_name(self, text: str) -> bool:
        """A picture's file name standing where the picture was ("5831 img 1828", "IMG_0812.jpg")."""
        return self.image_name.match(text.strip()) is not None


def _keys(items: list[str]) -> frozenset[str]:
    return frozenset(heading_key(item) for item in items)


@lru_cache(maxsize=1)
def wordlists() -> WordLists:
    with RULES_FILE.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    prefixes = sorted(data["byline_prefixes"], key=len, reverse=True)
    byline_prefix = re.compile(
        r"^\s*(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s*[:：.\-–]\s*", re.IGNORECASE)
    units = sorted(data["byline_unit_words"], key=len, reverse=True)
    byline_unit = re.compile(
        r"\s*(?:\s[-–—]|,)\s+(?:" + "|".join(re.escape(u) for u in units) + r")(?=\s|$).*$", re.IGNORECASE)
    junk = re.compile("|".join(f"(?:{p})" for p in data["junk_line_patterns"]), re.IGNORECASE)
    image_name = re.compile("|".join(f"(?:{p})" for p in data["image_name_patterns"]), re.IGNORECASE)
    return WordLists(
        trailer_headings=_keys(data["trailer_headings"]),
        trailer_labels=_keys(data["trailer_labels"]),
        box_headings=_keys(data["box_headings"]),
        share_headings=_keys(data["share_headings"]),
        footer_prefixes=tuple(normalize_inline(p).casefold() for p in data["footer_prefixes"]),
        boilerplate_class_words=frozenset(data["boilerplate_class_words"]),
        boilerplate_class_phrases=tuple(data["boilerplate_class_phrases"]),
        lead_class_words=frozenset(data["lead_class_words"]),
        caption_class_words=frozenset(data["caption_class_words"]),
        author_class_words=frozenset(data["author_class_words"]),
        byline_prefix=byline_prefix,
        byline_unit=byline_unit,
        group_bylines={heading_key(g): g for g in data["group_bylines"]},
        junk_line=junk,
        image_name=image_name,
        ui_lines=_keys(data["ui_lines"]),
    )
