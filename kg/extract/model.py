"""What extraction produces for one article: nodes (entities and facts) with their evidence.

A Node is keyed by (kind, key); extractors find or add nodes through the ArticleContext and
attach properties. Nodes of the provenance kinds carry the character spans of the sentences
they were read from. IRIs are minted later, by resolution, so identity stays one decision.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

def _event_classes() -> set[str]:
    """Event and every class of the ontology below it."""
    from ..ontology.terms import CLASSES

    parents = {name: ps for name, ps, *_ in CLASSES}

    def is_event(k: str) -> bool:
        return k == "Event" or any(is_event(p) for p in parents.get(k, []))

    return {name for name in parents if is_event(name)}


def _terms() -> tuple[frozenset[str], frozenset[str]]:
    """The ontology's class names and property names."""
    from ..ontology.terms import CLASSES, PROPERTIES

    return frozenset(c[0] for c in CLASSES), frozenset(p[0] for p in PROPERTIES)


CLASS_NAMES, PROPERTY_NAMES = _terms()


class UnknownTerm(ValueError):
    """An extractor used a class or property the ontology does not have: a bug in kg."""


def local_name(name) -> str:
    """'participant' for `KG.participant` or 'participant'."""
    return str(name).rsplit("#", 1)[-1]


def term(name) -> str:
    """The local name of a kg property, given as `KG.participant` or 'participant'; a name the
    ontology lacks is an error, never a silent skip."""
    local = local_name(name)
    if local not in PROPERTY_NAMES:
        raise UnknownTerm(f"kg:{local} is not a property of the ontology (ontology/terms.py)")
    return local


def kind_of(name) -> str:
    """The local name of a kg class, given as `KG.Person` or 'Person'; checked like term()."""
    local = local_name(name)
    if local not in CLASS_NAMES:
        raise UnknownTerm(f"kg:{local} is not a class of the ontology (ontology/terms.py)")
    return local


EVENT_KINDS = _event_classes()
PROVENANCE_KINDS = {"Statement", "Claim", "Statistic", "Agreement", "Position"} | EVENT_KINDS
ORG_KINDS = {"Organization", "GovernmentBody", "Company", "CriminalOrganization"}
ACTOR_KINDS = {"Actor", "Person", "Organization", "GovernmentBody", "Delegation", "WorkingGroup",
               "Company", "CriminalOrganization", "Country"}


@dataclass(eq=False)
class Node:
    kind: str
    key: str
    label: str = ""
    aliases: set[str] = field(default_factory=set)
    wikidata: str = ""
    props: list[tuple[str, Any]] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    dates: list[Any] = field(default_factory=list)  # temporal expressions, resolved later
    iri: Any = None
    gender: str = ""  # "m"/"f" when a pronoun or honorific told us
    data: dict = field(default_factory=dict)  # scratch for extractors

    def add(self, prop, value: Any) -> None:
        """Add `prop` (a kg property: `KG.participant`) with `value`; empty values are none."""
        prop = term(prop)
        if value is None or value == "":
            return
        if (prop, value) not in self.props:
            self.props.append((prop, value))

    def get(self, prop) -> list[Any]:
        prop = term(prop)
        return [v for p, v in self.props if p == prop]

    def first(self, prop: str):
        vals = self.get(prop)
        return vals[0] if vals else None

    def evidence(self, start: int, end: int) -> None:
        if (start, end) not in self.spans:
            self.spans.append((start, end))

    @property
    def is_actor(self) -> bool:
        return self.kind in ACTOR_KINDS

    def __repr__(self) -> str:
        return f"<{self.kind} {self.label or self.key}>"


