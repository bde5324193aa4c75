"""The one error the store raises: its message is a single line a user can act on."""
from __future__ import annotations


class StoreError(Exception):
    """The database cannot be used as asked (corrupt, not a thidua database, locked, bad query)."""


class QueryError(StoreError):
    """A search query that cannot be understood; the message says what is wrong with it."""
