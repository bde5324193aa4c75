"""Component thidua_campaigns: writes doc.spans["campaigns"]. Rules: extract/rules/."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("thidua_campaigns")
def campaigns(doc: Doc) -> Doc:
    return doc
