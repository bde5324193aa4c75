"""Text dumps of pages (like corpus/seeds/) to CleanArticle.

A dump keeps a page's text with its boilerplate: an optional kicker line ("…:"), the headline,
the lead followed on the next lines by the titles of related articles, then blank-line
separated blocks. A block of several lines is a picture: its alt text (often the headline
again, or a file name such as "5831 img 1828") then its caption. The byline is a short line
after the last paragraph; the trailer starts at a heading such as "Có thể bạn quan tâm".
"""
from __future__ import annotations

import re

from thidua.record import Block, CleanArticle
from thidua.text import normalize, normalize_inline

from .authors import parse_byline
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


def _is_related_title(line: str, under_box: bool = False) -> bool:
    """A related article's headline; under a box heading a question or exclamation is one too."""
    endings = (".", "…", ";") if under_box else (".", "!", "?", "…", ";")
    return len(line) <= _RELATED_TITLE_MAX and not line.endswith(endings)


def _picture(lines: list[str]) -> list[Piece] | None:
    """A block of an alt line then caption lines, or None when the block reads as prose."""
    if lines[0] == _PICTURE:
        return [Piece("caption", line) for line in lines[1:] if line != _PICTURE]
    lists = wordlists()
    if lists.is_box_heading(lines[0]) or lists.is_trailer_heading(lines[0]):
        return None  # "Tin liên quan" over headlines: a box of links, not a picture and its caption
    if len(lines) < 2 or len(lines) > 4 or not _is_related_title(lines[0]):
        return None
    if any(len(line) > 400 for line in lines[1:]):
        return None
    return [Piece("caption", line) for line in lines[1:]]


def _without_link_box(lines: list[str], previous: list[str] | None) -> list[str]:
    """A block opening with a box heading ("Tin liên quan") and then headline-like lines is a
    box of related links inside the body, and goes; after the author line it is the trailer's
    first box and stays for the trailer rules."""
    if len(lines) < 2 or not wordlists().is_box_heading(lines[0]) or (previous and parse_byline(previous[-1])):
        return lines
    rest = lines[1:]
    while rest and _is_related_title(rest[0], under_box=True):
        rest = rest[1:]
    return rest


def _link_box_blocks(blocks: list[list[str]]) -> list[list[str]]:
    """Each box heading opens its own block, and "TIN LIÊN QUAN" on its own, a blank line, then
    its headlines make one box, as if unspaced, when prose follows it (otherwise it is the
    trailer and stays for the trailer rules)."""
    joined: list[list[str]] = []
    blocks = [part for block in blocks for part in _split_at_box_heading(block)]
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (len(block) == 1 and following and wordlists().is_box_heading(block[0])
                and all(_is_related_title(line, under_box=True) for line in following) and _prose_after(blocks, index + 2)):
            joined.append(block + following)
            index += 2
            continue
        joined.append(block)
        index += 1
    return joined


def _split_at_box_heading(block: list[str]) -> list[list[str]]:
    """A box heading inside a block ("… lead sentence.", "TIN LIÊN QUAN", headlines) opens a new one."""
    for index in range(1, len(block)):
        if wordlists().is_box_heading(block[index]) and index + 1 < len(block):
            return [block[:index], block[index:]]
    return [block]


def _prose_after(blocks: list[list[str]], start: int) -> bool:
    """A paragraph of the article follows (its first block after the box reads as prose)."""
    return start < len(blocks) and any(len(line) >= 80 and line.endswith((".", "!", "?", "…", ":", "”")) for line in blocks[start])


def _body_pieces(blocks: list[list[str]]) -> list[Piece]:
    pieces: list[Piece] = []
    blocks = _link_box_blocks(blocks)
    for index, block in enumerate(blocks):
        lines = _without_link_box(block, blocks[index - 1] if index else None)
        if not lines:
            continue
        picture = _picture(lines)
        if picture is not None:
            pieces.extend(picture)
            continue
        for line in (line for line in lines if line != _PICTURE):
            kind = "heading" if looks_like_heading(line) and not wordlists().is_trailer_heading(line) else "paragraph"
            pieces.append(Piece(kind, line))
    return pieces


_LEAD_MARK = re.compile(r"^\((?:[A-ZĐ]{1,6}O?)\)\s*[-–—]?")  # "(LĐTĐ) ", "(HG) – ", "(NLĐO) -"
_HEAD_BLOCKS = 8  # the lead is looked for this far into the dump


def _is_lead(line: str) -> bool:
    """The lead paragraph: prose (a sentence with a full stop, or long), or a line opening
    with the paper's mark. A headline ends without a full stop and is short."""
    words = len(line.split())
    if _is_menu(line):
        return False
    return bool(_LEAD_MARK.match(line)) or words >= 30 or (words >= 12 and line.endswith((".", "…")))


def _is_menu(line: str) -> bool:
    """A navigation or site-name line: most words capitalised ("Trang chủ Chính trị Kinh tế",
    "Người Lao Động Online"), or items set apart by runs of spaces or by "|", "»"."""
    words = line.split()
    capitals = sum(1 for word in words if word[:1].isupper())
    separated = line.count(" | ") >= 2 or " » " in line or " > " in line  # "Thời sự | Quốc tế | …", "Trang chủ » …"
    # a headline full of names ("TP HCM: Thi đua …, hướng tới Giải thưởng Tôn Đức Thắng") has punctuation or digits
    plain_words = not any(ch.isdigit() or ch in ":,;.?!“”\"" for ch in line)
    return separated or "  " in line or (len(words) >= 4 and capitals * 2 >= len(words) and plain_words)


