"""`thidua demo`: the main job on the bundled data, with no internet.

The same code paths as a nightly crawl of the live sites: a local HTTP server serves the
stored pages under their real URLs, the real spider crawls them, every article is cleaned,
extracted and stored; the seed text dumps go through the same extract-and-store steps.
"""
from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

import click

from thidua.options import common_options, is_quiet
from thidua.paths import seeds_dir, sites_dir

log = logging.getLogger(__name__)

SUMMARY_FIELDS = ("articles", "campaigns", "phases", "date_ranges", "awards", "people", "statistics", "organizations")
EXAMPLE_QUERY = "lao dong gioi"


def seed_pages(directory: Path) -> list[tuple[Path, str, str | None]]:
    """(file, stable URL, site) of every seed dump listed in the seeds manifest."""
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    return [(directory / s["file"], f"corpus://seeds/{s['file']}", s.get("site")) for s in manifest["seeds"]]


def store_seeds(store: Any, run_id: int) -> dict[str, int]:
    """Extract and store the seed dumps; counts by outcome (new / updated / unchanged / skipped)."""
    from thidua.extract.pipeline import NotAnArticle, extract_path

    outcome: dict[str, int] = {}
    for path, url, site in seed_pages(seeds_dir()):
        try:
            record = extract_path(path, url=url, site=site)
            record["url"], record["site"] = url, site
            status = store.save_article(record, run_id=run_id)
        except (NotAnArticle, OSError) as reason:
            log.warning("%s: skipped: %s", path.name, reason)
            status = "skipped"
        outcome[status] = outcome.get(status, 0) + 1
    return outcome


def show_progress(snapshot: dict[str, Any]) -> None:
    totals = snapshot["totals"]
    click.echo(f"  crawling… {totals['fetched']} pages fetched, {totals['new']} new, "
               f"{sum(totals['skipped'].values())} skipped", err=True)


def crawl_mirror(db_path: str, verbose: bool) -> dict[str, Any]:
    """Serve corpus/sites locally and crawl every site in it with the real spider."""
    from thidua.crawler.mirror import serve_mirror
    from thidua.crawler.run import run_crawl

    if not verbose:  # the mirror holds a few pages per site, so most links lead to 404s: a line each is noise
        logging.getLogger("thidua.crawl").setLevel(logging.WARNING)
        logging.getLogger("thidua.crawler").setLevel(logging.WARNING)
    with serve_mirror(sites_dir()) as mirror:
        # the per-site table only with -v: the demo prints its own one-line account of the crawl
        return run_crawl(db_path, sites=list(mirror.hosts), start_urls=mirror.start_urls(), mirror=mirror.mapping,
                         progress=None if is_quiet() else show_progress, quiet=not verbose)


def summary_lines(counts: dict[str, int], before: dict[str, int], seconds: float) -> list[str]:
    added = {k: counts.get(k, 0) - before.get(k, 0) for k in SUMMARY_FIELDS}
    lines = [f"{'':<14}{'stored':>8}{'added now':>11}"]
    lines += [f"{name.replace('_', ' '):<14}{counts.get(name, 0):>8}{added[name]:>11}" for name in SUMMARY_FIELDS]
    lines.append(f"time taken: {seconds:.1f} s")
    if not any(added.values()):
        lines.append("nothing new: every article was already stored unchanged")
    return lines


def example_search(store: Any) -> list[str]:
    results = store.search(EXAMPLE_QUERY, limit=3)
    lines = [f'example search: thidua search "{EXAMPLE_QUERY}"  ({len(results)} shown)']
    for hit in results:
        lines.append(f"  - {hit['title']}  [{hit.get('site')}, {str(hit.get('published') or '')[:10]}]")
        lines.append(f"    {hit.get('snippet', '')}")
    return lines


@click.command(name="demo")
@common_options
def command(db_path: str) -> None:
    """Crawl, extract and store the bundled pages offline, then summarise the dataset.

    Starts a local HTTP server over corpus/sites, runs the real Scrapy spider over it, cleans
    and extracts every article, adds the seed articles from corpus/seeds, stores everything
    in the database and prints what is stored plus one example search. Running it again adds
    nothing and says so.
    """
    from thidua.schema.store import Store, StoreError

    started = time.perf_counter()
    try:
        with Store.open(db_path) as store:
            before = store.counts()
            run_id = store.start_run("demo-seeds", {"seeds": str(seeds_dir())})
            seeds = store_seeds(store, run_id)
            store.finish_run(run_id, "ok", {"seeds": seeds})
        if not is_quiet():
            click.echo(f"seed articles: {', '.join(f'{v} {k}' for k, v in sorted(seeds.items()))}", err=True)
        report = crawl_mirror(db_path, verbose=bool(click.get_current_context().meta.get("thidua.verbose")))
        with Store.open(db_path) as store:
            counts = store.counts()
            click.echo(crawl_lines(report))
            click.echo("\n".join(summary_lines(counts, before, time.perf_counter() - started)))
            click.echo("\n".join(example_search(store)))
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    if report.get("totals", {}).get("failed"):
        click.get_current_context().exit(1)


def crawl_lines(report: dict[str, Any]) -> str:
    totals = report.get("totals", {})
    return (f"crawl of the local mirror: {totals.get('fetched', 0)} pages fetched, {totals.get('new', 0)} new, "
            f"{totals.get('updated', 0)} updated, {totals.get('unchanged', 0)} unchanged, "
            f"{sum(totals.get('skipped', {}).values())} skipped, {totals.get('failed', 0)} failed")
