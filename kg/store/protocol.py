"""The one interface every backend of a Store implements: Oxigraph on disk (backends.py),
rdflib's memory store (memory.py) and a remote SPARQL endpoint (kg/interop/remote.py).

Callers never reach a backend: they use the Store, which hands each operation to its backend
through this protocol. Terms go in as rdflib terms and come out of the streaming reads
(`quads`, `triples`) as pyoxigraph terms, which the writers serialize without conversion.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator, Protocol

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

Triple = tuple[Node, Node, Node]
Check = Callable[[set], None]  # sees the graphs a load would write; raises to refuse them
Progress = Callable[[str, int, int], None]  # (stage, done, total)


class Backend(Protocol):
    name: str
    concurrent_reads: bool  # queries may run beside each other and beside an update

    # -- reading
    def query(self, text: str, prefixes: dict[str, str], bindings: dict | None = None):
        """A SPARQL query over the union of the graphs; `bindings` give variables values
        without pasting terms into the text. Returns a QueryResult."""

    def named_graphs(self) -> list[URIRef]:
        """Every named graph, the ontology's included, sorted."""

    def has_graph(self, graph: URIRef) -> bool:
        """Whether the graph holds a triple."""

    def count(self, graph: URIRef | None = None) -> int:
        """Triples in one graph, or distinct triples in the union."""

    def quads(self, graph: URIRef | None = None) -> Iterator["ox.Quad"]:
        """One graph's quads, or every named graph's plus what only the default graph holds."""

    def triples(self) -> Iterator["ox.Triple"]:
        """The union, each triple once."""

    def sorted_lines(self, graph: URIRef | None, *, skip: URIRef | None, as_triples: bool,
                     workdir: Path, union_exact: bool) -> Iterator[list[bytes]]:
        """One graph or all (without the graph `skip`) as sorted N-Triples or N-Quads lines,
        a list at a time, the same bytes on every backend."""

    # -- writing
    def update(self, text: str, prefixes: dict[str, str]) -> None: ...

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Write one named graph in one transaction, replacing what it held."""

    def remove_graph(self, graph: URIRef) -> None: ...

    def load(self, path: Path, fmt: "ox.RdfFormat", graph: URIRef, check: Check,
             progress: Progress | None) -> None:
        """Load an RDF file: triples outside a graph into `graph`, its graphs replacing the
        backend's graphs of the same names. Nothing is written before `check` has passed."""

    def flush(self) -> None: ...

    def close(self) -> None: ...


def sorted_in_memory(backend: Backend, graph: URIRef | None, *, skip: URIRef | None,
                     as_triples: bool) -> list[bytes]:
    """`sorted_lines` for a backend whose statements fit in memory (rdflib's memory store, a
    remote endpoint's answer): the lines sorted as Python strings, which is the order of the
    Oxigraph backend's sorted dump."""
    if as_triples:
        if graph is not None:
            items = [q.triple for q in backend.quads(graph)]
        else:
            left_out = {q.triple for q in backend.quads(skip)} if skip is not None else set()
            items = [t for t in backend.triples() if t not in left_out]
        lines = sorted(f"{t} .\n" for t in items)
    else:
        gone = ox.NamedNode(str(skip)) if skip is not None else None
        quads = [q for q in backend.quads(graph) if q.graph_name != gone]
        lines = [f"{q} .\n" for q in sorted(quads, key=lambda q: (str(q.graph_name), str(q)))]
    return [line.encode() for line in lines]
