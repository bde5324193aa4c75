"""`thidua extract PATH...`: clean and extract files without storing anything."""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Iterator

import click

from thidua.options import verbosity_options
from thidua.record import FACT_FIELDS

log = logging.getLogger(__name__)

READABLE_SUFFIXES = {".html", ".htm", ".txt", ".ldo", ".xhtml"}  # not .json manifests


def iter_inputs(paths: tuple[str, ...]) -> Iterator[Path]:
    """Files named directly, and article-like files under named directories, in order."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES)
        else:
            yield path


def summary(record: dict) -> str:
    """A readable account of one record."""
    lines = [f"# {record.get('title') or '(no title)'}",
             f"  {record.get('url') or ''}  site={record.get('site')}  author={record.get('author')}  "
             f"published={record.get('published')}  words={len((record.get('text') or '').split())}"]
    for field in FACT_FIELDS + ("organizations",):
        items = record.get(field) or []
        lines.append(f"  {field} ({len(items)}):")
        for item in items[:12]:
            shown = {k: v for k, v in item.items() if k not in ("char_start", "char_end", "sentence", "sentence_start", "sentence_end", "mentions") and v not in (None, "")}
            lines.append("    - " + ", ".join(f"{k}={v}" for k, v in shown.items()))
        if len(items) > 12:
            lines.append(f"    … {len(items) - 12} more")
    return "\n".join(lines)


@click.command(name="extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["summary", "json"]), default="summary", show_default=True,
              help="json: one extraction record per article per line (corpus/ANNOTATION.md).")
@click.option("--url", default=None, help="The page's URL, when extracting a single file (picks the site profile).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes extracting in parallel.")
@verbosity_options
def command(paths: tuple[str, ...], fmt: str, url: str | None, workers: int) -> None:
    """Clean and extract articles from HTML files, text dumps or directories of them.

    Nothing is stored. A file that is not an article gets a one-line reason on stderr
    and the others still go through; the exit code is 1 when no file was an article.
    """
    from thidua.extract.parallel import Page, extract_many

    done = 0
    pages = [Page(path=path, url=url) for path in iter_inputs(paths)]
    for outcome in extract_many(pages, workers=workers):
        if outcome.record is None:
            why = f"not an article ({outcome.skipped})" if outcome.skipped else outcome.error
            click.echo(f"{outcome.page.path}: skipped: {why}", err=True)
            continue
        done += 1
        record = outcome.record
        click.echo(json.dumps(record, ensure_ascii=False) if fmt == "json" else summary(record) + "\n")
    if not done:
        click.get_current_context().exit(1)
