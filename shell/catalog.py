"""What completion draws on: prefixes, classes and properties with how often they occur, and
resources by label. Loaded from the store (bounded queries, so a remote endpoint stays cheap)
in a background thread; until it arrives, completion offers keywords and prefixes."""
from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass, field

from kg.namespaces import ONTOLOGY_NS, PREFIXES

LIMIT = 50000


@dataclass
class Term:
    iri: str
    count: int = 0
    label: str = ""
    kind: str = ""


@dataclass
class Catalog:
    prefixes: dict[str, str] = field(default_factory=lambda: dict(PREFIXES))
    classes: list[Term] = field(default_factory=list)
    properties: list[Term] = field(default_factory=list)
    resources: list[Term] = field(default_factory=list)
    _keys: list[str] = field(default_factory=list)  # lower-cased labels, sorted
    _sorted: list[Term] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event)

    def index(self) -> None:
        pairs = sorted(((t.label.lower(), i) for i, t in enumerate(self.resources)),
                       key=lambda x: x[0])
        self._keys = [k for k, _ in pairs]
        self._sorted = [self.resources[i] for _, i in pairs]

    def by_label(self, start: str, limit: int = 50) -> list[Term]:
        """Resources whose label starts with `start` (any case) or has a word that does."""
        low = start.lower()
        i = bisect.bisect_left(self._keys, low)
        hits = []
        while i < len(self._keys) and self._keys[i].startswith(low) and len(hits) < limit * 4:
            hits.append(self._sorted[i])
            i += 1
        if len(hits) < limit and len(low) >= 3:
            hits += [t for t in self.resources if f" {low}" in f" {t.label.lower()}"
                     and t not in hits][:limit]
        return sorted(hits, key=lambda t: (-t.count, t.label))[:limit]


def _int(v) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return 0


GENERAL = {"Actor", "Organization", "Place", "Event", "Thing", "Class", "NamedIndividual"}


def _most_specific(types: str) -> str:
    """'…#Actor …#Person' -> 'Person': the type to show beside a label."""
    names = [t.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for t in types.split()]
    specific = [n for n in names if n not in GENERAL]
    return sorted(specific or names or [""])[0]


def load(store, limit: int = LIMIT) -> Catalog:
    """Read the catalog from a store (local or remote) with bounded queries."""
    cat = Catalog()
    cat.prefixes.update(store.prefixes)
    res = store.query("SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c "
                      "ORDER BY DESC(?n) LIMIT 1000")
    cat.classes = [Term(str(c), _int(n)) for c, n in res.rows if c is not None]
    res = store.query("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p "
                      "ORDER BY DESC(?n) LIMIT 2000")
    cat.properties = [Term(str(p), _int(n)) for p, n in res.rows if p is not None]
    res = store.query(
        "SELECT ?s (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?t)) AS ?type) "
        "(COUNT(DISTINCT ?a) AS ?n) "
        "WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l . "
        f"OPTIONAL {{ ?s a ?t }} OPTIONAL {{ ?a <{ONTOLOGY_NS}mentions> ?s }} "
        f"FILTER(isIRI(?s)) }} GROUP BY ?s LIMIT {limit}")
    for s, label, kind, n in res.rows:
        if label is None:
            continue
        kind_name = _most_specific(str(kind or ""))
        cat.resources.append(Term(str(s), _int(n), str(label), kind_name))
    cat.index()
    cat.ready.set()
    return cat


def load_in_background(store) -> Catalog:
    """A catalog that fills itself in a daemon thread; usable (with prefixes) at once."""
    cat = Catalog()
    cat.prefixes.update(store.prefixes)

    def work():
        try:
            full = load(store)
            cat.classes, cat.properties, cat.resources = full.classes, full.properties, \
                full.resources
            cat.index()
        except Exception:  # completion is a convenience: never break the shell
            pass
        finally:
            cat.ready.set()

    threading.Thread(target=work, name="kg-catalog", daemon=True).start()
    return cat
