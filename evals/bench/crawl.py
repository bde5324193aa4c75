"""Benchmark: crawl + extract + store through the local mirror, against extraction alone.

    python -m thidua.evals.bench.crawl [--pages 2000]

Builds a mirror of N article pages from the corpus's laodong.vn articles (each copy with its own
id and altered text, so every page is a distinct article), listed in a sitemap named by
robots.txt, then times in fresh processes: (1) extract_page over every page's bytes, and
(2) `run_crawl` fetching, extracting and storing them through the loopback mirror (politeness
relaxed for it automatically), extraction on a thread and then on one worker process (whose
CPU is counted too). The processes load the NLP models before the clock starts.
Prints pages/s and the crawl+store overhead over extraction alone (goal: at most 25 %), in CPU
seconds (all threads of each process; steady on a busy machine) and in wall-clock seconds.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from thidua.crawler.mirror import load_manifest, serve_mirror
from thidua.paths import sites_dir

HOST = "laodong.vn"
ID = re.compile(r"-(\d+)\.(ldo|html)$")


def templates() -> list[tuple[str, str]]:
    """(url, html) of the corpus's laodong.vn articles."""
    pages = [p for p in load_manifest(sites_dir() / HOST) if p.kind == "article"]
    return [(p.url, p.file.read_text(encoding="utf-8")) for p in pages]


def variant(url: str, html: str, number: int) -> tuple[str, str]:
    """A distinct article: a new id in the URL and page, the number woven into title and text."""
    old_id = ID.search(url).group(1)
    new_id = str(5_000_000 + number)
    new_url = url.replace(f"-{old_id}.", f"-{new_id}.")
    page = html.replace(old_id, new_id)
    page = page.replace("</h1>", f" (số {number})</h1>", 1)
    page = page.replace("<p>", f"<p>Tin số {number}: ", 2)
    return new_url, page


def build_mirror(root: Path, count: int) -> list[str]:
    """Write a laodong.vn mirror of `count` articles under root; return their URLs."""
    site = root / HOST
    site.mkdir(parents=True)
    base = templates()
    urls, entries = [], []
    for number in range(count):
        url, page = variant(*base[number % len(base)], number)
        name = f"a{number}.html"
        (site / name).write_text(page, encoding="utf-8")
        entries.append({"url": url, "file": name, "kind": "article"})
        urls.append(url)
    sitemap = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    (site / "sitemap.xml").write_text(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sitemap}</urlset>')
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: https://{HOST}/bench-sitemap.xml\n")
    (site / "start.html").write_text("<html><body><p>bench</p></body></html>")
    entries += [
        {"url": f"https://{HOST}/bench-sitemap.xml", "file": "sitemap.xml", "kind": "sitemap",
         "content_type": "application/xml"},
        {"url": f"https://{HOST}/robots.txt", "file": "robots.txt", "kind": "robots", "content_type": "text/plain"},
        {"url": f"https://{HOST}/bench/", "file": "start.html", "kind": "other"},
    ]
    (site / "manifest.json").write_text(json.dumps({"host": HOST, "pages": entries}))
    return urls


def warm_up() -> None:
    from thidua.extract.pipeline import extract_page

    url, html = templates()[0]
    extract_page(html.encode(), url=url)


def phase_extract(root: Path) -> dict:
    from thidua.extract.pipeline import NotAnArticle, extract_page

    pages = [p for p in load_manifest(root / HOST) if p.kind == "article"]
    bodies = [(p.url, p.file.read_bytes()) for p in pages]
    warm_up()
    started, cpu = time.perf_counter(), time.process_time()
    articles = 0
    for url, body in bodies:
        try:
            extract_page(body, url=url, content_type="text/html; charset=utf-8")
            articles += 1
        except NotAnArticle:
            pass
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "articles": articles}


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def phase_crawl(root: Path, mirror: str, db: Path, workers: int) -> dict:
    from thidua.crawler.run import run_crawl

    warm_up()
    started, cpu, children = time.perf_counter(), time.process_time(), children_cpu()
    report = run_crawl(str(db), start_urls=[f"https://{HOST}/bench/"], mirror=mirror, quiet=True,
                       settings={"CONCURRENT_REQUESTS": 16, "THIDUA_PROGRESS_EVERY": 500,
                                 "THIDUA_EXTRACT_WORKERS": workers})
    # the extraction workers' CPU counts too (they have exited and been reaped by now)
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu + children_cpu() - children,
            "articles": report["totals"]["new"],
            "fetched": report["totals"]["fetched"], "failed": report["totals"]["failed"]}


def run_phase(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "thidua.evals.bench.crawl", *args],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench phase {args[:2]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=None,
                        help="extraction worker processes in the crawl (default: both 0, a thread, and 1)")
    parser.add_argument("--phase", choices=["extract", "crawl"], help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    parser.add_argument("--mirror", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.workers = args.workers if args.phase != "crawl" else (args.workers or 0)
    if args.phase == "extract":
        print(json.dumps(phase_extract(Path(args.root))))
        return
    if args.phase == "crawl":
        print(json.dumps(phase_crawl(Path(args.root), args.mirror, Path(args.db), args.workers)))
        return
    with tempfile.TemporaryDirectory(prefix="thidua-bench-") as tmp:
        root = Path(tmp) / "sites"
        urls = build_mirror(root, args.pages)
        extract = run_phase("--phase", "extract", "--root", str(root))
        crawls = {}
        for workers in ([args.workers] if args.workers is not None else [0, 1]):
            with serve_mirror(root) as mirror:
                crawls[workers] = run_phase("--phase", "crawl", "--root", str(root), "--mirror", mirror.base_url,
                                            "--db", str(Path(tmp) / f"bench-{workers}.db"), "--workers", str(workers))
    print(f"pages in the mirror:      {len(urls)}")
    print(f"extract only:             {extract['seconds']:.1f} s wall, {extract['cpu']:.1f} s CPU, "
          f"{len(urls) / extract['seconds']:.1f} pages/s ({extract['articles']} articles)")
    for workers, crawl in crawls.items():
        where = "a thread" if workers == 0 else f"{workers} process{'es' if workers > 1 else ''}"
        wall = crawl["seconds"] / extract["seconds"] - 1
        cpu = crawl["cpu"] / extract["cpu"] - 1
        print(f"crawl + extract + store, extraction on {where}: {crawl['seconds']:.1f} s wall, "
              f"{crawl['cpu']:.1f} s CPU, {crawl['fetched'] / crawl['seconds']:.1f} pages/s "
              f"({crawl['articles']} stored, {crawl['failed']} failed)")
        print(f"    overhead over extract only: {wall:+.1%} wall, {cpu:+.1%} CPU (goal <= +25 %)")


if __name__ == "__main__":
    main()
