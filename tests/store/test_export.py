"""Export: one file per table, a data dictionary covering every column, exact round trips."""
from __future__ import annotations

import json

import pytest
from thidua.schema.dictionary import data_tables, load_dictionary
from thidua.schema.export import export, read_table
from thidua.schema.store import Store

from thidua.cli import main


@pytest.fixture
def filled(db_path, new_record):
    with Store.open(db_path) as store:
        run = store.start_run("test", {"n": 3})
        for n in range(3):
            store.save_article(new_record(url=f"https://laodongthudo.vn/{n}.html"), run_id=run)
        store.save_article(new_record(url="https://laodongthudo.vn/0.html", text=new_record()["text"] + " Sửa."))
        store.save_article(new_record(url="https://nld.com.vn/x.html", site="nld.com.vn", published=None,
                                      statistics=[{"value": 1157.42, "unit": "tỉ đồng", "text": "1.157,42 tỉ đồng"}]))
        store.log_skip("https://nld.com.vn/tag", "listing page", run)
        store.finish_run(run, "ok", {"new": 4})
    return db_path


def test_dictionary_describes_every_table_and_column(filled):
    meta = load_dictionary()["tables"]
    with Store.open(filled) as store:
        for table in data_tables(store.db):
            assert table in meta, f"{table} missing from schema/dictionary.yaml"
            for column in store.db[table].columns:
                assert meta[table]["columns"].get(column.name, {}).get("description"), f"{table}.{column.name}"


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_round_trip(filled, tmp_path, fmt):
    out = tmp_path / fmt
    with Store.open(filled) as store:
        written = export(store.db, out, fmt)
        assert "search_index" not in written and written["articles"] == 4 and written["versions"] == 5
        for table in data_tables(store.db):
            columns = [c.name for c in store.db[table].columns]
            order = ", ".join(store.db[table].pks)
            expected = [dict(zip(columns, row)) for row in store.conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]
            expected = [{k: (None if v == "" else v) for k, v in row.items()} for row in expected]
            assert read_table(out, table) == expected, table
    described = json.loads((out / "data_dictionary.json").read_text(encoding="utf-8"))
    assert described["tables"]["statistics"]["columns"][1]["name"] == "value"
    markdown = (out / "DATA_DICTIONARY.md").read_text(encoding="utf-8")
    assert "## campaign_mentions" in markdown and "char_start" in markdown


def test_ids_are_the_same_in_exports_of_two_builds(tmp_path, new_record):
    def build_and_export(name, urls):
        with Store.open(tmp_path / f"{name}.db") as store:
            for url in urls:
                store.save_article(new_record(url=url))
            export(store.db, tmp_path / name, "jsonl")
        return {t: sorted(row["id"] for row in read_table(tmp_path / name, t))
                for t in ("articles", "campaigns", "people", "organizations")}

    urls = [f"https://laodongthudo.vn/{n}.html" for n in range(5)]
    assert build_and_export("a", urls) == build_and_export("b", list(reversed(urls)))


def test_export_command(filled, tmp_path, capsys):
    assert main(["export", "--format", "parquet", str(tmp_path / "out"), "--db", str(filled)]) == 0
    assert (tmp_path / "out" / "campaigns.parquet").exists()
    assert main(["export", "--format", "csv", str(tmp_path / "o2"), "--db", str(tmp_path / "none.db")]) == 1
    assert "no database" in capsys.readouterr().err
