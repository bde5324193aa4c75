"""Search benchmark: a synthetic 100,000-article store, p95 query latency, size per 1,000 articles.

    python -m thidua.evals.bench.search [--articles 100000] [--rounds 10] [--db PATH [--keep] [--reuse]]

Articles are built from word lists of union-news Vietnamese (words drawn with Zipf weights, so
"lao động" or "công đoàn" are in nearly every article, as on the real sites, while a sector or a
place is the subject of some), and
loaded with executemany into the real schema (Store.open creates it), search index included.
Each query runs through Store.search (FTS5 match, bm25, filters, snippets), as `thidua search` does.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from thidua.schema.resolve import stable_id
from thidua.schema.search import parse_query
from thidua.schema.searching import _filters, _rank, sql_of
from thidua.schema.store import Store, blocks_column

from thidua.text import fold, match_key

GOAL_P95_MS = 50.0
# Word lists of union-news Vietnamese, most frequent first within each group.
FUNCTION_WORDS = ["và", "các", "của", "được", "đã", "trong", "cho", "với", "có", "những", "là", "tại", "về", "từ", "đến", "theo", "để", "này", "đồng", "thời", "cũng", "nhằm", "qua", "trên", "năm", "người"]
CORE = ["lao động", "công nhân", "công đoàn", "đoàn viên", "người lao động", "thi đua", "phong trào", "doanh nghiệp",
        "tổ chức", "phát động", "Liên đoàn Lao động", "hoạt động", "thành phố", "cơ sở", "viên chức"]
TOPICAL = """sáng kiến|năng suất|chất lượng|khu công nghiệp|chế xuất|ban chấp hành|hưởng ứng|khen thưởng|tuyên dương
danh hiệu|bằng khen|giấy khen|tập thể|cá nhân|tháng|đợt|giai đoạn|nhiệm kỳ|đại hội|hội nghị|chương trình|kế hoạch
mục tiêu|chỉ tiêu|hoàn thành|an toàn|vệ sinh|lao động giỏi|sáng tạo|thợ giỏi|tay nghề|đào tạo|nâng cao|đời sống
việc làm|thu nhập|chăm lo|hỗ trợ|quà|Tết|sum vầy|mái ấm|nhà ở|phúc lợi|chính sách|pháp luật|hợp đồng|thỏa ước
đối thoại|Chủ tịch|Phó Chủ tịch|Giám đốc|Tổng giám đốc|tổ trưởng|kỹ sư|công ty|nhà máy|xí nghiệp|rất|nhiều|hơn
đặc biệt|tích cực|hiệu quả|thiết thực|sâu rộng|kịp thời|xuất sắc|tiêu biểu|điển hình|nỗ lực|vượt khó|quyết tâm
chiến thắng|đoàn kết|gắn bó|trách nhiệm|cống hiến|đóng góp|tham gia|triển khai""".replace("\n", "|").split("|")
SECTORS = ["dệt may", "điện lực", "xây dựng", "giao thông", "y tế", "giáo dục", "ngân hàng", "bưu điện", "đường sắt",
           "than", "dầu khí", "cao su", "thủy sản", "nông nghiệp", "da giày", "điện tử", "cơ khí", "hóa chất"]
PLACES = ["Hà Nội", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Đồng Nai", "Bình Dương", "Thanh Hóa", "Nghệ An",
          "Quảng Ninh", "Hưng Yên", "Bắc Ninh", "Thủ đô", "Long An", "Vĩnh Phúc", "Thái Nguyên", "Huế"]
SYLLABLES = ["an", "ba", "bình", "cao", "chí", "dân", "dung", "đại", "điều", "gia", "giang", "hải", "hòa", "hoàng", "hợp", "hưng", "khang", "kiên", "lạc", "lâm", "linh", "long", "mạnh", "minh", "nam", "nghĩa", "ngọc", "nhân", "phát", "phong", "phú", "phúc", "quang", "quốc", "sơn", "tâm", "tân", "thái", "thanh", "thành", "thiện", "thịnh", "thuận", "tiến", "toàn", "trung", "trường", "tuấn", "văn", "việt", "vinh", "xuân", "yên", "bảo", "cường", "đức", "hạnh", "khánh", "lợi", "mỹ", "nhật", "tài", "thắng", "thông", "trí", "tú", "vượng", "bàn", "bước", "cảnh", "chuyển", "cụ", "diện", "dịch", "dự", "giá", "giải", "hạn", "hành", "hệ", "học", "khai", "khoa", "kinh", "kỳ", "lập", "liệu", "lực", "lượng", "mới", "ngày", "nghiên", "nguồn", "nhận", "phần", "phương", "quản", "quy", "sản", "số", "sự", "tác", "tế", "thị", "thống", "thực", "tiêu", "tình", "trình", "triển", "trọng", "tư", "vấn", "vận", "vực", "xã", "xét"]
CAMPAIGNS = ["Lao động giỏi, lao động sáng tạo", "1 triệu sáng kiến", "Xanh - Sạch - Đẹp, bảo đảm an toàn vệ sinh lao động",
              "Tết sum vầy", "Mái ấm công đoàn", "Công nhân giỏi Thủ đô", "Sáng kiến, sáng tạo Thủ đô",
              "Ôn lý thuyết, luyện tay nghề, thi thợ giỏi", "Giỏi việc nước, đảm việc nhà", "Văn hóa công sở"]
PEOPLE = [f"{family} {middle} {given}" for family in ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")
          for middle in ("Văn", "Thị", "Quốc", "Minh", "Hữu") for given in ("An", "Bình", "Hà", "Toản", "Lan", "Hùng")]
SITES = ["laodongthudo.vn", "nld.com.vn", "laodong.vn", "congdoan.vn", "congdoanhanoi.vn"]
QUERIES = [
    ("lao dong gioi", {}), ("Lao động giỏi", {}), ('"lao dong gioi"', {}), ("sang kien", {}), ("sang*", {}),
    ("thi dua OR phong trao", {}), ("cong doan ha noi", {}), ('"tet sum vay"', {}), ("det may", {}),
    ("khen thuong tap the xuat sac", {}), ("dong nai", {}), ("nha may dien luc", {}), ("thu*", {}),
    ("an toan ve sinh", {"site": "nld.com.vn"}), ("sang kien", {"since": "2024", "until": "2024-06"}),
    ("cong nhan", {"campaign": "1 trieu sang kien"}), ("doan vien", {"person": "nguyen van an"}),
    ("mai am", {"campaign": "Mái ấm công đoàn", "since": "2023"}), ("quyet tam chien thang", {}), ("y te", {}),
]


def vocabulary() -> tuple[list[str], list[str], list[float]]:
    """Words by frequency rank, with Zipf weights 1/rank: function words, then core union words,
    then a long tail of two-syllable compounds among which topical words are spread over ranks
    40-1000 and sectors and places over ranks 200-2000 (they are mostly an article's subject)."""
    rng = random.Random(7)
    compounds = sorted({f"{a} {b}" for a in SYLLABLES for b in SYLLABLES if a != b})
    rng.shuffle(compounds)
    tail = compounds[:6000]
    for word in TOPICAL:
        tail.insert(rng.randrange(0, 960), word)
    for word in SECTORS + PLACES:
        tail.insert(rng.randrange(160, 1960), word)
    words = FUNCTION_WORDS + CORE + tail
    weights = [1.0 / (rank + 1) for rank in range(len(words))]
    return words, [fold(w) for w in words], weights


def article_rows(n: int, words, folded, weights, rng: random.Random):
    """(article, version, index, campaign mention, person mention) rows for article n.

    Each article has a subject (a sector, a place, a campaign) repeated a few times, as real reports do.
    """
    picks = rng.choices(range(len(words)), weights, k=rng.randint(350, 750))
    campaign = CAMPAIGNS[rng.randrange(len(CAMPAIGNS))]
    person = PEOPLE[rng.randrange(len(PEOPLE))]
    subject = [rng.choice(SECTORS), rng.choice(PLACES), campaign, person]
    cut = sorted(rng.sample(range(10, len(picks) - 1), 12))
    text, index_text, pos = [], [], 0
    for end in cut + [len(picks)]:
        chunk = [words[i] for i in picks[pos:end]]
        if rng.random() < 0.5:
            chunk.insert(rng.randrange(len(chunk) + 1), rng.choice(subject))
        sentence = " ".join(chunk)
        text.append(sentence[:1].upper() + sentence[1:] + ".")
        index_text.append(" ".join(folded[i] for i in picks[pos:end]))
        if len(chunk) > end - pos:  # the subject was inserted: fold the sentence as a whole
            index_text[-1] = fold(sentence)
        pos = end
    title = " ".join([words[i] for i in picks[:rng.randint(4, 9)]] + subject[:2]).capitalize()
    site = SITES[n % len(SITES)]
    published = f"{2019 + n % 7}-{1 + n % 12:02d}-{1 + n % 28:02d}"
    url = f"https://{site}/bai-{n}.html"
    body = "\n\n".join(text)
    return (n, url, site, title, published, int(published[:4]), body, fold(title), " ".join(index_text),
            campaign, person)


def build(path: Path, count: int) -> float:
    """Fill a new store with `count` synthetic articles; returns seconds taken."""
    started = time.perf_counter()
    words, folded, weights = vocabulary()
    rng = random.Random(2024)
    with Store.open(path) as store:
        conn = store.conn
        conn.execute("PRAGMA synchronous = OFF")
        with store.transaction():
            conn.executemany("INSERT INTO sites (id, first_seen) VALUES (?, '2024-01-01')", [(s,) for s in SITES])
            conn.executemany("INSERT INTO campaigns (id, name, key) VALUES (?, ?, ?)",
                             [(stable_id("c", match_key(c)), c, match_key(c)) for c in CAMPAIGNS])
            conn.executemany("INSERT INTO people (id, name, key) VALUES (?, ?, ?)",
                             [(stable_id("p", match_key(p) + "|"), p, match_key(p)) for p in PEOPLE])
        for first in range(0, count, 5000):
            rows = [article_rows(n, words, folded, weights, rng) for n in range(first, min(count, first + 5000))]
            with store.transaction():  # a transaction per batch keeps the WAL small
                load(conn, rows)
    return time.perf_counter() - started


def load(conn, rows) -> None:
    stamp = "2024-01-01T00:00:00+00:00"
    conn.executemany("INSERT INTO articles (id, url, site, title, author, published, year, current_version,"
                     " version_count, first_seen, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 1, ?, ?)",
                     [(r[0] + 1, r[1], r[2], r[3], r[4], r[5], r[0] + 1, stamp, stamp) for r in rows])
    versions = []
    for r in rows:
        paragraphs = r[6].split("\n\n")
        record = {"text": r[6], "blocks": [{"kind": "paragraph", "text": p} for p in paragraphs[1:]]}
        versions.append((r[0] + 1, r[0] + 1, f"{r[0]:064x}", f"{r[0]:064x}", stamp, r[3], r[4], paragraphs[0],
                         r[6], blocks_column(record)))
    conn.executemany("INSERT INTO versions (id, article_id, number, content_hash, extraction_hash, saved_at, title,"
                     " published, lead, text, blocks, method) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 'profile')",
                     versions)
    indexed = [(r[0] + 1, r[7], fold(v[7]), r[8]) for r, v in zip(rows, versions)]
    conn.executemany("INSERT INTO search_index (rowid, title, lead, text) VALUES (?, ?, ?, ?)", indexed)
    conn.executemany("INSERT INTO headline_index (rowid, title, lead) VALUES (?, ?, ?)", [i[:3] for i in indexed])
    conn.executemany("INSERT INTO campaign_mentions (campaign_id, name, version_id, article_id) VALUES (?, ?, ?, ?)",
                     [(stable_id("c", match_key(r[9])), r[9], r[0] + 1, r[0] + 1) for r in rows])
    conn.executemany("INSERT INTO person_mentions (person_id, name, version_id, article_id) VALUES (?, ?, ?, ?)",
                     [(stable_id("p", match_key(r[10]) + "|"), r[10], r[0] + 1, r[0] + 1) for r in rows])


def measure(path: Path, rounds: int) -> list[tuple]:
    """Per query: (label, wall ms, CPU ms, matching articles, results, agreement of the top results
    with ranking every match by bm25), timed after one warm-up run. CPU time is reported too because
    on a shared machine wall time includes waiting for a core."""
    timings = []
    with Store.open(path) as store:
        for query, filters in QUERIES:
            results = store.search(query, **filters)
            samples, cpu = [], []
            for _ in range(rounds):
                started, started_cpu = time.perf_counter(), time.process_time()
                store.search(query, **filters)
                samples.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            label = query + "".join(f" --{k} {v!r}" for k, v in filters.items())
            timings.append((label, samples, cpu, *exactness(store, query, filters, results)))
    return timings


def exactness(store: Store, query: str, filters: dict, results: list[dict]) -> tuple[int, str]:
    """How many articles match, and how many of the returned ones exact bm25 ranking also returns."""
    where = _filters(store.conn, filters.get("campaign"), filters.get("person"), filters.get("site"),
                     filters.get("since"), filters.get("until"))
    fts = parse_query(query).fts()
    conditions, params = sql_of(where, "search_index.rowid")
    count_sql = ("SELECT count(*) FROM search_index CROSS JOIN articles a ON a.id = search_index.rowid "
                 f"WHERE search_index MATCH ?{conditions}")
    matches = store.conn.execute(count_sql, [fts, *params]).fetchone()[0]
    exact = {row[0] for row in _rank(store.conn, fts, where, len(results) or 1)}
    same = len(exact & {hit["article_id"] for hit in results})
    return matches, len(results), f"{same}/{len(results)}"


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10, help="timed runs of each query")
    parser.add_argument("--db", type=Path, help="where to build the database (default: a temporary file)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="measure an existing --db instead of building one")
    args = parser.parse_args(argv)
    folder = tempfile.mkdtemp(prefix="thidua-bench-")
    path = args.db or Path(folder) / "bench.db"
    if path.exists() and not args.reuse:
        path.unlink()
    try:
        if path.exists():
            with Store.open(path) as store:
                args.articles = store.counts()["articles"]
            print(f"reusing {path} ({args.articles:,} articles)")
        else:
            seconds = build(path, args.articles)
            print(f"built {args.articles:,} synthetic articles in {seconds:.1f} s "
                  f"({args.articles / seconds:,.0f} articles/s)")
        with Store.open(path) as store:
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = path.stat().st_size
        print(f"database size: {size / 2**20:.1f} MiB total, {size / 2**20 / (args.articles / 1000):.2f} MiB "
              f"per 1,000 articles")
        timings = measure(path, args.rounds)
        print(f"\n{'query':<50} {'matches':>7} {'shown':>5} {'exact':>6} {'p50 ms':>7} {'p95 ms':>7} {'p95 cpu':>7}")
        wall, cpu = [], []
        for label, samples, cpu_samples, matches, shown, same in timings:
            wall += samples
            cpu += cpu_samples
            print(f"{label[:50]:<50} {matches:>7} {shown:>5} {same:>6} {statistics.median(samples):>7.1f} "
                  f"{percentile(samples, 95):>7.1f} {percentile(cpu_samples, 95):>7.1f}")
        print("(exact: how many of the results shown ranking every match by bm25 would also show)")
        load = os.getloadavg()[0]
        print(f"\nall {len(wall)} query runs: wall p50 {statistics.median(wall):.1f} ms, p95 {percentile(wall, 95):.1f} ms; "
              f"CPU p95 {percentile(cpu, 95):.1f} ms (load average {load:.1f} on {os.cpu_count()} cores)")
        p95 = percentile(cpu if load > (os.cpu_count() or 1) else wall, 95)
        print(f"goal p95 < {GOAL_P95_MS:.0f} ms: {'met' if p95 < GOAL_P95_MS else 'NOT met'} "
              f"({'CPU' if load > (os.cpu_count() or 1) else 'wall'} time, {p95:.1f} ms)")
    finally:
        if not args.keep:
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            if not args.db:
                os.rmdir(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
