"""Run the pipeline on every labelled article and score it field by field."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from thidua.extract.pipeline import NotAnArticle, extract_path
from thidua.record import FACT_FIELDS
from thidua.text import match_key, normalize, normalize_inline

from .gold import GoldArticle
from .match import align, same_name, same_role, same_unit

log = logging.getLogger(__name__)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def as_dict(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += bool(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        return round(self.right / self.total, 4) if self.total else None


@dataclass
class Scores:
    fields: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FACT_FIELDS})
    role: Ratio = field(default_factory=Ratio)
    role_exact: Ratio = field(default_factory=Ratio)  # the role text alone, however the title is split
    recipient: Ratio = field(default_factory=Ratio)
    unit: Ratio = field(default_factory=Ratio)
    metadata: dict[str, Ratio] = field(default_factory=lambda: {k: Ratio() for k in ("title", "author", "published")})
    snippets: Ratio = field(default_factory=Ratio)
    articles: list[dict[str, Any]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # article id -> the cleaned text scored
    seconds: float = 0.0


def snippet_results(gold: GoldArticle, text: str | None) -> list[dict[str, Any]]:
    """Each must-include / must-exclude snippet with whether the text gets it right."""
    text = normalize(text or "")
    results = [{"snippet": s, "rule": "include", "ok": normalize(s) in text} for s in gold.items("text_must_include")]
    results += [{"snippet": s, "rule": "exclude", "ok": normalize(s) not in text} for s in gold.items("text_must_exclude")]
    return results


def _same_published(gold: str | None, predicted: str | None) -> bool:
    if not gold or not predicted:
        return not gold and not predicted
    # a label written to the minute without a zone ("2024-03-18T10:30") names the same moment
    return predicted == gold or (len(gold) < len(predicted) and predicted.startswith(gold))


def same_metadata(field: str, gold: str | None, predicted: str | None) -> bool:
    """Whether the title, author or published date of a record is the labelled one (the author
    case-insensitively: "THANH TRÚC")."""
    if field == "published":
        return _same_published(gold, predicted)
    if field == "author":
        return match_key(gold or "") == match_key(predicted or "")
    return normalize_inline(gold or "") == normalize_inline(predicted or "")


def _metadata_checks(gold: GoldArticle, record: dict) -> dict[str, bool]:
    return {field: same_metadata(field, gold.data.get(field), record.get(field)) for field in ("title", "author", "published")}


def _brief(item: Any) -> Any:
    """A fact without offsets and sentence, for the misses/extras listing."""
    if not isinstance(item, dict):
        return item
    return {k: v for k, v in item.items() if k not in ("char_start", "char_end", "sentence", "sentence_start", "sentence_end", "mentions")}


def _same_attribute(attribute: str) -> Any:
    return lambda gold, predicted: same_name(gold.get(attribute), predicted.get(attribute))


# the attribute of a matched fact scored apart, and how: a person's role (the title however it is
# split with the organisation; the role text alone also kept, as Scores.role_exact), an award's
# recipient, a statistic's unit (exactly as labelled, scale words folded in)
ATTRIBUTES = {"people": ("role", same_role, _same_attribute("role")),
              "awards": ("recipient", _same_attribute("recipient"), None),
              "statistics": ("unit", same_unit, None)}


def _score_attributes(name: str, gold_item: Any, predicted: dict, scores: Scores, detail: dict) -> None:
    """Add a matched fact's attribute to its accuracy; a wrong one is listed with the article
    as "gold -> predicted"."""
    if name not in ATTRIBUTES or not isinstance(gold_item, dict):
        return
    attribute, same, exact = ATTRIBUTES[name]
    ok = same(gold_item, predicted)
    getattr(scores, attribute).add(ok)  # Scores.role, .recipient, .unit
    if exact is not None:
        getattr(scores, f"{attribute}_exact").add(exact(gold_item, predicted))  # Scores.role_exact
    if not ok:
        detail.setdefault("wrong_attributes", []).append(
            f"{name} {attribute}: {gold_item.get(attribute)!r} -> {predicted.get(attribute)!r}")


def score_article(gold: GoldArticle, record: dict, scores: Scores) -> dict[str, Any]:
    """Add one article's results to `scores`; return its misses and extras."""
    detail: dict[str, Any] = {"id": gold.id, "misses": {}, "extras": {}}
    for name in FACT_FIELDS:
        pairs, missed, extras = align(name, gold.items(name), gold.optional(name), record.get(name) or [])
        scores.fields[name].add(len(pairs), len(extras), len(missed))
        if missed:
            detail["misses"][name] = [_brief(m) for m in missed]
        if extras:
            detail["extras"][name] = [_brief(e) for e in extras]
        for gold_item, predicted in pairs:
            _score_attributes(name, gold_item, predicted, scores, detail)
    checks = _metadata_checks(gold, record)
    for key, ok in checks.items():
        scores.metadata[key].add(ok)
    detail["metadata_wrong"] = {k: record.get(k) for k, ok in checks.items() if not ok}
    snippets = snippet_results(gold, record.get("text"))
    for result in snippets:
        scores.snippets.add(result["ok"])
    detail["snippets_wrong"] = [r for r in snippets if not r["ok"]]
    return detail


def run_pipeline(gold: GoldArticle) -> tuple[dict[str, Any] | None, str | None]:
    """The record the full pipeline makes of the stored page, or None and why not: it says
    not an article, or it failed (scored as an empty record, every gold fact missed)."""
    try:
        return extract_path(gold.source, url=gold.url, site=gold.data.get("site")), None
    except NotAnArticle as reason:
        log.warning("%s: pipeline said not an article: %s", gold.id, reason)
        return None, "not an article"
    except Exception as error:  # a crash on one article must not hide the others' scores
        log.error("%s: the pipeline failed: %s: %s", gold.id, type(error).__name__, error, exc_info=True)
        return None, f"pipeline failed: {type(error).__name__}: {error}"


def score_set(articles: list[GoldArticle]) -> Scores:
    scores = Scores()
    started = time.perf_counter()
    for gold in articles:
        record, error = run_pipeline(gold)
        record = record or {}
        scores.texts[gold.id] = record.get("text") or ""
        detail = score_article(gold, record, scores)
        if error:
            detail["error"] = error
        scores.articles.append(detail)
    scores.seconds = time.perf_counter() - started
    return scores


def scores_to_json(scores: Scores) -> dict[str, Any]:
    return {
        "docs": len(scores.articles),
        "fields": {name: tally.as_dict() for name, tally in scores.fields.items()},
        "people_role_accuracy": scores.role.value,
        "people_role_exact_accuracy": scores.role_exact.value,
        "award_recipient_accuracy": scores.recipient.value,
        "statistic_unit_accuracy": scores.unit.value,
        "metadata": {k: v.value for k, v in scores.metadata.items()},
        "snippets": {"right": scores.snippets.right, "total": scores.snippets.total, "accuracy": scores.snippets.value},
        "seconds": round(scores.seconds, 2),
        "articles": scores.articles,
    }
