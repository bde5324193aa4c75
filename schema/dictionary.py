"""The data dictionary: dictionary.yaml joined with the live schema (types, keys, row counts)."""
from __future__ import annotations

import functools
from pathlib import Path

import sqlite_utils
import yaml

DICTIONARY_FILE = Path(__file__).with_name("dictionary.yaml")
INTERNAL_PREFIXES = ("search_index", "headline_index", "sqlite_")  # full-text indexes are derived, not data


@functools.lru_cache(maxsize=1)
def load_dictionary() -> dict:
    return yaml.safe_load(DICTIONARY_FILE.read_text(encoding="utf-8"))


def data_tables(db: sqlite_utils.Database) -> list[str]:
    """Tables holding data (not the search index or SQLite's own), in dictionary order."""
    order = list(load_dictionary()["tables"])
    names = [t for t in db.table_names() if not t.startswith(INTERNAL_PREFIXES)]
    return sorted(names, key=lambda t: (order.index(t) if t in order else len(order), t))


def describe(db: sqlite_utils.Database) -> dict:
    """Every data table with its description, row count and columns (type, key, meaning, unit)."""
    meta = load_dictionary()
    tables = {}
    for name in data_tables(db):
        table = db[name]
        known = meta["tables"].get(name, {})
        references = {fk.column: f"{fk.other_table}.{fk.other_column}" for fk in table.foreign_keys}
        columns = []
        for column in table.columns:
            info = known.get("columns", {}).get(column.name, {})
            columns.append({"name": column.name, "type": column.type or "TEXT",
                            "primary_key": bool(column.is_pk), "references": references.get(column.name),
                            "description": info.get("description"), "unit": info.get("unit")})
        tables[name] = {"description": known.get("description"), "rows": table.count, "columns": columns}
    return {"title": meta["title"], "description": meta["description"],
            "conventions": meta["conventions"], "tables": tables}


def markdown(described: dict, files: dict[str, str]) -> str:
    lines = [f"# {described['title']}", "", described["description"], "", "## Conventions", ""]
    lines += [f"- **{name}**: {text}" for name, text in described["conventions"].items()]
    for name, table in described["tables"].items():
        lines += ["", f"## {name}", "", f"{table['description'] or ''}", "",
                  f"File: `{files.get(name, '')}` — {table['rows']} rows.", "",
                  "| column | type | key | description | unit |", "|---|---|---|---|---|"]
        for col in table["columns"]:
            key = "primary key" if col["primary_key"] else (f"→ {col['references']}" if col["references"] else "")
            text = (col["description"] or "").replace("|", "\\|")
            lines.append(f"| {col['name']} | {col['type']} | {key} | {text} | {col['unit'] or ''} |")
    return "\n".join(lines) + "\n"
