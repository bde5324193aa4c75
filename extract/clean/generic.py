"""The generic path: headline, kicker, lead and article container of a page of unknown layout.

The container is found by where the prose is: every paragraph of real text (long enough, few
links, not the summary of a teaser item) scores its parent and, half, its grandparent; the best
element wins, and grows to its parent while the parent holds much prose the winner lacks
(articles whose paragraphs are split over sibling boxes).
"""
from __future__ import annotations

import re

from lxml import etree

from thidua.text import match_key, normalize_inline

from .blocks import is_caption_element
from .dom import (
    BLOCK_TAGS,
    class_words,
    is_boilerplate_box,
    link_text_length,
    meta_content,
    text_content,
    text_of,
)
from .wordlists import wordlists

_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—]\s+")
_PROSE_TAGS = ("p", "pre", "blockquote", "div", "td", "section", "li")
_MIN_PROSE = 40


def site_name(root: etree._Element) -> str | None:
    return meta_content(root, "og:site_name", "application-name")


def split_title(title: str) -> list[str]:
    """A page title's parts ('Site - Headline | Section'). A dash between two numbers
    ('giai đoạn 2021 – 2023') or inside quotes ('“Xanh - Sạch - Đẹp”') is the headline's own."""
    parts, start = [], 0
    for match in _TITLE_SEPARATOR.finditer(title):
        before, after = title[:match.start()], title[match.end():]
        if before[-1:].isdigit() and after[:1].isdigit() or _inside_quotes(before):
            continue
        parts.append(title[start:match.start()])
        start = match.end()
    parts.append(title[start:])
    return [part for part in parts if part]


