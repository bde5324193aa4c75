"""Text dumps of pages (like corpus/seeds/) to CleanArticle.

A dump keeps a page's text with its boilerplate: an optional kicker line ("…:"), the headline,
the lead followed on the next lines by the titles of related articles, then blank-line
separated blocks. A block of several lines is a picture: its alt text (often the headline
again, or a file name such as "5831 img 1828") then its caption. The byline is a short line
after the last paragraph; the trailer starts at a heading such as "Có thể bạn quan tâm".
"""
from __future__ import annotations

from thidua.record import Block, CleanArticle
from thidua.text import normalize, normalize_inline

from .blocks import Piece
from .dates import parse_date_text
from .filters import (
    cut_trailer,
    drop_noise,
    is_date_line,
    looks_like_heading,
    take_byline,
)
from .generic import is_kicker
from .wordlists import wordlists

_RELATED_TITLE_MAX = 250  # a related-article title is a line this short without a sentence end


_PICTURE = "\x00picture"  # stands for an image file name: the lines after it are a caption


def _blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks of non-empty lines, junk lines (markup, file names) dropped."""
    lists = wordlists()
    blocks, current = [], []
    for line in normalize(text).split("\n"):
        line = normalize_inline(line)
        if not line:
            if current:
                blocks.append(current)
            current = []
        elif lists.is_image_name(line):
            current.append(_PICTURE)
        elif not lists.is_junk_line(line):
            current.append(line)
    if current:
        blocks.append(current)
    if len(blocks) <= 3 and sum(len(block) for block in blocks) >= 8:
        return _line_blocks(blocks)
    return blocks


def _line_blocks(blocks: list[list[str]]) -> list[list[str]]:
    """A dump without blank lines between paragraphs: every line is a block (a caption keeps
    the picture mark before it)."""
    out: list[list[str]] = []
    for line in (line for block in blocks for line in block):
        if out and out[-1] == [_PICTURE]:
            out[-1].append(line)
        else:
            out.append([line])
    return out


def _is_related_title(line: str) -> bool:
    return len(line) <= _RELATED_TITLE_MAX and not line.endswith((".", "!", "?", "…", ";"))


def _picture(lines: list[str]) -> list[Piece] | None:
    """A block of an alt line then caption lines, or None when the block reads as prose."""
    if lines[0] == _PICTURE:
        return [Piece("caption", line) for line in lines[1:] if line != _PICTURE]
    if len(lines) < 2 or len(lines) > 4 or not _is_related_title(lines[0]):
        return None
    if any(len(line) > 400 for line in lines[1:]):
        return None
    return [Piece("caption", line) for line in lines[1:]]


def _body_pieces(blocks: list[list[str]]) -> list[Piece]:
    pieces: list[Piece] = []
    for lines in blocks:
        picture = _picture(lines)
        if picture is not None:
            pieces.extend(picture)
            continue
        for line in (line for line in lines if line != _PICTURE):
            kind = "heading" if looks_like_heading(line) and not wordlists().is_trailer_heading(line) else "paragraph"
            pieces.append(Piece(kind, line))
    return pieces


def _head(blocks: list[list[str]]) -> tuple[str | None, str | None, str | None, list[list[str]]]:
    """Kicker, title and lead from the first blocks; the related titles under the lead go."""
    kicker = None
    first = blocks[0]
    if is_kicker(first[0]) and (len(first) > 1 or len(blocks) > 1):
        kicker = first[0]
        blocks = [first[1:]] + blocks[1:] if len(first) > 1 else blocks[1:]
    title_block = blocks[0]
    title = title_block[0]
    rest = [title_block[1:]] + blocks[1:] if len(title_block) > 1 else blocks[1:]
    if not rest:
        return kicker, title, None, []
    lead_block = rest[0]
    lead = lead_block[0] if not looks_like_heading(lead_block[0]) else None
    if lead is None:
        return kicker, title, None, rest
    extra = [line for line in lead_block[1:] if not _is_related_title(line)]
    return kicker, title, lead, ([extra] if extra else []) + rest[1:]


def clean_text_dump(text: str, url: str | None = None, site: str | None = None) -> CleanArticle:
    """The article in a text dump of a page, or CleanArticle.not_article(reason)."""
    if not isinstance(text, str) or not text.strip():
        return CleanArticle.not_article("empty text", url, site)
    if "\x00" in text[:4096]:
        return CleanArticle.not_article("binary data, not a text dump", url, site)
    blocks = _blocks(text)
    if not blocks:
        return CleanArticle.not_article("no text left after removing markup and file names", url, site)
    published = None
    while blocks and is_date_line(blocks[0][0]):
        published = published or parse_date_text(blocks[0][0])
        blocks = [blocks[0][1:]] + blocks[1:] if len(blocks[0]) > 1 else blocks[1:]
    kicker, title, lead, body = _head(blocks)
    pieces = cut_trailer(_body_pieces(body))
    for piece in pieces:
        if is_date_line(piece.text):
            published = published or parse_date_text(piece.text)
    pieces = drop_noise(pieces, title, lead)
    pieces, author = take_byline(pieces, None)
    if lead is None and not pieces:
        return CleanArticle.not_article("no article text in the dump", url, site)
    return CleanArticle(url=url, site=site, title=title, kicker=kicker, lead=lead, author=author,
                        published=published, blocks=[Block(p.kind, p.text) for p in pieces],
                        method="text-dump")
