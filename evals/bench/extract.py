"""Benchmark: the full extract (clean + NLP) per article, beside underthesea's own cost.

    python -m thidua.evals.bench.extract [--batch 1000] [--no-ner]

Pinned to one core. Prints, per article over the labelled set (median / p95 / max):
our clean, our NLP and the full extract; underthesea.word_tokenize and underthesea.ner over
the same cleaned text; the same figures for seed 000 alone; then the peak RSS while
extracting a batch of N articles (the labelled pages repeated) in one process.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import time
from typing import Any, Callable

from thidua.evals.gold import GoldArticle, load_labelled
from thidua.extract.clean import clean_html, clean_text_dump
from thidua.extract.nlp import extract_facts
from thidua.extract.pipeline import extract_path
from thidua.paths import labelled_dir


def clean(gold: GoldArticle):
    data = gold.source.read_bytes()
    if gold.source.suffix == ".txt":
        return clean_text_dump(data.decode("utf-8"), url=gold.url, site=gold.data.get("site"))
    return clean_html(data, url=gold.url)


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = func()
    return (time.perf_counter() - started) * 1000, value


def per_article(gold: GoldArticle, with_ner: bool) -> dict[str, float]:
    from underthesea import ner, word_tokenize

    clean_ms, article = timed(lambda: clean(gold))
    nlp_ms, _ = timed(lambda: extract_facts(article.text, article.published))
    figures = {"clean": clean_ms, "nlp": nlp_ms, "full extract": clean_ms + nlp_ms,
               "underthesea.word_tokenize": timed(lambda: word_tokenize(article.text))[0]}
    if with_ner:
        figures["underthesea.ner"] = timed(lambda: ner(article.text))[0]
    return figures


def summarise(rows: list[dict[str, float]]) -> dict[str, dict[str, float]]:
    out = {}
    for name in rows[0]:
        values = sorted(row[name] for row in rows)
        p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
        out[name] = {"median": round(statistics.median(values), 1), "p95": round(p95, 1), "max": round(values[-1], 1)}
    return out


def peak_rss_mb(articles: list[GoldArticle], batch: int) -> float:
    for i in range(batch):
        gold = articles[i % len(articles)]
        extract_path(gold.source, url=gold.url, site=gold.data.get("site"))
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=1000, help="articles in the RSS batch (0: skip)")
    parser.add_argument("--no-ner", action="store_true", help="skip underthesea.ner (about 0.7 s an article)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    articles = load_labelled(labelled_dir())
    per_article(articles[0], with_ner=not args.no_ner)  # load models and lexicons once, outside the timings
    rows = {gold.id: per_article(gold, with_ner=not args.no_ner) for gold in articles}
    result = {"articles": len(rows), "per_article_ms": summarise(list(rows.values())),
              "seed_000_ms": {k: round(v, 1) for k, v in rows.get("seed-000", {}).items()}}
    if args.batch:
        result["batch"] = args.batch
        result["peak_rss_mb"] = round(peak_rss_mb(articles, args.batch), 1)
    print(f"{'per article (ms), one core':<28}{'median':>9}{'p95':>9}{'max':>9}{'seed 000':>10}")
    for name, figures in result["per_article_ms"].items():
        seed = result["seed_000_ms"].get(name, float("nan"))
        print(f"{name:<28}{figures['median']:>9}{figures['p95']:>9}{figures['max']:>9}{seed:>10}")
    if args.batch:
        print(f"peak RSS after {args.batch} articles in one process: {result['peak_rss_mb']} MB")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
