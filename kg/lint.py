"""A linter's warnings for a query: a class or property it names that occurs nowhere in the store
(a typo such as kg:Persn) cannot match anything, and says so, with the nearest name that does.

Cheap first: every IRI the query spells is looked up (an index lookup each); only when one
occurs nowhere is the query read with rdflib's parser (Oxigraph does not expose its algebra),
to warn only where it names a class or a property, not a datatype or a function. A query rdflib
cannot read is not linted (the store reports real syntax errors itself).
"""
from __future__ import annotations

import difflib
import re
from typing import Iterable

from rdflib import RDF, URIRef
from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath

from .results import prefixed

# Strings and comments (matched to be skipped), IRIs, and prefixed names, as SPARQL reads them.
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'" r"|\#[^\n]*"
    r'|<([^<>"{}|^`\\\s]*)>'
    r"|(?<![\w?$:-])([A-Za-z][\w.-]*)?:((?:[\w%-]|\.(?=[\w%-]))*)")
_DECLARE = re.compile(r"\bPREFIX\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)
_BASE = re.compile(r"\bBASE\s*<[^>]*>", re.IGNORECASE)
OCCURS = "ASK { { ?s ?p ?t } UNION { ?t ?p ?o } UNION { ?s ?t ?o } }"
DECLARED = """SELECT DISTINCT ?t WHERE { ?t a ?k VALUES ?k { owl:Class rdfs:Class rdf:Property
    owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty } FILTER(isIRI(?t)) }"""


def named_terms(query: str, prefixes: dict[str, str]) -> list[tuple[str, URIRef]]:
    """('class' | 'property', IRI) for each class (object of `a`) and property (predicate,
    path step) the query's patterns name; [] for a query rdflib cannot read."""
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.algebra import translateGroupGraphPattern
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        algebra = prepareQuery(query, initNs=prefixes).algebra
    except Exception:  # rdflib cannot read it: nothing to say
        return []
    found: list[tuple[str, URIRef]] = []

    def path_steps(p) -> Iterable[URIRef]:
        if isinstance(p, URIRef):
            yield p
        elif isinstance(p, (SequencePath, AlternativePath)):
            for a in p.args:
                yield from path_steps(a)
        elif isinstance(p, InvPath):
            yield from path_steps(p.arg)
        elif isinstance(p, MulPath):
            yield from path_steps(p.path)  # a negated set names what it excludes: left alone

    def walk(node) -> None:
        if isinstance(node, CompValue):
            if node.name == "GroupGraphPatternSub":  # inside EXISTS: left as parsed
                node = translateGroupGraphPattern(node)
            if node.name == "BGP":
                for _, p, o in node.triples:
                    found.extend(("property", step) for step in path_steps(p))
                    if p == RDF.type and isinstance(o, URIRef):
                        found.append(("class", o))
            for key in node:  # node[key]: the translated value (items() gives the parsed one)
                if key != "template":  # what CONSTRUCT makes need not exist yet
                    walk(node[key])
        elif isinstance(node, (list, tuple)):
            for value in node:
                walk(value)
    walk(algebra)
    return list(dict.fromkeys(found))


def spelled_iris(query: str, prefixes: dict[str, str]) -> list[URIRef]:
    """Every absolute IRI the query spells, written out or as a prefixed name it can resolve,
    in the order they first appear."""
    prefixes = {**prefixes, **dict(_DECLARE.findall(query))}
    out: dict[URIRef, None] = {}
    for m in _TOKENS.finditer(_BASE.sub(" ", _DECLARE.sub(" ", query))):
        iri, prefix, local = m.group(1), m.group(2), m.group(3)
        if iri is not None and ":" in iri:
            out[URIRef(iri)] = None
        elif local is not None and (prefix or "") in prefixes:
            out[URIRef(prefixes[prefix or ""] + local)] = None
    return list(out)


def warnings(store, query: str, known: Iterable[str] = ()) -> list[str]:
    """One line for each class or property the query names that occurs nowhere in `store`."""
    nowhere = [iri for iri in spelled_iris(query, store.prefixes)
               if not store.query(OCCURS, {"t": iri}).boolean]
    named = dict((iri, kind) for kind, iri in named_terms(query, store.prefixes)) \
        if nowhere else {}
    missing = [(named[iri], iri) for iri in nowhere if iri in named]
    if not missing:
        return []
    p = store.prefixes
    names = {prefixed(str(r[0]), p, readable=False) for r in store.query(DECLARED).rows}
    names |= {prefixed(str(k), p, readable=False) for k in known}
    out = []
    for kind, iri in missing:
        name = prefixed(str(iri), p, readable=False)
        near = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.75)
        out.append(f"the {kind} {name} occurs nowhere in the store, so nothing matches it"
                   + (f"; did you mean {near[0]}?" if near else ""))
    return out
