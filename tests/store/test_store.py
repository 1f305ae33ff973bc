"""The store on both backends: atomic graph writes, prefixes that persist, one writer, no
network, and syntax errors with line and column."""
import subprocess
import sys

import pytest
from rdflib import Literal, URIRef

from kg.errors import NetworkRefused, QueryError, StoreLocked
from kg.store import ONTOLOGY_GRAPH, Store

G = URIRef("https://example.org/graph/a")
S = URIRef("https://example.org/s")
P = URIRef("https://example.org/p")


@pytest.fixture(params=["memory", "disk"])
def store(request, tmp_path):
    s = Store("memory" if request.param == "memory" else str(tmp_path / "st"))
    yield s
    s.close()


def test_replace_graph_replaces_only_that_graph(store):
    store.replace_graph(G, [(S, P, Literal("one")), (S, P, Literal("two"))])
    other = URIRef("https://example.org/graph/b")
    store.replace_graph(other, [(S, P, Literal("kept"))])
    store.replace_graph(G, [(S, P, Literal("three"))])
    rows = store.query("SELECT ?o WHERE { GRAPH <https://example.org/graph/a> { ?s ?p ?o } }")
    assert [str(r[0]) for r in rows.rows] == ["three"]
    assert store.count(other) == 1


def test_queries_run_over_the_union_of_graphs(store):
    store.replace_graph(G, [(S, P, Literal("x"))])
    store.replace_graph(URIRef("https://example.org/graph/b"), [(S, P, Literal("y"))])
    res = store.query("SELECT ?o WHERE { <https://example.org/s> ?p ?o } ORDER BY ?o")
    assert [str(r[0]) for r in res.rows] == ["x", "y"]


def test_ontology_graph_is_loaded_but_not_counted_as_data(store):
    assert ONTOLOGY_GRAPH not in store.graphs()
    assert store.count() == 0
    assert store.count(with_ontology=True) > 100
    assert store.query("ASK { kg:Person a owl:Class }").boolean


def test_syntax_error_names_line_and_column(store):
    with pytest.raises(QueryError) as info:
        store.query("SELECT ?s\nWHERE { ?s ?p }")
    assert info.value.line == 2
    assert "line 2" in str(info.value)
    assert "^" in info.value.caret()


@pytest.mark.parametrize("q", ["SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                               "LOAD <http://example.org/data.ttl>"])
def test_network_is_refused_without_allow_network(store, q):
    with pytest.raises(NetworkRefused) as info:
        store.run(q)
    assert "--allow-network" in str(info.value)


def test_update_persists_and_query_sees_it(tmp_path):
    path = str(tmp_path / "st")
    with Store(path) as s:
        s.update('INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/a> rdfs:label "A" } }')
    with Store(path) as s:
        assert s.query("ASK { <https://example.org/a> rdfs:label \"A\" }").boolean


def test_prefixes_survive_a_restart(tmp_path):
    path = str(tmp_path / "st")
    with Store(path) as s:
        s.bind("ex", "https://example.org/")
    with Store(path) as s:
        assert s.prefixes["ex"] == "https://example.org/"
        assert s.query("ASK { FILTER(STR(ex:a) = 'https://example.org/a') }").boolean


def test_second_writer_exits_naming_the_first(tmp_path):
    path = str(tmp_path / "st")
    holder = subprocess.Popen([sys.executable, "-c",
                               f"from kg.store import Store; import time; s = Store({path!r}); "
                               "print('ready', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLocked) as info:
            Store(path, lock_wait=0.5)
        assert f"pid {holder.pid}" in str(info.value)
    finally:
        holder.kill()
        holder.wait()


def test_a_killed_writer_leaves_whole_graphs(tmp_path):
    """Each article graph is one transaction: after a kill mid-build, every graph in the store
    is complete."""
    path = str(tmp_path / "st")
    code = f"""
from kg.store import Store
from rdflib import URIRef, Literal
import os
s = Store({path!r})
for i in range(10000):
    g = URIRef(f"https://example.org/g{{i}}")
    s.replace_graph(g, [(URIRef(f"https://example.org/s{{j}}"), URIRef("https://example.org/p"),
                         Literal(j)) for j in range(50)])
    if i == 3:
        print('go', flush=True)
"""
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "go"
    p.kill()
    p.wait()
    with Store(path) as s:
        res = s.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                      "FILTER(STRSTARTS(STR(?g), 'https://example.org/g')) } GROUP BY ?g")
        assert res.rows, "some graphs were written before the kill"
        assert {int(n) for _, n in res.rows} == {50}


def test_a_triple_in_two_article_graphs_is_one_answer(store):
    """The union is a set: an entity both articles name is one row, not one per article."""
    label = (S, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Same"))
    store.replace_graph(G, [label])
    store.replace_graph(URIRef("https://example.org/graph/b"), [label])
    assert len(store.query("SELECT ?l WHERE { <https://example.org/s> rdfs:label ?l }").rows) == 1
    store.remove_graph(G)
    assert len(store.query("SELECT ?l WHERE { <https://example.org/s> rdfs:label ?l }").rows) == 1
    store.remove_graph(URIRef("https://example.org/graph/b"))
    assert len(store.query("SELECT ?l WHERE { <https://example.org/s> rdfs:label ?l }").rows) == 0


def test_delete_on_the_union_removes_it_everywhere(store):
    store.replace_graph(G, [(S, P, Literal("x")), (S, P, Literal("keep"))])
    store.update('DELETE WHERE { ?s <https://example.org/p> "x" }')
    rows = store.query("SELECT ?o WHERE { <https://example.org/s> ?p ?o }").rows
    assert [str(r[0]) for r in rows] == ["keep"]
    assert store.count(G) == 1


def test_insert_into_a_named_graph_is_queryable(store):
    store.update('INSERT DATA { GRAPH <https://example.org/graph/c> { <https://example.org/a> '
                 '<https://example.org/p> "y" } }')
    assert store.query('ASK { ?s ?p "y" }').boolean
    store.update('DROP GRAPH <https://example.org/graph/c>')
    assert not store.query('ASK { ?s ?p "y" }').boolean
