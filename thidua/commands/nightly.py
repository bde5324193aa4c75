"""`thidua nightly`: the scheduled run — every enabled site, one report, never two at once."""
from __future__ import annotations

import contextlib
import json
import logging
import logging.handlers
from pathlib import Path

import click

from thidua.options import common_options, is_quiet
from thidua.runlock import LockHeld, RunLock

LOG_MAX_BYTES = 10 * 1024 * 1024
LOG_BACKUPS = 5


def add_log_file(path: str) -> None:
    """Also log to `path`, rotated by size so an unattended machine never fills its disk."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.DEBUG)  # the file keeps each crawl's own log; the console stays terse
    root = logging.getLogger()
    for console in root.handlers:
        console.setLevel(max(console.level, root.level))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)


@click.command(name="nightly")
@click.option("--sites", "sites_file", type=click.Path(exists=True, dir_okay=False),
              help="YAML list of profiles and start URLs to crawl (default: every built-in site).")
@click.option("--start-url", "start_urls", multiple=True, metavar="URL", help="Crawl this portal only (repeatable).")
@click.option("--mirror", metavar="DIR|URL", help="Serve the hosts from a local mirror (a folder like corpus/sites, or its URL).")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Crawler setting for every site.")
@click.option("--site-timeout", type=click.FloatRange(min=1), default=3 * 3600, show_default=True,
              help="Seconds one site may take before it is stopped (the next run resumes it).")
@click.option("--log-file", type=click.Path(dir_okay=False), help="Also log here, rotated at 10 MB (5 kept).")
@click.option("--json", "as_json", is_flag=True, help="Print the run report as JSON (for monitoring).")
@common_options
def command(db_path: str, sites_file: str | None, start_urls: tuple[str, ...], mirror: str | None,
            overrides: tuple[str, ...], site_timeout: float, log_file: str | None, as_json: bool) -> int:
    """Crawl every enabled site incrementally, store what is new or changed, report per site.

    Exit code 0 when every site ran, 1 when one failed (the others still run), 75 when another
    run holds the lock. A run killed at any moment can simply be started again.
    """
    from thidua.crawler.mirror import serve_mirror
    from thidua.crawler.nightly import SitesFileError, default_jobs, load_sites_file, run_nightly
    from thidua.crawler.nightly_report import format_nightly
    from thidua.schema.store import StoreError

    if log_file:
        add_log_file(log_file)
    try:
        jobs = load_sites_file(Path(sites_file)) if sites_file else default_jobs(start_urls)
    except SitesFileError as error:
        raise click.ClickException(str(error)) from None
    try:
        with RunLock.beside(db_path), contextlib.ExitStack() as stack:
            if mirror and Path(mirror).is_dir():
                # only the mirrored hosts go to the mirror; any other start URL is fetched for real
                mirror = json.dumps(stack.enter_context(serve_mirror(Path(mirror))).mapping)
            report = run_nightly(db_path, jobs, mirror=mirror, overrides=list(overrides), site_timeout=site_timeout)
    except LockHeld as held:
        click.echo(f"thidua nightly: not started: {held}", err=True)
        return 75
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False))
    elif not is_quiet() or report["status"] != "ok":
        click.echo(format_nightly(report))
    logging.getLogger("thidua.nightly").info("nightly run %s: %s", report.get("run_id"), report["status"])
    return 0 if report["status"] == "ok" else 1
