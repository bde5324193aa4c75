"""The nightly lock: a second run is refused, a killed run's lock is recovered."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from thidua.runlock import LockHeld, RunLock

HOLD = """
import sys, time
from thidua.runlock import RunLock
with RunLock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(60)
"""


def hold_in_subprocess(path):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_second_holder_is_refused_with_the_first_named(tmp_path):
    lock_path = tmp_path / "db.nightly.lock"
    proc = hold_in_subprocess(lock_path)
    try:
        with pytest.raises(LockHeld) as refused:
            RunLock(lock_path).acquire()
        assert f"pid {proc.pid}" in str(refused.value)
    finally:
        proc.kill()
        proc.wait()


def test_lock_of_a_killed_run_is_recovered(tmp_path):
    lock_path = tmp_path / "db.nightly.lock"
    proc = hold_in_subprocess(lock_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert lock_path.exists()  # the file stays, the lock does not
    with RunLock(lock_path) as lock:
        assert lock.holder()["pid"] == os.getpid()


def test_lock_is_released_on_exit(tmp_path):
    path = tmp_path / "x.lock"
    with RunLock(path):
        pass
    with RunLock(path):
        pass


def test_lock_lives_beside_the_database(tmp_path):
    assert RunLock.beside(tmp_path / "thidua.db").path == tmp_path / "thidua.db.nightly.lock"
