"""Push the graph to another triple store: per-article named graphs (or one graph), through the
Graph Store HTTP Protocol, or SPARQL Update where a server has no GSP. Batches, retries on
transient faults, and a report of triples sent against triples the server then counts.

Re-pushing replaces each graph (its first batch is a PUT, or a DROP before the INSERT), so
nothing is duplicated; a failed batch is retried, then reported with how much landed."""
from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field
from typing import Callable, Iterator

from ..errors import RemoteError
from ..store import ONTOLOGY_GRAPH
from .http import Client, redact
from .remote import graph_update, ntriples, remote_store


@dataclass
class GraphReport:
    graph: str
    sent: int
    counted: int | None = None


@dataclass
class PushReport:
    graphs: list[GraphReport] = field(default_factory=list)
    failed: str | None = None

    @property
    def sent(self) -> int:
        return sum(g.sent for g in self.graphs)

    @property
    def counted(self) -> int | None:
        counts = [g.counted for g in self.graphs]
        return None if not counts or any(c is None for c in counts) else sum(counts)


def _batches(items: list, size: int) -> Iterator[list]:
    for i in range(0, max(len(items), 1), size):
        yield items[i:i + size]


class Target:
    """Where triples go: a Graph Store endpoint, or a SPARQL Update endpoint."""

    def __init__(self, client: Client, graph_store: str | None, update: str | None):
        if not graph_store and not update:
            raise RemoteError("give --graph-store URL (Graph Store Protocol) or an update "
                              "endpoint to push to")
        self.client, self.graph_store, self.update = client, graph_store, update

    def _gsp_url(self, graph: str) -> str:
        base = self.graph_store
        key = "graph-uri" if "graph-crud" in base else "graph"  # Virtuoso names it graph-uri
        sep = "&" if "?" in base else "?"
        return f"{base}{sep}{urllib.parse.urlencode({key: graph})}"

    def send(self, graph: str, batch: list, first: bool) -> None:
        if self.graph_store:
            self.client.request("PUT" if first else "POST", self._gsp_url(graph),
                                ntriples(batch).encode(), {"Content-Type": "text/turtle"})
            return
        text = graph_update(graph, batch, replace=first)
        self.client.request("POST", self.update,
                            urllib.parse.urlencode({"update": text}).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})


def graphs_to_push(store, graph: str | None, with_ontology: bool) -> dict[str, list]:
    """Graph IRI -> triples. With `graph`, the whole union goes into that one graph."""
    if graph:
        return {graph: list(store.triples(with_ontology=with_ontology))}
    return {str(g): [q.triple for q in store.quads(g)]
            for g in store.graphs() + ([ONTOLOGY_GRAPH] if with_ontology else [])}


def push(store, *, endpoint: str | None = None, graph_store: str | None = None,
         update_endpoint: str | None = None, user: str | None = None,
         password: str | None = None, graph: str | None = None, batch_size: int = 5000,
         with_ontology: bool = False, retries: int = 3, timeout: float = 60.0,
         progress: Callable[[str, int], None] | None = None,
         on_start: Callable[[int], None] | None = None) -> PushReport:
    client = Client(user, password, retries=retries, timeout=timeout)
    target = Target(client, graph_store, update_endpoint)
    todo = graphs_to_push(store, graph, with_ontology)
    if on_start:
        on_start(sum(len(t) for t in todo.values()))
    report = PushReport()
    for g, triples in todo.items():
        entry = GraphReport(g, 0)
        report.graphs.append(entry)
        for n, batch in enumerate(_batches(triples, batch_size)):
            try:
                target.send(g, batch, first=(n == 0))
            except RemoteError as exc:
                report.failed = (f"{exc} — {report.sent} of "
                                 f"{sum(len(t) for t in todo.values())} triples landed before "
                                 f"the failure (graph <{g}>, batch {n + 1})")
                return report
            entry.sent += len(batch)
            if progress:
                progress(g, len(batch))
    if endpoint:
        from rdflib import URIRef

        remote = remote_store(endpoint, user=user, password=password)
        for entry in report.graphs:
            try:
                entry.counted = remote.count(URIRef(entry.graph))
            except RemoteError:
                entry.counted = None
    return report


def describe(report: PushReport, endpoint: str | None) -> str:
    lines = [f"sent {report.sent} triples in {len(report.graphs)} graph(s)"]
    if report.counted is not None:
        lines.append(f"{redact(endpoint or '')} now counts {report.counted} triples in them")
        for g in report.graphs:
            if g.counted is not None and g.counted != g.sent:
                lines.append(f"  <{g.graph}>: sent {g.sent}, counted {g.counted}")
    return "\n".join(lines)
