"""Writers for query results, registered by name: table, vertical, csv, tsv, json, xml, md.

csv/tsv/json/xml are the W3C SPARQL 1.1 result formats, written by Oxigraph's serializers
(straight from Oxigraph's solutions, without a Python object per term, when nothing has read
them yet); table, vertical and md are for people (IRIs shortened to prefixed names, long values
cut to fit), drawn from Oxigraph's terms without converting them to rdflib's.
"""
from __future__ import annotations

import json
import re
from typing import Callable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from .extract.text import cut
from .registry import Registry
from .store import QueryResult
from .store.backends import OxSelectResult

_WRITERS = Registry("result formats",
                    duplicate="a result format named {name!r} is already registered")
HUMAN = ("table", "vertical", "md")  # formats for people: ASK is yes/no, graphs are Turtle


def writer(name: str) -> Callable:
    """Register a view of query results under `name` (a name taken twice is an error)."""
    return _WRITERS(name)


def formats() -> list[str]:
    return sorted(_WRITERS)


def render(result: QueryResult, fmt: str = "table", prefixes: dict | None = None,
           width: int = 100, limit: int | None = None) -> str:
    if fmt not in _WRITERS:
        from .errors import UsageError

        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(formats())}")
    if result.type in ("CONSTRUCT", "DESCRIBE") and fmt in HUMAN:
        return turtle(result, prefixes)
    if result.type == "ASK" and fmt in HUMAN:
        return "yes" if result.boolean else "no"
    return _WRITERS[fmt](result, prefixes=prefixes or {}, width=width, limit=limit)


def turtle(result: QueryResult, prefixes: dict | None = None) -> str:
    from rdflib import Graph

    g = Graph()
    for p, iri in (prefixes or {}).items():
        g.bind(p, iri)
    for t in result.triples:
        g.add(t)
    return g.serialize(format="turtle")


def prefixed(iri: str, prefixes: dict, readable: bool = True) -> str:
    """An IRI as prefix:local where a prefix fits, else <iri>. `readable` lets the local name
    hold '/' (kgr:person/jen-daskal, for people to read); without it the result is valid SPARQL."""
    best = max(((p, ns) for p, ns in prefixes.items() if iri.startswith(ns)),
               key=lambda x: len(x[1]), default=None)
    return _compact(iri, best, readable)


# A local name of letters, digits (str.isalnum, which is what \w adds to "_") and "_-." (and "/"
# when people read it).
_LOCAL = {True: re.compile(r"[\w./-]+"), False: re.compile(r"[\w.-]+")}


def _compact(iri: str, best: tuple[str, str] | None, readable: bool) -> str:
    if best:
        local = iri[len(best[1]):]
        if local and _LOCAL[readable].fullmatch(local) and local[-1] != ".":
            return f"{best[0]}:{local}"
    return f"<{iri}>"


def short(term, prefixes: dict) -> str:
    """An IRI as a prefixed name where a prefix fits, a literal as its text (rdflib or
    Oxigraph terms)."""
    if term is None:
        return ""
    if isinstance(term, (URIRef, ox.NamedNode)):
        return prefixed(term if isinstance(term, URIRef) else term.value, prefixes)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, ox.Literal) else str(term)


class _Shortener:
    """`short` for one result: each distinct IRI shortened once, its namespace found by
    looking up its leading characters, longest namespace first (as `prefixed` chooses)."""

    def __init__(self, prefixes: dict):
        self.prefixes, self.seen = prefixes, {}
        self.by_length: dict[int, dict[str, str]] = {}
        for p, ns in prefixes.items():
            self.by_length.setdefault(len(ns), {}).setdefault(ns, p)
        self.lengths = sorted(self.by_length, reverse=True)

    def _best(self, iri: str) -> tuple[str, str] | None:
        for n in self.lengths:
            p = self.by_length[n].get(iri[:n])
            if p is not None:
                return p, iri[:n]
        return None

    def __call__(self, term) -> str:
        if isinstance(term, ox.Literal):
            return term.value
        if isinstance(term, (ox.NamedNode, URIRef)):
            iri = term.value if isinstance(term, ox.NamedNode) else str(term)
            text = self.seen.get(iri)
            if text is None:
                text = self.seen[iri] = _compact(iri, self._best(iri), True)
            return text
        return short(term, self.prefixes)


