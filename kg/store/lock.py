"""One writer at a time: a lock file in the store directory (filelock) that names its holder."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import StoreError, StoreLocked


def _command() -> str:
    """'kg push': the program and its subcommand, never its arguments (they may hold a
    password in a URL)."""
    sub = next((w for w in sys.argv[1:] if w.isalpha() and w.islower()), None)
    return "kg" + (f" {sub}" if sub else "")


def _sign(fd: int) -> None:
    """Write who holds the lock into the lock file, private to its user."""
    os.fchmod(fd, 0o600)
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps({"pid": os.getpid(), "command": _command()}).encode(), 0)


class WriterLock:
    def __init__(self, directory: Path, wait: float = 10.0):
        self.path = directory / "kg.lock"
        self.wait = wait
        # Not thread-local: a store opened in one thread may be closed in another.
        self._lock = FileLock(self.path, timeout=wait, mode=0o600, poll_interval=0.2,
                              thread_local=False, preserve_lock_file=True, on_acquired=_sign)

    def holder(self) -> str:
        try:
            info = json.loads(self.path.read_text() or "{}")
            return f"pid {info.get('pid')} ({info.get('command', 'kg')})"
        except (OSError, ValueError):
            return "another kg process"

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise StoreLocked(
                f"the store {self.path.parent} is being written by {self.holder()}; wait for it "
                "to finish or stop it, then try again") from None
        except OSError as exc:  # a read-only directory or file system
            raise StoreError(
                f"cannot write the store {self.path.parent} ({exc.strerror}); commands that "
                "only read (query, stats, export) still work on it") from None

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
