"""Counts that describe the store: triples, articles, instances per class."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Stats:
    triples: int
    articles: int
    graphs: int
    classes: dict[str, int] = field(default_factory=dict)


def stats(store) -> Stats:
    res = store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c . "
                      "FILTER(STRSTARTS(STR(?c), STR(kg:))) } GROUP BY ?c ORDER BY DESC(?n) ?c")
    classes = {str(c).rsplit("#", 1)[-1]: int(n) for c, n in res.rows}
    return Stats(triples=store.count(), articles=classes.get("Article", 0),
                 graphs=len(store.graphs()), classes=classes)


def graph_list(store) -> list[tuple[str, int, str]]:
    """Each named graph (the ontology left out): its IRI, its size, and an article's title."""
    titles = {str(a): str(t) for a, t in store.query(
        "SELECT ?a ?t WHERE { ?a a kg:Article ; kg:title ?t }").rows}
    return [(str(g), store.count(g), titles.get(str(g), "")) for g in store.graphs()]
