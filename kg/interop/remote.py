"""A remote SPARQL 1.1 endpoint with the same query interface as the local store, so
`kg query --endpoint` and `kg shell --endpoint` work against any server. Read-only unless an
update endpoint is given."""
from __future__ import annotations

import re
import urllib.parse

import pyoxigraph as ox
from rdflib import Graph, URIRef

from ..errors import QueryError, RemoteError
from ..namespaces import PREFIXES
from ..store.backends import QueryResult
from ..store.sparql import guard_network, query_form, with_prefixes
from ..store.terms import from_ox
from .http import Client, redact


def parse_json_results(data: bytes) -> QueryResult:
    """SPARQL JSON results (SELECT or ASK) as the local store returns them."""
    res = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
    if isinstance(res, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(res))
    names = [v.value for v in res.variables]
    return QueryResult("SELECT", vars=names,
                       rows=[tuple(from_ox(sol[v]) for v in names) for sol in res])


class RemoteStore:
    """Query (and, with an update endpoint, update) a SPARQL 1.1 Protocol server."""

    def __init__(self, endpoint: str, update_endpoint: str | None = None, *,
                 user: str | None = None, password: str | None = None, timeout: float = 120,
                 allow_network: bool = False):
        self.endpoint = endpoint
        self.location = redact(endpoint)
        self.update_endpoint = update_endpoint
        self.client = Client(user, password, timeout=timeout, retries=2)
        self.prefixes = dict(PREFIXES)
        self.allow_network = allow_network

    def _prepared(self, text: str) -> str:
        return with_prefixes(text, self.prefixes)

    def query(self, text: str, bindings: dict | None = None) -> QueryResult:
        """Run a query at the endpoint; `bindings` travel as a VALUES clause after it (the
        protocol has no other way), each term written by rdflib, never pasted by hand."""
        guard_network(text, self.allow_network)
        if bindings:
            names = list(bindings)
            text = text.rstrip() + "\nVALUES (" + " ".join(f"?{n}" for n in names) + ") { (" \
                + " ".join(bindings[n].n3() for n in names) + ") }"
        text = self._prepared(text)
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

    def update(self, text: str) -> None:
        if not self.update_endpoint:
            raise RemoteError(f"{self.location} is read-only here; pass --update-endpoint URL "
                              "to send updates")
        guard_network(text, self.allow_network)
        body = urllib.parse.urlencode({"update": self._prepared(text)}).encode()
        self.client.request("POST", self.update_endpoint, body,
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def run(self, text: str):
        from ..store.sparql import is_update

        if is_update(text):
            self.update(text)
            return None
        return self.query(text)

    def count(self, graph: str | None = None) -> int:
        where = f"GRAPH {URIRef(graph).n3()} {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
        res = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        return int(res.rows[0][0]) if res.rows else 0

    def graphs(self, limit: int = 100000) -> list[URIRef]:
        res = self.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ }} }} LIMIT {limit}")
        return [r[0] for r in res.rows if isinstance(r[0], URIRef)]

    def close(self) -> None:
        pass
