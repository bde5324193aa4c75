"""Component thidua_statistics: counts, amounts and percentages, in doc.spans["statistics"].

A statistic is a written number (extract/nlp/numbers.py) with its scale words and the
counted noun after it (the unit, extract/nlp/units.py). Not statistics: numbers inside
dates and intervals, inside the names other components found, inside quoted names, after
an identifier word ("Cụm thi đua số 1", "lần thứ 2", "Quận 1"), codes and document numbers
("126/KH-LĐLĐ"), phone numbers, periods of time ("95 năm"), and numbers with no unit.
Attributes: value, unit, kind ("target" or "result"), qualifier, text.
Words: extract/rules/statistics_context.yaml, statistics_units.yaml, numbers.yaml.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..facts import add_fact, facts_of
from ..numbers import apply_scales, parse_number, qualifier_before, scale_pattern
from ..rules import load_rules
from ..temporal import date_mentions, word_alternation
from ..units import Units, Words, find_unit, subject_unit

NAME_FIELDS = ("campaigns", "awards", "people", "organizations", "date_ranges")
_QUOTE = re.compile(r"[“\"«‘]([^”\"»’\n]{1,300})[”\"»’]")


@lru_cache(maxsize=1)
def _context() -> dict[str, Any]:
    return load_rules("statistics_context")


@lru_cache(maxsize=1)
def number_regex() -> re.Pattern:
    currencies = word_alternation(load_rules("statistics_units")["currencies"])
    return re.compile(
        rf"(?<![\w.,/\-–])(?P<num>(?>\d+(?:[.,]\d+)*))(?!\s*[-–]\s*\d)"
        rf"(?P<scales>(?:\s+(?:{scale_pattern()})(?!\w))*)"
        # "3 tỷ 500 triệu đồng": smaller parts after a scaled one
        rf"(?P<more>(?:\s+\d{{1,3}}(?:,\d+)?\s+(?:{scale_pattern()})(?!\w))*)"
        # "9,2%/năm": a rate per year is a percentage too
        rf"(?:(?P<pct>\s*%|\s+phần\s+trăm(?!\w))(?![\w%])(?!/(?!năm|tháng|quý))|(?P<cur>\s*(?:{currencies}))(?![\w%])|(?![\w/%]))",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _before_regexes() -> dict[str, re.Pattern]:
    ctx = _context()
    return {
        "name": re.compile(rf"(?:^|\W)(?:{word_alternation(ctx['name_before'])})\s*$", re.IGNORECASE),
        "number_word": re.compile(rf"(?:^|\W)(?P<prev>\w+)?\s*{ctx['number_word']}\s*$", re.IGNORECASE),
        "quote_cue": re.compile(rf"(?:^|\W)(?:{word_alternation(ctx['name_cues_before_quote'])})\s*:?\s*$", re.IGNORECASE),
        "subject_verb": re.compile(rf"(?:^|\W)(?:{word_alternation(ctx['subject_verbs'])})\s*$", re.IGNORECASE),
        "target": re.compile(rf"(?:^|\W)(?:{word_alternation(ctx['target_cues'])})(?:\W|$)", re.IGNORECASE),
    }


def _blocked_spans(doc: Doc, text: str, dates: bool = True) -> list[tuple[int, int]]:
    """Stretches where a number is part of something else: dates, names, quoted names
    (merged, so that one look-up tells whether a number falls in any of them)."""
    spans = date_mentions(text) if dates else []
    for field in NAME_FIELDS:
        spans += [(attrs["char_start"], attrs["char_end"]) for _, attrs in facts_of(doc, field)]
    cue = _before_regexes()["quote_cue"]
    for m in _QUOTE.finditer(text):
        if cue.search(text[max(0, m.start() - 30):m.start()]):
            spans.append((m.start(), m.end()))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _inside(merged: list[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect_right(merged, (start, float("inf"))) - 1
    return (index >= 0 and merged[index][1] > start) or (index + 1 < len(merged) and merged[index + 1][0] < end)


_SPREAD_END = re.compile(r"(?P<date>(?:năm|tháng)\s+\d+|\d+/\d+)?\d?\s*(?:đến|tới|hoặc|[-–~])\s*$", re.IGNORECASE)


def _is_identifier(text: str, start: int) -> bool:
    """The number names or orders something ("Cụm thi đua số 1", "lần thứ 2", "Quận 1"),
    or closes a spread ("từ 5 đến 7 người") that is not one value."""
    before = text[max(0, start - 25):start]
    regexes = _before_regexes()
    spread = _SPREAD_END.search(before)
    if regexes["name"].search(before) or (spread and not spread.group("date") and spread.group(0)[:1].isdigit()):
        return True  # "năm 2025 tới 112 CĐCS": the number before is a date, not a spread's start
    m = regexes["number_word"].search(before)
    return bool(m) and (m.group("prev") or "").lower() not in _context()["number_word_counts_after"]


def _clause_before(text: str, start: int) -> str:
    """The clause leading up to a number (since the last ; or sentence end)."""
    window = text[max(0, start - 150):start]
    cuts = [m.end() for m in _CLAUSE_END.finditer(window)]
    return window[cuts[-1]:] if cuts else window


_CLAUSE_END = re.compile(r"[;!?\n]|\.(?!\d)")  # not the dot of "2.000"


def _value(m: re.Match) -> int | float | None:
    value = parse_number(m.group("num"))
    if value is None or (len(m.group("num")) > 1 and m.group("num")[0] == "0" and m.group("num")[1].isdigit()):
        return None  # "0912…": phone numbers and codes, not amounts
    value = apply_scales(value, m.group("scales").split()) if m.group("scales").strip() else value
    for part in _MORE_PART.finditer(m.group("more") or ""):
        extra = apply_scales(parse_number(part.group(1)) or 0, [part.group(2)])
        if extra >= value:  # "5 triệu 3 tỷ" is not one amount
            return None
        value += extra
    return value


_MORE_PART = re.compile(r"(\d+(?:,\d+)?)\s+(\S+)")


_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


def _unit_of_subject(source: Words, m: re.Match, units: Units) -> tuple[str, int] | None:
    """A bare number after "lên", "là", "đạt" … counts the noun of "số <noun>" earlier in the
    clause ("nâng tổng số sáng kiến lên 3.000"); it must end its phrase."""
    text = source.text
    following = _NEXT_WORD.match(text, m.end(), m.end() + 20)
    if following and following.group(1).lower() not in units.stop_words:
        return None  # a word follows that is neither a unit nor a function word: not a bare count
    floor = max(0, m.start() - 40)
    before = text[floor:m.start()]
    qualifier = qualifier_before(before)
    head = floor + len(before.rstrip()) - len(qualifier) if qualifier else m.start()
    if not _before_regexes()["subject_verb"].search(text[max(0, head - 20):head]):
        return None
    clause_start = head - len(_clause_before(text, head))
    unit = subject_unit(source, clause_start, head, units)
    return (unit, m.end()) if unit else None


def statistic_at(source: Words, m: re.Match, units: Units) -> dict[str, Any] | None:
    """The statistic a number match makes, or None."""
    text = source.text
    value = _value(m)
    if value is None or _is_identifier(text, m.start()):
        return None
    if m.group("pct"):
        unit, end = "%", m.end()
    elif m.group("cur"):
        if value == 0:
            return None  # "gian hàng 0 đồng": free of charge, not an amount
        unit, end = units.currency(m.group("cur")), m.end()
    else:
        found = find_unit(source, m.end(), units) or _unit_of_subject(source, m, units)
        if found is None:
            return None
        unit, end = found
        if unit.lower() in units.time_units:
            return None
    qualifier = qualifier_before(text[:m.start()])
    start = len(text[:m.start()].rstrip()) - len(qualifier) if qualifier else m.start()
    kind = "target" if _before_regexes()["target"].search(_clause_before(text, m.start())) else "result"
    return {"value": value, "unit": unit, "kind": kind, "qualifier": qualifier, "start": start, "end": end}


def _repeated(found: dict[str, Any], seen: dict[Any, list[str]]) -> bool:
    """The same count said again: same value and the same unit, or a longer one that begins
    with it ("48 công nhân giỏi" then "48 công nhân giỏi, sáng kiến")."""
    unit = found["unit"].lower()
    units = seen.setdefault(found["value"], [])
    if any(unit.startswith(other) for other in units):
        return True
    units.append(unit)
    return False


_FRACTION = re.compile(r"(?<![\w.,/\-–])(\d{1,6})/(\d{1,6})(?![\w/%]|[.,]\d)")
_DATE_BEFORE = re.compile(r"(?:^|\W)(?:ngày|hôm|sáng|chiều|tối|đêm|trưa|từ|đến|tới|tháng|dịp|lúc|và)\s*$", re.I)


def fraction_counts(doc: Doc, source: Words, units: Units) -> list[dict[str, Any]]:
    """"5/5 đơn vị", "12/15 CĐCS": the part is the count, of the noun after the fraction.
    A day/month date ("ngày 5/5", "Sáng 2/3,") has no counted noun or a date word before it."""
    text, found = source.text, []
    names: list[tuple[int, int]] | None = None
    for m in _FRACTION.finditer(text):
        part, whole = int(m.group(1)), int(m.group(2))
        if not 0 < part <= whole or _DATE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        unit = find_unit(source, m.end(), units)
        if unit is None or unit[0].lower() in units.time_units or units.measures_time(unit[0]) or unit[0].lower() == "số":
            continue  # "3/4 số doanh nghiệp": a share, not a count
        names = _blocked_spans(doc, text, dates=False) if names is None else names
        if _inside(names, m.start(), m.end()):
            continue
        kind = "target" if _before_regexes()["target"].search(_clause_before(text, m.start())) else "result"
        found.append({"value": part, "unit": unit[0], "kind": kind, "qualifier": None, "start": m.start(), "end": unit[1]})
    return found


@lru_cache(maxsize=1)
def _rank_regex() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{word_alternation(_context()['rank_cues'])})\s+(?P<num>\d{{1,3}})(?![\w/%.,]\d|\w)",
                      re.IGNORECASE)


def rank_counts(source: Words) -> list[dict[str, Any]]:
    """"đứng thứ 2 trong Cụm", "xếp hạng 3 toàn đoàn": the place, with the cue's last word as unit."""
    text, found = source.text, []
    for m in _rank_regex().finditer(text):
        unit = text[m.start():m.start("num")].split()[-1].lower()
        kind = "target" if _before_regexes()["target"].search(_clause_before(text, m.start())) else "result"
        found.append({"value": int(m.group("num")), "unit": unit, "kind": kind, "qualifier": None,
                      "start": m.start(), "end": m.end()})
    return found


@Language.component("thidua_statistics")
def statistics(doc: Doc) -> Doc:
    units = Units.load()
    source = Words(doc)
    blocked = _blocked_spans(doc, source.text)
    seen: dict[Any, list[str]] = {}
    all_found: list[dict[str, Any]] = []
    for m in number_regex().finditer(source.text):
        if _inside(blocked, m.start(), m.end()):
            continue
        found = statistic_at(source, m, units)
        if found is not None:
            all_found.append(found)
    all_found += fraction_counts(doc, source, units) + rank_counts(source)
    for found in sorted(all_found, key=lambda f: f["start"]):
        if not _repeated(found, seen):
            _add(doc, source, found)
    return doc


def _add(doc: Doc, source: Words, found: dict[str, Any]) -> None:
    start, end = found.pop("start"), found.pop("end")
    add_fact(doc, "statistics", start, end, text=source.text[start:end], **found)
