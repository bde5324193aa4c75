"""Folded full-text search: diacritics and case ignored, phrases, prefixes, filters, bad queries."""
from __future__ import annotations

import json

import pytest
from thidua.schema.errors import QueryError
from thidua.schema.search import fold_aligned, parse_query, snippet
from thidua.schema.store import Store

from thidua.cli import main

BODIES = {
    "a": ("Tuyên dương Lao động giỏi năm 2023", "2023-02-01", "laodongthudo.vn",
          "Công đoàn quận Đống Đa tuyên dương 50 đoàn viên đạt danh hiệu Lao động giỏi, lao động sáng tạo."),
    "b": ("Đoàn viên khó khăn được hỗ trợ", "2024-06-15", "nld.com.vn",
          "Chương trình Tết sum vầy hỗ trợ đoàn viên. Người lao động được tặng quà, không nói về thi đua."),
    "c": ("Thợ giỏi ngành điện", "2024-11-20", "nld.com.vn",
          "Hội thi thợ giỏi: anh Nguyễn Văn An đạt giải nhất. Phong trào LAO ĐỘNG GIỎI lan rộng ở Đồng Nai."),
}


@pytest.fixture
def searchable(db_path, new_record):
    with Store.open(db_path) as store:
        for key, (title, published, site, text) in BODIES.items():
            people = [{"name": "Nguyễn Văn An", "organization": "Công ty Điện lực"}] if key == "c" else []
            campaigns = [{"name": "Lao động giỏi"}] if key in "ac" else [{"name": "Tết sum vầy"}]
            store.save_article(new_record(url=f"https://{site}/{key}.html", site=site, title=title,
                                          published=published, text=text, lead=None, campaigns=campaigns,
                                          people=people))
    return db_path


def urls(results):
    return sorted(hit["url"].rsplit("/", 1)[1][0] for hit in results)


@pytest.mark.parametrize("query", ["lao dong gioi", "Lao động giỏi", "LAO ĐỘNG GIỎI", "lao đông gioi"])
def test_folded_queries_find_the_same_articles(searchable, query):
    with Store.open(searchable) as store:
        assert urls(store.search(query)) == ["a", "c"]


def test_phrase_prefix_and_or(searchable):
    with Store.open(searchable) as store:
        assert urls(store.search('"dong da"')) == ["a"]
        assert urls(store.search('"gioi lao dong"')) == ["a"]  # the phrase across the comma
        assert urls(store.search("sum")) == ["b"]
        assert urls(store.search("tuyen*")) == ["a"]
        assert urls(store.search("sum OR nai")) == ["b", "c"]
        assert urls(store.search("thi")) == ["b", "c"]
        assert urls(store.search("thi dua")) == ["b"]
        assert store.search("khong co tu nay") == []


def test_ranking_prefers_title_matches(searchable):
    with Store.open(searchable) as store:
        results = store.search("gioi")
        assert results[0]["url"].endswith("/a.html") or results[0]["url"].endswith("/c.html")
        assert all(results[i]["score"] >= results[i + 1]["score"] for i in range(len(results) - 1))


def test_snippet_shows_original_text_with_highlights(searchable):
    with Store.open(searchable) as store:
        hit = store.search("lao dong gioi", site="nld")[0]
    cut = hit["snippet"]
    assert "LAO ĐỘNG GIỎI" in cut
    highlighted = [cut[s:e] for s, e in hit["highlights"]]
    assert "LAO ĐỘNG GIỎI" in highlighted and "Đồng" in highlighted  # folded: đồng and dong are one key


def test_filters(searchable):
    with Store.open(searchable) as store:
        assert urls(store.search("gioi", site="nld.com.vn")) == ["c"]
        assert urls(store.search("gioi", since="2024")) == ["c"]
        assert urls(store.search("gioi", until="2023-12")) == ["a"]
        assert urls(store.search("doan vien", campaign="tet sum vay")) == ["b"]
        assert urls(store.search("gioi", person="nguyen van an")) == ["c"]
        assert urls(store.search("", campaign="Lao động giỏi")) == ["a", "c"]  # filters alone list articles
        with pytest.raises(QueryError, match="no campaign matches"):
            store.search("gioi", campaign="không có")
        with pytest.raises(QueryError, match="--since must be a date"):
            store.search("gioi", since="2024-13-99x")


@pytest.mark.parametrize("query, message", [
    ('"lao dong', "unbalanced quotes"), ("AND", "must stand between"), ("OR gioi", "must stand between"),
    ("gioi OR", "must stand between"), ("*", "'*' must follow"), ("", "empty query"), ("  ;; -- ", "no words"),
    ("NOT lao", "must stand between"), ("lao NEAR dong", "must stand between"), ("l*", "at least 2 letters"),
])
def test_malformed_queries_get_a_clear_message(searchable, query, message):
    with Store.open(searchable) as store, pytest.raises(QueryError, match=message):
        store.search(query)


@pytest.mark.parametrize("query", ["'; DROP TABLE articles; --", "x\" OR 1=1 --\"", "title:lao", "lao) OR (dong",
                                   "{title} : lao", "^lao", "lao + dong", "NEAR(lao dong)", "\\x00 lao"])
def test_injection_attempts_are_just_words(searchable, query):
    with Store.open(searchable) as store:
        try:
            store.search(query, site="x' OR '1'='1", campaign=None)
        except QueryError:
            pass
        assert store.counts()["articles"] == 3
        assert store.search("lao", site="' OR 1=1 --") == []


