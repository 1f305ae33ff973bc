"""Against a real Oxigraph server: push the seed graph, count it there, run the seed questions
through `--endpoint` and get the same answers as locally; re-pushing duplicates nothing."""
import json
import subprocess
import sys

import pytest

from conftest import TESTDATA

from .servers import OxigraphServer, oxigraph_binary

pytestmark = [pytest.mark.server,
              pytest.mark.skipif(oxigraph_binary() is None, reason="oxigraph is not installed")]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = OxigraphServer(tmp_path_factory.mktemp("oxiserver"))
    yield s
    s.stop()


@pytest.fixture(scope="module")
def pushed(server, seed_oxigraph):
    from kg.interop.push import push

    report = push(seed_oxigraph, endpoint=f"{server.base}/query",
                  graph_store=f"{server.base}/store", batch_size=100)
    assert report.failed is None
    return report


def _answers(store, q):
    from kg.namespaces import sparql_prologue

    res = store.query(sparql_prologue() + q["query"])
    return res.boolean if res.type == "ASK" else sorted(str(r[0]) for r in res.rows)


def test_push_counts_match(pushed, seed_oxigraph):
    assert pushed.sent == sum(seed_oxigraph.count(g) for g in seed_oxigraph.graphs())
    assert pushed.counted == pushed.sent
    assert len(pushed.graphs) == 2


def test_seed_questions_give_the_same_answers_remotely(pushed, server, seed_oxigraph):
    """The server's default graph is not the union, so its queries run over the named graphs
    the way a user would ask them: through kg query --endpoint with the union as default."""
    from kg.interop.remote import remote_store

    remote = remote_store(f"{server.base}/query?union-default-graph")
    for q in json.loads((TESTDATA / "seed_questions.json").read_text()):
        assert _answers(remote, q) == _answers(seed_oxigraph, q), q["id"]


def test_repush_duplicates_nothing(server, seed_oxigraph, pushed):
    from kg.interop.push import push

    again = push(seed_oxigraph, endpoint=f"{server.base}/query",
                 graph_store=f"{server.base}/store", batch_size=100)
    assert again.counted == pushed.counted


def test_push_with_sparql_update_into_one_graph(server, seed_oxigraph):
    from kg.interop.push import push

    report = push(seed_oxigraph, endpoint=f"{server.base}/query",
                  update_endpoint=f"{server.base}/update", graph="https://example.org/all",
                  batch_size=250)
    assert report.failed is None and report.counted == seed_oxigraph.count()


def test_kg_query_endpoint_cli(pushed, server):
    out = subprocess.run([sys.executable, "-m", "kg.cli", "query", "--endpoint",
                          f"{server.base}/query?union-default-graph",
                          "SELECT DISTINCT ?l WHERE { ?p a kg:Person ; rdfs:label ?l } ORDER BY ?l",
                          "--format", "csv"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["l", "Jen", "Daskal", "Joe", "Biden", "Wang", "Xiaohong",
                                  "Xi", "Jinping"]


def test_remote_is_read_only_without_update_endpoint(server):
    from kg.errors import RemoteError
    from kg.interop.remote import remote_store

    with pytest.raises(RemoteError, match="--update-endpoint"):
        remote_store(f"{server.base}/query").update("INSERT DATA { <a:b> <a:c> <a:d> }")


def test_shell_completion_draws_on_the_remote(pushed, server):
    from kg.interop.remote import remote_store
    from kg.shell.catalog import load
    from kg.shell.completer import suggest

    cat = load(remote_store(f"{server.base}/query?union-default-graph"), limit=1000)
    assert suggest("Dask", 4, cat)[0].text == "person:jen-daskal"


def test_cli_push_exits_non_zero_when_the_count_disagrees(server, tmp_path_factory):
    """Counted on another (empty) server than the one written to: the counts disagree."""
    from conftest import DATA

    other = OxigraphServer(tmp_path_factory.mktemp("other"))
    try:
        store = str(tmp_path_factory.mktemp("pushsrc") / "st")
        assert subprocess.run([sys.executable, "-m", "kg.cli", "--store", store, "build",
                               str(DATA)], capture_output=True).returncode == 0
        res = subprocess.run([sys.executable, "-m", "kg.cli", "--store", store, "push",
                              "--graph-store", f"{server.base}/store",
                              "--endpoint", f"{other.base}/query"],
                             capture_output=True, text=True, timeout=120)
    finally:
        other.stop()
    assert res.returncode == 1 and "different number" in res.stderr, res.stderr
