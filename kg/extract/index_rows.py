"""What resolution's index (resolve.StoreIndex) reads from the store, kept as sets.

The index is a fold over four row sets (names, posts held, labels of events and posts, events),
the answers to four SPARQL queries over the union of the graphs. `IndexRows.read(store)` reads
what they are made of in plain look-ups; `add(triples)` takes in a graph just written. So a
build reads the store once: after its first pass, the rows it kept are the rows a fresh read
would give (tests/test_build_index.py checks that on real articles), and the index for the
second pass is folded from them. Rows come out sorted, so the index is the same whatever order
a backend answers in.

Between builds the rows are kept beside the store (index_file.py).

Kept labels are those of subjects with a type the index reads and of posts someone holds, as in
the queries. A label the store held, before the build, for a subject that only the build typed
is not in the kept rows; kg's own graphs never write a label without the subject's type.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, NamedTuple

from rdflib import URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ..vocab import KG

NAMED = tuple(KG[t] for t in ("Person", "Organization", "Country", "Place", "Substance",
                              "Delegation", "Actor"))
LABELLED = tuple(KG[t] for t in ("Event", "Position", "WorkingGroup"))
EVENTS = tuple(KG[t] for t in ("Meeting", "Summit", "EnforcementAction"))
TYPES = frozenset(NAMED + LABELLED + EVENTS)
WITH_LABEL = frozenset(NAMED + LABELLED)


def _values(types) -> str:
    return "VALUES ?t { " + " ".join(f"<{t}>" for t in types) + " }"


class Rows(NamedTuple):
    """The index's input: what
    names:  SELECT ?s ?t ?l ?a { ?s a ?t ; rdfs:label ?l . VALUES ?t { NAMED }
            OPTIONAL { ?s skos:altLabel ?a } }
    posts:  SELECT ?p ?pos ?l ?c { ?p kg:holdsPosition ?pos . ?pos rdfs:label ?l
            OPTIONAL { ?pos kg:positionIn ?c } }
    labels: SELECT ?s ?l { ?s a ?t ; rdfs:label ?l . VALUES ?t { LABELLED } }
    events: SELECT ?e ?t ?d ?p ?loc { ?e a ?t . VALUES ?t { EVENTS } OPTIONAL { ?e kg:date ?d }
            OPTIONAL { ?e kg:participant ?p } OPTIONAL { ?e kg:location ?loc } }
    answer, each row once, sorted."""
    names: list
    posts: list
    labels: list
    events: list


def _key(term) -> tuple:
    if term is None:
        return ()
    if type(term) is URIRef:  # most terms: the same key, without looking for a datatype
        return ("URIRef", str(term), "", "")
    return (type(term).__name__, str(term), str(getattr(term, "datatype", None) or ""),
            getattr(term, "language", None) or "")


def _sorted(rows: set) -> list:
    return sorted(rows, key=lambda row: tuple(map(_key, row)))


class IndexRows:
    def __init__(self):
        self.types: dict[URIRef, set] = defaultdict(set)  # only the types in TYPES
        self.labels: dict[URIRef, set] = defaultdict(set)  # of WITH_LABEL subjects, posts held
        self.alts: dict[URIRef, set] = defaultdict(set)
        self.holds: set[tuple] = set()  # (person, post)
        self.held: set[URIRef] = set()  # the posts in holds
        self.state: dict[URIRef, set] = defaultdict(set)  # post -> kg:positionIn
        self.dates: dict[URIRef, set] = defaultdict(set)
        self.participants: dict[URIRef, set] = defaultdict(set)
        self.locations: dict[URIRef, set] = defaultdict(set)

    def labelled(self) -> set:
        """The subjects whose labels the rows hold: typed ones, and posts someone holds."""
        return self.held | {s for s, types in self.types.items() if types & WITH_LABEL}

    def complete(self, store, subjects: Iterable) -> None:
        """Take in every label the store holds for `subjects` (ones that became labelled)."""
        for s in sorted(subjects):
            rows = store.query("SELECT ?s ?l WHERE { ?s rdfs:label ?l }", {"s": s}).rows
            if rows:
                self.labels[s].update(label for _, label in rows)

    @classmethod
    def read(cls, store) -> "IndexRows":
        """What the store holds now: one look-up per property, no join but with the types."""
        self = cls()

        def pairs(text: str):
            return store.query(text).rows
        for s, t in pairs(f"SELECT ?s ?t WHERE {{ ?s a ?t {_values(TYPES)} }}"):
            self.types[s].add(t)
        for s, label in pairs("SELECT DISTINCT ?s ?l WHERE { ?s a ?t ; rdfs:label ?l "
                              f"{_values(WITH_LABEL)} }}"):
            self.labels[s].add(label)
        for p, pos, label in pairs("SELECT ?p ?pos ?l WHERE { ?p kg:holdsPosition ?pos . "
                                   "?pos rdfs:label ?l }"):
            self.holds.add((p, pos))
            self.held.add(pos)
            self.labels[pos].add(label)
        for target, prop in ((self.alts, "skos:altLabel"), (self.state, "kg:positionIn"),
                             (self.dates, "kg:date"), (self.participants, "kg:participant"),
                             (self.locations, "kg:location")):
            for s, o in pairs(f"SELECT ?s ?o WHERE {{ ?s {prop} ?o }}"):
                target[s].add(o)
        return self

    def add(self, triples: Iterable[tuple], every_label: bool = False) -> None:
        """Take in a graph just written to the store (its triples); `every_label` keeps the
        labels of subjects these rows do not type too."""
        triples = list(triples)
        labels = []
        simple = {SKOS.altLabel: self.alts, KG.positionIn: self.state, KG.date: self.dates,
                  KG.participant: self.participants, KG.location: self.locations}
        for s, p, o in triples:
            if p == RDF.type:
                if o in TYPES:
                    self.types[s].add(o)
            elif p == RDFS.label:
                labels.append((s, o))
            elif p == KG.holdsPosition:
                self.holds.add((s, o))
                self.held.add(o)
            elif p in simple:
                simple[p][s].add(o)
        for s, label in labels:
            if every_label or s in self.held or (s in self.types and self.types[s] & WITH_LABEL):
                self.labels[s].add(label)

    def rows(self) -> Rows:
        names, posts, labelled, events = set(), set(), set(), set()
        none = (None,)
        named, labelled_types, event_types = set(NAMED), set(LABELLED), set(EVENTS)  # hashed
        for s, types in self.types.items():
            labels = self.labels.get(s, ())
            for t in types:
                if t in named:
                    names.update((s, t, lab, a) for lab in labels
                                 for a in (self.alts.get(s) or none))
                if t in labelled_types:
                    labelled.update((s, lab) for lab in labels)
                if t in event_types:
                    events.update((s, t, d, p, loc) for d in (self.dates.get(s) or none)
                                  for p in (self.participants.get(s) or none)
                                  for loc in (self.locations.get(s) or none))
        for person, pos in self.holds:
            posts.update((person, pos, lab, c) for lab in self.labels.get(pos, ())
                         for c in (self.state.get(pos) or none))
        return Rows(_sorted(names), _sorted(posts), _sorted(labelled), _sorted(events))
