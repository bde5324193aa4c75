"""A throwaway redis-server on loopback for the distributed-crawl tests (skipped when not installed)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

REDIS_SERVER = "redis-server"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_ping(port: int, process: subprocess.Popen, timeout: float = 15.0) -> None:
    import redis

    client = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=1)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"redis-server exited with code {process.returncode}")
        try:
            if client.ping():
                return
        except redis.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError(f"redis-server on port {port} did not answer PING within {timeout:.0f} s")


@pytest.fixture
def redis_url(tmp_path_factory) -> str:
    """redis://127.0.0.1:<free port>/0 of a fresh redis-server without persistence; killed afterwards."""
    binary = shutil.which(REDIS_SERVER)
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    workdir: Path = tmp_path_factory.mktemp("redis")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(workdir), "--logfile", str(workdir / "redis.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_ping(port, process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.kill()
        process.wait(timeout=10)


# --- a generated mirror: one profiled site with many more articles than the corpus holds ---------

SITE = "laodongthudo.vn"
SECTIONS = ("cong-doan", "cong-doan/hoat-dong", "cong-doan/vi-loi-ich-doan-vien", "cong-doan/thang-cong-nhan")
PAGES_PER_SECTION = 3
ARTICLES_PER_PAGE = 5
LISTING = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Công đoàn - trang {number}</title>
<link rel="canonical" href="{url}"></head><body><div class="box_list_news">
{items}
</div><div class="__MB_ARTICLE_PAGING">{paging}</div></body></html>
"""
ITEM = ('<div class="list_news"><div class="list_news_title"><h2><a href="{url}">Bài số {number}</a></h2>'
        "</div></div>")


def listing_url(section: str, number: int) -> str:
    return f"https://{SITE}/{section}" + (f"/p{number}" if number > 1 else "")


def build_site(root: Path, corpus_site: Path) -> dict[str, list[str]]:
    """Write a laodongthudo.vn mirror under root: 4 sections x 3 listing pages x 5 articles.

    The articles are the corpus's articles of the site under new URLs and ids (their canonical
    links rewritten), so one crawl has 60 distinct articles to split between workers.
    Returns {"listing": [urls], "article": [urls]}.
    """
    import json

    from thidua.crawler.mirror import load_manifest

    bases = [page for page in load_manifest(corpus_site) if page.kind == "article"]
    site = root / SITE
    site.mkdir(parents=True)
    entries, made = [], {"listing": [], "article": []}
    serial = 0
    for section in SECTIONS:
        for number in range(1, PAGES_PER_SECTION + 1):
            items = []
            for _ in range(ARTICLES_PER_PAGE):
                base = bases[serial % len(bases)]
                slug = base.url.rsplit("/", 1)[1].rsplit("-", 1)[0]  # the slug stays, the id is new
                url = f"https://{SITE}/{slug}-{900000 + serial}.html"
                html = base.file.read_bytes().decode("utf-8").replace(base.url, url)
                name = f"article-{serial:03d}.html"
                (site / name).write_text(html, encoding="utf-8")
                entries.append({"url": url, "file": name, "kind": "article"})
                made["article"].append(url)
                items.append(ITEM.format(url=url, number=serial))
                serial += 1
            url = listing_url(section, number)
            following = listing_url(section, number + 1) if number < PAGES_PER_SECTION else None
            paging = f'<a href="{following}">Sau »</a>' if following else ""
            name = f"listing-{section.replace('/', '-')}-{number}.html"
            (site / name).write_text(LISTING.format(number=number, url=url, items="\n".join(items), paging=paging),
                                     encoding="utf-8")
            entries.append({"url": url, "file": name, "kind": "listing"})
            made["listing"].append(url)
    (site / "manifest.json").write_text(json.dumps({"host": SITE, "pages": entries}, indent=1), encoding="utf-8")
    return made
