"""The shapes that flow through the pipeline: a cleaned article and its extraction record.

The JSON form of `Record` is the contract in corpus/ANNOTATION.md: `thidua extract --format json`
prints it, the store saves it, the evals score it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

FACT_FIELDS = ("campaigns", "phases", "date_ranges", "awards", "people", "statistics")
ALL_FACT_FIELDS = FACT_FIELDS + ("organizations",)

BLOCK_KINDS = ("paragraph", "heading", "caption")


@dataclass
class Block:
    """One unit of the article's own text, in reading order."""

    kind: str  # one of BLOCK_KINDS
    text: str


@dataclass
class CleanArticle:
    """What cleaning makes of a page: metadata plus the article's own text, nothing else.

    `is_article` is False (with `reason`) for pages that are not articles: listings, empty
    pages, binary data, challenge pages, pages that are all navigation.
    """

    url: str | None = None
    site: str | None = None
    title: str | None = None
    kicker: str | None = None
    lead: str | None = None
    blocks: list[Block] = field(default_factory=list)
    author: str | None = None
    published: str | None = None  # ISO 8601, date or date-time with offset
    canonical_url: str | None = None
    is_article: bool = True
    reason: str | None = None
    method: str = "profile"  # "profile", "generic", "text-dump", or "none" for a non-article

    @property
    def text(self) -> str:
        """The stored text: lead then blocks, paragraphs separated by blank lines."""
        parts = [self.lead] if self.lead else []
        parts += [block.text for block in self.blocks if block.text]
        return "\n\n".join(parts)

    @classmethod
    def not_article(cls, reason: str, url: str | None = None, site: str | None = None) -> "CleanArticle":
        return cls(url=url, site=site, is_article=False, reason=reason, method="none")


def empty_facts() -> dict[str, list[dict[str, Any]]]:
    return {name: [] for name in ALL_FACT_FIELDS}


def build_record(article: CleanArticle, facts: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """The extraction record of one article (ANNOTATION.md), with extra keys kept last."""
    record: dict[str, Any] = {
        "url": article.canonical_url or article.url,
        "site": article.site,
        "title": article.title,
        "kicker": article.kicker,
        "author": article.author,
        "published": article.published,
        "lead": article.lead,
        "text": article.text,
        "blocks": [asdict(block) for block in article.blocks],
        "method": article.method,
    }
    for name in ALL_FACT_FIELDS:
        record[name] = facts.get(name, [])
    return record
