"""Sentence boundaries for Vietnamese news text, as character spans.

Paragraph breaks always end a sentence. Within a paragraph a sentence ends at . ! ? or …
followed by space and an upper-case letter, a quote or a digit, except after known
abbreviations ("TP.", "P.", "ThS.") where the dot belongs to the word.
"""
from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?…])[”\"’)]*\s+(?=[\"“(‘'A-ZĐÀ-Ỹ0-9])")
_ABBREVIATION_END = re.compile(r"(?:\b(?:TP|Tp|P|Q|TS|ThS|PGS|GS|BS|KS|Th|St|Mr|Ms|Dr|[A-ZĐ])\.)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        for boundary in _BOUNDARY.finditer(paragraph.group(0)):
            end = paragraph.start() + boundary.start()
            if _ABBREVIATION_END.search(text[max(start, end - 6):end]):
                continue
            spans.append((start, end))
            start = paragraph.start() + boundary.end()
        spans.append((start, paragraph.end()))
    return [(s, e) for s, e in spans if text[s:e].strip()]
