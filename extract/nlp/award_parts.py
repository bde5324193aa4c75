"""The pieces of the awards component: one finder per shape of award, and the recipient.

Each finder returns dicts with char_start, char_end, title, kind and giver. Rules:
extract/rules/awards.yaml (and people.yaml for pronouns and roles).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .components.organizations import organization_index, organization_starting, organizations_of
from .lexicon import award_lexicon, people_lexicon
from .names import Mention, given_name_index, mentions_between, person_mentions, resolve_short
from .scan import SpanIndex, cached, text_of, clause_start, is_title, paragraph_at, sentence_at, title_runs

_TITLE_END = re.compile(r"[;.:()“”\"!?\n]|,\s*(?=\d)")
_DANH_HIEU = re.compile(r"(?<!\w)danh\s+hiệu\s+(?![“\"])", re.I)
_GIVING = re.compile(r"(?<!\w)(?:trao\s+tặng|xét\s+tặng|tặng|trao|khen\s+thưởng)\s*$", re.I)
_GIVEN_BY = re.compile(r"(?<!\w)được\s+(?P<giver>[^,;.]{2,80}?)\s+(?:trao\s+tặng|tặng|trao|khen\s+thưởng)\s*$")
_OF = re.compile(r"\s+của\s+")
_PASSIVE_GIVER = re.compile(r"(?<!\w)được(?:\s+[^\s,;.]+){0,8}\s*$")
_FOR = re.compile(r"(?:\s+năm\s+\d{4})?(?:\s+(?:cũng|đều|lần\s+lượt|đã|được\s+trao))?\s+(?:cho|thuộc\s+về)\s+")
_GIVER_STOPS = {"vì", "cho", "năm", "về", "do", "trong", "tại", "khi", "và", "đã", "với", "nhân", "dịp"}
_PRONOUN = re.compile(r"(?<!\w)(anh|chị|ông|bà|cô|thầy|em|Anh|Chị|Ông|Bà|Cô|Thầy|Em)(?!\w)")
_APPOSITION_GAP = re.compile(r"\s*,[^,;]{1,80},\s*(?:[^,;]{1,60},\s*)?")
_RELATIVE = re.compile(r"\s*,\s*(?:là\s+)?người\s*$")


def _item(start: int, end: int, title: str, kind: str, giver: str | None = None, **extra) -> dict:
    return {"char_start": start, "char_end": end, "title": " ".join(title.split()), "kind": kind,
            "giver": giver, **extra}


def _phrase_end(text: str, start: int, stops: frozenset[str] | set[str], max_words: int,
                comma_ends: bool = False) -> int:
    """End of a free phrase from `start`: before a stop word, punctuation or max_words words;
    with `comma_ends`, before a comma and a lower-case word (what a prize was for ends there)."""
    hard = _TITLE_END.search(text, start)
    limit = hard.start() if hard else len(text)
    end, count = start, 0
    for word in re.finditer(r"[^\s,]+", text[start:limit]):
        after_comma = "," in text[end:start + word.start()]
        if word.group(0) in stops or count >= max_words or (comma_ends and after_comma and not word.group(0)[:1].isupper()):
            break  # "giải Nhất nghề may, vượt qua 64 thí sinh": a comma then a lower-case word ends it
        end, count = start + word.end(), count + 1
    return end


def _with_qualifier(text: str, end: int) -> int:
    """Extend a title over a following qualifier ("… cấp thành phố", "… Thủ đô")."""
    qualifier = award_lexicon().qualifiers.match(text, end + 1) if text[end:end + 1] == " " else None
    return qualifier.end() if qualifier else end


def unquoted_titles(doc: Doc) -> list[dict]:
    """'danh hiệu Công nhân giỏi, Lao động sáng tạo' -> two titles; lists split at ', <Capital>'."""
    lex, text, found = award_lexicon(), text_of(doc), []
    for cue in _DANH_HIEU.finditer(text):
        start = cue.end()
        if re.search(r"(?:các|những|nhiều)\s+$", text[max(0, cue.start() - 8):cue.start()], re.I) and not text[start:start + 1].isupper():
            continue  # "các danh hiệu cao hơn": titles in general
        while start < len(text) and not lex.not_titles.match(text, start):
            known = lex.titles.match(text, start)
            end = known.end() if known else _phrase_end(text, start, lex.title_stops | {"cấp"}, lex.max_title_words)
            end = _with_qualifier(text, end)
            if end <= start or (not known and not text[start].isalpha()):
                break
            found.append(_item(start, end, text[start:end], "danh hiệu"))
            more = re.match(r",\s*(?=[^\W\d_])", text[end:end + 3])
            if not more or not is_title(text[end + more.end():].split(" ", 1)[0].strip(",.;")):
                break
            start = end + more.end()
    return found


def known_titles(doc: Doc) -> list[dict]:
    """Known titles right after an award verb ('đạt Lao động tiên tiến') or after the number of
    people honoured with them ('tuyên dương 100 “Công nhân giỏi Thủ đô”')."""
    lex, text, found = award_lexicon(), text_of(doc), []
    for match in lex.titles.finditer(text):
        if not match.group(0)[0].isupper():
            continue
        before = text[max(0, match.start() - 30):match.start()]
        if re.search(lex.verbs.pattern + r"(?:\s+danh\s+hiệu)?\s*$", before, re.I) or _COUNT_BEFORE_TITLE.search(before):
            end = _with_qualifier(text, match.end())
            found.append(_item(match.start(), end, text[match.start():end], "danh hiệu"))
    return found


def _org_at(doc: Doc, pos: int) -> dict | None:
    return organization_starting(doc, pos)


def _giver_after(doc: Doc, pos: int) -> tuple[str | None, int]:
    """'… của <giver>': the giver and where it ends."""
    text = text_of(doc)
    of = _OF.match(text, pos)
    if not of:
        return None, pos
    start = of.end()
    role = people_lexicon().roles.match(text, start)
    org_start = re.match(r"\s*", text[role.end():role.end() + 20]).end() + role.end() if role else start
    org = _org_at(doc, org_start)
    if org:
        end = org["char_end"]
    elif start < len(text) and text[start].isupper():
        end = _phrase_end(text, start, _GIVER_STOPS, 8)
    else:
        return None, pos
    giver = re.sub(r"\s*\([^()]*\)", "", text[start:end]).strip(" ,")
    return (giver, end) if giver else (None, pos)


def _giver_before(doc: Doc, head_start: int) -> tuple[str | None, int | None]:
    """'được <giver> tặng' or '<organisation> trao' right before the award: (giver, subject end)."""
    text = text_of(doc)
    floor = clause_start(text, head_start, sentence_at(doc, head_start)[0])
    left = text[floor:head_start]
    given = _GIVEN_BY.search(left)
    if given and (given.group("giver")[0].isupper() or people_lexicon().roles.match(given.group("giver"))):
        return given.group("giver").strip(), floor + given.start()
    giving = _GIVING.search(left)
    if giving:
        cut = floor + giving.start()
        by_end = cached(doc, "org_by_end", lambda: {o["char_end"]: o for o in organizations_of(doc)})
        window = text[max(0, cut - 40):cut]
        org = by_end.get(cut - (len(window) - len(re.sub(r"(?:\s+(?:đã|vừa))*\s*$", "", window))))
        if org:
            return org["name"], None
    return None, None


def documents(doc: Doc) -> list[dict]:
    """Bằng khen / Giấy khen / Cờ thi đua / Huân chương …, with the giver when stated."""
    lex, text, found = award_lexicon(), text_of(doc), []
    for match in lex.documents.finditer(text):
        head, end = match.group("doc"), match.end()
        grade = lex.grades.match(text, end + 1) if text[end:end + 1] == " " else None
        named = re.match(r" [“\"]([^“”\"\n]{1,80})[”\"]", text[end:end + 100])
        if grade:
            head, end = f"{head} {grade.group(0)}", grade.end()
        elif named:
            head, end = f"{head} “{named.group(1)}”", end + named.end()
        elif match.group("doc") in lex.named_documents and text[end + 1:end + 2].isupper():
            name_end = _phrase_end(text, end + 1, _GIVER_STOPS | {"của"}, 12)
            head, end = text[match.start():name_end], name_end
        kind = lex.document_kinds.get(" ".join(match.group("doc").lower().split()), "bằng khen")
        giver, giver_end = _giver_after(doc, end)
        subject_end, written_after = None, giver is not None
        if giver is None:
            giver, subject_end = _giver_before(doc, match.start())
            giver = giver or _inherited_giver(doc, found, match.start())
        else:
            end = giver_end
        in_title = giver and kind in lex.giver_in_title and (written_after or lex.giver_before_in_title)
        title = f"{head} của {giver}" if in_title else head
        found.append(_item(match.start(), end, title, kind, giver, subject_end=subject_end))
    return found


def _inherited_giver(doc: Doc, earlier: list[dict], start: int) -> str | None:
    """'X trao Cờ thi đua cho …, cùng Bằng khen cho …': the second award has the same giver."""
    sent_start, _ = sentence_at(doc, start)
    for award in reversed(earlier):
        if award["char_start"] < sent_start:
            break
        if award["giver"]:
            return award["giver"]
    return None


def named_prizes(doc: Doc) -> list[dict]:
    """'Giải thưởng Nguyễn Đức Cảnh': the head and the capitalised name after it."""
    lex, text, found = award_lexicon(), text_of(doc), []
    for match in lex.named_prizes.finditer(text):
        runs = title_runs(text, match.end(), min(len(text), match.end() + 80))
        if runs and text[match.end():runs[0].start] == " ":
            found.append(_item(match.start(), runs[0].end, text[match.start():runs[0].end], "giải thưởng"))
    return found


def contest_prizes(doc: Doc) -> list[dict]:
    """'giải nhất nghề Hàn CO2', 'giải nhì kỳ thi nghề giỏi': rank and what it was for."""
    lex, text, found = award_lexicon(), text_of(doc), []
    for match in lex.prize.finditer(text):
        if re.search(r"\d\s*$", text[max(0, match.start() - 4):match.start()]):
            continue  # "2 giải Nhất": a count of prizes, a statistic
        subject_at = match.end() + 1
        has_subject = text[match.end():subject_at] == " " and (
            text[subject_at:subject_at + 1].isupper() or lex.prize_subjects.match(text, subject_at))
        end = (_phrase_end(text, match.end(), lex.prize_stops, lex.max_prize_words, comma_ends=True)
               if has_subject else match.end())
        end = max(end, match.end())
        quoted = re.match(r" [“\"][^“”\"\n]{1,80}[”\"]", text[end:end + 100])
        if quoted:
            end += quoted.end()  # "giải Ba cuộc thi “Sáng tạo trẻ”"
        found.append(_item(match.start(), end, text[match.start():end], "giải"))
    return found


_PRIZE_WORD = re.compile(r"(?<![\w])[gG]iải (?=[^\W\d_])")
_OWNED_BY = re.compile(r"\s+thuộc\s+về\s")
_AWARD_VERB_BEFORE = re.compile(r"(?<!\w)(?:đạt|đoạt|giành|nhận|được\s+trao|được\s+tặng)\s*$", re.I)


def titled_prizes(doc: Doc) -> list[dict]:
    """'giải Thí sinh trẻ triển vọng thuộc về chị …', 'đoạt giải Tay nghề trẻ': a prize named
    by a capitalised phrase, taken only where the text says who won it."""
    lex, text, found = award_lexicon(), text_of(doc), []
    for match in _PRIZE_WORD.finditer(text):
        first = text[match.end():match.end() + 20].split()[0]
        if not is_title(first) or lex.prize.match(text, match.start()) or lex.named_prizes.match(text, match.start()):
            continue
        end = _phrase_end(text, match.end(), lex.prize_stops, lex.max_prize_words, comma_ends=True)
        won = _OWNED_BY.match(text, end) or _AWARD_VERB_BEFORE.search(text, max(0, match.start() - 20), match.start())
        if end > match.end() and won:
            found.append(_item(match.start(), end, text[match.start():end], "giải"))
    return found


# --- recipients ---------------------------------------------------------------------------

def _full_name(doc: Doc, mention: Mention) -> str | None:
    if mention.full:
        return mention.name
    index = cached(doc, "given_names", lambda: given_name_index(person_mentions(doc)))
    full = resolve_short(index, mention)
    return full.name if full else None


def _pronoun_person(doc: Doc, pos: int, pronoun: str) -> str | None:
    """The person a subject pronoun ("anh") points back to: the last one named in this
    paragraph or the one before, in full or by a short mention."""
    text = text_of(doc)
    para_start, _ = paragraph_at(text, pos)
    previous_start, _ = paragraph_at(text, max(0, para_start - 2)) if para_start > 1 else (para_start, 0)
    for mention in reversed(mentions_between(doc, previous_start, pos)):
        name = _full_name(doc, mention)
        if name is None:
            continue
        honorific = (mention.honorific or "").lower()
        if honorific in people_lexicon().pronouns and honorific != pronoun.lower():
            return None  # "chị Lan … anh đã": someone else
        return name
    return None


def _is_pronoun_subject(text: str, match: re.Match) -> bool:
    """"anh đã đạt" (a pronoun), not "anh Vũ Văn Hà" (an honorific before a name)."""
    following = text[match.end():match.end() + 2].strip()
    return not (following[:1].isupper())


def _subjects(doc: Doc, start: int, end: int) -> list[tuple[int, str | None]]:
    """(end position, name) of every possible subject in text[start:end]."""
    mentions = mentions_between(doc, start, end)
    found = [(m.end, _full_name(doc, m)) for m in mentions if m.end <= end]
    found += [(e, organization_starting(doc, s)["name"]) for s, e in organization_index(doc).within(start, end)]
    text = text_of(doc)
    for match in _PRONOUN.finditer(text, start, end):
        if _is_pronoun_subject(text, match):
            found.append((match.end(), _pronoun_person(doc, match.start(), match.group(1))))
    return sorted(found, key=lambda subject: subject[0])  # names may be None: order by position only


def _for_whom(doc: Doc, pos: int) -> tuple[bool, str | None]:
    """'… cho <recipient>' after the award: (found a 'cho', the named recipient or None)."""
    match = _FOR.match(text_of(doc), pos)
    if not match:
        return False, None
    found = _recipient_at(doc, match.end())
    return True, found[0] if found else None


def _recipient_at(doc: Doc, pos: int) -> tuple[str | None, int, bool] | None:
    """(name, end, is a person) of the organisation or person named at `pos` ("đội Công đoàn
    Công ty …", "anh Nguyễn Văn A"), or None."""
    text = text_of(doc)
    unit_word = re.match(r"(?:đội|đơn vị|tập thể|nhóm tác giả|nhóm|tác giả)\s+", text[pos:pos + 20])
    org = _org_at(doc, pos) or (_org_at(doc, pos + unit_word.end()) if unit_word else None)
    if org:
        return org["name"], org["char_end"], False
    mention = next((m for m in mentions_between(doc, pos, pos + 13)
                    if not text[pos:m.start].strip(" ").isdigit()
                    and re.fullmatch(r"(?:[^\W\d_]+\s+){0,2}", text[pos:m.start])), None)
    return (_full_name(doc, mention), mention.end, True) if mention else None


_AND = re.compile(r"\s*(?:,\s*và|,|và)\s+")
MAX_CO_RECIPIENTS = 6


def co_recipients(doc: Doc, award: dict) -> list[str]:
    """'… cho LĐLĐ quận A và LĐLĐ quận B': the recipients after the first, each given the
    same award. Only a recipient of the first one's sort joins: "chị X, Công ty Y" names her
    company."""
    match = _FOR.match(text_of(doc), award["char_end"])
    names, end = _walk_list(doc, _recipient_at(doc, match.end()) if match else None, _AND, same_sort=True)
    group = _WITH_LISTED_GROUP.match(text_of(doc), end) if end is not None else None
    return names[1:] + (_walk_list(doc, _recipient_at(doc, group.end()), _NEXT_MEMBER)[0] if group else [])


# "… cho Công đoàn X cùng 3 cá nhân: ông A, …; bà B, …": the listed people get it too
_WITH_LISTED_GROUP = re.compile(r"\s+(?:cùng|và)\s+\d+\s+(?:cá nhân|tập thể|đơn vị)\s*:\s+")


_AMONG_THEM = re.compile(r"[^.;:!?\n]{0,120}?(?:,\s*(?:trong\s+đó\s+có|trong\s+đó|gồm|như)\s*:?|:)\s+")
_NEXT_MEMBER = re.compile(r"\s*(?:,\s*và|,|và|;)\s+")


def named_members(doc: Doc, award: dict) -> list[str]:
    """'… cho 24 đơn vị dẫn đầu, trong đó có LĐLĐ tỉnh Bắc Ninh, Công đoàn Dầu khí Việt Nam và
    LĐLĐ thành phố Hồ Chí Minh': the named members of the group, each given the award."""
    text = text_of(doc)
    match = _FOR.match(text, award["char_end"])
    among = _AMONG_THEM.match(text, match.end()) if match else None
    return _walk_list(doc, _recipient_at(doc, among.end()), _NEXT_MEMBER)[0] if among else []


def _walk_list(doc: Doc, found: tuple[str | None, int, bool] | None, joiner: re.Pattern,
               same_sort: bool = False) -> tuple[list[str], int | None]:
    """The recipients listed from the one `found`: "A, B và C", or people with their roles split
    by ";" ("ông A, Chủ tịch …; bà B, …"); with `same_sort`, only persons after a person and
    bodies after a body. Also where the list ends."""
    text, names, end = text_of(doc), [], None
    first_sort = found[2] if found else None
    while found is not None and found[0] is not None and len(names) <= MAX_CO_RECIPIENTS:
        if same_sort and found[2] != first_sort:
            break
        names.append(found[0])
        end = _past_apposition(text, found[1]) if found[2] else found[1]
        joint = joiner.match(text, end)
        found = _recipient_at(doc, joint.end()) if joint else None
    return names, end


def _past_apposition(text: str, end: int) -> int:
    """"ông Trần Quang Huy, Chủ tịch Công đoàn …; bà …": a person's role runs to the ";"."""
    semicolon = re.match(r",[^;.\n]{1,120}(?=;)", text[end:end + 130])
    return end + semicolon.end() if semicolon else end


def _receiving_verb_start(doc: Doc, award: dict, floor: int) -> int | None:
    """Start of the receiving verb before the award ("đạt", "được tặng", "vinh dự nhận"), or None."""
    text, lex = text_of(doc), award_lexicon()
    verbs = [v for v in lex.verbs.finditer(text, floor, award["char_start"]) if award["char_start"] - v.end() <= 40]
    if not verbs:
        return None
    verb = verbs[-1]
    giving = re.fullmatch(r"(?:trao\s+tặng|xét\s+tặng|tặng|trao|khen\s+thưởng)", verb.group(0), re.I)
    if giving:
        passive = _PASSIVE_GIVER.search(text, max(floor, verb.start() - 70), verb.start())
        if passive is None:
            return None  # "LĐLĐ tỉnh trao Bằng khen": the subject gives it
        return passive.start()  # "anh được Chủ tịch nước tặng …": the subject is before "được"
    return verb.start()


def _appositive_owner(doc: Doc, floor: int, subject_end: int, name: str | None) -> str | None:
    """'Lê Thị Hải Yến, Trưởng khoa Nhi, Bệnh viện …, được trao': the person, not their unit."""
    for mention in reversed([m for m in mentions_between(doc, floor, subject_end) if m.end < subject_end]):
        between = text_of(doc)[mention.end:subject_end]
        if re.match(r"\s*[,(–-]", between) and not award_lexicon().verbs.search(between):
            return _full_name(doc, mention)
    return name


def recipient_of(doc: Doc, award: dict, award_spans: SpanIndex) -> str | None:
    """The person or unit given the award, or None when unnamed or a counted group."""
    lex, text = award_lexicon(), text_of(doc)
    has_for, named = _for_whom(doc, award["char_end"])
    if has_for:
        return named
    floor = clause_start(text, award["char_start"], sentence_at(doc, award["char_start"])[0])
    verb_start = award.get("subject_end") or _receiving_verb_start(doc, award, floor)
    if verb_start is None:
        return None
    subjects = [s for s in _subjects(doc, floor, verb_start) if not award_spans.overlaps(s[0] - 1, s[0])]
    if not subjects:
        return None
    subject_end, name = subjects[-1]
    gap = _RELATIVE.sub("", text[subject_end:verb_start])  # "Nguyễn Hữu Tài, người được trao"
    apposition = _APPOSITION_GAP.match(gap)
    if apposition and not lex.verbs.search(apposition.group(0)):
        gap = gap[apposition.end():]  # "Đỗ Minh Tuấn, tổ trưởng tổ phay CNC của công ty, được tặng"
    if len(gap.split()) > 8 or _counted_group(gap):
        return None
    return _appositive_owner(doc, floor, subject_end, name)


_COUNT_BEFORE_TITLE = re.compile(r"\d[\d.,]*\s*[“\"]?\s*$")


def given_to_group(doc: Doc, award: dict) -> bool:
    """The award goes to a numbered group, not to one recipient: "cho 12 tập thể", "20 “Công
    nhân giỏi”", "268 lao động đạt danh hiệu …" (kept apart from a named person's award; "các
    cá nhân tiêu biểu" under a photo is no separate award)."""
    text = text_of(doc)
    if _COUNT_BEFORE_TITLE.search(text[max(0, award["char_start"] - 12):award["char_start"]]):
        return True
    match = _FOR.match(text, award["char_end"])
    if match:
        return _counted_group(text[match.end():match.end() + 40].split(",")[0], numbered=True)
    floor = clause_start(text, award["char_start"], sentence_at(doc, award["char_start"])[0])
    verb_start = award.get("subject_end") or _receiving_verb_start(doc, award, floor)
    return verb_start is not None and _counted_group(text[floor:verb_start], numbered=True)


_ANY_COUNT = re.compile(r"(?:\d[\d.,]*|các|những|nhiều|hàng|mỗi|một số|tất cả)\s+(?:\S+\s+)?$")
_NUMBER_COUNT = re.compile(r"\d[\d.,]*\s+(?:\S+\s+)?$")


def _counted_group(text: str, numbered: bool = False) -> bool:
    """"27 cá nhân", "các tập thể", "nhiều đơn vị": a group, not one recipient (with
    `numbered`, only a group given a number)."""
    count = _NUMBER_COUNT if numbered else _ANY_COUNT
    return any(count.search(text, 0, group.start()) for group in award_lexicon().group_nouns.finditer(text))


def coordinated(doc: Doc, previous: dict, award: dict) -> bool:
    """"đạt danh hiệu X (2020-2023) và đoạt giải nhất Y": the same subject got both."""
    text = text_of(doc)
    if sentence_at(doc, previous["char_start"]) != sentence_at(doc, award["char_start"]):
        return False
    between = text[previous["char_end"]:award["char_start"]]
    if ";" in between or not re.search(r"(?<!\w)và(?!\w)|^\s*,", between) or len(between.split()) > 14:
        return False
    return not _counted_group(between) and not mentions_between(doc, previous["char_end"], award["char_start"])


def is_proposal(doc: Doc, award: dict) -> bool:
    """'được đề nghị Tổng LĐLĐ Việt Nam tặng Bằng khen': proposed, not given."""
    floor = clause_start(text_of(doc), award["char_start"], sentence_at(doc, award["char_start"])[0])
    before = text_of(doc)[max(floor, award["char_start"] - 50):award["char_start"]]
    return bool(award_lexicon().proposals.search(before))
