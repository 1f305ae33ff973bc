"""The streamed, sorted export writes what sorting every quad in memory writes, byte for byte,
whatever the store holds: user triples outside any graph, blank nodes, escapes, the ontology,
and unions larger than one in-memory run of the external sort."""
import random

import pyoxigraph as ox
import pytest

from kg.export import export, format_for
from kg.store import ONTOLOGY_GRAPH, Store, dump
from kg.store.protocol import sorted_in_memory

SUFFIX = [".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf"]
ODD = ('"tab\\there" , "line\\nbreak" , "quote \\" and \\\\ slash" , "é 😀" , "x"@en-US , '
       '"1"^^xsd:integer , <https://w3id.org/newskg/resource/a/b> , _:b1')


@pytest.fixture()
def odd_store(tmp_path):
    store = Store(str(tmp_path / "store"))
    store.update(f"INSERT DATA {{ GRAPH <https://ex.org/g/a> {{ <https://ex.org/s> <https://ex.org/p> "
                 f"{ODD} }} GRAPH <https://ex.org/g/a/b> {{ <https://ex.org/s> <https://ex.org/p> 1 , "
                 f"'shared' }} GRAPH <https://ex.org/g> {{ <https://ex.org/t> <https://ex.org/p> "
                 f"'shared' }} }}")
    store.update("INSERT DATA { <https://ex.org/only> <https://ex.org/in> 'the default graph' }")
    yield store
    store.close()


def _in_memory(store, path, graph=None, with_ontology=False) -> bytes:
    """What export wrote before it streamed: every quad sorted in memory (as the memory and
    remote backends still do), then serialized."""
    fmt = format_for(path)
    lines = sorted_in_memory(store.backend, graph, skip=None if with_ontology else ONTOLOGY_GRAPH,
                             as_triples=not fmt.quads)
    items = ox.parse(b"".join(lines), format=ox.RdfFormat.N_QUADS)
    prefixes = None if fmt.name in ("ntriples", "nquads") else store.prefixes
    return ox.serialize(items, format=fmt.ox, prefixes=prefixes)


@pytest.mark.parametrize("suffix", SUFFIX)
@pytest.mark.parametrize("with_ontology", [False, True])
def test_streamed_export_equals_the_in_memory_sort(odd_store, tmp_path, suffix, with_ontology):
    out = tmp_path / f"x{suffix}"
    n = export(odd_store, out, with_ontology=with_ontology)
    assert out.read_bytes() == _in_memory(odd_store, out, with_ontology=with_ontology)
    assert n == len(list(ox.parse(path=str(out), format=format_for(out).ox)))


@pytest.mark.parametrize("suffix", SUFFIX)
def test_one_graph_streamed_equals_the_in_memory_sort(odd_store, tmp_path, suffix):
    from rdflib import URIRef

    out = tmp_path / f"x{suffix}"
    export(odd_store, out, graph="https://ex.org/g/a")
    assert out.read_bytes() == _in_memory(odd_store, out, URIRef("https://ex.org/g/a"))


def test_rdfxml_refusal_leaves_no_file(odd_store, tmp_path):
    from kg.errors import UsageError

    odd_store.update("INSERT DATA { GRAPH <https://ex.org/g/c> { <https://ex.org/s> "
                     "<https://ex.org/p> 'bell \\u0007 rings' } }")
    out = tmp_path / "x.rdf"
    with pytest.raises(UsageError, match="control character"):
        export(odd_store, out)
    assert list(tmp_path.iterdir()) == [tmp_path / "store"]


@pytest.mark.parametrize("run", [1, 64, 5000, 1 << 20])
def test_external_sort_spills_and_merges_in_order(tmp_path, run):
    rnd = random.Random(3)
    lines = [f"<https://ex.org/{rnd.randrange(10**6)}> \"{rnd.random()} é\" .\n"
             for _ in range(1000)] + ["<https://ex.org/\u00ff> <p> \"\U0001f600 \u2028\" .\n"] * 2
    data = "".join(lines).encode()
    runs = dump.Runs(tmp_path, run=run)
    for at in range(0, len(data), 777):  # written in pieces that cut lines, as a dump does
        runs.write(data[at:at + 777])
    blocks = list(runs.sorted())
    assert [line.decode() for b in blocks for line in b] == sorted(lines)
    assert (len(blocks) == 1) == (run == 1 << 20)  # one block when it fits in one run
    assert list(tmp_path.iterdir()) == []  # the runs are gone


def test_union_export_over_many_runs_equals_the_in_memory_sort(seed_oxigraph, tmp_path,
                                                               monkeypatch):
    monkeypatch.setattr(dump, "RUN", 8000)  # the seed union is 600 lines: a dozen runs
    monkeypatch.setattr(dump, "BLOCK", 500)  # and a merge of many steps
    out = tmp_path / "x.ttl"
    export(seed_oxigraph, out)
    assert out.read_bytes() == _in_memory(seed_oxigraph, out)


def test_a_user_update_marks_the_union_as_possibly_holding_more(tmp_path):
    """Exports skip the search for triples outside any graph only while none can exist."""
    with Store(str(tmp_path / "s")) as store:
        assert store.union_exact
        store.update("INSERT DATA { <https://ex.org/x> <https://ex.org/p> 'outside' }")
        assert not store.union_exact
    with Store(str(tmp_path / "s")) as store:
        assert not store.union_exact
        export(store, tmp_path / "x.nq")
    assert '<https://ex.org/x> <https://ex.org/p> "outside" .\n' in (tmp_path / "x.nq").read_text()


@pytest.mark.parametrize("suffix", [".nq", ".ttl"])
def test_export_into_a_stream_writes_the_file_bytes(seed_oxigraph, tmp_path, suffix):
    import io

    out = tmp_path / f"x{suffix}"
    export(seed_oxigraph, out)
    buf = io.BytesIO()
    export(seed_oxigraph, buf, format_for(out))
    assert buf.getvalue() == out.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no scratch folder left


@pytest.mark.parametrize("suffix", SUFFIX[:-1])  # RDF/XML refuses \x1c, a control character
def test_line_separators_inside_literals_stay_inside(tmp_path, suffix):
    """U+2028, U+0085 and U+001C end a line for Python's str.splitlines but not for
    N-Triples: a graph holding them exports whole and parses back to the same literals."""
    text = "a\u2028b\u0085c\u001cd"
    with Store(str(tmp_path / "s")) as store:
        store.update('INSERT DATA { GRAPH <https://ex.org/g> { <https://ex.org/s> '
                     '<https://ex.org/p> "a\\u2028b\\u0085c\\u001cd" , "z" } }')
        out = tmp_path / f"x{suffix}"
        n = export(store, out)
        one = tmp_path / f"one{suffix}"
        export(store, one, graph="https://ex.org/g")
        assert out.read_bytes() == _in_memory(store, out)
    for path in (out, one):
        values = sorted(q.object.value for q in ox.parse(path=str(path),
                                                          format=format_for(path).ox))
        assert values == [text, "z"] and n == 2
