"""The `thidua` command as a user meets it: help, bad arguments, extract output."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from thidua.cli import main

SUBCOMMANDS = ["demo", "crawl", "extract", "search", "export", "evals", "nightly", "serve"]
ANNOTATION_KEYS = {"url", "site", "title", "author", "published", "text", "campaigns", "phases",
                   "date_ranges", "awards", "people", "statistics"}


def run(*args: str, input: str | None = None) -> subprocess.CompletedProcess:
    """The installed console script, exactly as a user runs it."""
    return subprocess.run([sys.executable, "-m", "thidua.cli", *args], capture_output=True, text=True,
                          input=input, timeout=300)


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_every_subcommand_has_help(name, capsys):
    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Usage: thidua {name}")
    assert "--help" in out


def test_group_help_lists_every_subcommand(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in SUBCOMMANDS:
        assert f"  {name} " in out


@pytest.mark.parametrize("args", [["extract", "--no-such-option", "x"], ["no-such-command"],
                                  ["extract", "/no/such/file.html"], ["extract", "--format", "xml", "."]])
def test_bad_argument_is_one_line_and_non_zero(args):
    result = run(*args)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "error" in lines[0]
    assert "Traceback" not in result.stderr


def test_extract_json_prints_one_record_per_article(corpus: Path, capsys):
    seeds = sorted((corpus / "seeds").glob("*.txt"))
    assert main(["extract", "--format", "json", str(corpus / "seeds")]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == len(seeds) == 3
    records = [json.loads(line) for line in lines]
    for record in records:
        assert ANNOTATION_KEYS <= set(record)
    titles = {r["title"] for r in records}
    assert "Thi đua hăng say lao động sản xuất ngay từ những ngày đầu năm mới" in titles
    assert "Hiệu quả từ phong trào thi đua “Lao động giỏi”" in titles


def test_extract_skips_non_articles_with_a_reason_and_goes_on(tmp_path: Path, corpus: Path):
    (tmp_path / "empty.html").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    seed = next((corpus / "seeds").glob("000_*.txt"))
    (tmp_path / "article.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("extract", "--format", "json", str(tmp_path))
    assert result.returncode == 0
    assert len(result.stdout.strip().splitlines()) == 1
    reasons = result.stderr.strip().splitlines()
    assert any("empty.html: skipped: not an article" in line for line in reasons)
    assert any("binary.txt: skipped: not an article" in line for line in reasons)


def test_extract_summary_is_readable(corpus: Path, capsys):
    seed = next((corpus / "seeds").glob("003_*.txt"))
    assert main(["extract", str(seed)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Hiệu quả từ phong trào thi đua “Lao động giỏi”")
    assert "campaigns (" in out and "people (" in out
