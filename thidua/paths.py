"""Where the bundled data lives.

The repository is installed in editable mode, so the corpus sits next to the package;
THIDUA_CORPUS points elsewhere (e.g. a held-out set) when set.
"""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path:
    return Path(os.environ.get("THIDUA_CORPUS", REPO_ROOT / "corpus"))


def sites_dir() -> Path:
    """Stored pages, one folder per host, each with a manifest.json (see corpus/README.md)."""
    return corpus_dir() / "sites"


def seeds_dir() -> Path:
    return corpus_dir() / "seeds"


def labelled_dir() -> Path:
    return corpus_dir() / "labelled"


DEFAULT_DB = "thidua.db"
