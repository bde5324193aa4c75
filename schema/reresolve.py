"""Resolve every mention again, e.g. after an editor changed aliases.yaml.

Entities are rebuilt from the mentions in a fixed order (campaign names shortest first, so a
"name - subtitle" form joins its short name; people in the order they were first stored),
so the same data and aliases always give the same entities and the same ids.
"""
from __future__ import annotations

import sqlite_utils

from .resolve import Resolver

UNLINK = [("campaign_mentions", "campaign_id"), ("phases", "campaign_id"), ("statistics", "campaign_id"),
          ("person_mentions", "person_id"), ("awards", "person_id")]


def resolve_all(db: sqlite_utils.Database, resolver: Resolver) -> None:
    conn = db.conn
    for table, column in UNLINK:
        conn.execute(f"UPDATE {table} SET {column} = NULL")
    conn.execute("DELETE FROM campaigns")
    conn.execute("DELETE FROM people")
    named = conn.execute("SELECT 'campaign_mentions', id, name, kind FROM campaign_mentions "
                         "UNION ALL SELECT 'phases', id, campaign_name, NULL FROM phases WHERE campaign_name IS NOT NULL "
                         "UNION ALL SELECT 'statistics', id, campaign_name, NULL FROM statistics "
                         "WHERE campaign_name IS NOT NULL").fetchall()
    named.sort(key=lambda row: (len(row[2]), row[0] != "campaign_mentions", row[1]))
    for table, row_id, name, kind in named:
        conn.execute(f"UPDATE {table} SET campaign_id = ? WHERE id = ?", [resolver.campaign(name, kind), row_id])
    for row_id, name, organization in conn.execute(
            "SELECT id, name, organization FROM person_mentions ORDER BY id").fetchall():
        conn.execute("UPDATE person_mentions SET person_id = ? WHERE id = ?",
                     [resolver.person(name, organization), row_id])
    conn.execute("UPDATE awards SET person_id = (SELECT pm.person_id FROM person_mentions pm "
                 "WHERE pm.version_id = awards.version_id AND pm.name = awards.recipient LIMIT 1) "
                 "WHERE recipient IS NOT NULL")
