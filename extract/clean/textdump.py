"""Text dumps of pages (like corpus/seeds/) to CleanArticle."""
from __future__ import annotations

from thidua.record import Block, CleanArticle
from thidua.text import normalize

TRAILERS = ("Có thể bạn quan tâm", "Nên xem", "Tin khác", "Xem thêm", "Phiên bản di động")


def clean_text_dump(text: str, url: str | None = None, site: str | None = None) -> CleanArticle:
    lines = [line for line in normalize(text).split("\n")]
    paragraphs = [line for line in lines if line.strip() and "-->" not in line]
    if not paragraphs:
        return CleanArticle.not_article("empty text", url, site)
    cut = next((i for i, line in enumerate(paragraphs) if line.strip() in TRAILERS), len(paragraphs))
    paragraphs = paragraphs[:cut]
    title, rest = paragraphs[0], paragraphs[1:]
    author = rest.pop() if rest and len(rest[-1].split()) <= 4 else None
    return CleanArticle(url=url, site=site, title=title, author=author,
                        blocks=[Block("paragraph", p) for p in rest], method="text-dump")
