"""A lock so two runs on the same database never overlap.

The lock is an advisory `flock` on a file beside the database. The kernel drops it when the
holding process dies, even by SIGKILL, so a killed run never leaves a stale lock behind; the
pid and start time written into the file only serve the message a second run prints.
"""
from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path


class LockHeld(Exception):
    """Another run holds the lock; the message names it."""


class RunLock:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._fd: int | None = None

    @classmethod
    def beside(cls, db_path: str | Path, name: str = "nightly") -> "RunLock":
        db = Path(db_path)
        return cls(db.with_name(f"{db.name}.{name}.lock"))

    def holder(self) -> dict:
        """Who wrote the lock file last (pid, started), or {} when unknown."""
        try:
            return json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            return {}

    def acquire(self) -> "RunLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            held = self.holder()
            since = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(held["started"])) if "started" in held else "?"
            raise LockHeld(f"another run is in progress (pid {held.get('pid', '?')}, started {since}); "
                           f"lock file {self.path}") from None
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "started": time.time()}).encode())
        os.fsync(fd)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "RunLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
