"""lxml helpers for cleaning: parsing, cached selectors, class words, texts and link density."""
from __future__ import annotations

import re
from functools import lru_cache

from cssselect import SelectorError
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
# Plain lxml elements, not lxml.html's: its element class lookup costs more than the parse itself.
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
_STRING = etree.XPath("string()", smart_strings=False)


def parse_html(text: str) -> etree._Element | None:
    """The document root, or None when lxml finds no element at all."""
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        root = etree.fromstring(text, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    if root is None or not len(root):
        return None
    for line_break in root.iter("br"):  # words either side of a <br> must not run together
        line_break.tail = "\n" + (line_break.tail or "")
    return root


def text_content(element: etree._Element) -> str:
    """All text inside an element, as lxml.html's text_content() gives it."""
    return _STRING(element)


def drop_tree(element: etree._Element) -> None:
    """Remove an element and its children, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


@lru_cache(maxsize=512)
def _compiled(selector: str) -> CSSSelector:
    return CSSSelector(selector)


def select(root: etree._Element, selector: str | None) -> list[etree._Element]:
    if not selector:
        return []
    try:
        return _compiled(selector)(root)
    except (SelectorError, etree.XPathError):  # a malformed profile selector must not stop cleaning
        return []




def class_words(element: etree._Element) -> set[str]:
    """Lower-case words of an element's class and id ('box-related_news' -> box, related, news)."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return set(_WORD_SPLIT.split(names)) - {""} if names.strip() else set()


def class_string(element: etree._Element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()




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
    return normalize_inline(text_content(element))


def link_text_length(element: etree._Element) -> int:
    return sum(len(text_content(a).strip()) for a in element.iter("a"))






_META_CACHE: list = [None, {}]  # the last page's root and its meta tags: one scan per page


def _meta_tags(root: etree._Element) -> dict[str, str]:
    """Content of every <meta> by its property, name or itemprop (the first non-empty wins)."""
    if _META_CACHE[0] is not root:
        found: dict[str, str] = {}
        for meta in root.iter("meta"):
            content = meta.get("content")
            if not content or not content.strip():
                continue
            for attr in ("property", "name", "itemprop"):
                key = meta.get(attr)
                if key:
                    found.setdefault(key, content)
        _META_CACHE[:] = [root, found]
    return _META_CACHE[1]


def meta_content(root: etree._Element, *keys: str) -> str | None:
    """The first non-empty content of <meta name|property|itemprop=key>, normalised."""
    tags = _meta_tags(root)
    for key in keys:
        if key in tags:
            return normalize_inline(tags[key]) or None
    return None


def element_value(element: etree._Element, attr: str | None = None) -> str:
    """A selector's match read as a value: an attribute, a meta tag's content, or the text."""
    if attr:
        return normalize_inline(element.get(attr) or "")
    if element.tag == "meta":
        return normalize_inline(element.get("content") or "")
    return text_of(element)
