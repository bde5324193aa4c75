"""Component thidua_phases: writes doc.spans["phases"]. Rules: extract/rules/."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("thidua_phases")
def phases(doc: Doc) -> Doc:
    return doc
