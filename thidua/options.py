"""Options every subcommand shares, as decorators (the sqlite-utils way)."""
from __future__ import annotations

import functools
import logging

import click

from .paths import DEFAULT_DB


def configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", force=True)
    # Scrapy and the NLP libraries are chatty at INFO; keep them for -vv.
    for noisy in ("scrapy", "twisted", "filelock", "urllib3", "datasette", "httpx", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose > 1 else logging.WARNING)


def db_option(func):
    return click.option(
        "--db", "db_path", default=DEFAULT_DB, show_default=True, envvar="THIDUA_DB",
        type=click.Path(dir_okay=False), help="SQLite database file (env THIDUA_DB).",
    )(func)


def verbosity_options(func):
    """-v/--verbose and --quiet; sets up logging before the command runs."""

    @click.option("-v", "--verbose", count=True, help="More detail on stderr (-vv: also Scrapy's log).")
    @click.option("--quiet", is_flag=True, help="Only warnings and errors on stderr.")
    @functools.wraps(func)
    def wrapper(*args, verbose: int, quiet: bool, **kwargs):
        configure_logging(verbose, quiet)
        ctx = click.get_current_context()
        ctx.meta["thidua.quiet"] = quiet
        ctx.meta["thidua.verbose"] = verbose
        return func(*args, **kwargs)

    return wrapper


def common_options(func):
    """--db, -v/--verbose and --quiet."""
    return db_option(verbosity_options(func))


def is_quiet() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.meta.get("thidua.quiet"))
