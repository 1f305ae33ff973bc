"""Resolution: one IRI per real-world thing, within the article and against the store.

Entities match what the store already holds by name (a person's name a letter or two off, with
the same post, is the same person); events match an event of the same kind with overlapping
participants and a compatible date and place. An article without a date borrows one from a
dated report of the same event ("on Tuesday" in both), so its relative dates resolve too.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from rdflib import Literal, URIRef

from ..namespaces import resource_ns
from .model import EVENT_KINDS, ArticleContext, Node
from .temporal import compatible, precision, resolve
from .text import edit_distance, norm, slug
from ..vocab import KG

GROUP = {"Person": "Person", "Country": "Country", "Place": "Place", "Substance": "Substance",
         "Organization": "Org", "GovernmentBody": "Org", "Company": "Org",
         "CriminalOrganization": "Org", "Delegation": "Delegation", "WorkingGroup": "Org",
         "Actor": "Actor"}
PRIORITY = ["Person", "Country", "Delegation", "Org", "Substance", "Place", "Actor"]
FOLDER = {"Person": "person", "Country": "country", "Place": "place", "Substance": "substance",
          "Org": "organization", "Delegation": "delegation", "Actor": "actor"}


@dataclass
class StoredEvent:
    iri: URIRef
    kind: str
    date: Literal | None
    participants: set = field(default_factory=set)
    locations: set = field(default_factory=set)


class StoreIndex:
    """What the store already holds, loaded once per build and kept up to date as articles
    are written: names of entities, posts held, and events."""

    def __init__(self, store=None):
        self.store = store
        self.loaded = False
        self.names: dict[tuple[str, str], URIRef] = {}
        self.labels: dict[URIRef, str] = {}
        self.people: dict[URIRef, set[str]] = defaultdict(set)  # person -> post title keys
        self.posts: dict[tuple[URIRef, str], URIRef] = {}
        self.post_state: dict[URIRef, bool] = {}
        self.person_words: dict[str, set[URIRef]] = defaultdict(set)  # name word -> people
        self.events: dict[URIRef, StoredEvent] = {}  # by IRI, in the order first seen
        self.by_actor: dict[URIRef, list[StoredEvent]] = defaultdict(list)

    def load(self) -> None:
        if self.loaded:
            return
        self.loaded = True
        if self.store is not None:
            from .index_rows import IndexRows

            self.fold(IndexRows.read(self.store))

    def fold(self, source) -> None:
        """Index what the store holds, from its rows (index_rows.IndexRows: read from the
        store, or kept by a build as it writes); the rows are sorted, so the index does not
        depend on the order a backend answers in."""
        self.loaded = True
        rows = source.rows()
        groups: dict[URIRef, str] = {}
        names: dict[URIRef, set[str]] = defaultdict(set)
        for s, t, label, alt in rows.names:
            group = GROUP.get(str(t).rsplit("#", 1)[-1])
            if PRIORITY.index(group) < PRIORITY.index(groups.get(s, "Actor")):
                groups[s] = group  # a country is also typed Place; it is indexed as Country
            self.labels[s] = str(label)
            names[s].update(str(x) for x in (label, alt) if x is not None)
        for s, group in groups.items():
            for name in names[s]:
                self.names.setdefault((group, norm(name)), s)
            if group == "Person":
                for w in norm(self.labels[s]).split():
                    self.person_words[w].add(s)
        for person, pos, title, state in rows.posts:
            from .positions import title_key

            self.people[person].add(title_key(str(title)))
            self.post_state[pos] = self.post_state.get(pos, False) or state is not None
            self._post(person, title_key(str(title)), pos)
        for node, label in rows.labels:
            self.labels.setdefault(node, str(label))
        events: dict[URIRef, StoredEvent] = {}
        for e, t, d, p, loc in rows.events:
            ev = events.setdefault(e, StoredEvent(e, str(t).rsplit("#", 1)[-1], None))
            if d is not None and precision(d) > precision(ev.date):
                ev.date = d
            if p is not None:
                ev.participants.add(p)
            if loc is not None:
                ev.locations.add(loc)
        self.events = events
        for ev in events.values():
            for p in ev.participants:
                self.by_actor[p].append(ev)

    def remember(self, ctx: ArticleContext) -> None:
        """Add what an article just wrote, so the next article in the build can match it."""
        for n in ctx.nodes.values():
            group = GROUP.get(n.kind)
            if group and n.iri is not None and not n.data.get("scoped"):
                self.labels.setdefault(n.iri, n.label)
                for name in {n.label} | n.aliases:
                    self.names.setdefault((group, norm(name)), n.iri)
                if group == "Person":
                    for w in norm(self.labels[n.iri]).split():
                        self.person_words[w].add(n.iri)
            if n.kind == "Person" and n.iri is not None:
                for pos in n.get(KG.holdsPosition):
                    self.people[n.iri].add(pos.data.get("title", ""))
                    self._post(n.iri, pos.data.get("title", ""), pos.iri,
                               bool(pos.get(KG.positionIn)))
            if n.kind in EVENT_KINDS | {"Position"} and n.iri is not None:
                from .triples import event_label

                self.labels.setdefault(n.iri, n.label or event_label(n))
            if n.kind in EVENT_KINDS and n.iri is not None:
                ev = self.events.get(n.iri)
                if ev is None:
                    ev = self.events[n.iri] = StoredEvent(n.iri, n.kind, None)
                d = n.first(KG.date)
                if d is not None and precision(d) > precision(ev.date):
                    ev.date = d
                new = {p.iri for p in n.get(KG.participant) if p.iri is not None}
                for p in new - ev.participants:
                    self.by_actor[p].append(ev)
                ev.participants |= new
                ev.locations |= {p.iri for p in n.get(KG.location) if p.iri is not None}

    def _post(self, person, title: str, pos, has_state: bool | None = None) -> None:
        """Remember the post a person holds under a title, preferring one with its state."""
        if has_state is None:
            has_state = self.post_state.get(pos, False)
        current = self.posts.get((person, title))
        if current is None or (has_state and not self.post_state.get(current, False)):
            self.posts[(person, title)] = pos
        self.post_state[pos] = self.post_state.get(pos, False) or has_state

    def match_person(self, node: Node) -> URIRef | None:
        key = norm(node.label)
        if ("Person", key) in self.names:
            return self.names[("Person", key)]
        for alias in node.aliases:
            if ("Person", norm(alias)) in self.names:
                return self.names[("Person", norm(alias))]
        words = key.split()
        titles = {p.data.get("title", "") for p in node.get(KG.holdsPosition)}
        candidates = set().union(*(self.person_words.get(w, set()) for w in words))
        for iri in sorted(candidates):  # people sharing a word of the name: not the whole store
            if iri not in self.people:
                continue
            other = norm(self.labels.get(iri, "")).split()
            if len(words) == 1 and words[0] in other and len(words[0]) > 1:
                return iri  # a bare surname the store knows with a full name
            if len(other) != len(words) or len(words) < 2:
                continue
            diffs = [edit_distance(a, b) for a, b in zip(words, other)]
            close = sum(diffs) <= 2 and sum(1 for d in diffs if d) == 1 and \
                all(len(a) >= 4 for a, d in zip(words, diffs) if d)
            if close and titles & self.people[iri]:
                return iri  # a misspelt name with the same post in the same story
        return None


def _iri(*parts: str) -> URIRef:
    return URIRef(resource_ns() + "/".join(parts))


def article_hash(article_iri: URIRef) -> str:
    return hashlib.sha1(str(article_iri).encode()).hexdigest()[:8]


def mint_entities(ctx: ArticleContext, index: StoreIndex, article_iri: URIRef) -> None:
    index.load()
    scope = article_hash(article_iri)
    for n in ctx.nodes.values():
        group = GROUP.get(n.kind)
        if group is None or n.kind == "Delegation":
            continue  # a delegation is named with the month of its talks, in mint_facts
        if n.data.get("scoped") or n.data.get("group"):
            n.iri = _iri(FOLDER[group], f"{slug(n.label)}-{scope}")
            continue
        found = index.match_person(n) if n.kind == "Person" else None
        if found is None and n.kind != "WorkingGroup":
            for name in [n.label, *sorted(n.aliases)]:
                found = index.names.get((group, norm(name)))
                if found is not None:
                    break
        name = n.key if n.kind == "WorkingGroup" else n.label  # the parties name a joint body
        n.iri = found or _iri(FOLDER[group], slug(name))
        stored = index.labels.get(n.iri)
        if stored and stored != n.label:
            n.aliases.add(n.label)
            n.label = stored
        n.aliases.discard(n.label)


def anchor(ctx: ArticleContext, index: StoreIndex) -> date | None:
    """For an undated article: the date of a stored event it also reports, when the weekday
    the article names ("on Tuesday") agrees with it."""
    if ctx.reference is not None:
        return ctx.reference
    for ev in ctx.of_kind("Meeting", "Summit", "EnforcementAction"):
        days = [w.value[0] for w in ev.dates if w.kind == "weekday"]
        if not days:
            continue
        match = match_event(ev, index, None)
        if match is not None and match.date is not None and precision(match.date) == 3:
            d = date.fromisoformat(str(match.date))
            if d.weekday() in days:
                ctx.reference = d
                return d
    return None


def match_event(ev: Node, index: StoreIndex, when: Literal | None) -> StoredEvent | None:
    people = {p.iri for p in ev.get(KG.participant) if p.kind == "Person"}
    actors = {p.iri for p in ev.get(KG.participant) if p.iri is not None}
    places = {p.iri for p in ev.get(KG.location)}
    best, score = None, 0
    candidates: dict[URIRef, StoredEvent] = {}  # only events that share an actor can match
    for actor in sorted(actors):
        for e in index.by_actor.get(actor, []):
            candidates.setdefault(e.iri, e)
    for cand in candidates.values():
        if cand.kind != ev.kind or not compatible(cand.date, when):
            continue
        if places and cand.locations and not places & cand.locations:
            continue
        shared_people = len(people & cand.participants)
        shared = len(actors & cand.participants)
        if ev.kind == "EnforcementAction":
            ok = shared >= 1 and when is not None and cand.date is not None
        else:
            ok = shared_people >= 1 or shared >= 2
        s = shared + shared_people + (1 if places & cand.locations else 0)
        if ok and s > score:
            best, score = cand, s
    return best


def resolve_dates(ctx: ArticleContext) -> None:
    """Each node's date: the most precise of its expressions that resolve, if they agree."""
    for n in ctx.nodes.values():
        if not n.dates:
            continue
        lits = [(resolve(w, ctx.reference), w) for w in n.dates]
        lits = [(lit, w) for lit, w in lits if lit is not None]
        if not lits:
            continue
        lit, w = max(lits, key=lambda x: precision(x[0]))
        if all(compatible(lit, other) for other, _ in lits):
            n.add(KG.date, lit)
            n.add(KG.dateText, w.text)


