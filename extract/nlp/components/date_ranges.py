"""Component thidua_date_ranges: every interval the text states, in doc.spans["date_ranges"].

The grammar is extract/nlp/temporal.py (words in extract/rules/temporal.yaml). Attributes:
`text`, `start`, `end` (ISO at the precision the text gives, None for an open or unknown end).
The same interval stated twice is recorded once.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..facts import add_fact
from ..temporal import find_ranges


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """The Doc's sentences as character spans; the whole text if it has no sentence bounds."""
    if not len(doc):
        return []
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc.text))]
    return [(sent.start_char, sent.end_char) for sent in doc.sents]


@Language.component("thidua_date_ranges")
def date_ranges(doc: Doc) -> Doc:
    seen: set[tuple[str | None, str | None]] = set()
    for found in find_ranges(doc.text, sentence_spans(doc), doc.user_data.get("published")):
        if (found.start, found.end) in seen:
            continue
        seen.add((found.start, found.end))
        add_fact(doc, "date_ranges", found.start_char, found.end_char,
                 text=found.text, start=found.start, end=found.end)
    return doc
