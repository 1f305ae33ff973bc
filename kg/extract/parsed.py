"""The parse of the article being read, read once and shared by the extractors.

Each `doc[i]` makes a new spaCy Token and each of its attributes is read through a Cython
property (about 0.1 and 0.2 µs); the extractors scanned every token of an article a few dozen
times, 3.5 million Tokens for the 200 bench articles. This keeps, for the Doc last asked about,
its Tokens in a list, columns of its string attributes (each read once per token) and the
positions of each value, so "the tokens whose lemma is 'delegation'" is a dictionary look-up
instead of a scan.

Extractors read a parsed Doc and never change it, so what is kept stays true; the cache holds
one Doc (the article being extracted) and is keyed by identity.
"""
from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

_ATTRS = {"text": "text", "lower": "lower_", "lemma": "lemma_", "dep": "dep_", "tag": "tag_",
          "ent_type": "ent_type_", "pos": "pos_"}


class Parsed:
    """One Doc's Tokens, string columns and value positions, each made on first use."""

    __slots__ = ("doc", "tokens", "_columns", "_where")

    def __init__(self, doc) -> None:
        self.doc = doc
        self.tokens = list(doc)
        self._columns: dict[str, list[str]] = {}
        self._where: dict[str, dict[str, list[int]]] = {}

    def column(self, attr: str) -> list[str]:
        """The attribute as text for every token: `column("lower")[i] == doc[i].lower_`;
        "lemma_lower" is `doc[i].lemma_.lower()`."""
        col = self._columns.get(attr)
        if col is None and attr == "lemma_lower":
            lowered = {v: v.lower() for v in set(self.column("lemma"))}
            col = self._columns[attr] = [lowered[v] for v in self.column("lemma")]
        elif col is None:
            col = self._columns[attr] = list(map(attrgetter(_ATTRS[attr]), self.tokens))
        return col

    def where(self, attr: str) -> dict[str, list[int]]:
        """Each value of the attribute and the positions (ascending) of the tokens that have it."""
        index = self._where.get(attr)
        if index is None:
            index = self._where[attr] = {}
            for i, value in enumerate(self.column(attr)):
                index.setdefault(value, []).append(i)
        return index


_last: Parsed | None = None


def parsed(doc) -> Parsed:
    """The Parsed of `doc`, kept for the last Doc asked about."""
    global _last
    p = _last
    if p is None or p.doc is not doc or len(p.tokens) != len(doc):
        p = _last = Parsed(doc)
    return p


def tokens(doc) -> list:
    """The Doc's Tokens in a list: `tokens(doc)[i]` is `doc[i]` without making it again."""
    return parsed(doc).tokens


def column(doc, attr: str) -> list[str]:
    return parsed(doc).column(attr)


def positions(doc, attr: str, values) -> list[int]:
    """Positions, ascending, of the tokens whose `attr` (text, lower, lemma, lemma_lower, dep,
    tag, ent_type, pos) is one of `values` (a string or a collection of strings)."""
    index = parsed(doc).where(attr)
    if isinstance(values, str):
        return index.get(values, [])
    if not isinstance(values, (set, frozenset, dict)):
        values = set(values)
    if len(values) < len(index):
        hits = [i for v in values if v in index for i in index[v]]
    else:
        hits = [i for v, at in index.items() if v in values for i in at]
    hits.sort()
    return hits


def having(doc, attr: str, values) -> list:
    """The Tokens, in order, whose `attr` is one of `values`: what
    `[t for t in doc if t.<attr>_ in values]` gives, without the scan."""
    toks = parsed(doc).tokens
    return [toks[i] for i in positions(doc, attr, values)]


def between(at: list[int], start: int, end: int) -> list[int]:
    """The positions of a sorted list that lie in [start, end): those of one sentence."""
    return at[bisect_left(at, start):bisect_left(at, end)]
