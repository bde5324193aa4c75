"""Rules kept as data: each topic is one YAML file under extract/rules/, loaded once per process.

A linguist extends a word list or a pattern file there without touching code.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@lru_cache(maxsize=None)
def load_rules(topic: str) -> Any:
    """The parsed content of extract/rules/<topic>.yaml."""
    path = RULES_DIR / f"{topic}.yaml"
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def rule_topics() -> list[str]:
    return sorted(path.stem for path in RULES_DIR.glob("*.yaml"))
