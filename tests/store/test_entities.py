"""Entity resolution across articles, editors' aliases, and ids that stay the same across runs."""
from __future__ import annotations

import random

from thidua.schema.resolve import org_key, orgs_compatible
from thidua.schema.store import Store


def campaign_of(store, mention_name):
    return store.conn.execute("SELECT campaign_id FROM campaign_mentions WHERE name = ?", [mention_name]).fetchone()[0]


def people(store):
    return store.conn.execute("SELECT p.name, p.organization, count(*) FROM people p JOIN person_mentions m "
                              "ON m.person_id = p.id GROUP BY p.id ORDER BY p.name, p.organization").fetchall()


def article(new_record, n, campaigns=(), persons=()):
    return new_record(url=f"https://laodongthudo.vn/bai-{n}.html",
                      campaigns=[{"name": name} for name in campaigns],
                      people=[{"name": name, "organization": org} for name, org in persons],
                      awards=[], phases=[], statistics=[])


def test_one_campaign_whatever_case_quotes_spacing_tones(store, new_record):
    forms = ["Lao động giỏi, lao động sáng tạo", "LAO ĐỘNG GIỎI, LAO ĐỘNG SÁNG TẠO",
             "“Lao động giỏi,  lao động sáng tạo”", "lao động giỏi, lao động sáng tạo"]
    for n, form in enumerate(forms):
        store.save_article(article(new_record, n, campaigns=[form]))
    assert store.counts()["campaigns"] == 1
    forms = ["Hòa nhịp cùng đoàn viên", "Hoà nhịp cùng đoàn viên"]  # tone placement oà / òa
    for n, form in enumerate(forms, 10):
        store.save_article(article(new_record, n, campaigns=[form]))
    assert store.counts()["campaigns"] == 2


def test_name_extending_a_known_name_is_the_same_campaign(store, new_record):
    long = "1 triệu sáng kiến - nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch Covid-19"
    store.save_article(article(new_record, 1, campaigns=["1 triệu sáng kiến"]))
    store.save_article(article(new_record, 2, campaigns=[long]))
    store.save_article(article(new_record, 3, campaigns=["Xanh: sạch, đẹp"]))
    store.save_article(article(new_record, 4, campaigns=["Xanh"]))  # the short form after the long one
    assert campaign_of(store, long) == campaign_of(store, "1 triệu sáng kiến")
    assert campaign_of(store, "Xanh: sạch, đẹp") == campaign_of(store, "Xanh")
    assert store.counts()["campaigns"] == 2
    names = {row[0] for row in store.conn.execute("SELECT name FROM campaigns")}
    assert names == {"1 triệu sáng kiến", "Xanh"}  # shown under the short name


def test_people_same_name_compatible_or_unrelated_organisations(store, new_record):
    persons = [("Đinh Quốc Toản", "Công đoàn các KCN&CX Hà Nội"),
               ("Đinh Quốc Toản", None),                                 # missing org: compatible
               ("ĐINH QUỐC TOẢN", "Công đoàn các khu công nghiệp và chế xuất Hà Nội"),  # same body spelled out
               ("Đinh Quốc Toản", "Công ty TNHH Canon Việt Nam")]        # unrelated: another person
    for n, person in enumerate(persons):
        store.save_article(article(new_record, n, persons=[person]))
    assert sorted(people(store)) == sorted([("Đinh Quốc Toản", "Công đoàn các KCN&CX Hà Nội", 3),
                                            ("Đinh Quốc Toản", "Công ty TNHH Canon Việt Nam", 1)])


def test_organisation_compatibility():
    assert orgs_compatible(org_key("LĐLĐ TP Hà Nội"), org_key("Liên đoàn Lao động thành phố Hà Nội"))
    assert orgs_compatible(org_key("Công ty Canon"), "")
    assert orgs_compatible(org_key("Công đoàn Công ty Canon Việt Nam"), org_key("Công ty Canon Việt Nam"))
    assert not orgs_compatible(org_key("Công đoàn ngành Y tế"), org_key("Công đoàn ngành Giáo dục"))
    assert not orgs_compatible(org_key("Công đoàn các KCN&CX Hà Nội"), org_key("Công ty TNHH Canon Việt Nam"))


def build(path, records):
    with Store.open(path) as store:
        for record in records:
            store.save_article(record)
        return {table: sorted(store.conn.execute(f"SELECT id, key FROM {table}").fetchall())
                for table in ("campaigns", "people", "organizations")}, \
            sorted(store.conn.execute("SELECT id, url FROM articles").fetchall())


