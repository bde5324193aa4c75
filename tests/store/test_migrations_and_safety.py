"""Upgrades in place, transactional writes, and files that are not (usable) thidua databases."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from thidua.schema import facts as facts_module
from thidua.schema.migrate import latest_number
from thidua.schema.store import Store, StoreError


def test_v1_database_upgrades_in_place_without_losing_rows(db_path, record, new_record):
    # A database as version 1 of the schema wrote it: no search index, no year column.
    with Store.open(db_path, upto=1) as old:
        assert old.schema_version() == 1
        tables = set(old.db.table_names())
        assert "search_index" not in tables
        old.conn.execute("BEGIN")
        old.conn.execute("INSERT INTO sites (id, first_seen) VALUES ('laodongthudo.vn', '2023-01-01')")
        old.conn.execute("INSERT INTO articles (id, url, site, title, published, current_version, version_count,"
                         " first_seen, updated_at) VALUES (7, 'https://laodongthudo.vn/cu.html', 'laodongthudo.vn',"
                         " 'Bài cũ về Lao động giỏi', '2021-05-02', 70, 1, '2021-05-02', '2021-05-02')")
        old.conn.execute("INSERT INTO versions (id, article_id, number, content_hash, extraction_hash, saved_at, title,"
                         " text) VALUES (70, 7, 1, 'h', 'e', '2021-05-02', 'Bài cũ về Lao động giỏi',"
                         " 'Phong trào Lao động giỏi ở quận Đống Đa.')")
        old.conn.execute("INSERT INTO campaigns (id, name, key) VALUES ('cold', 'Lao động giỏi', 'lao động giỏi')")
        old.conn.execute("INSERT INTO campaign_mentions (campaign_id, name, version_id, article_id) "
                         "VALUES ('cold', 'Lao động giỏi', 70, 7)")
        old.conn.execute("COMMIT")
    with Store.open(db_path) as store:
        assert store.schema_version() == latest_number() > 1
        assert store.conn.execute("SELECT title, year FROM articles WHERE id = 7").fetchone() == \
            ("Bài cũ về Lao động giỏi", 2021)
        assert store.conn.execute("SELECT count(*) FROM campaign_mentions").fetchone()[0] == 1
        assert [hit["url"] for hit in store.search("dong da")] == ["https://laodongthudo.vn/cu.html"]
        assert store.save_article(record) == "new"
        assert store.counts()["articles"] == 2
    applied = sqlite3.connect(db_path).execute("SELECT number FROM thidua_migrations ORDER BY number").fetchall()
    assert [n for (n,) in applied] == list(range(1, latest_number() + 1))


def test_store_uses_wal_and_foreign_keys(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_crash_inside_the_transaction_leaves_previous_state(store, record, new_record, monkeypatch, db_path):
    store.save_article(record)
    before = {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
              for t in ("articles", "versions", "campaign_mentions", "campaigns", "statistics", "people")}

    def explode(self, facts, record):
        raise RuntimeError("power cut while writing statistics")

    monkeypatch.setattr(facts_module.FactWriter, "write_statistics", explode)
    changed = new_record(text=record["text"] + "\n\nĐoạn mới về Lao động giỏi.", title="Tiêu đề mới")
    with pytest.raises(RuntimeError):
        store.save_article(changed)
    with pytest.raises(RuntimeError):
        store.save_article(new_record(url="https://laodongthudo.vn/khac.html"))
    after = {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in before}
    assert after == before
    assert store.search("doan moi") == []  # the index was rolled back too
    monkeypatch.undo()
    assert store.save_article(changed) == "updated"


def test_not_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store.open(path)
    assert path.read_bytes() == before


def test_other_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices VALUES (1, 9.5)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a thidua database"):
        Store.open(path)
    assert path.read_bytes() == before


def test_corrupt_database_is_a_clear_error(db_path, record):
    with Store.open(db_path) as store:
        store.save_article(record)
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page: the first page after the header
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as error:
        Store.open(db_path)
    assert "corrupt" in str(error.value) and "\n" not in str(error.value)


def test_damaged_data_page_fails_cleanly_on_use(db_path, new_record, tmp_path):
    with Store.open(db_path) as store:
        for i in range(40):
            store.save_article(new_record(url=f"https://laodongthudo.vn/{i}.html"))
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(page * 3, len(data) - page, page * 2):  # damage many pages, keep the schema page
        data[offset:offset + 200] = b"\x13" * 200
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError), Store.open(db_path) as store:
        store.counts()
        store.search("lao dong")
        for i in range(40):
            store.page_state(f"https://laodongthudo.vn/{i}.html")
        raise StoreError("damage went unnoticed")  # only reached if nothing failed


def test_locked_database_waits_then_says_so(db_path, record):
    Store.open(db_path).close()
    holder = sqlite3.connect(db_path, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with Store.open(db_path, timeout=0.5) as store:
            started = time.monotonic()
            with pytest.raises(StoreError, match="locked by another writer"):
                store.save_article(record)
            assert time.monotonic() - started >= 0.4
            assert store.counts()["articles"] == 0  # readers still work under WAL
    finally:
        holder.rollback()
        holder.close()


def test_lock_released_in_time_lets_the_write_through(db_path, record):
    Store.open(db_path).close()
    holder = sqlite3.connect(db_path, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, holder.rollback).start()
    with Store.open(db_path, timeout=5) as store:
        assert store.save_article(record) == "new"
    holder.close()


def test_database_from_a_newer_thidua_is_refused(db_path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO thidua_migrations VALUES (999, 'future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer thidua"):
        Store.open(db_path)


def test_missing_database_for_reading(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store.open(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()
