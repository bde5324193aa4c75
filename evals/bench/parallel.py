"""Benchmark: extraction speed-up with worker processes on the bundled pages.

    python -m thidua.evals.bench.parallel [--pages N] [--workers 1,2]

Extracts N pages (the corpus's HTML articles and seed dumps, repeated) once per worker count
and prints pages/s and the speed-up over one worker. Pool start-up (model loading in each
worker) is timed separately, so the figure is the steady state a long crawl sees.
"""
from __future__ import annotations

import argparse
import json
import time

from thidua.evals.gold import load_labelled
from thidua.extract.parallel import Page, extract_one, worker_pool
from thidua.paths import labelled_dir


def corpus_pages() -> list[Page]:
    return [Page(path=gold.source, url=gold.url) for gold in load_labelled(labelled_dir())]


def run(pages: list[Page], workers: int) -> tuple[float, float]:
    """(start-up seconds, extraction seconds) for `pages` on `workers` processes."""
    started = time.perf_counter()
    with worker_pool(workers) as pool:
        list(pool.map(_noop, range(workers * 4)))  # every worker is up and warm
        ready = time.perf_counter()
        outcomes = list(pool.map(extract_one, pages, chunksize=4))
        finished = time.perf_counter()
    assert sum(o.record is not None for o in outcomes) > 0
    return ready - started, finished - ready


def _noop(_: int) -> None:
    time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=240)
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()
    base = corpus_pages()
    pages = (base * (args.pages // len(base) + 1))[: args.pages]
    results = {}
    for workers in [int(w) for w in args.workers.split(",")]:
        startup, seconds = run(pages, workers)
        results[workers] = {"startup_s": round(startup, 2), "seconds": round(seconds, 2),
                            "pages_per_s": round(len(pages) / seconds, 1)}
    one = results.get(1, {}).get("seconds")
    for workers, figures in results.items():
        figures["speedup"] = round(one / figures["seconds"], 2) if one else None
        print(f"workers={workers}: {figures['pages_per_s']} pages/s over {len(pages)} pages "
              f"(start-up {figures['startup_s']} s), speed-up x{figures['speedup']}")
    print(json.dumps({"pages": len(pages), "results": results}))


if __name__ == "__main__":
    main()
