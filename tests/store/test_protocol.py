"""Every backend implements kg.store.protocol.Backend and answers alike: Oxigraph on disk,
rdflib's memory store, and a remote endpoint (kg serve on a real socket), all through Store."""
import threading

import pytest
from rdflib import Literal, URIRef

from kg.export import export
from kg.interop.remote import RemoteBackend, remote_store
from kg.store import ONTOLOGY_GRAPH, Store
from kg.store.backends import OxigraphBackend
from kg.store.memory import MemoryBackend
from kg.store.protocol import Backend

from interop.servers import free_port

EX = "https://example.org/"


def _operations() -> set[str]:
    return {n for n, v in vars(Backend).items() if callable(v) and not n.startswith("_")}


@pytest.mark.parametrize("cls", [OxigraphBackend, MemoryBackend, RemoteBackend])
def test_every_backend_has_every_operation(cls):
    assert _operations() <= {n for n in dir(cls) if callable(getattr(cls, n))}
    assert isinstance(cls.name, str) and isinstance(cls.concurrent_reads, bool)


@pytest.fixture()
def served(tmp_path):
    """kg serve over a fresh Oxigraph store, updates allowed; yields (local store, endpoint)."""
    from kg.interop.serve import make_server

    store = Store(str(tmp_path / "served"))
    port = free_port()
    server = make_server(store, port=port, allow_update=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield store, f"http://127.0.0.1:{port}/sparql"
    server.shutdown()
    server.server_close()
    store.close()


def _fill(store: Store) -> None:
    store.replace_graph(URIRef(EX + "g/a"), [
        (URIRef(EX + "s"), URIRef(EX + "p"), Literal("shared")),
        (URIRef(EX + "s"), URIRef(EX + "p"), Literal("x", lang="en")),
        (URIRef(EX + "s"), URIRef(EX + "q"), Literal(1))])
    store.replace_graph(URIRef(EX + "g/b"), [
        (URIRef(EX + "t"), URIRef(EX + "p"), Literal("shared")),
        (URIRef(EX + "s"), URIRef(EX + "p"), Literal("shared"))])


def _answers(store: Store) -> dict:
    a, b = URIRef(EX + "g/a"), URIRef(EX + "g/b")
    return {"graphs": store.graphs(), "count": store.count(), "a": store.count(a),
            "b": store.count(b), "has": (store.has_graph(a), store.has_graph(URIRef(EX + "none"))),
            "quads": sorted(str(q) for q in store.quads()),
            "union": sorted(str(t) for t in store.triples()),
            "ask": store.query("ASK { ?s ?p ?o }", {"o": Literal("shared")}).boolean}


def test_the_backends_answer_alike(tmp_path, served):
    local, endpoint = served
    remote = remote_store(endpoint, endpoint)
    stores = [Store(str(tmp_path / "ox")), Store("memory"), remote]
    for store in stores:
        _fill(store)
    first = _answers(stores[0])
    assert first["count"] == 4 and first["a"] == 3 and first["has"] == (True, False)
    for store in stores[1:]:
        assert _answers(store) == first, store.location
    # the remote wrote into the served store, and counts one graph through a bound query
    assert local.count(URIRef(EX + "g/a")) == remote.count(URIRef(EX + "g/a")) == 3
    remote.remove_graph(URIRef(EX + "g/a"))
    assert not local.has_graph(URIRef(EX + "g/a"))
    stores[0].close()


@pytest.mark.parametrize("suffix", [".nq", ".ttl"])
def test_an_export_is_the_same_bytes_from_every_backend(seed_oxigraph, seed_memory, tmp_path,
                                                        suffix):
    from kg.interop.serve import make_server

    port = free_port()
    server = make_server(seed_oxigraph, port=port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        written = []
        for n, store in enumerate([seed_oxigraph, seed_memory,
                                   remote_store(f"http://127.0.0.1:{port}/sparql")]):
            out = tmp_path / f"{n}{suffix}"
            export(store, out)
            written.append(out.read_bytes())
    finally:
        server.shutdown()
        server.server_close()
    assert written[0] and written[0] == written[1] == written[2]
    assert f"<{ONTOLOGY_GRAPH}>".encode() not in written[0]  # left out on every backend


def test_a_read_only_endpoint_refuses_writes_by_name(served):
    from kg.errors import RemoteError

    _, endpoint = served
    with pytest.raises(RemoteError, match="read-only here"):
        remote_store(endpoint).replace_graph(URIRef(EX + "g"), [])
