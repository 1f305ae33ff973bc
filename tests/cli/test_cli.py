"""The CLI wiring: each command through typer's CliRunner, error paths through the real `kg`."""
import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from kg.cli.main import app

from conftest import DATA, TESTDATA

runner = CliRunner()
KG = [sys.executable, "-m", "kg.cli"]


def invoke(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)  # closes the store it opened


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    store = str(tmp_path_factory.mktemp("cli") / "store")
    res = invoke("--store", store, "build", str(DATA))
    assert res.exit_code == 0, res.output
    return store


def kg(*args, store=None, input=None):
    env = dict(os.environ)
    if store:
        env["KG_STORE"] = store
    return subprocess.run(KG + list(args), capture_output=True, text=True, env=env, input=input,
                          timeout=120)


def test_build_reports_what_it_wrote(built):
    res = invoke("--store", built, "build", str(DATA))
    assert "0 article(s) written, 2 unchanged" in res.output


def test_query_table_and_formats(built):
    q = "SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l } ORDER BY ?l"
    res = invoke("--store", built, "query", q)
    assert "Jen Daskal" in res.output and res.output.startswith("+")
    csv_out = invoke("--store", built, "query", q, "--format", "csv").output
    assert csv_out.splitlines()[0] == "l" and "Xi Jinping" in csv_out
    tsv_out = invoke("--store", built, "query", q, "--format", "tsv").output
    assert tsv_out.splitlines()[0] == "?l" and '"Joe Biden"' in tsv_out
    data = json.loads(invoke("--store", built, "query", q, "--format", "json").output)
    assert {"type": "literal", "value": "Wang Xiaohong"} in [b["l"] for b in
                                                            data["results"]["bindings"]]
    xml = invoke("--store", built, "query", q, "--format", "xml").output
    assert "<literal>Joe Biden</literal>" in xml


def test_query_from_file_and_ask(built, tmp_path):
    f = tmp_path / "q.rq"
    f.write_text("ASK { ?s a kg:Summit }")
    assert invoke("--store", built, "query", "-f", str(f)).output.strip() == "yes"


def test_export_stats_validate_ontology(built, tmp_path):
    out = tmp_path / "g.trig"
    assert "wrote" in invoke("--store", built, "export", "-o", str(out)).output
    assert out.stat().st_size > 1000
    stats = invoke("--store", built, "stats").output
    assert "articles  2" in stats and "kg:Person" in stats
    res = invoke("--store", built, "validate")
    assert res.exit_code == 0 and "conforms" in res.output
    onto = tmp_path / "kg.ttl"
    invoke("ontology", "-o", str(onto))
    assert "owl:Ontology" in onto.read_text()


def test_validate_reason_runs_hermit(built):
    res = invoke("--store", built, "validate", "--reason")
    assert "reasoner (HermiT): consistent" in res.output


def test_import_and_eval(built, tmp_path):
    ttl = tmp_path / "extra.ttl"
    ttl.write_text("<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "
                   "\"extra\" .\n")
    assert "1 triples into" in invoke("--store", built, "import", str(ttl)).output
    res = invoke("--store", built, "eval", str(TESTDATA / "seed_questions.json"), "--min", "0.9")
    assert res.exit_code == 0 and "52 passed" in res.output


def test_extractors_lists_the_registry():
    out = invoke("extractors").output
    for name in ("entities", "quotes", "statistics", "agreements"):
        assert name in out


def test_every_command_has_help_with_an_example():
    for cmd in app.registered_commands:
        name = cmd.name or cmd.callback.__name__
        assert cmd.callback.__doc__ and "Example:" in cmd.callback.__doc__, name


def test_help_is_fast_and_loads_no_spacy():
    code = ("import sys, time; t = time.time(); from kg.cli.main import app; "
            "from typer.testing import CliRunner; CliRunner().invoke(app, ['--help']); "
            "assert 'spacy' not in sys.modules and 'pyshacl' not in sys.modules, "
            "[m for m in sys.modules if m.startswith(('spacy', 'pyshacl'))]")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_errors_are_one_line_without_traceback(tmp_path):
    store = str(tmp_path / "st")
    assert kg("query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", store=store).returncode == 0
    res = kg("query", "SELECT ?s WHERE { ?s ?p }", store=store)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert res.stderr.startswith("kg: error: SPARQL syntax error at line 1")
    res = kg("query", "SELECT * { SERVICE <http://example.org/> { ?s ?p ?o } }", store=store)
    assert "--allow-network" in res.stderr and res.returncode == 1
    res = kg("export", "-o", str(tmp_path / "g.xyz"), store=store)
    assert res.returncode == 2 and "--format" in res.stderr
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .")
    res = kg("import", str(bad), store=store)
    assert res.returncode == 1 and "bad.ttl" in res.stderr and "Traceback" not in res.stderr


