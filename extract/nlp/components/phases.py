"""Component thidua_phases: numbered stages of a campaign, in doc.spans["phases"].

A phase is a cue ("Đợt 1", "đợt II", "giai đoạn thứ hai") followed, within its own stretch of
text (up to the next cue or the end of the sentence), by a date range from
thidua_date_ranges and/or a theme ("chủ đề “…”"). A numbered cue with neither ("hoàn
thành chỉ tiêu giai đoạn 2") says nothing a researcher could use and is not recorded.
The campaign is the one named in the phase's own sentence, or in the sentence that
announces the stages ("phong trào “…” được tổ chức thành 3 đợt").
Words: extract/rules/phases.yaml.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..facts import add_fact, facts_of
from ..rules import load_rules
from ..temporal import word_alternation

_QUOTED = r"[“\"«]([^”\"»\n]{2,300})[”\"»]"


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    return load_rules("phases")


@lru_cache(maxsize=1)
def cue_regex() -> re.Pattern:
    rules = _rules()
    number = rf"(?P<digits>\d{{1,2}})(?![\d/.,-]*\d)|(?P<roman>[IVX]{{1,4}})\b|(?P<word>{word_alternation(rules['number_words'])})(?!\s+\d)\b"
    ordinal = word_alternation(rules["ordinal_prefix"])
    return re.compile(rf"\b(?P<cue>{word_alternation(rules['phase_words'])})\s+(?:(?:{ordinal})\s+)?(?:{number})", re.IGNORECASE)


@lru_cache(maxsize=1)
def theme_regex() -> re.Pattern:
    return re.compile(rf"(?:{word_alternation(_rules()['theme_cues'])})\s*:?\s*{_QUOTED}", re.IGNORECASE)


_ROMAN = {"I": 1, "V": 5, "X": 10}


def roman_value(text: str) -> int | None:
    total, previous = 0, 0
    for ch in reversed(text.upper()):
        value = _ROMAN.get(ch)
        if value is None:
            return None
        total, previous = (total - value, previous) if value < previous else (total + value, value)
    return total or None


def phase_number(m: re.Match) -> int | None:
    if m.group("digits"):
        number = int(m.group("digits"))
    elif m.group("roman"):
        if m.group("roman") != m.group("roman").upper():
            return None
        number = roman_value(m.group("roman"))
    else:
        number = int(_rules()["number_words"][m.group("word").lower()])
    return number if number and 1 <= number <= _rules()["max_phase_number"] else None


def _sentence_bounds(doc: Doc, char: int) -> tuple[int, int]:
    """Start and end of the sentence holding the character at `char`."""
    starts = [token.idx for token in doc]
    if not starts:
        return 0, len(doc.text)
    sent = doc[max(0, bisect_right(starts, char) - 1)].sent
    return sent.start_char, sent.end_char


def _campaign_in(doc: Doc, start: int, end: int) -> str | None:
    for span, attrs in facts_of(doc, "campaigns"):
        if start <= span.start_char and span.end_char <= end:
            return attrs.get("name") or span.text
    return None


def _campaign_of(doc: Doc, cue_start: int, sent: tuple[int, int]) -> str | None:
    """The campaign the text ties the phase to: its own sentence, else the announcing one."""
    name = _campaign_in(doc, sent[0], sent[1])
    if name or sent[0] == 0:
        return name
    previous = _sentence_bounds(doc, sent[0] - 1)
    paragraph_break = "\n" in doc.text[previous[1]:sent[0]]
    announces = re.search(rf"\b(?:{word_alternation(_rules()['phase_words'])})\b", doc.text[previous[0]:previous[1]], re.I)
    return None if paragraph_break or not announces else _campaign_in(doc, previous[0], previous[1])


def _date_range_in(doc: Doc, start: int, end: int) -> dict[str, Any] | None:
    for span, attrs in facts_of(doc, "date_ranges"):
        if start <= span.start_char < end and span.start_char - start <= _rules()["max_date_gap"]:
            return attrs
    return None


@Language.component("thidua_phases")
def phases(doc: Doc) -> Doc:
    cues = [(m, phase_number(m)) for m in cue_regex().finditer(doc.text)]
    cues = [(m, n) for m, n in cues if n is not None]
    seen: set[tuple[int, Any, Any]] = set()
    for index, (m, number) in enumerate(cues):
        sent = _sentence_bounds(doc, m.start())
        stretch_end = min(sent[1], cues[index + 1][0].start() if index + 1 < len(cues) else sent[1])
        dates = _date_range_in(doc, m.end(), stretch_end)
        theme = theme_regex().search(doc.text, m.end(), stretch_end)
        if dates is None and theme is None:
            continue
        start, end = (dates["start"], dates["end"]) if dates else (None, None)
        if (number, start, end) in seen:
            continue
        seen.add((number, start, end))
        add_fact(doc, "phases", m.start(), stretch_end, number=number, start=start, end=end,
                 theme=theme.group(1).strip() if theme else None, campaign=_campaign_of(doc, m.start(), sent),
                 text=doc.text[m.start():stretch_end].rstrip(" ,;."))
    return doc
