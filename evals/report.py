"""The evals as a terminal table, a markdown report and a floors check."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from thidua.record import FACT_FIELDS

FLOORS_FILE = Path(__file__).resolve().parent / "floors.json"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def field_table(result: dict[str, Any]) -> list[str]:
    """Markdown rows: per-field precision / recall / F1 with counts."""
    rows = ["| field | P | R | F1 | tp | fp | fn |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for name in FACT_FIELDS:
        f = result["fields"][name]
        rows.append(f"| {name} | {f['p']:.3f} | {f['r']:.3f} | {f['f1']:.3f} | {f['tp']} | {f['fp']} | {f['fn']} |")
    return rows


def summary_lines(result: dict[str, Any]) -> list[str]:
    meta = result["metadata"]
    snippets = result["snippets"]
    lines = [f"docs: {result['docs']}  ({result['seconds']} s)", ""] + field_table(result) + [""]
    lines.append(f"people role accuracy: {_pct(result['people_role_accuracy'])} "
                 f"(role text alone: {_pct(result.get('people_role_exact_accuracy'))})   "
                 f"award recipient accuracy: {_pct(result['award_recipient_accuracy'])}   "
                 f"statistic unit accuracy: {_pct(result.get('statistic_unit_accuracy'))}")
    lines.append(f"title / author / published accuracy: {_pct(meta['title'])} / {_pct(meta['author'])} / {_pct(meta['published'])}")
    lines.append(f"text snippets right: {snippets['right']}/{snippets['total']} ({_pct(snippets['accuracy'])})")
    baselines = result.get("baselines") or {}
    if "trafilatura_snippets" in baselines:
        t = baselines["trafilatura_snippets"]
        lines.append(f"  baseline trafilatura (HTML pages only, {t['pages']}): {t['right']}/{t['total']} ({_pct(t['accuracy'])})")
    if "underthesea_ner_people" in baselines:
        u = baselines["underthesea_ner_people"]
        lines.append(f"  baseline underthesea NER people: P {u['p']:.3f} R {u['r']:.3f} F1 {u['f1']:.3f}")
    return lines


def article_lines(result: dict[str, Any]) -> list[str]:
    """Per article: what was missed, what was extra, which metadata and snippets were wrong."""
    lines = []
    for article in result["articles"]:
        problems = []
        for kind in ("misses", "extras"):
            for name, items in article[kind].items():
                problems += [f"  {kind[:-2] if kind == 'misses' else 'extra'} {name}: {json.dumps(i, ensure_ascii=False)}" for i in items]
        problems += [f"  wrong {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in article.get("metadata_wrong", {}).items()]
        problems += [f"  wrong {line}" for line in article.get("wrong_attributes", [])]
        problems += [f"  snippet must be {r['rule']}d: {r['snippet'][:80]}" for r in article.get("snippets_wrong", [])]
        if article.get("error"):
            problems.insert(0, f"  error: {article['error']}")
        lines.append(f"{article['id']}: " + ("ok" if not problems else f"{len(problems)} issue(s)"))
        lines += problems
    return lines


def markdown_report(result: dict[str, Any], labelled: str) -> str:
    parts = ["# thidua evals", "", f"Labelled set: `{labelled}`", "", "## Summary", ""]
    parts += summary_lines(result)
    parts += ["", "## Per article", "", "```"] + article_lines(result) + ["```", ""]
    return "\n".join(parts)


def load_floors(path: Path = FLOORS_FILE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def below_floors(result: dict[str, Any], floors: dict[str, Any]) -> list[str]:
    """Every score under its pinned floor, as readable lines (empty: the gate passes)."""
    failures = []
    for name, floor in floors.get("fields", {}).items():
        f1 = result["fields"][name]["f1"]
        if f1 < floor:
            failures.append(f"{name} F1 {f1:.3f} < floor {floor:.3f}")
    accuracies = ("people_role_accuracy", "statistic_unit_accuracy")
    checks = {key: result.get(key) for key in accuracies}
    checks["snippets"] = result["snippets"]["accuracy"]
    checks.update({f"metadata.{k}": v for k, v in result["metadata"].items()})
    floor_values = {key: floors.get(key) for key in (*accuracies, "snippets")}
    floor_values.update({f"metadata.{k}": v for k, v in floors.get("metadata", {}).items()})
    for key, floor in floor_values.items():
        value = checks.get(key)
        if floor is not None and value is not None and value < floor:
            failures.append(f"{key} {value:.3f} < floor {floor:.3f}")
    return failures
