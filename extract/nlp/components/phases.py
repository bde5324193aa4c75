"""Component thidua_phases: numbered stages of a campaign, in doc.spans["phases"].

A phase is a cue ("Đợt 1", "đợt II", "giai đoạn thứ hai") followed, within its own stretch of
text (up to the next cue or the end of the sentence), by a date range (the
grammar of extract/nlp/temporal.py) and/or a theme ("chủ đề “…”"). A numbered cue with neither ("hoàn
thành chỉ tiêu giai đoạn 2") says nothing a researcher could use and is not recorded.
The campaign is the one named in the phase's own sentence, or in the sentence that
announces the stages ("phong trào “…” được tổ chức thành 3 đợt").
Words: extract/rules/phases.yaml.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from thidua.text import match_key

from ..facts import add_fact, facts_of
from ..rules import load_rules
from ..temporal import DateRange, ranges_in_sentence, word_alternation
from .date_ranges import sentence_spans

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
def not_a_campaign_regex() -> re.Pattern:
    """"giai đoạn 2 của dự án …": a stage of a project or a building, not of a campaign."""
    return re.compile(rf"\s*(?:\(|,)?\s*của\s+(?:{word_alternation(_rules()['not_campaign_owners'])})\b", re.IGNORECASE)


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


class Page:
    """The Doc's text and sentence bounds, read once (Doc.text is rebuilt on every access)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.sentences = sentence_spans(doc)
        self.starts = [start for start, _ in self.sentences]
        self._ranges: dict[tuple[int, int], list[DateRange]] = {}
        names = [(attrs["char_start"], attrs["char_end"], attrs.get("name") or span.text)
                 for span, attrs in facts_of(doc, "campaigns")]
        by_key = {match_key(name): name for _, _, name in names}
        # a campaign is often recorded once; its later quoted mentions still tie phases to it
        quoted = [(m.start(), m.end(), by_key.get(match_key(m.group(1)))) for m in re.finditer(_QUOTED, self.text)] if names else []
        self.campaigns = sorted(set(names) | {q for q in quoted if q[2]})

    def ranges(self, sent: tuple[int, int]) -> list[DateRange]:
        """The sentence's intervals (the grammar runs once per sentence)."""
        if sent not in self._ranges:
            self._ranges[sent] = ranges_in_sentence(self.text, sent[0], sent[1], self.doc.user_data.get("published"))
        return self._ranges[sent]

    def sentence_at(self, char: int) -> tuple[int, int]:
        """Start and end of the sentence holding the character at `char`."""
        if not self.sentences:
            return 0, len(self.text)
        return self.sentences[max(0, bisect_right(self.starts, char) - 1)]


def _campaigns_before(page: Page, cue_start: int) -> list[tuple[int, int, str]]:
    """(start, end, name) of the campaigns named before the cue, in text order."""
    return [c for c in page.campaigns[:bisect_right(page.campaigns, (cue_start, -1, ""))] if c[1] <= cue_start]


def _previous_sentence(page: Page, sent: tuple[int, int]) -> tuple[int, int] | None:
    """The sentence before `sent` when it is in the same paragraph."""
    if sent[0] == 0:
        return None
    previous = page.sentence_at(sent[0] - 1)
    return None if previous == sent or "\n" in page.text[previous[1]:sent[0]] else previous


def _campaign_of(page: Page, cue: re.Match, sent: tuple[int, int], series_start: int, owner_at: int) -> str | None:
    """The campaign the text ties the phase to, or None.

    Named before the cue in the phase's sentence or in the sentence announcing the stages
    ("phong trào “…” được tổ chức theo 2 đợt"); named right after it ("giai đoạn 2 của chương
    trình “…”"); or referred back to ("Phong trào được chia làm hai đợt", "giai đoạn 1 của
    chương trình") and named shortly before. A year after the word ("phong trào thi đua năm
    2024") means the year's movement in general: no tie.
    """
    cue_start = cue.start()
    named_after = _campaign_named_after(page, owner_at)
    if named_after:
        return named_after
    named = _campaigns_before(page, cue_start)
    if not named:
        return None
    previous = _previous_sentence(page, sent)
    scope_start = previous[0] if previous else sent[0]
    in_scope = [name for start, end, name in named if start >= scope_start and end <= series_start]
    if in_scope:
        return in_scope[-1]
    scope = page.text[scope_start:min(sent[1], cue_start + 40)]
    if not any(_refers_back(m, scope) for r in anaphora_regexes() for m in r.finditer(scope)):
        return None
    window = {match_key(name) for _, end, name in named if cue_start - end <= _rules()["max_campaign_distance"]}
    return named[-1][2] if len(window) == 1 else None  # several candidates: the text does not say which


@lru_cache(maxsize=1)
def anaphora_regexes() -> tuple[re.Pattern, ...]:
    """"Phong trào (năm nay) được chia làm hai đợt", "giai đoạn 1 của chương trình"."""
    rules = _rules()
    words, stages = word_alternation(rules["campaign_words"]), word_alternation(rules["phase_words"])
    count = rf"(?:\d+|{word_alternation(rules['number_words'])})"
    return (
        re.compile(rf"\b(?:{words})(?:\s+(?:năm nay|này))?\s+(?:được\s+)?(?:{word_alternation(rules['split_verbs'])})\b"
                   rf"[^.;“”]{{0,25}}?\b{count}\s+(?:{stages})\b", re.IGNORECASE),
        re.compile(rf"\b(?:{stages})\s+\S+\s+của\s+(?:{words})\b", re.IGNORECASE),
    )


