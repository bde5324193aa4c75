"""HTML pages to CleanArticle: the site profile's selectors first, the generic path otherwise
(unknown sites, and known sites whose layout no longer matches their profile)."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from lxml import etree
from thidua.crawler.profiles import host_of, profile_for
from thidua.crawler.profiles.base import ArticleSelectors

from thidua.record import Block, CleanArticle
from thidua.text import match_key, normalize_inline

from .authors import author_from_metadata, parse_byline
from .blocks import BlockWalker, Piece
from .dates import date_from_metadata, date_from_selector, date_near_title
from .decode import decode_fast
from .dom import (
    JUNK_TAGS,
    class_words,
    drop_tree,
    element_value,
    is_boilerplate_box,
    meta_content,
    parse_html,
    select,
    text_content,
    text_of,
)
from .filters import cut_trailer, drop_noise, is_prose, take_byline
from .generic import (
    PageParagraphs,
    content_root,
    find_kicker,
    find_lead,
    find_title,
    is_kicker,
    site_name,
    strip_site_name,
    teaser_items,
)
from .pagekind import (
    MIN_ARTICLE_CHARS,
    bad_input_reason,
    challenge_reason,
    listing_reason,
)
from .wordlists import wordlists

log = logging.getLogger(__name__)


@dataclass
class Parts:
    """What one path (profile or generic) found on the page, before the shared filters."""

    title: str | None = None
    title_element: etree._Element | None = None
    kicker: str | None = None
    lead: str | None = None
    container: etree._Element | None = None
    pieces: list[Piece] = field(default_factory=list)
    author: str | None = None
    published: str | None = None
    teasers: int | None = None  # headline-plus-summary items on the page, when counted


def clean_html(body: bytes | str, url: str | None = None, content_type: str | None = None) -> CleanArticle:
    """The article of an HTML page, or CleanArticle.not_article(reason). Never raises."""
    site = host_of(url)
    try:
        return _clean(body, url, content_type, site)
    except Exception as error:  # one bad page must not stop a crawl or an eval run
        log.warning("cleaning %s failed", url or "page", exc_info=True)
        return CleanArticle.not_article(f"cleaning failed ({type(error).__name__}: {error})", url, site)


def _clean(body, url: str | None, content_type: str | None, site: str | None) -> CleanArticle:
    reason = bad_input_reason(body, content_type)
    if reason:
        return CleanArticle.not_article(reason, url, site)
    text = decode_fast(body, content_type)
    root = parse_html(text)
    if root is None:
        return CleanArticle.not_article("no HTML elements in the page", url, site)
    reason = challenge_reason(text, len(text_content(root).strip())) if len(text) < 20000 else None
    if reason:
        return CleanArticle.not_article(reason, url, site)
    canonical = _canonical(root)
    meta_date = date_from_metadata(root)  # before scripts go: JSON-LD lives in a script
    meta_author = author_from_metadata(root, site_name(root))
    etree.strip_elements(root, *JUNK_TAGS, with_tail=False)
    profile = profile_for(url)
    parts, method = (_profile_parts(root, profile.article), "profile") if profile else (None, "generic")
    if parts is None:
        if profile:
            log.info("%s: profile %s no longer matches, generic path", url, profile.version)
        parts, method = _generic_parts(root), "generic"
    parts.published = parts.published or meta_date or date_near_title(parts.title_element)
    article = _assemble(parts, meta_author, url, site, method)
    article.canonical_url = canonical
    if len(article.text) >= MIN_ARTICLE_CHARS:
        return article
    teasers = parts.teasers if parts.teasers is not None else teaser_items(root)
    return CleanArticle.not_article(listing_reason(len(article.text), teasers, url), url, site)


def _canonical(root: etree._Element) -> str | None:
    for link in root.iterfind(".//link[@rel='canonical']"):
        if link.get("href", "").strip():
            return link.get("href").strip()
    return meta_content(root, "og:url")


def _preferred(elements: list[etree._Element]) -> etree._Element | None:
    """A page element before a meta tag: meta values are often cut short or carry the site name."""
    visible = [element for element in elements if element.tag != "meta"]
    return (visible or elements or [None])[0]


def _profile_parts(root: etree._Element, selectors: ArticleSelectors) -> Parts | None:
    """The page read with its site's selectors, or None when they no longer find the article."""
    container = _preferred(select(root, selectors.body))
    if container is None:
        return None
    for selector in selectors.drop:
        for element in select(container, selector):
            drop_tree(element)
    title_element = _preferred(select(root, selectors.title))
    lead_element = _preferred(select(root, selectors.lead))
    captions = set(select(container, selectors.caption))
    pieces = BlockWalker(skip={lead_element}, captions=captions).walk(container)
    if sum(len(piece.text) for piece in pieces if is_prose(piece)) < MIN_ARTICLE_CHARS:
        return None
    if title_element is None:
        title, title_element = find_title(root)
    elif title_element.tag == "meta":  # a headline only in meta: the page element is still wanted
        title = strip_site_name(element_value(title_element), site_name(root))
        title_element = find_title(root)[1]
    else:
        title = element_value(title_element)
    kicker_element = _preferred(select(root, selectors.kicker))
    author_element = _preferred(select(root, selectors.author))
    author_text = element_value(author_element) if author_element is not None else None
    return Parts(
        title=title,
        title_element=title_element,
        kicker=element_value(kicker_element) if kicker_element is not None else find_kicker(title_element),
        lead=element_value(lead_element) if lead_element is not None else None,
        container=container,
        pieces=pieces,
        author=(parse_byline(author_text) or author_text) if author_text else None,
        published=date_from_selector(root, selectors.date, selectors.date_attr),
    )


