"""Resolution's index rows (index_rows.IndexRows) kept beside the store between builds.

A build reads what the index is made of from the store, which is linear in the store (0.6 s at
10,000 articles). Instead, each build leaves the rows beside the store (`index.bin`, validated
by `index.ok`, see kg.store.Store.keep_index) and the next one loads them. The file is a run of
parts, each the marshal of some rows: a build that only added graphs appends the rows of its
graphs (in their final form) and the labels the store holds for the subjects it newly typed or
gave a post, so keeping costs what the build wrote, not what the store holds. Any other build
(one that rewrote a graph the store held), a store without the file, and every `MAX_PARTS`
builds, write the rows read afresh from the store (so does a build that typed more new
subjects than `MAX_LOOKUPS`: reading the store is then cheaper than looking each one up).

Every write to the store drops `index.ok` before it touches the data, so a kill at any point
leaves the file true to the store or ignored; tests/test_build_index.py checks that the rows
loaded equal a fresh read, after builds, an update and a removed graph.
"""
from __future__ import annotations

import marshal
import struct

from rdflib import BNode, Literal, URIRef

from .index_rows import WITH_LABEL, IndexRows

VERSION = 2  # of the parts' format; a file of another version is read from the store instead
MAX_PARTS = 32
MAX_LOOKUPS = 2000  # newly labelled subjects looked up one by one; more: the store is read whole
_LENGTH = struct.Struct("<Q")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_new_str = str.__new__
MAPS = ("types", "labels", "alts", "state", "dates", "participants", "locations")


def _encode(term):
    """A term as marshal keeps it: an IRI as its text, a literal or blank node as a tuple."""
    if type(term) is URIRef:
        return str(term)
    if isinstance(term, Literal):
        return (str(term), term.language or "", str(term.datatype or ""))
    return (str(term),)


def _decoder():
    """Terms from what _encode kept, as the store's answers give them (kg.store.terms.from_ox);
    a literal met again (a date) is made once."""
    seen: dict[tuple, object] = {}

    def decode(value):
        if type(value) is str:
            return _new_str(URIRef, value)
        term = seen.get(value)
        if term is None:
            if len(value) == 1:
                term = BNode(value[0])
            elif value[1]:
                term = Literal(value[0], lang=value[1])
            elif value[2] and value[2] != _XSD_STRING:
                term = Literal(value[0], datatype=URIRef(value[2]))
            else:
                term = Literal(value[0])
            seen[value] = term
        return term
    return decode


def encode(rows: IndexRows) -> bytes:
    part = {name: [(_encode(s), [_encode(v) for v in values])
                   for s, values in getattr(rows, name).items() if values] for name in MAPS}
    part["holds"] = [(_encode(p), _encode(pos)) for p, pos in rows.holds]
    part["held"] = [_encode(pos) for pos in rows.held]
    part["version"] = VERSION
    data = marshal.dumps(part)
    return _LENGTH.pack(len(data)) + data


def _parts(data: bytes) -> list[dict] | None:
    parts, at = [], 0
    try:
        while at < len(data):
            (size,) = _LENGTH.unpack_from(data, at)
            part = marshal.loads(data[at + _LENGTH.size:at + _LENGTH.size + size])
            if not isinstance(part, dict) or part.get("version") != VERSION:
                return None
            parts.append(part)
            at += _LENGTH.size + size
    except (struct.error, EOFError, ValueError, TypeError):
        return None
    return parts


def load(store) -> tuple[IndexRows, tuple[int, int] | None]:
    """The rows kept beside the store (and the file's length and number of parts), else the
    rows read from the store (and None)."""
    data = store.kept_index()
    parts = _parts(data) if data else None
    if not parts:
        return IndexRows.read(store), None
    rows, decode = IndexRows(), _decoder()
    for part in parts:
        for name in MAPS:
            target = getattr(rows, name)
            for s, values in part[name]:
                target[decode(s)].update(map(decode, values))
        rows.holds.update((decode(p), decode(pos)) for p, pos in part["holds"])
        rows.held.update(map(decode, part["held"]))
    return rows, (len(data), len(parts))


class Keeper:
    """What a build adds to the kept rows: `add` each graph in its final form, then `keep`."""

    def __init__(self, store, kept: IndexRows, origin: tuple[int, int] | None):
        self.store, self.origin = store, origin
        self.enabled = getattr(store, "directory", None) is not None and not store.read_only
        self.appends = bool(self.enabled and origin and origin[1] < MAX_PARTS)
        self.rows = IndexRows()
        self.before = kept.labelled() if self.appends else set()

    def add(self, triples) -> None:
        if self.appends:
            self.rows.add(triples, every_label=True)

    def keep(self, only_added: bool) -> None:
        """Append the build's rows when it only added graphs to a store whose rows were kept;
        else keep the rows of the store read afresh."""
        if not self.enabled:
            return
        rows = self.rows
        labelled = rows.held | {s for s, t in rows.types.items() if t & WITH_LABEL}
        if not (self.appends and only_added) or len(labelled - self.before) > MAX_LOOKUPS:
            self.store.keep_index(encode(IndexRows.read(self.store)), after=None)
            return
        rows.complete(self.store, labelled - self.before)  # what the store held of them
        for s in [s for s in rows.labels if s not in labelled and s not in self.before]:
            del rows.labels[s]  # as a read answers: only labels of typed subjects, posts held
        self.store.keep_index(encode(rows), after=self.origin[0])
