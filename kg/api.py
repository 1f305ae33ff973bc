"""The Python API for scripts and notebooks. The CLI does not go through it: both are thin
layers over the same Store and the same build, export and validate functions.

    import kg
    with kg.open_store("memory") as g:
        g.add("data/")
        rows = g.query("SELECT ?p WHERE { ?p a kg:Person }")   # list of dicts
        g.export("graph.ttl")
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from .store import QueryResult, Store


class KnowledgeGraph:
    """A kg store with the operations people script: add, query, export, validate."""

    def __init__(self, location: str | Path | None = None, *, allow_network: bool = False):
        self.store = Store(location, allow_network=allow_network)

    def add(self, *paths: str | Path, model: str | None = None):
        """Build articles from files or folders (.txt .md .json .jsonl); returns a BuildReport."""
        from .build import build

        return build(self.store, list(paths), model=model)

    def add_text(self, text: str, *, title: str | None = None, published: date | str | None = None,
                 url: str | None = None, publisher: str | None = None, model: str | None = None):
        """Build one article given as text with its metadata."""
        from .build import build_articles
        from .ingest.dates import parse_date
        from .ingest.readers import ArticleInput

        if isinstance(published, str):
            published = parse_date(published)
        article = ArticleInput(text=text, title=title, published=published, url=url,
                               publisher=publisher)
        return build_articles(self.store, [article], model=model)

    def query(self, sparql: str) -> list[dict] | bool:
        """SELECT rows as dicts of plain Python values; True/False for ASK; triples otherwise."""
        res = self.store.query(sparql)
        if res.type == "ASK":
            return bool(res.boolean)
        if res.type == "SELECT":
            return res.dicts()
        return res.triples

    def rows(self, sparql: str) -> list[tuple]:
        """SELECT rows as tuples of plain Python values."""
        return self.store.query(sparql).values()

    def raw(self, sparql: str) -> QueryResult:
        return self.store.query(sparql)

    def update(self, sparql: str) -> None:
        self.store.update(sparql)

    def export(self, path: str | Path, fmt: str | None = None, *, graph: str | None = None,
               with_ontology: bool = False) -> int:
        from .export import export, format_for

        return export(self.store, path, format_for(path, fmt), graph=graph,
                      with_ontology=with_ontology)

    def validate(self, reason: bool = False):
        from .validate import validate_store

        return validate_store(self.store, with_reasoner=reason)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(location: str | Path | None = None, **kw) -> KnowledgeGraph:
    """Open (or create) a store: a directory, or "memory"; default $KG_STORE or ./.kg."""
    return KnowledgeGraph(location, **kw)
