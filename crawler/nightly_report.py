"""The nightly run report as people read it."""
from __future__ import annotations

from typing import Any

COLUMNS = ("fetched", "new", "updated", "unchanged", "skipped", "failed")


def format_nightly(report: dict[str, Any]) -> str:
    width = max([len(s["site"]) for s in report["sites"]] + [5])
    header = f"{'site':<{width}}  {'status':<8}" + "".join(f"{c:>10}" for c in COLUMNS) + f"{'time':>9}"
    lines = [f"nightly run {report.get('run_id')}: {report['status']} in {report['duration_s']} s", header]
    for site in report["sites"]:
        lines.append(f"{site['site']:<{width}}  {site['status']:<8}" + "".join(f"{site[c]:>10}" for c in COLUMNS)
                     + f"{site['duration_s']:>8}s")
    totals = report["totals"]
    lines.append(f"{'total':<{width}}  {'':<8}" + "".join(f"{totals[c]:>10}" for c in COLUMNS))
    for site in report["sites"]:
        if site["message"]:
            lines.append(f"! {site['site']}: {site['status']}: {site['message']}")
        if site["drift"]:
            lines.append(f"!! {site['drift']}")
        reasons = site.get("skipped_by_reason") or {}
        if reasons:
            lines.append(f"  {site['site']} skipped: " + ", ".join(f"{n} {r}" for r, n in sorted(reasons.items())))
    for kind in ("campaigns", "people"):
        names = report.get(f"new_{kind}") or []
        shown = ", ".join(names[:15]) + (f", … ({len(names) - 15} more)" if len(names) > 15 else "")
        lines.append(f"new {kind} ({len(names)}): {shown or '—'}")
    return "\n".join(lines)
