"""Component thidua_people: writes doc.spans["people"]. Rules: extract/rules/."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("thidua_people")
def people(doc: Doc) -> Doc:
    return doc
