"""Filters over the blocks of an article, shared by HTML pages and text dumps.

In order: the trailer ("Có thể bạn quan tâm", "Tin khác" … and all after) goes; boxes of links
opened by "Xem thêm" inside the body go; link lists, footer lines, image file names, stray
markup, date lines and repeats of the title or lead go; the byline becomes the author.
"""
from __future__ import annotations

import re

from thidua.text import match_key

from .authors import parse_byline, same_author
from .blocks import Piece
from .dates import parse_date_text
from .wordlists import wordlists

LINK_HEAVY = 0.5  # a block more than half link text is a link list, not prose
_DATE_WORDS = re.compile(r"^[\W\d\s]*(?:(?:thứ\s+\S+|chủ nhật|ngày đăng|đăng ngày|cập nhật|đăng lúc|lúc|vào|gmt|utc|sa|ch|am|pm|"
                         r"ngày|tháng|năm)[\W\d\s]*)*$", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", "…", ":", ";", "\"", "”", ")")


def cut_trailer(pieces: list[Piece]) -> list[Piece]:
    """Everything before the first trailer heading; a "Xem thêm" box in the body only loses its links."""
    lists = wordlists()
    kept: list[Piece] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if lists.is_box_heading(piece.text) and _prose_follows(pieces, index + 1):
            index += 1
            while index < len(pieces) and pieces[index].links > LINK_HEAVY:
                index += 1
            continue
        if lists.is_trailer_heading(piece.text):
            break
        kept.append(piece)
        index += 1
    return kept


def _prose_follows(pieces: list[Piece], start: int) -> bool:
    """After a run of link blocks, a real paragraph of the article follows (maybe under a sub-heading)."""
    index = start
    while index < len(pieces) and pieces[index].links > LINK_HEAVY:
        index += 1
    if index < len(pieces) and pieces[index].kind == "heading" and pieces[index].links <= LINK_HEAVY:
        index += 1
    return index > start and index < len(pieces) and is_prose(pieces[index])


def is_prose(piece: Piece) -> bool:
    return piece.kind == "paragraph" and piece.links <= 0.3 and len(piece.text) >= 80


def is_date_line(text: str) -> bool:
    """A line that is only a date and time ("Thứ Hai, 22/01/2024 - 10:15", "09/01/2024 | 07:31 GMT+7")."""
    return len(text) <= 60 and parse_date_text(text) is not None and _DATE_WORDS.match(text) is not None


def drop_noise(pieces: list[Piece], title: str | None, lead: str | None) -> list[Piece]:
    """Drop link lists, footer lines, junk lines, date lines and repeats of the title or lead."""
    lists = wordlists()
    seen = {match_key(title)} if title else set()
    lead_key = match_key(lead)[:60] if lead else None
    kept = []
    for piece in pieces:
        text = piece.text
        key = match_key(text)
        if piece.links > LINK_HEAVY or lists.is_footer_line(text) or lists.is_junk_line(text) \
                or is_date_line(text) or key in seen or (lead_key and key.startswith(lead_key)):
            continue
        if piece.kind != "caption":  # two pictures may share a caption; a paragraph is said once
            seen.add(key)
        kept.append(piece)
    return kept


def take_byline(pieces: list[Piece], author: str | None) -> tuple[list[Piece], str | None]:
    """Remove the byline (last lines, or the first) from the blocks; the author it names."""
    ends = list(range(len(pieces) - 1, max(-1, len(pieces) - 4), -1)) + [0]
    for index in ends:
        if index >= len(pieces):
            continue
        text = pieces[index].text
        if author and same_author(text, author):
            return pieces[:index] + pieces[index + 1:], author
        found = None if author else parse_byline(text)
        if found and (index > 0 or len(pieces) == 1 or pieces[index].kind != "heading"):
            return pieces[:index] + pieces[index + 1:], found
    return pieces, author


def looks_like_heading(text: str) -> bool:
    """A short line without a sentence end: a sub-heading in a text dump."""
    return len(text.split()) <= 20 and not text.rstrip().endswith(_SENTENCE_END)
