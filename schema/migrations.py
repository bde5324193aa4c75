"""The schema of a thidua database, as numbered migrations (see migrate.py).

Never edit a released migration: add a new one. Offsets are `char_start`/`char_end` into the
version's stored text; fact dates are `start_date`/`end_date` (ISO 8601 at the text's precision).
"""
from __future__ import annotations

import sqlite_utils

from .migrate import migration

# Every fact row points to the version it was read from, its article, its sentence and offsets.
EVIDENCE = """
    version_id INTEGER NOT NULL REFERENCES versions(id),
    article_id INTEGER NOT NULL REFERENCES articles(id),
    char_start INTEGER, char_end INTEGER,
    sentence TEXT, sentence_start INTEGER, sentence_end INTEGER
"""

CORE_TABLES = [
    "CREATE TABLE thidua_meta (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE sites (id TEXT PRIMARY KEY, first_seen TEXT NOT NULL)",
    """CREATE TABLE runs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, params TEXT,
        started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL DEFAULT 'running', report TEXT)""",
    """CREATE TABLE skips (id INTEGER PRIMARY KEY, url TEXT NOT NULL, reason TEXT NOT NULL,
        run_id INTEGER REFERENCES runs(id), skipped_at TEXT NOT NULL)""",
    """CREATE TABLE articles (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, site TEXT REFERENCES sites(id),
        title TEXT, author TEXT, published TEXT, current_version INTEGER, version_count INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT NOT NULL, updated_at TEXT NOT NULL)""",
    """CREATE TABLE versions (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id),
        number INTEGER NOT NULL, content_hash TEXT NOT NULL, extraction_hash TEXT NOT NULL,
        raw_hash TEXT, etag TEXT, last_modified TEXT, fetched_at TEXT, run_id INTEGER REFERENCES runs(id),
        saved_at TEXT NOT NULL, title TEXT, kicker TEXT, author TEXT, published TEXT, lead TEXT, text TEXT,
        blocks TEXT, method TEXT, UNIQUE (article_id, number))""",
    """CREATE TABLE campaigns (id TEXT PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE,
        base_key TEXT, kind TEXT)""",
    f"""CREATE TABLE campaign_mentions (id INTEGER PRIMARY KEY, campaign_id TEXT REFERENCES campaigns(id),
        name TEXT NOT NULL, kind TEXT, {EVIDENCE})""",
    f"""CREATE TABLE phases (id INTEGER PRIMARY KEY, campaign_id TEXT REFERENCES campaigns(id), campaign_name TEXT,
        number INTEGER, start_date TEXT, end_date TEXT, theme TEXT, text TEXT, {EVIDENCE})""",
    f"""CREATE TABLE date_ranges (id INTEGER PRIMARY KEY, text TEXT, start_date TEXT, end_date TEXT, {EVIDENCE})""",
    "CREATE TABLE organizations (id TEXT PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE)",
    f"""CREATE TABLE organization_mentions (id INTEGER PRIMARY KEY,
        organization_id TEXT REFERENCES organizations(id), name TEXT NOT NULL, {EVIDENCE})""",
    """CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL,
        organization TEXT, organization_key TEXT NOT NULL DEFAULT '')""",
    f"""CREATE TABLE person_mentions (id INTEGER PRIMARY KEY, person_id TEXT REFERENCES people(id),
        name TEXT NOT NULL, role TEXT, organization TEXT, {EVIDENCE})""",
    f"""CREATE TABLE awards (id INTEGER PRIMARY KEY, title TEXT NOT NULL, recipient TEXT,
        person_id TEXT REFERENCES people(id), year INTEGER, text TEXT, {EVIDENCE})""",
    f"""CREATE TABLE statistics (id INTEGER PRIMARY KEY, value NUMERIC, unit TEXT, text TEXT,
        campaign_id TEXT REFERENCES campaigns(id), campaign_name TEXT, {EVIDENCE})""",
]

FACT_TABLES = ("campaign_mentions", "phases", "date_ranges", "organization_mentions",
               "person_mentions", "awards", "statistics")


@migration(1, "core_tables")
def core_tables(db: sqlite_utils.Database) -> None:
    for statement in CORE_TABLES:
        db.execute(statement)
    db.execute("INSERT INTO thidua_meta (key, value) VALUES ('application', 'thidua')")


