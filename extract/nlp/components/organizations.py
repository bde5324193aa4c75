"""Component thidua_organizations: writes doc.spans["organizations"].

An organisation is a head naming the kind of body ("Công đoàn", "Liên đoàn Lao động", "Công ty",
"Trường", "UBND") followed by its name. The name is read over underthesea words: a word whose
first letter is a capital ("Y tế", "Giáo dục", "KCN&CX") belongs to it, as do place words
("tỉnh", "quận Đống Đa") and a few inner words ("các", "và", "mầm non"). A person's name that
runs on after the organisation ("… Hà Nội Đinh Quốc Toản") is cut off. Rules:
extract/rules/organizations.yaml, abbreviations.yaml.
"""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from thidua.text import match_key

from ..facts import add_fact
from ..lexicon import OrgLexicon, org_lexicon, people_lexicon
from ..names import trailing_person
from ..scan import SpanIndex, text_of, cached, is_abbreviation, sentences, title_runs

MAX_UNITS = 14


def _units(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """underthesea words within [start, end) as (start, end, text); a word cut by `start` keeps its tail."""
    starts = cached(doc, "token_starts", lambda: [t.idx for t in doc])
    first = max(0, bisect.bisect_right(starts, start) - 1)
    units = []
    for token in doc[first:]:
        t_start, t_end = token.idx, token.idx + len(token.text)
        if t_start >= end or len(units) > MAX_UNITS:
            break
        if t_end <= start or token.is_space:
            continue
        t_start = max(t_start, start)
        text = text_of(doc)[t_start:min(t_end, end)]
        if text.strip():
            units.extend(_split_name_from_verb(t_start, text))
    return units


def _split_name_from_verb(start: int, word: str) -> list[tuple[int, int, str]]:
    """underthesea sometimes joins a name and the verb after it ("Hoàng Mai tặng", "TKV tặng"):
    capitalised syllables followed by a stop word are split there ("Tổng Công ty" stays whole)."""
    syllables = word.split(" ")
    titled = 0
    while titled < len(syllables) and syllables[titled][:1].isupper():
        titled += 1
    rest = " ".join(syllables[titled:])
    if titled < 1 or titled == len(syllables) or not org_lexicon().name_stop.match(rest):
        return [(start, start + len(word), word)]
    head = " ".join(syllables[:titled])
    tail_start = start + len(head) + 1
    return [(start, start + len(head), head), (tail_start, start + len(word), word[len(head) + 1:])]


def _matches_whole(pattern: re.Pattern, text: str) -> bool:
    match = pattern.match(text)
    return bool(match) and match.end() == len(text)


def _role_pattern() -> re.Pattern:
    return people_lexicon().roles


def _tail_end(doc: Doc, units: list[tuple[int, int, str]], lex: OrgLexicon, kind: str) -> tuple[int | None, bool]:
    """Where the name after a head ends (None: no name) and whether it is only a place word."""
    committed, place_only, previous = None, False, ""
    index, descriptors, place_seen = 0, 0, False
    allowed = lex.max_descriptor_words if kind in lex.descriptive_kinds else 0
    while index < len(units) and index < MAX_UNITS:
        start, end, word = units[index]
        gap = text_of(doc)[units[index - 1][1]:start] if index else " "
        joined = gap == "" and (word[:1] in "&-/" or units[index - 1][2][-1:] in "&-/")
        if gap != " " and not joined:
            break  # punctuation or a line break ends the name ("LĐ-TB&XH" stays whole)
        if word in ("-", "–") and _dash_inside_name(doc, units, index, lex):
            index += 1  # "Công đoàn Than - Khoáng sản Việt Nam"
            continue
        if joined and word in ("&", "-", "/"):
            index += 1
            continue
        if word == "(" and index + 2 < len(units) and is_abbreviation(units[index + 1][2]) and units[index + 2][2] == ")":
            index += 3
            continue
        if _role_pattern().match(word) and not is_abbreviation(word):
            break
        if _matches_whole(lex.place_word, word):
            committed, place_only, place_seen = end, place_only or committed is None, True
        elif word[:1].isupper() or (word.isdigit() and previous in ("số", "May")):
            committed, place_only, descriptors = end, False, 0
            if allowed == 0 and lex.heads.fullmatch(word) and lex.head_kinds.get(word) in lex.descriptive_kinds:
                allowed = lex.max_descriptor_words  # "Công đoàn Công ty …": the company name follows
        elif _matches_whole(lex.inner_word, word):
            following = units[index + 1] if index + 1 < len(units) else None
            joins = following is not None and (following[2][:1].isupper() or _matches_whole(lex.inner_word, following[2]))
            if word == "và" and (not joins or lex.heads.match(text_of(doc), following[0])):
                break  # "Trường A và trường B", "Công đoàn và thành phố": not one name ("… công nghiệp và chế xuất" is)
        elif _matches_whole(lex.name_stop, word) or place_seen:
            break
        else:
            descriptors += 1
            if descriptors > allowed or committed is None:
                break
        previous = word
        index += 1
    return committed, place_only


def _dash_inside_name(doc: Doc, units: list[tuple[int, int, str]], index: int, lex: OrgLexicon) -> bool:
    """A spaced dash between two capitalised words that is not followed by a new body's head."""
    if not 0 < index < len(units) - 1:
        return False
    before, after = units[index - 1], units[index + 1]
    spaced = text_of(doc)[before[1]:units[index][0]] == " " and text_of(doc)[units[index][1]:after[0]] == " "
    ending = lex.heads.match(text_of(doc), after[0]) or lex.not_after_dash.match(text_of(doc), after[0])
    return spaced and before[2][:1].isupper() and after[2][:1].isupper() and not ending


def _trailing_end(doc: Doc, units: list[tuple[int, int, str]], end: int, lex: OrgLexicon) -> int:
    """A workshop or team name goes on over lower-case words or a number ("Đội An ninh soi
    chiếu", "Phân xưởng Đào lò 3") when punctuation follows them; a name stop ends it."""
    text, candidate = text_of(doc), end
    following = [u for u in units if u[0] >= end]
    for count, (start, stop, word) in enumerate(following[:lex.max_trailing_words]):
        if text[candidate:start] != " " or not (word.islower() or word.isdigit()):
            break
        if word in people_lexicon().role_stops:
            return candidate  # "Phân xưởng Khai thác 5 nói vui": the verb after the name ends it
        if _matches_whole(lex.name_stop, word) or _role_pattern().match(word):
            break
        candidate = stop
        after = text[candidate:candidate + 1]
        if after in ("", ",", ".", ";", ")", "\n"):
            return candidate
        if word.isdigit() and text[candidate + 1:candidate + 2].isupper():
            return candidate  # "Phân xưởng Khai thác 5 Trần Quang Hiếu": the number ends the name
    return end


def _speaker_after_role(doc: Doc, head_start: int, name_end: int) -> bool:
    """"Giám đốc Công ty Đào Minh Quang cho biết": "the company's director", then who speaks."""
    text = text_of(doc)
    role_before = people_lexicon().role_right_before.search(text[max(0, head_start - 40):head_start])
    return bool(role_before) and bool(org_lexicon().speech_after.match(text, name_end))


def _cut_person(doc: Doc, head: tuple[int, int], name_end: int, lex: OrgLexicon) -> int:
    """End of the name once a trailing person ("… Hà Nội Đinh Quốc Toản") is cut off."""
    head_start, head_end = head
    runs = title_runs(text_of(doc), head_end, name_end)
    if not runs or runs[-1].end != name_end:
        return name_end
    run = runs[-1]
    person_start = trailing_person(run)
    if person_start is None:
        return name_end
    index = next(i for i, word in enumerate(run.words) if word[0] == person_start)
    if index == 1:
        return name_end  # "Công ty CP Sợi Hà Nam Tiến": one word before is the company's, not a place
    before = text_of(doc)[head_end:person_start]
    for phrase in sorted(lex.type_words, key=len, reverse=True):
        before = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", before)
    proper = any(c.isupper() for c in before) or lex.place_word.search(before)
    if person_start == run.start and not proper:
        if not before.strip() and (text_of(doc)[head_start].islower() or _speaker_after_role(doc, head_start, name_end)):
            return head_end  # "Chủ tịch Công đoàn công ty Hoàng Minh Tuấn": a common noun, then the person
        return name_end  # "Trường THCS Lê Quý Đôn": the name is the school's
    kept = text_of(doc)[head_end:person_start]
    kept = re.sub(r"(?:\s+(?:và|cùng|với))?\s*$", "", kept)  # "Công ty … Đông Anh và Lê Thị Hạnh"
    return head_end + len(kept)


def _expansion(name: str, lex: OrgLexicon) -> str | None:
    words = re.split(r"(\s+)", name)
    expanded = [lex.abbreviations.get(w, w) for w in words]
    result = "".join(expanded)
    return result if result != name else None


def find_organizations(doc: Doc) -> list[dict]:
    """Organisation mentions as dicts with char_start, char_end, name, kind, expansion."""
    lex = org_lexicon()
    found: list[dict] = []
    for sent_start, sent_end in sentences(doc):
        for match in lex.heads.finditer(text_of(doc), sent_start, sent_end):
            if found and match.start() < found[-1]["char_end"]:
                continue
            org = _organization_at(doc, match, sent_end, lex)
            if org:
                found.append(org)
    return found


def _organization_at(doc: Doc, match: re.Match, limit: int, lex: OrgLexicon) -> dict | None:
    head = " ".join(match.group("head").split())
    units = _units(doc, match.end(), limit) if head not in lex.complete_names else []
    if units and text_of(doc)[match.end():units[0][0]] != " ":
        units = []
    kind = lex.head_kinds.get(head, "tổ chức")
    end, place_only = _tail_end(doc, units, lex, kind)
    if end is not None and kind in lex.trailing_kinds:
        end = _trailing_end(doc, units, end, lex)
    if end is not None:
        end = _cut_person(doc, (match.start(), match.end()), end, lex)
        if end <= match.end():
            end = None
    if end is None:
        if head not in lex.standalone:
            return None
        end = match.end()
    elif place_only and head not in lex.place_only_heads:
        return None
    written = text_of(doc)[match.start():end]
    name = " ".join(re.sub(r"\s*\([^()]*\)", "", written).split())
    return {"char_start": match.start(), "char_end": end, "name": name,
            "kind": kind, "expansion": _expansion(name, lex)}


def head_starts(doc: Doc) -> set[int]:
    """Where any organisation head begins, nested ones included ("Ban Tuyên giáo Tổng LĐLĐ …")."""
    return cached(doc, "org_head_starts", lambda: {m.start() for m in org_lexicon().heads.finditer(text_of(doc))})


def organization_starting(doc: Doc, pos: int) -> dict | None:
    """The organisation mention starting at `pos`, if any."""
    by_start = cached(doc, "org_by_start", lambda: {o["char_start"]: o for o in organizations_of(doc)})
    return by_start.get(pos)


def organization_index(doc: Doc) -> SpanIndex:
    return cached(doc, "org_index", lambda: SpanIndex((o["char_start"], o["char_end"]) for o in organizations_of(doc)))


def organizations_of(doc: Doc) -> list[dict]:
    """The article's organisation mentions (every occurrence, in text order), computed once."""
    return cached(doc, "organizations", lambda: find_organizations(doc))


@Language.component("thidua_organizations")
def organizations(doc: Doc) -> Doc:
    seen: set[str] = set()
    for org in organizations_of(doc):
        key = match_key(org["name"])
        if key in seen:
            continue
        seen.add(key)
        add_fact(doc, "organizations", org["char_start"], org["char_end"],
                 name=org["name"], kind=org["kind"], expansion=org["expansion"])
    return doc
