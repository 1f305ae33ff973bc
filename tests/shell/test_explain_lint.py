"""\\explain shows the plan Oxigraph runs (through the `oxigraph` command, on a pinned snapshot),
and a query naming a class or property that occurs nowhere gets a linter's warning, in the shell
and from `kg query`."""
import subprocess
import sys

import pytest

from kg.shell.config import Settings

from kg.store.explain import oxigraph_command

needs_oxigraph = pytest.mark.skipif(oxigraph_command() is None,
                                    reason="the oxigraph command (pip install oxigraph) is absent")


@pytest.fixture()
def ox_ex(seed_oxigraph):
    from kg.shell.executor import Executor

    return Executor(seed_oxigraph, Settings(pager=False, timing=False), width=lambda: 120)


@needs_oxigraph
def test_explain_shows_oxigraph_plan_with_the_rows_of_each_step(ox_ex):
    out = ox_ex.execute("\\explain SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l } "
                        "ORDER BY ?l;")
    assert not out.error, out.text
    lines = out.text.splitlines()
    assert lines[0].startswith("Oxigraph's plan (planned in ")
    assert lines[1].startswith("Project(?l)  [4 rows, ")
    assert any(line.strip().startswith("QuadPattern(?p a kg:Person)  [4 rows")
               for line in lines)
    ox_ex.execute("ASK { ?s a kg:Summit }")
    assert "QuadPattern(?s a kg:Summit)  [1 rows" in ox_ex.execute("\\explain").text


def test_explain_reports_errors_in_the_users_terms(ox_ex):
    out = ox_ex.execute("\\explain SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l")
    assert out.error and out.text.startswith("SPARQL syntax error at line 1, column 49")
    out = ox_ex.execute("\\explain INSERT DATA { <urn:a> <urn:b> 1 }")
    assert out.error and "an update has none" in out.text
    out = ox_ex.execute("\\explain SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert out.error and "--allow-network" in out.text


PERSN = ("warning: the class kg:Persn occurs nowhere in the store, so nothing matches it; "
         "did you mean kg:Person?")


def test_a_misspelt_class_or_property_gets_a_warning(ox_ex):
    out = ox_ex.execute("SELECT ?p WHERE { ?p a kg:Persn };")
    assert "0 rows" in out.text and out.text.endswith(PERSN)
    out = ox_ex.execute("SELECT ?p ?x WHERE { ?p a kg:Person OPTIONAL { ?p kg:holdsPositon ?x }"
                        " FILTER NOT EXISTS { ?p kg:memberof ?o } }")
    assert "4 rows" in out.text
    assert out.text.splitlines()[-2:] == [
        "warning: the property kg:holdsPositon occurs nowhere in the store, so nothing matches "
        "it; did you mean kg:holdsPosition?",
        "warning: the property kg:memberof occurs nowhere in the store, so nothing matches it; "
        "did you mean kg:memberOf?"]


@pytest.mark.parametrize("query", [
    "SELECT ?p WHERE { ?p a kg:Person ; rdfs:label ?l FILTER(datatype(?l) != xsd:date) }",
    "CONSTRUCT { ?p <https://example.org/new> ?l } WHERE { ?p rdfs:label ?l }",
    "SELECT ?p WHERE { ?p ^kg:mentions ?a . ?a kg:title 'kg:Persn' } # kg:Persn",
    "SELECT ?x WHERE { VALUES ?x { kg:Nothing } }",
])
def test_no_warning_for_what_is_not_a_class_or_property_of_a_pattern(ox_ex, query):
    assert "warning" not in ox_ex.execute(query).text


def test_kg_query_warns_on_stderr(tmp_path):
    from conftest import DATA

    store = str(tmp_path / "st")
    kg = [sys.executable, "-m", "kg.cli", "--store", store]
    assert subprocess.run(kg + ["build", str(DATA)], capture_output=True).returncode == 0
    res = subprocess.run(kg + ["query", "SELECT ?p WHERE { ?p a kg:Persn }", "--format", "csv"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and res.stdout.split() == ["p"]
    assert res.stderr.splitlines() == [f"kg: {PERSN}"]
    res = subprocess.run(kg + ["query", "SELECT ?p WHERE { ?p a kg:Person }"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0 and res.stderr == ""


def test_the_warning_in_a_real_session(seed_memory, tmp_path, monkeypatch):
    """Through the real prompt_toolkit loop, on a pipe."""
    from prompt_toolkit.history import InMemoryHistory
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from kg.shell.app import run_shell

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    lines: list[str] = []
    with create_pipe_input() as inp:
        inp.send_text("SELECT ?p WHERE { ?p a kg:Persn };\n\\q\n")
        run_shell(seed_memory, input=inp, output=DummyOutput(), history=InMemoryHistory(),
                  settings=Settings(pager=False, timing=False), write=lines.append)
    out = "\n".join(lines)
    assert "0 rows" in out and PERSN in out