def _inside_quotes(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def strip_site_name(title: str, site: str | None) -> str:
    """'Headline - Báo Hậu Giang' -> 'Headline' (the longest part when the site is unknown)."""
    parts = split_title(title)
    if len(parts) < 2:
        return title
    if site and match_key(parts[-1]) == match_key(site):
        return " - ".join(parts[:-1]) if len(parts) > 2 else parts[0]
    if site and match_key(parts[0]) == match_key(site):
        return " - ".join(parts[1:])
    return title if site else max(parts, key=len)


def _words(text: str) -> set[str]:
    """Words of a text for likeness tests (the page is NFC already: no full normalisation)."""
    return set(text.casefold().replace("\u00a0", " ").split())


def _overlap(words_a: set[str], words_b: set[str]) -> float:
    return len(words_a & words_b) / max(1, len(words_a | words_b))


def find_title(root: etree._Element) -> tuple[str | None, etree._Element | None]:
    """The headline and its element: the h1 most like og:title/<title>, else og:title, else <title>."""
    site = site_name(root)
    hint = meta_content(root, "og:title", "twitter:title")
    if not hint:
        node = root.find(".//title")
        hint = text_of(node) if node is not None else None
    full_hint = hint
    hint = strip_site_name(hint, site) if hint else None
    hint_words = _words(hint) if hint else set()
    best, best_score = None, 0.0
    for heading in root.iter("h1", "h2", "h3"):
        text = text_content(heading).strip()
        if len(text) < 8 or heading.tag != "h1" and (not hint or not 0.5 < len(text) / len(hint) < 2):
            continue
        # A page without an h1 may print its headline in a lower heading: then it must match.
        score = (_overlap(_words(text), hint_words) if hint else 1.0) - (0 if heading.tag == "h1" else 0.3)
        if score > best_score and not is_boilerplate_box(heading):
            best, best_score = heading, score
        if not hint:
            break
    if best is not None and (best_score >= 0.5 or not hint):
        return text_of(best), best
    found = _title_printed_on_page(root, full_hint)
    if found is None:  # og:title may be cut short or worded apart from what the page prints
        node = root.find(".//title")
        page_title = text_of(node) if node is not None else None
        found = _title_printed_on_page(root, page_title) if page_title and page_title != full_hint else None
    return found or (hint, None)


def _title_printed_on_page(root: etree._Element, page_title: str | None):
    """(part, element) of the page title the page prints last before its prose starts: the
    headline, where the site's name is printed in the header first."""
    found = []
    for part in split_title(page_title) if page_title else ():
        element = _element_saying(root, part) if len(part) >= 8 else None
        if element is not None:
            found.append((text_of(element) if _is_cut(part) else normalize_inline(part), element))
    if len(found) < 2:
        return found[0] if found else None
    order = {element: index for index, element in enumerate(root.iter())}
    prose = next((order[p] for p in root.iter("p", "td", "div") if len(_own_text(p)) > 150), len(order))
    before = [pair for pair in found if order[pair[1]] < prose]
    return max(before or found, key=lambda pair: order[pair[1]])


def _element_saying(root: etree._Element, text: str) -> etree._Element | None:
    """The first element of the body whose whole text is `text` (a headline set in <b> or a cell,
    maybe spanning inline elements: '<b>Tổng kết</b> phong trào …')."""
    body = root.find("body")
    cut = _is_cut(text)
    key, opening = match_key(text.rstrip(".… ") if cut else text), text.casefold()[:8]
    for element in body.iter() if body is not None else ():
        # Check the start of the element's text before its whole text.
        if isinstance(element.tag, str) and element.tag not in ("a", "title") and \
                _leading_text(element).casefold().startswith(opening):
            candidate = text_content(element)
            size = len(candidate.strip())
            if cut and len(text) - 4 <= size <= 2 * len(text) and match_key(candidate).startswith(key):
                return element
            if abs(size - len(text)) < 10 and match_key(candidate) == key:
                return element
    return None


def _is_cut(text: str) -> bool:
    """A title cut short by the site ('Tổng kết phong trào “Công nhân giỏi…')."""
    return text.endswith(("...", "…")) and len(text) >= 20


def _leading_text(element: etree._Element) -> str:
    """The text an element opens with, down through inline children ('<font><b>Tổng …')."""
    for _ in range(4):
        text = (element.text or "").strip()
        if text or not len(element):
            return text
        element = element[0]
        if not isinstance(element.tag, str) or element.tag in BLOCK_TAGS:
            return ""
    return ""


def find_kicker(title_element: etree._Element | None) -> str | None:
    """A short line ending in ':' right above the headline."""
    if title_element is None:
        return None
    for sibling in title_element.itersiblings(preceding=True):
        if not isinstance(sibling.tag, str):
            continue
        text = text_of(sibling)
        if not text:
            continue
        return text if is_kicker(text) else None
    return None


def is_kicker(text: str) -> bool:
    return text.endswith(":") and len(text.split()) <= 15 and len(text) > 3


def teaser_holder(element: etree._Element) -> etree._Element | None:
    """The item a paragraph belongs to when it summarises a linked headline (listing and
    related-news items): it, its parent or its grandparent also holds one headline link."""
    if element.tag != "p" and _opens_with_headline_link(element):
        return element  # <td><a>Headline</a><br>summary…</td>
    holder = element.getparent()
    for _ in range(2):
        if holder is None:
            return None
        if any(_is_headline_link(child) for child in holder if child is not element):
            return holder
        holder = holder.getparent()
    return None


def _is_teaser(element: etree._Element) -> bool:
    """An item of a listing or related box, or the summary inside one."""
    return teaser_holder(element) is not None or any(_is_headline_link(child) for child in element) \
        or bool(_LINKED_HEADING(element))


_LINKED_HEADING = etree.XPath(".//*[self::h2 or self::h3 or self::h4 or self::h5][.//a]")


def _opens_with_headline_link(element: etree._Element) -> bool:
    first = next((child for child in element if isinstance(child.tag, str)), None)
    return first is not None and first.tag == "a" and not (element.text or "").strip() \
        and _is_headline_link(first) and sum(1 for _ in element.iterchildren("a")) == 1


def _is_headline_link(element: etree._Element) -> bool:
    """A link of headline length, alone or alone inside its wrapper (h3 > a, div.title > a)."""
    if not isinstance(element.tag, str):
        return False
    links = [a for a in element.iter("a") if text_content(a).strip()]
    if len(links) != 1:
        return False
    link_text = len(text_content(links[0]).strip())
    return link_text >= 15 and link_text >= 0.9 * len(text_content(element).strip())


def _own_text(element: etree._Element) -> str:
    """Text directly inside an element (not in its child elements)."""
    parts = [element.text or ""] + [child.tail or "" for child in element]
    return "".join(parts).strip()


def _paragraphs(root: etree._Element):
    """(element, length, teaser item or None) of each element holding a paragraph of text."""
    for element in root.iter(*_PROSE_TAGS):
        if element.tag in ("p", "pre", "blockquote", "li"):
            text = text_content(element).strip()
        else:
            text = _own_text(element)
        length = len(text)
        if length < _MIN_PROSE or element.tag != "p" and length < 80:
            continue
        links = link_text_length(element) if element.tag == "p" or length == len(text_content(element).strip()) \
            else sum(len(text_content(a).strip()) for a in element.iterchildren("a"))
        if links > 0.3 * length:
            continue
        yield element, length, teaser_holder(element)


def teaser_items(root: etree._Element) -> int:
    """How many headline-plus-summary items the page shows."""
    return PageParagraphs(root).teasers


class PageParagraphs:
    """The page's paragraphs, read once: its own prose and the teaser items it shows. The prose
    still in the page after boxes were dropped is what the container is chosen by."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        found = list(_paragraphs(root))
        self.teasers = len({holder for _, _, holder in found if holder is not None})
        self.prose = [(element, length) for element, length, holder in found if holder is None]

    def remaining_prose(self):
        for element, length in self.prose:
            if _top(element) is self.root:  # not inside a dropped box
                yield element, length


def _top(element: etree._Element) -> etree._Element:
    """The outermost ancestor (a removed box is its own top; getroottree() would name the page's)."""
    top = element
    for top in element.iterancestors():
        pass
    return top


def content_root(prose) -> etree._Element | None:
    """The element that holds the article's paragraphs, from (paragraph, length) pairs."""
    scores: dict[etree._Element, float] = {}
    mass: dict[etree._Element, int] = {}
    for element, length in prose:
        score = 1 + min(length / 100, 3)
        # Text written straight into a div or cell (lines split by <br>) makes that element the container.
        parent = element if element.tag in ("div", "td", "section") else element.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + score
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + score / 2
        for ancestor in element.iterancestors():
            mass[ancestor] = mass.get(ancestor, 0) + length
    if not scores:
        return None
    best = max(scores, key=scores.get)
    while True:
        parent = best.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return best
        if mass.get(parent, 0) - mass.get(best, 0) < 0.3 * mass.get(best, 1):
            return best
        best = parent


def find_lead(root: etree._Element, title_element: etree._Element | None,
              container: etree._Element | None) -> etree._Element | None:
    """The sapo: an element with a lead class, or the paragraph the meta description repeats,
    between the headline and the container or among the container's first elements; else a
    paragraph standing alone in its own box or cell between the headline and the container."""
    lead_words = wordlists().lead_class_words
    description = meta_content(root, "description", "og:description")
    key = match_key(description)[:50] if description and len(description) >= 40 else None
    standalone = None
    for element in _lead_zone(root, title_element, container):
        if element is container:
            continue
        text = text_of(element)
        if len(text) < 30 or len(text) > 1500 or link_text_length(element) > 0.3 * len(text) \
                or is_boilerplate_box(element) or _is_teaser(element):
            continue
        if class_words(element) & lead_words and not is_caption_element(element):
            return element
        if key and element.tag in _LEAD_TAGS and match_key(text)[:50] == key and len(text) < 1.5 * len(description):
            return element
        if standalone is None and title_element is not None and _is_standalone_paragraph(element, text, container):
            standalone = element
    return standalone


def _is_standalone_paragraph(element: etree._Element, text: str, container: etree._Element | None) -> bool:
    """A sentence-ended paragraph in a box of its own before the container (a lead cell of a
    table layout): no block inside it, no picture, not a caption, not in italics."""
    if len(text) < 80 or not text.endswith(_SENTENCE_END) or element.tag in ("a", "li", "h1"):
        return False
    if container is not None and (element is container or container in element.iterancestors()):
        return False
    if any(isinstance(child.tag, str) and child.tag in BLOCK_TAGS for child in element.iterdescendants()):
        return False
    if element.find(".//img") is not None or is_caption_element(element):
        return False
    italic = sum(len(text_content(child)) for child in element.iter("i", "em"))
    return italic < 0.5 * len(text)


_SENTENCE_END = (".", "!", "?", "…", "”", "\"", ")")


_LEAD_TAGS = frozenset({"p", "h2", "h3", "div", "strong", "b", "em", "span"})


def _lead_zone(root: etree._Element, title_element: etree._Element | None, container: etree._Element | None):
    """Elements after the headline, up to the first few inside the container."""
    started = title_element is None
    inside = 0
    for element in root.iter():
        if not started:
            started = element is title_element
            continue
        if container is not None:
            if element is container or container in element.iterancestors():
                inside += 1
                if inside > 15:
                    return
            elif inside:
                return
            elif title_element is None:
                continue
        if isinstance(element.tag, str):
            yield element
