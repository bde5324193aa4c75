"""A grammar of Vietnamese dates and intervals, in two levels.

Level one finds date *atoms* in a sentence: full dates ("1/7/2023", "30-4-2024", "ngày 1
tháng 7 năm 2023"), day-months ("9-1", "ngày 15/5"), bare days ("ngày 10", the "10" of
"10-13/4"), months ("tháng 3", "tháng 5/2024"), quarters ("quý II/2024"), parts of a year
("6 tháng đầu năm 2025"), years ("năm 2023", "2015") and "nay".

Level two joins atoms into intervals: an opener ("từ") + atom + connector ("đến", "-") +
atom; two dates or two years joined by a dash ("(27/7/1947-27/7/2021)", "2015 – 2020");
a quarter or a part of a year alone. Missing months and years are filled from the other
end, then from the sentence, then from the publication date; impossible dates (31/2) and
backwards intervals are dropped. Word lists come from extract/rules/temporal.yaml.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from .rules import load_rules

_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y = r"(?:1[89]\d\d|20\d\d)"
_SEP = r"[/-]"
_FULL_SEP = r"[/.-]"  # "7.5.2024" too: a dotted day and month need a year or a cue word
_START = r"(?<![\w/.,])(?<![^\W\d_][-–])"  # not inside a word, a number or a code like "QĐ-2020"
_END = r"(?![\w/]|[.,]\d)"


@dataclass(frozen=True)
class Atom:
    """A date mention: what it says (None = not said) and where."""

    kind: str  # full, day_month, day, month, quarter, part, year, now
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    months: tuple[int, int] | None = None  # quarter / part of a year: first and last month
    this_year: bool = False  # "năm nay"


@dataclass(frozen=True)
class DateRange:
    start_char: int
    end_char: int
    text: str
    start: str | None
    end: str | None


def word_alternation(items: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    return load_rules("temporal")


@lru_cache(maxsize=1)
def atom_regex() -> re.Pattern:
    rules = _rules()
    half = rules["half_year"]
    roman = word_alternation(rules["roman_numerals"])
    cues = "|".join(rf"(?<={re.escape(cue)}\s)" for cue in rules["dotted_date_cues"])
    year_tail = rf"(?:\s*[/-]\s*(?P<{{0}}>{_Y})|\s+năm\s+(?:(?P<{{1}}>{_Y})|(?P<{{2}}>{word_alternation(rules['this_year_words'])})\b))"
    parts = [
        rf"(?P<vfull>(?:ngày\s+)?(?P<vd>{_D})\s+tháng\s+(?P<vm>{_M})\s+năm\s+(?P<vy>{_Y}))\b",
        rf"(?P<full>(?:ngày\s+)?{_START}(?P<fd>{_D})(?P<fs>{_FULL_SEP})(?P<fm>{_M})(?P=fs)(?P<fy>{_Y})){_END}",
        (rf"(?P<part>(?:\b(?P<pn>1[01]|[1-9]|{word_alternation(half['month_counts'])})\s+tháng|(?P<ph>{word_alternation(half['half_words'])}))\s+"
         rf"(?P<pw>{word_alternation(half['first_words'] + half['last_words'])})\s+năm"
         rf"(?:\s+(?:(?P<py>{_Y})|(?P<pnow>{word_alternation(rules['this_year_words'])})\b))?)"),
        rf"(?P<quarter>(?:{word_alternation(rules['quarter_words'])})\s+(?P<qn>{roman}|[1-4])\b{year_tail.format('qy', 'qy2', 'qnow')}?)",
        rf"(?P<vdm>(?:ngày\s+)?(?P<wd>{_D})\s+tháng\s+(?P<wm>{_M}))\b",
        rf"(?P<month>tháng\s+(?P<mm>{_M})\b{year_tail.format('my', 'my2', 'mnow')}?)(?![/-]\d)",
        rf"(?P<dm>(?:ngày\s+)?{_START}(?P<dd>{_D})(?P<ds>{_SEP})(?P<dmm>{_M})){_END}",
        rf"(?P<dotdm>(?:ngày\s+|{cues}){_START}(?P<od>{_D})\.(?P<om>{_M})){_END}",
        rf"(?P<bareday>{_START}(?P<bd>{_D})(?=\s*[-–]\s*{_D}\s*[/-]\s*{_M}))",
        rf"(?P<day>ngày\s+(?P<nd>{_D}))(?![\w/,.-])",
        rf"(?P<monthyear>{_START}(?P<yym>{_M})/(?P<yyy>{_Y})){_END}(?!-)",
        rf"(?P<year>(?:năm\s+)?{_START}(?P<yy>{_Y})){_END}",
        rf"(?P<now>\b(?:{word_alternation(rules['now_words'])})\b)",
    ]
    # Every atom starts a word with a digit or one of a few letters: test that first, cheaply.
    words = [*rules["now_words"], *rules["quarter_words"], *half["half_words"], *map(str, half["month_counts"]),
             "ngày", "tháng", "năm"]
    initials = "".join(sorted({w[0].lower() for w in words} | {w[0].upper() for w in words} | set("0123456789")))
    return re.compile(rf"(?<!\w)(?=[{re.escape(initials)}])(?:" + "|".join(parts) + ")", re.IGNORECASE)


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _quarter_number(text: str) -> int:
    roman = {k.upper(): v for k, v in _rules()["roman_numerals"].items()}
    return roman.get(text.upper()) or int(text)


def _part_months(m: re.Match) -> tuple[int, int] | None:
    half = _rules()["half_year"]
    counts = {str(k).lower(): int(v) for k, v in half["month_counts"].items()}
    written = " ".join((m.group("pn") or "").lower().split())
    count = (int(written) if written.isdigit() else counts.get(written)) if written else 6
    if not count:
        return None
    first = m.group("pw").lower() in [w.lower() for w in half["first_words"]]
    return (1, count) if first else (13 - count, 12)


def _atom(m: re.Match) -> Atom | None:
    g, s, e = m.group, m.start(), m.end()
    if g("vfull"):
        return Atom("full", s, e, _int(g("vy")), _int(g("vm")), _int(g("vd")))
    if g("full"):
        return Atom("full", s, e, _int(g("fy")), _int(g("fm")), _int(g("fd")))
    if g("part"):
        months = _part_months(m)
        return Atom("part", s, e, _int(g("py")), months=months, this_year=bool(g("pnow"))) if months else None
    if g("quarter"):
        q = _quarter_number(g("qn"))
        if not 1 <= q <= 4:
            return None
        year = _int(g("qy") or g("qy2"))
        return Atom("quarter", s, e, year, months=(3 * q - 2, 3 * q), this_year=bool(g("qnow")))
    if g("vdm"):
        return Atom("day_month", s, e, None, _int(g("wm")), _int(g("wd")))
    if g("month"):
        return Atom("month", s, e, _int(g("my") or g("my2")), _int(g("mm")), this_year=bool(g("mnow")))
    if g("dm") or g("dotdm"):
        return Atom("day_month", s, e, None, _int(g("dmm") or g("om")), _int(g("dd") or g("od")))
    if g("bareday") or g("day"):
        return Atom("day", s, e, None, None, _int(g("bd") or g("nd")))
    if g("monthyear"):
        return Atom("month", s, e, _int(g("yyy")), _int(g("yym")))
    if g("year"):
        return Atom("year", s, e, _int(g("yy")))
    if g("now"):
        return Atom("now", s, e)
    return None


def find_atoms(text: str) -> list[Atom]:
    """Every date mention in `text`, left to right, not overlapping."""
    atoms = []
    for m in atom_regex().finditer(text):
        atom = _atom(m)
        if atom is not None:
            atoms.append(atom)
    return atoms


def date_mentions(text: str) -> list[tuple[int, int]]:
    """Character spans of every date, month, year and period word in `text` (not "nay")."""
    return [(a.start, a.end) for a in find_atoms(text) if a.kind != "now"]


# ---- level two: intervals -------------------------------------------------------------

_DASH_PAIRS = {
    ("full", "full"), ("day_month", "full"), ("day_month", "day_month"), ("day", "full"),
    ("day", "day_month"), ("year", "year"), ("month", "month"), ("quarter", "quarter"),
}
_OPEN_KINDS = {"full", "day_month", "day", "month", "year", "quarter", "part", "now"}
_CLOSE_KINDS = _OPEN_KINDS - {"now"}


@lru_cache(maxsize=1)
def _joiners() -> dict[str, re.Pattern]:
    rules = _rules()
    dash = "[" + "".join(re.escape(d) for d in rules["range_dashes"]) + "]"
    until_end = word_alternation(rules["end_words"])  # "đến hết 30/6", "đến cuối tháng 7"
    # a time of day before a date ("từ 8h ngày 1/7 đến 17h30 ngày 5/7", "từ sáng 8/3")
    clock = (rf"(?:(?:\d{{1,2}}\s*(?:h|giờ)(?:\s*\d{{1,2}}(?:\s*phút)?)?\s*,?\s*)?"
             rf"(?:(?:{word_alternation(rules['day_parts'])})\s+)?)")
    return {
        "dash": re.compile(rf"\s*{dash}\s*"),
        "connector": re.compile(rf"\s*(?:,\s*)?(?:{word_alternation(rules['range_connectors'])})(?:\s+(?:{until_end}))?\s+{clock}"
                                rf"|\s*{dash}\s*(?:(?:{until_end})\s+)?{clock}", re.IGNORECASE),
        "opener": re.compile(rf"(?:^|(?<=\W))(?:{word_alternation(rules['range_openers'])})\s+{clock}$", re.IGNORECASE),
        "until_event": re.compile(rf"\s*(?:,\s*)?(?:{word_alternation(rules['range_connectors'])})\s+"
                                  rf"(?:{word_alternation(rules['event_end_words'])})\b[^,.;:!?()]*", re.IGNORECASE),
        "comparison": re.compile(rf"(?:{word_alternation(rules['comparison_words'])})\s*$", re.IGNORECASE),
        "period": re.compile(rf"(?:^|(?<=\W))(?:{word_alternation(rules['period_keywords'])})\s*\(?\s*$", re.IGNORECASE),
    }


def _point(atom: Atom, first: bool) -> list[int | None]:
    """[year, month, day] of the start (first) or the end of what the atom says."""
    if atom.months:
        return [atom.year, atom.months[0] if first else atom.months[1], None]
    return [atom.year, atom.month, atom.day]


def _iso(point: list[int | None]) -> str:
    year, month, day = point
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _valid(point: list[int | None]) -> bool:
    year, month, day = point
    rules = _rules()
    if year is None or not rules["year_min"] <= year <= rules["year_max"]:
        return False
    if month is None:
        return day is None
    if day is None:
        return 1 <= month <= 12
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _key(point: list[int | None], low: bool) -> tuple[int, int, int]:
    """Sortable key; a missing month/day is the earliest (start) or latest (end) possible."""
    fill = 0 if low else 99
    return (point[0] or 0, point[1] if point[1] is not None else fill, point[2] if point[2] is not None else fill)


def _published(published: str | None) -> list[int | None] | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published or "")
    return [int(m.group(1)), int(m.group(2)), int(m.group(3))] if m else None


class _Context:
    """What a sentence says about years, for the dates that leave theirs out."""

    def __init__(self, atoms: list[Atom], published: list[int | None] | None, text: str = "") -> None:
        comparison = _joiners()["comparison"]
        dated = [a for a in atoms if a.year and not comparison.search(text, max(0, a.start - 20), a.start)]
        self.ends = [a.end for a in dated]
        self.starts = [a.start for a in dated]
        self.years = [a.year for a in dated]
        self.published = published

    def year_near(self, start: int, end: int) -> int | None:
        """The sentence's year nearest before the interval, else the publication year,
        else the sentence's first year after it."""
        before = bisect_right(self.ends, start)
        if before:
            return self.years[before - 1]
        if self.published:
            return self.published[0]
        after = bisect_left(self.starts, end)
        return self.years[after] if after < len(self.years) else None


