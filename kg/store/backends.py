"""The Oxigraph backend (the default, on disk) and the query results every backend returns.

Every backend (this one, rdflib's memory store in memory.py, a remote endpoint in
kg/interop/remote.py) implements kg.store.protocol.Backend: the same SPARQL over the union of
all named graphs, and one named graph written in one transaction, so an article is either
fully in or fully out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, URIRef
from rdflib.term import Node

from ..errors import StoreError
from . import bulk, dump
from .protocol import Check, Progress, Triple
from .sparql import query_form, syntax_error
from .terms import from_ox, to_ox


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

    The solutions are read once, in the form first asked for: `tsv()` (the rows as Oxigraph's
    SPARQL TSV text, what the people's views are drawn from, and what `len` reads) or `terms`
    (rows of Oxigraph terms). `rows` (rdflib terms, for code that wants them) converts only
    when asked. `serialize` writes a SPARQL result format straight from unread solutions, in
    Oxigraph, without a Python object per term; a result read again after that runs its query
    again."""

    def __init__(self, names: list[str], solutions, rerun):
        super().__init__("SELECT", vars=names)
        self._live, self._rerun = solutions, rerun
        self._terms, self._rdflib, self._tsv = None, None, None

    def _take(self):
        live, self._live = self._live, None
        return live

    @property
    def terms(self) -> list[tuple]:
        if self._terms is None:
            if self._live is not None:
                source = self._take()
            elif self._tsv is not None:
                source = ox.parse_query_results(self._tsv, format=ox.QueryResultsFormat.TSV)
            else:
                source = self._rerun()
            self._terms = [tuple(sol) for sol in source]
        return self._terms

    def tsv(self) -> bytes | None:
        """The solutions as SPARQL TSV (a header line, then a line per row), written by
        Oxigraph; None when they were read as terms first."""
        if self._tsv is None and self._live is not None:
            self._tsv = self._take().serialize(format=ox.QueryResultsFormat.TSV)
        return self._tsv

    @property
    def rows(self) -> list[tuple]:
        if self._rdflib is None:
            self._rdflib = [tuple(map(from_ox, row)) for row in self.terms]
        return self._rdflib

    @rows.setter
    def rows(self, value) -> None:  # the dataclass's __init__ sets it empty
        pass

    def __len__(self) -> int:
        if self._terms is None and self.tsv() is not None:
            return self._tsv.count(b"\n") - 1
        return len(self.terms)

    def serialize(self, fmt: "ox.QueryResultsFormat") -> bytes | None:
        """The solutions in a SPARQL result format: straight from unread solutions, or from
        the TSV text read before; None once they have been read as terms."""
        if self._live is not None:
            return self._take().serialize(format=fmt)
        if self._tsv is not None:
            return ox.parse_query_results(self._tsv, format=ox.QueryResultsFormat.TSV) \
                .serialize(format=fmt)
        return None


def python_value(term):
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    value = term.toPython() if hasattr(term, "toPython") else term
    return str(value) if isinstance(value, Node) else value


class OxigraphBackend:
    name = "oxigraph"
    concurrent_reads = True
    same_graph_unchanged = True  # a graph written again with the same triples is as it was

    def __init__(self, path: Path | None):
        self.scratch = path.parent if path is not None else None  # where an import spills
        try:
            self.ox = ox.Store() if path is None else ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the Oxigraph store at {path}: {exc}") from None

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
        blank = any(isinstance(t, BNode) for trip in triples for t in trip)
        terms = [] if blank else [(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]
        quads = [ox.Quad(s, p, o, g) for s, p, o in terms]
        if not blank and not self.ox.contains_named_graph(g):
            # A new graph: one transactional bulk add of its quads and their union copies.
            self._add(quads, terms)
            return
        if not blank and set(quads) == set(self.ox.quads_for_pattern(None, None, None, g)):
            return  # written again as it is (an article resolved again to the same graph)
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
            extras = [f"{t} ." for t in dump.default_only_triples(self.ox)]
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
            for t in dump.default_only_triples(self.ox):
                yield ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
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

    def _add(self, quads: list, terms: list) -> None:
        """Add quads and their union copies (made from the quads' terms: reading them back from
        a Quad makes each term again) in one transaction."""
        union = ox.DefaultGraph()
        self.ox.extend(quads + [ox.Quad(s, p, o, union) for s, p, o in terms])

    def sorted_lines(self, graph: URIRef | None, *, skip: URIRef | None, as_triples: bool,
                     workdir: Path, union_exact: bool) -> Iterator[list[bytes]]:
        """Sorted lines in bounded memory: Oxigraph dumps canonical N-Triples, sorted here
        (see dump.py)."""
        gone = to_ox(skip) if skip is not None else None
        if as_triples:
            if graph is not None:
                yield dump.graph(self.ox, to_ox(graph), as_quads=False)
                return
            left_out = set(dump.graph_lines(self.ox, gone)) if gone is not None else set()
            yield from dump.union(self.ox, workdir, left_out)
            return
        names = [to_ox(graph)] if graph is not None else \
            list(self.ox.named_graphs()) + [ox.DefaultGraph()]
        for g in sorted(names, key=str):  # the order of (graph, quad) text
            if g == gone:
                continue
            if isinstance(g, ox.DefaultGraph):
                yield [] if union_exact else dump.default_only(self.ox)
            else:
                yield dump.graph(self.ox, g, as_quads=True)

    def load(self, path: Path, fmt: "ox.RdfFormat", graph: URIRef, check: Check,
             progress: Progress | None) -> None:
        """A first streaming pass checks the syntax and names the graphs (`check` may refuse
        them), the graphs of the same names are emptied (a re-import keeps no stale triples),
        then Oxigraph's bulk loader writes the file (see bulk.py)."""
        with bulk.scratch(self.scratch) as tmp:
            union = Path(tmp) / "union.nt"
            graphs, blank = bulk.first_pass(Path(path), fmt, to_ox(graph), union, progress)
            names = {URIRef(g.value) for g in graphs}
            check(names)
            for g in sorted(names):
                if self.has_graph(g):
                    self.remove_graph(g)
            bulk.load(self.ox, Path(path), fmt, to_ox(graph), union, blank, progress)

    def flush(self) -> None:
        self.ox.flush()

    def close(self) -> None:
        self.ox.flush()
        del self.ox
