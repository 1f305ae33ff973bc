"""Importing a large RDF file into the Oxigraph store in bounded memory, all or nothing.

A first pass parses the file as a stream (so a syntax error writes nothing), notes the graphs
it writes and writes the union copies (every triple once more, without its graph) to a
temporary N-Triples file beside the store. Then Oxigraph's bulk loader writes the file's
quads and the union copies straight into its on-disk tables, without a transaction's log.

Bulk loads are not transactions, so the store notes the graphs an import is writing before it
starts and forgets them when it has finished; a store opened with an import still noted (the
process was killed) removes those graphs first: a kill leaves the file all in or all out.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

Progress = Callable[[str, int, int], None]  # (stage, done, total)


class _Counting:
    """A binary file that reports how far it has been read."""

    STEP = 1 << 20  # report once a megabyte

    def __init__(self, f, total: int, progress: Progress | None):
        self.f, self.total, self.progress, self.done, self.shown = f, total, progress, 0, 0

    def _advance(self, n: int) -> None:
        self.done += n
        if self.progress and (self.done - self.shown >= self.STEP or n == 0):
            self.shown = self.done
            self.progress("parsing", self.done, self.total)

    def read(self, n: int = -1) -> bytes:
        block = self.f.read(n)
        self._advance(len(block))
        return block

    def readinto(self, buf) -> int:
        n = self.f.readinto(buf)
        self._advance(n)
        return n


def first_pass(path: Path, fmt: "ox.RdfFormat", graph: "ox.NamedNode", union: Path,
               progress: Progress | None) -> tuple[set, bool]:
    """Parse the file, write its triples (without graphs) to `union`; return the graphs it
    writes and whether it may hold blank nodes."""
    graphs = set()

    def triples(quads):
        add = graphs.add
        for q in quads:
            add(q.graph_name)
            yield q.triple

    with open(path, "rb") as f:
        ox.serialize(triples(ox.parse(_Counting(f, os.path.getsize(path), progress), format=fmt)),
                     str(union), format=ox.RdfFormat.N_TRIPLES)
    graphs.discard(ox.DefaultGraph())
    blank = any(isinstance(g, ox.BlankNode) for g in graphs) or _mentions(union, b"_:")
    return graphs | {graph}, blank


def _mentions(path: Path, needle: bytes, chunk: int = 1 << 22) -> bool:
    """Whether the file holds `needle` (a literal holding "_:" is a harmless false alarm)."""
    tail = b""
    with open(path, "rb") as f:
        while block := f.read(chunk):
            if needle in tail + block:
                return True
            tail = block[-len(needle):]
    return False


def load(raw: "ox.Store", path: Path, fmt: "ox.RdfFormat", graph: "ox.NamedNode", union: Path,
         blank: bool, progress: Progress | None) -> None:
    """Bulk-load the file into its graphs (triples outside a graph into `graph`) and the union
    copies into the default graph. Blank nodes are renamed by each bulk load, so a file that
    holds any is loaded in one go, quads and union copies together, to keep them the same."""
    total = 2
    if progress:
        progress("loading", 0, total)
    if blank:
        both = union.with_name("both.nq")

        def quads():
            for q in ox.parse(path=str(path), format=fmt):
                g = graph if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name
                yield ox.Quad(q.subject, q.predicate, q.object, g)
                yield ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
        ox.serialize(quads(), str(both), format=ox.RdfFormat.N_QUADS)
        raw.bulk_load(path=str(both), format=ox.RdfFormat.N_QUADS)
    else:
        raw.bulk_load(path=str(path), format=fmt, to_graph=graph)
        if progress:
            progress("loading", 1, total)
        raw.bulk_load(path=str(union), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    raw.flush()
    if progress:
        progress("loading", total, total)


def scratch(directory: Path | None) -> tempfile.TemporaryDirectory:
    """A scratch folder inside the store's directory (same disk, cleaned up after)."""
    return tempfile.TemporaryDirectory(prefix=".import-", dir=directory)
