"""SHACL validation: the seed graph conforms; each kind of broken data is reported with the
focus node's label, the path and a message a person can act on."""
import pytest
from rdflib import Graph

from kg.validate import data_graph, shacl

PREFIXES = """@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
ex:art a kg:Article ; rdfs:label "An article" .
"""
PROV = 'prov:wasDerivedFrom ex:art ; kg:evidence "s" ; kg:startOffset 0 ; kg:endOffset 1 ;'


def test_seed_graph_conforms(seed_memory):
    report = shacl(data_graph(seed_memory))
    assert report.conforms, [str(v) for v in report.violations]


@pytest.mark.parametrize("ttl,path,words", [
    (f'ex:s a kg:Statement ; rdfs:label "A statement" ; {PROV} kg:quote "hi" .',
     "kg:speaker", "speaker"),
    (f'ex:s a kg:Statement ; rdfs:label "A statement" ; {PROV} kg:speaker ex:art .',
     "kg:quote", "quote"),
    (f'ex:s a kg:Statistic ; rdfs:label "A number" ; {PROV} kg:value "100,000" .',
     "kg:value", "xsd:decimal"),
    (f'ex:e a kg:Event ; rdfs:label "An event" ; {PROV} kg:date "last year" .',
     "kg:date", "gYear"),
    ('ex:p a kg:Person ; rdfs:label "Jen Daskal", "Daskal" .', "rdfs:label", "skos:altLabel"),
    ('ex:c a kg:Claim ; rdfs:label "A claim" ; kg:claimant ex:art ; kg:claimText "x" .',
     "prov:wasDerivedFrom", "Article"),
])
def test_broken_data_is_reported_with_label_path_and_message(ttl, path, words):
    from kg.namespaces import PREFIXES as P

    g = Graph().parse(data=PREFIXES + ttl, format="turtle")
    report = shacl(g, {**P, "ex": "https://example.org/"})
    assert not report.conforms
    hits = [v for v in report.violations if v.path == path]
    assert hits, [str(v) for v in report.violations]
    assert words in hits[0].message
    assert hits[0].label and hits[0].focus.startswith("ex:")
