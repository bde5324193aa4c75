"""Quoted phrases and what the words before them make of them.

A quote is classified by the nearest cue on its left in the same sentence: a campaign cue
("phong trào thi đua", "cuộc vận động") with only filler words between makes it a campaign;
a negative cue ("chủ đề", "danh hiệu", "Hội thi", "mô hình") makes it a theme, an award title,
an event… The quotes of a list (“A”, “B” và “C”) share the first one's class.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .lexicon import campaign_lexicon
from .scan import text_of, cached, sentence_at

# Opening “ or " and closing ” or "; no quote characters inside, so nested quotes match innermost.
# Some sites quote names with ‘…’, «…» or straight '…' (not the apostrophe inside "H'Hen").
_QUOTE = re.compile(r"[“\"]([^“”\"\n]{1,300}?)[”\"]|‘([^‘’\n]{1,300}?)’|«([^«»\n]{1,300}?)»"
                    r"|(?<!\w)'([^'\n]{1,300}?)'(?!\w)")
MAX_NEGATIVE_GAP_WORDS = 8
CUE_WINDOW = 160  # characters left of a quote searched for its cue


@dataclass
class Quote:
    start: int          # the opening quote mark
    end: int            # after the closing quote mark
    inner_start: int
    inner_end: int
    text: str
    label: str = "none"  # campaign, award, theme, slogan, event, model, document, speech, other, none
    kind: str | None = None  # the campaign kind when label == "campaign"
    cue: str | None = None


def _find_quotes(doc: Doc) -> list[Quote]:
    quotes = []
    for match in _QUOTE.finditer(text_of(doc)):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        inner = match.group(group)
        stripped = inner.strip()
        if not stripped or not any(c.isalpha() for c in stripped):
            continue
        lead = len(inner) - len(inner.lstrip())
        quotes.append(Quote(match.start(), match.end(), match.start(group) + lead,
                            match.start(group) + lead + len(stripped), stripped))
    return quotes


def _classify(doc: Doc, quote: Quote) -> None:
    lex = campaign_lexicon()
    sent_start, _ = sentence_at(doc, quote.start)
    left = text_of(doc)[max(sent_start, quote.start - CUE_WINDOW):quote.start]
    cue = _last(lex.cues, left)
    negative = _last(lex.negatives, left)
    if negative and (not cue or negative.end() >= cue.end()):  # the nearer (or longer) cue decides
        gap = left[negative.end():]
        if len(gap.split()) <= MAX_NEGATIVE_GAP_WORDS and not re.search(r"[.;!?]", gap):
            quote.label, quote.cue = lex.negative_kinds[_norm(negative.group("neg"))], negative.group("neg")
            return
    if cue and (lex.gap.fullmatch(left[cue.end():]) or _plural_list(left, cue)):
        quote.label, quote.cue = "campaign", cue.group("cue")
        quote.kind = lex.cue_kinds[_norm(cue.group("cue"))]


def _plural_list(left: str, cue: re.Match) -> bool:
    """"các phong trào thi đua: “A”, “B”": a plural cue announces the list after its colon
    (a bare "tinh thần thi đua: “…”" introduces a slogan)."""
    return bool(re.fullmatch(r"\s*:\s*", left[cue.end():])) and bool(campaign_lexicon().plural_before.search(left, 0, cue.start()))


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _last(pattern: re.Pattern, text: str) -> re.Match | None:
    last = None
    for last in pattern.finditer(text):
        pass
    return last


def _same_list(doc: Doc, previous: Quote, quote: Quote) -> bool:
    return bool(campaign_lexicon().list_separator.fullmatch(text_of(doc)[previous.end:quote.start]))


def classify_quotes(doc: Doc) -> list[Quote]:
    quotes = _find_quotes(doc)
    previous = None
    for quote in quotes:
        if previous is not None and _same_list(doc, previous, quote):
            quote.label, quote.kind, quote.cue = previous.label, previous.kind, previous.cue
        else:
            _classify(doc, quote)
        previous = quote
    return quotes


def quotes_of(doc: Doc) -> list[Quote]:
    """Every quoted phrase with its class, computed once per Doc."""
    return cached(doc, "quotes", lambda: classify_quotes(doc))
