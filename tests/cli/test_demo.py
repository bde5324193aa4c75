"""`thidua demo` end to end, as the README runs it: twice on one database."""
from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

SEED_TITLES = {
    "Thi đua hăng say lao động sản xuất ngay từ những ngày đầu năm mới",
    "Phát huy hiệu quả các phong trào thi đua trong CNVCLĐ",
    "Hiệu quả từ phong trào thi đua “Lao động giỏi”",
}
# Tables a run appends to by design: its own report and its logged skips.
RUN_LOG_TABLES = {"runs", "skips"}


def demo(db) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "thidua.cli", "demo", "--db", str(db)],
                          capture_output=True, text=True, timeout=600)


def snapshot(db) -> dict[str, list[tuple]]:
    """Every row of every data table (FTS shadow tables included), in a stable order."""
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables if t not in RUN_LOG_TABLES}


@pytest.fixture(scope="module")
def demo_runs(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "thidua.db"
    first = demo(db)
    after_first = snapshot(db)
    second = demo(db)
    return db, first, after_first, second


def test_first_run_stores_the_bundled_articles(demo_runs):
    db, first, _, _ = demo_runs
    assert first.returncode == 0, first.stderr[-2000:]
    with sqlite3.connect(db) as conn:
        titles = {r[0] for r in conn.execute("SELECT title FROM articles")}
    assert len(titles) >= 5
    assert SEED_TITLES <= titles


def test_first_run_prints_the_summary_and_an_example_search(demo_runs):
    _, first, _, _ = demo_runs
    for word in ("articles", "campaigns", "phases", "date ranges", "awards", "people", "statistics", "time taken"):
        assert word in first.stdout
    assert 'example search: thidua search "lao dong gioi"' in first.stdout
    assert "Lao động giỏi" in first.stdout.split("example search")[1]


def test_second_run_changes_no_row_and_says_so(demo_runs):
    db, _, after_first, second = demo_runs
    assert second.returncode == 0, second.stderr[-2000:]
    assert snapshot(db) == after_first
    assert "nothing new" in second.stdout
    assert " 0 new" in second.stdout