def test_build_skips_bad_files_by_name(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "ok.txt").write_text("Canada and Mexico held talks in Ottawa on Monday.\nMore text.\n")
    (d / "bad.json").write_text("{")
    res = kg("build", str(d), store=str(tmp_path / "st"))
    assert res.returncode == 0
    assert "skipped" in res.stderr and "bad.json" in res.stderr
    assert "1 article(s) written" in res.stdout


@pytest.mark.parametrize("args, says", [
    (["foo"], "No such command 'foo'"),
    (["build"], "Missing argument"),
    (["serve", "--port", "abc"], "Invalid value for '--port'"),
    (["--bogus"], "No such option: --bogus"),
])
def test_usage_errors_print_the_usage_and_exit_2(tmp_path, args, says):
    res = subprocess.run(KG + args, capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 2, res.stderr
    assert "Usage: kg" in res.stderr and says in res.stderr
    assert "internal error" not in res.stderr


def test_version_prints_the_version(tmp_path):
    res = subprocess.run(KG + ["--version"], capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 0 and res.stdout.startswith("kg ")


def test_eval_gold_scores_a_corpus_and_honours_min_f1(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "seed.txt").write_text((DATA / "000_33be45dfe3d01fca.txt").read_text())
    (tmp_path / "gold" / "seed.yaml").write_text(
        "article: seed.txt\nsplit: dev\nentities:\n  - {name: Jen Daskal, class: Person}\n"
        "quotes:\n  - {speaker: Wang Xiaohong, text: We had in-depth communication}\n")
    res = invoke("eval", "--gold", str(tmp_path), "--errors", "--kind", "quotes")
    assert res.exit_code == 0, res.output
    assert "quotes" in res.output and "overall" in res.output and "FP quotes" in res.output
    assert invoke("eval", "--gold", str(tmp_path), "--min-f1", "0.99").exit_code == 1
    out = json.loads(invoke("eval", "--gold", str(tmp_path), "--json").output)
    assert out["splits"]["dev"]["quotes"]["tp"] == 1
    from kg.errors import UsageError

    with pytest.raises(UsageError, match="unknown fact kind"):
        invoke("eval", "--gold", str(tmp_path), "--kind", "bogus", "--errors")


def test_read_commands_never_create_a_store(tmp_path):
    missing = tmp_path / "typo" / "store"
    for args in (["stats"], ["export", "-o", str(tmp_path / "g.ttl")],
                 ["query", "SELECT * WHERE { ?s ?p ?o }"]):
        res = subprocess.run(KG + ["--store", str(missing)] + args, capture_output=True,
                             text=True, cwd=tmp_path)
        assert res.returncode != 0 and "no store at" in res.stderr, res.stderr
        assert "internal error" not in res.stderr
    assert not missing.exists()


def test_query_reads_standard_input_with_dash(built):
    res = subprocess.run(KG + ["--store", built, "query", "-f", "-", "--format", "csv"],
                         input="SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Person }",
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert int(res.stdout.splitlines()[1]) > 0


def test_destructive_updates_need_yes_and_never_take_the_ontology(tmp_path):
    store = str(tmp_path / "st")
    assert kg("query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", store=store).returncode == 0
    res = kg("query", "DELETE WHERE { ?s ?p ?o }", store=store)
    assert res.returncode == 2 and "--yes" in res.stderr
    res = kg("query", "DELETE WHERE { ?s ?p ?o }", "--yes", store=store)
    assert res.returncode == 0 and "removed" in res.stdout, res.stderr
    res = kg("query", "ASK { kg:Person a owl:Class }", "--format", "csv", store=store)
    assert "true" in res.stdout.lower() or "yes" in res.stdout.lower()


def test_stats_lists_the_graphs(built):
    res = invoke("--store", built, "stats", "--graphs")
    assert res.exit_code == 0
    lines = res.output.strip().splitlines()
    assert sum(line.startswith("article:") for line in lines) == 2  # imports may add others
    assert all(" triples" in line for line in lines)
