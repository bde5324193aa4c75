"""Component thidua_organizations: writes doc.spans["organizations"]. Rules: extract/rules/."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("thidua_organizations")
def organizations(doc: Doc) -> Doc:
    return doc
