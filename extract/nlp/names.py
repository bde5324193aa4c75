"""Person-name mentions: capitalised syllable runs that start with a Vietnamese surname.

A run of 3-4 title-case syllables starting with a surname ("Lê Thị Kim Huệ") is a name on its
own; a 2-syllable run ("Lâm Bảo") needs a cue: an honorific or role right before it, or a role
in apposition after it. A single syllable after an honorific ("bà Điệp") is a short mention,
linked later to the full name it abbreviates. Runs inside organisation or campaign names,
after street/place/award words, or listed as not people are skipped. Rules:
extract/rules/people.yaml, surnames.yaml.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from thidua.text import match_key

from .lexicon import PeopleLexicon, people_lexicon
from .rules import load_rules
from .scan import Run, SpanIndex, cached, fact_spans, sentences, text_of, title_runs

MAX_NAME = 4
# Details of a person written between the name and the role ("người dân tộc Khmer quê Sóc
# Trăng, hiện là thợ điện …", "27 tuổi, dân tộc Mông, …"): age, birth year, people, home place.
_ETHNIC = "|".join(r"\s+".join(map(re.escape, g.split())) for g in sorted(load_rules("people")["ethnic_groups"], key=len, reverse=True))
_DETAIL_ITEM = (r"\d+\s+tuổi|(?:sinh năm|SN)\s+\d{4}|(?:người\s+(?:con\s+)?)?dân tộc(?:\s+[^\W\d_]+){1,2}"
                rf"|người\s+(?:con\s+)?(?:{_ETHNIC})(?!\w)"
                r"|quê(?:\s+ở)?(?:\s+[^\W\d_]+){1,4}(?:\s*\([^()]{1,30}\))?"
                r"|ở\s+(?:xã|huyện|tỉnh|phường|thôn|bản)(?:\s+[^\W\d_]+){1,3}")
PERSONAL_DETAIL = rf"(?:(?:{_DETAIL_ITEM})(?:\s+(?:{_DETAIL_ITEM}))*\s*,\s*){{0,3}}"
_APPOSITION = re.compile(r"\s*(?:,|\(|[-–])\s*" + PERSONAL_DETAIL + r"(?:(?:hiện là|hiện|nguyên là|nguyên|là)\s+)?")


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
    word = words[index]
    if word in lex.surnames or word in lex.name_prefixes:
        return 1
    return 1 if word.startswith(lex.glued_name_prefixes) and len(word) > 3 else 0


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


def place_led(words: list[str], lex: PeopleLexicon) -> bool:
    """The run opens with a place or figure's name and goes on ("Hồ Tây Xanh", "Sơn La
    Xanh"): the name of a hotel, club or model, not a person."""
    return any(match_key(" ".join(words[:size])) in lex.not_people for size in range(2, len(words)))


def trailing_person(run: Run) -> int | None:
    """Character start of a 3-4 syllable name ending `run` (for cutting organisation names)."""
    words = [w for _, _, w in run.words]
    lex = people_lexicon()
    index = person_start(words, lex, min_len=3)
    if index is None or place_led(words[index:], lex) or _body_ending(words[index:], lex):
        return None
    return run.words[index][0]


def _body_ending(words: list[str], lex) -> bool:
    """"Kim Hoa Việt Nam": a run ending in a country or city name is a company's, not a person's."""
    return " ".join(words).endswith(tuple(" " + e for e in lex.not_name_endings))


def has_role_after(text: str, end: int, limit: int) -> bool:
    lex = people_lexicon()
    match = _APPOSITION.match(text, end, limit)
    return bool(match) and match.end() > end and bool(lex.roles.match(text, match.end(), limit))


def _role_before(text: str, start: int, floor: int) -> bool:
    window = text[max(floor, start - 60):start]
    return bool(re.search(people_lexicon().roles.pattern + r"[^.;:!?]*$", window, re.I))


_HOUSE_NUMBER = re.compile(r"(?<![\w.,/])\d{1,3}[A-Z]?(?:/\d{1,3})?\s+$")  # "số 14 Nguyễn Thị Minh Khai"


def _unit_number(before: str) -> bool:
    """The number ends a unit's name, not a house number: "Phân xưởng Khai thác 5 Trần Quang
    Hiếu", "Tổ 3 Nguyễn Văn A" (a capitalised word just before it, no address word)."""
    words = [w.strip("(),;:") for w in before.split()[-4:-1]]
    address = people_lexicon().address_words
    return not any(w.lower() in address for w in words) and any(w[:1].isupper() for w in words)


def _blocked_left(before: str, offset: int, organizations: SpanIndex) -> bool:
    """A street, place or award word right before the name, unless it ends an organisation
    ("Liên đoàn Lao động Thành phố Lê Đình Hùng": "Thành phố" belongs to the body); a house
    number makes the name a street's."""
    if _HOUSE_NUMBER.search(before) and not _unit_number(before):
        return True
    match = people_lexicon().blocking_left.search(before)
    if not match:
        return False
    position = offset + match.start()
    return not organizations.overlaps(position, position + 1)


