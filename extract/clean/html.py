"""HTML pages to CleanArticle: the site profile's selectors first, a generic path otherwise."""
from __future__ import annotations

from bs4 import BeautifulSoup

from thidua.crawler.profiles import host_of, profile_for
from thidua.record import Block, CleanArticle
from thidua.text import normalize, normalize_inline


def _decode(body: bytes | str) -> str:
    if isinstance(body, str):
        return body
    return body.decode("utf-8", errors="replace")


def clean_html(body: bytes | str, url: str | None = None, content_type: str | None = None) -> CleanArticle:
    html = _decode(body)
    soup = BeautifulSoup(html, "lxml")
    site = host_of(url)
    profile = profile_for(url) if url else None
    sel = profile.article if profile else None
    title_node = soup.select_one(sel.title) if sel and sel.title else soup.find("h1")
    title = (title_node.get("content") if title_node and title_node.name == "meta" else
             title_node.get_text(" ", strip=True) if title_node else None)
    body_node = soup.select_one(sel.body) if sel and sel.body else soup.find("article") or soup.body
    if body_node is None:
        return CleanArticle.not_article("no body", url, site)
    blocks = [Block("paragraph", normalize_inline(p.get_text(" ", strip=True)))
              for p in body_node.find_all("p") if p.get_text(strip=True)]
    if not blocks:
        return CleanArticle.not_article("no article body found", url, site)
    return CleanArticle(url=url, site=site, title=normalize_inline(title or ""), blocks=blocks,
                        method="profile" if profile else "generic")
