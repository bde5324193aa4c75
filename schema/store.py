"""The SQLite store: articles with their versions, facts with their evidence, entities, runs.

    with Store.open("thidua.db") as store:
        store.save_article(record, raw_hash=..., etag=...)   # "new" | "updated" | "unchanged"
        store.search("lao dong gioi", campaign="1 triệu sáng kiến")

Every write is one transaction (BEGIN IMMEDIATE, so a second writer waits up to `timeout`
seconds); any error inside rolls the whole article back. Problems with the file itself
(corrupt, not SQLite, not thidua, locked) surface as StoreError with a one-line message.
"""
from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils

from .aliases import Aliases, default_path, load_aliases
from .errors import QueryError, StoreError
from .facts import FactWriter
from .migrate import MIGRATIONS_TABLE, apply_migrations, latest_number, pending
from .migrations import FACT_TABLES  # importing migrations also registers them
from .resolve import Resolver
from .search import index_signature, index_values
from .searching import run_search

__all__ = ["QueryError", "Store", "StoreError"]

SQLITE_MAGIC = b"SQLite format 3\x00"
COUNTED = ("sites", "articles", "versions", "campaigns", "phases", "date_ranges", "awards", "people",
           "statistics", "organizations", "runs", "skips")
ENTITY_LINKS = {"campaigns": [("campaign_mentions", "campaign_id"), ("phases", "campaign_id"),
                              ("statistics", "campaign_id")],
                "people": [("person_mentions", "person_id"), ("awards", "person_id")],
                "organizations": [("organization_mentions", "organization_id")]}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


def content_hash(record: dict) -> str:
    """What makes a new version: the article's own words and metadata, not the extraction."""
    return _digest([record.get("title"), record.get("text"), record.get("author"), record.get("published")])


def extraction_hash(record: dict) -> str:
    return _digest({key: value for key, value in record.items() if key != "url"})


def blocks_column(record: dict) -> str:
    """The blocks as offsets into the text ({"kind", "start", "end"}), not a second copy of it;
    a block whose text is not found verbatim keeps its "text"."""
    text, position, out = record.get("text") or "", 0, []
    for block in record.get("blocks") or []:
        if not isinstance(block, dict):
            continue
        body = block.get("text") or ""
        start = text.find(body, position) if body else -1
        if start < 0:
            out.append({"kind": block.get("kind"), "start": None, "end": None, "text": body})
            continue
        position = start + len(body)
        out.append({"kind": block.get("kind"), "start": start, "end": position})
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def _is_locked(error: sqlite3.Error) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def guarded(method):
    """Turn sqlite errors into StoreError with a one-line message (no traceback for users)."""

    @functools.wraps(method)
    def wrapper(self: Store, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.OperationalError as error:
            if _is_locked(error):
                raise StoreError(f"database {self.path} is locked by another writer "
                                 f"(waited {self.timeout:g}s); try again later") from None
            raise StoreError(f"database {self.path}: {error}") from None
        except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError) as error:
            raise StoreError(f"cannot store this in {self.path}: {error}") from None
        except sqlite3.DatabaseError as error:
            raise StoreError(f"database {self.path} is corrupt or not a SQLite database ({error})") from None

    return wrapper


