"""One crawl's link to the store: what is due for fetching, what was stored, what was skipped.

The store is the crawl's memory between runs: a page it holds is not fetched again unless a
feed or sitemap says it changed since, or it is older than THIDUA_RECHECK_DAYS; then the
request is conditional (If-None-Match / If-Modified-Since). Each article is committed as it is
saved, so a crawl killed at any moment resumes by simply running again: stored articles are
skipped, the rest are fetched, nothing is stored twice.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Callable

from .profiles import host_of
from .report import CrawlReport

log = logging.getLogger("thidua.crawl")

Progress = Callable[[dict[str, Any]], None]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def parse_when(value: Any) -> datetime | None:
    """An aware datetime from ISO 8601, an HTTP date or a date; None when unreadable."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    text = str(value).strip()
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


class CrawlSession:
    def __init__(self, store: Any, *, params: dict[str, Any], since: str | None = None,
                 recheck_days: float | None = None, progress: Progress | None = None,
                 progress_every: int = 25):
        self.store = store
        self.since = parse_when(since)
        self.recheck = timedelta(days=float(recheck_days)) if recheck_days not in (None, "") else None
        self.progress = progress
        self.progress_every = max(1, int(progress_every))
        self.report = CrawlReport()
        self.report.run_id = store.start_run("crawl", params)
        self._decided: set[str] = set()
        self._events = 0

    @classmethod
    def open(cls, db_path: str, **options: Any) -> "CrawlSession":
        from thidua.schema.store import Store

        return cls(Store.open(db_path), **options)

    # --- what to fetch --------------------------------------------------------------------

    def first_sight(self, url: str) -> bool:
        """True the first time a URL is considered in this run (listings repeat links)."""
        if url in self._decided:
            return False
        self._decided.add(url)
        return True

    def article_due(self, url: str, lastmod: Any = None) -> tuple[bool, dict[str, str], str | None]:
        """(fetch it?, conditional headers, reason when not)."""
        changed_at = parse_when(lastmod)
        if self.since and changed_at and changed_at < self.since:
            return False, {}, "before --since"
        state = self.store.page_state(url)
        if not state:
            return True, {}, None
        fetched_at = parse_when(state.get("fetched_at"))
        stale = fetched_at is None or (changed_at is not None and changed_at > fetched_at) or (
            self.recheck is not None and utc_now() - fetched_at >= self.recheck)
        if not stale:
            return False, {}, "already stored"
        return True, conditional_headers(state), None

    # --- what happened ----------------------------------------------------------------------

    def fetched(self, url: str) -> None:
        self.report.fetched(host_of(url))
        self._tick()

    def saved(self, url: str, outcome: str) -> None:
        self.report.outcome(host_of(url), outcome)
        log.debug("%s: %s", outcome, url)

    def unchanged(self, url: str, *, revalidated: bool = False) -> None:
        self.report.outcome(host_of(url), "unchanged")
        if revalidated:
            self.mark_checked(url)

    def mark_checked(self, url: str) -> None:
        """Note that a stored article was confirmed unchanged (304) now, so --recheck-days counts
        from today and an old article is not re-validated on every run."""
        now = utc_now().isoformat(timespec="seconds")
        try:
            if hasattr(self.store, "mark_fetched"):
                self.store.mark_fetched(url, now)
                return
            with self.store.transaction():  # the store has no call for it (yet): one guarded UPDATE
                self.store.conn.execute(
                    "UPDATE versions SET fetched_at = ? WHERE id = (SELECT current_version FROM articles WHERE url = ?)",
                    [now, url])
        except Exception as error:  # only costs an extra conditional request next time
            log.debug("could not note the check of %s: %s", url, error)

    def skip(self, url: str, reason: str, *, record: bool = True, detail: str | None = None) -> None:
        """Count a page left out under `reason` and log it with `detail` (the full message);
        `record` also writes it to the store's skip log."""
        self.report.skipped(host_of(url), reason)
        # decisions not to fetch (stored, --since, --max-pages) can number thousands: debug only
        log.log(logging.INFO if record else logging.DEBUG, "skipped %s: %s", url, detail or reason)
        if record:
            try:
                self.store.log_skip(url, detail or reason, self.report.run_id)
            except Exception as error:  # the skip log is a convenience; never stop the crawl for it
                log.warning("could not log the skip of %s: %s", url, error)

    def fail(self, url: str, reason: str) -> None:
        self.report.failed(host_of(url), reason)
        log.warning("failed %s: %s", url, reason)

    def _tick(self) -> None:
        self._events += 1
        if self._events % self.progress_every:
            return
        snapshot = self.report.as_dict()
        if self.progress:
            self.progress(snapshot)
        else:
            t = snapshot["totals"]
            log.info("progress: %d fetched, %d new, %d updated, %d unchanged, %d skipped, %d failed",
                     t["fetched"], t["new"], t["updated"], t["unchanged"], sum(t["skipped"].values()), t["failed"])

    def close(self, status: str) -> dict[str, Any]:
        import time

        self.report.finished = time.monotonic()
        self.report.status = status
        result = self.report.as_dict()
        try:
            self.store.finish_run(self.report.run_id, status, result)
        finally:
            self.store.close()
        return result


def conditional_headers(state: dict[str, Any]) -> dict[str, str]:
    headers = {}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    return headers
