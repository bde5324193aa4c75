"""Run a crawl in this process and return its report (what `thidua crawl` and the demo call).

Twisted's reactor starts once per process: call run_crawl once per process (tests run repeated
crawls as subprocesses). The pieces are split so later additions slot in without a rewrite:
`crawl_settings` (a redis scheduler is a settings overlay), `CrawlSession` (a run lock or a
sites file wraps the call), `run_crawl` itself (process, spider, report).
"""
from __future__ import annotations

import logging
import sys
from typing import Any, Callable, Iterable

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from .handlers import parse_mirror
from .report import format_report, report_json
from .session import CrawlSession
from .spiders.union import UnionSpider

log = logging.getLogger("thidua.crawl")

SETTINGS_MODULE = "thidua.crawler.settings"


def crawl_settings(db_path: str, *, mirror: Any = None, settings: dict[str, Any] | None = None) -> Settings:
    """The project's settings, then the db and mirror, then the caller's overrides."""
    result = Settings()
    result.setmodule(SETTINGS_MODULE, priority="project")
    result.set("THIDUA_DB", str(db_path), priority="cmdline")
    if mirror:
        result.set("THIDUA_MIRROR", parse_mirror(mirror), priority="cmdline")
    for name, value in (settings or {}).items():
        result.set(name, value, priority="cmdline")
    if "THIDUA_CONTACT" in (settings or {}) and "USER_AGENT" not in (settings or {}):
        from .settings import user_agent

        result.set("USER_AGENT", user_agent(result.get("THIDUA_CONTACT")), priority="cmdline")
    return result


def run_crawl(db_path: str, *, sites: Iterable[str] = (), start_urls: Iterable[str] = (), allow: str | None = None,
              max_pages: int | None = None, since: str | None = None, mirror: Any = None,
              settings: dict[str, Any] | None = None, json_report: bool = False,
              progress: Callable[[dict[str, Any]], None] | None = None, quiet: bool = False) -> dict[str, Any]:
    """Crawl, extract and store; print the end-of-crawl counts (JSON when `json_report`); return them.

    The report: {"run_id", "status", "message", "duration_s", "sites": {host: {fetched, new,
    updated, unchanged, skipped: {reason: n}, failed, errors: {reason: n}, duration_s}}, "totals"}.
    """
    config = crawl_settings(db_path, mirror=mirror, settings=settings)
    arguments = {"sites": list(sites), "start_url": list(start_urls), "allow": allow,
                 "max_pages": max_pages, "since": since}
    session = CrawlSession.open(
        str(db_path), params={**arguments, "mirror": bool(mirror)}, since=since,
        recheck_days=config.get("THIDUA_RECHECK_DAYS"), progress=progress,
        progress_every=config.getint("THIDUA_PROGRESS_EVERY", 25))
    config.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    process = quiet_process(config)
    crawler = process.create_crawler(UnionSpider)
    process.crawl(crawler, session=session, **arguments)
    try:
        process.start()
    finally:
        reason = crawler.stats.get_value("finish_reason") if crawler.stats else None
        report = finish(session, reason)
    if not quiet:
        sys.stdout.write((report_json(report) if json_report else format_report(report)) + "\n")
        sys.stdout.flush()
    return report


def quiet_process(config: Settings) -> CrawlerProcess:
    """A CrawlerProcess that keeps the log levels thidua's CLI chose (Scrapy resets its loggers)."""
    levels = {name: logging.getLogger(name).level for name in ("scrapy", "twisted", "py.warnings")}
    scrapy_level = logging.getLogger("scrapy").getEffectiveLevel()
    if scrapy_level > logging.DEBUG:  # hide the banner Scrapy logs while it sets itself up
        logging.disable(scrapy_level - 1)
    try:
        process = CrawlerProcess(config)
    finally:
        logging.disable(logging.NOTSET)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    return process


def finish(session: CrawlSession, reason: str | None) -> dict[str, Any]:
    """Close the run in the store with its status and a message naming unreachable sites."""
    report = session.report
    dead = report.unreachable()
    if dead:
        why = "; ".join(f"{host}: {', '.join(report.sites[host].errors)}" for host in dead)
        report.message = f"could not reach {len(dead)} site(s): {why}"
    if reason == "finished":
        status = "failed" if dead and not any(c.fetched for c in report.sites.values()) else "finished"
    else:
        status = f"stopped: {reason or 'error'}"
    return session.close(status)


def exit_code(report: dict[str, Any]) -> int:
    """0 when every page was fetched or skipped for a reason; 1 when pages failed or the run stopped."""
    if report.get("status") != "finished":
        return 1
    return 1 if report.get("totals", {}).get("failed") else 0