def _fill_year(atom: Atom, point: list[int | None], ctx: _Context) -> None:
    if point[0] is None and atom.this_year and ctx.published:
        point[0] = ctx.published[0]


def _open_ended(a: Atom, ctx: _Context) -> tuple[str | None, str | None] | None:
    """From atom a with no end date ("từ năm 2021 đến nay", "từ 1/11 đến khi …")."""
    start = _point(a, first=True)
    _fill_year(a, start, ctx)
    if start[0] is None:
        start[0] = ctx.year_near(a.start, a.end)
    return (_iso(start), None) if _valid(start) else None


def _until_event(text: str, a: Atom, sentence_start: int) -> int | None:
    """End of "đến khi kết thúc Đại hội …" after an opened atom: the interval runs until an
    event, its end open; None if the atom is not followed so."""
    before = text[max(sentence_start, a.start - 30):a.start]
    if a.kind not in _CLOSE_KINDS or not _joiners()["opener"].search(before):
        return None
    match = _joiners()["until_event"].match(text, a.end)
    return match.end() if match else None


def _resolve(a: Atom, b: Atom | None, ctx: _Context) -> tuple[str | None, str | None] | None:
    """ISO start and end of the interval from atom a to atom b (b None: a alone)."""
    if b is not None and b.kind == "now":
        return _open_ended(a, ctx)
    b = b or a
    end = _point(b, first=False)
    _fill_year(b, end, ctx)
    if a.kind == "now":
        start = ctx.published
        if end[0] is None:
            end[0] = ctx.year_near(a.start, b.end)
            if start and end[0] is not None and _key(end, False) < _key(start, True):
                end[0] += 1
        if not _valid(end) or (start and _key(end, False) < _key(start, True)):
            return None
        return (_iso(start) if start else None), _iso(end)
    start = _point(a, first=True)
    _fill_year(a, start, ctx)
    if start[1] is None and start[2] is not None:  # "10-13/4": the day takes the end's month
        start[1] = end[1]
    if end[0] is None and start[0] is not None:  # "từ 1/12/2023 đến 31/1": end follows the start
        end[0] = start[0] + (1 if _key(end, False)[1:] < _key(start, True)[1:] else 0)
    if end[0] is None:
        end[0] = ctx.year_near(a.start, b.end)
    if start[0] is None and end[0] is not None:  # "từ 1/11 đến 31/1/2025": start in 2024
        start[0] = end[0] - (1 if _key(start, True)[1:] > _key(end, False)[1:] else 0)
    if not (_valid(start) and _valid(end)) or _key(start, True) > _key(end, False):
        return None
    return _iso(start), _iso(end)


