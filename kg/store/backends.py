"""The two storage backends: Oxigraph on disk (the default) and rdflib's memory store.

Both answer the same SPARQL over the union of all named graphs, and both write one named
graph in one transaction so an article is either fully in or fully out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.term import Node

from ..errors import StoreError
from .sparql import query_form, syntax_error
from .terms import from_ox, quad_to_ox, to_ox

Triple = tuple[Node, Node, Node]


@dataclass
class QueryResult:
    """What a query returned: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    type: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Triple] = field(default_factory=list)

    def __len__(self) -> int:
        if self.type == "ASK":
            return 1
        return len(self.rows) if self.type == "SELECT" else len(self.triples)

    def dicts(self) -> list[dict]:
        """Rows as dicts of plain Python values (str, int, Decimal, date, ...)."""
        return [{v: python_value(t) for v, t in zip(self.vars, row) if t is not None}
                for row in self.rows]

    def values(self) -> list[tuple]:
        return [tuple(python_value(t) for t in row) for row in self.rows]


class OxSelectResult(QueryResult):
    """A SELECT answered by Oxigraph, kept as Oxigraph's own objects until something is shown.

    `terms` (rows of Oxigraph terms) reads the solutions on first use; `rows` (rdflib terms,
    for code that wants them) converts only when asked. `serialize` writes a SPARQL result
    format straight from unread solutions, in Oxigraph, without a Python object per term; a
    result read again after that runs its query again."""

    def __init__(self, names: list[str], solutions, rerun):
        super().__init__("SELECT", vars=names)
        self._live, self._rerun, self._terms, self._rdflib = solutions, rerun, None, None

    @property
    def terms(self) -> list[tuple]:
        if self._terms is None:
            source = self._live if self._live is not None else self._rerun()
            self._live = None
            self._terms = [tuple(sol) for sol in source]
        return self._terms

    @property
    def rows(self) -> list[tuple]:
        if self._rdflib is None:
            self._rdflib = [tuple(map(from_ox, row)) for row in self.terms]
        return self._rdflib

    @rows.setter
    def rows(self, value) -> None:  # the dataclass's __init__ sets it empty
        pass

    def __len__(self) -> int:
        return len(self.terms)

    def serialize(self, fmt: "ox.QueryResultsFormat") -> bytes | None:
        """The unread solutions in a SPARQL result format; None once they have been read."""
        if self._live is None:
            return None
        live, self._live = self._live, None
        return live.serialize(format=fmt)


def python_value(term):
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    value = term.toPython() if hasattr(term, "toPython") else term
    return str(value) if isinstance(value, Node) else value


