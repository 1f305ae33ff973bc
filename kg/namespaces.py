"""Namespaces and prefixes: the ones kg writes, plus common ones the shell offers."""
from __future__ import annotations

import os
import re

from .ontology import terms as _terms

ONTOLOGY_IRI = _terms.ONTOLOGY_IRI  # spelled once, in the table the ontology is built from
ONTOLOGY_NS = _terms.NS

DEFAULT_RESOURCE_NS = "https://w3id.org/newskg/resource/"
WIKIDATA = "http://www.wikidata.org/entity/"

PREFIXES: dict[str, str] = {
    "kg": ONTOLOGY_NS,
    "kgr": DEFAULT_RESOURCE_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "wd": WIKIDATA,
    "sh": "http://www.w3.org/ns/shacl#",
}


# One prefix per kind of resource, so every IRI kg prints is a prefixed name that parses
# (person:jen-daskal), in the shell, in errors and in exports.
RESOURCE_KINDS = ("person", "country", "place", "organization", "substance", "delegation",
                  "actor", "event", "position", "article", "statistic", "statement", "claim",
                  "agreement")
PREFIXES.update({kind: f"{DEFAULT_RESOURCE_NS}{kind}/" for kind in RESOURCE_KINDS})


def resource_ns() -> str:
    """The namespace extracted resources are minted in (KG_RESOURCE_NS overrides it)."""
    ns = os.environ.get("KG_RESOURCE_NS", DEFAULT_RESOURCE_NS)
    return ns if ns.endswith(("/", "#")) else ns + "/"


def bind_all(graph, prefixes: dict[str, str] | None = None) -> None:
    for prefix, iri in (prefixes or PREFIXES).items():
        graph.bind(prefix, iri, override=True, replace=True)


def sparql_prologue(prefixes: dict[str, str] | None = None) -> str:
    return "".join(f"PREFIX {p}: <{i}>\n" for p, i in (prefixes or PREFIXES).items())


_PN_PREFIX = re.compile(r"^(?:[A-Za-z][\w.-]*[\w-])?$|^[A-Za-z]$")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*$")


def prefix_problem(name: str, iri: str) -> str | None:
    """Why NAME: <IRI> cannot be a SPARQL prefix, or None when it can."""
    if not _PN_PREFIX.match(name):
        return f"{name!r} is not a prefix name (letters, digits, '_', '-', '.'; a letter first)"
    if not _IRI.match(iri):
        return f"<{iri}> is not an absolute IRI (like https://example.org/ns#)"
    return None