@migration(2, "indexes")
def indexes(db: sqlite_utils.Database) -> None:
    """Indexes for the lookups the store makes per article and the filters search applies."""
    for table in FACT_TABLES:
        db.execute(f"CREATE INDEX idx_{table}_version ON {table}(version_id)")
        db.execute(f"CREATE INDEX idx_{table}_article ON {table}(article_id)")
    for table, column in [("campaign_mentions", "campaign_id"), ("phases", "campaign_id"),
                          ("statistics", "campaign_id"), ("person_mentions", "person_id"),
                          ("awards", "person_id"), ("organization_mentions", "organization_id"),
                          ("versions", "article_id"), ("articles", "site"), ("articles", "published"),
                          ("skips", "url"), ("skips", "run_id"), ("campaigns", "base_key"),
                          ("people", "key")]:
        db.execute(f"CREATE INDEX idx_{table}_{column} ON {table}({column})")


@migration(3, "search_index")
def search_index(db: sqlite_utils.Database) -> None:
    """Full-text index over folded title, lead and text (see search.py); rowid = articles.id.

    Contentless: the index holds no copy of the text; snippets are cut from the stored version.
    """
    from .search import index_values  # late import: search.py imports nothing from here

    db.execute("CREATE VIRTUAL TABLE search_index USING fts5(title, lead, text, content='', "
               "tokenize='unicode61 remove_diacritics 2', prefix='2 3')")
    rows = db.execute("SELECT a.id, v.title, v.lead, v.text FROM articles a "
                      "JOIN versions v ON v.id = a.current_version").fetchall()
    db.conn.executemany("INSERT INTO search_index (rowid, title, lead, text) VALUES (?, ?, ?, ?)",
                        [(row[0], *index_values(*row[1:])) for row in rows])


@migration(4, "article_year")
def article_year(db: sqlite_utils.Database) -> None:
    """A year column for facets (datasette facets on a column, not an expression)."""
    db.execute("ALTER TABLE articles ADD COLUMN year INTEGER")
    db.execute("UPDATE articles SET year = CAST(substr(published, 1, 4) AS INTEGER) "
               "WHERE published GLOB '[0-9][0-9][0-9][0-9]*'")
    db.execute("CREATE INDEX idx_articles_year ON articles(year)")


@migration(5, "fact_extras")
def fact_extras(db: sqlite_utils.Database) -> None:
    """Attributes the extractor gives beyond the contract (award giver, statistic kind, …), as JSON."""
    for table in FACT_TABLES:
        db.execute(f"ALTER TABLE {table} ADD COLUMN extra TEXT")


@migration(6, "facet_views")
def facet_views(db: sqlite_utils.Database) -> None:
    """Views with one row per article and campaign / person (current text), for faceted browsing."""
    db.execute("""CREATE VIEW article_campaigns AS
        SELECT DISTINCT a.id AS article_id, a.title, a.url, a.site, a.year, a.published,
               c.name AS campaign, c.id AS campaign_id
        FROM articles a JOIN campaign_mentions m ON m.version_id = a.current_version
        JOIN campaigns c ON c.id = m.campaign_id""")
    db.execute("""CREATE VIEW article_people AS
        SELECT DISTINCT a.id AS article_id, a.title, a.url, a.site, a.year, a.published,
               p.name AS person, p.organization, p.id AS person_id
        FROM articles a JOIN person_mentions m ON m.version_id = a.current_version
        JOIN people p ON p.id = m.person_id""")


@migration(7, "headline_index")
def headline_index(db: sqlite_utils.Database) -> None:
    """A small second index over folded title and lead only: ranking a query that matches most
    of the store among headline matches costs a tenth of ranking it over whole texts."""
    from .search import index_values

    db.execute("CREATE VIRTUAL TABLE headline_index USING fts5(title, lead, content='', "
               "tokenize='unicode61 remove_diacritics 2', prefix='2 3')")
    rows = db.execute("SELECT a.id, v.title, v.lead FROM articles a "
                      "JOIN versions v ON v.id = a.current_version").fetchall()
    db.conn.executemany("INSERT INTO headline_index (rowid, title, lead) VALUES (?, ?, ?)",
                        [(row[0], *index_values(row[1], row[2], None)[:2]) for row in rows])
