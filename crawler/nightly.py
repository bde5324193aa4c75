"""The nightly run: every enabled site crawled in its own process, one report for all.

Each site runs as a separate `thidua crawl` process so that one broken site (a crash, a hang,
a dead server) never stops the others, and so Twisted's once-per-process reactor is never an
issue. Sites run one after another: SQLite has one writer, and politeness is per site anyway.
Crawls are incremental and their writes idempotent, so a nightly run killed at any moment and
started again completes with nothing lost or duplicated.
"""
from __future__ import annotations

import json
import logging
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .profiles import PROFILES

log = logging.getLogger("thidua.nightly")

# A profiled site whose pages mostly fell back to the generic cleaner, or yielded no body,
# has probably changed its layout: its selectors need a new profile version.
DRIFT_SHARE = 0.5
DRIFT_MIN_PAGES = 2
NO_BODY_REASONS = ("no article text", "no article body", "not an article")


@dataclass
class SiteJob:
    """One line of the sites file: a built-in profile, or a start URL for any portal."""

    name: str
    profile: str | None = None
    start_url: str | None = None
    allow: str | None = None
    max_pages: int | None = None
    enabled: bool = True

    def crawl_args(self) -> list[str]:
        args = [self.profile] if self.profile else ["--start-url", self.start_url or ""]
        if self.allow:
            args += ["--allow", self.allow]
        if self.max_pages is not None:
            args += ["--max-pages", str(self.max_pages)]
        return args


class SitesFileError(ValueError):
    """The sites file cannot be used; the message says where and why."""


def job_from_entry(entry: Any, where: str) -> SiteJob:
    if isinstance(entry, str):
        entry = {"profile": entry} if "://" not in entry else {"start_url": entry}
    if not isinstance(entry, dict) or not (entry.get("profile") or entry.get("start_url")):
        raise SitesFileError(f"{where}: needs 'profile' or 'start_url'")
    profile = entry.get("profile")
    if profile and profile.removeprefix("www.") not in PROFILES:
        raise SitesFileError(f"{where}: unknown profile {profile!r}; known: {', '.join(sorted(PROFILES))}")
    return SiteJob(name=entry.get("name") or profile or entry["start_url"], profile=profile,
                   start_url=entry.get("start_url"), allow=entry.get("allow"),
                   max_pages=entry.get("max_pages"), enabled=bool(entry.get("enabled", True)))


def load_sites_file(path: Path) -> list[SiteJob]:
    """Sites from YAML: `sites: [{profile: laodong.vn}, {start_url: https://…, allow: …}, …]`."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise SitesFileError(f"{path}: cannot read: {error}") from None
    entries = data.get("sites") if isinstance(data, dict) else data
    if not isinstance(entries, list) or not entries:
        raise SitesFileError(f"{path}: expected a non-empty list under 'sites'")
    return [job_from_entry(entry, f"{path}: entry {i + 1}") for i, entry in enumerate(entries)]


def default_jobs(start_urls: tuple[str, ...] = ()) -> list[SiteJob]:
    if start_urls:
        return [SiteJob(name=url, start_url=url) for url in start_urls]
    return [SiteJob(name=host, profile=host) for host in sorted(PROFILES)]


@dataclass
class SiteResult:
    job: SiteJob
    status: str  # "ok", "failed" (pages failed or site unreachable), "crashed", "timeout"
    report: dict[str, Any] = field(default_factory=dict)
    duration_s: float = 0.0
    message: str | None = None
    drift: str | None = None


def crawl_command(job: SiteJob, db_path: str, mirror: str | None, overrides: list[str]) -> list[str]:
    command = [sys.executable, "-m", "thidua.cli", "crawl", *job.crawl_args(), "--json", "--db", db_path]
    if mirror:
        command += ["--mirror", mirror]
    for item in overrides:
        command += ["-s", item]
    return command


def run_site(job: SiteJob, db_path: str, *, mirror: str | None = None, overrides: list[str] | None = None,
             timeout: float | None = None) -> SiteResult:
    """Crawl one site in a child process; whatever happens there ends as a SiteResult."""
    started = time.monotonic()
    log.info("%s: crawl starting", job.name)
    try:
        done = subprocess.run(crawl_command(job, db_path, mirror, overrides or []), capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return SiteResult(job, "timeout", duration_s=time.monotonic() - started,
                          message=f"no end after {timeout:.0f} s; stopped (the next run resumes it)")
    for line in done.stderr.splitlines():  # the crawl's own log: kept in the log file, not on the console
        log.debug("%s: %s", job.name, line)
    result = SiteResult(job, "ok", duration_s=time.monotonic() - started)
    try:
        result.report = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        result.status, result.message = "crashed", f"exit {done.returncode}: {last}"
        return result
    if done.returncode != 0:
        result.status = "failed"
        result.message = result.report.get("message") or f"{result.report.get('totals', {}).get('failed', 0)} pages failed"
    return result


def _query(db_path: str, sql: str, params: tuple = ()) -> list[tuple]:
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
            return conn.execute(sql, params).fetchall()
    except sqlite3.Error as error:
        log.warning("could not read %s: %s", db_path, error)
        return []


def layout_drift(db_path: str, result: SiteResult) -> str | None:
    """A loud line when most of this run's article pages of a profiled site lost their selectors."""
    profile = PROFILES.get((result.job.profile or "").removeprefix("www."))
    run_id = result.report.get("run_id")
    if profile is None or run_id is None:
        return None
    methods = dict(_query(db_path, "SELECT method, COUNT(*) FROM versions WHERE run_id = ? GROUP BY method", (run_id,)))
    skips = _query(db_path, "SELECT url, reason FROM skips WHERE run_id = ?", (run_id,))
    no_body = sum(1 for url, reason in skips if profile.is_article_url(url) and reason.startswith(NO_BODY_REASONS))
    stored = sum(methods.values())
    lost = methods.get("generic", 0) + no_body
    if stored + no_body >= DRIFT_MIN_PAGES and lost / (stored + no_body) >= DRIFT_SHARE:
        return (f"LAYOUT DRIFT on {profile.host}: {lost} of {stored + no_body} article pages fell back to the "
                f"generic cleaner or had no body; check the selectors in crawler/profiles/ (version {profile.version})")
    return None


