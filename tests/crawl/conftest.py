"""Crawl tests: a local mirror serves stored pages (never the network); crawls run as
subprocesses because Twisted's reactor starts once per process."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from thidua.crawler.mirror import load_manifest, serve_mirror
from thidua.paths import sites_dir

PAGES = Path(__file__).parent / "pages"
REPO = Path(__file__).resolve().parents[2]


def crawl(db: Path, *args: str, mirror: str | None = None, timeout: float = 240, check: bool = True,
          settings: dict | None = None) -> tuple[int, dict, str]:
    """Run `thidua crawl --json` in a subprocess; (exit code, report, stderr)."""
    command = [sys.executable, "-m", "thidua.cli", "crawl", "--json", "--quiet", "--db", str(db), *args]
    if mirror:
        command += ["--mirror", mirror]
    for name, value in (settings or {}).items():
        command += ["-s", f"{name}={json.dumps(value)}"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=REPO,
                          env={**os.environ, "THIDUA_CONTACT": "tests@thidua.invalid"})
    report = json.loads(done.stdout) if done.stdout.strip().startswith("{") else {}
    if check and not report:
        raise AssertionError(f"no report (exit {done.returncode}):\n{done.stdout}\n{done.stderr[-3000:]}")
    return done.returncode, report, done.stderr


def stored(db: Path) -> dict[str, int]:
    """{url: number of versions} of the stored articles."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT a.url, count(v.id) FROM articles a JOIN versions v ON v.article_id = a.id "
                            "GROUP BY a.url").fetchall()
    return dict(rows)


def manifest_urls(site: str, kind: str, root: Path | None = None) -> set[str]:
    return {page.url for page in load_manifest((root or sites_dir()) / site) if page.kind == kind}


@pytest.fixture
def corpus_mirror():
    with serve_mirror(sites_dir()) as mirror:
        yield mirror


@pytest.fixture
def fault_mirror():
    with serve_mirror(PAGES) as mirror:
        yield mirror
