"""Export every data table as CSV, JSON Lines or Parquet, plus a generated data dictionary.

Rows are written in primary-key order, NULL as an empty CSV cell / JSON null / Parquet null.
`read_table` reads a file back with the dictionary's types, which the round-trip test uses.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from .dictionary import describe, markdown

FORMATS = ("csv", "jsonl", "parquet")
BATCH = 5000


def _rows(db: sqlite_utils.Database, table: str) -> Iterator[tuple]:
    pks = db[table].pks
    order = ", ".join(f'"{pk}"' for pk in pks)
    yield from db.execute(f'SELECT * FROM "{table}" ORDER BY {order}')


def _arrow_type(sql_type: str):
    import pyarrow as pa

    sql_type = (sql_type or "").upper()
    if "INT" in sql_type:
        return pa.int64()
    if any(word in sql_type for word in ("REAL", "FLOA", "DOUB", "NUMERIC")):
        return pa.float64()
    return pa.string()


def _write_csv(path: Path, columns: list[str], rows: Iterator[tuple]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])
            count += 1
    return count


def _write_jsonl(path: Path, columns: list[str], rows: Iterator[tuple]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_parquet(path: Path, columns: list[dict], rows: Iterator[tuple]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(col["name"], _arrow_type(col["type"])) for col in columns])
    count, batch = 0, []
    with pq.ParquetWriter(path, schema) as writer:
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist([dict(zip(schema.names, r)) for r in batch], schema))
                count, batch = count + len(batch), []
        writer.write_table(pa.Table.from_pylist([dict(zip(schema.names, r)) for r in batch], schema))
    return count + len(batch)


def export(db: sqlite_utils.Database, out_dir: str | Path, fmt: str) -> dict[str, int]:
    """Write one file per data table and DATA_DICTIONARY.md/.json into out_dir; rows per table."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    described = describe(db)
    files, written = {}, {}
    for table, info in described["tables"].items():
        path = out / f"{table}.{fmt}"
        names = [col["name"] for col in info["columns"]]
        if fmt == "csv":
            written[table] = _write_csv(path, names, _rows(db, table))
        elif fmt == "jsonl":
            written[table] = _write_jsonl(path, names, _rows(db, table))
        else:
            written[table] = _write_parquet(path, info["columns"], _rows(db, table))
        files[table] = path.name
        info["file"] = path.name
    described["format"] = fmt
    (out / "data_dictionary.json").write_text(json.dumps(described, ensure_ascii=False, indent=2), encoding="utf-8")
    (out / "DATA_DICTIONARY.md").write_text(markdown(described, files), encoding="utf-8")
    return written


def _typed(value, sql_type: str):
    if value in (None, ""):
        return None
    kind = _arrow_type(sql_type)
    import pyarrow as pa

    if kind == pa.int64():
        return int(value)
    if kind == pa.float64():
        return float(value)
    return str(value)


def read_table(out_dir: str | Path, table: str) -> list[dict]:
    """Rows of one exported table, typed as the data dictionary says (NULL and '' read as None)."""
    out = Path(out_dir)
    described = json.loads((out / "data_dictionary.json").read_text(encoding="utf-8"))
    info = described["tables"][table]
    types = {col["name"]: col["type"] for col in info["columns"]}
    path = out / info["file"]
    if described["format"] == "csv":
        with path.open(encoding="utf-8", newline="") as handle:
            raw = list(csv.DictReader(handle))
    elif described["format"] == "jsonl":
        raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    else:
        import pyarrow.parquet as pq

        raw = pq.read_table(path).to_pylist()
    return [{name: _typed(row.get(name), types[name]) for name in types} for row in raw]