def _mentions_in_run(doc: Doc, run: Run, sent: tuple[int, int], blocked: SpanIndex) -> list[Mention]:
    lex = people_lexicon()
    text = text_of(doc)
    words = [w for _, _, w in run.words]
    honorific = None
    if len(words) > 1 and words[0] in lex.honorific_words:
        honorific, words, offsets = words[0], words[1:], run.words[1:]
    else:
        offsets = run.words
    floor = max(sent[0], offsets[0][0] - 80)
    before = text[floor:offsets[0][0]]
    if _blocked_left(before, floor, blocked):
        return []
    cue = honorific or (lex.honorific_before.search(before) or [None])[0]
    if len(words) == 1:
        if blocked.overlaps(offsets[0][0], offsets[0][1]):
            return []
        if cue and not lex.abbreviations.issuperset(words):
            return [Mention(offsets[0][0], offsets[0][1], words[0], False, cue.strip())]
        return []
    index = person_start(words, lex)
    if index is None:
        return _unlisted_surname(text, words, offsets, cue, sent, blocked)
    start, end = offsets[index][0], offsets[-1][1]
    length = len(words) - index
    if index > 0:
        cue = None  # "Hà Nội Đinh Quốc Toản": the words before are a place, not an honorific
    if _body_ending(words[index:], lex):
        return []
    if cue is None and place_led(words[index:], lex):
        return []  # "Khách sạn Hồ Tây Xanh"; "chị Hoàng Mai Anh" is a person
    floor, limit = max(sent[0], start - 80), min(sent[1], end + 200)
    strong = length >= 3 or cue or has_role_after(text, end, limit) or _role_before(text, start, floor)
    if not strong or blocked.overlaps(start, end) or _blocked_left(text[floor:start], floor, blocked):
        return []
    return [Mention(start, end, " ".join(words[index:]), True, cue.strip() if cue else None)]


def _unlisted_surname(text: str, words: list[str], offsets: tuple, cue: str | None,
                      sent: tuple[int, int], blocked: SpanIndex) -> list[Mention]:
    """A name whose family name is not listed: kept only with ", <role> <organisation>" after
    it and an honorific before it ("chị Y Thị Hoa, Phó Chủ tịch LĐLĐ …") or a personal middle
    name in it ("Điểu Thị Ngân, công nhân …"); a capitalised slogan or place ("Mùa Hè Xanh,
    sinh viên Trường …") has neither."""
    lex = people_lexicon()
    personal = len(words) >= 3 and words[1] in lex.personal_middle_names
    if not 2 <= len(words) <= MAX_NAME or not (cue or personal) or words[0] in lex.not_name_openers:
        return []
    if any(w in lex.not_name_words or w in lex.abbreviations or (len(w) > 1 and w.isupper()) for w in words):
        return []
    if match_key(" ".join(words)) in lex.not_people or place_led(words, lex):
        return []
    start, end = offsets[0][0], offsets[-1][1]
    if blocked.overlaps(start, end):
        return []
    # "Ông Tanaka Hiroshi, Tổng Giám đốc …": an honorific and a role in apposition are enough
    if not (_role_then_organisation(text, end, sent[1], blocked) or (cue and has_role_after(text, end, sent[1]))):
        return []
    return [Mention(start, end, " ".join(words), True, cue.strip() if cue else None)]


def _role_then_organisation(text: str, end: int, limit: int, organizations: SpanIndex) -> bool:
    """", <role> … <organisation>" right after a name, within one clause."""
    match = _APPOSITION.match(text, end, limit)
    if not match or match.end() == end or not text[end:match.end()].strip():
        return False
    role = people_lexicon().roles.match(text, match.end(), limit)
    if not role:
        return False
    clause = re.search(r"[,;.()]", text[role.end():min(limit, role.end() + 60)])
    clause_end = role.end() + (clause.start() if clause else min(limit - role.end(), 60))
    return organizations.overlaps(role.end(), clause_end)


def find_mentions(doc: Doc) -> list[Mention]:
    organizations = [(o["char_start"], o["char_end"]) for o in doc.user_data.get("_thidua_cache", {}).get("organizations", [])]
    blocked = SpanIndex(organizations + fact_spans(doc, "campaigns"))
    mentions: list[Mention] = []
    for sent in sentences(doc):
        for run in title_runs(text_of(doc), *sent):
            mentions.extend(_mentions_in_run(doc, run, sent, blocked))
    return mentions


def person_mentions(doc: Doc) -> list[Mention]:
    """Every full and short person mention, in text order (after organisations and campaigns)."""
    return cached(doc, "person_mentions", lambda: find_mentions(doc))


def mentions_between(doc: Doc, start: int, end: int) -> list[Mention]:
    """Person mentions starting within [start, end), found by bisection."""
    mentions = person_mentions(doc)
    starts = cached(doc, "mention_starts", lambda: [m.start for m in mentions])
    return mentions[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


def given_name_index(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Full mentions grouped by their last syllable (the given name short mentions use)."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.full:
            groups.setdefault(match_key(mention.name.split()[-1]), []).append(mention)
    return groups


def resolve_short(index: dict[str, list[Mention]], short: Mention) -> Mention | None:
    """The full-name mention a short one ("bà Điệp") abbreviates: nearest earlier, else the first."""
    fulls = index.get(match_key(short.name), [])
    earlier = [m for m in fulls if m.start < short.start]
    if earlier:
        return earlier[-1]
    return fulls[0] if fulls else None
