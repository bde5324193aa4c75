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
DELAY = 0.4  # seconds per reply: fetching, not extraction, is what the workers share
MIRROR_SLOT = {"thidua-mirror": {"concurrency": 2, "delay": 0, "jitter": 0}}
IDLE_TIMEOUT = 2  # seconds a worker lingers once the shared queue is empty and nobody is busy
TIMEOUT = 300


def crawl_has_redis_option() -> bool:
    from thidua.commands.crawl import command

    return any("--redis" in param.opts for param in command.params)


def crawl_command(db: Path, mirror_url: str, redis_url: str | None = None, *, args: tuple[str, ...] = (SITE,),
                  settings: dict | None = None, worker_ttl: float | None = None) -> list[str]:
    """`thidua crawl ARGS` through the mirror; with `redis_url`, as one worker of a shared crawl.

    `worker_ttl` (how soon a silent worker counts as dead) goes through the settings overlay.
    """
    command = [sys.executable, "-m", "thidua.cli", "crawl", *args, "--json", "--quiet", "--db", str(db),
               "--mirror", mirror_url]
    for name, value in {"DOWNLOAD_SLOTS": MIRROR_SLOT, **(settings or {})}.items():
        command += ["-s", f"{name}={json.dumps(value)}"]
    if redis_url is None:
        return command
    if crawl_has_redis_option() and worker_ttl is None:
        return command + ["--redis", redis_url, "-s", f"THIDUA_REDIS_IDLE_TIMEOUT={IDLE_TIMEOUT}"]
    # the same overlay through -s (every value is plain JSON)
    overlay = redis_settings(redis_url, crawl=crawl_key(args=list(args), db=db.name), idle_timeout=IDLE_TIMEOUT,
                             worker_ttl=worker_ttl or 60)
    for name, value in overlay.items():
        command += ["-s", f"{name}={json.dumps(value)}"]
    return command


def start(command: list[str]) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "THIDUA_CONTACT": "tests@thidua.invalid"})


def finish(process: subprocess.Popen, exit_codes: tuple[int, ...] = (0,)) -> dict:
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise AssertionError(f"a crawl did not end within {TIMEOUT} s:\n{err[-3000:]}") from None
    assert process.returncode in exit_codes, f"exit {process.returncode}:\n{out}\n{err[-3000:]}"
    report = json.loads(out)
    report["log_tail"] = err[-3000:]  # shown by assertions on this run: why a page was skipped
    return report


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
        began = time.monotonic()
        report = finish(start(crawl_command(db, mirror.base_url)))
        took = time.monotonic() - began
        served_once(mirror, made["listing"] + made["article"])
    return {"report": report, "stored": stored(db), "took": took}


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
    print(f"split crawl: {fetched} pages fetched by the two workers in {took:.1f} s "
          f"(crawl time {[report['duration_s'] for report in reports]} s); single process: "
          f"{single_run['report']['totals']['fetched']} in {single_run['took']:.1f} s "
          f"(crawl time {single_run['report']['duration_s']} s)")
    assert all(report["status"] == "finished" for report in reports)
    assert min(fetched) > 0, f"one worker fetched nothing: {fetched}"

    rows, versions = stored(db)
    assert (rows, versions) == single_run["stored"]  # what one process stores, no more, no less
    assert rows == Counter(dict.fromkeys(made["article"], 1))  # every article, each in one row
    assert versions == Counter(dict.fromkeys(made["article"], 1))  # and stored once, not re-saved

    single = single_run["report"]["totals"]
    for count in ("fetched", "new", "updated", "unchanged", "failed"):
        assert sum(report["totals"][count] for report in reports) == single[count], count
    assert sum((Counter(report["totals"]["skipped"]) for report in reports), Counter()) == Counter(single["skipped"])
    assert redis.Redis.from_url(redis_url).keys("*") == []  # the last worker out left nothing behind


