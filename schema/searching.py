"""The search query against the store: FTS5 match, filters, bm25 ranking, snippets.

Filters take what an editor types: a campaign or person name with or without diacritics
(matched on the resolved entity, or failing that on a folded substring of its name), a site
host, and dates as YYYY, YYYY-MM or YYYY-MM-DD (inclusive at that precision).
"""
from __future__ import annotations

import re

from thidua.text import fold, match_key

from .errors import QueryError
from .search import Query, parse_query, snippet

DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
MAX_LIMIT = 1000
RANK_ALL_LIMIT = 10_000  # matches beyond which ranking looks at title matches first (see ranked)


def _date(value: str | None, option: str) -> str | None:
    if value in (None, ""):
        return None
    value = str(value).strip()
    if not DATE.fullmatch(value):
        raise QueryError(f"{option} must be a date like 2024, 2024-03 or 2024-03-15, not {value!r}")
    return value


def entity_ids(conn, table: str, text: str) -> list[str]:
    """Ids of campaigns/people named `text`: exact key first, else a folded substring of the name."""
    key = match_key(text)
    extra = " OR base_key = ?" if table == "campaigns" else ""
    rows = conn.execute(f"SELECT id FROM {table} WHERE id = ? OR key = ?{extra}",
                        [text, key] + ([key] if extra else [])).fetchall()
    if rows:
        return [row[0] for row in rows]
    wanted = fold(text)
    return [row[0] for row in conn.execute(f"SELECT id, name FROM {table}") if wanted and wanted in fold(row[1])]


ARTICLE = "{article}"  # the article id column in the query the conditions go into


Condition = tuple[str, list]  # SQL with ARTICLE standing for the article id column, and its parameters


def _filters(conn, campaign, person, site, since, until) -> list[Condition]:
    """The WHERE conditions of the filters given."""
    where: list[Condition] = []
    for value, table, mentions, column, option in ((campaign, "campaigns", "campaign_mentions", "campaign_id", "campaign"),
                                                   (person, "people", "person_mentions", "person_id", "person")):
        if value:
            ids = entity_ids(conn, table, value)
            if not ids:
                raise QueryError(f"no {option} matches {value!r}")
            sql = (f"{ARTICLE} IN (SELECT m.article_id FROM {mentions} m JOIN articles x ON x.id = m.article_id "
                   f"AND x.current_version = m.version_id WHERE m.{column} IN ({', '.join('?' * len(ids))}))")
            where.append((sql, ids))
    if site:
        if conn.execute("SELECT 1 FROM sites WHERE id = ?", [site]).fetchone():
            where.append(("a.site = ?", [site]))
        else:
            where.append(("a.site LIKE ? ESCAPE '\\'", ["%" + re.sub(r"([%_\\])", r"\\\1", site) + "%"]))
    for value, op, option in ((since, ">=", "--since"), (until, "<=", "--until")):
        value = _date(value, option)
        if value:
            where.append((f"substr(a.published, 1, {len(value)}) {op} ?", [value]))
    return where


def sql_of(conditions: list[Condition], article: str) -> tuple[str, list]:
    """' AND '-joined SQL (each condition prefixed by AND) and the parameters, in order."""
    sql = "".join(" AND " + c.replace(ARTICLE, article) for c, _ in conditions)
    return sql, [p for _, params in conditions for p in params]


def _rank(conn, fts: str, where: list[Condition], limit: int, index: str = "search_index",
          weights: str = "5.0, 2.0, 1.0") -> list[tuple]:
    """Top matches of one FTS index by bm25; the article rows are read for the winners only,
    unless a condition needs them (site, dates) while ranking."""
    # "+rowid": test each match against the filter's id list, rather than have FTS5 seek every id
    by_id, id_params = sql_of([c for c in where if ARTICLE in c[0]], f"+{index}.rowid")
    by_article, article_params = sql_of([c for c in where if ARTICLE not in c[0]], "a.id")
    bm25 = f"bm25({index}, {weights})"
    columns = "a.id, a.url, a.title, a.published, a.site, a.current_version"
    if by_article:
        sql = (f"SELECT {columns}, -{bm25} AS score FROM {index} CROSS JOIN articles a ON a.id = {index}.rowid "
               f"WHERE {index} MATCH ?{by_id}{by_article} ORDER BY {bm25} LIMIT ?")
    else:
        sql = (f"SELECT {columns}, -top.rank AS score FROM (SELECT rowid AS id, {bm25} AS rank FROM {index} "
               f"WHERE {index} MATCH ?{by_id} ORDER BY rank LIMIT ?) top "
               f"CROSS JOIN articles a ON a.id = top.id ORDER BY top.rank")
    return conn.execute(sql, [fts, *id_params, *article_params, limit]).fetchall()


def ranked(conn, fts: str, where: list[Condition], limit: int) -> list[tuple]:
    """Top `limit` matches by bm25 (title 5, lead 2, text 1).

    bm25 costs a few microseconds per matching article, so a query matching most of a large
    store ("lao dong") would take hundreds of milliseconds. Past RANK_ALL_LIMIT matches, the
    ranking is taken among articles matching in their title or lead (which outweigh body-only
    matches by their weights), by bm25 over the small headline index, when there are enough of
    them; otherwise among all matches as usual.
    Filtered queries are always ranked in full: counting matches after the filters would cost
    nearly as much as ranking them.
    """
    probe = "SELECT count(*) FROM (SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?)"
    if not where and conn.execute(probe, [fts, RANK_ALL_LIMIT + 1]).fetchone()[0] > RANK_ALL_LIMIT:
        rows = _rank(conn, fts, where, limit, "headline_index", "5.0, 2.0")
        if len(rows) >= limit:
            return rows
    return _rank(conn, fts, where, limit)


def run_search(conn, query: str | None, *, campaign=None, person=None, site=None, since=None,
               until=None, limit: int = 20) -> list[dict]:
    try:
        limit = int(limit)
    except (TypeError, ValueError):
        raise QueryError(f"limit must be a whole number, not {limit!r}") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    where = _filters(conn, campaign, person, site, since, until)
    if query and query.strip():
        parsed = parse_query(query)
        rows = ranked(conn, parsed.fts(), where, limit)
    elif where:
        parsed = None
        conditions, params = sql_of(where, "a.id")
        sql = (f"SELECT a.id, a.url, a.title, a.published, a.site, a.current_version, NULL AS score "
               f"FROM articles a WHERE 1{conditions} ORDER BY a.published DESC, a.id LIMIT ?")
        rows = conn.execute(sql, [*params, limit]).fetchall()
    else:
        raise QueryError("empty query: give words to search for, or a filter (--campaign, --person, --site, ...)")
    return [_result(conn, row, parsed) for row in rows]


def _result(conn, row, query: Query | None) -> dict:
    article_id, url, title, published, site, version_id, score = row
    text = conn.execute("SELECT text FROM versions WHERE id = ?", [version_id]).fetchone()[0] or ""
    cut, spans = snippet(text, query) if query else snippet(text, Query(()))
    if query and not spans and title:  # matched in the title only: show the title's matches
        cut, spans = snippet(title, query)
    return {"url": url, "title": title, "published": published, "site": site, "snippet": cut,
            "score": round(score, 6) if score is not None else None, "article_id": article_id,
            "highlights": [list(span) for span in spans]}
