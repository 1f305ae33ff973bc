"""One writer, many readers: while a real process holds the store as its writer (a python
process, or a `kg shell`), `kg query`, `kg stats` and `kg export` answer at once with the data,
write nothing, and a write from a reader names the writer."""
import hashlib
import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.store import Store

KG = [sys.executable, "-m", "kg.cli"]

# A writer: creates the store, writes 20 graphs of 50 triples and holds the store open. On
# "more" it writes 20 more and compacts the store (what a busy writer's RocksDB does by itself),
# so a snapshot opened before loses its files.
WRITER = r"""
import sys
from rdflib import Literal, URIRef
from kg.store import Store

s = Store(sys.argv[1])

def write(tag):
    for i in range(20):
        g = f"https://example.org/{tag}/{i}"
        s.replace_graph(URIRef(g), [(URIRef(f"{g}/s{j}"), URIRef("https://example.org/p"),
                                     Literal(j)) for j in range(50)])
        s.flush()  # a table file per graph: more than a reader opens in advance

write("a")
print("ready", flush=True)
for line in sys.stdin:
    if line.strip() == "more":
        write("b")
        s.backend.ox.optimize()
        print("done", flush=True)
"""


@pytest.fixture()
def writer(tmp_path):
    path = tmp_path / "st"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    proc.path = path
    yield proc
    proc.stdin.close()
    proc.wait(timeout=60)


def kg(*args, store, input=None):
    return subprocess.run(KG + ["--store", str(store), *args], capture_output=True, text=True,
                          input=input, timeout=120)


def test_query_stats_and_export_answer_beside_a_writer(writer, tmp_path):
    res = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s <https://example.org/p> ?o }",
             "--format", "csv", store=writer.path)
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["n", "1000"]
    res = kg("stats", store=writer.path)
    assert res.returncode == 0, res.stderr
    assert "triples   1000" in res.stdout and "graphs    20" in res.stdout
    assert len(kg("stats", "--graphs", store=writer.path).stdout.splitlines()) == 20
    out = tmp_path / "all.nq"
    res = kg("export", "-o", str(out), store=writer.path)
    assert res.returncode == 0, res.stderr
    assert len(out.read_text().splitlines()) == 1000
    assert writer.poll() is None  # the writer still holds the store


READER = r"""
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))  # a regression must not eat the host
from kg.store import Store

s = Store(sys.argv[1], read_only=True)
print("open", flush=True)
sys.stdin.readline()
print(s.count(), len(s.graphs()), flush=True)
s.close()
"""


def test_a_reader_keeps_its_snapshot_while_the_writer_compacts(writer):
    """RocksDB's read-only instance opens table files lazily; the writer's compaction deletes
    them. The reader's snapshot keeps them readable, and keeps showing the store as it was."""
    reader = subprocess.Popen([sys.executable, "-c", READER, str(writer.path)], text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    try:
        assert reader.stdout.readline().strip() == "open"
        writer.stdin.write("more\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "done"  # 20 more graphs, then compacted
        out, err = reader.communicate("go\n", timeout=120)
    finally:
        reader.kill()
    assert reader.returncode == 0, err
    assert out.split() == ["1000", "20"]
    res = kg("stats", store=writer.path)  # a new reader sees the new graphs
    assert "triples   2000" in res.stdout and "graphs    40" in res.stdout


def test_a_write_from_a_reader_names_the_writer(writer):
    with Store(str(writer.path), read_only=True) as reader:
        for write in (lambda: reader.update("INSERT DATA { <urn:a> <urn:b> 1 }"),
                      lambda: reader.bind("ex", "https://example.org/"),
                      lambda: reader.remove_graph(reader.graphs()[0]),
                      lambda: reader.mark_unfinished(["urn:x"])):
            with pytest.raises(StoreError) as info:
                write()
            assert f"being written by pid {writer.pid}" in str(info.value)
        assert reader.count() == 1000 and "ex" not in reader.prefixes


def _files(path: Path, names=None) -> dict:
    """Each file's modification time and digest: every file under `path`, or only `names`.
    Beside a live writer only kg's own files may be read: its RocksDB deletes table and log
    files whenever it compacts, so one listed can be gone by the time it is read (the
    FileNotFoundError this test once failed with under load)."""
    files = [path / n for n in names] if names is not None else \
        [p for p in sorted(path.rglob("*")) if p.is_file()]
    return {str(p.relative_to(path)): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes())
                                       .hexdigest()) for p in files}


