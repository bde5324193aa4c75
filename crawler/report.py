"""What a crawl did, per site: the counts printed at its end and returned by run_crawl."""
from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

OUTCOMES = ("new", "updated", "unchanged")


@dataclass
class SiteCounts:
    fetched: int = 0  # responses received (listings, feeds and 304s included)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> pages
    failed: int = 0
    errors: Counter = field(default_factory=Counter)  # why pages failed
    started: float | None = None
    last: float | None = None

    def touch(self) -> None:
        now = time.monotonic()
        self.started = self.started or now
        self.last = now

    def as_dict(self) -> dict[str, Any]:
        duration = (self.last - self.started) if self.started and self.last else 0.0
        return {
            "fetched": self.fetched, "new": self.new, "updated": self.updated, "unchanged": self.unchanged,
            "skipped": dict(sorted(self.skipped.items())), "failed": self.failed,
            "errors": dict(sorted(self.errors.items())), "duration_s": round(duration, 2),
        }


class CrawlReport:
    def __init__(self) -> None:
        self.sites: dict[str, SiteCounts] = {}
        self.started = time.monotonic()
        self.finished: float | None = None
        self.status = "running"
        self.run_id: Any = None
        self.message: str | None = None

    def site(self, host: str | None) -> SiteCounts:
        return self.sites.setdefault(host or "?", SiteCounts())

    def fetched(self, host: str | None) -> None:
        counts = self.site(host)
        counts.fetched += 1
        counts.touch()

    def outcome(self, host: str | None, outcome: str) -> None:
        counts = self.site(host)
        setattr(counts, outcome, getattr(counts, outcome) + 1)
        counts.touch()

    def skipped(self, host: str | None, reason: str) -> None:
        self.site(host).skipped[reason] += 1

    def failed(self, host: str | None, reason: str) -> None:
        counts = self.site(host)
        counts.failed += 1
        counts.errors[reason] += 1
        counts.touch()

    def totals(self) -> dict[str, Any]:
        total: dict[str, Any] = {"fetched": 0, "new": 0, "updated": 0, "unchanged": 0, "failed": 0}
        skipped: Counter = Counter()
        for counts in self.sites.values():
            for name in total:
                total[name] += getattr(counts, name)
            skipped.update(counts.skipped)
        total["skipped"] = dict(sorted(skipped.items()))
        return total

    def unreachable(self) -> list[str]:
        """Sites where every request failed: a dead server, a wrong host, no network."""
        return [host for host, c in self.sites.items() if c.failed and not c.fetched]

    def as_dict(self) -> dict[str, Any]:
        end = self.finished or time.monotonic()
        return {
            "run_id": self.run_id, "status": self.status, "message": self.message,
            "duration_s": round(end - self.started, 2),
            "sites": {host: counts.as_dict() for host, counts in sorted(self.sites.items())},
            "totals": self.totals(),
        }


def format_report(report: dict[str, Any]) -> str:
    """The end-of-crawl summary as a few readable lines."""
    lines = [f"crawl {report.get('status')} in {report.get('duration_s', 0):.1f}s"
             + (f" (run {report['run_id']})" if report.get("run_id") is not None else "")]
    rows = list(report.get("sites", {}).items()) + [("total", report.get("totals", {}))]
    width = max(len(host) for host, _ in rows)
    for host, c in rows:
        skipped = c.get("skipped", {})
        skipped_text = ", ".join(f"{reason}: {n}" for reason, n in skipped.items())
        lines.append(
            f"  {host:<{width}} fetched {c.get('fetched', 0):>5}  new {c.get('new', 0):>4}  "
            f"updated {c.get('updated', 0):>3}  unchanged {c.get('unchanged', 0):>4}  "
            f"skipped {sum(skipped.values()):>4}  failed {c.get('failed', 0):>3}"
            + (f"  [{skipped_text}]" if skipped_text else "")
        )
        for reason, n in c.get("errors", {}).items():
            lines.append(f"      failed: {reason} ({n})")
    if report.get("message"):
        lines.append(report["message"])
    return "\n".join(lines)


def report_json(report: dict[str, Any]) -> str:
    """The report as one line of JSON (the last line of `thidua crawl --json`'s output)."""
    return json.dumps(report, ensure_ascii=False, default=str)