def mint_facts(ctx: ArticleContext, index: StoreIndex, article_iri: URIRef) -> None:
    scope = article_hash(article_iri)
    ref = ctx.reference
    for n in ctx.nodes.values():
        if n.iri is not None:
            continue
        if n.kind in EVENT_KINDS:
            d = n.first(KG.date)
            match = match_event(n, index, d)
            if match is not None:
                n.iri = match.iri
                continue
            people = sorted(slug(p.label) for p in n.get(KG.participant) if p.kind == "Person")
            agents = sorted(slug(p.label) for p in n.get(KG.agent))
            place = sorted(slug(p.label) for p in n.get(KG.location))
            what = n.data.get("what", "")
            parts = [slug(what or n.kind), str(d) if d is not None else "undated",
                     *(agents[:1] or place[:1] or []), *(people[:2] if not agents else [])]
            if d is None:
                parts.append(scope)
            n.iri = _iri("event", "-".join(p for p in parts if p))
        elif n.kind == "Position":
            title = n.data.get("title", norm(n.label))
            holders = [p for p in ctx.of_kind("Person") if n in p.get(KG.holdsPosition)]
            reuse = next((index.posts.get((h.iri, title)) for h in holders
                          if not n.get(KG.positionIn) and index.posts.get((h.iri, title))), None)
            # a post of the same title with its state known wins over one without
            states = [p for p in n.get(KG.positionIn) if p.kind == "Country"]
            state = states[0] if states else n.first(KG.positionIn)
            # A post with neither state nor body is one person's ('President' of what, the
            # text does not say): never shared with another holder's post of that title.
            owner = f"-{slug(state.label)}" if state else (
                f"-held-by-{slug(holders[0].label)}" if len(holders) == 1 else "")
            n.iri = reuse or _iri("position", slug(title) + owner)
        elif n.kind == "Delegation":  # one per state and month of talks
            when = f"{ref.year:04d}-{ref.month:02d}" if ref is not None else scope
            n.iri = _iri("delegation", f"{slug(n.label)}-{when}")
        else:
            n.iri = _iri(n.kind.lower(), f"{scope}-{n.key}")
    for n in ctx.nodes.values():
        stored = index.labels.get(n.iri) if n.kind in EVENT_KINDS | {"Position"} else None
        if stored:
            if n.label and n.label != stored:
                n.aliases.add(n.label)
            n.label = stored


def resolve_article(ctx: ArticleContext, index: StoreIndex, article_iri: URIRef) -> None:
    mint_entities(ctx, index, article_iri)
    anchor(ctx, index)
    resolve_dates(ctx)
    mint_facts(ctx, index, article_iri)


def unresolved(ctx: ArticleContext) -> Callable[[], None]:
    """A function that puts the article's extraction back as it was before resolution (what
    resolution changes: IRIs, labels, aliases, resolved dates, the reference date), so the
    article can be resolved again against a fuller store without being extracted again."""
    saved = [(n, n.iri, n.label, set(n.aliases), list(n.props)) for n in ctx.nodes.values()]
    reference = ctx.reference

    def restore() -> None:
        for n, iri, label, aliases, props in saved:
            n.iri, n.label, n.aliases, n.props = iri, label, set(aliases), list(props)
        ctx.reference = reference
    return restore
