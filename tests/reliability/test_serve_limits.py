"""kg serve under pressure: malformed and oversized requests get 4xx answers, a slow query
neither blocks a fast one nor outlives its timeout, and 50 clients at once all get answers."""
import concurrent.futures
import http.client
import threading
import time
import urllib.parse

import pytest

from kg.interop.serve import make_server
from kg.store import Store

# About 5 s of work: longer than the server's timeout, short enough to finish in the background.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }"


@pytest.fixture
def server(tmp_path):
    store = Store(tmp_path / "st")
    store.update("INSERT DATA { " + " ".join(f"<urn:s{i}> <urn:p> {i} ." for i in range(350))
                 + " }")
    srv = make_server(store, port=0, timeout=1.0)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield srv.server_address[1]
    srv.shutdown()
    srv.server_close()
    store.close()


def _request(port, method="GET", path="/sparql?query=ASK%7B%7D", body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    res = conn.getresponse()
    data = res.read()
    conn.close()
    return res.status, data


@pytest.mark.tries("a Content-Length that is not a number",
                   "a 50 MB request body",
                   "a malformed query over HTTP")
def test_malformed_and_oversized_requests(server):
    status, _ = _request(server, "POST", "/sparql", body=b"x",
                         headers={"Content-Length": "abc", "Content-Type": "application/sparql-query"})
    assert status == 400
    status, _ = _request(server, "POST", "/sparql", body=b"",
                         headers={"Content-Length": str(50 * 1024 * 1024),
                                  "Content-Type": "application/sparql-query"})
    assert status == 413
    status, body = _request(server, "GET", "/sparql?query=" + urllib.parse.quote("SELEC ?x"))
    assert status == 400 and b"Traceback" not in body


@pytest.mark.tries("a slow query beside a fast one")
def test_a_slow_query_does_not_block_a_fast_one_and_times_out(server):
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        slow = pool.submit(_request, server, "GET", "/sparql?query=" + urllib.parse.quote(SLOW))
        time.sleep(0.3)
        start = time.monotonic()
        status, _ = _request(server)
        assert status == 200 and time.monotonic() - start < 1.5
        status, body = slow.result(timeout=30)
    assert status == 503 and b"longer than" in body


@pytest.mark.tries("fifty clients at once")
def test_fifty_clients_at_once(server):
    with concurrent.futures.ThreadPoolExecutor(50) as pool:
        results = list(pool.map(lambda _: _request(server)[0], range(50)))
    assert results == [200] * 50
