"""Against a real Virtuoso 7: push the seed graph through its authenticated Graph Store (digest
auth), count it there, and run the seed questions through its /sparql endpoint."""
import json
import shutil

import pytest

from conftest import TESTDATA

from .servers import VirtuosoServer

pytestmark = [pytest.mark.server, pytest.mark.slow,
              pytest.mark.skipif(shutil.which("virtuoso-t") is None,
                                 reason="virtuoso-opensource-7 is not installed")]


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    s = VirtuosoServer(tmp_path_factory.mktemp("virtuoso"))
    yield s
    s.stop()


@pytest.fixture(scope="module")
def pushed(virtuoso, seed_oxigraph):
    from kg.interop.push import push

    report = push(seed_oxigraph, endpoint=f"{virtuoso.base}/sparql",
                  graph_store=f"{virtuoso.base}/sparql-graph-crud-auth", user="dba",
                  password="dba", batch_size=200)
    assert report.failed is None, report.failed
    return report


def test_push_lands_every_triple(pushed, seed_oxigraph):
    assert pushed.sent == sum(seed_oxigraph.count(g) for g in seed_oxigraph.graphs())
    assert pushed.counted == pushed.sent


def test_repush_duplicates_nothing(virtuoso, seed_oxigraph, pushed):
    from kg.interop.push import push

    again = push(seed_oxigraph, endpoint=f"{virtuoso.base}/sparql",
                 graph_store=f"{virtuoso.base}/sparql-graph-crud-auth", user="dba",
                 password="dba", batch_size=200)
    assert again.counted == pushed.counted


def test_seed_questions_pass_on_virtuoso(virtuoso, pushed, seed_oxigraph):
    """Virtuoso's default graph is the union of its graphs; the same questions pass there."""
    from kg.evaluate import evaluate
    from kg.interop.remote import remote_store

    remote = remote_store(f"{virtuoso.base}/sparql")
    questions = json.loads((TESTDATA / "seed_questions.json").read_text())
    local = {o.id: o.passed for o in evaluate(seed_oxigraph, questions)}
    there = {o.id: o for o in evaluate(remote, questions)}
    differ = [f"{i}: {there[i].detail}" for i in local if there[i].passed != local[i]]
    assert len(differ) <= 2, differ
    assert sum(o.passed for o in there.values()) >= 48


def test_wrong_password_is_refused_clearly(virtuoso, seed_oxigraph):
    from kg.interop.push import push

    report = push(seed_oxigraph, graph_store=f"{virtuoso.base}/sparql-graph-crud-auth",
                  user="dba", password="wrong", retries=0)
    assert report.failed and "401" in report.failed and "wrong" not in report.failed
