"""Component thidua_awards: writes doc.spans["awards"]. Rules: extract/rules/."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("thidua_awards")
def awards(doc: Doc) -> Doc:
    return doc
