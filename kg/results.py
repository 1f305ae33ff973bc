"""Writers for query results, registered by name: table, vertical, csv, tsv, json, xml, md.

csv/tsv/json/xml are the W3C SPARQL 1.1 result formats, written by Oxigraph's serializers
(straight from Oxigraph's solutions, without a Python object per term, when nothing has read
them yet); table, vertical and md are for people (IRIs shortened to prefixed names, long values
cut to fit), drawn from the SPARQL TSV text Oxigraph writes, without a Python object per term.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Callable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

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


def _trie(words) -> str:
    """A regular expression matching any of `words`, the longest one first where one word
    starts another: the words as a tree of their characters, so a match reads each character
    once instead of trying the words in turn."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        alts += [""] if "" in node else []  # ending here is tried after going on
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return emit(tree)


@lru_cache(maxsize=16)
def _namespaces(spaces: tuple[str, ...]) -> "re.Pattern | None":
    """<iri> when it starts with one of `spaces` and the rest is a local name (made once for a
    set of prefixes: the shell's results all use the same)."""
    return re.compile(f"<(?>{_trie(spaces)})([\\w./-]*[\\w/-])>") if spaces else None


class _Shortener:
    """`prefixed` for one result, given IRIs as SPARQL TSV writes them (<iri>): one regular
    expression finds the longest namespace the IRI starts with (as `prefixed` chooses) and,
    atomic, never falls back to a shorter one. (Cheaper than remembering the IRIs seen, even
    for a column that repeats them.)"""

    def __init__(self, prefixes: dict):
        self.owner: dict[str, str] = {}
        for p, ns in prefixes.items():
            self.owner.setdefault(ns, p)
        self.match = getattr(_namespaces(tuple(sorted(ns for ns in self.owner if ns))),
                             "fullmatch", lambda cell: None)

    def __call__(self, cell: str) -> str:
        m = self.match(cell)
        return f"{self.owner[cell[1:m.start(1)]]}:{m.group(1)}" if m else cell


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Text safe for a terminal: control characters (escape sequences) shown as \\xNN."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


_TSV = ox.QueryResultsFormat.TSV
_ESCAPE = re.compile(r"\\(.)")
_UNESCAPE = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "\\": "\\"}


def _tsv_columns(result: QueryResult, limit: int | None) -> list[list[str]]:
    """The result's columns of cells of SPARQL TSV, written by Oxigraph: each term as Turtle
    writes it (<iri>, "text"@lang, "text"^^<type>, 42, _:b), empty when unbound. Tabs and line
    breaks inside a literal are escaped, so the text splits into cells at both."""
    text = result.tsv() if isinstance(result, OxSelectResult) else None
    text = text.decode("utf-8") if text is not None else _sparql(result, _TSV, limit)
    n = len(result.vars)
    head = text.index("\n")
    if not n or head == len(text) - 1:  # no columns, or no rows
        return [[] for _ in range(n)]
    body = text[head + 1:-1]  # without the header and the last line break
    if limit:
        body = "\n".join(body.split("\n", limit)[:limit])
    cells = body.replace("\t", "\n").split("\n")
    return [cells[i::n] for i in range(n)]


class _Cells:
    """TSV cells as people read them: an IRI as a prefixed name where a prefix fits, a literal
    as its text (without quotes, language or datatype), a blank node as _:id; control
    characters shown as \\xNN (`visible`), and with `fold` white space folded to one space."""

    def __init__(self, prefixes: dict, fold: bool):
        self.short, self.fold = _Shortener(prefixes), fold

    def __call__(self, cell: str) -> str:
        first = cell[:1]
        if first == '"':
            cell = cell[1:cell.rindex('"')]
            if "\\" in cell:
                cell = _ESCAPE.sub(lambda m: _UNESCAPE[m.group(1)], cell)
        elif first == "<":
            return self.short(cell)
        if cell.isprintable():  # no control character, and no white space but spaces
            if not self.fold or ("  " not in cell and cell[:1] != " " and cell[-1:] != " "):
                return cell
            return " ".join(cell.split())
        return " ".join(visible(cell).split()) if self.fold else visible(cell)

    def column(self, cells: list[str]) -> list[str]:
        """A column's cells; without a call per cell when none holds an escape, a character
        that is not printable or white space to fold (IRIs and plain text: most columns)."""
        joined = "|".join(cells)
        if "\\" in joined or not joined.isprintable() or "  " in joined or '" ' in joined \
                or ' "' in joined:
            return [self(c) for c in cells]
        short = self.short
        return [c[1:c.rindex('"')] if c[:1] == '"' else short(c) if c[:1] == "<" else c
                for c in cells]

    def columns(self, result: QueryResult, limit: int | None) -> list[list[str]]:
        return [self.column(col) for col in _tsv_columns(result, limit)]


def _rows(result: QueryResult, prefixes: dict, limit: int | None) -> list[tuple]:
    """Rows of cells as people read them, white space kept (the vertical and Markdown views)."""
    if not result.vars:  # a row without columns is still a row
        return [()] * (min(len(result), limit) if limit else len(result))
    return list(zip(*_Cells(prefixes, fold=False).columns(result, limit)))


@writer("table")
def table(result: QueryResult, prefixes: dict, width: int = 100, limit=None) -> str:
    heads = list(result.vars)
    if not heads:
        return "(no columns)"
    cols = _Cells(prefixes, fold=True).columns(result, limit)
    natural = [max(len(h), max(map(len, col), default=0)) for h, col in zip(heads, cols)]
    budget = max(width - 3 * len(heads) - 1, 10 * len(heads))
    widths = list(natural)
    while sum(widths) > budget and max(widths) > 8:
        widths[widths.index(max(widths))] -= 1
    for i, (col, w) in enumerate(zip(cols, widths)):
        if natural[i] > w:  # cut as `cut` does: the first w - 1 characters and an ellipsis
            cols[i] = [c if len(c) <= w else c[:max(w - 1, 1)] + "\u2026" for c in col]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    row = "| " + " | ".join(f"{{:<{w}}}" for w in widths) + " |"
    out = [line, row.format(*heads), line]
    out += [row.format(*r) for r in zip(*cols)]
    out.append(line)
    return "\n".join(out)


@writer("vertical")
def vertical(result: QueryResult, prefixes: dict, width: int = 100, limit=None) -> str:
    pad = max((len(v) for v in result.vars), default=0)
    out = []
    for n, row in enumerate(_rows(result, prefixes, limit), 1):
        out.append(f"-[ RECORD {n} ]" + "-" * 20)
        for v, text in zip(result.vars, row):
            out.append(f"{v.ljust(pad)} | {text}")
    return "\n".join(out)


@writer("md")
def markdown(result: QueryResult, prefixes: dict, width: int = 100, limit=None) -> str:
    out = ["| " + " | ".join(result.vars) + " |", "|" + "---|" * len(result.vars)]
    for row in _rows(result, prefixes, limit):
        out.append("| " + " | ".join(text.replace("|", "\\|") for text in row) + " |")
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
    solutions when it can, else from the TSV text already read (cut to `limit`), else from
    the rows by way of SPARQL JSON."""
    if isinstance(result, OxSelectResult):
        data = None if limit else result.serialize(fmt)
        if data is None and result.tsv() is not None:
            text = result.tsv()
            if limit:
                text = b"".join(line + b"\n" for line in text.split(b"\n")[:-1][:limit + 1])
            data = ox.parse_query_results(text, format=_TSV).serialize(format=fmt)
        if data is not None:
            return data.decode("utf-8")
    if result.type == "ASK":
        doc = {"head": {}, "boolean": bool(result.boolean)}
    else:
        rows = result.terms if isinstance(result, OxSelectResult) else result.rows
        doc = {"head": {"vars": list(result.vars)}, "results": {"bindings": [
            {v: _w3c_term(t) for v, t in zip(result.vars, row) if t is not None}
            for row in (rows[:limit] if limit else rows)]}}
    parsed = ox.parse_query_results(json.dumps(doc).encode("utf-8"),
                                    format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=fmt).decode("utf-8")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

for _name, _fmt in (("csv", ox.QueryResultsFormat.CSV), ("tsv", ox.QueryResultsFormat.TSV),
                    ("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML)):
    writer(_name)(lambda result, prefixes, width=100, limit=None, _fmt=_fmt:
                  _sparql(result, _fmt, limit))
