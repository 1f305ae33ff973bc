"""The build reads what resolution needs from the store once: the rows it keeps as it writes
each graph are the rows a fresh read of the store gives, and those are the answers of the four
SPARQL queries the index is defined by. On real articles, on both backends."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import BuildReport, build_articles, content_hash, first_pass, one_per_iri, read_inputs
from kg.extract import index_file
from kg.extract.index_rows import IndexRows, Rows, _sorted
from kg.extract.nlp import load
from kg.extract.resolve import StoreIndex
from kg.store import Store
from rdflib import URIRef

CORPUS = Path(__file__).resolve().parent / "corpus" / "articles"

QUERIES = Rows(
    names="SELECT ?s ?t ?l ?a WHERE { ?s a ?t ; rdfs:label ?l . VALUES ?t { kg:Person "
          "kg:Organization kg:Country kg:Place kg:Substance kg:Delegation kg:Actor } "
          "OPTIONAL { ?s skos:altLabel ?a } }",
    posts="SELECT ?p ?pos ?l ?c WHERE { ?p kg:holdsPosition ?pos . ?pos rdfs:label ?l "
          "OPTIONAL { ?pos kg:positionIn ?c } }",
    labels="SELECT ?s ?l WHERE { ?s a ?t ; rdfs:label ?l . "
           "VALUES ?t { kg:Event kg:Position kg:WorkingGroup } }",
    events="SELECT ?e ?t ?d ?p ?loc WHERE { ?e a ?t . VALUES ?t { kg:Meeting kg:Summit "
           "kg:EnforcementAction } OPTIONAL { ?e kg:date ?d } OPTIONAL { ?e kg:participant ?p } "
           "OPTIONAL { ?e kg:location ?loc } }")


def by_sparql(store) -> Rows:
    """Each query's answer as a set of rows, sorted as the index reads them; the labels query
    without ?t, which one subject with two of its types answers twice."""
    return Rows(*(_sorted(set(store.query(q).rows)) for q in QUERIES))


def contents(index: StoreIndex) -> dict:
    """Everything the index holds, in the order it holds it (order decides ties)."""
    return {"names": list(index.names.items()), "labels": list(index.labels.items()),
            "people": {p: sorted(t) for p, t in index.people.items()},
            "posts": list(index.posts.items()), "post_state": dict(index.post_state),
            "person_words": {w: sorted(p) for w, p in index.person_words.items()},
            "events": [(e.iri, e.kind, e.date, sorted(e.participants), sorted(e.locations))
                       for e in index.events.values()],
            "by_actor": {a: [e.iri for e in evs] for a, evs in index.by_actor.items()}}


@pytest.fixture(scope="module")
def halves():
    articles = read_inputs([str(CORPUS)], BuildReport())
    assert len(articles) > 60
    return articles[:len(articles) // 2], articles[len(articles) // 2:]


@pytest.mark.parametrize("backend", ["oxigraph", "memory"])
def test_the_rows_kept_through_a_first_pass_are_what_the_store_holds(backend, halves, tmp_path):
    first, second = halves
    with Store("memory" if backend == "memory" else tmp_path / "store") as store:
        build_articles(store, first)
        kept = IndexRows.read(store)
        assert kept.rows() == by_sparql(store)
        index = StoreIndex(store)
        index.fold(kept)
        todo = [(a, iri, content_hash(a)) for a, iri in one_per_iri(second, BuildReport())]
        docs = load().pipe(a.text for a, _, _ in todo)
        report = BuildReport()
        first_pass(store, todo, docs, index, kept, report)
        assert report.written == len(second)
        fresh = IndexRows.read(store).rows()
        assert kept.rows() == fresh == by_sparql(store)
        assert len(fresh.names) > 300 and len(fresh.events) > 20 and len(fresh.posts) > 50
        folded, loaded = StoreIndex(store), StoreIndex(store)
        folded.fold(kept)
        loaded.load()
        assert contents(folded) == contents(loaded)


def test_the_index_does_not_depend_on_the_order_graphs_are_taken_in(halves):
    """The index folds sorted rows: the same graphs taken in opposite orders give the same
    index, down to the order of its dictionaries (which decides ties)."""
    with Store("memory") as store:
        build_articles(store, halves[0] + halves[1])
        graphs = [store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                              {"g": g}).triples for g in store.graphs()]
    indexes = []
    for order in (graphs, graphs[::-1]):
        kept = IndexRows()
        for triples in order:
            kept.add(triples)
        indexes.append(StoreIndex(None))
        indexes[-1].fold(kept)
    assert len(indexes[0].names) > 300 and len(indexes[0].events) > 20
    assert contents(indexes[0]) == contents(indexes[1])


def _maps(rows: IndexRows) -> dict:
    return {name: {s: v for s, v in getattr(rows, name).items() if v} for name in index_file.MAPS} \
        | {"holds": rows.holds, "held": rows.held}


def _loaded(store) -> IndexRows:
    rows, origin = index_file.load(store)
    assert origin is not None  # from the file, not read from the store
    return rows


def test_a_build_keeps_beside_the_store_what_a_fresh_read_gives(halves, tmp_path):
    """After each build (into an empty store, then two more, which resolve some of the first
    articles again) the rows kept in index.bin are the rows a read of the store gives, term for
    term: the first build writes them whole, the next ones append what they added."""
    first, second = halves
    with Store(tmp_path / "store") as store:
        for part in (first, second[:10], second[10:30]):  # (the last two small enough to be
            build_articles(store, part)  # appended: under MAX_LOOKUPS newly typed subjects)
            loaded = _loaded(store)
            assert _maps(loaded) == _maps(IndexRows.read(store))
            assert loaded.rows() == by_sparql(store)
        assert index_file.load(store)[1][1] == 3  # one part per build


def test_any_write_drops_the_kept_index_and_the_next_build_reads_the_store(halves, tmp_path):
    """A write that is not a build's (an update, a removed graph) voids index.bin before it
    touches the data, so what the next build loads is always what the store holds."""
    with Store(tmp_path / "store") as store:
        build_articles(store, halves[0][:6])
        _loaded(store)
        person = store.query("SELECT ?p WHERE { ?p a kg:Person } ORDER BY ?p LIMIT 1").rows[0][0]
        store.update(f"INSERT DATA {{ GRAPH <urn:x> {{ <{person}> skos:altLabel 'Someone' }} }}")
        assert index_file.load(store)[1] is None
        build_articles(store, halves[0][6:8])
        loaded = _loaded(store)
        assert "Someone" in {str(a) for a in loaded.alts[person]}
        assert _maps(loaded) == _maps(IndexRows.read(store))
        store.remove_graph(URIRef("urn:x"))
        assert index_file.load(store)[1] is None
        assert not index_file.load(store)[0].alts.get(person)