def _year_span_ok(text: str, a: Atom, b: Atom, sentence_start: int) -> bool:
    """A dash between two years is a period if close enough, or announced as one."""
    rules = _rules()
    span = b.year - a.year
    if span <= 0:
        return False
    before = text[max(sentence_start, a.start - 25):a.start]
    announced = bool(_joiners()["period"].search(before)) or text[a.start:a.start + 4].lower() == "năm "
    wrapped = before.rstrip().endswith("(") and text[b.end:b.end + 2].lstrip().startswith(")")
    limit = rules["max_period_year_span"] if announced or wrapped else rules["max_bare_year_span"]
    return span <= limit


def _pair(text: str, a: Atom, b: Atom, sentence_start: int) -> str | None:
    """How atoms a and b form an interval: "opener", "open" (no end), "dash" or None."""
    gap = text[a.end:b.start]
    joiners = _joiners()
    before = text[max(sentence_start, a.start - 30):a.start]
    opened = bool(joiners["opener"].search(before))
    if opened and b.kind == "now" and a.kind in _CLOSE_KINDS and joiners["connector"].fullmatch(gap):
        return "open"  # "từ năm 2021 đến nay": the end is left open
    if opened and a.kind in _OPEN_KINDS and b.kind in _CLOSE_KINDS and joiners["connector"].fullmatch(gap):
        if a.kind == "year" and b.kind != "year" and (b.year is None or b.year < a.year):
            return None  # "từ năm 2020 đến hết tháng 6/2025" names both years; "từ năm 2020 đến 5/3" does not
        return "opener"
    if a.kind == "full" and b.kind == "full" and joiners["connector"].fullmatch(gap):
        return "opener"
    if (a.kind, b.kind) in _DASH_PAIRS and joiners["dash"].fullmatch(gap):
        if a.kind == "year" and not _year_span_ok(text, a, b, sentence_start):
            return None
        return "dash"
    return None


