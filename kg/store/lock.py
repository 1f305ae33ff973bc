"""One writer at a time: an advisory lock file in the store directory that names its holder."""
from __future__ import annotations

import fcntl
import json
import os
import sys
import time
from pathlib import Path

from ..errors import StoreLocked


def _command() -> str:
    """'kg push': the program and its subcommand, never its arguments (they may hold a
    password in a URL)."""
    sub = next((w for w in sys.argv[1:] if w.isalpha() and w.islower()), None)
    return "kg" + (f" {sub}" if sub else "")


class WriterLock:
    def __init__(self, directory: Path, wait: float = 10.0):
        self.path = directory / "kg.lock"
        self.wait = wait
        self.fd: int | None = None

    def holder(self) -> str:
        try:
            info = json.loads(self.path.read_text() or "{}")
            return f"pid {info.get('pid')} ({info.get('command', 'kg')})"
        except (OSError, ValueError):
            return "another kg process"

    def acquire(self) -> None:
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        os.fchmod(self.fd, 0o600)
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    who = self.holder()
                    os.close(self.fd)
                    self.fd = None
                    raise StoreLocked(
                        f"the store {self.path.parent} is being written by {who}; wait for it to "
                        "finish or stop it, then try again") from None
                time.sleep(0.2)
        os.ftruncate(self.fd, 0)
        os.write(self.fd, json.dumps({"pid": os.getpid(), "command": _command()}).encode())

    def release(self) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None