@dataclass
class ArticleContext:
    """Everything known about one article while it is being read."""

    doc: Any  # spacy Doc
    text: str
    published: date | None = None
    dateline: str | None = None
    publisher: str | None = None  # who published the article: not one of its subjects
    nodes: dict[tuple[str, str], Node] = field(default_factory=dict)
    tok2node: dict[int, Node] = field(default_factory=dict)
    demonym: dict[int, str] = field(default_factory=dict)  # token index -> country name
    quotes: list[tuple[int, int]] = field(default_factory=list)  # char spans inside quote marks
    warnings: list[str] = field(default_factory=list)
    reference: date | None = None  # the date relative expressions resolve against
    triples: list = field(default_factory=list)  # what was written for the article
    data: dict = field(default_factory=dict)  # caches

    def node(self, kind, key: str, label: str = "") -> Node:
        """The node of class `kind` (a kg class: `KG.Person`) and `key`, made on first use."""
        kind = kind_of(kind)
        n = self.nodes.get((kind, key))
        if n is None:
            n = Node(kind, key, label=label)
            self.nodes[(kind, key)] = n
        elif label and len(label) > len(n.label) and kind not in PROVENANCE_KINDS:
            n.aliases.add(n.label)
            n.label = label
        return n

    def drop(self, node: Node) -> None:
        """Forget a node and every mention of it (a fact left out after all)."""
        self.nodes.pop((node.kind, node.key), None)
        for t in [t for t, n in self.tok2node.items() if n is node]:
            del self.tok2node[t]

    def merge(self, keep: Node, other: Node) -> None:
        """One node per thing: `other` names what `keep` names; its label becomes an alias and
        its mentions are `keep`'s."""
        keep.aliases.add(other.label)
        for t, n in list(self.tok2node.items()):
            if n is other:
                self.tok2node[t] = keep
        self.nodes.pop((other.kind, other.key), None)

    def of_kind(self, *kinds: str) -> list[Node]:
        return [n for n in self.nodes.values() if n.kind in kinds]

    def mention(self, start: int, end: int, node: Node) -> None:
        for i in range(start, end):
            self.tok2node[i] = node

    def node_at(self, i: int) -> Node | None:
        return self.tok2node.get(i)

    def mention_start(self, i: int) -> int:
        """The first token of the mention that holds token i."""
        node = self.tok2node.get(i)
        while i > 0 and node is not None and self.tok2node.get(i - 1) is node:
            i -= 1
        return i

    def mention_end(self, i: int) -> int:
        """The token after the mention that holds token i (i itself when none holds it)."""
        node = self.tok2node.get(i)
        while node is not None and self.tok2node.get(i) is node:
            i += 1
        return i

    def nodes_in(self, start: int, end: int, kinds: set[str] | None = None) -> list[Node]:
        out: list[Node] = []
        for i in range(start, end):
            n = self.tok2node.get(i)
            if n is not None and n not in out and (kinds is None or n.kind in kinds):
                out.append(n)
        return out

    def _quote_at(self, char: int) -> tuple[int, int] | None:
        """The quotation marks' span a character offset lies in (binary search), if any."""
        import bisect

        if not self.quotes:
            return None
        starts = self.data.get("quote_starts")
        if starts is None or len(starts) != len(self.quotes):
            starts = self.data["quote_starts"] = [a for a, _ in self.quotes]
        k = bisect.bisect_right(starts, char) - 1
        return self.quotes[k] if k >= 0 and self.quotes[k][0] <= char < self.quotes[k][1] else None

    def in_quote(self, char: int) -> bool:
        """Whether a character offset lies inside quotation marks."""
        return self._quote_at(char) is not None

    def in_speech(self, char: int) -> bool:
        """Inside quotation marks that hold speech, not a term set off in them (a coordinated
        "sickout"): a quote of one or two words is a term."""
        span = self._quote_at(char)
        return span is not None and len(self.text[span[0]:span[1]].split()) > 2

    def sent_ents(self, sent) -> list:
        """The entities of a sentence (doc.ents grouped once; Span.ents rescans the doc)."""
        groups = self.data.get("sent_ents")
        if groups is None:
            groups = self.data["sent_ents"] = {}
            for ent in self.doc.ents:
                groups.setdefault(ent.sent.start, []).append(ent)
        return groups.get(sent.start, [])

    def sentence_span(self, sent) -> tuple[int, int]:
        """Character span of a sentence, trimmed of surrounding white space."""
        start, end = sent.start_char, sent.end_char
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
