"""`thidua nightly` for real: subprocess runs against a local mirror of the bundled sites."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from thidua.crawler.mirror import serve_mirror

from thidua.paths import sites_dir
from thidua.runlock import RunLock

PROFILED = ["baohaugiang.com.vn", "laodong.vn", "laodongthudo.vn", "nld.com.vn"]


def nightly(db: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "thidua.cli", "nightly", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=timeout)


def stored(db: Path) -> dict[str, object]:
    """What a run leaves: article URLs, versions per article and fact rows per table."""
    with sqlite3.connect(db) as conn:
        urls = sorted(r[0] for r in conn.execute("SELECT url FROM articles"))
        versions = conn.execute("SELECT COUNT(*), COUNT(DISTINCT article_id) FROM versions").fetchone()
        facts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                 for t in ("campaign_mentions", "phases", "date_ranges", "person_mentions", "awards", "statistics")}
    return {"urls": urls, "versions": versions, "facts": facts}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    db = tmp_path_factory.mktemp("nightly") / "thidua.db"
    first = nightly(db, "--mirror", str(sites_dir()), "--json")
    second = nightly(db, "--mirror", str(sites_dir()), "--json")
    return db, first, second


def test_first_run_reports_every_site_and_saves_the_report(clean_run):
    db, first, _ = clean_run
    assert first.returncode == 0, first.stderr[-3000:]
    report = json.loads(first.stdout)
    assert [s["site"] for s in report["sites"]] == PROFILED
    for site in report["sites"]:
        assert site["status"] == "ok" and site["new"] >= 2 and site["failed"] == 0
        assert set(site) >= {"fetched", "new", "updated", "unchanged", "skipped", "failed", "duration_s"}
    assert report["new_campaigns"] and report["new_people"] is not None
    with sqlite3.connect(db) as conn:
        kind, status, saved = conn.execute("SELECT kind, status, report FROM runs WHERE id = ?", (report["run_id"],)).fetchone()
    assert (kind, status) == ("nightly", "ok")
    assert json.loads(saved)["totals"] == report["totals"]


def test_second_run_adds_nothing(clean_run):
    db, first, second = clean_run
    assert second.returncode == 0, second.stderr[-3000:]
    report = json.loads(second.stdout)
    assert report["totals"]["new"] == 0 and report["totals"]["updated"] == 0
    assert report["new_campaigns"] == [] and report["new_people"] == []
    assert stored(db)["versions"][0] == stored(db)["versions"][1]  # one version per article


def test_a_dead_site_fails_alone(tmp_path):
    sites = tmp_path / "sites.yaml"
    sites.write_text(f"sites:\n  - start_url: http://127.0.0.1:{free_port()}/tin-tuc/\n  - profile: nld.com.vn\n")
    result = nightly(tmp_path / "t.db", "--sites", str(sites), "--mirror", str(sites_dir()), "--json",
                     "-s", "RETRY_TIMES=0")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    by_site = {s["site"]: s for s in report["sites"]}
    assert report["status"] == "failed" and len(report["failed_sites"]) == 1
    assert by_site["nld.com.vn"]["status"] == "ok" and by_site["nld.com.vn"]["new"] >= 2


def test_a_second_start_is_refused_while_one_runs(tmp_path):
    db = tmp_path / "t.db"
    with RunLock.beside(db):
        result = nightly(db, "--mirror", str(sites_dir()))
    assert result.returncode == 75
    assert "another run is in progress" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_sites_file_with_an_unknown_profile_is_one_clear_line(tmp_path):
    sites = tmp_path / "sites.yaml"
    sites.write_text("sites:\n  - profile: no-such-site.vn\n")
    result = nightly(tmp_path / "t.db", "--sites", str(sites))
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "unknown profile 'no-such-site.vn'" in result.stderr


def drifted_copy(root: Path) -> Path:
    """laodongthudo.vn as if it had redesigned its article pages: the body class is renamed."""
    target = root / "sites"
    shutil.copytree(sites_dir() / "laodongthudo.vn", target / "laodongthudo.vn")
    for page in (target / "laodongthudo.vn").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace("detail_info", "article__body-v2").replace("content_detail", "article-v2"),
                        encoding="utf-8")
    return target


def test_layout_drift_is_flagged_loudly(tmp_path):
    sites = tmp_path / "sites.yaml"
    sites.write_text("sites:\n  - laodongthudo.vn\n")
    result = nightly(tmp_path / "t.db", "--sites", str(sites), "--mirror", str(drifted_copy(tmp_path)))
    assert "LAYOUT DRIFT on laodongthudo.vn" in result.stdout, result.stdout + result.stderr[-2000:]


def test_log_file_is_written(tmp_path):
    log = tmp_path / "logs" / "nightly.log"
    sites = tmp_path / "sites.yaml"
    sites.write_text("sites:\n  - nld.com.vn\n")
    nightly(tmp_path / "t.db", "--sites", str(sites), "--mirror", str(sites_dir()), "--quiet", "--log-file", str(log))
    text = log.read_text(encoding="utf-8")
    assert "nld.com.vn: crawl starting" in text and "nightly run" in text


@pytest.mark.slow
def test_killed_at_several_points_then_restarted_loses_and_duplicates_nothing(tmp_path, clean_run):
    reference = stored(clean_run[0])
    db = tmp_path / "killed.db"
    with serve_mirror(sites_dir(), delay=0.08) as mirror:
        for kill_after in (1.0, 2.5, 4.5):
            proc = subprocess.Popen([sys.executable, "-m", "thidua.cli", "nightly", "--db", str(db), "--quiet",
                                     "--mirror", mirror.base_url], start_new_session=True,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(kill_after)
            os.killpg(proc.pid, signal.SIGKILL)  # the whole run: nightly and the crawl it started
            proc.wait()
        finished = nightly(db, "--mirror", mirror.base_url, "--json")
    assert finished.returncode == 0, finished.stderr[-3000:]
    assert stored(db) == reference
