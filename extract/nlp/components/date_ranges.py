"""Component thidua_date_ranges: writes doc.spans["date_ranges"]. Rules: extract/rules/."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("thidua_date_ranges")
def date_ranges(doc: Doc) -> Doc:
    return doc
