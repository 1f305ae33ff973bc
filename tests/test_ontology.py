"""The ontology: generated artefacts match the owlready2 source; HermiT agrees it is consistent
and catches a node typed both Person and Country; every contract term exists."""

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from conftest import ROOT

KG = "https://w3id.org/newskg/ontology#"
CONTRACT_CLASSES = """Article Actor Person Organization GovernmentBody Delegation WorkingGroup Company
CriminalOrganization Place Country Position Event Meeting Summit EnforcementAction Agreement
Substance Statistic Statement Claim""".split()
CONTRACT_PROPERTIES = """holdsPosition positionIn memberOf leads represents participant date location
topic agent target party reachedAt description concerns category precursorOf value measure qualifier
period place reportedBy about comparedTo speaker quote claimant claimText disputedBy title published
publisher url mentions evidence startOffset endOffset""".split()


@pytest.fixture(scope="module")
def onto():
    from kg.ontology.build import ontology_graph

    return ontology_graph()


def test_committed_turtle_matches_the_owlready2_source(onto):
    committed = Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")
    assert isomorphic(committed, onto), "run: python -m kg.ontology.build"


def test_vocab_module_matches_the_source():
    from kg.ontology.build import vocab_source

    assert (ROOT / "kg" / "vocab.py").read_text() == vocab_source(), \
        "run: python -m kg.ontology.build"


@pytest.mark.parametrize("name", CONTRACT_CLASSES)
def test_contract_class_exists_with_label_and_comment(onto, name):
    term = URIRef(KG + name)
    assert (term, RDF.type, OWL.Class) in onto
    assert onto.value(term, RDFS.label) and onto.value(term, RDFS.comment)


@pytest.mark.parametrize("name", CONTRACT_PROPERTIES)
def test_contract_property_exists_with_label(onto, name):
    term = URIRef(KG + name)
    assert any((term, RDF.type, t) in onto for t in (OWL.ObjectProperty, OWL.DatatypeProperty))
    assert onto.value(term, RDFS.label)


def test_alignments(onto):
    assert (URIRef(KG + "Person"), RDFS.subClassOf, URIRef("https://schema.org/Person")) in onto
    assert (URIRef(KG + "Person"), RDFS.subClassOf, URIRef("http://xmlns.com/foaf/0.1/Person")) in onto
    assert (URIRef(KG + "Position"), RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Post")) in onto
    assert (URIRef(KG + "Actor"), RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Agent")) in onto
    assert (URIRef(KG + "Country"), RDFS.subClassOf, URIRef(KG + "Place")) in onto


def test_disjointness_stated(onto):
    disjoint = onto.query("""PREFIX owl: <http://www.w3.org/2002/07/owl#>
        ASK { ?x a owl:AllDisjointClasses ; owl:members ?l .
              ?l rdf:rest*/rdf:first <https://w3id.org/newskg/ontology#Person>,
                 <https://w3id.org/newskg/ontology#Country> }""")
    assert disjoint.askAnswer


def test_hermit_finds_the_ontology_consistent():
    from kg.validate import reason

    assert reason(Graph()) == "consistent"


def test_hermit_finds_person_and_country_inconsistent():
    from kg.validate import reason

    g = Graph()
    x = URIRef("https://example.org/x")
    g.add((x, RDF.type, URIRef(KG + "Person")))
    g.add((x, RDF.type, URIRef(KG + "Country")))
    assert reason(g).startswith("inconsistent")


def test_hermit_finds_the_seed_graph_consistent(seed_memory):
    from kg.validate import data_graph, reason

    assert reason(data_graph(seed_memory)) == "consistent"
