"""Bytes of a page to text: the charset from the BOM, the HTTP header, the page's meta tag or
sniffing, then Unicode NFC.

Vietnamese pages come in UTF-8 (often served or declared as latin-1/windows-1252 by mistake),
windows-1258 (whose Python codec yields base letters plus combining tone marks: NFC after) and
occasionally NFD text. Bytes that are valid UTF-8 are read as UTF-8 whatever the label says:
text in a legacy charset is almost never valid UTF-8 by accident.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from thidua.text import normalize

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_.:-]+)", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Labels the HTML standard reads as another codec (a page "in latin-1" is windows-1252).
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
            "ascii": "cp1252", "windows-1258": "cp1258", "x-user-defined": "cp1252"}
# Letters only Vietnamese uses: many of them after decoding means the guess was right.
_VIETNAMESE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")


def charset_from_header(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def charset_from_meta(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def _codec(label: str | None) -> str | None:
    """Python's codec for a charset label, or None when Python does not know it."""
    if not label:
        return None
    label = _ALIASES.get(label.strip().lower(), label.strip().lower())
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _sniff_legacy(body: bytes) -> str:
    """For bytes that are not UTF-8 and carry no usable label: windows-1258 or windows-1252,
    whichever reads as more Vietnamese."""
    sample = body[:65536]
    as_1258 = unicodedata.normalize("NFC", sample.decode("cp1258", errors="replace"))
    as_1252 = sample.decode("cp1252", errors="replace")
    if len(_VIETNAMESE.findall(as_1258)) > len(_VIETNAMESE.findall(as_1252)):
        return "cp1258"
    return "cp1252"


def pick_codec(body: bytes, content_type: str | None = None) -> str:
    """The codec to read `body` with (see the module note for the order of the clues)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    if _mostly_utf8(body):
        return "utf-8"
    # Not UTF-8 whatever the page says (a page re-encoded keeps its old "utf-8" label).
    declared = _codec(charset_from_header(content_type)) or _codec(charset_from_meta(body))
    if declared and declared not in ("utf-8", "cp1252"):
        return declared
    return _sniff_legacy(body)


def _mostly_utf8(body: bytes) -> bool:
    """Valid UTF-8, or UTF-8 with a stray broken byte: legacy text breaks on nearly every letter."""
    try:
        body.decode("utf-8")
        return True
    except UnicodeDecodeError:
        pass
    non_ascii = sum(1 for byte in body[:65536] if byte > 127)
    broken = body[:65536].decode("utf-8", errors="replace").count("\ufffd")
    return broken <= max(1, non_ascii // 50)


def decode_fast(body: bytes | str, content_type: str | None = None) -> str:
    """Text of a page in NFC with Ð (U+00D0) read as Đ, other spacing left as it is.

    Cleaning uses this and normalises each extracted piece: running the full normalisation
    over a whole page costs more than the rest of cleaning together.
    """
    if isinstance(body, bytes):
        codec = pick_codec(body, content_type)
        start = next((len(bom) for bom, name in _BOMS if name == codec and body.startswith(bom)), 0)
        text = body[start:].decode(codec, errors="replace")
    else:
        text = body
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111").replace("\ufeff", "")


def decode_html(body: bytes | str, content_type: str | None = None) -> str:
    """Text of a page, decoded (BOM, header, meta, sniffing) and normalised (thidua.text.normalize)."""
    return normalize(decode_fast(body, content_type))
