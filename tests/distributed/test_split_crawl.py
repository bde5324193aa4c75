"""Two crawler processes split one crawl through redis: every page once, every article once.

A generated laodongthudo.vn mirror (12 listing pages, 60 articles made from the corpus's pages
under new URLs) is crawled once by a single process, then by two workers sharing one redis and
one SQLite file. The mirror counts what it serves; the workers' reports say who fetched what.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import redis
from thidua.crawler.distributed import crawl_key, redis_settings
from thidua.crawler.mirror import serve_mirror

from thidua.paths import sites_dir

from .conftest import SITE, build_site

pytestmark = [pytest.mark.redis, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
DELAY = 0.3  # seconds per reply: fetching, not extraction, is what the workers share
MIRROR_SLOT = {"thidua-mirror": {"concurrency": 2, "delay": 0, "jitter": 0}}
IDLE_TIMEOUT = 2  # seconds a worker lingers once the shared queue is empty and nobody is busy
TIMEOUT = 300


def crawl_has_redis_option() -> bool:
    from thidua.commands.crawl import command

    return any("--redis" in param.opts for param in command.params)


def crawl_command(db: Path, mirror_url: str, redis_url: str | None = None) -> list[str]:
    """`thidua crawl` of the generated site; with `redis_url`, as one worker of a shared crawl."""
    command = [sys.executable, "-m", "thidua.cli", "crawl", SITE, "--json", "--quiet", "--db", str(db),
               "--mirror", mirror_url, "-s", f"DOWNLOAD_SLOTS={json.dumps(MIRROR_SLOT)}"]
    if redis_url is None:
        return command
    if crawl_has_redis_option():
        return command + ["--redis", redis_url, "-s", f"THIDUA_REDIS_IDLE_TIMEOUT={IDLE_TIMEOUT}"]
    # until `thidua crawl --redis` lands: the same overlay through -s (every value is plain JSON)
    overlay = redis_settings(redis_url, crawl=crawl_key(sites=[SITE], db=db.name), idle_timeout=IDLE_TIMEOUT)
    for name, value in overlay.items():
        command += ["-s", f"{name}={json.dumps(value)}"]
    return command


def start(command: list[str]) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "THIDUA_CONTACT": "tests@thidua.invalid"})


def finish(process: subprocess.Popen) -> dict:
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise AssertionError(f"a crawl did not end within {TIMEOUT} s:\n{err[-3000:]}") from None
    assert process.returncode == 0, f"exit {process.returncode}:\n{out}\n{err[-3000:]}"
    return json.loads(out)


def stored(db: Path) -> tuple[Counter, Counter]:
    """(rows per article URL, versions per article URL)."""
    with sqlite3.connect(db) as conn:
        rows = Counter(url for (url,) in conn.execute("SELECT url FROM articles"))
        versions = Counter(dict(conn.execute(
            "SELECT a.url, count(v.id) FROM articles a JOIN versions v ON v.article_id = a.id GROUP BY a.url")))
    return rows, versions


def served_once(mirror, pages: list[str]) -> None:
    """Every page of the mirror was served exactly once; nothing else was asked twice either.

    robots.txt is the exception: each worker reads it for itself (Scrapy's robots middleware
    fetches it outside the scheduler), as every machine of a real crawl must.
    """
    assert {url: mirror.hits[url] for url in pages} == dict.fromkeys(pages, 1)
    asked = Counter(url for url, _ in mirror.requests if not url.endswith("/robots.txt"))
    assert [url for url, times in asked.items() if times > 1] == []


@pytest.fixture(scope="module")
def generated_site(tmp_path_factory) -> tuple[Path, dict[str, list[str]]]:
    root = tmp_path_factory.mktemp("split-mirror")
    return root, build_site(root, sites_dir() / SITE)


@pytest.fixture(scope="module")
def single_run(generated_site, tmp_path_factory) -> dict:
    """The same crawl by one process without redis: the totals a split crawl must match."""
    root, made = generated_site
    db = tmp_path_factory.mktemp("single") / "thidua.db"
    with serve_mirror(root, delay=DELAY) as mirror:
        report = finish(start(crawl_command(db, mirror.base_url)))
        served_once(mirror, made["listing"] + made["article"])
    return {"report": report, "stored": stored(db)}


def test_two_workers_split_one_crawl(generated_site, single_run, redis_url, tmp_path):
    root, made = generated_site
    db = tmp_path / "thidua.db"
    with serve_mirror(root, delay=DELAY) as mirror:
        began = time.monotonic()
        processes = [start(crawl_command(db, mirror.base_url, redis_url)) for _ in range(2)]
        reports = [finish(process) for process in processes]
        took = time.monotonic() - began
        served_once(mirror, made["listing"] + made["article"])

    fetched = [report["totals"]["fetched"] for report in reports]
    print(f"split crawl: {fetched} pages fetched by the two workers in {took:.1f} s; "
          f"single process: {single_run['report']['totals']['fetched']} in {single_run['report']['duration_s']} s")
    assert all(report["status"] == "finished" for report in reports)
    assert min(fetched) > 0, f"one worker fetched nothing: {fetched}"

    rows, versions = stored(db)
    assert rows == Counter(dict.fromkeys(made["article"], 1))  # every article, each in one row
    assert versions == Counter(dict.fromkeys(made["article"], 1))  # and stored once, not re-saved
    assert (rows, versions) == single_run["stored"]

    single = single_run["report"]["totals"]
    for count in ("fetched", "new", "updated", "unchanged", "failed"):
        assert sum(report["totals"][count] for report in reports) == single[count], count
    assert sum((Counter(report["totals"]["skipped"]) for report in reports), Counter()) == Counter(single["skipped"])
    assert redis.Redis.from_url(redis_url).keys("*") == []  # the last worker out left nothing behind


def test_a_worker_stops_cleanly_when_redis_goes_away(generated_site, redis_url, tmp_path):
    """redis dies mid-crawl: the worker ends with a 'redis unavailable' status, no hang, no traceback."""
    root, _ = generated_site
    db = tmp_path / "thidua.db"
    server = redis.Redis.from_url(redis_url)
    with serve_mirror(root, delay=1.0) as mirror:
        process = start(crawl_command(db, mirror.base_url, redis_url))
        deadline = time.monotonic() + 120
        while not mirror.hits and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)  # wait until it is fetching
        assert mirror.hits, "the worker never started fetching"
        server.shutdown(nosave=True)
        try:
            out, err = process.communicate(timeout=TIMEOUT)
        finally:
            if process.poll() is None:
                process.kill()
    report = json.loads(out)
    assert process.returncode == 1
    assert report["status"] == "stopped: redis unavailable"
    assert "Traceback" not in err
    with sqlite3.connect(db) as conn:  # what was stored before the loss stays, consistent
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0] == 0


def test_crawl_refuses_an_unreachable_redis_in_one_line(tmp_path):
    if not crawl_has_redis_option():
        pytest.skip("`thidua crawl --redis` has not landed yet")
    from .conftest import free_port

    dead = f"redis://127.0.0.1:{free_port()}/0"
    done = subprocess.run([sys.executable, "-m", "thidua.cli", "crawl", SITE, "--db", str(tmp_path / "x.db"),
                           "--redis", dead], check=False, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and f"cannot reach redis at {dead}" in lines[0], done.stderr
    assert "Traceback" not in done.stderr