def test_a_killed_worker_loses_nothing_stored_and_the_next_run_completes(generated_site, redis_url, tmp_path):
    """kill -9 one of two workers mid-crawl: the other finishes without waiting for it forever and
    nothing is stored twice; the requests the dead one held are fetched by simply running again."""
    root, made = generated_site
    db = tmp_path / "thidua.db"
    with serve_mirror(root, delay=DELAY) as mirror:
        command = crawl_command(db, mirror.base_url, redis_url, worker_ttl=4)
        doomed, survivor = start(command), start(command)
        deadline = time.monotonic() + 120
        while sum(mirror.hits.values()) < 15 and time.monotonic() < deadline:
            time.sleep(0.1)
        doomed.kill()
        doomed.wait(timeout=30)
        finish(survivor)
        first_rows, first_versions = stored(db)
        again = finish(start(command))  # a later run of the same crawl: stale keys cleared, the rest fetched
    rows, versions = stored(db)
    print(f"killed worker: {len(first_rows)} articles stored by the survivor's run, "
          f"{again['totals']['new']} by the next run, {again['totals']['skipped']} skipped")
    assert set(first_versions.values()) <= {1} and set(first_rows.values()) <= {1}
    assert rows == Counter(dict.fromkeys(made["article"], 1)), again["log_tail"]
    assert versions == Counter(dict.fromkeys(made["article"], 1))
    assert again["totals"]["new"] == len(made["article"]) - len(first_rows), again["log_tail"]


FAULT_PAGES = REPO / "tests" / "crawl" / "pages"  # the crawler's fault mirror (its own tests own it)
# The slow page (4 s) still times out. robots.txt is left out here: Scrapy lets everything through
# when robots.txt itself times out, and with two workers loading their NLP models on a busy machine
# that could happen in one run and not the other (each worker reads robots.txt for itself).
FAULT_SETTINGS = {"DOWNLOAD_TIMEOUT": 3.5,  # the slow fault page takes 4 s; margin for a loaded CI machine
                   "RETRY_TIMES": 2, "THIDUA_RETRY_BACKOFF": 0.1, "ROBOTSTXT_OBEY": False}
FAULT_ARGS = ("laodong.vn", "--start-url", "https://ldldtinh.example/")


def test_retries_and_cookie_challenges_cross_workers(redis_url, tmp_path):
    """500s retried, a cookie challenge on a start listing, timeouts, skips: the same outcome split in two.

    A retry or a re-ask after the challenge may be fetched by the other worker; it must not be
    taken for a duplicate (the listing is a start request every worker yields).
    """
    if not (FAULT_PAGES / "challenge").is_dir():
        pytest.skip("the crawler's fault mirror (tests/crawl/pages) is not there")
    roots = [FAULT_PAGES / "challenge", FAULT_PAGES]
    outcomes = []
    for workers in (1, 2):
        db = tmp_path / f"faults-{workers}.db"
        with serve_mirror(roots) as mirror:
            processes = [start(crawl_command(db, mirror.base_url, redis_url if workers > 1 else None,
                                             args=FAULT_ARGS, settings=FAULT_SETTINGS)) for _ in range(workers)]
            # 1 when this worker met a page failing for good (which worker meets it varies)
            reports = [finish(process, exit_codes=(0, 1)) for process in processes]
        totals = {count: sum(report["totals"][count] for report in reports) for count in ("new", "failed")}
        totals["skipped"] = sum((Counter(report["totals"]["skipped"]) for report in reports), Counter())
        outcomes.append((stored(db), totals))
    (single_rows, single_versions), single_totals = outcomes[0]
    (rows, versions), totals = outcomes[1]
    assert any("laodong.vn" in url for url in rows)  # the challenged listing was passed and read
    assert (rows, versions) == (single_rows, single_versions)
    assert set(rows.values()) == set(versions.values()) == {1}
    assert totals == single_totals


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
