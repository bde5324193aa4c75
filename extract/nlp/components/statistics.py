"""Component thidua_statistics: writes doc.spans["statistics"]. Rules: extract/rules/."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("thidua_statistics")
def statistics(doc: Doc) -> Doc:
    return doc
