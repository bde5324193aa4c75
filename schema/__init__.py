"""The thidua store (SQLite via sqlite-utils), its search, web view and export."""
from .errors import QueryError, StoreError
from .store import Store

__all__ = ["QueryError", "Store", "StoreError"]
