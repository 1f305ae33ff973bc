"""Query results stay Oxigraph's objects until shown: the people's views print what they
printed from rdflib terms, and the SPARQL formats come from Oxigraph's serializers, the same
whether written straight from the solutions or from rows already read."""
import json

import pytest

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
    prefixes["dot"] = "https://w3id.org/newskg/resource/person/jen-daskal."
    iris += ["https://w3id.org/newskg/resource/person/", "https://w3id.org/newskg/resource/person",
             "https://w3id.org/newskg/resource/person/a.b.", "urn:"]
    show = _Shortener(prefixes)
    assert len(iris) > 200
    assert [show(f"<{i}>") for i in iris] == [prefixed(i, prefixes) for i in iris]


AWKWARD = ('SELECT ?x ?y WHERE { VALUES (?x ?y) { '
           '("tab\\there\\nnew line\\r" " lead  and trail ") '
           '("say \\"hi\\" \\\\ back" "bell\\u0007 esc\\u001b[0m c1\\u0085 nbsp\\u00a0x") '
           '("chat"@fr "2020-01-02"^^xsd:date) (42 -1.5) (true 1.0e3) (UNDEF <urn:x>) '
           '(<https://w3id.org/newskg/resource/person/> <https://w3id.org/newskg/resource/person/a.>) '
           '("<https://w3id.org/newskg/resource/person/x>" kg:Person) } }')


def test_awkward_terms_as_people_read_them(seed_oxigraph):
    """Escapes, control characters, white space, languages, datatypes, numbers, unbound
    cells and IRIs no prefix fits, as each view shows them (drawn from Oxigraph's TSV)."""
    res = seed_oxigraph.query(AWKWARD)
    shown = [
        "tab\there\nnew line\\x0d", " lead  and trail ",
        'say "hi" \\ back', "bell\\x07 esc\\x1b[0m c1\\x85 nbsp\u00a0x",
        "chat", "2020-01-02", "42", "-1.5", "true", "1000", "", "<urn:x>",
        "<https://w3id.org/newskg/resource/person/>",
        "<https://w3id.org/newskg/resource/person/a.>",
        "<https://w3id.org/newskg/resource/person/x>", "kg:Person"]
    assert render(res, "vertical", seed_oxigraph.prefixes) == "\n".join(
        (f"-[ RECORD {i // 2 + 1} ]" + "-" * 20 + "\n" if i % 2 == 0 else "")
        + f"{'xy'[i % 2]} | {text}" for i, text in enumerate(shown))
    table = render(seed_oxigraph.query(AWKWARD), "table", seed_oxigraph.prefixes, width=80)
    assert table.split("\n") == [
        '+--------------------------------------+---------------------------------------+',
        '| x                                    | y                                     |',
        '+--------------------------------------+---------------------------------------+',
        '| tab here new line\\x0d                | lead and trail                        |',
        '| say "hi" \\ back                      | bell\\x07 esc\\x1b[0m c1\\x85 nbsp x     |',
        '| chat                                 | 2020-01-02                            |',
        '| 42                                   | -1.5                                  |',
        '| true                                 | 1000                                  |',
        '|                                      | <urn:x>                               |',
        '| <https://w3id.org/newskg/resource/p… | <https://w3id.org/newskg/resource/pe… |',
        '| <https://w3id.org/newskg/resource/p… | kg:Person                             |',
        '+--------------------------------------+---------------------------------------+',
    ]
    md = render(seed_oxigraph.query(AWKWARD), "md", seed_oxigraph.prefixes)
    assert "\n| 42 | -1.5 |\n" in md and "\n|  | <urn:x> |\n" in md
    assert "\n| tab\there\nnew line\\x0d |  lead  and trail  |\n" in md


@pytest.mark.parametrize("fmt", ["table", "vertical", "md"])
def test_views_are_the_same_whether_the_rows_were_read_or_not(seed_oxigraph, fmt):
    straight = render(seed_oxigraph.query(AWKWARD), fmt, seed_oxigraph.prefixes)
    counted, read = seed_oxigraph.query(AWKWARD), seed_oxigraph.query(AWKWARD)
    assert len(counted) == 8 and len(read.terms) == 8  # the shell counts first; code reads
    assert render(counted, fmt, seed_oxigraph.prefixes) == straight
    assert render(read, fmt, seed_oxigraph.prefixes) == straight
    assert render(_as_rdflib(read), fmt, seed_oxigraph.prefixes) == straight


def test_rows_read_after_counting_are_the_terms(seed_oxigraph):
    counted = seed_oxigraph.query(AWKWARD)
    assert len(counted) == 8
    assert counted.terms == seed_oxigraph.query(AWKWARD).terms
    assert counted.rows == seed_oxigraph.query(AWKWARD).rows


def test_rows_without_columns(seed_oxigraph):
    res = seed_oxigraph.query("SELECT * WHERE { }")
    assert len(res) == 1
    assert render(res, "table") == "(no columns)"
    assert render(seed_oxigraph.query("SELECT * WHERE { }"), "vertical").startswith("-[ RECORD 1 ]")
    assert render(seed_oxigraph.query("SELECT ?x WHERE { FILTER(false) }"), "md") == "| x |\n|---|"
