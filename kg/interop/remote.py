"""A remote SPARQL 1.1 endpoint as a store backend, so `kg query --endpoint` and
`kg shell --endpoint` work against any server through the same Store as the local store.
Read-only unless an update endpoint is given; the server keeps its own ontology graph."""
from __future__ import annotations

import re
import urllib.parse
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import Graph, URIRef

from ..errors import QueryError, RemoteError
from ..store import Store
from ..store.backends import QueryResult
from ..store.protocol import Check, Progress, Triple, sorted_in_memory
from ..store.sparql import query_form, with_prefixes, with_values
from ..store.terms import from_ox, to_ox
from .http import Client, redact


def parse_json_results(data: bytes) -> QueryResult:
    """SPARQL JSON results (SELECT or ASK) as the local store returns them."""
    res = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
    if isinstance(res, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(res))
    names = [v.value for v in res.variables]
    return QueryResult("SELECT", vars=names,
                       rows=[tuple(from_ox(sol[v]) for v in names) for sol in res])


def ntriples(triples: Iterable["ox.Triple"]) -> str:
    return "".join(f"{t} .\n" for t in triples)


def graph_update(graph: str, triples: Iterable["ox.Triple"], replace: bool) -> str:
    """A SPARQL update that adds triples to a graph (emptying it first when `replace`); every
    term is written by pyoxigraph."""
    g = ox.NamedNode(graph)
    body = ntriples(triples)
    drop = f"DROP SILENT GRAPH {g}" if replace else ""
    insert = f"INSERT DATA {{ GRAPH {g} {{\n{body}}} }}" if body else ""
    return " ;\n".join(x for x in (drop, insert) if x)


def remote_store(endpoint: str, update_endpoint: str | None = None, *,
                 user: str | None = None, password: str | None = None, timeout: float = 120,
                 allow_network: bool = False) -> Store:
    """A Store on a SPARQL 1.1 Protocol server."""
    backend = RemoteBackend(endpoint, update_endpoint, user=user, password=password,
                            timeout=timeout)
    return Store.over(backend, redact(endpoint), allow_network=allow_network)


class RemoteBackend:
    """Queries (and, with an update endpoint, updates) over the SPARQL 1.1 Protocol."""

    name = "remote"
    concurrent_reads = True

    def __init__(self, endpoint: str, update_endpoint: str | None = None, *,
                 user: str | None = None, password: str | None = None, timeout: float = 120):
        self.endpoint, self.update_endpoint = endpoint, update_endpoint
        self.location = redact(endpoint)
        self.client = Client(user, password, timeout=timeout, retries=2)

    # -- reading
    def query(self, text: str, prefixes: dict[str, str],
              bindings: dict | None = None) -> QueryResult:
        """Run a query at the endpoint; `bindings` travel as a VALUES block (see
        kg.store.sparql.with_values). PREFIX lines are added for the known prefixes the
        query uses, before it, so error positions past them stay the user's own."""
        if bindings:
            text = with_values(text, {k: to_ox(v) for k, v in bindings.items()})
        text = with_prefixes(text, prefixes)
        form = query_form(text)
        accept = "application/sparql-results+json" if form in ("SELECT", "ASK") else \
            "application/n-triples, text/turtle;q=0.9"
        body = urllib.parse.urlencode({"query": text}).encode()
        try:
            resp = self.client.request(
                "POST", self.endpoint, body,
                {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        except RemoteError as exc:
            m = re.search(r"answered 400: (.*)", str(exc))
            if m:
                raise QueryError(f"the endpoint rejected the query: {m.group(1)}",
                                 query=text) from None
            raise
        if form in ("SELECT", "ASK"):
            try:
                return parse_json_results(resp.body)
            except (SyntaxError, ValueError) as exc:
                raise RemoteError(f"{self.location} did not answer with SPARQL JSON results "
                                  f"({resp.content_type}): {exc}") from None
        fmt = "nt" if "n-triples" in resp.content_type or "plain" in resp.content_type \
            else "turtle"
        g = Graph().parse(data=resp.body.decode("utf-8"), format=fmt)
        return QueryResult(form, triples=list(g))

    def _rows(self, text: str, bindings: dict | None = None) -> list[tuple]:
        return self.query(text, {}, bindings).rows

    def named_graphs(self) -> list[URIRef]:
        rows = self._rows("SELECT DISTINCT ?g WHERE { GRAPH ?g { } } LIMIT 100000")
        return sorted(r[0] for r in rows if isinstance(r[0], URIRef))

    def has_graph(self, graph: URIRef) -> bool:
        return bool(self.query("ASK { GRAPH ?g { ?s ?p ?o } }", {}, {"g": graph}).boolean)

    def count(self, graph: URIRef | None = None) -> int:
        if graph is None:
            rows = self._rows("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        else:
            rows = self._rows("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                              {"g": graph})
        return int(rows[0][0]) if rows else 0

    def quads(self, graph: URIRef | None = None) -> Iterator["ox.Quad"]:
        rows = self._rows("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                          {"g": graph} if graph is not None else None)
        for s, p, o, g in rows:
            yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g if graph is None else graph))

    def triples(self) -> Iterator["ox.Triple"]:
        for s, p, o in self._rows("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"):
            yield ox.Triple(to_ox(s), to_ox(p), to_ox(o))

    def sorted_lines(self, graph: URIRef | None, *, skip: URIRef | None, as_triples: bool,
                     workdir: Path, union_exact: bool) -> Iterator[list[bytes]]:
        return iter([sorted_in_memory(self, graph, skip=skip, as_triples=as_triples)])

    # -- writing, through the update endpoint
    def update(self, text: str, prefixes: dict[str, str]) -> None:
        if not self.update_endpoint:
            raise RemoteError(f"{self.location} is read-only here; pass --update-endpoint URL "
                              "to send updates")
        body = urllib.parse.urlencode({"update": with_prefixes(text, prefixes)}).encode()
        self.client.request("POST", self.update_endpoint, body,
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        found = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]
        self.update(graph_update(str(graph), found, replace=True), {})

    def remove_graph(self, graph: URIRef) -> None:
        self.update(graph_update(str(graph), [], replace=True), {})

    def load(self, path: Path, fmt: "ox.RdfFormat", graph: URIRef, check: Check,
             progress: Progress | None) -> None:
        by_graph: dict[str, list] = {}
        for q in ox.parse(path=str(path), format=fmt):
            g = str(graph) if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
            by_graph.setdefault(g, []).append(q.triple)
        check({URIRef(g) for g in by_graph} | {graph})
        for g, found in by_graph.items():
            self.update(graph_update(g, found, replace=True), {})

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.client.close()
