"""Reading a labelled set: one JSON file per article, format union-news-gold/1."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

GOLD_FORMAT = "union-news-gold/1"


@dataclass
class GoldArticle:
    id: str
    path: Path  # the label file
    source: Path  # the stored page or text dump it labels
    data: dict[str, Any]

    @property
    def url(self) -> str | None:
        return self.data.get("url")

    def items(self, field: str) -> list[Any]:
        return list(self.data.get(field) or [])

    def optional(self, field: str) -> list[Any]:
        return list(self.data.get(f"{field}_optional") or [])


def _resolve_source(label_path: Path, source_file: str) -> Path:
    """source_file is relative to the corpus root (the labelled dir's parent), else to the label."""
    for base in (label_path.parent.parent, label_path.parent, label_path.parent.parent / "seeds"):
        candidate = base / source_file
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{label_path.name}: source_file {source_file!r} not found")


def load_labelled(directory: Path) -> list[GoldArticle]:
    """Every label file in `directory`, sorted by id; unreadable files are reported and skipped."""
    articles = []
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != GOLD_FORMAT:
                log.warning("%s: not a %s file, skipped", path.name, GOLD_FORMAT)
                continue
            source = _resolve_source(path, data["source_file"])
        except (OSError, ValueError, KeyError) as error:
            log.warning("%s: skipped: %s", path.name, error)
            continue
        articles.append(GoldArticle(id=data.get("id") or path.stem, path=path, source=source, data=data))
    return articles