def _find_lead(blocks: list[list[str]]) -> tuple[int, int] | None:
    for b, block in enumerate(blocks[:_HEAD_BLOCKS]):
        for i, line in enumerate(block):
            if line != _PICTURE and _is_lead(line) and (b, i) != (0, 0):
                return b, i
    return None


def _head_lines(lines: list[str]) -> tuple[str | None, str | None, str | None, str | None]:
    """Kicker, title, published and author among the lines above the lead: date lines, menus,
    section names and a byline sit there too on some sites."""
    published, bylines, candidates = None, [], []
    for line in lines:
        if is_date_line(line) or is_date_line(line.split("|")[0].strip()):  # "09:15 | 12/07/2024", "… | Công đoàn"
            published = _more_precise(published, parse_date_text(line))
        elif candidates and not is_kicker(line) and len(line.split()) <= 4 and (name := parse_byline(line)):
            bylines.append((len(candidates), name))  # "Thanh Tâm" under the headline
        else:
            candidates.append(line)
    titles = [i for i, line in enumerate(candidates) if not is_kicker(line) and len(line.split()) >= 4]
    plain = [i for i in titles if not _is_menu(candidates[i])]
    index = (plain or titles or [len(candidates) - 1])[-1]
    if index < 0:
        return None, None, published, None
    kicker = candidates[index - 1] if index > 0 and is_kicker(candidates[index - 1]) else None
    # an author line counts only under the headline: above it, a short line is a menu item
    author = next((name for position, name in bylines if position > index), None)
    return kicker, candidates[index], published, author


def _more_precise(known: str | None, found: str | None) -> str | None:
    """The first date seen, unless a later line gives the same day with its time
    ("Thứ Bảy, 26/10/2024" then "Cập nhật: 26/10/2024 - 09:12")."""
    if known and found and len(found) > len(known) and found.startswith(known[:10]):
        return found
    return known or found


def _head(blocks: list[list[str]]) -> tuple[dict, list[list[str]]]:
    """Kicker, title, lead, published and author from the top of the dump, and the body
    blocks after the lead (the related titles right under the lead dropped)."""
    found = _find_lead(blocks)
    if found is None:
        return _head_without_lead(blocks)
    b, i = found
    above = [line for block in blocks[:b] for line in block] + blocks[b][:i]
    kicker, title, published, author = _head_lines([line for line in above if line != _PICTURE])
    lead = blocks[b][i]
    after = blocks[b][i + 1:]
    boxed = bool(after) and wordlists().is_box_heading(after[0])  # "TIN LIÊN QUAN" over them: "…?" is a headline too
    extra = [line for line in after if not _is_related_title(line, under_box=boxed)]
    head = {"kicker": kicker, "title": title, "lead": lead, "published": published, "author": author}
    return head, ([extra] if extra else []) + blocks[b + 1:]


def _head_without_lead(blocks: list[list[str]]) -> tuple[dict, list[list[str]]]:
    """No lead paragraph near the top: the first line is the title, the rest is body."""
    published = None
    while blocks and is_date_line(blocks[0][0]):
        published = published or parse_date_text(blocks[0][0])
        blocks = [blocks[0][1:]] + blocks[1:] if len(blocks[0]) > 1 else blocks[1:]
    if not blocks:
        return {"kicker": None, "title": None, "lead": None, "published": published, "author": None}, []
    kicker = None
    first = blocks[0]
    if is_kicker(first[0]) and (len(first) > 1 or len(blocks) > 1):
        kicker = first[0]
        blocks = [first[1:]] + blocks[1:] if len(first) > 1 else blocks[1:]
    title = blocks[0][0]
    rest = [blocks[0][1:]] + blocks[1:] if len(blocks[0]) > 1 else blocks[1:]
    return {"kicker": kicker, "title": title, "lead": None, "published": published, "author": None}, rest


def _cut_after_byline(pieces: list[Piece]) -> list[Piece]:
    """The author line ends the article: a box heading right after it ("Nam Dương", then "Tin
    liên quan") opens the trailer. Inside a body such a heading only loses its links, but a
    dump keeps no links to tell the box from the text after it."""
    lists = wordlists()
    for index in range(1, len(pieces)):
        if lists.is_box_heading(pieces[index].text) and parse_byline(pieces[index - 1].text):
            return pieces[:index]
    return pieces


def clean_text_dump(text: str, url: str | None = None, site: str | None = None) -> CleanArticle:
    """The article in a text dump of a page, or CleanArticle.not_article(reason)."""
    if not isinstance(text, str) or not text.strip():
        return CleanArticle.not_article("empty text", url, site)
    if "\x00" in text[:4096]:
        return CleanArticle.not_article("binary data, not a text dump", url, site)
    blocks = _blocks(text)
    if not blocks:
        return CleanArticle.not_article("no text left after removing markup and file names", url, site)
    head, body = _head(blocks)
    title, lead, published = head["title"], head["lead"], head["published"]
    pieces = cut_trailer(_cut_after_byline(_body_pieces(body)))
    for piece in pieces:
        if is_date_line(piece.text):
            published = published or parse_date_text(piece.text)
    pieces = drop_noise(pieces, title, lead)
    pieces, author = take_byline(pieces, None)
    author = author or head["author"]
    if lead is None and not pieces:
        return CleanArticle.not_article("no article text in the dump", url, site)
    return CleanArticle(url=url, site=site, title=title, kicker=head["kicker"], lead=lead, author=author,
                        published=published, blocks=[Block(p.kind, p.text) for p in pieces],
                        method="text-dump")