class OxigraphBackend:
    name = "oxigraph"

    def __init__(self, path: Path | None):
        try:
            self.ox = ox.Store() if path is None else ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the Oxigraph store at {path}: {exc}") from None

    def dataset(self) -> Dataset:
        from oxrdflib import OxigraphStore

        return Dataset(store=OxigraphStore(store=self.ox), default_union=True)

    # The default graph holds the union of the named graphs as a set (Oxigraph's own union
    # view repeats a triple once per graph holding it), so queries see each fact once. Every
    # write keeps it in step inside the same transaction.
    @staticmethod
    def _unshare(g: str) -> str:
        """Remove from the union the triples only graph g holds."""
        return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} FILTER NOT EXISTS "
                f"{{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != {g}) }} }} ;\n")

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        g = to_ox(graph)
        triples = list(triples)
        if not self.ox.contains_named_graph(g) and not any(
                isinstance(t, BNode) for trip in triples for t in trip):
            # A new graph: one transactional bulk add of its quads and their union copies.
            quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in triples]
            self.ox.extend(quads + [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                                    for q in quads])
            return
        body = " .\n".join(f"{to_ox(s)} {to_ox(p)} {to_ox(o)}" for s, p, o in triples)
        update = self._unshare(str(g)) + f"DROP SILENT GRAPH {g}"
        if body:
            update += f" ;\nINSERT DATA {{ GRAPH {g} {{\n{body} }}\n{body} }}"
        self.ox.update(update)  # one transaction: all of the graph or none of it

    def remove_graph(self, graph: URIRef) -> None:
        g = str(to_ox(graph))
        self.ox.update(self._unshare(g) + f"DROP SILENT GRAPH {g}")

    def has_graph(self, graph: URIRef) -> bool:
        """Whether the graph holds a triple (Oxigraph keeps a graph's name after it is emptied)."""
        g = to_ox(graph)
        return next(iter(self.ox.quads_for_pattern(None, None, None, g)), None) is not None

    def named_graphs(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self.ox.named_graphs()
                      if isinstance(g, ox.NamedNode))

    def query(self, text: str, prefixes: dict[str, str],
              bindings: dict | None = None) -> QueryResult:
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        try:
            res = self.ox.query(text, prefixes=prefixes, substitutions=subs)
        except SyntaxError as exc:
            raise syntax_error(exc, text) from None
        if isinstance(res, ox.QueryBoolean):
            return QueryResult("ASK", boolean=bool(res))
        if isinstance(res, ox.QuerySolutions):
            return OxSelectResult([v.value for v in res.variables], res,
                                  lambda: self.ox.query(text, prefixes=prefixes,
                                                        substitutions=subs))
        triples = [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in res]
        return QueryResult(query_form(text), triples=triples)

    def update(self, text: str, prefixes: dict[str, str]) -> None:
        """Run a user's update and keep the union (the default graph) in step with it.

        An update on the default graph edits the union view, and what it deletes is deleted
        from the article graphs too. An update naming graphs edits them, and the union is
        rebuilt from them (keeping triples that only the default graph held)."""
        from .sparql import strip_literals

        body = strip_literals(text).upper()
        names_graphs = any(f" {w} " in f" {' '.join(body.split())} " or f"{w}<" in body
                           for w in ("GRAPH", "WITH", "USING", "INTO", "DROP", "CLEAR", "ADD",
                                     "MOVE", "COPY", "LOAD", "CREATE"))
        if names_graphs:
            extras = [f"{sol[0]} {sol[1]} {sol[2]} ." for sol in self.ox.query(
                "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")]
            sync = ("CLEAR SILENT DEFAULT ;\nINSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
                    + (f" ;\nINSERT DATA {{ {' '.join(extras)} }}" if extras else ""))
        else:
            sync = ("DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } "
                    "FILTER NOT EXISTS { ?s ?p ?o } }")
        try:
            self.ox.update(text.rstrip().rstrip(";") + " ;\n" + sync, prefixes=prefixes)
        except SyntaxError as exc:
            raise syntax_error(exc, text) from None

    def quads(self, graph: URIRef | None = None) -> Iterator["ox.Quad"]:
        """Quads of one graph, or of every named graph plus what only the default graph holds
        (triples a user inserted without a GRAPH)."""
        if graph is not None:
            return iter(self.ox.quads_for_pattern(None, None, None, to_ox(graph)))

        def all_quads():
            for q in self.ox.quads_for_pattern(None, None, None, None):
                if not isinstance(q.graph_name, ox.DefaultGraph):
                    yield q
            for sol in self.ox.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER NOT EXISTS { "
                                     "GRAPH ?g { ?s ?p ?o } } }"):
                yield ox.Quad(sol[0], sol[1], sol[2], ox.DefaultGraph())
        return all_quads()

    def triples(self) -> Iterator["ox.Triple"]:
        """The union view: each triple once."""
        for q in self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield ox.Triple(q.subject, q.predicate, q.object)

    def count(self, graph: URIRef | None = None) -> int:
        if graph is not None:
            return sum(1 for _ in self.ox.quads_for_pattern(None, None, None, to_ox(graph)))
        res = self.ox.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(res))[0].value)

    def load(self, path: Path, fmt: "ox.RdfFormat", graph: URIRef,
             check=lambda graphs: None) -> None:
        """Parse first (so a syntax error writes nothing), let `check` refuse the graphs the
        file writes, replace those graphs (a re-import does not keep stale triples), then add
        in one transaction."""
        quads = []
        for q in ox.parse(path=str(path), format=fmt):
            g = to_ox(graph) if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name
            quads.append(ox.Quad(q.subject, q.predicate, q.object, g))
        graphs = {q.graph_name for q in quads} | {to_ox(graph)}
        check({URIRef(g.value) for g in graphs})
        for g in graphs:
            if self.has_graph(URIRef(g.value)):
                self.remove_graph(URIRef(g.value))
        self.ox.extend(quads + [ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                                for q in quads])

    def flush(self) -> None:
        self.ox.flush()


class MemoryBackend:
    """rdflib's in-memory Dataset: nothing persists after the process ends."""

    name = "memory"

    def __init__(self):
        self.ds = Dataset(default_union=True)

    def dataset(self) -> Dataset:
        return self.ds

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
                      and str(c.identifier) != "urn:x-rdflib:default")

    def query(self, text: str, prefixes: dict[str, str],
              bindings: dict | None = None) -> QueryResult:
        from rdflib import Variable
        from rdflib.plugins.sparql import prepareQuery

        try:
            prepared = prepareQuery(text, initNs=prefixes)
        except Exception as exc:  # pyparsing.ParseException and friends
            raise syntax_error(exc, text) from None
        res = self.ds.query(prepared, initBindings={Variable(k): v
                                                    for k, v in (bindings or {}).items()})
        if res.type == "ASK":
            return QueryResult("ASK", boolean=bool(res.askAnswer))
        if res.type == "SELECT":
            names = [str(v) for v in res.vars]
            return QueryResult("SELECT", vars=names, rows=[tuple(r) for r in res])
        return QueryResult(res.type, triples=list(res.graph))

    def update(self, text: str, prefixes: dict[str, str]) -> None:
        from rdflib.plugins.sparql import prepareUpdate

        import warnings

        from rdflib import ConjunctiveGraph
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        try:
            prepared = prepareUpdate(text, initNs=prefixes)
        except Exception as exc:
            raise syntax_error(exc, text) from None
        # rdflib's Dataset fails on INSERT DATA into the default graph; a ConjunctiveGraph on
        # the same store applies updates to the union (a DELETE removes from every graph).
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            union = ConjunctiveGraph(store=self.ds.store, identifier=DATASET_DEFAULT_GRAPH_ID)
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
            gid = g.identifier if hasattr(g, "identifier") else g
            if gid is not None and str(gid) == "urn:x-rdflib:default":
                gid = None
            yield quad_to_ox(s, p, o, gid)

    def count(self, graph: URIRef | None = None) -> int:
        if graph is not None:
            return len(self.ds.graph(graph))
        return len({(s, p, o) for s, p, o, _ in self.ds.quads((None, None, None, None))})

    def load(self, path: Path, fmt: "ox.RdfFormat", graph: URIRef,
             check=lambda graphs: None) -> None:
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
