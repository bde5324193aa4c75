"""`thidua crawl`: fetch union news, extract it and store it, incrementally and politely."""
from __future__ import annotations

import contextlib
import json
from datetime import date
from pathlib import Path

import click

from thidua.options import common_options, is_quiet


def parse_setting(text: str) -> tuple[str, object]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise click.BadParameter(f"expected NAME=VALUE, got {text!r}", param_hint="-s/--set")
    try:
        return name.strip(), json.loads(value)
    except json.JSONDecodeError:
        return name.strip(), value


def check_since(ctx, param, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def shared_scheduler(url: str, **params) -> dict:
    """Settings that make this crawl one worker of a crawl shared through redis (same options, same queue)."""
    from thidua.crawler.distributed import RedisUnavailable, check_redis, crawl_key, redis_settings

    try:
        check_redis(url)
    except RedisUnavailable as error:
        raise click.ClickException(str(error)) from None
    params["db"] = Path(params.pop("db_path")).name
    params = {name: list(value) if isinstance(value, tuple) else value for name, value in params.items()}
    return redis_settings(url, crawl=crawl_key(**{k: v for k, v in params.items() if v not in (None, [])}))


@click.command(name="crawl")
@click.argument("sites", nargs=-1)
@click.option("--start-url", "start_urls", multiple=True, metavar="URL",
              help="Crawl any portal from this page: sitemaps from robots.txt, feeds, same-host links (repeatable).")
@click.option("--allow", metavar="REGEX", help="Only follow and store URLs matching this regular expression.")
@click.option("--max-pages", type=click.IntRange(min=0), metavar="N", help="Fetch at most N article pages.")
@click.option("--since", callback=check_since, metavar="DATE", help="Leave out articles published before DATE.")
@click.option("--recheck-days", type=click.FloatRange(min=0), metavar="DAYS",
              help="Re-validate stored articles fetched more than DAYS ago (conditional requests).")
@click.option("--mirror", metavar="DIR|URL",
              help="Serve the hosts from a local mirror: a folder of sites (corpus/sites) or a mirror's base URL.")
@click.option("--redis", "redis_url", metavar="URL", envvar="THIDUA_REDIS",
              help="Share the crawl with other workers through redis (redis://host:6379/0); each runs this same command.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Override a crawler setting (e.g. -s DOWNLOAD_DELAY=2); JSON values are parsed.")
@click.option("--json", "as_json", is_flag=True, help="Print the end-of-crawl report as JSON.")
@common_options
def command(db_path: str, sites: tuple[str, ...], start_urls: tuple[str, ...], allow: str | None,
            max_pages: int | None, since: str | None, recheck_days: float | None, mirror: str | None,
            redis_url: str | None, overrides: tuple[str, ...], as_json: bool) -> int:
    """Crawl SITE... (the profiled union news sites when none is named), extract and store articles.

    Articles already stored are not fetched again; listing pages always are. Stop it at any time
    (even with kill -9): the next run picks up where it ended without storing anything twice.
    Exits non-zero when pages failed or a site could not be reached.
    """
    from thidua.crawler.mirror import serve_mirror
    from thidua.crawler.run import exit_code, run_crawl
    from thidua.crawler.profiles import PROFILES
    from thidua.schema.errors import StoreError

    for site in sites:
        if site.removeprefix("www.") not in PROFILES and "." not in site:
            raise click.BadParameter(f"unknown site {site!r}; known: {', '.join(sorted(PROFILES))}",
                                     param_hint="SITE")
    settings = {}
    if redis_url:  # first, so that -s can still tune the shared crawl (e.g. THIDUA_REDIS_IDLE_TIMEOUT)
        settings.update(shared_scheduler(redis_url, db_path=db_path, sites=sites, start_urls=start_urls,
                                         allow=allow, since=since))
    settings.update(parse_setting(item) for item in overrides)
    if recheck_days is not None:
        settings["THIDUA_RECHECK_DAYS"] = recheck_days
    with contextlib.ExitStack() as stack:
        mapping = mirror
        if mirror and Path(mirror).is_dir():
            server = stack.enter_context(serve_mirror(Path(mirror)))
            mapping = server.mapping
            # a named site without a profile starts from the listings its stored pages include
            start_urls = tuple(start_urls) + tuple(server.start_urls([s.removeprefix("www.") for s in sites]))
        try:
            report = run_crawl(db_path, sites=sites, start_urls=start_urls, allow=allow, max_pages=max_pages,
                               since=since, mirror=mapping, settings=settings, json_report=as_json,
                               quiet=is_quiet() and not as_json)
        except StoreError as error:  # the database cannot be opened: nothing was crawled
            raise click.ClickException(str(error)) from None
    if report.get("message"):
        click.echo(f"thidua crawl: {report['message']}", err=True)
    return exit_code(report)
