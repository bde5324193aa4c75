"""Extraction over several processes: the NLP is CPU-bound, so threads would not help.

Each worker loads the models and lexicons once (the pool initializer), then takes pages in
chunks; results come back in input order.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from .pipeline import NotAnArticle, extract_page, extract_path


@dataclass(frozen=True)
class Page:
    """One input: a file, or bytes with their URL (as the crawler has them)."""

    path: Path | None = None
    body: bytes | None = None
    url: str | None = None
    content_type: str | None = None


@dataclass
class Outcome:
    page: Page
    record: dict[str, Any] | None = None
    skipped: str | None = None  # why it is not an article
    error: str | None = None  # why it could not be read or processed


def extract_one(page: Page) -> Outcome:
    """Never raises: every input ends as a record, a skip or an error."""
    try:
        if page.path is not None:
            return Outcome(page, record=extract_path(page.path, url=page.url))
        return Outcome(page, record=extract_page(page.body or b"", url=page.url, content_type=page.content_type))
    except NotAnArticle as reason:
        return Outcome(page, skipped=str(reason))
    except OSError as error:
        return Outcome(page, error=f"cannot read: {error.strerror or error}")
    except Exception as error:  # one bad page must not stop the batch
        return Outcome(page, error=f"{type(error).__name__}: {error}")


def _warm_up() -> None:  # runs once in each new worker
    from .nlp import get_nlp

    get_nlp()
    extract_one(Page(body=b"<html><body><article><p>Kh\xe1\xbb\x9fi \xc4\x91\xe1\xbb\x99ng.</p></article></body></html>"))


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """Processes that have loaded the models once each and take pages from then on."""
    context = multiprocessing.get_context("spawn")  # fork after Twisted or torch threads is unsafe
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_warm_up)


def extract_many(pages: Iterable[Page], workers: int = 1, chunksize: int = 8) -> Iterator[Outcome]:
    """Outcomes in input order; workers=1 runs in this process."""
    if workers <= 1:
        yield from map(extract_one, pages)
        return
    with worker_pool(workers) as pool:
        yield from pool.map(extract_one, pages, chunksize=chunksize)
