"""`kg serve`: the local store as a SPARQL endpoint, read-only by default; the seed questions
give the same answers through it."""
import json
import threading

import pytest

from conftest import TESTDATA

from .servers import free_port


@pytest.fixture(scope="module")
def endpoint(seed_memory):
    from kg.interop.serve import make_server

    port = free_port()
    server = make_server(seed_memory, port=port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}/sparql"
    server.shutdown()
    server.server_close()


def test_seed_questions_through_the_endpoint(endpoint, seed_memory):
    from kg.evaluate import evaluate
    from kg.interop.remote import remote_store

    remote = remote_store(endpoint)
    questions = json.loads((TESTDATA / "seed_questions.json").read_text())
    local = [o.passed for o in evaluate(seed_memory, questions)]
    assert [o.passed for o in evaluate(remote, questions)] == local


def test_construct_and_formats(endpoint):
    import urllib.parse
    import urllib.request

    q = urllib.parse.quote("SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l }")
    req = urllib.request.Request(f"{endpoint}?query={q}", headers={"Accept": "text/csv"})
    body = urllib.request.urlopen(req).read().decode()
    assert body.startswith("l\r\n") and "Jen Daskal" in body
    from kg.interop.remote import remote_store

    res = remote_store(endpoint).query("CONSTRUCT { ?p a kg:Person } WHERE { ?p a kg:Person }")
    assert len(res.triples) == 4


def test_read_only_by_default(endpoint):
    import urllib.error
    import urllib.request

    req = urllib.request.Request(endpoint, data=b"update=CLEAR%20ALL", method="POST",
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(req)
    assert info.value.code == 403


def test_bad_query_is_400(endpoint):
    from kg.errors import QueryError
    from kg.interop.remote import remote_store

    with pytest.raises(QueryError):
        remote_store(endpoint).query("SELECT ?s WHERE { ?s ?p }")


def test_shell_against_a_remote_endpoint(endpoint):
    """The shell's executor works on a remote_store: queries, \\stats, \\graphs, \\describe."""
    from kg.interop.remote import remote_store
    from kg.shell.config import Settings
    from kg.shell.executor import Executor

    ex = Executor(remote_store(endpoint), Settings(timing=False))
    assert "4 rows" in ex.execute("SELECT ?p WHERE { ?p a kg:Person }").text
    assert "articles 2" in ex.execute("\\stats").text
    assert "article:" in ex.execute("\\graphs").text
    assert "kg:holdsPosition" in ex.execute("\\describe Jen Daskal").text
    assert ex.execute("INSERT DATA { <a:b> <a:c> <a:d> }").error  # read-only


def test_kg_serve_command(tmp_path):
    """The real `kg serve` process answers on 127.0.0.1 and stops on SIGTERM."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from kg.interop.remote import remote_store

    env = dict(os.environ, KG_STORE=str(tmp_path / "st"))
    ttl = tmp_path / "x.ttl"
    ttl.write_text('<https://e.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n')
    subprocess.run([sys.executable, "-m", "kg.cli", "import", str(ttl)], env=env, check=True,
                   capture_output=True)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        remote = remote_store(f"http://127.0.0.1:{port}/sparql")
        deadline = time.time() + 20
        while True:
            try:
                assert remote.query('ASK { ?s rdfs:label "A" }').boolean
                break
            except Exception:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        os.kill(proc.pid, signal.SIGINT)
        proc.wait(10)
