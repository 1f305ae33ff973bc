"""Query results stay Oxigraph's objects until shown: the people's views print what they
printed from rdflib terms, and the SPARQL formats come from Oxigraph's serializers, the same
whether written straight from the solutions or from rows already read."""
import json

import pytest
from rdflib import URIRef

from kg.results import _Shortener, prefixed, render
from kg.store import QueryResult
from kg.store.backends import OxSelectResult

QUERIES = [
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
    "SELECT ?person ?post WHERE { ?p a kg:Person ; rdfs:label ?person ; "
    "kg:holdsPosition/rdfs:label ?post } ORDER BY ?person ?post",
    'SELECT ?x ?y WHERE { VALUES (?x ?y) { (1 "a\\tb") (UNDEF "c\\u0007d") '
    '(<https://ex.org/a-b> "e|f"@en) ("7"^^xsd:integer 2.50) } }',
]


@pytest.fixture(autouse=True)
def _lexical_forms(monkeypatch):
    """kg turns rdflib's literal normalisation off; pyshacl turns it back on after a
    validation elsewhere in the test session. The rdflib side of the comparisons needs it off."""
    import rdflib

    monkeypatch.setattr(rdflib, "NORMALIZE_LITERALS", False)


def _as_rdflib(res: OxSelectResult) -> QueryResult:
    """The same rows as rdflib terms: what the views were drawn from before."""
    return QueryResult("SELECT", vars=list(res.vars), rows=list(res.rows))


@pytest.mark.parametrize("q", QUERIES)
@pytest.mark.parametrize("fmt", ["table", "vertical", "md"])
def test_views_print_what_rdflib_terms_printed(seed_oxigraph, q, fmt):
    res = seed_oxigraph.query(q)
    assert isinstance(res, OxSelectResult)
    ours = render(res, fmt, seed_oxigraph.prefixes, width=120, limit=50)
    assert ours == render(_as_rdflib(res), fmt, seed_oxigraph.prefixes, width=120, limit=50)
    assert ours.count("\n") > 3


@pytest.mark.parametrize("q", QUERIES)
@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_sparql_formats_are_the_same_from_solutions_and_from_rows(seed_oxigraph, q, fmt):
    straight = render(seed_oxigraph.query(q), fmt)
    read = seed_oxigraph.query(q)
    assert len(read) > 2  # the rows are read first, as the shell does
    assert render(read, fmt) == straight
    assert render(_as_rdflib(read), fmt) == straight
    if fmt == "json":
        doc = json.loads(straight)
        assert len(doc["results"]["bindings"]) == len(read)


@pytest.mark.parametrize("fmt", ["table", "vertical", "md", "csv", "tsv", "json", "xml"])
def test_ill_typed_literals_are_shown_as_written(seed_oxigraph, fmt, monkeypatch):
    """Oxigraph's terms keep the lexical form, whatever rdflib's literal normalisation is set
    to (pyshacl turns it on after a validation; rdflib would then show "maybe" as false)."""
    import rdflib

    monkeypatch.setattr(rdflib, "NORMALIZE_LITERALS", True)
    q = 'SELECT ?x WHERE { VALUES ?x { "maybe"^^xsd:boolean "abc"^^xsd:integer } }'
    for res, read in ((seed_oxigraph.query(q), True), (seed_oxigraph.query(q), False)):
        if read:
            len(res)  # the shell reads the rows first; the CLI writes them straight
        text = render(res, fmt, seed_oxigraph.prefixes)
        assert "maybe" in text and "abc" in text and "false" not in text.lower()


def test_a_result_written_out_can_still_be_read(seed_oxigraph):
    res = seed_oxigraph.query(QUERIES[1])
    text = render(res, "csv")
    assert text.startswith("person,post\r\n") and "Xi Jinping,President" in text
    assert [str(r[0]) for r in res.rows][:1] == ["Jen Daskal"]  # the query runs again


def test_limit_cuts_the_sparql_formats(seed_oxigraph):
    text = render(seed_oxigraph.query(QUERIES[0]), "csv", limit=3)
    assert text.count("\r\n") == 4


def test_ask_in_every_format(seed_oxigraph):
    res = seed_oxigraph.query("ASK { ?p a kg:Person }")
    assert render(res, "table") == "yes"
    assert render(res, "csv").strip() == "true"
    assert json.loads(render(res, "json"))["boolean"] is True
    assert "<boolean>true</boolean>" in render(res, "xml")


def test_the_shortener_chooses_as_prefixed_does(seed_oxigraph):
    prefixes = {**seed_oxigraph.prefixes, "a": "https://w3id.org/", "b": "https://w3id.org/",
                "long": "https://w3id.org/newskg/resource/person/jen"}
    iris = [str(r[0]) for r in seed_oxigraph.query(
        "SELECT DISTINCT ?x WHERE { { ?x ?p ?o } UNION { ?s ?x ?o } UNION { ?s ?p ?x } "
        "FILTER(isIRI(?x)) }").rows] + ["urn:x", "https://w3id.org/", "https://w3id.org/a."]
    show = _Shortener(prefixes)
    assert len(iris) > 200
    assert [show(URIRef(i)) for i in iris] == [prefixed(i, prefixes) for i in iris]