def _generic_parts(root: etree._Element) -> Parts:
    """The page read without a profile: headline, boxes dropped, container found by its prose."""
    title, title_element = find_title(root)
    published = date_near_title(title_element)
    paragraphs = PageParagraphs(root)  # before boxes go: the teasers in them are counted too
    _drop_boilerplate(root, title_element)
    container = content_root(paragraphs.remaining_prose())
    lead_element = find_lead(root, title_element, container) if container is not None else None
    pieces = BlockWalker(skip={lead_element}).walk(container) if container is not None else []
    return Parts(title=title, title_element=title_element, kicker=find_kicker(title_element),
                 lead=text_of(lead_element) if lead_element is not None else None, container=container,
                 pieces=pieces, author=_byline_element_author(root, container), published=published,
                 teasers=paragraphs.teasers)


def _drop_boilerplate(root: etree._Element, keep: etree._Element | None) -> None:
    """Remove menus, share bars, related boxes, comments, tags and footers found by class or id."""
    body = root.find("body")
    if body is None:
        return
    keep_line = set(keep.iterancestors()) | {keep} if keep is not None else set()
    doomed: list[etree._Element] = []
    _find_boxes(body, keep_line, 0.5 * len(text_content(body)), doomed)
    for element in doomed:
        drop_tree(element)


def _find_boxes(element: etree._Element, keep_line: set, most: float, doomed: list) -> None:
    """Boxes to drop under `element`; a box holding most of the page's text is looked into instead
    (a class on the page's main wrapper is no verdict)."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child in keep_line or child.tag in ("main", "article"):
            _find_boxes(child, keep_line, most, doomed)
        elif child.tag in ("footer", "aside") or is_boilerplate_box(child) and len(text_content(child)) < most:
            doomed.append(child)
        else:
            _find_boxes(child, keep_line, most, doomed)


def _byline_element_author(root: etree._Element, container: etree._Element | None) -> str | None:
    """An author named in an element with an author class (byline boxes of many layouts)."""
    words = wordlists().author_class_words
    scope = container.getparent() if container is not None and container.getparent() is not None else root
    for element in scope.iter():
        if isinstance(element.tag, str) and class_words(element) & words:
            found = parse_byline(text_of(element))
            if found:
                return found
    return None


def _assemble(parts: Parts, meta_author: str | None, url: str | None, site: str | None,
              method: str) -> CleanArticle:
    """The shared filters, then the CleanArticle."""
    title = normalize_inline(parts.title or "") or None
    kicker = parts.kicker if parts.kicker and is_kicker(parts.kicker) else None
    if title and kicker and match_key(title).startswith(match_key(kicker)):
        title = title[len(kicker):].strip() or title
    pieces = cut_trailer(parts.pieces)
    pieces = drop_noise(pieces, title, parts.lead)
    pieces, author = take_byline(pieces, parts.author or meta_author)
    lead = parts.lead
    if not lead and pieces and pieces[0].bold and is_prose(pieces[0]):
        lead = pieces.pop(0).text  # a first paragraph set in bold is the sapo in many layouts
    return CleanArticle(url=url, site=site, title=title, kicker=kicker, lead=lead,
                        blocks=[Block(piece.kind, piece.text) for piece in pieces], author=author,
                        published=parts.published, method=method)
