"""Imports stream through Oxigraph's bulk loader: the union stays the set of the graphs'
triples, blank nodes stay one node in both, and a killed import leaves the file all out."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from kg.export import import_file
from kg.store import Store

TRIG = """@prefix ex: <https://ex.org/> .
ex:s ex:p _:b1 . _:b1 ex:q "x" .
ex:g1 { ex:s ex:p "in g1" . _:c ex:r ex:s . }
ex:g2 { ex:s ex:p "in g1" . ex:t ex:p 1 . }
"""
OUTSIDE = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"
MISSING = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }"


def _n(store, q) -> int:
    return int(store.query(q).rows[0][0])


@pytest.mark.parametrize("text", [TRIG, TRIG.replace("_:b1", "ex:b1").replace("_:c", "ex:c")])
def test_the_union_is_exactly_the_graphs_triples(tmp_path, text):
    f = tmp_path / "a.trig"
    f.write_text(text)
    with Store(str(tmp_path / "s")) as store:
        graph, n = import_file(store, f)
        assert n == 5  # "in g1" is in two graphs and counted once
        assert _n(store, OUTSIDE) == 0 and _n(store, MISSING) == 0
        assert store.count(graph) == 2 and _n(store, "SELECT (COUNT(*) AS ?n) WHERE { "
                                                    "?x <https://ex.org/q> 'x' }") == 1
        assert store.query("ASK { ?s <https://ex.org/p> ?b . ?b <https://ex.org/q> 'x' }").boolean


def test_reimport_replaces_and_progress_reaches_the_end(tmp_path):
    f = tmp_path / "b.ttl"
    f.write_text("<https://ex.org/s> <https://ex.org/p> 'one' , 'two' .")
    seen = []
    with Store(str(tmp_path / "s")) as store:
        graph, _ = import_file(store, f)
        f.write_text("<https://ex.org/s> <https://ex.org/p> 'three' .")
        import_file(store, f, progress=lambda stage, done, total: seen.append((stage, done, total)))
        assert store.count(graph) == 1 and store.count() == 1
    assert ("loading", 2, 2) == seen[-1] and any(s == "parsing" for s, _, _ in seen)
    assert not [p for p in (tmp_path / "s").iterdir() if p.name.startswith(".import-")]


def _big(path, graphs=400, per=250):
    with open(path, "w") as f:
        for g in range(graphs):
            for i in range(per):
                f.write(f"<https://ex.org/s{i}> <https://ex.org/p> \"v {g} {i}\" <https://ex.org/g{g}> .\n")


@pytest.mark.slow
def test_a_killed_import_leaves_nothing(tmp_path):
    store_dir, big = tmp_path / "s", tmp_path / "big.nq"
    _big(big)
    small = tmp_path / "small.ttl"
    small.write_text("<https://ex.org/kept> <https://ex.org/p> 'kept' .")
    with Store(str(store_dir)) as store:
        import_file(store, small)
        before = store.count()
    meta = store_dir / "meta.json"
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "--store", str(store_dir), "import",
                             str(big)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if meta.exists() and "importing" in meta.read_text():
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the import ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(str(store_dir)) as store:
        assert store.count() == before
        assert _n(store, OUTSIDE) == 0 and _n(store, MISSING) == 0
        assert "importing" not in json.loads(meta.read_text())
        import_file(store, big)  # and the next import puts it all in
        assert store.count() == before + 100_000
