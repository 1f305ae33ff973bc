"""Sorted dumps of an Oxigraph store in bounded memory.

An export is sorted so that two exports of the same graph are byte-identical. Rather than hold
every quad as a Python object and sort them in memory, Oxigraph writes canonical N-Triples
(whose lines sort exactly as the terms' text does) and the lines are sorted here: each graph
on its own for the quad formats (an article graph is small), the union through an external
merge sort (runs of `RUN` bytes of lines sorted in memory, spilled to temporary files, merged
a block at a time). The result is a sorted N-Triples or N-Quads file; other formats are
serialized from it as a stream.
"""
from __future__ import annotations

import bisect
import os
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

RUN = 128 << 20  # bytes of lines sorted in memory at once (about 150 MB as Python bytes)
BLOCK = 4 << 20  # bytes read at once from each sorted run while merging (at most)
Blocks = Iterator[list[bytes]]  # sorted lines, a list at a time


class Runs:
    """A binary file for Oxigraph to dump N-Triples into: its lines are kept in runs of about
    `run` bytes, each sorted in memory and spilled to a file of its own when more follow.
    Lines are split as bytes, at line ends only: Oxigraph's N-Triples escapes every ASCII
    control character inside a literal (a string's splitlines would also cut at U+2028 or
    U+0085, which a literal may hold raw)."""

    def __init__(self, workdir: Path, run: int | None = None):
        self.workdir, self.run = workdir, run or RUN
        self.lines: list[bytes] = []
        self.size, self.tail, self.spilled = 0, b"", []

    def write(self, data: bytes) -> int:
        lines = (self.tail + data).splitlines(keepends=True)
        self.tail = lines.pop() if lines and not lines[-1].endswith(b"\n") else b""
        self.lines += lines
        self.size += len(data)
        if self.size >= self.run:
            self._spill()
        return len(data)

    def flush(self) -> None:
        pass

    def _spill(self) -> None:
        self.lines.sort()
        path = self.workdir / f"run-{len(self.spilled)}.nt"
        with open(path, "wb") as f:
            f.writelines(self.lines)
        self.spilled.append(path)
        self.lines, self.size = [], 0

    def sorted(self) -> Blocks:
        """Every line written, sorted as bytes (UTF-8's byte order is the code points' order,
        Python's string order): the one run as it is, or the spilled runs merged."""
        if self.tail:
            self.write(b"\n")
        if not self.spilled:
            self.lines.sort()
            yield self.lines
            return
        if self.lines:
            self._spill()
        yield from _merge(self.spilled, max(min(BLOCK, self.run // (2 * len(self.spilled))), 1))
        for path in self.spilled:
            path.unlink(missing_ok=True)


def _merge(runs: list[Path], block: int) -> Blocks:
    """Sorted runs merged a block at a time: every line up to the smallest of the blocks' last
    lines is final (no run holds a smaller one further on), so those lines of every block are
    taken, sorted (Python's sort merges the sorted pieces in C) and given out together."""
    with ExitStack() as stack:
        files = [stack.enter_context(open(p, "rb")) for p in runs]
        blocks = [f.readlines(block) for f in files]
        while any(blocks):
            bound = min(b[-1] for b in blocks if b)
            taken: list[bytes] = []
            for i, b in enumerate(blocks):
                k = bisect.bisect_right(b, bound)
                taken += b[:k]
                blocks[i] = b[k:] if k < len(b) else files[i].readlines(block)
            taken.sort()
            yield taken


def union(raw: "ox.Store", workdir: Path, skip: set[bytes]) -> Blocks:
    """The union (the default graph) as sorted N-Triples, without the lines in `skip`; the
    dump goes straight into the runs, never whole into a file or memory."""
    runs = Runs(workdir)
    raw.dump(runs, ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    for lines in runs.sorted():
        yield [line for line in lines if line not in skip] if skip else lines


def graph_lines(raw: "ox.Store", graph) -> list[bytes]:
    """A graph's canonical N-Triples lines (a graph of a kg store is small)."""
    runs = Runs(Path("."), run=1 << 62)  # never spilled
    raw.dump(runs, ox.RdfFormat.N_TRIPLES, from_graph=graph)
    return next(runs.sorted())


def graph(raw: "ox.Store", name, *, as_quads: bool) -> list[bytes]:
    """One graph's triples, sorted; as N-Quads lines naming the graph when `as_quads`."""
    lines = graph_lines(raw, name)
    if as_quads and not isinstance(name, ox.DefaultGraph):
        suffix = f" {name} .\n".encode()
        lines = [line[:-3] + suffix for line in lines]
    return lines


def default_only_triples(raw: "ox.Store") -> Iterator["ox.Triple"]:
    """What only the default graph holds: triples a user inserted without a GRAPH (the
    default graph is otherwise the union of the named graphs)."""
    for s in raw.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER NOT EXISTS { "
                       "GRAPH ?g { ?s ?p ?o } } }"):
        yield ox.Triple(s[0], s[1], s[2])


def default_only(raw: "ox.Store") -> list[bytes]:
    """Sorted N-Triples lines of `default_only_triples`; few, so sorted in memory."""
    return sorted(f"{t} .\n".encode() for t in default_only_triples(raw))


def workdir_near(dest) -> tempfile.TemporaryDirectory:
    """A scratch folder on the destination's file system (where there is room for the output),
    else the system's."""
    parent = Path(dest).parent if isinstance(dest, (str, os.PathLike)) else None
    try:
        return tempfile.TemporaryDirectory(prefix=".kg-export-", dir=parent)
    except OSError:
        return tempfile.TemporaryDirectory(prefix="kg-export-")
