"""The article container's elements to text blocks in reading order.

Paragraphs, sub-headings (h2-h6, or a paragraph that is one short bold run) and captions
(figcaption, caption classes, the text cell of an image table, an italic line under a picture).
Boxes that are not the article's (by class, or opened by a heading such as "Tin khác") are
skipped while walking, so nothing in them reaches the text.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from thidua.text import normalize_inline

from .dom import (
    BLOCK_TAGS,
    class_words,
    is_boilerplate_box,
    link_text_length,
    text_content,
)
from .wordlists import wordlists

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PARAGRAPH_TAGS = frozenset({"p", "li", "blockquote", "pre", "dd", "dt", "center"})
_BOLD_TAGS = frozenset({"strong", "b"})
_ITALIC_TAGS = frozenset({"em", "i"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "iframe", "button", "nav", "aside", "footer",
                        "svg", "select", "textarea", "input", "template", "video", "audio"})


@dataclass
class Piece:
    """A block while cleaning: its text plus the clues later filters need."""

    kind: str
    text: str
    links: float = 0.0  # share of the text that is link text
    bold: bool = False  # the whole text is one bold run
    element: etree._Element | None = None


def is_caption_element(element: etree._Element) -> bool:
    """A figcaption, or an element whose class says caption ("image_desc", "PhotoCMS_Caption" …)."""
    if element.tag == "figcaption":
        return True
    return bool(class_words(element) & wordlists().caption_class_words) or \
        "image_desc" in (element.get("class") or "") or "desc" == (element.get("class") or "")


def _whole_run(element: etree._Element, tags: frozenset[str], text: str) -> bool:
    """Whether all of the element's text sits inside child elements with one of `tags`."""
    inner = sum(len(normalize_inline(text_content(child))) for child in element.iter(*tags) if child is not element)
    return inner >= len(text) * 0.9


class BlockWalker:
    """Collects Pieces from a container, skipping boilerplate boxes and elements in `skip`."""

    def __init__(self, skip: set | None = None, captions: set | None = None) -> None:
        self.pieces: list[Piece] = []
        self.skip = skip or set()
        self.captions = captions or set()
        self.in_picture = False

    def walk(self, container: etree._Element) -> list[Piece]:
        self._visit(container, top=True)
        return self.pieces

    def _visit(self, element: etree._Element, top: bool = False) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _SKIP_TAGS or element in self.skip:
            return
        if not top and (is_boilerplate_box(element) or tag not in _PARAGRAPH_TAGS and is_link_box(element)):
            return
        if tag in HEADING_TAGS:
            self._emit("heading", element)
        elif element in self.captions or is_caption_element(element):
            self._emit("caption", element)
            self.in_picture = False  # the picture has its caption: what follows is text again
        elif tag == "table":
            self._table(element)
        elif (tag in _PARAGRAPH_TAGS or tag == "div") and not _has_block_descendant(element):
            self._paragraph(element)
        else:
            self._container(element)

    def _paragraph(self, element: etree._Element) -> None:
        has_image = element.find(".//img") is not None
        piece = self._emit("paragraph", element)
        if piece is None:
            self.in_picture = has_image
            return
        if (self.in_picture or has_image) and _whole_run(element, _ITALIC_TAGS, piece.text):
            piece.kind = "caption"
        elif piece.bold and len(piece.text.split()) <= 25 and not piece.text.endswith((".", ":", "?", "!")):
            piece.kind = "heading"
        self.in_picture = False

    def _container(self, element: etree._Element) -> None:
        """A div-like element: visit block children, gather loose inline text between them."""
        loose: list[str] = [element.text or ""]
        linked = 0  # characters of link text in the loose run
        for child in element:
            if not isinstance(child.tag, str):
                loose.append(child.tail or "")
                continue
            if child.tag in BLOCK_TAGS or child.tag == "br" or _has_block_descendant(child):
                self._loose(loose, linked)
                loose, linked = [], 0
                if child.tag == "img" or child.find(".//img") is not None and not text_content(child).strip():
                    self.in_picture = True
                self._visit(child)
            elif child.tag == "img":
                self.in_picture = True
            elif child.tag not in _SKIP_TAGS:
                loose.append(text_content(child))
                linked += link_text_length(child) if child.tag != "a" else len(text_content(child).strip())
            loose.append(child.tail or "")
        self._loose(loose, linked)

    def _loose(self, parts: list[str], linked: int) -> None:
        text = normalize_inline(" ".join(parts))
        if text:
            kind = "caption" if self.in_picture and len(text) < 300 else "paragraph"
            self.pieces.append(Piece(kind, text, links=min(1.0, linked / len(text))))
            self.in_picture = False

    def _table(self, table: etree._Element) -> None:
        """An image table gives its caption; a data table gives one line per row; a layout table
        (long text, paragraphs in its cells) is walked like any container."""
        cells = list(table.iter("td", "th"))
        if any(_has_block_descendant(cell) or len(text_content(cell)) > 300 for cell in cells):
            self._container(table)
            return
        if table.find(".//img") is not None:
            self.in_picture = True
            for cell in cells:
                if cell.find(".//img") is None:
                    self._emit("caption", cell)
            self.in_picture = False
            return
        for row in table.iter("tr"):
            cells = [normalize_inline(text_content(cell)) for cell in row if cell.tag in ("td", "th")]
            text = " | ".join(cell for cell in cells if cell)
            if text:
                self.pieces.append(Piece("paragraph", text, element=row))

    def _emit(self, kind: str, element: etree._Element) -> Piece | None:
        text = normalize_inline(text_content(element))
        if not text:
            return None
        links = min(1.0, link_text_length(element) / len(text))
        bold = kind == "paragraph" and _whole_run(element, _BOLD_TAGS, text)
        piece = Piece(kind, text, links, bold, element)
        self.pieces.append(piece)
        return piece


def is_link_box(element: etree._Element) -> bool:
    """A box that is not the article's, by its shape: a related box (opened by "Có liên quan",
    "Xem thêm" … then mostly links) or a share/like bar (only page controls: "Chia sẻ:",
    "Facebook", "In", "Thích", "Đang tải...")."""
    lines = _text_lines(element, 12)
    if len(lines) < 2:
        return False
    lists = wordlists()
    if len(lines) <= 12 and all(lists.is_ui_line(line) for line in lines):
        return True
    heading = lines[0]
    rest = len(text_content(element).strip()) - len(heading)
    if rest <= 0:
        return False
    links = link_text_length(element)
    if lists.is_share_heading(heading):
        return links >= 0.5 * rest or len(lines) <= 12 and all(lists.is_ui_line(line) for line in lines[1:])
    if not (lists.is_box_heading(heading) or lists.is_trailer_heading(heading)):
        return False
    # Related items may carry a date or a summary under each linked headline.
    headlines = sum(1 for link in element.iter("a") if len(text_content(link).strip()) >= 15)
    return links >= 0.5 * rest or headlines >= 2 and links >= 0.3 * rest


def _text_lines(element: etree._Element, most: int) -> list[str]:
    """The first `most` non-blank text nodes of an element, stripped (most+1 means 'more')."""
    lines = []
    for text in element.itertext():
        text = text.strip()
        if text:
            lines.append(text)
            if len(lines) > most:
                break
    return lines


def _has_block_descendant(element: etree._Element) -> bool:
    return any(isinstance(el.tag, str) and el.tag in BLOCK_TAGS for el in element.iterdescendants())