def _rows(result: QueryResult, limit: int | None) -> list[tuple]:
    """Rows of Oxigraph terms where the store gave them, else of rdflib terms."""
    rows = result.terms if isinstance(result, OxSelectResult) else result.rows
    return rows[:limit] if limit else rows


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Text safe for a terminal: control characters (escape sequences) shown as \\xNN."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


@writer("table")
def table(result: QueryResult, prefixes: dict, width: int = 100, limit=None) -> str:
    show = _Shortener(prefixes)
    cells = [[visible(show(t)) for t in row] for row in _rows(result, limit)]
    heads = list(result.vars)
    if not heads:
        return "(no columns)"
    natural = [max([len(h)] + [len(" ".join(r[i].split())) for r in cells]) for i, h in
               enumerate(heads)]
    budget = max(width - 3 * len(heads) - 1, 10 * len(heads))
    widths = list(natural)
    while sum(widths) > budget and max(widths) > 8:
        widths[widths.index(max(widths))] -= 1
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [line, "| " + " | ".join(h.ljust(w) for h, w in zip(heads, widths)) + " |", line]
    for r in cells:
        out.append("| " + " | ".join(cut(c, w).ljust(w) for c, w in zip(r, widths)) + " |")
    out.append(line)
    return "\n".join(out)


@writer("vertical")
def vertical(result: QueryResult, prefixes: dict, width: int = 100, limit=None) -> str:
    show = _Shortener(prefixes)
    pad = max((len(v) for v in result.vars), default=0)
    out = []
    for n, row in enumerate(_rows(result, limit), 1):
        out.append(f"-[ RECORD {n} ]" + "-" * 20)
        for v, t in zip(result.vars, row):
            out.append(f"{v.ljust(pad)} | {visible(show(t))}")
    return "\n".join(out)


@writer("md")
def markdown(result: QueryResult, prefixes: dict, width: int = 100, limit=None) -> str:
    show = _Shortener(prefixes)
    out = ["| " + " | ".join(result.vars) + " |", "|" + "---|" * len(result.vars)]
    for row in _rows(result, limit):
        out.append("| " + " | ".join(visible(show(t)).replace("|", "\\|") for t in row)
                   + " |")
    return "\n".join(out)


def _w3c_term(t) -> dict:
    """A term as a SPARQL JSON results binding (Oxigraph or rdflib)."""
    if isinstance(t, (ox.NamedNode, URIRef)):
        return {"type": "uri", "value": t.value if isinstance(t, ox.NamedNode) else str(t)}
    if isinstance(t, (ox.BlankNode, BNode)):
        return {"type": "bnode", "value": t.value if isinstance(t, ox.BlankNode) else str(t)}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != _XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    d = {"type": "literal", "value": str(t)}
    if isinstance(t, Literal) and t.language:
        d["xml:lang"] = t.language
    elif isinstance(t, Literal) and t.datatype:
        d["datatype"] = str(t.datatype)
    return d


def _sparql(result: QueryResult, fmt: "ox.QueryResultsFormat", limit: int | None) -> str:
    """A SPARQL result format, written by Oxigraph's serializer: straight from the unread
    solutions when it can, else from the rows (cut to `limit`) by way of SPARQL JSON."""
    if isinstance(result, OxSelectResult) and not limit:
        data = result.serialize(fmt)
        if data is not None:
            return data.decode("utf-8")
    if result.type == "ASK":
        doc = {"head": {}, "boolean": bool(result.boolean)}
    else:
        doc = {"head": {"vars": list(result.vars)}, "results": {"bindings": [
            {v: _w3c_term(t) for v, t in zip(result.vars, row) if t is not None}
            for row in _rows(result, limit)]}}
    parsed = ox.parse_query_results(json.dumps(doc).encode("utf-8"),
                                    format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=fmt).decode("utf-8")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

for _name, _fmt in (("csv", ox.QueryResultsFormat.CSV), ("tsv", ox.QueryResultsFormat.TSV),
                    ("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML)):
    writer(_name)(lambda result, prefixes, width=100, limit=None, _fmt=_fmt:
                  _sparql(result, _fmt, limit))
