"""Reading a store another process writes, or one this process cannot write.

One writer, many readers: commands that only read open the store as a RocksDB read-only
instance, which waits for no lock and writes nothing into the store. Such an instance sees the
store as it was when it was opened, transaction by transaction.

A plain read-only instance is not safe beside a writer: it opens its table files lazily, the
writer's compactions delete files it has not opened yet, and reading then fails (or, inside
RocksDB, asks for gigabytes of memory). So the reader pins a snapshot first: it copies the
manifest (the list of live files), opens every table and log file, and lets RocksDB open them
through /proc/self/fd links in a private temporary directory. A file the writer deletes stays
readable through the open descriptor. If the writer recorded a change while the files were being
pinned, or recycled a log file before the instance had read it, the snapshot is taken again.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import resource
import shutil
import tempfile
import time
import weakref
from pathlib import Path
from typing import Callable, TypeVar

import pyoxigraph as ox

from ..errors import StoreError
from .backends import OxigraphBackend

T = TypeVar("T")
ATTEMPTS = 20  # snapshots taken before a reader gives up on a store that changes that fast
FD_DIR = Path("/proc/self/fd")


def writer(directory: Path) -> str | None:
    """'pid 123 (kg build)' when a process holds the store's writer lock, else None. Probed with
    a shared lock on a read-only descriptor, released at once: nothing is written."""
    try:
        fd = os.open(directory / "kg.lock", os.O_RDONLY)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                return None
            try:
                info = json.loads(os.pread(fd, 4096, 0) or b"{}")
                return f"pid {info.get('pid')} ({info.get('command', 'kg')})"
            except ValueError:
                return "another kg process"
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def why_read_only(directory: Path) -> str:
    """Why this process may not write the store: a writer holds it, or it cannot be written."""
    holder = writer(directory)
    if holder:
        return (f"the store {directory} is being written by {holder}; this command opened it "
                "read-only: wait for that process to finish (or stop it), then try again")
    if not os.access(directory, os.W_OK) or _read_only_fs(directory):
        return (f"the store {directory} cannot be written (no write permission, or a read-only "
                "file system); queries, stats and exports work, writes need a writable copy")
    return (f"the store {directory} was opened read-only by a command that only reads; write "
            "with kg build, kg import, kg query or the shell")


def _read_only_fs(directory: Path) -> bool:
    try:
        return bool(os.statvfs(directory).f_flag & os.ST_RDONLY)
    except OSError:
        return False


class _Pinned:
    """The files of one snapshot: open descriptors and the private directory linking them. The
    directory is named after this process, so one left by a process that was killed (or left
    through os._exit, as `kg query --timeout` does) is removed by the next snapshot taken."""

    def __init__(self):
        _sweep()
        self.fds: list[int] = []
        self.dir = tempfile.mkdtemp(prefix=f"kg-snapshot-{os.getpid()}-")

    def link(self, src: Path) -> int | None:
        try:
            fd = os.open(src, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:  # gone since the listing: the manifest check will tell
            return None
        self.fds.append(fd)
        os.symlink(FD_DIR / str(fd), Path(self.dir) / src.name)
        return fd

    def release(self) -> None:
        for fd in self.fds:
            os.close(fd)
        self.fds = []
        shutil.rmtree(self.dir, ignore_errors=True)


def _sweep() -> None:
    for old in Path(tempfile.gettempdir()).glob("kg-snapshot-*-*"):
        pid = old.name.split("-")[2]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        shutil.rmtree(old, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _manifest(path: Path) -> tuple[str, bytes]:
    current = (path / "CURRENT").read_text()
    return current, (path / current.strip()).read_bytes()


def _room_for(n: int) -> None:
    """Let this process keep n more files open (RocksDB wants its own on top)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = n + 1024
    if soft != resource.RLIM_INFINITY and soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE,
                           (want if hard == resource.RLIM_INFINITY else min(want, hard), hard))


def pinned(path: Path, use: Callable[[str], T]) -> tuple[T, _Pinned | None]:
    """`use(directory)` on a pinned snapshot of the Oxigraph store at `path` (the directory to
    open read-only), and the pinned files, to release once done with what `use` returned.

    The manifest must not change while the files are pinned (a compaction could have removed a
    file it lists), and no log file may be recycled by the writer before `use` has read it
    (RocksDB reuses old log files); either way the snapshot is taken again."""
    if not FD_DIR.is_dir():  # no /proc: the store itself, unpinned
        return use(str(path)), None
    for attempt in range(ATTEMPTS):
        pins = _Pinned()
        try:
            current, manifest = _manifest(path)
            names = sorted(os.listdir(path))
            _room_for(len(names))
            logs = {}
            for name in names:
                if name.endswith((".sst", ".log")):
                    fd = pins.link(path / name)
                    if fd is not None and name.endswith(".log"):
                        logs[name] = os.fstat(fd).st_ino
                elif name.startswith(("OPTIONS-", "IDENTITY")):
                    try:
                        shutil.copyfile(path / name, Path(pins.dir) / name)
                    except FileNotFoundError:
                        pass
            if _manifest(path) == (current, manifest):
                (Path(pins.dir) / current.strip()).write_bytes(manifest)
                (Path(pins.dir) / "CURRENT").write_text(current)
                result = use(pins.dir)
                if all(_inode(path / name) == ino for name, ino in logs.items()):
                    return result, pins
                del result  # a log was recycled while it was read: take it again
        except (OSError, RuntimeError) as exc:  # a file gone, the manifest replaced meanwhile
            if attempt == ATTEMPTS - 1 or "No such file" not in str(exc):
                pins.release()
                raise
        pins.release()
        time.sleep(0.01 * attempt)
    raise StoreError(f"the store at {path.parent} changed faster than a snapshot of it could be "
                     "taken; try again")


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except FileNotFoundError:
        return None


class ReadOnlyOxigraphBackend(OxigraphBackend):
    """The Oxigraph backend on a pinned read-only snapshot: every write raises StoreError
    naming why this process cannot write (a writer's pid, or a read-only directory)."""

    def __init__(self, path: Path, directory: Path):
        self.directory = directory
        try:
            self.ox, pins = pinned(path, ox.Store.read_only)
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"cannot open the store at {directory} for reading: {exc}") \
                from None
        self._release = weakref.finalize(self, pins.release) if pins else None

    def close(self) -> None:
        del self.ox
        if self._release:
            self._release()

    def refuse(self, *args, **kw):
        raise StoreError(why_read_only(self.directory))

    replace_graph = remove_graph = update = load = refuse

    def flush(self) -> None:
        pass
