"""The facts kg extracted, read back from the store in the shape of gold facts, per article.

Each extracted fact is a dict with the gold fields (names as `Names`) plus `evidence` and `node`,
so the scorer can print what was read and from which sentence.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ..namespaces import sparql_prologue
from .names import Names

COARSE = ("Country", "Person", "Organization", "Place", "Substance")  # most telling first
EVENT_ROOT = "Event"


def _rows(store, body: str):
    return store.query(sparql_prologue() + body).rows


def _local(term) -> str:
    return str(term).rsplit("#", 1)[-1]


class Extracted:
    """The store's facts grouped by article file name."""

    def __init__(self, store) -> None:
        self.store = store
        self.articles = {str(a): Path(str(f)).name for a, f in _rows(
            store, "SELECT ?a ?f WHERE { ?a a kg:Article ; kg:sourceFile ?f }")}
        self.names: dict = defaultdict(list)
        for node, label in _rows(store, "SELECT ?n ?l WHERE { ?n rdfs:label|skos:altLabel ?l }"):
            self.names[node].append(str(label))
        self.by_file: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
        for reader in (self._entities, self._posts, self._members, self._quotes, self._claims,
                       self._events, self._agreements, self._statistics):
            reader()

    def facts(self, file_name: str) -> dict[str, list[dict]]:
        return self.by_file.get(file_name, {})

    def _n(self, node) -> Names:
        return Names(self.names.get(node) or [])

    def _add(self, article, kind: str, fact: dict) -> None:
        name = self.articles.get(str(article))
        if name is not None:
            self.by_file[name][kind].append(fact)

    def _entities(self) -> None:
        found: dict = defaultdict(set)
        for art, node, cls in _rows(self.store, """
                SELECT ?a ?e ?c WHERE { ?a a kg:Article ; kg:mentions ?e . ?e a ?c }"""):
            found[(art, node)].add(_local(cls))
        for (art, node), classes in found.items():
            coarse = next((c for c in COARSE if c in classes), None)
            if coarse:
                self._add(art, "entities", {"name": self._n(node), "class": coarse,
                                            "node": node, "evidence": ""})

    def _posts(self) -> None:
        bodies: dict = defaultdict(list)
        holders: dict = {}
        for art, person, pos, body in _rows(self.store, """
                SELECT ?a ?p ?pos ?b WHERE { ?a a kg:Article .
                  GRAPH ?a { ?p kg:holdsPosition ?pos } OPTIONAL { ?pos kg:positionIn ?b } }"""):
            holders[(art, person, pos)] = True
            if body is not None and body not in bodies[pos]:
                bodies[pos].append(body)
        for art, person, pos in holders:
            self._add(art, "posts", {"person": self._n(person), "post": self._n(pos),
                                     "of": [self._n(b) for b in bodies[pos]], "node": pos,
                                     "evidence": self._evidence(pos)})

    def _members(self) -> None:
        for art, member, prop, org in _rows(self.store, """
                SELECT ?a ?m ?p ?o WHERE { ?a a kg:Article .
                  GRAPH ?a { ?m ?p ?o } VALUES ?p { kg:memberOf kg:leads } }"""):
            role = "leads" if _local(prop) == "leads" else "member"
            self._add(art, "members", {"member": self._n(member), "org": self._n(org),
                                       "role": role, "node": member, "evidence": ""})

    def _evidence(self, node) -> str:
        rows = _rows(self.store, f"SELECT ?e WHERE {{ <{node}> kg:evidence ?e }} LIMIT 1")
        return str(rows[0][0]) if rows else ""

    def _facts_of(self, cls: str, props: dict[str, str]):
        """Nodes of class `cls` with the values of `props` (alias -> property), per article."""
        wanted = " ".join(f"kg:{p}" for p in props.values())
        values: dict = defaultdict(lambda: defaultdict(list))
        meta = {}
        for node, art, ev, prop, val in _rows(self.store, f"""
                SELECT ?n ?a ?ev ?p ?v WHERE {{ ?n a kg:{cls} ; prov:wasDerivedFrom ?a .
                  OPTIONAL {{ ?n kg:evidence ?ev }}
                  OPTIONAL {{ ?n ?p ?v . VALUES ?p {{ {wanted} }} }} }}"""):
            meta[node] = (art, str(ev or ""))
            if prop is not None:
                values[node][_local(prop)].append(val)
        for node, (art, ev) in meta.items():
            yield node, art, ev, values[node]

    def _quotes(self) -> None:
        for node, art, ev, v in self._facts_of("Statement", {"s": "speaker", "q": "quote"}):
            for speaker in v["speaker"] or [None]:
                self._add(art, "quotes", {"speaker": self._n(speaker), "node": node,
                                          "text": " ".join(sorted(map(str, v["quote"]))),
                                          "evidence": ev})

    def _claims(self) -> None:
        for node, art, ev, v in self._facts_of(
                "Claim", {"c": "claimant", "t": "claimText", "d": "disputedBy"}):
            self._add(art, "claims", {
                "claimant": Names([n for c in v["claimant"] for n in self.names.get(c, [])]),
                "text": " ".join(sorted(map(str, v["claimText"]))),
                "disputed_by": [self._n(d) for d in v["disputedBy"]], "node": node,
                "evidence": ev})

    def _events(self) -> None:
        classes: dict = defaultdict(set)
        for node, cls in _rows(self.store, "SELECT ?n ?c WHERE { ?n a kg:Event , ?c }"):
            classes[node].add(_local(cls))
        for node, art, ev, v in self._facts_of("Event", {
                "p": "participant", "a": "agent", "t": "target", "d": "date", "l": "location"}):
            specific = sorted(classes[node] - {EVENT_ROOT, "Meeting"}) or \
                sorted(classes[node] & {"Meeting"}) or [EVENT_ROOT]
            actors = v["participant"] + v["agent"] + v["target"]
            self._add(art, "events", {
                "class": specific[0], "participants": [self._n(a) for a in dict.fromkeys(actors)],
                "date": min(str(d) for d in v["date"]) if v["date"] else None,
                "place": [self._n(p) for p in dict.fromkeys(v["location"])],
                "node": node, "evidence": ev})

    def _agreements(self) -> None:
        for node, art, ev, v in self._facts_of("Agreement", {"p": "party", "d": "date"}):
            self._add(art, "agreements", {
                "parties": [self._n(p) for p in dict.fromkeys(v["party"])],
                "date": min(str(d) for d in v["date"]) if v["date"] else None, "node": node,
                "evidence": ev})

    def _statistics(self) -> None:
        for node, art, ev, v in self._facts_of("Statistic", {
                "v": "value", "m": "measure", "u": "unit", "q": "qualifier"}):
            self._add(art, "statistics", {
                "value": str(v["value"][0]) if v["value"] else None,
                "measure": " ".join(sorted(map(str, v["measure"]))),
                "unit": min(map(str, v["unit"])) if v["unit"] else None,
                "node": node, "evidence": ev})
