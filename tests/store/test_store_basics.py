"""The Store interface the crawler and the demo use: save, versions, page state, runs, counts."""
from __future__ import annotations

import sqlite3

from thidua.schema.store import Store


def rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_new_then_unchanged_touches_nothing(new_record, store, record, db_path):
    assert store.save_article(record) == "new"
    before = rows(db_path, "SELECT * FROM versions") + rows(db_path, "SELECT * FROM campaign_mentions")
    changes = store.conn.total_changes
    assert store.save_article(new_record()) == "unchanged"
    assert store.conn.total_changes == changes
    assert rows(db_path, "SELECT * FROM versions") + rows(db_path, "SELECT * FROM campaign_mentions") == before


def test_changed_text_makes_a_new_version_and_keeps_the_old(new_record, store, record):
    store.save_article(record)
    changed = new_record(text=record["text"] + "\n\nMột đoạn mới.")
    assert store.save_article(changed) == "updated"
    versions = store.conn.execute("SELECT number, text FROM versions ORDER BY number").fetchall()
    assert [v[0] for v in versions] == [1, 2]
    assert versions[0][1] == record["text"] and versions[1][1].endswith("Một đoạn mới.")
    # both versions keep their own facts
    assert store.conn.execute("SELECT count(DISTINCT version_id) FROM campaign_mentions").fetchone()[0] == 2
    current = store.conn.execute("SELECT current_version, version_count FROM articles").fetchone()
    assert current[1] == 2
    assert store.conn.execute("SELECT number FROM versions WHERE id = ?", [current[0]]).fetchone()[0] == 2


def test_new_extraction_of_same_text_replaces_facts_in_place(new_record, store, record):
    store.save_article(record)
    better = new_record(statistics=[])
    assert store.save_article(better) == "updated"
    assert store.counts()["versions"] == 1
    assert store.counts()["statistics"] == 0


def test_page_state_and_fetch_metadata(store, record):
    assert store.page_state(record["url"]) is None
    store.save_article(record, raw_hash="r1", etag='"e1"', last_modified="Mon, 09 Jan 2023 00:00:00 GMT",
                       fetched_at="2023-01-10T00:00:00+00:00")
    state = store.page_state(record["url"])
    assert state["raw_hash"] == "r1" and state["etag"] == '"e1"' and state["fetched_at"].startswith("2023-01-10")
    assert len(state["content_hash"]) == 64
    assert store.save_article(record, raw_hash="r2", etag='"e2"') == "unchanged"
    assert store.page_state(record["url"])["etag"] == '"e2"'


def test_facts_point_to_version_sentence_and_offsets(store, record):
    store.save_article(record)
    text = store.conn.execute("SELECT text FROM versions").fetchone()[0]
    for table, column in [("campaign_mentions", "name"), ("person_mentions", "name"), ("awards", "title")]:
        for value, start, end, sentence, s_start, s_end in store.conn.execute(
                f"SELECT {column}, char_start, char_end, sentence, sentence_start, sentence_end FROM {table}"):
            assert text[start:end] == value
            assert text[s_start:s_end] == sentence
    phase = store.conn.execute("SELECT number, start_date, end_date FROM phases").fetchone()
    assert phase == (1, "2023-01-01", "2023-06-30")
    award = store.conn.execute("SELECT a.recipient, p.name FROM awards a JOIN people p ON p.id = a.person_id").fetchone()
    assert award == ("Vũ Văn Hà", "Vũ Văn Hà")


def test_runs_skips_and_counts(store, record):
    run = store.start_run("crawl", {"site": "laodongthudo.vn"})
    store.save_article(record, run_id=run)
    store.log_skip("https://laodongthudo.vn/tag/x", "not an article (listing page)", run_id=run)
    store.finish_run(run, "ok", {"new": 1, "skipped": 1})
    counts = store.counts()
    for name in ("sites", "articles", "versions", "campaigns", "phases", "date_ranges", "awards", "people",
                 "statistics", "organizations"):
        assert name in counts
    assert (counts["articles"], counts["versions"], counts["campaigns"], counts["people"]) == (1, 1, 2, 2)
    assert counts["skips"] == 1
    status, report = store.conn.execute("SELECT status, report FROM runs WHERE id = ?", [run]).fetchone()
    assert status == "ok" and '"new": 1' in report


def test_reopen_keeps_everything(db_path, record):
    with Store.open(db_path) as store:
        store.save_article(record)
        first = store.counts()
    with Store.open(db_path) as store:
        assert store.counts() == first
        assert store.save_article(record) == "unchanged"


def test_odd_records_are_stored_or_refused_cleanly(store, new_record):
    import pytest
    from thidua.schema.store import StoreError

    odd = new_record(url="https://nld.com.vn/odd.html", campaigns=["Tết sum vầy", 42, None],
                     statistics=[{"value": "không rõ", "unit": None, "text": ["a", "b"]}],
                     phases={"not": "a list"}, awards=[{"title": "Bằng khen", "year": "năm ngoái"}])
    assert store.save_article(odd) == "new"
    assert store.conn.execute("SELECT name FROM campaign_mentions WHERE name = 'Tết sum vầy'").fetchone()
    assert store.conn.execute("SELECT value, text FROM statistics WHERE article_id = "
                              "(SELECT id FROM articles WHERE url = ?)", [odd["url"]]).fetchone() == (None, '["a", "b"]')
    before = store.counts()
    with pytest.raises(StoreError, match="without a url"):
        store.save_article(new_record(url=None))
    with pytest.raises(StoreError, match="cannot store"):
        store.save_article(new_record(url="https://nld.com.vn/bad.html", title={"not": "text"}))
    assert store.counts() == before


def test_blocks_are_offsets_into_the_text(store, record):
    import json

    record["blocks"].append({"kind": "caption", "text": "Ảnh: không có trong văn bản"})
    store.save_article(record)
    text, blocks = store.conn.execute("SELECT text, blocks FROM versions").fetchone()
    blocks = json.loads(blocks)
    assert [text[b["start"]:b["end"]] for b in blocks[:-1]] == [b["text"] for b in record["blocks"][:-1]]
    assert blocks[-1] == {"kind": "caption", "start": None, "end": None, "text": "Ảnh: không có trong văn bản"}
