"""The counted noun after a number: the unit of a statistic.

The unit is a known compound from extract/rules/statistics_units.yaml (longest match, by
syllables, case-insensitive), else the underthesea word right after the number if it can
head a noun phrase. A measure word ("tấn", "km", "cây") is the unit on its own, whatever
it measures ("27,5 tấn rác thải" -> "tấn"). A classifier head ("lượt", "suất", "loại")
takes the noun it counts ("lượt công nhân", "loại sổ"); a quoted name right after the number is the unit ("5 “Phiên chợ Công
đoàn”"); ", X" joins a second noun ("cụm, khối thi đua", "quận, huyện, thị xã") unless the
pair is the fixed "đoàn viên, người lao động" kind. Modifiers after the noun ("sáng kiến
hợp lệ", "87 sáng kiến cấp tỉnh") are left out: a word not in a compound ends the unit.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from .rules import load_rules

_SYLLABLE = re.compile(r"[^\s,.;:!?()\[\]“”\"'«»/…–-]+")
_QUOTED_UNIT = re.compile(r"\s*[“\"«‘]([^”\"»’\n]{2,60})[”\"»’]")
_COMMA = re.compile(r",\s+")
MAX_UNIT_SYLLABLES = 8


@dataclass(frozen=True)
class Units:
    compounds: dict[tuple[str, ...], int]  # syllables -> length
    longest: int
    classifiers: frozenset[str]
    measures: frozenset[str]
    currencies: dict[str, str]
    time_units: frozenset[str]
    stop_words: frozenset[str]
    no_coordination_after: frozenset[str]
    no_coordination_before: tuple[tuple[str, ...], ...]
    subject_skip: frozenset[str]
    subject_not_nouns: tuple[str, ...]
    joined_modifiers: frozenset[str]

    @staticmethod
    @lru_cache(maxsize=1)
    def load() -> Units:
        units = load_rules("statistics_units")
        context = load_rules("statistics_context")
        compounds = {tuple(c.lower().split()): len(c.split()) for c in units["compounds"]}
        return Units(
            compounds=compounds,
            longest=max(compounds.values(), default=1),
            classifiers=frozenset(w.lower() for w in units["classifiers"]),
            measures=frozenset(w.lower() for w in units["measures"]),
            currencies={k.lower(): v for k, v in units["currencies"].items()},
            time_units=frozenset(w.lower() for w in units["time_units"]),
            stop_words=frozenset(w.lower() for w in context["stop_words"]),
            no_coordination_after=frozenset(w.lower() for w in units["no_coordination_after"]),
            no_coordination_before=tuple(tuple(w.lower().split()) for w in units["no_coordination_before"]),
            subject_skip=frozenset(context["subject_skip"]),
            subject_not_nouns=tuple(sorted(context["subject_not_nouns"], key=len, reverse=True)),
            joined_modifiers=frozenset(w.lower() for w in units["joined_modifiers"]),
        )

    def measures_time(self, unit: str) -> bool:
        """Durations ("27 phút", "3 ngày") are units but never the first of a pair."""
        return unit.lower().split()[0] in {"ngày", "giờ", "phút", "giây", "tuần", "tháng", "năm"}

    def currency(self, written: str) -> str:
        return self.currencies.get(" ".join(written.lower().split()), written.strip())


def _syllables(text: str, start: int) -> list[tuple[int, int, str]]:
    """Syllables from `start` up to the first punctuation or line break (at most a few)."""
    found = []
    pos = start
    for m in _SYLLABLE.finditer(text, start, min(len(text), start + 120)):
        if text[pos:m.start()].strip():  # punctuation in between ends the phrase
            break
        found.append((m.start(), m.end(), m.group(0).lower()))
        pos = m.end()
        if len(found) >= MAX_UNIT_SYLLABLES:
            break
    return found


class Words:
    """The Doc's text and word boundaries, read once (Doc.text is rebuilt on every access)."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        self.starts = [token.idx for token in doc]
        self.ends = [token.idx + len(token.text.rstrip()) for token in doc]

    def end_of_word_at(self, start: int) -> int | None:
        """End of the underthesea word that starts at `start` (None if none starts there)."""
        index = bisect_left(self.starts, start)
        if index < len(self.starts) and self.starts[index] == start:
            return self.ends[index]
        return None


def _can_head(word: str, units: Units) -> bool:
    if not word or not word[0].isalpha() or word.lower() in units.stop_words:
        return False
    return not word.lower().startswith(("http", "www"))


def _noun_phrase(source: Words, start: int, units: Units, depth: int = 0) -> int | None:
    """End of the counted noun starting at `start`, or None if no noun starts there."""
    syllables = _syllables(source.text, start)
    if not syllables or syllables[0][0] != start:
        return None
    words = tuple(s[2] for s in syllables)
    cased = _before_capital(source.text, syllables, units)
    for size in range(min(units.longest, cased), 0, -1):
        if words[:size] in units.compounds:
            return syllables[size - 1][1]
    if words[0] in units.measures:
        return syllables[0][1]  # "27,5 tấn rác thải", "500 cây sấu": the measure is the unit
    if words[0] in units.classifiers and depth == 0 and len(syllables) > 1:
        rest = _noun_phrase(source, syllables[1][0], units, depth + 1)
        if rest is not None:
            return rest
    end = source.end_of_word_at(start) or syllables[0][1]
    head = source.text[start:end]
    if not _can_head(head, units) or (head[0].isupper() and not _is_acronym(head)):
        return None  # a capitalised word outside the compounds is a name ("12 Trần Hưng Đạo")
    return end


