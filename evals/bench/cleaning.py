"""Benchmark: cleaning time per page, ours beside trafilatura's, on every stored HTML page.

    python -m thidua.evals.bench.cleaning [--repeat 5] [--htmldate] [--heavy 400]

Each page of corpus/sites/*/ (articles, listings, tag and video pages alike) is cleaned
`repeat` times by thidua.extract.clean.clean_html and by trafilatura.extract (default
settings); the best of the repeats is the page's time, so the figures are per page, not
spoiled by other work on a shared machine. Prints median and p95 in milliseconds per page.
With --htmldate, also times htmldate.find_date and counts the labelled publication days each finder
gets right (htmldate is not called by cleaning: it reads a header's "today" line as the date).
"""
from __future__ import annotations

import argparse
import json
import logging
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from thidua.extract.clean import clean_html

from thidua.paths import corpus_dir, labelled_dir, sites_dir

HTML_SUFFIXES = {".html", ".htm", ".ldo"}


def stored_pages() -> list[tuple[str | None, bytes, str | None]]:
    """(url, body, content type) of every HTML file under corpus/sites/, with the URL and
    content type its site's manifest gives (None for a file no manifest lists)."""
    listed: dict[Path, dict] = {}
    for manifest in sites_dir().glob("*/manifest.json"):
        for page in json.loads(manifest.read_text(encoding="utf-8")).get("pages", []):
            listed[(manifest.parent / page["file"]).resolve()] = page
    pages = []
    for path in sorted(sites_dir().rglob("*")):
        if path.suffix.lower() in HTML_SUFFIXES and path.is_file():
            page = listed.get(path.resolve(), {})
            pages.append((page.get("url"), path.read_bytes(), page.get("content_type")))
    return pages


def padded(body: bytes, items: int = 400) -> bytes:
    """A page made as heavy as a real one: a box of teaser items before </body>."""
    box = "".join(f'<div class="item"><h3><a href="/tin/{n}.html">Tin số {n} về hoạt động công đoàn cơ sở</a>'
                  f"</h3><p>Tóm tắt tin số {n}: công đoàn cơ sở tổ chức hoạt động cho đoàn viên.</p></div>"
                  for n in range(items))
    return body.replace(b"</body>", f'<div class="more-news">{box}</div></body>'.encode(), 1)


def best_time_ms(function: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def figures(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered):6.2f} ms   p95 {p95:6.2f} ms   max {ordered[-1]:6.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--htmldate", action="store_true", help="also time htmldate.find_date")
    parser.add_argument("--heavy", type=int, default=0, metavar="N",
                        help="also time the pages padded with an N-item teaser box (real pages weigh more)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # trafilatura and htmldate talk about every page
    import trafilatura

    pages = stored_pages()
    if not pages:
        print(f"no stored HTML pages under {sites_dir()}")
        return
    clean_html(pages[0][1], url=pages[0][0])  # word lists and selectors are loaded once per process
    ours = [best_time_ms(lambda p=page: clean_html(p[1], url=p[0], content_type=p[2]), args.repeat)
            for page in pages]
    theirs = [best_time_ms(lambda p=page: trafilatura.extract(p[1], url=p[0]), args.repeat) for page in pages]
    articles = sum(clean_html(body, url=url, content_type=ct).is_article for url, body, ct in pages)
    size = statistics.median(len(body) for _, body, _ in pages) / 1024
    print(f"{len(pages)} stored HTML pages ({articles} cleaned as articles), median size {size:.1f} KiB, "
          f"best of {args.repeat} runs per page")
    print(f"thidua clean_html      {figures(ours)}")
    print(f"trafilatura.extract    {figures(theirs)}")
    if args.heavy:
        heavy = [(url, padded(body), ct) for url, body, ct in pages]
        size = statistics.median(len(body) for _, body, _ in heavy) / 1024
        ours = [best_time_ms(lambda p=page: clean_html(p[1], url=p[0], content_type=p[2]), args.repeat)
                for page in heavy]
        theirs = [best_time_ms(lambda p=page: trafilatura.extract(p[1], url=p[0]), args.repeat) for page in heavy]
        print(f"the same pages with a {args.heavy}-item teaser box, median size {size:.1f} KiB:")
        print(f"thidua clean_html      {figures(ours)}")
        print(f"trafilatura.extract    {figures(theirs)}")
    if args.htmldate:
        from htmldate import find_date

        dates = [best_time_ms(lambda p=page: find_date(p[1].decode("utf-8", "replace"), url=p[0]), args.repeat)
                 for page in pages]
        print(f"htmldate.find_date     {figures(dates)}")
        print(date_agreement(find_date))


def date_agreement(find_date) -> str:
    """How often each finder gets the labelled publication day right (labelled HTML pages)."""
    ours = theirs = total = 0
    for label_file in sorted(labelled_dir().glob("*.json")):
        label = json.loads(label_file.read_text(encoding="utf-8"))
        path = corpus_dir() / label["source_file"]
        if not label.get("published") or path.suffix.lower() not in HTML_SUFFIXES:
            continue
        total += 1
        day = label["published"][:10]
        ours += (clean_html(path.read_bytes(), url=label.get("url")).published or "")[:10] == day
        theirs += (find_date(path.read_text(encoding="utf-8"), url=label.get("url"), original_date=True) or "") == day
    return f"publication day right on {total} labelled pages: thidua {ours}, htmldate (original_date) {theirs}"


if __name__ == "__main__":
    main()
