"""Word lists from extract/rules/*.yaml compiled once per process into regexes and sets.

Every pattern matches whole words: Vietnamese syllables are \\w characters in Python's
Unicode regexes, so a lookbehind/lookahead on \\w is the word boundary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .rules import load_rules

WORD_START = r"(?<![\w&])"
WORD_END = r"(?![\w&])"


def phrase_pattern(phrases: Iterable[str], flags: int = 0, group: str | None = None) -> re.Pattern:
    """One regex matching any of `phrases` as whole words, longest first; spaces match any run."""
    unique = sorted({p for p in phrases if p}, key=len, reverse=True)
    parts = [r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in unique]
    body = "|".join(parts) or r"(?!x)x"
    if group:
        body = f"(?P<{group}>{body})"
    else:
        body = f"(?:{body})"
    return re.compile(WORD_START + body + WORD_END, flags)


@dataclass(frozen=True)
class CampaignLexicon:
    cues: re.Pattern            # group "cue"
    cue_kinds: dict[str, str]   # lower-cased cue -> kind
    negatives: re.Pattern       # group "neg"
    negative_kinds: dict[str, str]
    gap: re.Pattern             # fullmatch over the text between cue and quote
    list_separator: re.Pattern  # fullmatch over the text between two quotes of a list
    unquoted_cue: re.Pattern
    unquoted_stops: tuple[str, ...]
    max_unquoted_words: int
    titled_cues: frozenset[str]
    not_name_start: re.Pattern
    period_after_number: re.Pattern  # "6 tháng đầu năm": a period, not a number-led name
    plural_before: re.Pattern   # "các", "những" ending right before a cue


@lru_cache(maxsize=1)
def campaign_lexicon() -> CampaignLexicon:
    rules = load_rules("campaigns")
    gap_words = "|".join(w if w.startswith("\\") else r"\s+".join(map(re.escape, w.split())) for w in rules["gap_words"])
    separators = "|".join(r"\s*".join(map(re.escape, s.split())) for s in rules["list_separators"])
    return CampaignLexicon(
        cues=phrase_pattern(rules["cues"], re.I, "cue"),
        cue_kinds={k.lower(): v for k, v in rules["cues"].items()},
        negatives=phrase_pattern(rules["negatives"], re.I, "neg"),
        negative_kinds={k.lower(): v for k, v in rules["negatives"].items()},
        gap=re.compile(rf"\s*(?:(?:{gap_words})\s*)*", re.I),
        list_separator=re.compile(rf"\s*(?:{separators})\s*", re.I),
        unquoted_cue=phrase_pattern(rules["unquoted_cues"], re.I, "cue"),
        unquoted_stops=tuple(rules["unquoted_stops"]),
        max_unquoted_words=int(rules["max_unquoted_words"]),
        titled_cues=frozenset(c.lower() for c in rules["titled_cues"]),
        not_name_start=phrase_pattern(rules["not_name_starts"]),
        plural_before=re.compile(WORD_START + r"(?:\d+|" + "|".join(map(re.escape, rules["plural_markers"])) + r")\s+$", re.I),
        period_after_number=re.compile(r"\d+(?:[.,]\d+)?\s+" + phrase_pattern(rules["periods"]).pattern
                                       + r"\s*(?:$|[,.;:]|" + phrase_pattern(rules["period_followers"]).pattern + ")", re.I),
    )


@dataclass(frozen=True)
class AwardLexicon:
    documents: re.Pattern       # group "doc"
    document_kinds: dict[str, str]
    grades: re.Pattern
    named_prizes: re.Pattern
    prize: re.Pattern           # "giải" + rank
    prize_stops: frozenset[str]
    prize_subjects: re.Pattern
    max_prize_words: int
    titles: re.Pattern
    verbs: re.Pattern
    not_titles: re.Pattern
    title_stops: frozenset[str]
    max_title_words: int
    group_nouns: re.Pattern
    qualifiers: re.Pattern
    giver_in_title: frozenset[str]
    giver_before_in_title: bool
    proposals: re.Pattern
    named_documents: frozenset[str]


@lru_cache(maxsize=1)
def award_lexicon() -> AwardLexicon:
    rules = load_rules("awards")
    ranks = "|".join(sorted(map(re.escape, rules["prize_ranks"]), key=len, reverse=True))
    heads = "|".join(map(re.escape, rules["prize_head"]))
    return AwardLexicon(
        documents=phrase_pattern(rules["documents"], 0, "doc"),
        document_kinds={k.lower(): v for k, v in rules["documents"].items()},
        grades=phrase_pattern(rules["grades"]),
        named_prizes=phrase_pattern(rules["named_prizes"]),
        prize=re.compile(rf"{WORD_START}(?:{heads})\s+(?:{ranks}){WORD_END}"),
        prize_stops=frozenset(rules["prize_stops"]),
        prize_subjects=phrase_pattern(rules["prize_subjects"], re.I),
        max_prize_words=int(rules["max_prize_words"]),
        titles=phrase_pattern(rules["titles"], re.I),
        verbs=phrase_pattern(rules["verbs"], re.I),
        not_titles=phrase_pattern(rules["not_titles"], re.I),
        title_stops=frozenset(rules["title_stops"]),
        max_title_words=int(rules["max_title_words"]),
        group_nouns=phrase_pattern(rules["group_nouns"], re.I),
        qualifiers=phrase_pattern(rules["qualifiers"]),
        giver_in_title=frozenset(rules["giver_in_title"]),
        giver_before_in_title=bool(rules["giver_before_in_title"]),
        proposals=phrase_pattern(rules["proposals"], re.I),
        named_documents=frozenset(rules["named_documents"]),
    )


@dataclass(frozen=True)
class PeopleLexicon:
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    name_prefixes: frozenset[str]
    glued_name_prefixes: tuple[str, ...]
    roles: re.Pattern           # a role with optional prefix/suffix, case-insensitive
    chain_body_nouns: re.Pattern
    team_heads: frozenset[str]
    led_team_words: frozenset[str]
    department_words: frozenset[str]
    public_department_words: frozenset[str]
    public_department_place: re.Pattern  # a place or "Trung ương" right after a department's name
    unit_leader_words: tuple[str, ...]
    honorific_before: re.Pattern  # an honorific ending right before a name
    role_right_before: re.Pattern  # a role ending right before a position ("Giám đốc |Công ty …")
    blocking_left: re.Pattern     # a blocking word ending right before a name
    not_people: frozenset[str]    # match keys
    pronouns: frozenset[str]
    abbreviations: frozenset[str]
    not_name_words: frozenset[str]
    honorific_words: frozenset[str]
    role_stops: frozenset[str]
    max_role_words: int
    closed_roles: frozenset[str]
    secondary_roles: frozenset[str]  # match keys
    membership_roles: tuple[str, ...]  # match keys
    not_name_endings: tuple[str, ...]
    address_words: frozenset[str]  # lower case
    personal_middle_names: frozenset[str]
    not_name_openers: frozenset[str]


@lru_cache(maxsize=1)
def people_lexicon() -> PeopleLexicon:
    from thidua.text import match_key

    rules = load_rules("people")
    surname_rules = load_rules("surnames")
    names = surname_rules["surnames"]
    role_core = phrase_pattern(rules["roles"]).pattern[len(WORD_START):-len(WORD_END)]
    prefixes = "|".join(map(re.escape, rules["role_prefixes"]))
    suffixes = "|".join(r"\s+".join(map(re.escape, s.split())) for s in rules["role_suffixes"])
    roles = re.compile(rf"{WORD_START}(?:(?:{prefixes})\s+)?{role_core}(?:\s+(?:{suffixes}))?{WORD_END}", re.I)
    left_words = "|".join(sorted((r"\s+".join(map(re.escape, w.split())) for w in rules["blocking_left"]), key=len, reverse=True))
    honorifics = "|".join(sorted((r"\s+".join(map(re.escape, w.split())) for w in rules["honorifics"]), key=len, reverse=True))
    return PeopleLexicon(
        surnames=frozenset(n for n in names if " " not in n),
        compound_surnames=frozenset(n for n in names if " " in n),
        name_prefixes=frozenset(surname_rules["name_prefixes"]),
        glued_name_prefixes=tuple(surname_rules["glued_name_prefixes"]),
        roles=roles,
        chain_body_nouns=phrase_pattern(rules["chain_body_nouns"], re.I),
        team_heads=frozenset(rules["team_heads"]),
        led_team_words=frozenset(rules["led_team_words"]),
        department_words=frozenset(rules["department_words"]),
        public_department_words=frozenset(rules["public_department_words"]),
        public_department_place=phrase_pattern(rules["public_department_places"]),
        unit_leader_words=tuple(rules["unit_leader_words"]),
        honorific_before=re.compile(rf"{WORD_START}(?:{honorifics})\s*$"),
        role_right_before=re.compile(roles.pattern + r"\s+$", re.I),
        blocking_left=re.compile(rf"{WORD_START}(?:{left_words})\s*$"),
        not_people=frozenset(match_key(n) for n in rules["not_people"]),
        pronouns=frozenset(rules["pronouns"]),
        abbreviations=frozenset(load_rules("abbreviations")["abbreviations"]),
        not_name_words=frozenset(rules["not_name_words"]),
        honorific_words=frozenset(w for w in rules["honorifics"] if " " not in w),
        role_stops=frozenset(rules["role_stops"]),
        max_role_words=int(rules["max_role_words"]),
        closed_roles=frozenset(r.lower() for r in rules["closed_roles"]),
        secondary_roles=frozenset(match_key(r) for r in rules["secondary_roles"]),
        membership_roles=tuple(match_key(r) for r in rules["membership_roles"]),
        not_name_endings=tuple(rules["not_name_endings"]),
        address_words=frozenset(w.lower() for w in rules["address_words"]),
        personal_middle_names=frozenset(rules["personal_middle_names"]),
        not_name_openers=frozenset(rules["not_name_openers"]),
    )


@dataclass(frozen=True)
class OrgLexicon:
    heads: re.Pattern           # group "head", case-sensitive
    head_kinds: dict[str, str]
    place_only_heads: frozenset[str]
    standalone: frozenset[str]
    complete_names: frozenset[str]
    place_word: re.Pattern      # matched at a position
    inner_word: re.Pattern
    final_word: re.Pattern
    type_words: frozenset[str]
    abbreviations: dict[str, str]
    descriptive_kinds: frozenset[str]
    max_descriptor_words: int
    name_stop: re.Pattern
    trailing_kinds: frozenset[str]
    max_trailing_words: int
    not_after_dash: re.Pattern
    speech_after: re.Pattern  # a verb of saying right after a name ("… Đào Minh Quang cho biết")


@lru_cache(maxsize=1)
def org_lexicon() -> OrgLexicon:
    rules = load_rules("organizations")
    return OrgLexicon(
        heads=phrase_pattern(rules["heads"], 0, "head"),
        head_kinds=dict(rules["heads"]),
        place_only_heads=frozenset(rules["place_only_heads"]),
        standalone=frozenset(rules["standalone"]),
        complete_names=frozenset(rules["complete_names"]),
        place_word=phrase_pattern(rules["place_words"]),
        inner_word=phrase_pattern(rules["inner_words"]),
        final_word=phrase_pattern(rules["final_words"]),
        type_words=frozenset(rules["type_words"]),
        abbreviations=dict(load_rules("abbreviations")["abbreviations"]),
        descriptive_kinds=frozenset(rules["descriptive_kinds"]),
        max_descriptor_words=int(rules["max_descriptor_words"]),
        name_stop=phrase_pattern(rules["name_stops"]),
        trailing_kinds=frozenset(rules["trailing_kinds"]),
        max_trailing_words=int(rules["max_trailing_words"]),
        not_after_dash=phrase_pattern(rules["not_after_dash"]),
        speech_after=re.compile(r"\s+" + phrase_pattern(rules["speech_verbs"]).pattern),
    )
