"""A small registry of numbered schema migrations, applied in order and recorded in a table.

Each migration is a function taking a sqlite_utils.Database, registered with
`@migration(number, name)`. `apply_migrations` runs the ones a database has not had yet,
each inside the caller's transaction, and records them in `thidua_migrations`, so a
database written by an older version upgrades in place without losing rows.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils

MIGRATIONS_TABLE = "thidua_migrations"


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    apply: Callable[[sqlite_utils.Database], None]


REGISTRY: list[Migration] = []


def migration(number: int, name: str):
    """Register `func` as migration `number`; numbers must be unique and are applied ascending."""

    def register(func: Callable[[sqlite_utils.Database], None]):
        if any(m.number == number for m in REGISTRY):
            raise ValueError(f"migration {number} registered twice")
        REGISTRY.append(Migration(number, name, func))
        REGISTRY.sort(key=lambda m: m.number)
        return func

    return register


def applied_numbers(db: sqlite_utils.Database) -> set[int]:
    if MIGRATIONS_TABLE not in db.table_names():
        return set()
    return {row[0] for row in db.execute(f"SELECT number FROM {MIGRATIONS_TABLE}")}


def pending(db: sqlite_utils.Database, upto: int | None = None) -> list[Migration]:
    done = applied_numbers(db)
    return [m for m in REGISTRY if m.number not in done and (upto is None or m.number <= upto)]


def latest_number() -> int:
    return REGISTRY[-1].number if REGISTRY else 0


def apply_migrations(db: sqlite_utils.Database, upto: int | None = None) -> list[str]:
    """Apply pending migrations (up to `upto`); the caller holds the write transaction."""
    db.execute(
        f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} "
        "(number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = []
    for step in pending(db, upto):
        step.apply(db)
        db.execute(
            f"INSERT INTO {MIGRATIONS_TABLE} (number, name, applied_at) VALUES (?, ?, ?)",
            [step.number, step.name, datetime.now(UTC).isoformat(timespec="seconds")],
        )
        done.append(f"{step.number:03d}_{step.name}")
    return done
