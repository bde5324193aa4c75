"""Component thidua_people: writes doc.spans["people"].

People are the full-name mentions of names.py (surname-led capitalised runs with cues), one
entry per person; later short mentions ("bà Điệp") are linked to them. The role and its
organisation come from an apposition after the name ("anh Vũ Văn Long, cán bộ của công ty …",
"Nguyễn Chính Hữu - Phó Chủ tịch …") or, failing that, from a chain before it ("Chủ tịch LĐLĐ
quận Đống Đa, Cụm trưởng … Lê Thị Kim Huệ": the first role of the chain). Names inside award
or campaign names are not people. Rules: extract/rules/people.yaml.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from thidua.text import match_key

from ..facts import add_fact
from ..lexicon import people_lexicon
from ..names import PERSONAL_DETAIL, Mention, given_name_index, person_mentions, resolve_short
from ..scan import cached, text_of, fact_spans, inside, is_abbreviation, sentence_at, title_runs
from .organizations import head_starts, organization_index, organization_starting, organizations_of

_APPOSITION = re.compile(r"(?:\s*\([^()]{1,40}\))?(?:\s+(?:năm nay\s+)?\d{1,2}\s+tuổi)?\s*(?:(?:,|\(|[-–])\s*" + PERSONAL_DETAIL + r"(?:(?:hiện là|hiện|nguyên là|là|làm)\s+)?"
                         r"|\s+(?:(?:nay|đã|vừa|hiện|tiếp tục|được bầu)\s+)*(?:là|trở thành|được bầu làm|làm|giữ chức|hiện là|hiện giữ chức)\s+)")
_CHAIN_FILLER = re.compile(r"năm\s+\d{4}|số\s+\d+|\([^()]*\)|(?<!\w)(?:đồng chí|ông|bà|anh|chị|cô|thầy)(?!\w)", re.I)
_ROLE_END = re.compile(r"[,;.:()\n“”\"]|\s(?:của|tại|ở|và|cho|đã|được|cùng|với)\s")
_ACRONYM_ORG = re.compile(r"([A-ZĐ][A-ZĐ0-9&-]{2,14})(?=\s*(?:[,;.)]|$))")
MAX_ROLE_TRIES = 5  # mentions of one person searched for a role


def _org_at(doc: Doc, pos: int) -> dict | None:
    return organization_starting(doc, pos)


def _person_starts(doc: Doc) -> set[int]:
    return cached(doc, "person_starts", lambda: {m.start for m in person_mentions(doc)})


def _role_phrase(doc: Doc, role: re.Match) -> tuple[str, int]:
    """The role text and its end: the office and the words qualifying it ("tổ trưởng tổ kỹ
    thuật", "kỹ sư vận hành", "giáo viên Toán"), up to an organisation, a person or a stop.
    Read once per role: a chain before a name and the role chosen from it ask again."""
    phrases = cached(doc, "role_phrases", dict)
    key = (role.start(), role.end())
    if key not in phrases:
        phrases[key] = _read_role_phrase(doc, role)
    return phrases[key]


def _read_role_phrase(doc: Doc, role: re.Match) -> tuple[str, int]:
    closed = re.sub(r"^(?:phó|nguyên|quyền)\s+", "", " ".join(role.group(0).lower().split())) in people_lexicon().closed_roles
    leads = any(word in role.group(0).lower() for word in people_lexicon().unit_leader_words)
    end = role.end() if closed else _role_end(doc, role.end(), leads)
    return " ".join(text_of(doc)[role.start():end].split()), end


def _role_end(doc: Doc, end: int, leads_unit: bool = False) -> int:
    text, lex = text_of(doc), people_lexicon()
    persons = _person_starts(doc)
    starts = cached(doc, "role_breaks", lambda: head_starts(doc) | {o["char_start"] for o in organizations_of(doc)} | persons)
    _, sent_end = sentence_at(doc, end)
    role_end, count, pending_dash, previous_end, in_team = end, 0, False, end, False
    for token in doc.char_span(end, sent_end, alignment_mode="expand") or []:
        word = token.text
        if token.is_space:
            continue
        if token.idx < end:
            rest = text[end:token.idx + len(word)].strip()
            if rest[:1].islower() and not any(end <= s < token.idx + len(word) for s in starts):
                role_end = token.idx + len(word)  # "thợ lò" is one word: the role is all of it
            continue
        if text[previous_end:token.idx] not in (" ", "") or count >= lex.max_role_words:
            break
        previous_end = token.idx + len(word)
        in_team = in_team or (count == 0 and leads_unit and _leads_lower_team(word, lex))  # "tổ trưởng tổ Khoa học tự nhiên"
        if in_team:
            another_unit = count > 0 and token.idx in starts and word in lex.team_heads  # "… Phân xưởng Khai thác mỏ"
            dash = word in ("-", "–")  # "Quản đốc phân xưởng Điện - Tự động hóa": see pending_dash
            if another_unit or token.idx in persons or word.lower() in lex.role_stops or not (dash or any(c.isalnum() for c in word)):
                break
        elif _ends_role(doc, token, starts, count, leads_unit, inner := _inner_breaks(text, token.idx, word, starts, lex)):
            if inner and token.idx not in starts and text[inner[0] - 1] == " ":
                role_end = inner[0] - 1  # "Nữ công Công đoàn", "trắc địa Ban" are one word to underthesea
            break
        if word in ("-", "–"):
            pending_dash = True  # "Tuyên giáo - Nữ công": kept only if a capitalised word follows
            continue
        if not any(c.isalnum() for c in word) or (pending_dash and not word[:1].isupper()):
            break
        role_end, count, pending_dash = token.idx + len(word), count + 1, False
    return role_end


def _ends_role(doc: Doc, token, starts: set[int], count: int, leads_unit: bool, inner: list[int]) -> bool:
    """The word at `token` is no longer the role: an organisation, a person or another role
    starts, a stop word, a capitalised unit ("Tổ may 3", "Phân xưởng Khai thác 5": the
    organisation, whoever works or leads there), or a department a worker works in."""
    text, lex, word = text_of(doc), people_lexicon(), token.text
    if token.idx in starts or inner or _new_role(text, token.idx, count) or word.lower() in lex.role_stops:
        return True
    if _unit_head(word, lex):
        return True
    return not leads_unit and _department_named(text, token.idx, lex)


def _inner_breaks(text: str, pos: int, word: str, starts: set[int], lex) -> list[int]:
    """Capitalised organisations or units starting inside one underthesea word ("Nữ công Công
    đoàn", "trắc địa Ban điều hành"); a lower-case syllable ("công trường") starts none."""
    inner = {s for s in starts if pos < s < pos + len(word) and text[s].isupper()}
    inner |= {pos + m.start(1) for m in re.finditer(r" (\S)", word) if _unit_head(word[m.start(1):], lex)}
    return sorted(inner)


def _unit_head(word: str, lex) -> bool:
    """A capitalised team, line, workshop or office word ("Tổ", "Phân xưởng", "Khoa")."""
    return any(word == head or word.startswith(head + " ") for head in lex.team_heads)


def _leads_lower_team(word: str, lex) -> bool:
    """The lower-case team a head's role names goes on in the role ("tổ trưởng tổ kỹ thuật")."""
    return word[:1].islower() and (word in lex.led_team_words or word.split()[0] in lex.led_team_words)


def _department_named(text: str, pos: int, lex) -> bool:
    """A lower-case department word before a capitalised name ("phòng Kỹ thuật") starts at
    `pos`: where a worker works."""
    department = next((d for d in lex.department_words if text.startswith(d + " ", pos)), None)
    return department is not None and text[pos + len(department) + 1:pos + len(department) + 2].isupper()


def _new_role(text: str, pos: int, count: int) -> bool:
    """A second role starts at `pos`, ending the first; a lower-case job right after the head
    names what the person does ("nhân viên lễ tân", "công nhân lái xe") and carries on."""
    role = people_lexicon().roles.match(text, pos)
    return bool(role) and (count > 0 or not role.group(0).islower())


def _role_and_organization(doc: Doc, role: re.Match) -> tuple[str, str | None]:
    """The role phrase starting at `role` and the organisation it belongs to."""
    phrase, end = _role_phrase(doc, role)
    department = _public_department(doc, role, end)
    return department if department else (phrase, _organization_after(doc, end))


def _public_department(doc: Doc, role: re.Match, end: int) -> tuple[str, str] | None:
    """("Phó Trưởng phòng", "phòng Giáo dục và Đào tạo huyện Gia Lâm"): a head's department
    named with its place and no parent body is a public body, the role's organisation."""
    text, lex = text_of(doc), people_lexicon()
    head = role.group(0).split()
    if head[-1].lower() not in lex.public_department_words or end <= role.end():
        return None
    places = lex.public_department_place
    after = places.match(text, end + 1) if text[end:end + 1] == " " else None  # "… Đào tạo| huyện Gia Lâm"
    inside = places.search(text, role.end(), end)  # "… Khen thưởng Trung ương", "… KCX-KCN TP HCM"
    if not (after or inside):
        return None
    org_end = end if inside else _place_name_end(text, after.end())
    return " ".join(head), " ".join(text[role.end() - len(head[-1]):org_end].split())


def _place_name_end(text: str, pos: int) -> int:
    """The end of the capitalised place name after a place word ("huyện| Gia Lâm")."""
    end = pos
    for word in re.finditer(r"\s+([^\W\d_]+)", text[pos:pos + 60]):
        if word.start() != end - pos or not word.group(1)[:1].isupper():
            break
        end = pos + word.end()
    return end


def _organization_after(doc: Doc, pos: int) -> str | None:
    """The organisation a role belongs to: right after it, after "của", or after a unit phrase."""
    text = text_of(doc)
    match = re.match(r"\s*[,(]?\s*(?:của\s+|thuộc\s+|tại\s+)?", text[pos:pos + 80])
    org = _org_at(doc, pos + match.end())
    if org is None and match.group(0).strip().startswith(("của", "thuộc")):
        named = _ACRONYM_ORG.match(text, pos + match.end())
        if named and is_abbreviation(named.group(1)):
            return named.group(1)  # "lái xe ép rác của URENCO": a company known by its initials
    start = pos + match.end()
    if org is None:
        unit_end = _unit_end(doc, start)  # "Tổ may 3": no organisation head, a unit all the same
    else:
        unit_end = org["char_end"] if _unit_head(org["name"], people_lexicon()) else None
    if unit_end:
        return _unit_and_body(doc, start, unit_end)  # "Tổ may 3, Công ty …", "Phân xưởng Khai thác 5"
    if org is None:
        parent = _parent_in_department(doc, start)
        if parent:
            return parent
        unit = re.match(r"\s+(?:tổ|phân xưởng|xưởng|bộ phận|dây chuyền|khoa|phòng|đội)\s[^,;.()]{1,40}?,\s*", text[pos:pos + 80])
        org = _org_at(doc, pos + unit.end()) if unit else None
    return org["name"] if org else None


def _unit_end(doc: Doc, start: int) -> int | None:
    """The end of a capitalised unit's name starting at `start` ("Tổ may 3", "Tổ 2"), or None."""
    text, lex = text_of(doc), people_lexicon()
    head = next((h for h in sorted(lex.team_heads, key=len, reverse=True) if text.startswith(h + " ", start)), None)
    if head is None:
        return None
    end = start + len(head)
    persons = _person_starts(doc)
    for _ in range(lex.max_role_words):
        word = re.match(r" ([^\s,;:.()“”\"–-]+)", text[end:end + 40])
        if not word or word.group(1).lower() in lex.role_stops or _org_at(doc, end + 1) or end + 1 in persons:
            break  # punctuation, a verb, a name, or the body the unit belongs to ("Tổ 3 Phân xưởng …")
        end += word.end()
    return end if end > start + len(head) else None


def _unit_and_body(doc: Doc, start: int, unit_end: int) -> str:
    """The unit and the body right after it, as written ("Tổ may 3, Công ty May Hà Phong")."""
    text = text_of(doc)
    gap = re.match(r",?\s*(?:\(\s*)?", text[unit_end:unit_end + 4])
    body = _org_at(doc, unit_end + gap.end())
    end = body["char_end"] if body else unit_end
    closing = ")" if body and "(" in gap.group(0) else ""
    return " ".join(text[start:end].split()) + closing


def _parent_in_department(doc: Doc, pos: int) -> str | None:
    """"Tổng Liên đoàn Lao động Việt Nam" after the role "Trưởng Ban Tuyên giáo": the rest of an
    organisation found as "Ban Tuyên giáo Tổng Liên đoàn …" when the role took its head."""
    for org in organizations_of(doc):
        if org["char_start"] < pos < org["char_end"]:
            rest = " ".join(text_of(doc)[pos:org["char_end"]].split())
            return rest if rest[:1].isupper() else None
    return None


_BRACKET = re.compile(r"\s*\(\s*")


def _role_after(doc: Doc, mention: Mention) -> tuple[str, str | None] | None:
    text, roles = text_of(doc), people_lexicon().roles
    sent_start, sent_end = sentence_at(doc, mention.start)
    bracket = _BRACKET.match(text, mention.end, sent_end)
    if bracket and (role := roles.match(text, bracket.end(), sent_end)):
        return _role_and_organization(doc, role)  # "Chị Lò Thị Mai (công nhân Tổ may 3, Xí nghiệp May 1)"
    apposition = _APPOSITION.match(text, mention.end, sent_end)
    if not apposition or apposition.end() == mention.end:
        return None
    role = roles.match(text, apposition.end(), sent_end)
    if not role or (_THEO.search(text, max(sent_start, mention.start - 30), mention.start) and "," not in text[role.end():sent_end]):
        return None  # "Theo đồng chí Phong, người lao động có thể …": the clause's subject, not a role
    return _office_after_membership(doc, role, sent_end) or _role_and_organization(doc, role)


_THEO = re.compile(r"(?<!\w)[Tt]heo(?:\s+\S+){0,2}\s+$")


def _office_after_membership(doc: Doc, role: re.Match, sent_end: int) -> tuple[str, str | None] | None:
    """"Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo LĐLĐ …": a committee seat listed first gives
    way to the office after it."""
    lex = people_lexicon()
    if not match_key(role.group(0)).startswith(tuple(lex.membership_roles)):
        return None
    phrase, end = _role_phrase(doc, role)
    comma = re.match(r"\s*,\s*", text_of(doc)[end:end + 4])
    office = lex.roles.match(text_of(doc), end + comma.end(), sent_end) if comma else None
    return _role_and_organization(doc, office) if office else None


def _chain_ok(doc: Doc, start: int, end: int, masks: list[tuple[int, int]]) -> bool:
    """Whether text[start:end] is only organisations, roles, years and commas."""
    text = text_of(doc)
    for index in range(start, end):
        if text[index] in " ,–-\u00a0" or any(a <= index < b for a, b in masks):
            continue
        return False
    return True


def _role_before(doc: Doc, mention: Mention) -> tuple[str, str | None] | None:
    text = text_of(doc)
    sent_start, _ = sentence_at(doc, mention.start)
    floor = max(sent_start, mention.start - 200)
    roles = list(people_lexicon().roles.finditer(text, floor, mention.start))
    masks = organization_index(doc).within(floor, mention.start)
    masks += [(r.start(), max(r.end(), min(_role_phrase(doc, r)[1], mention.start))) for r in roles]  # "Trưởng ca vận hành"
    masks += [(m.start(), m.end()) for m in _CHAIN_FILLER.finditer(text, floor, mention.start)]
    masks += [(m.start(), m.end()) for m in people_lexicon().chain_body_nouns.finditer(text, floor, mention.start)]
    masks += [(r.start, r.end) for r in title_runs(text, floor, mention.start)]
    masks += [(floor + w.start(), floor + w.end()) for w in re.finditer(r"[\w&]+", text[floor:mention.start])
              if is_abbreviation(w.group(0))]
    chain = [role for role in roles if _chain_ok(doc, role.end(), mention.start, masks)]
    offices = [role for role in chain if role.group(0)[:1].isupper()]
    if chain and offices and chain[0].group(0)[:1].islower():
        chain = offices  # "thăm hỏi người lao động, Phó Chủ tịch LĐLĐ quận … Nguyễn Thị Bích Ngọc"
    return _role_and_organization(doc, chain[0]) if chain else None


def role_of(doc: Doc, mention: Mention) -> tuple[str | None, str | None]:
    """(role, organisation) next to a mention: apposition first, then the chain before it; a
    bare "(Công ty May Thăng Long)" or ", Trường Tiểu học Quảng An" right after the name
    gives the organisation alone. A rotating emulation post after the name ("…, Khối trưởng
    năm 2025") gives way to the office before it."""
    found = _role_after(doc, mention)
    if found is None or match_key(found[0]) in people_lexicon().secondary_roles:
        found = _role_before(doc, mention) or found
    if found and found[1] is None:
        return found[0], _organization_beside(doc, mention)
    return found if found else (None, _organization_beside(doc, mention))


_BESIDE = re.compile(r"\s*(?:\(|,\s*)")


def _organization_beside(doc: Doc, mention: Mention) -> str | None:
    """An organisation in brackets or in apposition right after the name."""
    opener = _BESIDE.match(text_of(doc), mention.end)
    org = _org_at(doc, opener.end()) if opener else None
    return org["name"] if org else None


def collect_people(doc: Doc) -> list[dict]:
    """One entry per person with name, role, organization and the offsets of later mentions."""
    blocked = fact_spans(doc, "awards", "campaigns")
    mentions = [m for m in person_mentions(doc) if not inside(m.start, m.end, blocked)]
    people: dict[str, dict] = {}
    for mention in (m for m in mentions if m.full):
        key = match_key(mention.name)
        person = people.setdefault(key, {"char_start": mention.start, "char_end": mention.end, "name": mention.name,
                                         "role": None, "organization": None, "mentions": [], "cued": False})
        if mention.start != person["char_start"]:
            person["mentions"].append([mention.start, mention.end])
        if person["role"] is None and len(person["mentions"]) < MAX_ROLE_TRIES:
            person["role"], person["organization"] = role_of(doc, mention)
        person["cued"] = person["cued"] or bool(mention.honorific or person["role"])
    index = given_name_index(mentions)
    for mention in (m for m in mentions if not m.full):
        full = resolve_short(index, mention)
        person = people.get(match_key(full.name)) if full is not None else None
        if person is not None:
            person["mentions"].append([mention.start, mention.end])
            person["cued"] = True
            if person["role"] is None and len(person["mentions"]) < MAX_ROLE_TRIES:
                person["role"], person["organization"] = role_of(doc, mention)  # "Theo anh Tuấn, tổ trưởng …"
    _merge_name_prefixes(people)
    return [p for p in people.values() if p.pop("cued") or _personal(p["name"])]


def _merge_name_prefixes(people: dict[str, dict]) -> None:
    """"Y Brăk" after "Y Brăk Êban": a name that is the first words of a longer one in the same
    article is that person named short (Tây Nguyên and Khmer names are shortened so)."""
    keys = sorted(people, key=lambda key: len(key.split()))
    for short in keys:
        words = short.split()
        longer = [k for k in keys if len(k.split()) > len(words) and k.split()[:len(words)] == words]
        if len(words) < 2 or len(longer) != 1:
            continue
        person, full = people.pop(short), people[longer[0]]
        full["mentions"] = sorted(full["mentions"] + [[person["char_start"], person["char_end"]]] + person["mentions"])
        full["cued"] = full["cued"] or person["cued"]
        if full["role"] is None:
            full["role"], full["organization"] = person["role"], person["organization"]


def _personal(name: str) -> bool:
    """A bare name is kept when it reads like a person's ("Nguyễn Văn Bình", "Lê Thị Hoa")."""
    words = name.split()
    return len(words) >= 3 and words[1] in people_lexicon().personal_middle_names


@Language.component("thidua_people")
def people(doc: Doc) -> Doc:
    for person in collect_people(doc):
        add_fact(doc, "people", person["char_start"], person["char_end"], name=person["name"],
                 role=person["role"], organization=person["organization"], mentions=sorted(person["mentions"]))
    return doc
