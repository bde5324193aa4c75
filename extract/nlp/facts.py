"""How components record facts on a Doc, and how a Doc becomes the record's fact lists.

Each fact is a Span in `doc.spans[field]` (the evidence, with exact character offsets into
the stored text) and, at the same index, a dict of its attributes in
`doc.user_data["facts"][field]`. The attributes live beside the span rather than in a Span
extension because two fields may point at the same characters (an award title that is also
a campaign name) and Span extensions are keyed by offsets alone.

Offsets are `char_start` / `char_end` (and `sentence_start` / `sentence_end`): plain `start` and
`end` belong to the facts themselves (the dates of a date range or a phase).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any, Iterator

from spacy.tokens import Doc, Span

from thidua.record import ALL_FACT_FIELDS


def add_fact(doc: Doc, field: str, start_char: int, end_char: int, **attrs: Any) -> Span | None:
    """Record one fact whose evidence is text[start_char:end_char]; None if it cannot align."""
    span = doc.char_span(start_char, end_char, label=field, alignment_mode="expand")
    if span is None:
        return None
    if field not in doc.spans:
        doc.spans[field] = []
    doc.spans[field].append(span)
    doc.user_data.setdefault("facts", {}).setdefault(field, []).append(
        {**attrs, "char_start": start_char, "char_end": end_char}
    )
    return span


def facts_of(doc: Doc, field: str) -> Iterator[tuple[Span, dict[str, Any]]]:
    """The (span, attributes) pairs a component recorded for `field`, in order."""
    spans = doc.spans[field] if field in doc.spans else []
    attrs = doc.user_data.get("facts", {}).get(field, [])
    return zip(spans, attrs)


def sentence_of(doc: Doc, start_char: int, end_char: int) -> tuple[int, int, str]:
    """The sentence containing the fact: its start, end and text."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return start_char, end_char, doc.text[start_char:end_char]
    sent = span[0].sent  # a fact spanning a boundary is attributed to its first sentence
    return sent.start_char, sent.end_char, sent.text


def doc_to_facts(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """Every field's facts as plain dicts with text, offsets and sentence."""
    out: dict[str, list[dict[str, Any]]] = {}
    text = doc.text  # Doc.text is rebuilt on every access: read it once
    sentences = [(sent.start_char, sent.end_char) for sent in doc.sents] if len(doc) else [(0, len(text))]
    starts = [s for s, _ in sentences]
    for field in ALL_FACT_FIELDS:
        items = []
        for span, attrs in facts_of(doc, field):
            start, end = attrs["char_start"], attrs["char_end"]
            sent_start, sent_end = sentences[max(0, bisect_right(starts, start) - 1)]
            sentence = text[sent_start:sent_end]
            item = dict(attrs)
            item.setdefault("text", text[start:end])
            item.update(sentence=sentence, sentence_start=sent_start, sentence_end=sent_end)
            items.append(item)
        out[field] = items
    return out
