"""lxml helpers for cleaning: parsing, cached selectors, class words, texts and link density."""
from __future__ import annotations

import re
from functools import lru_cache

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

from thidua.text import normalize_inline

from .wordlists import wordlists

# Never article text, whatever the site.
# Not "form": ASP.NET pages wrap the whole page in one.
JUNK_TAGS = ("script", "style", "noscript", "iframe", "button", "select", "input", "textarea",
             "svg", "canvas", "template", "nav", "object", "embed", "video", "audio", "map")
BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tbody",
                        "thead", "tr", "td", "th", "figure", "figcaption", "blockquote", "section", "article",
                        "header", "footer", "aside", "main", "pre", "dl", "dt", "dd", "hr", "center"})
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[\s_\-]+")
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)


def parse_html(text: str) -> etree._Element | None:
    """The document root, or None when lxml finds no element at all."""
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
    return root if root is not None and len(root) else None


@lru_cache(maxsize=512)
def _compiled(selector: str) -> CSSSelector:
    return CSSSelector(selector)


def select(root: etree._Element, selector: str | None) -> list[etree._Element]:
    if not selector:
        return []
    try:
        return _compiled(selector)(root)
    except Exception:  # a malformed profile selector must not stop cleaning
        return []


def select_one(root: etree._Element, selector: str | None) -> etree._Element | None:
    found = select(root, selector)
    return found[0] if found else None


def class_words(element: etree._Element) -> set[str]:
    """Lower-case words of an element's class and id ('box-related_news' -> box, related, news)."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return set(_WORD_SPLIT.split(names)) - {""} if names.strip() else set()


def class_string(element: etree._Element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def has_class_word(element: etree._Element, words: frozenset[str]) -> bool:
    return bool(class_words(element) & words)


def is_boilerplate_box(element: etree._Element) -> bool:
    """By its class or id: a menu, share bar, related box, comment box, tag list, footer …"""
    names = class_string(element)
    if not names.strip():
        return False
    lists = wordlists()
    if class_words(element) & lists.boilerplate_class_words:
        return True
    return any(phrase in names for phrase in lists.boilerplate_class_phrases)


def text_of(element: etree._Element) -> str:
    """The element's text on one line, normalised."""
    return normalize_inline(element.text_content())


def link_text_length(element: etree._Element) -> int:
    return sum(len(a.text_content().strip()) for a in element.iter("a"))


def link_density(element: etree._Element, text: str | None = None) -> float:
    length = len(text if text is not None else element.text_content().strip())
    return min(1.0, link_text_length(element) / length) if length else 0.0


def has_block_child(element: etree._Element) -> bool:
    return any(isinstance(child.tag, str) and child.tag in BLOCK_TAGS for child in element.iterdescendants())


def meta_content(root: etree._Element, *keys: str) -> str | None:
    """The first non-empty content of <meta name|property|itemprop=key>."""
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            for meta in root.iterfind(f".//meta[@{attr}='{key}']"):
                value = normalize_inline(meta.get("content") or "")
                if value:
                    return value
    return None


def element_value(element: etree._Element, attr: str | None = None) -> str:
    """A selector's match read as a value: an attribute, a meta tag's content, or the text."""
    if attr:
        return normalize_inline(element.get(attr) or "")
    if element.tag == "meta":
        return normalize_inline(element.get("content") or "")
    return text_of(element)
