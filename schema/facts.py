"""Writing one record's facts as rows: one function per fact type, all inside the caller's transaction.

A fact carries its evidence as `start`/`end` character offsets (ints) plus `sentence`,
`sentence_start`, `sentence_end`. Phases and date ranges also have dates; where a record gives
them as `start_date`/`end_date` those are used, else string-valued `start`/`end` are dates.
"""
from __future__ import annotations

import json
import re
from typing import Any

import sqlite_utils

from thidua.text import match_key, normalize_inline

from .resolve import Resolver

EVIDENCE_COLUMNS = ("version_id", "article_id", "char_start", "char_end", "sentence", "sentence_start",
                    "sentence_end", "extra")
# Keys stored in their own columns (per fact type, plus the evidence); the rest goes to `extra`.
STORED = {"start", "end", "char_start", "char_end", "span_start", "span_end", "sentence", "sentence_start",
          "sentence_end", "start_date", "end_date", "name", "text", "kind", "organization", "role", "campaign",
          "number", "theme", "title", "recipient", "year", "value", "unit"}


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*\d{1,9}\s*", value):
        return int(value)
    return None


def _text(value: Any) -> str | None:
    return normalize_inline(str(value)) or None if value not in (None, "") else None


def _offset(fact: dict, *names: str) -> int | None:
    for name in names:
        value = fact.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def _plain(value: Any) -> str | None:
    """Free text as stored: a string, or JSON for anything else a record might carry."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def facts_of(record: dict, kind: str) -> list[dict]:
    """The record's facts of one kind as dicts (a bare string is taken as the fact's name)."""
    items = record.get(kind) or []
    if not isinstance(items, list):
        return []
    return [item if isinstance(item, dict) else {"name": item} for item in items if isinstance(item, (dict, str))]


def evidence(fact: dict) -> tuple:
    rest = {key: value for key, value in fact.items() if key not in STORED and value not in (None, "", [], {})}
    return (_offset(fact, "start", "char_start", "span_start"), _offset(fact, "end", "char_end", "span_end"),
            _plain(fact.get("sentence")), _int(fact.get("sentence_start")), _int(fact.get("sentence_end")),
            json.dumps(rest, ensure_ascii=False, sort_keys=True, default=str) if rest else None)


def dates(fact: dict) -> tuple[str | None, str | None]:
    start = fact.get("start_date") or (fact.get("start") if isinstance(fact.get("start"), str) else None)
    end = fact.get("end_date") or (fact.get("end") if isinstance(fact.get("end"), str) else None)
    return _plain(start), _plain(end)


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return value
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        return None
    return int(number) if number.is_integer() else number


class FactWriter:
    """Inserts the facts of one record for one version; entities through the resolver."""

    def __init__(self, db: sqlite_utils.Database, resolver: Resolver, version_id: int, article_id: int):
        self.db, self.resolver = db, resolver
        self.head = (version_id, article_id)

    def insert(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        if not rows:
            return
        names = columns + EVIDENCE_COLUMNS
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        self.db.conn.executemany(sql, rows)

    def row(self, fact: dict, *values) -> tuple:
        return (*values, *self.head, *evidence(fact))

    def campaign_id(self, name: Any) -> str | None:
        name = _text(name)
        return self.resolver.campaign(name) if name else None

    def write(self, record: dict) -> None:
        for kind in ("campaigns", "organizations", "people", "phases", "date_ranges", "awards", "statistics"):
            getattr(self, f"write_{kind}")(facts_of(record, kind), record)

    def write_campaigns(self, facts: list[dict], record: dict) -> None:
        rows = []
        for fact in facts:
            name = _text(fact.get("name") or fact.get("text"))
            if name:
                rows.append(self.row(fact, self.resolver.campaign(name, fact.get("kind")), name, fact.get("kind")))
        self.insert("campaign_mentions", ("campaign_id", "name", "kind"), rows)

    def write_organizations(self, facts: list[dict], record: dict) -> None:
        rows = []
        for fact in facts:
            name = _text(fact.get("name") or fact.get("text"))
            if name:
                rows.append(self.row(fact, self.resolver.organization(name), name))
        self.insert("organization_mentions", ("organization_id", "name"), rows)

    def write_people(self, facts: list[dict], record: dict) -> None:
        rows = []
        for fact in facts:
            name, organization = _text(fact.get("name") or fact.get("text")), _text(fact.get("organization"))
            if name:
                person = self.resolver.person(name, organization)
                rows.append(self.row(fact, person, name, _text(fact.get("role")), organization))
        self.insert("person_mentions", ("person_id", "name", "role", "organization"), rows)

    def write_phases(self, facts: list[dict], record: dict) -> None:
        rows = []
        for fact in facts:
            start, end = dates(fact)
            campaign = _text(fact.get("campaign"))
            rows.append(self.row(fact, self.campaign_id(campaign), campaign, _int(fact.get("number")), start, end,
                                 _text(fact.get("theme")), _plain(fact.get("text"))))
        self.insert("phases", ("campaign_id", "campaign_name", "number", "start_date", "end_date", "theme", "text"), rows)

    def write_date_ranges(self, facts: list[dict], record: dict) -> None:
        rows = [self.row(fact, _plain(fact.get("text")), *dates(fact)) for fact in facts]
        self.insert("date_ranges", ("text", "start_date", "end_date"), rows)

    def write_awards(self, facts: list[dict], record: dict) -> None:
        rows = []
        for fact in facts:
            title = _text(fact.get("title") or fact.get("name") or fact.get("text"))
            if title:
                recipient = _text(fact.get("recipient"))
                rows.append(self.row(fact, title, recipient, self.recipient_id(recipient),
                                     _int(fact.get("year")), _plain(fact.get("text"))))
        self.insert("awards", ("title", "recipient", "person_id", "year", "text"), rows)

    def recipient_id(self, recipient: str | None) -> str | None:
        """The person an award went to, when the same article mentions that person."""
        if not recipient:
            return None
        row = self.db.execute("SELECT person_id FROM person_mentions WHERE version_id = ? AND name = ? LIMIT 1",
                              [self.head[0], recipient]).fetchone()
        if row is None:
            key = match_key(recipient)
            candidates = self.db.execute("SELECT name, person_id FROM person_mentions WHERE version_id = ?",
                                         [self.head[0]]).fetchall()
            row = next(((pid,) for name, pid in candidates if match_key(name) == key), None)
        return row[0] if row else None

    def write_statistics(self, facts: list[dict], record: dict) -> None:
        rows = []
        for fact in facts:
            campaign = _text(fact.get("campaign"))
            rows.append(self.row(fact, _number(fact.get("value")), _text(fact.get("unit")), _plain(fact.get("text")),
                                 self.campaign_id(campaign), campaign))
        self.insert("statistics", ("value", "unit", "text", "campaign_id", "campaign_name"), rows)
