"""Small shared views of a Doc for the rule components: sentences, words, capitalised runs,
per-Doc caches and span bookkeeping.

Vietnamese writes proper names with every syllable capitalised ("Lê Thị Kim Huệ") and
organisation or place names with the first syllable of each word capitalised ("Trung tâm
Y tế"); both views are offered: syllables (regex over the text) and words (underthesea tokens).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from spacy.tokens import Doc

# "H'Hen", "K'Bròn": Tây Nguyên names join a letter to a syllable with an apostrophe
SYLLABLE = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*(?:['’][^\W\d_]+)?")
YEAR = re.compile(r"(?<![\d/.-])(?:19[5-9]\d|20[0-4]\d)(?![\d/])")


def cached(doc: Doc, key: str, build: Callable[[], Any]) -> Any:
    """Compute something once per Doc (several components read the same view)."""
    store = doc.user_data.setdefault("_thidua_cache", {})
    if key not in store:
        store[key] = build()
    return store[key]


def text_of(doc: Doc) -> str:
    """doc.text, built once: spaCy joins every token again on each access."""
    return cached(doc, "text", lambda: doc.text)


def is_title(word: str) -> bool:
    """A syllable written with a capital and then lower case ("Huệ", "A", "H'Hen")."""
    if "'" in word or "’" in word:
        return all(is_title(part) for part in re.split(r"['’]", word) if part) and word[-1:].isalpha()
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower())


def is_abbreviation(word: str) -> bool:
    """An all-capital word of two or more letters ("LĐLĐ", "KCN&CX", "THCS", "CO2")."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def sentences(doc: Doc) -> list[tuple[int, int]]:
    return cached(doc, "sentences", lambda: [(s.start_char, s.end_char) for s in doc.sents] if len(doc) else [])


# Context windows never reach further than this from the position they serve, so a text
# without punctuation (one "sentence" of a megabyte) costs linear time, not quadratic.
MAX_CONTEXT = 600


def sentence_at(doc: Doc, pos: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding character `pos`, at most MAX_CONTEXT either side."""
    spans = sentences(doc)
    starts = cached(doc, "sentence_starts", lambda: [s for s, _ in spans])
    index = bisect.bisect_right(starts, pos) - 1
    start, end = spans[index] if index >= 0 else (0, len(text_of(doc)))
    return max(start, pos - MAX_CONTEXT), min(end, pos + MAX_CONTEXT)


def paragraph_at(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


@dataclass(frozen=True)
class Run:
    """Consecutive capitalised syllables separated by single spaces."""

    words: tuple[tuple[int, int, str], ...]

    @property
    def start(self) -> int:
        return self.words[0][0]

    @property
    def end(self) -> int:
        return self.words[-1][1]


def title_runs(text: str, start: int = 0, end: int | None = None) -> list[Run]:
    """Every run of title-case syllables in text[start:end]."""
    end = len(text) if end is None else end
    runs, current = [], []
    for match in SYLLABLE.finditer(text, start, end):
        word = match.group(0)
        titled = is_title(word) and "." not in word
        if titled and current and text[current[-1][1]:match.start()] == " ":
            current.append((match.start(), match.end(), word))
            continue
        if current:
            runs.append(Run(tuple(current)))
        current = [(match.start(), match.end(), word)] if titled else []
    if current:
        runs.append(Run(tuple(current)))
    return runs


class SpanIndex:
    """Sorted spans answering "what lies within / overlaps [start, end)" by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        low = bisect.bisect_left(self.starts, start - self.longest)
        high = bisect.bisect_left(self.starts, end)
        return any(s < end and start < e for s, e in self.spans[low:high])

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        low, high = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [(s, e) for s, e in self.spans[low:high] if e <= end]


def inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """True if [start, end) overlaps any of `spans`."""
    return any(s < end and start < e for s, e in spans)


def fact_spans(doc: Doc, *fields: str) -> list[tuple[int, int]]:
    """(char_start, char_end) of every fact recorded so far in `fields`."""
    facts = doc.user_data.get("facts", {})
    return [(f["char_start"], f["char_end"]) for field in fields for f in facts.get(field, [])]


def clause_end(text: str, pos: int, limit: int) -> int:
    """Where the clause holding `pos` ends: the next ; or sentence end, capped at `limit`."""
    match = re.compile(r"[;\n]|\.(?:\s|$)").search(text, pos, limit)
    return match.start() if match else limit


def clause_start(text: str, pos: int, floor: int) -> int:
    cut = max(text.rfind(";", floor, pos), text.rfind("\n", floor, pos))
    return floor if cut < 0 else cut + 1


def years_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(position, year) of single years in text[start:end], skipping ranges like 2020-2023."""
    found = []
    for match in YEAR.finditer(text, start, end):
        before, after = text[max(0, match.start() - 3):match.start()], text[match.end():match.end() + 3]
        if re.search(r"\d\s*[-–]\s*$", before) or re.match(r"\s*[-–]\s*\d", after):
            continue
        if re.search(r"(?:SN|sinh năm|[Ss]inh)\s*$", text[max(0, match.start() - 10):match.start()]):
            continue  # a birth year
        found.append((match.start(), int(match.group(0))))
    return found
