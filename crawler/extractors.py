"""Where the crawl runs extraction: one worker thread (default) or worker processes.

Extraction is CPU-bound Python, so a thread shares the interpreter lock with the reactor;
worker processes (THIDUA_EXTRACT_WORKERS = N) take it off the crawling process entirely and
use the other cores, each loading the NLP models once. Both give back a record or raise
NotAnArticle, the same as calling extract_page directly.
"""
from __future__ import annotations

import logging
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from thidua.extract.parallel import Page, extract_one, worker_pool
from thidua.extract.pipeline import NotAnArticle, extract_page

log = logging.getLogger("thidua.crawl")


class ThreadExtractor:
    """One thread: the NLP models are loaded once and never shared between threads."""

    def __init__(self) -> None:
        self.pool = ThreadPool(minthreads=1, maxthreads=1, name="thidua-extract")

    def start(self) -> None:
        self.pool.start()

    def stop(self) -> None:
        self.pool.stop()

    async def extract(self, body: bytes, url: str, content_type: str | None) -> dict[str, Any]:
        from twisted.internet import reactor  # the one Scrapy installed

        return await maybe_deferred_to_future(deferToThreadPool(
            reactor, self.pool, extract_page, body, url=url, content_type=content_type))


class ProcessExtractor:
    """N worker processes (spawned: forking a process that runs Twisted is unsafe)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        self.pool = worker_pool(self.workers)

    def stop(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    async def extract(self, body: bytes, url: str, content_type: str | None) -> dict[str, Any]:
        try:
            outcome = await maybe_deferred_to_future(as_deferred(
                self.pool.submit(extract_one, Page(body=body, url=url, content_type=content_type))))
        except BrokenProcessPool:  # a worker died (killed, out of memory): start afresh, retry once
            log.warning("an extraction worker died; restarting the pool")
            self.stop()
            self.start()
            outcome = await maybe_deferred_to_future(as_deferred(
                self.pool.submit(extract_one, Page(body=body, url=url, content_type=content_type))))
        if outcome.skipped is not None:
            raise NotAnArticle(outcome.skipped)
        if outcome.error is not None:
            raise ExtractionError(outcome.error)
        return outcome.record


class ExtractionError(Exception):
    """Extraction failed inside a worker; the message names the error."""


def as_deferred(future: Future) -> Deferred:
    """A Deferred fired on the reactor thread when a concurrent future is done."""
    from twisted.internet import reactor

    deferred: Deferred = Deferred()

    def done(finished: Future) -> None:
        error = finished.exception()
        if error is not None:
            reactor.callFromThread(deferred.errback, error)
        else:
            reactor.callFromThread(deferred.callback, finished.result())

    future.add_done_callback(done)
    return deferred


def extractor_for(workers: int):
    return ProcessExtractor(workers) if workers > 0 else ThreadExtractor()
