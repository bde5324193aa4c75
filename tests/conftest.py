"""Shared fixtures: the bundled corpus and a fresh database path per test."""
from __future__ import annotations

from pathlib import Path

import pytest

from thidua.paths import corpus_dir


@pytest.fixture(scope="session")
def corpus() -> Path:
    return corpus_dir()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "thidua.db"