def test_entity_ids_are_stable_across_runs(tmp_path, new_record):
    records = [article(new_record, n, campaigns=[c], persons=[p]) for n, (c, p) in enumerate([
        ("Lao động giỏi", ("Nguyễn Văn An", "LĐLĐ Hà Nội")),
        ("Xanh - Sạch - Đẹp", ("Trần Thị Bình", None)),
        ("Sáng kiến, sáng tạo Thủ đô", ("Nguyễn Văn An", "Công ty Canon"))])]
    first = build(tmp_path / "a.db", records)
    again = build(tmp_path / "b.db", records)
    assert first == again
    assert first[0]["campaigns"] and all(len(i) == 13 for i, _ in first[0]["campaigns"])


def test_aliases_merge_and_split_applied_on_next_run(tmp_path, new_record):
    db = tmp_path / "thidua.db"
    with Store.open(db) as store:
        store.save_article(article(new_record, 1, campaigns=["Lao động giỏi, lao động sáng tạo"],
                                   persons=[("Nguyễn Văn Hùng", "Công đoàn Công ty A")]))
        store.save_article(article(new_record, 2, campaigns=["Thi đua lao động giỏi, lao động sáng tạo"],
                                   persons=[("Nguyễn Văn Hùng", None)]))
        store.save_article(article(new_record, 3, campaigns=["1 triệu sáng kiến - nỗ lực vượt khó"]))
        store.save_article(article(new_record, 4, campaigns=["1 triệu sáng kiến"]))
        assert store.counts()["campaigns"] == 3 and store.counts()["people"] == 1
    (tmp_path / "aliases.yaml").write_text(
        "campaigns:\n"
        "  merge:\n"
        "    \"Lao động giỏi, lao động sáng tạo\":\n"
        "      - \"Thi đua lao động giỏi, lao động sáng tạo\"\n"
        "  split:\n"
        "    - \"1 triệu sáng kiến - nỗ lực vượt khó\"\n"
        "people:\n"
        "  split:\n"
        "    - \"Nguyễn Văn Hùng\"\n", encoding="utf-8")
    with Store.open(db) as store:  # the next run picks the file up
        assert campaign_of(store, "Thi đua lao động giỏi, lao động sáng tạo") == \
            campaign_of(store, "Lao động giỏi, lao động sáng tạo")
        assert campaign_of(store, "1 triệu sáng kiến - nỗ lực vượt khó") != campaign_of(store, "1 triệu sáng kiến")
        assert store.counts()["people"] == 2
        assert store.counts()["campaigns"] == 3
        # and new articles follow the same decisions
        store.save_article(article(new_record, 5, campaigns=["Thi đua lao động giỏi, lao động sáng tạo"]))
        assert store.counts()["campaigns"] == 3


def test_aliases_people_merge(tmp_path, new_record):
    aliases = tmp_path / "names.yaml"
    aliases.write_text("people:\n  merge:\n    - name: Đinh Quốc Toản\n      organization: LĐLĐ Hà Nội\n"
                       "      same_as:\n        - {name: Đinh Q. Toản}\n", encoding="utf-8")
    with Store.open(tmp_path / "x.db", aliases=aliases) as store:
        store.save_article(article(new_record, 1, persons=[("Đinh Quốc Toản", "LĐLĐ Hà Nội")]))
        store.save_article(article(new_record, 2, persons=[("Đinh Q. Toản", "Công đoàn các KCN")]))
        assert people(store) == [("Đinh Quốc Toản", "LĐLĐ Hà Nội", 2)]


def test_malformed_aliases_file_is_a_clear_error(tmp_path):
    import pytest
    from thidua.schema.store import StoreError

    (tmp_path / "aliases.yaml").write_text("campaigns: [unclosed\n", encoding="utf-8")
    with pytest.raises(StoreError, match="aliases file .* is malformed"):
        Store.open(tmp_path / "thidua.db")


def test_reresolve_gives_the_same_entities_in_any_order(tmp_path, new_record):
    records = [article(new_record, n, campaigns=[c]) for n, c in enumerate(
        ["Lao động giỏi", "LAO ĐỘNG GIỎI", "Xanh - Sạch - Đẹp", "Xanh", "Tết sum vầy"])]
    results = []
    for seed in (1, 2):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        with Store.open(tmp_path / f"{seed}.db") as store:
            for record in shuffled:
                store.save_article(record)
            store.reresolve()
            results.append(sorted(store.conn.execute("SELECT id, key FROM campaigns")))
    assert results[0] == results[1] and len(results[0]) == 3