class Store:
    def __init__(self, conn: sqlite3.Connection, path: str, timeout: float, aliases: Aliases):
        self.conn, self.path, self.timeout, self.aliases = conn, path, timeout, aliases
        self.db = sqlite_utils.Database(conn)
        self.resolver = Resolver(self.db, aliases)

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path, *, timeout: float = 30.0, create: bool = True, aliases=None,
             upto: int | None = None) -> Store:
        """Open (creating or upgrading) a thidua database. `aliases`: YAML path (default beside the db).

        `upto` stops migrations at that number (tests build old-version databases with it).
        """
        path = str(path)
        _check_file(path, create)
        try:
            conn = sqlite3.connect(path, timeout=timeout, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open database {path}: {error}") from None
        store = cls(conn, path, timeout, Aliases())
        try:
            store._prepare_patiently(upto)
            store.aliases = load_aliases(default_path(path) if aliases is None else aliases)
            store.resolver = Resolver(store.db, store.aliases)
            store._apply_aliases_if_changed()
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare_patiently(self, upto: int | None) -> None:
        """_prepare, retried while another process is setting up the same file. Two crawlers
        starting together on a new database race to switch it to WAL and migrate it; SQLite can
        answer that race with an immediate "locked" (no busy wait), so wait here instead."""
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                return self._prepare(upto)
            except StoreError as error:
                if "is locked" not in str(error) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.05)

    @guarded
    def _prepare(self, upto: int | None) -> None:
        tables = set(self.db.table_names())  # reads the schema: fails here on a corrupt file
        if tables and MIGRATIONS_TABLE not in tables:
            shown = ", ".join(sorted(tables)[:5])
            raise StoreError(f"{self.path} is not a thidua database (it has other tables: {shown})")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        if pending(self.db, upto) or MIGRATIONS_TABLE not in tables:  # no write lock needed otherwise
            with self.transaction():
                apply_migrations(self.db, upto)  # re-reads what is pending, now under the lock
        applied = self.schema_version()
        if applied > latest_number():
            raise StoreError(f"{self.path} was written by a newer thidua (schema {applied} > {latest_number()})")
        if upto is None or upto >= 7:
            self._check_index_signature()

    def _check_index_signature(self) -> None:
        """Rebuild the search indexes if fold() changed since they were written (see search.py)."""
        row = self.conn.execute("SELECT value FROM thidua_meta WHERE key = 'index_signature'").fetchone()
        if row and row[0] == index_signature():
            return
        with self.transaction():
            self.rebuild_indexes()
            self.conn.execute("INSERT OR REPLACE INTO thidua_meta (key, value) VALUES ('index_signature', ?)",
                              [index_signature()])

    def rebuild_indexes(self) -> None:
        """Refill both full-text indexes from the current versions (inside the caller's transaction)."""
        self.conn.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
        self.conn.execute("INSERT INTO headline_index (headline_index) VALUES ('delete-all')")
        rows = self.conn.execute("SELECT a.id, v.title, v.lead, v.text FROM articles a "
                                 "JOIN versions v ON v.id = a.current_version")
        for batch in iter(lambda: rows.fetchmany(2000), []):
            values = [(row[0], *index_values(*row[1:])) for row in batch]
            self.conn.executemany("INSERT INTO search_index (rowid, title, lead, text) VALUES (?, ?, ?, ?)", values)
            self.conn.executemany("INSERT INTO headline_index (rowid, title, lead) VALUES (?, ?, ?)",
                                  [v[:3] for v in values])

    def schema_version(self) -> int:
        return self.conn.execute(f"SELECT coalesce(max(number), 0) FROM {MIGRATIONS_TABLE}").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; any exception inside rolls everything back."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- articles ------------------------------------------------------------------------
    @guarded
    def save_article(self, record: dict, *, raw_hash: str | None = None, etag: str | None = None,
                     last_modified: str | None = None, fetched_at: str | None = None,
                     run_id: int | None = None) -> str:
        """Store one extraction record: "new", "updated" (new version or new facts) or "unchanged"."""
        url = record.get("url")
        if not url:
            raise StoreError("cannot store an article without a url")
        fetch = {"raw_hash": raw_hash, "etag": etag, "last_modified": last_modified,
                 "fetched_at": fetched_at or now(), "run_id": run_id}
        content, extraction = content_hash(record), extraction_hash(record)
        with self.transaction():
            article = self.conn.execute("SELECT a.id, v.id, v.number, v.content_hash, v.extraction_hash "
                                        "FROM articles a LEFT JOIN versions v ON v.id = a.current_version "
                                        "WHERE a.url = ?", [url]).fetchone()
            if article is None:
                article_id = self._new_article(url, record)
                self._new_version(article_id, 1, record, content, extraction, fetch)
                return "new"
            article_id, version_id, number, known_content, known_extraction = article
            if known_content == content and known_extraction == extraction:
                self._refresh_fetch(version_id, fetch, raw_hash, etag, last_modified)
                return "unchanged"
            if known_content == content:
                self._replace_facts(version_id, article_id, record, extraction)
                self._refresh_fetch(version_id, fetch, raw_hash, etag, last_modified)
            else:
                self._new_version(article_id, (number or 0) + 1, record, content, extraction, fetch)
            return "updated"

    def _new_article(self, url: str, record: dict) -> int:
        site = record.get("site") or urlsplit(url).hostname or "unknown"
        self.conn.execute("INSERT OR IGNORE INTO sites (id, first_seen) VALUES (?, ?)", [site, now()])
        article_id = int(hashlib.sha1(url.encode()).hexdigest()[:10], 16)  # stable across runs
        while self.conn.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
            article_id += 1  # a hash collision with another url: take the next free id
        self.conn.execute("INSERT INTO articles (id, url, site, first_seen, updated_at) VALUES (?, ?, ?, ?, ?)",
                          [article_id, url, site, now(), now()])
        return article_id

    def _new_version(self, article_id: int, number: int, record: dict, content: str, extraction: str,
                     fetch: dict) -> None:
        self._unindex(article_id)
        cursor = self.conn.execute(
            "INSERT INTO versions (article_id, number, content_hash, extraction_hash, raw_hash, etag, last_modified,"
            " fetched_at, run_id, saved_at, title, kicker, author, published, lead, text, blocks, method)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article_id, number, content, extraction, fetch["raw_hash"], fetch["etag"], fetch["last_modified"],
             fetch["fetched_at"], fetch["run_id"], now(), record.get("title"), record.get("kicker"),
             record.get("author"), record.get("published"), record.get("lead"), record.get("text"),
             blocks_column(record), record.get("method")])
        version_id = cursor.lastrowid
        published = record.get("published")
        year = int(published[:4]) if isinstance(published, str) and published[:4].isdigit() else None
        self.conn.execute("UPDATE articles SET current_version = ?, version_count = ?, title = ?, author = ?,"
                          " published = ?, year = ?, updated_at = ? WHERE id = ?",
                          [version_id, number, record.get("title"), record.get("author"), published, year,
                           now(), article_id])
        values = index_values(record.get("title"), record.get("lead"), record.get("text"))
        self.conn.execute("INSERT INTO search_index (rowid, title, lead, text) VALUES (?, ?, ?, ?)",
                          [article_id, *values])
        self.conn.execute("INSERT INTO headline_index (rowid, title, lead) VALUES (?, ?, ?)",
                          [article_id, *values[:2]])
        FactWriter(self.db, self.resolver, version_id, article_id).write(record)

    def _unindex(self, article_id: int) -> None:
        """Remove the current version from the contentless indexes (they need the indexed values back)."""
        row = self.conn.execute("SELECT v.title, v.lead, v.text FROM articles a JOIN versions v "
                                "ON v.id = a.current_version WHERE a.id = ?", [article_id]).fetchone()
        if row:
            values = index_values(*row)
            self.conn.execute("INSERT INTO search_index (search_index, rowid, title, lead, text) "
                              "VALUES ('delete', ?, ?, ?, ?)", [article_id, *values])
            self.conn.execute("INSERT INTO headline_index (headline_index, rowid, title, lead) "
                              "VALUES ('delete', ?, ?, ?)", [article_id, *values[:2]])

    def _replace_facts(self, version_id: int, article_id: int, record: dict, extraction: str) -> None:
        """Same text, new extraction: the version's facts are replaced, the text stays."""
        touched = self._entities_of(version_id)
        for table in FACT_TABLES:
            self.conn.execute(f"DELETE FROM {table} WHERE version_id = ?", [version_id])
        self.conn.execute("UPDATE versions SET extraction_hash = ?, kicker = ?, lead = ?, blocks = ?, method = ?"
                          " WHERE id = ?", [extraction, record.get("kicker"), record.get("lead"),
                                            blocks_column(record),
                                            record.get("method"), version_id])
        FactWriter(self.db, self.resolver, version_id, article_id).write(record)
        self._drop_orphans(touched)

    def _entities_of(self, version_id: int) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for entity, links in ENTITY_LINKS.items():
            ids = found.setdefault(entity, set())
            for table, column in links:
                ids.update(r[0] for r in self.conn.execute(
                    f"SELECT {column} FROM {table} WHERE version_id = ? AND {column} IS NOT NULL", [version_id]))
        return found

    def _drop_orphans(self, candidates: dict[str, set[str]]) -> None:
        """Entities no mention points to any more are removed (only the ones just unlinked are checked)."""
        for entity, ids in candidates.items():
            for entity_id in ids:
                used = any(self.conn.execute(f"SELECT 1 FROM {table} WHERE {column} = ? LIMIT 1",
                                             [entity_id]).fetchone() for table, column in ENTITY_LINKS[entity])
                if not used:
                    self.conn.execute(f"DELETE FROM {entity} WHERE id = ?", [entity_id])

    def _refresh_fetch(self, version_id: int, fetch: dict, *given) -> None:
        """Same article, same extraction: only record a newer ETag/raw hash the crawler passed."""
        if not any(given):
            return
        row = self.conn.execute("SELECT raw_hash, etag, last_modified FROM versions WHERE id = ?",
                                [version_id]).fetchone()
        if tuple(row) != tuple(given):
            self.conn.execute("UPDATE versions SET raw_hash = ?, etag = ?, last_modified = ?, fetched_at = ?"
                              " WHERE id = ?", [*given, fetch["fetched_at"], version_id])

    @guarded
    def page_state(self, url: str) -> dict | None:
        row = self.conn.execute("SELECT v.content_hash, v.raw_hash, v.etag, v.last_modified, v.fetched_at "
                                "FROM articles a JOIN versions v ON v.id = a.current_version WHERE a.url = ?",
                                [url]).fetchone()
        if row is None:
            return None
        return dict(zip(("content_hash", "raw_hash", "etag", "last_modified", "fetched_at"), row))

    # -- runs ----------------------------------------------------------------------------
    @guarded
    def log_skip(self, url: str, reason: str, run_id: int | None = None) -> None:
        with self.transaction():
            self.conn.execute("INSERT INTO skips (url, reason, run_id, skipped_at) VALUES (?, ?, ?, ?)",
                              [url, " ".join(str(reason).split()), run_id, now()])

    @guarded
    def start_run(self, kind: str, params: dict) -> int:
        with self.transaction():
            cursor = self.conn.execute("INSERT INTO runs (kind, params, started_at) VALUES (?, ?, ?)",
                                       [kind, json.dumps(params, ensure_ascii=False, default=str), now()])
        return cursor.lastrowid

    @guarded
    def finish_run(self, run_id: int, status: str, report: dict) -> None:
        with self.transaction():
            self.conn.execute("UPDATE runs SET finished_at = ?, status = ?, report = ? WHERE id = ?",
                              [now(), status, json.dumps(report, ensure_ascii=False, default=str), run_id])

    @guarded
    def counts(self) -> dict[str, int]:
        return {table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COUNTED}

    # -- search --------------------------------------------------------------------------
    @guarded
    def search(self, query: str, *, campaign=None, person=None, site=None, since=None, until=None,
               limit: int = 20) -> list[dict]:
        """Ranked articles for `query` (folded: diacritics optional); QueryError if it cannot be read."""
        return run_search(self.conn, query, campaign=campaign, person=person, site=site, since=since,
                          until=until, limit=limit)

    # -- editors' aliases ----------------------------------------------------------------
    def _aliases_applied(self) -> bool:
        row = self.conn.execute("SELECT value FROM thidua_meta WHERE key = 'aliases_digest'").fetchone()
        return (row[0] if row else "") == self.aliases.digest

    @guarded
    def _apply_aliases_if_changed(self) -> None:
        if not self._aliases_applied():
            self.reresolve(only_if_changed=True)

    @guarded
    def reresolve(self, only_if_changed: bool = False) -> None:
        """Resolve every mention again (after the aliases changed); ids stay derived from keys."""
        from .reresolve import resolve_all

        with self.transaction():
            if only_if_changed and self._aliases_applied():
                return  # another process applied them while this one waited for the lock
            resolve_all(self.db, self.resolver)
            self.conn.execute("INSERT OR REPLACE INTO thidua_meta (key, value) VALUES ('aliases_digest', ?)",
                              [self.aliases.digest])


def _check_file(path: str, create: bool) -> None:
    """Refuse, before SQLite touches it, a file that is not SQLite, or a missing file when not creating."""
    if path == ":memory:":
        return
    file = Path(path)
    if file.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    if not file.exists():
        if not create:
            raise StoreError(f"no database at {path} (crawl or load articles first)")
        if not file.parent.is_dir():
            raise StoreError(f"cannot create database {path}: folder {file.parent} does not exist")
        return
    try:
        with file.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror or error}") from None
    if header and header != SQLITE_MAGIC:
        raise StoreError(f"{path} is not a SQLite database (corrupt, or some other kind of file)")
