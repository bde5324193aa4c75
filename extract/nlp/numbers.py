"""Vietnamese numbers as written in news text: digit groups, decimal commas, scale words.

Vietnamese groups thousands with a dot and marks decimals with a comma ("52.223",
"1.157,42", "2,2 triệu"); some writers use the English convention ("1,234,567", "1.5").
`parse_number` settles which one a string follows from the shape of its groups.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .rules import load_rules

MAX_NUMBER_CHARS = 24

_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d{1,3}(?:,\d{3})+\.\d+")
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_DECIMAL_DOT = re.compile(r"\d+\.\d+")
_PLAIN = re.compile(r"\d+")


def _tidy(value: float) -> int | float:
    """Integral values as int; others rounded to drop float noise (258.7 * 1e9)."""
    if abs(value - round(value)) < 1e-9 * max(1.0, abs(value)):
        return round(value)
    return round(value, 6)


def parse_number(text: str) -> int | float | None:
    """The value of a written number ("52.223" -> 52223, "1.157,42" -> 1157.42), or None."""
    text = (text or "").strip()
    if len(text) > MAX_NUMBER_CHARS:  # a digit run this long is data, not a quantity
        return None
    if _PLAIN.fullmatch(text):
        return int(text)
    if _THOUSANDS_DOT.fullmatch(text):
        return _tidy(float(text.replace(".", "").replace(",", ".")))
    if _THOUSANDS_COMMA.fullmatch(text):
        return _tidy(float(text.replace(",", "")))
    if _DECIMAL_COMMA.fullmatch(text):
        return _tidy(float(text.replace(",", ".")))
    if _DECIMAL_DOT.fullmatch(text):  # "1.5" (not three digits after the dot: not a thousands group)
        return _tidy(float(text))
    return None


@lru_cache(maxsize=1)
def scale_words() -> dict[str, int]:
    return {word.lower(): int(value) for word, value in load_rules("numbers")["scale_words"].items()}


@lru_cache(maxsize=1)
def qualifier_words() -> tuple[str, ...]:
    """Qualifiers, longest first so "ít nhất" wins over a shorter word."""
    return tuple(sorted(load_rules("numbers")["qualifiers"], key=len, reverse=True))


def scale_pattern() -> str:
    """Regex alternation of the scale words, longest first."""
    words = sorted(scale_words(), key=len, reverse=True)
    return "|".join(re.escape(word) for word in words)


def apply_scales(value: float, words: list[str]) -> int | float:
    """The value times each scale word ("2,2" ["triệu"] -> 2200000; ["nghìn", "tỷ"] -> 1e12)."""
    scales = scale_words()
    for word in words:
        value = value * scales[word.lower()]
    return _tidy(float(value))


def qualifier_before(text: str) -> str | None:
    """The qualifier ending `text` (the characters right before a number), if any."""
    tail = text[-20:].lower().rstrip()
    for word in qualifier_words():
        if tail.endswith(word) and (len(tail) == len(word) or not tail[-len(word) - 1].isalnum()):
            return word
    return None
