"""The fact-extraction pipeline: a blank Vietnamese spaCy pipeline with one registered
component per fact type, built once per process.

Order matters: later components read earlier ones' spans (phases read date ranges,
awards and people skip campaign names, statistics skip numbers inside any other fact).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the components)
from .doc import make_doc
from .facts import doc_to_facts

COMPONENTS = (
    "thidua_organizations",
    "thidua_date_ranges",
    "thidua_campaigns",
    "thidua_phases",
    "thidua_awards",
    "thidua_people",
    "thidua_statistics",
)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def analyse(text: str, published: str | None = None):
    """The processed Doc of a stored text (components have written doc.spans)."""
    nlp = get_nlp()
    return nlp(make_doc(nlp, text, published))


def extract_facts(text: str, published: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every fact of the article text, each with offsets into `text` and its sentence."""
    if not text or not text.strip():
        return doc_to_facts(make_doc(get_nlp(), "", published))
    return doc_to_facts(analyse(text, published))
