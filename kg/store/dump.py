"""Sorted dumps of an Oxigraph store in bounded memory.

An export is sorted so that two exports of the same graph are byte-identical. Rather than hold
every quad as a Python object and sort them in memory, Oxigraph writes canonical N-Triples
(whose lines sort exactly as the terms' text does) and the lines are sorted here: each graph
on its own for the quad formats (an article graph is small), the union through an external
merge sort (runs of `RUN` lines sorted in memory, spilled to temporary files, merged). The
result is a sorted N-Triples or N-Quads file; other formats are serialized from it as a stream.
"""
from __future__ import annotations

import heapq
import os
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Iterable, Iterator

import pyoxigraph as ox

RUN = 200_000  # lines sorted in memory at once: about 60 MB of text


def sorted_lines(lines: Iterable[str], workdir: Path, run: int | None = None) -> Iterator[str]:
    """The lines in code-point order (Python's string order), holding at most `run` of them."""
    run = run or RUN
    runs: list[Path] = []
    buf: list[str] = []
    for line in lines:
        buf.append(line)
        if len(buf) >= run:
            runs.append(_spill(sorted(buf), workdir, len(runs)))
            buf = []
    buf.sort()
    if not runs:
        yield from buf
        return
    runs.append(_spill(buf, workdir, len(runs)))
    with ExitStack() as stack:
        files = [stack.enter_context(open(p, encoding="utf-8", newline="\n")) for p in runs]
        yield from heapq.merge(*files)
    for p in runs:
        p.unlink(missing_ok=True)


def _spill(lines: list[str], workdir: Path, n: int) -> Path:
    path = workdir / f"run-{n}.nt"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)
    return path


def _dump_lines(raw: "ox.Store", graph, workdir: Path) -> Iterator[str]:
    """A graph's canonical N-Triples lines (through a file, so the text is never all in memory)."""
    path = workdir / "dump.nt"
    raw.dump(str(path), ox.RdfFormat.N_TRIPLES, from_graph=graph)
    with open(path, encoding="utf-8", newline="\n") as f:
        yield from f
    path.unlink(missing_ok=True)


def write_union(raw: "ox.Store", out: IO[str], workdir: Path, skip: set[str]) -> int:
    """The union (the default graph) as sorted N-Triples, without the lines in `skip`."""
    n = 0
    for line in sorted_lines(_dump_lines(raw, ox.DefaultGraph(), workdir), workdir):
        if line not in skip:
            out.write(line)
            n += 1
    return n


def write_graph(raw: "ox.Store", graph, out: IO[str], *, as_quads: bool) -> int:
    """One graph's triples, sorted; as N-Quads lines naming the graph when `as_quads`."""
    text = raw.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).decode("utf-8")
    lines = sorted(text.splitlines(keepends=True))
    if as_quads and not isinstance(graph, ox.DefaultGraph):
        name = f" {graph} .\n"
        lines = [line[:-3] + name for line in lines]
    out.writelines(lines)
    return len(lines)


def graph_lines(raw: "ox.Store", graph) -> set[str]:
    """A graph's N-Triples lines, as a set (for the small ontology graph)."""
    text = raw.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).decode("utf-8")
    return set(text.splitlines(keepends=True))


def default_only_triples(raw: "ox.Store") -> Iterator["ox.Triple"]:
    """What only the default graph holds: triples a user inserted without a GRAPH (the
    default graph is otherwise the union of the named graphs)."""
    for s in raw.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER NOT EXISTS { "
                       "GRAPH ?g { ?s ?p ?o } } }"):
        yield ox.Triple(s[0], s[1], s[2])


def default_only(raw: "ox.Store") -> list[str]:
    """Sorted N-Triples lines of `default_only_triples`; few, so sorted in memory."""
    return sorted(f"{t} .\n" for t in default_only_triples(raw))


def workdir_near(dest) -> tempfile.TemporaryDirectory:
    """A scratch folder on the destination's file system (where there is room for the output),
    else the system's."""
    parent = Path(dest).parent if isinstance(dest, (str, os.PathLike)) else None
    try:
        return tempfile.TemporaryDirectory(prefix=".kg-export-", dir=parent)
    except OSError:
        return tempfile.TemporaryDirectory(prefix="kg-export-")
