"""Conversion between rdflib terms and pyoxigraph terms (the two libraries kg stands on)."""
from __future__ import annotations

import pyoxigraph as ox
import logging
import warnings

import rdflib

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

# rdflib logs a traceback and warns for every ill-typed literal it meets ("abc"^^xsd:integer);
# kg shows such a literal by its lexical form and `kg validate` reports it, so the noise goes.
logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)
rdflib.NORMALIZE_LITERALS = False  # keep every literal's lexical form ("x", not "false")
warnings.filterwarnings("ignore", message=".*does not map to True or False", module="rdflib")

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_new_str = str.__new__
_RDF_LANG = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def to_ox(term: Node):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to an Oxigraph term")


def from_ox(term):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        # What URIRef(value) makes, without rdflib's check for characters no IRI holds:
        # Oxigraph's IRIs are valid already (the check is most of the cost of a row).
        return _new_str(URIRef, term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt in (_XSD_STRING, _RDF_LANG):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def quad_to_ox(s, p, o, g) -> "ox.Quad":
    graph = ox.DefaultGraph() if g is None else to_ox(g)
    return ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph)
