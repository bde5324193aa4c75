"""Baselines scored beside the pipeline: trafilatura's text, raw underthesea NER for people."""
from __future__ import annotations

import logging
from typing import Any

from thidua.text import normalize

from .gold import GoldArticle
from .match import align
from .score import Ratio, Tally, snippet_results

log = logging.getLogger(__name__)

HTML_SUFFIXES = {".html", ".htm"}


def trafilatura_snippets(articles: list[GoldArticle]) -> dict[str, Any]:
    """The snippet checks on trafilatura's default extraction (HTML pages only)."""
    import trafilatura

    ratio, pages = Ratio(), 0
    for gold in articles:
        if gold.source.suffix.lower() not in HTML_SUFFIXES:
            continue
        pages += 1
        text = trafilatura.extract(gold.source.read_text(encoding="utf-8", errors="replace"), url=gold.url) or ""
        for result in snippet_results(gold, text):
            ratio.add(result["ok"])
    return {"pages": pages, "right": ratio.right, "total": ratio.total, "accuracy": ratio.value}


def _ner_people(text: str) -> list[dict[str, str]]:
    """PER entities as underthesea.ner tags them, sentence by sentence."""
    from underthesea import ner, sent_tokenize

    people: list[dict[str, str]] = []
    for sentence in sent_tokenize(text):
        current: list[str] = []
        for word, _pos, _chunk, tag in ner(sentence):
            if tag == "I-PER" and current:
                current.append(word)
                continue
            if current:
                people.append({"name": " ".join(current)})
            current = [word] if tag == "B-PER" else []
        if current:
            people.append({"name": " ".join(current)})
    return people


def underthesea_people(articles: list[GoldArticle], texts: dict[str, str]) -> dict[str, Any]:
    """People P/R/F1 of raw underthesea NER over the same cleaned texts the pipeline read."""
    tally = Tally()
    for gold in articles:
        predicted = _ner_people(normalize(texts.get(gold.id, "")))
        pairs, missed, extras = align("people", gold.items("people"), gold.optional("people"), predicted)
        tally.add(len(pairs), len(extras), len(missed))
    return tally.as_dict()
