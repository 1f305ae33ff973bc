"""rdflib's memory store as a backend (`--store memory`): nothing persists after the process
ends. rdflib fetches the IRIs of FROM, USING and LOAD itself, so every query and update runs
inside `graph_loading`, which allows that only with --allow-network."""
from __future__ import annotations

import warnings
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from .backends import QueryResult
from .protocol import Check, Progress, Triple, sorted_in_memory
from .sparql import graph_loading, syntax_error
from .terms import from_ox, quad_to_ox, to_ox

_DEFAULT = "urn:x-rdflib:default"


class MemoryBackend:
    name = "memory"
    concurrent_reads = False  # rdflib's store is not safe to read beside a write

    def __init__(self, allow_network: bool = False):
        self.ds = Dataset(default_union=True)
        self.allow_network = allow_network

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        g = Graph(identifier=graph)
        for t in triples:
            g.add(t)
        self.ds.remove_graph(graph)
        ctx = self.ds.graph(graph)
        ctx.addN((s, p, o, ctx) for s, p, o in g)

    def remove_graph(self, graph: URIRef) -> None:
        self.ds.remove_graph(graph)

    def has_graph(self, graph: URIRef) -> bool:
        return len(self.ds.graph(graph)) > 0

    def named_graphs(self) -> list[URIRef]:
        return sorted(c.identifier for c in self.ds.graphs()
                      if isinstance(c.identifier, URIRef) and len(c) > 0
                      and str(c.identifier) != _DEFAULT)

    def query(self, text: str, prefixes: dict[str, str],
              bindings: dict | None = None) -> QueryResult:
        from rdflib import Variable
        from rdflib.plugins.sparql import prepareQuery

        try:
            prepared = prepareQuery(text, initNs=prefixes)
        except Exception as exc:  # pyparsing.ParseException and friends
            raise syntax_error(exc, text) from None
        with graph_loading(self.allow_network):
            res = self.ds.query(prepared, initBindings={Variable(k): v
                                                        for k, v in (bindings or {}).items()})
            if res.type == "ASK":
                return QueryResult("ASK", boolean=bool(res.askAnswer))
            if res.type == "SELECT":
                names = [str(v) for v in res.vars]
                return QueryResult("SELECT", vars=names, rows=[tuple(r) for r in res])
            return QueryResult(res.type, triples=list(res.graph))

    def update(self, text: str, prefixes: dict[str, str]) -> None:
        from rdflib import ConjunctiveGraph
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
        from rdflib.plugins.sparql import prepareUpdate

        try:
            prepared = prepareUpdate(text, initNs=prefixes)
        except Exception as exc:
            raise syntax_error(exc, text) from None
        # rdflib's Dataset fails on INSERT DATA into the default graph; a ConjunctiveGraph on
        # the same store applies updates to the union (a DELETE removes from every graph).
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            union = ConjunctiveGraph(store=self.ds.store, identifier=DATASET_DEFAULT_GRAPH_ID)
        with graph_loading(self.allow_network):
            union.update(prepared)

    def triples(self) -> Iterator["ox.Triple"]:
        seen = set()
        for s, p, o, _ in self.ds.quads((None, None, None, None)):
            if (s, p, o) not in seen:
                seen.add((s, p, o))
                yield ox.Triple(to_ox(s), to_ox(p), to_ox(o))

    def quads(self, graph: URIRef | None = None) -> Iterator["ox.Quad"]:
        if graph is not None:
            for s, p, o in self.ds.graph(graph):
                yield quad_to_ox(s, p, o, graph)
            return
        for s, p, o, g in self.ds.quads((None, None, None, None)):
            gid = getattr(g, "identifier", g)
            if gid is not None and str(gid) == _DEFAULT:
                gid = None
            yield quad_to_ox(s, p, o, gid)

    def count(self, graph: URIRef | None = None) -> int:
        if graph is not None:
            return len(self.ds.graph(graph))
        return len({(s, p, o) for s, p, o, _ in self.ds.quads((None, None, None, None))})

    def sorted_lines(self, graph: URIRef | None, *, skip: URIRef | None, as_triples: bool,
                     workdir: Path, union_exact: bool) -> Iterator[list[bytes]]:
        return iter([sorted_in_memory(self, graph, skip=skip, as_triples=as_triples)])

    def load(self, path: Path, fmt: "ox.RdfFormat", graph: URIRef, check: Check,
             progress: Progress | None) -> None:
        quads = list(ox.parse(path=str(path), format=fmt))
        graphs = {graph if isinstance(q.graph_name, ox.DefaultGraph) else from_ox(q.graph_name)
                  for q in quads} | {graph}
        check(graphs)
        for g in graphs:
            self.ds.remove_graph(g)
        for q in quads:
            gid = graph if isinstance(q.graph_name, ox.DefaultGraph) else from_ox(q.graph_name)
            self.ds.graph(gid).add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass
