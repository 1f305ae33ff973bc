"""Writers for query results, registered by name: table, vertical, csv, tsv, json, xml, md.

csv/tsv/json/xml follow the W3C SPARQL 1.1 result formats; table, vertical and md are for
people (IRIs shortened to prefixed names, long values cut to fit).
"""
from __future__ import annotations

import re

import csv
import io
import json
from typing import Callable
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Literal, URIRef

from .store import QueryResult

_WRITERS: dict[str, Callable[..., str]] = {}
HUMAN = ("table", "vertical", "md")  # formats for people: ASK is yes/no, graphs are Turtle


def writer(name: str):
    def deco(fn):
        if name in _WRITERS:
            raise ValueError(f"a result format named {name!r} is already registered")
        _WRITERS[name] = fn
        return fn
    return deco


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
    if best:
        local = iri[len(best[1]):]
        extra = "_-./" if readable else "_-."
        if local and all(c.isalnum() or c in extra for c in local) and local[-1] != ".":
            return f"{best[0]}:{local}"
    return f"<{iri}>"


def short(term, prefixes: dict) -> str:
    """An IRI as a prefixed name where a prefix fits, a literal as its text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return prefixed(str(term), prefixes)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Text safe for a terminal: control characters (escape sequences) shown as \\xNN."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def _cut(text: str, size: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:max(size - 1, 1)] + "\u2026"


@writer("table")
def table(result: QueryResult, prefixes: dict, width: int = 100, limit=None) -> str:
    rows = result.rows[:limit] if limit else result.rows
    cells = [[visible(short(t, prefixes)) for t in row] for row in rows]
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
        out.append("| " + " | ".join(_cut(c, w).ljust(w) for c, w in zip(r, widths)) + " |")
    out.append(line)
    return "\n".join(out)


@writer("vertical")
def vertical(result: QueryResult, prefixes: dict, width: int = 100, limit=None) -> str:
    rows = result.rows[:limit] if limit else result.rows
    pad = max((len(v) for v in result.vars), default=0)
    out = []
    for n, row in enumerate(rows, 1):
        out.append(f"-[ RECORD {n} ]" + "-" * 20)
        for v, t in zip(result.vars, row):
            out.append(f"{v.ljust(pad)} | {visible(short(t, prefixes))}")
    return "\n".join(out)


@writer("md")
def markdown(result: QueryResult, prefixes: dict, width: int = 100, limit=None) -> str:
    rows = result.rows[:limit] if limit else result.rows
    out = ["| " + " | ".join(result.vars) + " |", "|" + "---|" * len(result.vars)]
    for row in rows:
        out.append("| " + " | ".join(visible(short(t, prefixes)).replace("|", "\\|") for t in row)
                   + " |")
    return "\n".join(out)


@writer("csv")
def to_csv(result: QueryResult, prefixes: dict, width: int = 100, limit=None) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if result.type == "ASK":
        w.writerow(["_askResult"])
        w.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    w.writerow(result.vars)
    for row in result.rows[:limit] if limit else result.rows:
        w.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t))
                    for t in row])
    return buf.getvalue()


def _nt(term) -> str:
    if term is None:
        return ""
    return term.n3()


@writer("tsv")
def to_tsv(result: QueryResult, prefixes: dict, width: int = 100, limit=None) -> str:
    if result.type == "ASK":
        return "?_askResult\n" + ("true" if result.boolean else "false") + "\n"
    out = ["\t".join("?" + v for v in result.vars)]
    for row in result.rows[:limit] if limit else result.rows:
        out.append("\t".join(_nt(t).replace("\t", "\\t").replace("\n", "\\n") for t in row))
    return "\n".join(out) + "\n"


def _json_term(t) -> dict:
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    d = {"type": "literal", "value": str(t)}
    if isinstance(t, Literal) and t.language:
        d["xml:lang"] = t.language
    elif isinstance(t, Literal) and t.datatype:
        d["datatype"] = str(t.datatype)
    return d


@writer("json")
def to_json(result: QueryResult, prefixes: dict, width: int = 100, limit=None) -> str:
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)})
    rows = result.rows[:limit] if limit else result.rows
    bindings = [{v: _json_term(t) for v, t in zip(result.vars, row) if t is not None}
                for row in rows]
    return json.dumps({"head": {"vars": result.vars}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1)


@writer("xml")
def to_xml(result: QueryResult, prefixes: dict, width: int = 100, limit=None) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.type == "ASK":
        out += ["<head/>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>",
                "</sparql>"]
        return "\n".join(out)
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.vars)
               + "</head>")
    out.append("<results>")
    for row in result.rows[:limit] if limit else result.rows:
        out.append("<result>")
        for v, t in zip(result.vars, row):
            if t is None:
                continue
            if isinstance(t, URIRef):
                val = f"<uri>{escape(str(t))}</uri>"
            elif isinstance(t, BNode):
                val = f"<bnode>{escape(str(t))}</bnode>"
            elif t.language:
                val = f"<literal xml:lang={quoteattr(t.language)}>{escape(str(t))}</literal>"
            elif t.datatype:
                val = f"<literal datatype={quoteattr(str(t.datatype))}>{escape(str(t))}</literal>"
            else:
                val = f"<literal>{escape(str(t))}</literal>"
            out.append(f"<binding name={quoteattr(v)}>{val}</binding>")
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out)
