"""The datasette side of `thidua serve`: metadata from the data dictionary, and a plugin with
a diacritics-insensitive search page at /search and the thidua_fold() SQL function.

The plugin is this module, registered in-process (datasette.plugins.pm.register), not installed.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from datasette import hookimpl
from datasette.utils.asgi import Response

from thidua.text import fold

from .dictionary import load_dictionary
from .errors import QueryError
from .search import html_snippet, parse_query
from .searching import run_search

TEMPLATES = Path(__file__).with_name("templates")
DATASETTE_FILE = Path(__file__).with_name("datasette.yaml")
FACT_TABLES = ("campaign_mentions", "person_mentions", "phases", "date_ranges", "awards", "statistics",
               "organization_mentions")


def metadata(database: str) -> dict:
    """Datasette metadata: titles and column descriptions (with units) plus facets and canned queries."""
    meta, extra = load_dictionary(), yaml.safe_load(DATASETTE_FILE.read_text(encoding="utf-8"))
    tables = {}
    for name, table in meta["tables"].items():
        columns = {col: info["description"] + (f" [unit: {info['unit']}]" if info.get("unit") else "")
                   for col, info in table.get("columns", {}).items()}
        tables[name] = {"description": table.get("description", ""), "columns": columns,
                        **extra["tables"].get(name, {})}
    for view, settings in extra["tables"].items():  # views are not in the data dictionary
        tables.setdefault(view, dict(settings))
    tables["search_index"] = tables["headline_index"] = {"hidden": True}
    return {"title": meta["title"], "description": meta["description"],
            "databases": {database: {"tables": tables, "queries": extra["queries"]}}}


@hookimpl
def prepare_connection(conn):
    conn.create_function("thidua_fold", 1, lambda text: fold(text) if isinstance(text, str) else text,
                         deterministic=True)


@hookimpl
def register_routes():
    return [(r"^/search$", search_page)]


@hookimpl
def extra_template_vars():
    return {"thidua_search_path": "/search"}


def _first_database(datasette):
    names = [name for name in datasette.databases if name != "_internal"]
    return names[0]


async def search_page(datasette, request):
    args = request.args
    q = (args.get("q") or "").strip()
    filters = {key: (args.get(key) or "").strip() or None for key in ("campaign", "person", "site", "since", "until")}
    database = _first_database(datasette)
    results, error = [], None
    if q or any(filters.values()):
        try:
            parsed = parse_query(q) if q else None
            db = datasette.get_database(database)
            results = await db.execute_fn(lambda conn: _search(conn, q, parsed, filters))
        except QueryError as problem:
            error = str(problem)
    context = {"q": q, "filters": filters, "results": results, "error": error, "database": database,
               "fact_tables": FACT_TABLES, "searched": bool(q or any(filters.values()))}
    return Response.html(await datasette.render_template("thidua_search.html", context, request=request),
                         status=400 if error else 200)


def _search(conn, q, parsed, filters) -> list[dict]:
    results = run_search(conn, q, limit=50, **filters)
    for hit in results:
        hit["version_id"], version_text = conn.execute(
            "SELECT v.id, v.text FROM articles a JOIN versions v ON v.id = a.current_version WHERE a.id = ?",
            [hit["article_id"]]).fetchone()
        if parsed is not None:
            hit["snippet_html"] = html_snippet(version_text or "", parsed)
        hit["facts"] = {table: conn.execute(f"SELECT count(*) FROM {table} WHERE version_id = ?",
                                            [hit["version_id"]]).fetchone()[0] for table in FACT_TABLES}
    return results