def _refers_back(m: re.Match, text: str) -> bool:
    """"của chương trình (2022 - 2024)" refers back; "của Chương trình 1 triệu…" or
    "của phong trào “…”" names the campaign there and then."""
    after = text[m.end():].lstrip()[:1]
    return not after or not (after.isupper() or after.isdigit() or after in "“\"«")


def _campaign_named_after(page: Page, cue_end: int) -> str | None:
    """"giai đoạn 2 của chương trình “…”": the campaign named right after the cue."""
    for start, _, name in page.campaigns[bisect_left(page.campaigns, (cue_end, -1, "")):]:
        if start - cue_end > 60:
            break
        if of_campaign_regex().fullmatch(page.text[cue_end:start]):
            return name
    return None


@lru_cache(maxsize=1)
def of_campaign_regex() -> re.Pattern:
    words = word_alternation(_rules()["campaign_words"])
    return re.compile(rf"\s*,?\s*của\s+(?:{words})(?:\s+thi đua)?\s*[“\"«]?", re.IGNORECASE)


_DATES_OPEN = re.compile(r"[\s(]*(?:từ\s+)?(?:ngày\s+)?")


def _after_own_dates(page: Page, cue_end: int, dates: DateRange | None) -> int:
    """Where the words about the stage's owner start: after its dates when they follow the cue
    ("giai đoạn 2 (2024 - 2026) của phong trào “…”", "đợt 2 từ … đến … của chương trình")."""
    if dates is None or _DATES_OPEN.fullmatch(page.text, cue_end, dates.start_char) is None:
        return cue_end
    close = re.match(r"\s*\)", page.text[dates.end_char:dates.end_char + 3])
    return dates.end_char + (close.end() if close else 0)


def _date_range_in(page: Page, sent: tuple[int, int], start: int, end: int) -> DateRange | None:
    """The first interval of the sentence that begins in the phase's stretch, near its cue.

    The grammar runs again on the sentence (cheap) because thidua_date_ranges records a
    repeated interval once, and two phases may repeat dates stated earlier.
    """
    for found in page.ranges(sent):
        if start <= found.start_char < end and found.start_char - start <= _rules()["max_date_gap"]:
            between = page.text[start:found.start_char].strip(" (:–-")
            # "Bước sang đợt 2, nhất là trong quý III/2024": a clause in between, not the stage's dates
            return None if "," in between and between != "," else found
    return None


@Language.component("thidua_phases")
def phases(doc: Doc) -> Doc:
    page = Page(doc)
    cues = [(m, phase_number(m)) for m in cue_regex().finditer(page.text)]
    cues = [(m, n) for m, n in cues if n is not None]
    cue_starts = [m.start() for m, _ in cues]
    seen: set[tuple[int, Any, Any]] = set()
    last: dict[str, Any] = {}
    found: list[dict[str, Any]] = []
    for index, (m, number) in enumerate(cues):
        sent = page.sentence_at(m.start())
        stretch_end = min(sent[1], cues[index + 1][0].start() if index + 1 < len(cues) else sent[1])
        dates = _date_range_in(page, sent, m.end(), stretch_end)
        theme = theme_regex().search(page.text, m.end(), stretch_end)
        owner_at = _after_own_dates(page, m.end(), dates)
        if (dates is None and theme is None) or not_a_campaign_regex().match(page.text, owner_at):
            continue
        start, end = (dates.start, dates.end) if dates else (None, None)
        if (number, start, end) in seen:
            continue
        seen.add((number, start, end))
        series_start = cue_starts[bisect_left(cue_starts, sent[0])]
        campaign = _campaign_of(page, m, sent, series_start, owner_at)
        if campaign is None and last.get("number") == number - 1 and m.start() - last["end"] <= _rules()["max_series_gap"]:
            campaign = last["campaign"]  # the next stage of the same series
        last = {"number": number, "end": stretch_end, "campaign": campaign}
        evidence = page.text[m.start():stretch_end].rstrip(" ,;.:\n")
        found.append({"char_start": m.start(), "char_end": m.start() + len(evidence), "number": number, "start": start,
                      "end": end, "theme": theme.group(1).strip() if theme else None, "campaign": campaign, "text": evidence})
    for phase in _with_series_campaigns(found):
        add_fact(doc, "phases", phase.pop("char_start"), phase.pop("char_end"), **phase)
    return doc


def _with_series_campaigns(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """"Kết thúc giai đoạn 1 (…), tiếp tục giai đoạn 2 (…) của phong trào “…”": stage n
    with no campaign takes the one of stage n+1 right after it."""
    for earlier, later in zip(reversed(found[:-1]), reversed(found[1:])):
        if (earlier["campaign"] is None and later["campaign"] and later["number"] == earlier["number"] + 1
                and later["char_start"] - earlier["char_end"] <= _rules()["max_series_gap"]):
            earlier["campaign"] = later["campaign"]
    return found
