"""Pages that are not articles, each with a one-line reason: empty, binary, too large,
JavaScript challenge, listing/tag/search pages and pages that are all navigation."""
from __future__ import annotations

import re

MAX_PAGE_BYTES = 8 * 1024 * 1024  # real article pages are well under 1 MB
MIN_ARTICLE_CHARS = 200
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"RIFF",
                 b"ID3", b"\x00\x00\x00", b"OggS", b"Rar!", b"7z\xbc\xaf")
_TEXT_TYPES = re.compile(r"text/|html|xml|json", re.IGNORECASE)
_CHALLENGE = re.compile(
    r"document\.cookie\s*=|challenge-platform|cf-browser-verification|Just a moment\.\.\.|"
    r"Checking your browser|Attention Required!|enable JavaScript and cookies", re.IGNORECASE)
_TAG_OR_SEARCH_URL = re.compile(r"/(?:tags?|tim-kiem|search|chu-de|topic|keyword)(?:[/.?]|$)|[?&](?:q|keyword|s)=|"
                                r"\.tag$", re.IGNORECASE)


def bad_input_reason(body: bytes | str | None, content_type: str | None) -> str | None:
    """Why the raw input cannot be an HTML article, or None."""
    if body is None or not (body.strip() if isinstance(body, (bytes, str)) else True):
        return "empty page"
    if not isinstance(body, (bytes, str)):
        return f"unreadable input of type {type(body).__name__}"
    size = len(body)
    if size > MAX_PAGE_BYTES:
        return f"page too large ({size / 1048576:.1f} MB, limit {MAX_PAGE_BYTES // 1048576} MB)"
    if content_type and not _TEXT_TYPES.search(content_type):
        return f"not an HTML page (content type {content_type.split(';')[0].strip()})"
    if isinstance(body, bytes):
        head = body[:4096].lstrip()
        if head.startswith(_BINARY_MAGIC) or b"\x00" in head and not _is_utf16(body):
            return "binary data, not an HTML page"
    return None


def _is_utf16(body: bytes) -> bool:
    return body.startswith((b"\xff\xfe", b"\xfe\xff"))


def challenge_reason(text: str, visible_chars: int) -> str | None:
    """A bot check served with HTTP 200 (a script that sets a cookie and reloads)."""
    if visible_chars < 600 and _CHALLENGE.search(text):
        return "JavaScript cookie challenge page, not the article (set the cookie and fetch again)"
    return None


def listing_reason(text_chars: int, teasers: int, url: str | None) -> str:
    """Why a page with too little article text is not an article: a listing, tag or search page,
    or nothing but navigation."""
    kind = "tag or search page" if url and _TAG_OR_SEARCH_URL.search(url) else "listing page"
    if teasers >= 2:
        return f"{kind}: {teasers} linked headlines with summaries and no article body"
    return f"no article text ({text_chars} characters): navigation, video or empty page"
