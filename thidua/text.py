"""Vietnamese text normalisation, applied once where text enters the system.

Stored text is NFC with its diacritics intact; folding (no diacritics, đ -> d, lower case)
is only ever used to build search and matching keys.
"""
from __future__ import annotations

import re
import unicodedata

# U+00D0 (Icelandic eth) is often typed for Vietnamese Đ (U+0110); both look alike.
# (str.replace, not str.translate: translate is several times slower on whole pages.)
_LOOKALIKES = (("\u00d0", "\u0110"), ("\u00f0", "\u0111"))
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200c\u200d\u2060\ufeff]")
_EDGE_SPACES = re.compile(r" ?\n ?")

# Tone placement varies for "oa", "oe", "uy" at the end of a syllable ("hoà"/"hòa",
# "thuỷ"/"thủy"). Matching keys put the tone on the first vowel; stored text keeps the original.
_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"
_MOVABLE_TONE = re.compile(rf"(?i)([ou])([aey])([{_TONE_MARKS}])(?![a-z\u0300-\u036f])")


def normalize(text: str) -> str:
    """NFC, look-alike letters fixed, odd spaces unified. Line breaks are kept."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    for lookalike, letter in _LOOKALIKES:
        text = text.replace(lookalike, letter)
    text = _ZERO_WIDTH.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    # one pass over the whole text: odd spaces to one space, then no space around line breaks
    return _EDGE_SPACES.sub("\n", _SPACES.sub(" ", text)).strip(" ")


def normalize_inline(text: str) -> str:
    """normalize() for one-line values (titles, names): every whitespace run becomes one space."""
    return " ".join(normalize(text).split())


def unify_tones(text: str) -> str:
    """Tone marks placed one way ("hoà", "thuỷ" -> "hòa", "thủy") for matching keys."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _MOVABLE_TONE.sub(r"\1\3\2", decomposed))


def _fold_char(ch: str) -> str:
    """One character folded to at most one: lower case, no diacritics, đ -> d.

    A lone combining mark folds to nothing, so fold_aligned keeps it (the only case where
    the two folds differ) and fold drops it.
    """
    if ch in "đĐ":
        return "d"
    lowered = ch.lower()
    base = "".join(c for c in unicodedata.normalize("NFD", lowered) if unicodedata.category(c) != "Mn")
    return base if len(base) <= 1 else (lowered if len(lowered) == 1 else ch)


class _FoldTable(dict):
    """A str.translate table filled on first sight of each character (translate runs in C).

    `aligned` tables never fold a character to nothing, so the result keeps every offset.
    """

    def __init__(self, aligned: bool) -> None:
        super().__init__()
        self.aligned = aligned

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded = chr(code) if self.aligned and not folded else folded
        return folded


_FOLD_TABLE = _FoldTable(aligned=False)
_ALIGNED_FOLD_TABLE = _FoldTable(aligned=True)


def fold_aligned(text: str) -> str:
    """fold() character for character: the result has the original's offsets (for highlighting)."""
    return text.translate(_ALIGNED_FOLD_TABLE)


def fold(text: str) -> str:
    """Search key: lower case, no diacritics, đ -> d, single spaces."""
    return " ".join(text.translate(_FOLD_TABLE).split())


def match_key(text: str) -> str:
    """Key for comparing names: case-, spacing-, quote- and tone-placement-insensitive."""
    text = re.sub(r"[\"“”„‘’'«»]", "", normalize_inline(text))
    return " ".join(unify_tones(text).lower().split()).strip(" .,;:-–")
