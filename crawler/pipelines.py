"""The one item pipeline: clean -> extract -> store.

Extraction is CPU-heavy (30-100 ms an article), so it runs off the reactor, on a worker thread
or on worker processes (see extractors.py), while downloads go on; saving happens back on the
reactor thread, where the store's SQLite connection lives. A page whose bytes are those already stored is unchanged without
being extracted again.
"""
from __future__ import annotations

import hashlib
import logging
from typing import Any

from thidua.extract.pipeline import NotAnArticle, extract_page

from .extractors import extractor_for

log = logging.getLogger("thidua.crawl")


def raw_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


class ExtractStorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.in_thread = crawler.settings.getbool("THIDUA_EXTRACT_IN_THREAD", True)
        self.extractor = extractor_for(crawler.settings.getint("THIDUA_EXTRACT_WORKERS", 0))

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def extract(self, item: dict[str, Any]) -> dict[str, Any]:
        if not self.in_thread:
            return extract_page(item["body"], url=item["url"], content_type=item.get("content_type"))
        return await self.extractor.extract(item["body"], item["url"], item.get("content_type"))

    def open_spider(self, spider=None) -> None:
        self.extractor.start()

    def close_spider(self, spider=None) -> None:
        self.extractor.stop()

    async def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        session = self.crawler.spider.session
        url = item["url"]
        digest = raw_hash(item["body"])
        state = session.store.page_state(url)
        if state and state.get("raw_hash") == digest:  # the very bytes stored: nothing to extract
            session.unchanged(url, revalidated=True)
            return {"url": url, "outcome": "unchanged"}
        try:
            record = await self.extract(item)
        except NotAnArticle as reason:
            # counted by the reason's head ("listing page"), logged with its details
            kind = str(reason).split(":")[0].split("(")[0].strip() or "not an article"
            prefix = "not an article: " if item.get("kind") == "article" else ""
            session.skip(url, prefix + kind, detail=prefix + str(reason))
            return {"url": url, "outcome": "skipped"}
        except Exception as error:  # a page that breaks extraction must not stop the crawl
            log.warning("extraction failed on %s", url, exc_info=True)
            session.skip(url, f"extraction error: {type(error).__name__}")
            return {"url": url, "outcome": "skipped"}
        if too_old(record, session.since):
            session.skip(url, "published before --since")
            return {"url": url, "outcome": "skipped"}
        record.setdefault("url", url)
        try:
            outcome = session.store.save_article(
                record, raw_hash=digest, etag=item.get("etag"), last_modified=item.get("last_modified"),
                fetched_at=item.get("fetched_at"), run_id=session.report.run_id)
        except Exception as error:  # e.g. the database is locked or full: this page only is lost, and refetched next run
            log.error("could not store %s: %s", url, error)
            session.fail(url, f"store error: {type(error).__name__}")
            return {"url": url, "outcome": "failed"}
        session.saved(url, outcome)
        return {"url": url, "outcome": outcome}


def too_old(record: dict[str, Any], since) -> bool:
    from thidua.crawler.session import parse_when

    published = parse_when(record.get("published"))
    return bool(since and published and published < since)
