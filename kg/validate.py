"""Validation: SHACL shapes with pyshacl, and OWL consistency with HermiT through owlready2."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SH

from .store.terms import from_ox


@dataclass
class Violation:
    focus: str
    label: str
    path: str
    message: str

    def __str__(self) -> str:
        who = f"{self.label!r} ({self.focus})" if self.label else self.focus
        return f"{who}: {self.path}: {self.message}"


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    reasoner: str | None = None  # None: not run; "consistent" or the inconsistency message


def shapes_graph() -> Graph:
    text = resources.files("kg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def data_graph(store) -> Graph:
    """The union of the article graphs (the ontology left out), as one rdflib Graph."""
    g = Graph()
    for q in store.quads():
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return g


def shacl(graph: Graph, prefixes: dict | None = None) -> ValidationReport:
    from pyshacl import validate

    from .results import short

    conforms, results, _ = validate(graph, shacl_graph=shapes_graph(), inference="none",
                                    advanced=False, allow_warnings=True)
    violations = []
    for res in results.subjects(SH.resultSeverity, SH.Violation):
        focus = results.value(res, SH.focusNode)
        path = results.value(res, SH.resultPath)
        msg = results.value(res, SH.resultMessage)
        label = graph.value(focus, RDFS.label) if focus is not None else None
        violations.append(Violation(short(focus, prefixes or {}), str(label or ""),
                                    short(path, prefixes or {}) if path else "-", str(msg)))
    violations.sort(key=lambda v: (v.path, v.focus))
    return ValidationReport(bool(conforms), violations)


def reason(graph: Graph) -> str:
    """Run HermiT on the ontology plus the graph's types and links; 'consistent' or why not.

    HermiT reads only OWL 2 datatypes, so literal values are left out: consistency here is
    about classes, disjointness and the domains and ranges of links."""
    import owlready2 as ow

    from .store import ontology_turtle

    world = ow.World()
    with tempfile.TemporaryDirectory() as tmp:
        onto_nt = Path(tmp, "ontology.nt")
        Graph().parse(data=ontology_turtle(), format="turtle").serialize(
            onto_nt, format="nt", encoding="utf-8")
        data = Graph()
        for s, p, o in graph:
            if not isinstance(o, Literal) and isinstance(s, URIRef):
                data.add((s, p, o))
        data_nt = Path(tmp, "data.nt")
        data.serialize(data_nt, format="nt", encoding="utf-8")
        world.get_ontology(onto_nt.as_uri()).load(format="ntriples")
        world.get_ontology(data_nt.as_uri()).load(format="ntriples")
        try:
            ow.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except ow.OwlReadyInconsistentOntologyError:
            return "inconsistent: the graph contradicts the ontology (e.g. a node typed both " \
                   "Person and Country); run `kg validate` queries to find disjoint types"
        except ow.OwlReadyJavaError as exc:
            return f"the reasoner failed: {str(exc).splitlines()[-1][:200]}"
    return "consistent"


def ill_typed(graph: Graph, prefixes: dict | None = None) -> list[Violation]:
    """Literals whose lexical form is not a value of their datatype ("x"^^xsd:boolean)."""
    from .results import short

    out = []
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype is not None and o.ill_typed:
            label = graph.value(s, RDFS.label)
            out.append(Violation(short(s, prefixes or {}), str(label or ""),
                                 short(p, prefixes or {}),
                                 f"{str(o)!r} is not a valid {short(o.datatype, prefixes or {})}"))
    return sorted(out, key=lambda v: (v.path, v.focus))


def validate_store(store, with_reasoner: bool = False) -> ValidationReport:
    graph = data_graph(store)
    report = shacl(graph, store.prefixes)
    bad = ill_typed(graph, store.prefixes)
    if bad:
        report.violations = bad + report.violations
        report.conforms = False
    if with_reasoner:
        report.reasoner = reason(graph)
        report.conforms = report.conforms and report.reasoner == "consistent"
    return report
