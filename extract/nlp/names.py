"""Person-name mentions: capitalised syllable runs that start with a Vietnamese surname.

A run of 3-4 title-case syllables starting with a surname ("Lê Thị Kim Huệ") is a name on its
own; a 2-syllable run ("Lâm Bảo") needs a cue: an honorific or role right before it, or a role
in apposition after it. A single syllable after an honorific ("bà Điệp") is a short mention,
linked later to the full name it abbreviates. Runs inside organisation or campaign names,
after street/place/award words, or listed as not people are skipped. Rules:
extract/rules/people.yaml, surnames.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from thidua.text import match_key

from .lexicon import PeopleLexicon, people_lexicon
from .scan import Run, cached, fact_spans, inside, sentences, title_runs

MAX_NAME = 4
_APPOSITION = re.compile(r"\s*(?:,|\(|[-–])\s*(?:(?:hiện|nguyên|hiện là|là)\s+)?")


@dataclass
class Mention:
    start: int
    end: int
    name: str
    full: bool          # a full name, or a short "bà Điệp" mention (name = the given name)
    honorific: str | None = None


def _surname_width(words: list[str], index: int, lex: PeopleLexicon) -> int:
    if index + 1 < len(words) and f"{words[index]} {words[index + 1]}" in lex.compound_surnames:
        return 2
    return 1 if words[index] in lex.surnames else 0


def person_start(words: list[str], lex: PeopleLexicon, min_len: int = 2) -> int | None:
    """Index in `words` where a person's name starts and runs to the end, or None."""
    for index in range(len(words)):
        width = _surname_width(words, index, lex)
        length = len(words) - index
        if not width or length < max(min_len, width + 1) or length > MAX_NAME + width - 1:
            continue
        if any(word in lex.not_name_words for word in words[index + 1:]):
            continue
        if match_key(" ".join(words[index:])) in lex.not_people:
            continue
        if length == 4 and width == 1 and _surname_width(words, index + 1, lex):
            continue  # "Mai Trần Quốc Bảo" after "Hoàng": the name is "Trần Quốc Bảo"
        return index
    return None


def trailing_person(run: Run) -> int | None:
    """Character start of a 3-4 syllable name ending `run` (for cutting organisation names)."""
    words = [w for _, _, w in run.words]
    index = person_start(words, people_lexicon(), min_len=3)
    return None if index is None else run.words[index][0]


def has_role_after(text: str, end: int, limit: int) -> bool:
    lex = people_lexicon()
    match = _APPOSITION.match(text, end, limit)
    return bool(match) and match.end() > end and bool(lex.roles.match(text, match.end(), limit))


def _role_before(text: str, start: int, floor: int) -> bool:
    window = text[max(floor, start - 60):start]
    return bool(re.search(people_lexicon().roles.pattern + r"[^.;:!?]*$", window, re.I))


def _blocked_left(before: str, offset: int, organizations: list[tuple[int, int]]) -> bool:
    """A street, place or award word right before the name, unless it ends an organisation
    ("Liên đoàn Lao động Thành phố Lê Đình Hùng": "Thành phố" belongs to the body)."""
    match = people_lexicon().blocking_left.search(before)
    if not match:
        return False
    position = offset + match.start()
    return not any(a <= position < b for a, b in organizations)


def _mentions_in_run(doc: Doc, run: Run, sent: tuple[int, int], blocked: list[tuple[int, int]]) -> list[Mention]:
    lex = people_lexicon()
    text = doc.text
    words = [w for _, _, w in run.words]
    honorific = None
    if len(words) > 1 and words[0] in lex.honorific_words:
        honorific, words, offsets = words[0], words[1:], run.words[1:]
    else:
        offsets = run.words
    before = text[sent[0]:offsets[0][0]]
    if _blocked_left(before, sent[0], blocked):
        return []
    cue = honorific or (lex.honorific_before.search(before) or [None])[0]
    if len(words) == 1:
        if inside(offsets[0][0], offsets[0][1], blocked):
            return []
        if cue and not lex.abbreviations.issuperset(words):
            return [Mention(offsets[0][0], offsets[0][1], words[0], False, cue.strip())]
        return []
    index = person_start(words, lex)
    if index is None:
        return []
    start, end = offsets[index][0], offsets[-1][1]
    length = len(words) - index
    if index > 0:
        cue = None  # "Hà Nội Đinh Quốc Toản": the words before are a place, not an honorific
    strong = length >= 3 or cue or has_role_after(text, end, sent[1]) or _role_before(text, start, sent[0])
    if not strong or inside(start, end, blocked) or _blocked_left(text[sent[0]:start], sent[0], blocked):
        return []
    return [Mention(start, end, " ".join(words[index:]), True, cue.strip() if cue else None)]


def find_mentions(doc: Doc) -> list[Mention]:
    blocked = [(o["char_start"], o["char_end"]) for o in doc.user_data.get("_thidua_cache", {}).get("organizations", [])]
    blocked += fact_spans(doc, "campaigns")
    mentions: list[Mention] = []
    for sent in sentences(doc):
        for run in title_runs(doc.text, *sent):
            mentions.extend(_mentions_in_run(doc, run, sent, blocked))
    return mentions


def person_mentions(doc: Doc) -> list[Mention]:
    """Every full and short person mention, in text order (after organisations and campaigns)."""
    return cached(doc, "person_mentions", lambda: find_mentions(doc))


def resolve_short(mentions: list[Mention], short: Mention) -> Mention | None:
    """The full-name mention a short one ("bà Điệp") abbreviates: nearest earlier, else any."""
    key = match_key(short.name)
    fulls = [m for m in mentions if m.full and match_key(m.name.split()[-1]) == key]
    earlier = [m for m in fulls if m.start < short.start]
    return (earlier or fulls or [None])[-1] if earlier else (fulls[0] if fulls else None)