def _extent(text: str, start: int, end: int, how: str | None, sentence_start: int) -> tuple[int, int]:
    """The interval's evidence: with its opener or period keyword, and its parentheses."""
    first = start
    wrapped = text[max(0, start - 2):start].rstrip().endswith("(") and text[end:end + 2].lstrip().startswith(")")
    before = text[max(sentence_start, start - 25):start]
    for name in ("opener", "period"):
        m = _joiners()[name].search(before)
        if m and (name == "period" or how in ("opener", "open")):
            start -= len(before) - m.start()
            break
    if wrapped:
        if "(" not in text[start:first]:
            start = text.rindex("(", 0, first)
        end = text.index(")", end) + 1
    return start, end


def ranges_in_sentence(text: str, start: int, end: int, published: str | None = None) -> list[DateRange]:
    """Every interval stated in text[start:end] (one sentence), with absolute offsets."""
    atoms = [Atom(a.kind, a.start + start, a.end + start, a.year, a.month, a.day, a.months, a.this_year)
             for a in find_atoms(text[start:end])]
    ctx = _Context(atoms, _published(published), text)
    found, i = [], 0
    while i < len(atoms):
        a, b = atoms[i], atoms[i + 1] if i + 1 < len(atoms) else None
        how = _pair(text, a, b, start) if b else None
        if how:
            dates, last = _resolve(a, b, ctx), b
            i += 2
        elif a.kind in ("quarter", "part"):
            dates, last = _resolve(a, None, ctx), a
            i += 1
        elif (event_end := _until_event(text, a, start)) is not None:
            dates, last, how = _open_ended(a, ctx), Atom("event", a.end, min(event_end, end)), "open"
            i += 1
        else:
            i += 1
            continue
        if dates:
            s, e = _extent(text, a.start, last.end, how, start)
            found.append(DateRange(s, e, text[s:e], dates[0], dates[1]))
    return found


def find_ranges(text: str, sentences: Iterable[tuple[int, int]], published: str | None = None) -> list[DateRange]:
    """Every interval in the text, sentence by sentence (sentences give the year context)."""
    found: list[DateRange] = []
    for start, end in sentences:
        found.extend(ranges_in_sentence(text, start, end, published))
    return found
