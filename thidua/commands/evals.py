"""`thidua evals`: score the full pipeline against a labelled set and gate on pinned floors."""
from __future__ import annotations

import json
from pathlib import Path

import click

from thidua.options import verbosity_options
from thidua.paths import REPO_ROOT, labelled_dir

DEFAULT_REPORT = REPO_ROOT / "evals" / "reports" / "latest.md"


@click.command(name="evals")
@click.option("--labelled", "labelled", type=click.Path(exists=True, file_okay=False), default=None,
              help="Directory of union-news-gold/1 files (default: corpus/labelled).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with every score.")
@click.option("--baselines/--no-baselines", default=True, show_default=True,
              help="Also score trafilatura's text and raw underthesea NER (slower).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), default=str(DEFAULT_REPORT),
              show_default=True, help="Markdown report to write ('-' for none).")
@click.option("--check-floors", is_flag=True, help="Exit 1 when a score is below evals/floors.json.")
@click.option("--floors", "floors_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Floors file (default: evals/floors.json).")
@verbosity_options
def command(labelled: str | None, as_json: bool, baselines: bool, report_path: str,
            check_floors: bool, floors_path: str | None) -> None:
    """Run the pipeline on every labelled article and print per-field precision, recall and F1.

    Also people role accuracy, award recipient accuracy, title/author/published accuracy,
    the text snippet checks, and per article the misses and the extras.
    """
    from thidua.evals import baselines as base
    from thidua.evals.gold import load_labelled
    from thidua.evals.report import (article_lines, below_floors, load_floors, markdown_report,
                                     summary_lines)
    from thidua.evals.score import score_set, scores_to_json

    directory = Path(labelled) if labelled else labelled_dir()
    articles = load_labelled(directory)
    if not articles:
        raise click.ClickException(f"no union-news-gold/1 files in {directory}")
    scores = score_set(articles)
    result = scores_to_json(scores)
    if baselines:
        result["baselines"] = {
            "trafilatura_snippets": base.trafilatura_snippets(articles),
            "underthesea_ner_people": base.underthesea_people(articles, scores.texts),
        }
    if report_path != "-":
        Path(report_path).parent.mkdir(parents=True, exist_ok=True)
        shown = directory.resolve()
        shown = shown.relative_to(REPO_ROOT) if shown.is_relative_to(REPO_ROOT) else shown
        Path(report_path).write_text(markdown_report(result, str(shown)), encoding="utf-8")
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        click.echo("\n".join(summary_lines(result) + [""] + article_lines(result)))
    failures = below_floors(result, load_floors(Path(floors_path)) if floors_path else load_floors())
    if failures:
        click.echo("below the pinned floors:\n  " + "\n  ".join(failures), err=True)
        if check_floors:
            click.get_current_context().exit(1)