def _before_capital(text: str, syllables: list[tuple[int, int, str]], units: Units) -> int:
    """How many syllables a compound may take: after a lower-case whole noun a capital begins
    a name ("5.000 đoàn viên Công đoàn ngành" counts "đoàn viên", not the union); a
    capitalised start ("62 Công đoàn cơ sở") or a rank ("5 giải Nhì") goes on."""
    if not text[syllables[0][0]].islower():
        return len(syllables)
    for index, (start, _, _) in enumerate(syllables[1:], 1):
        if text[start].isupper() and tuple(s[2] for s in syllables[:index]) in units.compounds:
            return index
    return len(syllables)


def _is_acronym(word: str) -> bool:
    """"CĐCS", "CNLĐ", "NLĐ": two or more capitals, no lower-case letter."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _coordinated(source: Words, start: int, end: int, units: Units) -> int:
    """Extend the unit over ", X" conjuncts that share the count ("sáng kiến, giải pháp",
    "đoàn viên, người lao động")."""
    text = source.text
    while True:
        m = _COMMA.match(text, end)
        if not m or text[start:end].lower() in units.no_coordination_after:
            return end
        nxt = m.end()
        words = tuple(s[2] for s in _syllables(text, nxt))
        if not words or _blocks_coordination(words, units):
            return end
        if not (text[nxt].islower() or _is_acronym(text[nxt:nxt + 12].split()[0])):
            return end  # a name or a new sentence part, not a conjunct
        conjunct_end = _noun_phrase(source, nxt, units)
        if conjunct_end is None or not (words[:_length(text, nxt, conjunct_end)] in units.compounds
                                        or _phrase_ends(text, conjunct_end)):
            return end  # an unknown word followed by more words is a verb ("32 đơn vị, tranh tài ở")
        end = conjunct_end


def _blocks_coordination(words: tuple[str, ...], units: Units) -> bool:
    """The conjunct starts with a word that never joins a unit ("người", "trong đó"), unless
    a longer known noun starts there ("người lao động")."""
    blocking = max((len(w) for w in units.no_coordination_before if words[:len(w)] == w), default=0)
    if not blocking:
        return False
    return not any(words[:size] in units.compounds for size in range(blocking + 1, len(words) + 1))


def _length(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _phrase_ends(text: str, pos: int) -> bool:
    """Nothing but punctuation follows: the conjunct is a whole noun. A word after it means a
    verb ("14.250 đoàn viên, hoạt động trong …"), unless the conjunct is a known noun."""
    rest = text[pos:pos + 30]
    return not rest.strip() or rest[:1] in ",.;:!?)”\"\n"


def find_unit(source: Words, after: int, units: Units) -> tuple[str, int] | None:
    """(unit, end offset) of the counted noun right after a number ending at `after`."""
    text = source.text
    quoted = _QUOTED_UNIT.match(text, after)
    if quoted:
        return quoted.group(1).strip(), quoted.end()
    start = _skip_space(text, after)
    if start == after or start - after > 1:
        return None
    end = _noun_phrase(source, start, units)
    if end is None:
        return None
    if (text[start:end].lower() in units.time_units or units.measures_time(text[start:end])
            or text[start:end].lower() in units.measures):
        return text[start:end], end
    end = _joined_modifier(text, end, units)
    end = _coordinated(source, start, end, units)
    return text[start:end], end


def _joined_modifier(text: str, end: int, units: Units) -> int:
    """A grade word that names a kind of worker joins the noun ("8 lái xe trẻ", "20 thợ hàn
    giỏi"), as in the compounds "công nhân giỏi", "thợ trẻ"."""
    following = _syllables(text, end)[:1] if text[end:end + 1] == " " else []
    if following and following[0][2] in units.joined_modifiers and text[following[0][0]].islower():
        return following[0][1]
    return end


_SUBJECT = re.compile(r"(?<![\w])số\s+(?=[^\W\d_])", re.IGNORECASE)


def subject_unit(source: Words, clause_start: int, before: int, units: Units) -> str | None:
    """The noun of the last "(tổng) số <noun>" in text[clause_start:before] ("số sáng kiến
    được công nhận … con số này là 517" -> "sáng kiến"), or None."""
    text, found = source.text, None
    for m in _SUBJECT.finditer(text, clause_start, before):
        start = m.end()
        skip = _syllables(text, start)[:1]
        if skip and skip[0][2] in units.subject_skip:
            start = _skip_space(text, skip[0][1])
        if any(text[start:start + len(w)].lower() == w and not text[start + len(w):start + len(w) + 1].isalnum()
               for w in units.subject_not_nouns):
            continue  # "con số này", "số liệu": no counted noun
        end = _noun_phrase(source, start, units)
        if end is not None and end <= before:
            found = text[start:end]
    return found
