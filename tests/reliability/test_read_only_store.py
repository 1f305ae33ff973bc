"""A store this process cannot write (a read-only mount, or no write permission): queries, stats
and exports work; a write is one clear line; nothing in the store changes."""
import hashlib
import json
import os
import subprocess
import sys

import pytest

from conftest import DATA

KG = [sys.executable, "-m", "kg.cli"]


def kg(store, *args, input=None, env=None):
    return subprocess.run(KG + ["--store", str(store), *args], capture_output=True, text=True,
                          input=input, timeout=300, env=env)


def files(path):
    return {str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.mark.tries("reads of a store on a read-only file system",
                   "a build into it",
                   "an update into it",
                   "a shell on it")
def test_read_commands_work_on_a_store_they_cannot_write(tmp_path, read_only_view):
    store = tmp_path / "st"
    assert kg(store, "build", str(DATA)).returncode == 0
    meta = store / "meta.json"
    stale = json.loads(meta.read_text())
    stale["ontology"] = "an older ontology"  # a writable store would be brought up to date
    meta.write_text(json.dumps(stale))
    before = files(store)
    view = read_only_view(store)

    res = kg(view, "query", "SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l } ORDER BY ?l",
             "--format", "csv")
    assert res.returncode == 0, res.stderr
    assert res.stdout.split("\n")[:3] == ["l", "Jen Daskal", "Joe Biden"]
    res = kg(view, "stats")
    assert res.returncode == 0 and "articles  2" in res.stdout, res.stderr
    assert len(kg(view, "stats", "--graphs").stdout.splitlines()) == 2
    out = tmp_path / "graph.trig"
    res = kg(view, "export", "-o", str(out))
    assert res.returncode == 0, res.stderr
    from rdflib import Dataset

    assert len(Dataset().parse(out, format="trig")) > 500

    for args in (["build", str(DATA)], ["query", "INSERT DATA { <urn:a> <urn:b> 1 }"]):
        res = kg(view, *args)
        assert res.returncode == 1
        why = "Read-only file system" if os.geteuid() == 0 else "Permission denied"
        assert res.stderr.strip().splitlines() == [
            f"kg: error: cannot write the store {view} ({why}); commands that only read "
            "(query, stats, export) still work on it"], res.stderr
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "d"), XDG_CONFIG_HOME=str(tmp_path / "c"))
    res = kg(view, "shell", env=env, input="ASK { ?s a kg:Summit };\n"
                                           "\\prefixes ex https://example.org/\n")
    assert res.returncode == 0
    assert f"read-only: the store {view} cannot be written" in res.stderr
    assert "yes" in res.stdout and f"the store {view} cannot be written" in res.stdout
    assert "Traceback" not in res.stdout + res.stderr
    assert files(store) == before
