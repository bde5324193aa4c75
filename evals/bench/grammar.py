"""Time the date-range, phase and statistics components per article over the labelled set.

Run: python -m thidua.evals.bench.grammar [--repeat N]. The Docs are built once (underthesea
segmentation is timed apart); each component then runs on a fresh copy of the Doc as the
pipeline left it before that component, so the figures are the components' own time.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from thidua.evals.gold import load_labelled
from thidua.extract.nlp.doc import make_doc
from thidua.extract.nlp.pipeline import get_nlp
from thidua.extract.pipeline import NotAnArticle, extract_path

from thidua.paths import labelled_dir

MINE = ("thidua_date_ranges", "thidua_phases", "thidua_statistics")


def article_texts(directory: Path) -> list[tuple[str, str | None]]:
    texts = []
    for gold in load_labelled(directory):
        try:
            record = extract_path(gold.source, url=gold.url, site=gold.data.get("site"))
        except NotAnArticle:
            continue
        texts.append((record["text"], record.get("published") or gold.data.get("published")))
    return texts


def time_article(text: str, published: str | None, repeat: int) -> dict[str, float]:
    nlp = get_nlp()
    started = time.perf_counter()
    doc = make_doc(nlp, text, published)
    times = {"segmentation": time.perf_counter() - started}
    for name, component in nlp.pipeline:
        if name in MINE:
            runs = []
            for _ in range(repeat):
                copy = doc.copy()
                copy.user_data = {k: (dict(v) if isinstance(v, dict) else v) for k, v in doc.user_data.items()}
                copy.user_data["facts"] = {k: list(v) for k, v in doc.user_data.get("facts", {}).items()}
                started = time.perf_counter()
                component(copy)
                runs.append(time.perf_counter() - started)
            times[name] = min(runs)
        doc = component(doc)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = article_texts(labelled_dir())
    get_nlp()
    rows = [time_article(text, published, args.repeat) for text, published in texts]
    print(f"articles: {len(rows)}")
    for name in ("segmentation",) + MINE:
        values = [row[name] * 1000 for row in rows]
        print(f"{name:22} median {statistics.median(values):6.2f} ms   max {max(values):6.2f} ms")
    mine = [sum(row[n] for n in MINE) * 1000 for row in rows]
    print(f"{'three together':22} median {statistics.median(mine):6.2f} ms   max {max(mine):6.2f} ms")


if __name__ == "__main__":
    main()