def entity_names(db_path: str) -> dict[str, dict[str, str]]:
    """Campaign and person ids -> names, to tell which ones a run added."""
    return {table: dict(_query(db_path, f"SELECT id, name FROM {table}")) for table in ("campaigns", "people")}


def new_entities(before: dict[str, dict[str, str]], after: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    return {table: sorted(name for key, name in names.items() if key not in before.get(table, {}))
            for table, names in after.items()}


COUNT_KEYS = ("fetched", "new", "updated", "unchanged", "failed")


def site_summary(result: SiteResult) -> dict[str, Any]:
    totals = result.report.get("totals") or {}
    skipped = totals.get("skipped") or {}
    return {"site": result.job.name, "status": result.status, **{k: totals.get(k, 0) for k in COUNT_KEYS},
            "skipped": sum(skipped.values()) if isinstance(skipped, dict) else skipped,
            "skipped_by_reason": skipped if isinstance(skipped, dict) else {},
            "duration_s": round(result.duration_s, 1), "message": result.message, "drift": result.drift,
            "crawl_run_id": result.report.get("run_id")}


def nightly_report(results: list[SiteResult], added: dict[str, list[str]], seconds: float) -> dict[str, Any]:
    sites = [site_summary(r) for r in results]
    failed = [s["site"] for s in sites if s["status"] != "ok"]
    return {"status": "failed" if failed else "ok", "failed_sites": failed,
            "drift": [s["site"] for s in sites if s["drift"]], "duration_s": round(seconds, 1),
            "totals": {k: sum(s[k] for s in sites) for k in COUNT_KEYS + ("skipped",)},
            "sites": sites, "new_campaigns": added.get("campaigns", []), "new_people": added.get("people", [])}


def run_nightly(db_path: str, jobs: list[SiteJob], *, mirror: str | None = None,
                overrides: list[str] | None = None, site_timeout: float | None = None) -> dict[str, Any]:
    """Crawl every enabled job in turn; the report is saved in the runs table and returned."""
    from thidua.schema.store import Store

    started = time.monotonic()
    with Store.open(db_path) as store:  # creates or upgrades the schema before any child writes
        run_id = store.start_run("nightly", {"sites": [j.name for j in jobs], "mirror": bool(mirror)})
    before = entity_names(db_path)
    results = []
    for job in jobs:
        if not job.enabled:
            log.info("%s: disabled in the sites file, skipped", job.name)
            continue
        result = run_site(job, db_path, mirror=mirror, overrides=overrides, timeout=site_timeout)
        result.drift = layout_drift(db_path, result)
        if result.drift:
            log.warning(result.drift)
        if result.status != "ok":
            log.error("%s: %s: %s", job.name, result.status, result.message)
        results.append(result)
    report = nightly_report(results, new_entities(before, entity_names(db_path)), time.monotonic() - started)
    report["run_id"] = run_id
    with Store.open(db_path) as store:
        store.finish_run(run_id, report["status"], report)
    return report
