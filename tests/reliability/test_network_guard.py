"""Without --allow-network no query or update opens a connection or reads a file, on any
backend, whatever clause names a graph; harmless words (?load, ex:service) are not refused.
A real loopback listener records every connection attempt."""
import socket
import threading

import pytest

from kg.errors import NetworkRefused
from kg.store import Store


@pytest.fixture
def listener():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    srv.settimeout(0.2)
    hits = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            hits.append(1)
            conn.close()

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.getsockname()[1]}/g.ttl", hits
    stop.set()
    t.join(1)
    srv.close()


@pytest.mark.parametrize("location", ["memory", "disk"])
@pytest.mark.parametrize("clause", [
    "SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "DELETE {{ ?s ?p ?o }} USING <{url}> WHERE {{ ?s ?p ?o }}",
])
@pytest.mark.tries("a graph clause naming a URL")
def test_graph_clauses_open_no_connection(tmp_path, listener, location, clause):
    url, hits = listener
    store = Store("memory" if location == "memory" else tmp_path / "s")
    try:
        store.run(clause.format(url=url))
    except Exception:
        pass  # refusing is fine too; connecting is not
    finally:
        store.close()
    assert hits == []


@pytest.mark.parametrize("location", ["memory", "disk"])
@pytest.mark.tries("a FROM naming a local file")
def test_file_iris_are_not_read(tmp_path, location):
    secret = tmp_path / "secret.ttl"
    secret.write_text("<urn:a> <urn:b> 'secret' .\n")
    store = Store("memory" if location == "memory" else tmp_path / "s")
    try:
        rows = store.query(f"SELECT ?o FROM <file://{secret}> WHERE {{ ?s ?p ?o }}").rows
    finally:
        store.close()
    assert all(str(r[0]) != "secret" for r in rows)


@pytest.mark.tries("SERVICE", "LOAD", "a variable ?load", "a property ex:load-date")
def test_service_and_load_are_refused_but_lookalikes_are_not():
    store = Store("memory")
    try:
        with pytest.raises(NetworkRefused):
            store.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
        with pytest.raises(NetworkRefused):
            store.update("LOAD <http://127.0.0.1:9/x.ttl>")
        store.query("PREFIX ex: <urn:ex:> SELECT ?load WHERE { ?load ex:service ?x }")
        store.query("PREFIX ex: <urn:ex:> SELECT * WHERE { ?s ex:load-date ?d }")
    finally:
        store.close()
