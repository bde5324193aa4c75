"""The labelled set as cleaning checks: every labelled file present, read like the pipeline reads it."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from thidua.evals.gold import GoldArticle, load_labelled
from thidua.evals.score import same_metadata
from thidua.extract.clean import clean_html, clean_text_dump

from thidua.paths import labelled_dir
from thidua.record import CleanArticle
from thidua.text import normalize


@dataclass
class LabelledPage:
    """A labelled article (thidua.evals.gold) with the way to clean its source."""

    gold: GoldArticle

    @property
    def id(self) -> str:
        return self.gold.id

    @property
    def label(self) -> dict:
        return self.gold.data

    @property
    def path(self) -> Path:
        return self.gold.source

    def content_type(self) -> str | None:
        manifest = self.path.parent / "manifest.json"
        if not manifest.exists():
            return None
        pages = json.loads(manifest.read_text(encoding="utf-8")).get("pages", [])
        return next((p.get("content_type") for p in pages if p.get("file") == self.path.name), None)

    def clean(self) -> CleanArticle:
        url = self.label.get("url")
        if self.path.suffix == ".txt":
            return clean_text_dump(self.path.read_text(encoding="utf-8"), url=url, site=self.label.get("site"))
        return clean_html(self.path.read_bytes(), url=url, content_type=self.content_type())


def labelled_pages() -> list[LabelledPage]:
    return [LabelledPage(gold) for gold in load_labelled(labelled_dir())]


def problems(page: LabelledPage, article: CleanArticle) -> list[str]:
    """Every way the cleaned article differs from its label (empty when it matches)."""
    found = []
    if not article.is_article:
        return [f"not an article: {article.reason}"]
    text = normalize(article.text)
    for snippet in page.label.get("text_must_include", []):
        if normalize(snippet) not in text:
            found.append(f"missing: {snippet!r}")
    for snippet in page.label.get("text_must_exclude", []):
        if normalize(snippet) in text:
            found.append(f"should be gone: {snippet!r}")
    for field in ("title", "author", "published"):
        if field in page.label and not same_metadata(field, page.label[field], getattr(article, field)):
            found.append(f"{field}: {getattr(article, field)!r} != {page.label[field]!r}")
    return found
