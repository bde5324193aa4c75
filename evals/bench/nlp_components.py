"""Benchmark: time per article of each NLP fact component, on every labelled article.

    python -m thidua.evals.bench.nlp_components [--repeat 5]

Each labelled article is cleaned once; its Doc (underthesea segmentation) is built once and
not timed. Each component then runs `repeat` times on a fresh copy of the Doc with the
earlier components' output, and the best repeat is its time for the article, so the figures
are per article and not spoiled by other work on a shared machine. Prints median and p95 in
milliseconds per component, and for the people/awards/campaigns/organisations group together.
"""
from __future__ import annotations

import argparse
import logging
import statistics
import time

from thidua.evals.gold import load_labelled
from thidua.extract.nlp.doc import make_doc
from thidua.extract.nlp.pipeline import get_nlp
from thidua.extract.pipeline import NotAnArticle, extract_path
from thidua.paths import labelled_dir

GROUP = ("thidua_organizations", "thidua_campaigns", "thidua_awards", "thidua_people")


def article_texts() -> list[str]:
    texts = []
    for gold in load_labelled(labelled_dir()):
        try:
            texts.append(extract_path(gold.source, url=gold.url)["text"])
        except NotAnArticle as reason:
            logging.warning("%s skipped: %s", gold.id, reason)
    return texts


def time_components(text: str, repeat: int) -> dict[str, float]:
    """Best-of-`repeat` milliseconds of each component on one article."""
    nlp = get_nlp()
    best: dict[str, float] = {}
    for _ in range(repeat):
        doc = make_doc(nlp, text)
        for name, component in nlp.pipeline:
            started = time.perf_counter()
            doc = component(doc)
            elapsed = (time.perf_counter() - started) * 1000
            best[name] = min(best.get(name, elapsed), elapsed)
    best["group"] = sum(best[name] for name in GROUP)
    return best


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = article_texts()
    time_components(texts[0], 1)  # load lexicons and models outside the timing
    rows = [time_components(text, args.repeat) for text in texts]
    print(f"{len(rows)} articles, best of {args.repeat} runs each (ms per article)")
    for name in list(rows[0]):
        values = [row[name] for row in rows]
        print(f"  {name:24} median {statistics.median(values):6.2f}   p95 {percentile(values, 0.95):6.2f}")


if __name__ == "__main__":
    main()
