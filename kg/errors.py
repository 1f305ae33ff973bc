"""The one small hierarchy of errors kg raises. Each message tells the user what to do."""
from __future__ import annotations


class KGError(Exception):
    """Base of every error kg reports to the user as one line (never a traceback)."""

    exit_code = 1


class UsageError(KGError):
    """The command line or an argument is wrong."""

    exit_code = 2


class InputError(KGError):
    """An input file cannot be read; the message names the file (and line when known)."""


class QueryError(KGError):
    """A SPARQL query or update is malformed; the message gives line and column."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None,
                 query: str | None = None):
        super().__init__(message)
        self.line, self.column, self.query = line, column, query

    def caret(self) -> str:
        """The offending query line with a caret under the column, for display."""
        if not self.query or not self.line:
            return ""
        lines = self.query.splitlines() or [""]
        text = lines[min(self.line, len(lines)) - 1]
        return f"{text}\n{' ' * max((self.column or 1) - 1, 0)}^"


class NetworkRefused(QueryError):
    """A query asked for the network (SERVICE, LOAD) without --allow-network."""


class StoreError(KGError):
    """The store cannot be opened or written."""


class StoreLocked(StoreError):
    """Another kg process is writing to the store."""


class DiskFull(StoreError):
    """The disk holding the store (or a file being written) has no space left."""


def is_disk_full(exc: BaseException) -> bool:
    """An OSError for a full disk, from Python (errno ENOSPC or EDQUOT) or from Oxigraph's
    RocksDB (which reports it in the message)."""
    import errno

    return isinstance(exc, OSError) and (
        exc.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left on device" in str(exc)
        or "Disk quota exceeded" in str(exc))


class RemoteError(KGError):
    """A remote SPARQL endpoint failed or refused."""

