"""Component thidua_awards: writes doc.spans["awards"].

Award mentions come in six shapes: a title after "danh hiệu" (quoted or not), a known title
after an award verb ("đạt Lao động tiên tiến"), a certificate, flag or order ("Bằng khen của
Tổng LĐLĐ Việt Nam", "được Sở Y tế tặng Giấy khen" -> "Giấy khen của Sở Y tế"), a named prize
("Giải thưởng Nguyễn Đức Cảnh"), a contest prize ("giải nhất nghề Hàn CO2") and a prize named
by a capitalised phrase where the text says who won it ("giải Tay nghề trẻ thuộc về …").
Names used as campaigns are skipped. The recipient is the person, pronoun ("anh", resolved to the person
last named) or unit before a receiving verb, or after "cho"; counted groups ("27 cá nhân")
give none. The year is the nearest single year after the title in its clause, else before it.
Rules: extract/rules/awards.yaml.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from thidua.text import match_key

from ..facts import add_fact
from ..lexicon import award_lexicon, people_lexicon
from ..quotes import quotes_of
from ..scan import SpanIndex, clause_end, clause_start, fact_spans, sentence_at, text_of, years_in
from ..award_parts import (co_recipients, contest_prizes, coordinated, documents, given_to_group, is_proposal,
                          known_titles, named_members, named_prizes, recipient_of, titled_prizes,
                          unquoted_titles)


def _quoted_titles(doc: Doc) -> list[dict]:
    found = []
    for quote in quotes_of(doc):
        if quote.label == "award":
            kind = "giải" if (quote.cue or "").lower().startswith("giải") else "danh hiệu"
            found.append({"char_start": quote.inner_start, "char_end": quote.inner_end,
                          "title": quote.text, "kind": kind, "giver": None})
    return found


def _year(doc: Doc, award: dict, next_start: int) -> int | None:
    text = text_of(doc)
    sent_start, sent_end = sentence_at(doc, award["char_start"])
    after_end = min(clause_end(text, award["char_end"], sent_end), next_start)
    after = years_in(text, award["char_end"], after_end)
    if after:
        return after[0][1]
    before = years_in(text, clause_start(text, award["char_start"], sent_start), award["char_start"])
    return before[-1][1] if before else None


def _without_overlaps(found: list[dict], blocked: list[tuple[int, int]]) -> list[dict]:
    """Longest first, each span once; nothing inside a campaign name."""
    campaigns = SpanIndex(blocked)
    kept: list[dict] = []
    for item in sorted(found, key=lambda a: (a["char_start"], -(a["char_end"] - a["char_start"]))):
        if kept and item["char_start"] < kept[-1]["char_end"]:
            continue  # sorted by start: only the last kept one can overlap
        if not campaigns.overlaps(item["char_start"], item["char_end"]):
            kept.append(item)
    return kept


def find_awards(doc: Doc) -> list[dict]:
    """Every award mention with title, kind, giver, recipient and year, in text order."""
    found = _quoted_titles(doc) + unquoted_titles(doc) + known_titles(doc)
    found += documents(doc) + named_prizes(doc) + contest_prizes(doc) + titled_prizes(doc)
    awards = [a for a in _without_overlaps(found, fact_spans(doc, "campaigns")) if not is_proposal(doc, a)]
    award_spans = SpanIndex((a["char_start"], a["char_end"]) for a in awards)
    for index, award in enumerate(awards):
        next_start = awards[index + 1]["char_start"] if index + 1 < len(awards) else len(text_of(doc))
        award["year"] = _year(doc, award, next_start)
        previous = awards[index - 1] if index else None
        if previous is not None and previous["recipient"] and coordinated(doc, previous, award):
            award["recipient"] = previous["recipient"]
        else:
            award["recipient"] = recipient_of(doc, award, award_spans)
        award["group"] = award["recipient"] is None and given_to_group(doc, award)
        members = named_members(doc, award) if award["group"] else []
        if members:  # "cho 24 đơn vị, trong đó có A, B và C": one award each for the ones named
            award["recipient"], award["group"], award["members"] = members[0], False, members[1:]
    shared = [{**award, "recipient": name} for award in awards if award["recipient"]
              for name in award.pop("members", None) or co_recipients(doc, award)]
    return sorted(awards + shared, key=lambda a: a["char_start"])


def _name_givers_when_several(awards: list[dict]) -> None:
    """Two bare "Bằng khen" from different givers in one article are two awards: each title
    then carries its giver ("Bằng khen của Tổng LĐLĐ Việt Nam", "Bằng khen của LĐLĐ Thành phố")."""
    givers: dict[str, set[str]] = {}
    for award in awards:
        if award["giver"] and award["kind"] not in ("danh hiệu", "giải") and " của " not in award["title"]:
            givers.setdefault(match_key(award["title"]), set()).add(match_key(award["giver"]))
    for award in awards:
        if award["giver"] and _distinct(givers.get(match_key(award["title"]), set())) > 1:
            award["title"] = f"{award['title']} của {award['giver']}"


def _distinct(givers: set[str]) -> int:
    """Givers counted once per body: "LĐLĐ huyện" is "LĐLĐ huyện Đông Anh" written short."""
    return sum(1 for g in givers if not any(o != g and o.startswith(g + " ") for o in givers))


def _merge(awards: list[dict]) -> list[dict]:
    """One entry per title and recipient: later mentions fill a missing recipient or year, and
    a title given to two named recipients is two awards. A bare certificate or flag ("Bằng
    khen", "Cờ thi đua") joins the fuller title of the same kind the article also gives
    ("Bằng khen của <its giver>", "Cờ thi đua xuất sắc")."""
    _name_givers_when_several(awards)
    by_key: dict[str, list[dict]] = {}
    keyed = [(_fuller_key(award, awards), award) for award in awards]
    for fuller, award in sorted(keyed, key=lambda pair: pair[0] is not None):  # full titles first
        same = by_key.setdefault(fuller or match_key(award["title"]), [])
        first = _merge_target(same, award)
        if first is None:
            same.append(award)
            continue
        for attr in ("recipient", "year", "giver"):
            if first.get(attr) is None and award.get(attr) is not None:
                first[attr] = award[attr]
    return sorted((a for same in by_key.values() for a in same), key=lambda a: a["char_start"])


def _merge_target(same: list[dict], award: dict) -> dict | None:
    """The entry of the same title an award mention adds to: the one with its recipient, else
    one with none; a mention with no recipient adds to the first. An award to a counted group
    ("268 lao động đạt danh hiệu …") stays apart from one to a named recipient."""
    if award["group"]:
        return next((entry for entry in same if entry["recipient"] is None), None)
    if award["recipient"] is None:
        return same[0] if same else None
    key = match_key(award["recipient"])
    for entry in same:
        if entry["recipient"] and match_key(entry["recipient"]) == key:
            return entry
    return next((entry for entry in same if entry["recipient"] is None and not entry["group"]), None)


def _fuller_key(award: dict, awards: list[dict]) -> str | None:
    """The key of a fuller title a bare certificate mention belongs to, if the article has one."""
    bare = match_key(award["title"])
    if award["kind"] == "giải":
        return _fuller_prize(award, bare, awards)
    if award["kind"] == "danh hiệu" or " của " in award["title"]:
        return None
    candidates = [match_key(a["title"]) for a in awards if a is not award and a["kind"] == award["kind"]]
    if award["giver"]:
        wanted = match_key(f"{award['title']} của {award['giver']}")
        return wanted if wanted in candidates else None
    fuller = [c for c in candidates if c.startswith(bare + " ")]
    return fuller[0] if len(set(fuller)) == 1 else None


def _fuller_prize(award: dict, bare: str, awards: list[dict]) -> str | None:
    """"Giải nhất thuộc về Lê Thu Trang … nhận giải nhất Hội thi X": a bare prize rank joins the
    one fuller prize of that rank won by the same recipient."""
    if len(bare.split()) > 2:
        return None
    recipient = match_key(award["recipient"] or "")
    fuller = {match_key(a["title"]) for a in awards
              if a is not award and a["kind"] == "giải" and match_key(a["title"]).startswith(bare + " ")
              and match_key(a["recipient"] or "") in (recipient, "")}
    return fuller.pop() if len(fuller) == 1 else None


@Language.component("thidua_awards")
def awards(doc: Doc) -> Doc:
    if not text_of(doc).strip():
        return doc
    people_lexicon()  # loaded once with the other lexicons, not mid-article
    award_lexicon()
    for award in _merge(find_awards(doc)):
        add_fact(doc, "awards", award["char_start"], award["char_end"], title=award["title"],
                 recipient=award["recipient"], year=award["year"], kind=award["kind"], giver=award["giver"])
    return doc

