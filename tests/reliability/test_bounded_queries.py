"""A runaway query ends promptly: on --timeout, and on Ctrl-C (a real SIGINT)."""
import signal
import subprocess
import sys
import time

import pytest

KG = [sys.executable, "-m", "kg.cli"]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z . ?d ?s ?w }"


def _store(tmp_path):
    store = str(tmp_path / "st")
    triples = " ".join(f"<urn:s{i}> <urn:p> {i} ." for i in range(400))
    assert subprocess.run(KG + ["--store", store, "query", f"INSERT DATA {{ {triples} }}"],
                          capture_output=True).returncode == 0
    return store


@pytest.mark.tries("a runaway query stopped by --timeout")
def test_timeout_stops_a_runaway_query(tmp_path):
    store = _store(tmp_path)
    start = time.monotonic()
    res = subprocess.run(KG + ["--store", store, "query", RUNAWAY, "--timeout", "1"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 1 and "--timeout" in res.stderr
    assert time.monotonic() - start < 20


@pytest.mark.tries("a runaway query stopped by a real SIGINT")
def test_sigint_stops_a_runaway_query(tmp_path):
    store = _store(tmp_path)
    proc = subprocess.Popen(KG + ["--store", store, "query", RUNAWAY], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    time.sleep(4)  # well inside the query
    assert proc.poll() is None
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "interrupted" in err
    assert time.monotonic() - sent < 3
