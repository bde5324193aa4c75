"""search, export and serve on bad databases: one clear line on stderr, non-zero exit, nothing touched."""
from __future__ import annotations

import sqlite3

import pytest
from thidua.schema.store import Store

from thidua.cli import main

COMMANDS = [["search", "lao"], ["export", "--format", "jsonl", "OUT"], ["serve", "--port", "0"]]


def run(capsys, args, db, tmp_path):
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    code = main([*args, "--db", str(db)])
    err = capsys.readouterr().err
    return code, err


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_foreign_sqlite_file(tmp_path, capsys, args):
    path = tmp_path / "shop.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    code, err = run(capsys, args, path, tmp_path)
    assert code == 1 and "not a thidua database" in err and err.count("\n") == 1
    assert path.read_bytes() == before


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_corrupt_file(tmp_path, capsys, args, new_record):
    path = tmp_path / "thidua.db"
    with Store.open(path) as store:
        store.save_article(new_record())
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\x00\xff" * ((4096 - 100) // 2)
    path.write_bytes(bytes(data))
    code, err = run(capsys, args, path, tmp_path)
    assert code == 1 and "corrupt" in err and "Traceback" not in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_locked_by_another_writer(tmp_path, capsys, args, new_record):
    path = tmp_path / "thidua.db"
    with Store.open(path) as store:
        store.save_article(new_record())
    # an editor's new aliases need a write (re-resolving entities) while a crawl holds the lock
    (tmp_path / "aliases.yaml").write_text("campaigns:\n  split: [\"1 triệu sáng kiến\"]\n", encoding="utf-8")
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, err = run(capsys, [*args[:1], "--timeout", "0.3", *args[1:]], path, tmp_path)
    finally:
        holder.rollback()
        holder.close()
    assert code == 1 and "locked by another writer (waited 0.3s)" in err
    with Store.open(path) as store:  # once free, the aliases apply
        assert store.conn.execute("SELECT value FROM thidua_meta WHERE key = 'aliases_digest'").fetchone()[0]