def test_readers_write_nothing_even_where_the_store_wants_repair(writer, tmp_path):
    meta = writer.path / "meta.json"
    stale = json.loads(meta.read_text())
    stale["ontology"] = "an older ontology"  # a writer's open would bring it up to date
    meta.write_text(json.dumps(stale))
    own = ("meta.json", "kg.lock")  # the writer's RocksDB may compact meanwhile; kg's files not
    before = _files(writer.path, own)
    assert kg("query", "ASK { ?s ?p ?o }", store=writer.path).stdout.strip() == "yes"
    assert kg("stats", store=writer.path).returncode == 0
    assert kg("export", "-o", str(tmp_path / "x.ttl"), store=writer.path).returncode == 0
    assert _files(writer.path, own) == before
    assert sorted(os.listdir(writer.path)) == ["kg.lock", "meta.json", "oxigraph"]


def test_with_no_writer_readers_write_nothing_and_repair_what_needs_it(writer, tmp_path):
    writer.stdin.close()
    writer.wait(timeout=60)
    before = _files(writer.path)  # with no writer, not a byte of the store changes
    assert kg("stats", store=writer.path).returncode == 0
    assert kg("export", "-o", str(tmp_path / "x.nq"), store=writer.path).returncode == 0
    assert _files(writer.path) == before
    meta = writer.path / "meta.json"
    noted = json.loads(meta.read_text())
    noted["importing"] = ["https://example.org/a/0"]  # an import a kill left half done
    meta.write_text(json.dumps(noted))
    res = kg("stats", store=writer.path)
    assert "triples   950" in res.stdout  # no writer: the reader took the lock and repaired
    assert "importing" not in json.loads(meta.read_text())


def _read_until(proc, text: str, limit: float = 60) -> str:
    """What the process printed up to `text` (the limit only stops a hung test)."""
    seen, deadline = "", time.monotonic() + limit
    while text not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 1)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536).decode(errors="replace")
            if not chunk:
                break
            seen += chunk
    assert text in seen, seen
    return seen


def test_beside_an_open_shell_and_a_second_shell_reads(tmp_path):
    """A real `kg shell` writes and stays open; `kg query` sees what it wrote, and a second
    shell opens read-only at once: its queries answer, its writes name the first shell."""
    store = tmp_path / "st"
    assert kg("query", "INSERT DATA { <https://example.org/x> <urn:note> 'before' }",
              store=store).returncode == 0
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "d"), XDG_CONFIG_HOME=str(tmp_path / "c"))
    shell = subprocess.Popen(KG + ["--store", str(store), "shell"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    try:
        shell.stdin.write(b"INSERT DATA { <https://example.org/y> <urn:note> 'in the shell' };\n")
        shell.stdin.flush()
        _read_until(shell, "update applied")
        res = kg("query", "SELECT ?l WHERE { ?s <urn:note> ?l } ORDER BY ?l", "--format", "csv",
                 store=store)
        assert res.returncode == 0, res.stderr
        assert res.stdout.split() == ["l", "before", "in", "the", "shell"]
        second = subprocess.run(
            KG + ["--store", str(store), "shell"], capture_output=True, text=True, env=env,
            timeout=120, input="SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:note> ?l };\n"
                               "INSERT DATA { <https://example.org/z> <urn:note> 'no' };\n")
        assert second.returncode == 0
        assert f"read-only: the store {store} is being written by pid {shell.pid}" \
            in second.stderr
        assert "| 2 " in second.stdout
        assert f"being written by pid {shell.pid}" in second.stdout
        assert "Traceback" not in second.stdout + second.stderr
    finally:
        shell.stdin.close()
        shell.wait(timeout=60)
    assert kg("query", "ASK { ?s <urn:note> 'no' }", store=store).stdout.strip() == "no"


def test_a_killed_readers_snapshot_is_removed_by_the_next_reader(writer):
    import glob
    import tempfile

    reader = subprocess.Popen([sys.executable, "-c", READER, str(writer.path)], text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert reader.stdout.readline().strip() == "open"
    left = glob.glob(f"{tempfile.gettempdir()}/kg-snapshot-{reader.pid}-*")
    reader.kill()  # no chance to clean up
    reader.wait()
    assert len(left) == 1 and os.path.isdir(left[0])
    assert kg("stats", store=writer.path).returncode == 0
    assert not os.path.exists(left[0])
