"""Records from the real extraction pipeline (corpus/seeds) go into the store and come back out."""
from __future__ import annotations

import json

import pytest
from thidua.schema.store import Store

from thidua.paths import seeds_dir

SEEDS = sorted(seeds_dir().glob("*.txt"))


@pytest.fixture(scope="module")
def seed_records():
    from thidua.extract.pipeline import extract_path

    records = []
    for path in SEEDS:
        record = extract_path(path)
        record["url"] = record.get("url") or f"corpus://seeds/{path.name}"
        record["site"] = record.get("site") or "laodongthudo.vn"
        records.append(record)
    return records


@pytest.mark.skipif(not SEEDS, reason="no seed articles in the corpus")
def test_seed_records_store_idempotently(db_path, seed_records):
    with Store.open(db_path) as store:
        assert [store.save_article(r) for r in seed_records] == ["new"] * len(seed_records)
        counts = store.counts()
        assert [store.save_article(r) for r in seed_records] == ["unchanged"] * len(seed_records)
        assert store.counts() == counts
        facts = sum(len(r.get(k) or []) for r in seed_records
                    for k in ("campaigns", "phases", "date_ranges", "awards", "people", "statistics"))
        stored = sum(counts[k] for k in ("phases", "date_ranges", "awards", "statistics")) + \
            store.conn.execute("SELECT count(*) FROM campaign_mentions").fetchone()[0] + \
            store.conn.execute("SELECT count(*) FROM person_mentions").fetchone()[0]
        assert stored == facts  # every fact the pipeline gave is a row
        # every stored offset points at text that is in the stored version
        for table in ("campaign_mentions", "person_mentions", "date_ranges", "statistics", "awards", "phases"):
            for start, end, sentence, s_start, s_end, text in store.conn.execute(
                    f"SELECT t.char_start, t.char_end, t.sentence, t.sentence_start, t.sentence_end, v.text "
                    f"FROM {table} t JOIN versions v ON v.id = t.version_id WHERE t.char_start IS NOT NULL"):
                assert 0 <= start < end <= len(text)
                if s_start is not None:
                    assert text[s_start:s_end].strip() == sentence.strip()
        extras = [json.loads(e) for (e,) in store.conn.execute("SELECT extra FROM statistics WHERE extra IS NOT NULL")]
        assert all(isinstance(e, dict) and e for e in extras)
        title = seed_records[0]["title"]
        hits = store.search(" ".join(title.split()[:4]))
        assert hits and hits[0]["title"] == title
