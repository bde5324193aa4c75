"""A crawl killed with SIGKILL mid-way and started again loses nothing and stores nothing twice."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from thidua.crawler.mirror import serve_mirror
from thidua.crawler.profiles import PROFILES
from thidua.paths import sites_dir

from .conftest import REPO, crawl, manifest_urls, stored

pytestmark = pytest.mark.slow


def count_articles(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def test_sigkill_mid_crawl_then_restart(tmp_path):
    db = tmp_path / "resume.db"
    expected = set().union(*(manifest_urls(site, "article") for site in PROFILES))
    with serve_mirror(sites_dir(), delay=0.8) as mirror:  # slow replies: the kill lands mid-crawl
        command = [sys.executable, "-m", "thidua.cli", "crawl", "--quiet", "--db", str(db), "--mirror", mirror.base_url]
        process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while count_articles(db) < 3 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        at_kill = count_articles(db)
        assert 3 <= at_kill < len(expected), "the kill should land mid-crawl"
        mirror.delay = 0.0
        code, report, _ = crawl(db, mirror=mirror.base_url)
    assert code == 0 and report["status"] == "finished"
    versions = stored(db)
    assert set(versions) == expected  # nothing lost
    assert all(count == 1 for count in versions.values())  # nothing stored twice
    assert report["totals"]["new"] == len(expected) - at_kill
    with sqlite3.connect(db) as conn:
        runs = conn.execute("SELECT status FROM runs ORDER BY id").fetchall()
    assert [status for (status,) in runs] == ["running", "finished"]  # the killed run never finished