def test_query_parser_builds_quoted_fts_terms():
    assert parse_query('Lao động "sáng tạo" gioi* OR kém').fts() == '"lao" AND "dong" AND "sang tao" AND ("gioi"* OR "kem")'
    assert parse_query("KCN&CX").fts() == '"kcn cx"'


def test_fold_aligned_keeps_offsets():
    text = "Đinh Quốc Toản – LĐLĐ Hà Nội"
    assert len(fold_aligned(text)) == len(text)
    assert fold_aligned(text) == "dinh quoc toan – ldld ha noi"
    cut, spans = snippet(text, parse_query("toan ldld"))
    assert [cut[s:e] for s, e in spans] == ["Toản", "LĐLĐ"]


def test_search_command_json_and_text(searchable, capsys):
    assert main(["search", "lao", "dong", "gioi", "--json", "--db", str(searchable)]) == 0
    results = json.loads(capsys.readouterr().out)
    assert {"url", "title", "published", "site", "snippet", "score"} <= set(results[0])
    assert len(results) == 2
    assert main(["search", "LAO ĐỘNG GIỎI", "--limit", "1", "--db", str(searchable)]) == 0
    out = capsys.readouterr().out
    assert out.count("https://") == 1 and "1." in out


@pytest.mark.parametrize("args, message", [
    (['"lao'], "unbalanced quotes"), (["*"], "'*' must follow"), (["gioi", "--since", "hôm qua"], "--since must be"),
])
def test_search_command_errors_are_one_line(searchable, capsys, args, message):
    assert main(["search", *args, "--db", str(searchable)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_search_command_on_bad_files(tmp_path, capsys):
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a db", encoding="utf-8")
    assert main(["search", "lao", "--db", str(foreign)]) == 1
    assert "not a SQLite database" in capsys.readouterr().err
    assert main(["search", "lao", "--db", str(tmp_path / "missing.db")]) == 1
    assert "no database" in capsys.readouterr().err
    assert not (tmp_path / "missing.db").exists()


def test_very_common_queries_rank_title_and_lead_matches_first(db_path, new_record, monkeypatch):
    from thidua.schema import searching

    def save(store, name, lead, text):
        store.save_article(new_record(url=f"https://nld.com.vn/{name}.html", title="Tin", lead=lead, text=text))

    with Store.open(db_path) as store:
        for n in range(10):
            save(store, f"filler{n}", "Tin khác", "Không liên quan.")
        save(store, "lead", "thi đua " + "chữ " * 300, "Nội dung.")  # a weak match, but in the lead
        save(store, "body", "Tin ngắn", "thi đua " * 20)              # a strong match in the body only
        assert store.search("thi dua", limit=1)[0]["url"].endswith("/body.html")  # exact bm25
        monkeypatch.setattr(searching, "RANK_ALL_LIMIT", 1)  # two matches count as "very many" here
        assert store.search("thi dua", limit=1)[0]["url"].endswith("/lead.html")
        # not enough title/lead matches to fill the page: ranked among all matches as usual
        assert [hit["url"][-9:] for hit in store.search("thi dua", limit=2)] == ["body.html", "lead.html"]


def test_both_indexes_follow_new_versions(db_path, new_record, monkeypatch):
    from thidua.schema import searching

    with Store.open(db_path) as store:
        first = new_record(url="https://nld.com.vn/v.html", title="Hội thi thợ giỏi", lead="Thợ hàn tranh tài",
                           text="Thợ hàn tranh tài.\n\nNội dung cũ.")
        store.save_article(first)
        store.save_article(new_record(url="https://nld.com.vn/v.html", title="Tết sum vầy", lead="Quà Tết",
                                      text="Quà Tết.\n\nNội dung mới."))
        for limit in (10_000, 0):  # the full index, then the headline index (every query "very common")
            monkeypatch.setattr(searching, "RANK_ALL_LIMIT", limit)
            assert store.search("tho han") == [] and store.search("noi dung cu") == []
            assert [hit["title"] for hit in store.search("tet")] == ["Tết sum vầy"]
        integrity = [store.conn.execute(f"INSERT INTO {t}({t}, rank) VALUES ('integrity-check', 1)")
                     for t in ("search_index", "headline_index")]
        assert len(integrity) == 2  # no exception: the contentless indexes are consistent


def test_indexes_are_rebuilt_when_folding_changes(db_path, new_record, monkeypatch):
    from thidua.schema import search
    from thidua.schema import store as store_module

    with Store.open(db_path) as store:
        store.save_article(new_record())
        signature = store.conn.execute("SELECT value FROM thidua_meta WHERE key = 'index_signature'").fetchone()[0]
        assert signature == search.index_signature()
    # a future fold() that also drops the letter "q" (say): the stored index no longer matches it
    changed = lambda text: search.fold(text).replace("q", "")
    monkeypatch.setattr(search, "index_signature", lambda: "changed")
    monkeypatch.setattr(store_module, "index_signature", lambda: "changed")
    monkeypatch.setattr(store_module, "index_values", lambda *parts: tuple(changed(p or "") for p in parts))
    with Store.open(db_path) as store:
        assert store.conn.execute("SELECT value FROM thidua_meta WHERE key = 'index_signature'").fetchone()[0] == "changed"
        assert store.search("uoc toan") and not store.search("quoc toan")  # rebuilt with the new folding
        store.save_article(new_record(text=new_record()["text"] + " Thêm."))  # deleting old entries still works
        store.conn.execute("INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)")
