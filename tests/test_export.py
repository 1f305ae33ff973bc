"""Exports: every format parses with rapper and pyoxigraph to the store's count, round-trips
isomorphically, and is byte-identical when written twice."""
import subprocess

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.export import export, format_for, formats, import_file
from kg.store import Store

from conftest import need

RAPPER = {"turtle": "turtle", "ntriples": "ntriples", "nquads": "nquads", "trig": "trig",
          "rdfxml": "rdfxml"}
SUFFIX = {"turtle": ".ttl", "ntriples": ".nt", "nquads": ".nq", "trig": ".trig",
          "jsonld": ".jsonld", "rdfxml": ".rdf"}


def _distinct_triples(store) -> int:
    return int(store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
                           "GRAPH ?g { ?s ?p ?o } FILTER(?g != <https://w3id.org/newskg/ontology>) } }"
                           ).rows[0][0])


def _quads(store) -> int:
    return sum(store.count(g) for g in store.graphs())


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_pyoxigraph_parses_every_format_to_the_store_count(seed_oxigraph, tmp_path, fmt):
    path = tmp_path / f"g{SUFFIX[fmt]}"
    n = export(seed_oxigraph, path, format_for(path))
    parsed = list(ox.parse(path=str(path), format=format_for(path).ox))
    assert len(parsed) == n
    expected = _quads(seed_oxigraph) if format_for(path).quads else _distinct_triples(seed_oxigraph)
    assert _distinct_triples(seed_oxigraph) == seed_oxigraph.count()
    assert n == expected


@need("rapper")
@pytest.mark.parametrize("fmt", sorted(RAPPER))
def test_rapper_parses_every_format(seed_oxigraph, tmp_path, fmt):
    path = tmp_path / f"g{SUFFIX[fmt]}"
    n = export(seed_oxigraph, path, format_for(path))
    out = subprocess.run(["rapper", "-i", RAPPER[fmt], "-c", str(path)], capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stderr
    assert f"returned {n} triples" in out.stderr


def test_exports_are_byte_identical(seed_oxigraph, tmp_path):
    for fmt in ("turtle", "trig"):
        a, b = tmp_path / f"a{SUFFIX[fmt]}", tmp_path / f"b{SUFFIX[fmt]}"
        export(seed_oxigraph, a)
        export(seed_oxigraph, b)
        assert a.read_bytes() == b.read_bytes()


def test_quads_keep_one_graph_per_article(seed_oxigraph, tmp_path):
    path = tmp_path / "g.nq"
    export(seed_oxigraph, path)
    graphs = {q.graph_name.value for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)}
    assert graphs == {str(g) for g in seed_oxigraph.graphs()}
    assert len(graphs) == 2


def test_export_then_import_is_isomorphic(seed_oxigraph, tmp_path):
    path = tmp_path / "g.trig"
    export(seed_oxigraph, path)
    original = Dataset()
    original.parse(path, format="trig")
    other = Store("memory")
    import_file(other, path)
    again = tmp_path / "again.trig"
    export(other, again)
    copy = Dataset()
    copy.parse(again, format="trig")
    for g in original.graphs():
        if len(g):
            twin = copy.graph(g.identifier)
            assert isomorphic(Graph() + g, Graph() + twin), g.identifier


def test_with_ontology_adds_the_ontology_graph(seed_oxigraph, tmp_path):
    plain, full = tmp_path / "a.nq", tmp_path / "b.nq"
    n = export(seed_oxigraph, plain)
    m = export(seed_oxigraph, full, with_ontology=True)
    assert m > n + 100


def test_one_graph(seed_oxigraph, tmp_path):
    g = str(seed_oxigraph.graphs()[0])
    path = tmp_path / "one.ttl"
    n = export(seed_oxigraph, path, graph=g)
    assert n == seed_oxigraph.count(seed_oxigraph.graphs()[0])


def test_import_error_names_line_and_column_and_keeps_the_store(seed_oxigraph, tmp_path):
    from kg.errors import InputError

    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <https://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e \n")
    before = seed_oxigraph.count()
    with pytest.raises(InputError) as info:
        import_file(seed_oxigraph, bad)
    assert "bad.ttl" in str(info.value) and "line 4 column 1" in str(info.value)
    assert seed_oxigraph.count() == before


def test_formats_registry():
    assert set(formats()) == {"turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml"}
