"""The shell: completion (pure suggest), the executor and every meta-command on the seed
store, and the real prompt_toolkit loop driven through a pipe."""
import json
import sys

import pytest

from kg.shell.config import Settings


@pytest.fixture(scope="module")
def catalog(seed_memory):
    from kg.shell.catalog import load

    return load(seed_memory)


@pytest.fixture()
def ex(seed_memory, catalog, tmp_path, monkeypatch):
    from kg.shell.executor import Executor

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return Executor(seed_memory, Settings(pager=False, timing=False), width=lambda: 120,
                    catalog=catalog)


def texts(sugs):
    return [s.text for s in sugs]


# -- completion -----------------------------------------------------------------------------
def test_complete_classes_after_a(catalog):
    from kg.shell.completer import suggest

    q = "SELECT * WHERE { ?s a kg:Pe"
    assert texts(suggest(q, len(q), catalog))[0] == "kg:Person"


def test_complete_properties_in_predicate_position(catalog):
    from kg.shell.completer import suggest

    q = "SELECT * WHERE { ?s kg:hol"
    assert "kg:holdsPosition" in texts(suggest(q, len(q), catalog))
    q = "SELECT * WHERE { ?s rdfs:label ?l ; kg:spe"
    assert "kg:speaker" in texts(suggest(q, len(q), catalog))


def test_complete_resources_by_label(catalog):
    from kg.shell.completer import suggest

    sugs = suggest("Dask", 4, catalog)
    assert sugs[0].text == "person:jen-daskal"  # a prefixed name that parses
    assert "Jen Daskal (Person)" in sugs[0].display


def test_complete_variables_keywords_prefixes(catalog):
    from kg.shell.completer import suggest

    q = "SELECT ?speaker WHERE { ?s kg:speaker ?speaker FILTER(?sp"
    assert texts(suggest(q, len(q), catalog)) == ["?speaker"]
    assert "SELECT" in texts(suggest("SEL", 3, catalog))
    assert "skos:" in texts(suggest("sk", 2, catalog))
    assert texts(suggest("PREFIX pr", 9, catalog))[0].startswith("prov: <")


def test_complete_ranked_by_frequency(catalog):
    from kg.shell.completer import suggest

    q = "SELECT * WHERE { ?s a kg:"
    metas = [s.meta for s in suggest(q, len(q), catalog)]
    counts = [int(m.split("(")[1].rstrip(")")) for m in metas]
    assert counts == sorted(counts, reverse=True)


def test_complete_meta_commands(catalog):
    from kg.shell import commands
    from kg.shell.completer import suggest

    assert texts(suggest("\\desc", 5, catalog, commands.names())) == ["\\describe"]
    assert "table" in texts(suggest("\\format ta", 10, catalog, commands.names()))


# -- executor -------------------------------------------------------------------------------
def test_query_shows_table_and_row_count(ex):
    out = ex.execute("SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l } ORDER BY ?l;")
    assert "| Jen Daskal" in out.text and out.text.endswith("4 rows")


def test_limit_caps_rows_and_reports_total(ex):
    out = ex.execute("\\limit 2")
    assert "2 rows" in out.text
    out = ex.execute("SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l } ORDER BY ?l")
    assert out.text.endswith("4 rows (showing 2; \\limit 0 shows all)")
    assert "Xi Jinping" not in out.text


def test_ask_and_construct(ex):
    assert ex.execute("ASK { ?s a kg:Summit }").text.startswith("yes")
    out = ex.execute("CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a kg:Person ; rdfs:label ?l }")
    assert "@prefix" in out.text and "Jen Daskal" in out.text


def test_syntax_error_shows_caret_and_goes_on(ex):
    out = ex.execute("SELECT ?s\nWHERE { ?s ?p }")
    assert out.error and "line 2" in out.text and out.text.splitlines()[-1].strip() == "^"
    assert not ex.execute("ASK { ?s ?p ?o }").error


def test_prefixes_are_added_when_missing():
    from kg.shell.sparqltext import with_prefixes

    q = with_prefixes("SELECT ?x WHERE { ?x a kg:Person ; rdfs:label 'a:b' }",
                      {"kg": "https://k#", "rdfs": "https://r#", "a": "https://a#"})
    assert q.startswith("PREFIX kg: <https://k#>\nPREFIX rdfs: <https://r#>\nSELECT")


def test_update_asks_before_deleting_and_persists(tmp_path):
    from kg.shell.executor import Executor
    from kg.store import Store

    path = str(tmp_path / "st")
    with Store(path) as store:
        ex = Executor(store, Settings(timing=False))
        assert ex.execute('INSERT DATA { <https://e.org/a> rdfs:label "A" }').text == \
            "update applied: 1 triple added"
        out = ex.execute('DELETE WHERE { <https://e.org/a> ?p ?o }')
        assert out.confirm and "triples now" in out.confirm
        assert "cancelled" in ex.answer(False).text
        assert ex.execute('ASK { <https://e.org/a> ?p ?o }').text.startswith("yes")
        ex.execute('DELETE WHERE { <https://e.org/a> ?p ?o }')
        assert ex.answer(True).text == "update applied: 1 triple removed"
    with Store(path) as store:
        assert not store.query("ASK { <https://e.org/a> ?p ?o }").boolean


# -- meta-commands (one test each: test_cmd_<name>) -----------------------------------------
def test_cmd_help(ex):
    out = ex.execute("\\?").text
    from kg.shell.commands import COMMANDS

    for cmd in {c.name for c in COMMANDS.values()}:
        assert cmd in out


def test_cmd_quit(ex):
    assert ex.execute("\\q").quit


def test_cmd_prefixes(ex, tmp_path):
    assert "kg:" in ex.execute("\\prefixes").text
    from kg.shell.executor import Executor
    from kg.store import Store

    with Store(str(tmp_path / "st")) as store:
        Executor(store, Settings()).execute("\\prefixes ex https://example.org/")
        assert store.prefixes["ex"] == "https://example.org/"


def test_cmd_classes(ex):
    out = ex.execute("\\classes").text
    assert "kg:Person" in out and "4" in out


def test_cmd_properties(ex):
    assert "kg:speaker" in ex.execute("\\properties").text


@pytest.mark.parametrize("alias, command", [("\\dt", "\\classes"), ("\\dp", "\\properties"),
                                            ("\\l", "\\graphs")])
def test_psql_aliases_run_the_same_command(ex, alias, command):
    assert ex.execute(alias).text == ex.execute(command).text


def test_cmd_describe(ex):
    out = ex.execute("\\describe Jen Daskal").text
    assert "kg:holdsPosition" in out and "referred to by:" in out and "from:" in out
    assert "\u00bb" in out  # the sentences it was read from
    assert ex.execute("\\describe nobody-at-all").error


def test_cmd_graphs(ex):
    out = ex.execute("\\graphs").text
    assert out.count("article:") == 2


def test_cmd_stats(ex):
    assert "articles 2" in ex.execute("\\stats").text


def test_cmd_format(ex):
    ex.execute("\\format csv")
    assert ex.execute("SELECT ?x WHERE { VALUES ?x { 1 } }").text.startswith("x\r\n1")
    assert ex.execute("\\format nope").error


def test_cmd_timing(ex):
    ex.execute("\\timing on")
    assert " s" in ex.execute("ASK {}").text.splitlines()[-1]


def test_cmd_limit(ex):
    assert ex.execute("\\limit x").error


def test_cmd_export(ex, tmp_path):
    ex.execute("SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l }")
    out = tmp_path / "r.csv"
    ex.execute(f"\\export {out}")
    assert "Jen Daskal" in out.read_text()
    g = tmp_path / "g.ttl"
    assert "statements" in ex.execute(f"\\export {g}").text and g.stat().st_size > 1000


def test_cmd_load(tmp_path):
    from kg.shell.executor import Executor
    from kg.store import Store

    ttl = tmp_path / "x.ttl"
    ttl.write_text('<https://e.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n')
    with Store("memory") as store:
        ex = Executor(store, Settings())
        assert "1 triples" in ex.execute(f"\\load {ttl}").text
        art = tmp_path / "a.txt"
        art.write_text("Canada and Mexico held talks in Ottawa on Monday, officials said.\n")
        assert "1 article(s) written" in ex.execute(f"\\load {art}").text


def test_cmd_save(ex):
    ex.execute("SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l }")
    assert "saved people" in ex.execute("\\save people").text


def test_cmd_run(ex):
    ex.execute('\\save whois SELECT ?p WHERE { ?p rdfs:label "{{1}}" }')
    out = ex.execute('\\run whois "Jen Daskal"')
    assert "person:jen-daskal" in out.text and "1 row" in out.text
    assert ex.execute("\\run whois").error  # a parameter without a value
    assert "whois" in ex.execute("\\run").text


def test_cmd_explain(ex):
    """On the memory store the plan is the algebra rdflib evaluates; Oxigraph's own plan is
    tested in test_explain_lint.py."""
    out = ex.execute("\\explain SELECT ?s WHERE { ?s a kg:Person };").text
    assert out.startswith("the SPARQL algebra rdflib evaluates:\n") and "BGP" in out
    assert ex.execute("\\explain").error  # no query given, none run yet


def test_cmd_edit(ex):
    out = ex.execute("\\e SELECT 1")
    assert out.edit and out.text == "SELECT 1"


def test_every_command_has_help_and_a_test():
    import ast
    from pathlib import Path

    from kg.shell.commands import COMMANDS

    tree = ast.parse(Path(__file__).read_text())
    tests = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    for cmd in {c for c in COMMANDS.values()}:
        assert cmd.help, cmd.name
        stem = {"\\?": "help", "\\q": "quit", "\\e": "edit"}.get(cmd.name, cmd.name.lstrip("\\"))
        assert f"test_cmd_{stem}" in tests, cmd.name


# -- the real loop, through prompt_toolkit's pipe input --------------------------------------
def run_loop(store, keys: str, tmp_path, monkeypatch):
    from prompt_toolkit.history import InMemoryHistory
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from kg.shell.app import run_shell

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    lines = []
    with create_pipe_input() as inp:
        inp.send_text(keys)
        run_shell(store, input=inp, output=DummyOutput(), history=InMemoryHistory(),
                  settings=Settings(pager=False, timing=False), write=lines.append)
    return "\n".join(lines)


def test_loop_multiline_query_runs_when_complete(seed_memory, tmp_path, monkeypatch):
    out = run_loop(seed_memory, "SELECT ?l WHERE {\n ?p a kg:Person ;\n rdfs:label ?l }\n;\n"
                                "\\q\n", tmp_path, monkeypatch)
    assert "Jen Daskal" in out and "4 rows" in out


def test_loop_blank_line_and_alt_enter_run_the_query(seed_memory, tmp_path, monkeypatch):
    out = run_loop(seed_memory, "ASK { ?s a kg:Summit }\n\n"
                                "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Person }\x1b\r\\q\n",
                   tmp_path, monkeypatch)
    assert "yes" in out and "| 4 " in out


def test_loop_error_then_goes_on_and_ctrl_d_leaves(seed_memory, tmp_path, monkeypatch):
    out = run_loop(seed_memory, "SELECT ?s WHERE { ?s ?p };\n\\stats\n\x04", tmp_path,
                   monkeypatch)
    assert "^" in out and "articles 2" in out


def test_loop_delete_asks_for_confirmation(tmp_path, monkeypatch):
    from kg.store import Store

    with Store("memory") as store:
        store.update('INSERT DATA { <https://e.org/a> <https://e.org/p> "x" }')
        out = run_loop(store, "DELETE WHERE { <https://e.org/a> ?p ?o };\nn\n\\q\n", tmp_path,
                       monkeypatch)
        assert "cancelled" in out
        assert store.query("ASK { <https://e.org/a> ?p ?o }").boolean


def test_shell_starts_without_spacy():
    import subprocess
    import sys

    code = ("import sys; import kg.shell.app, kg.shell.commands, kg.cli.main; "
            "assert 'spacy' not in sys.modules and 'pyshacl' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_loop_tab_completes_from_the_data(seed_memory, tmp_path, monkeypatch):
    """Tab in the real prompt completes 'kg:Pers' to kg:Person (drawn from the store)."""
    import threading
    import time

    from kg.shell.catalog import load

    load(seed_memory)  # warm, so the background catalog is ready at once
    from prompt_toolkit.history import InMemoryHistory
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from kg.shell.app import run_shell

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    lines: list[str] = []
    with create_pipe_input() as inp:
        def feed():
            time.sleep(1.5)  # let the catalog load in the background
            inp.send_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Pers")
            time.sleep(0.3)
            inp.send_text("\t")
            time.sleep(0.3)
            inp.send_text(" };\n\\q\n")
        threading.Thread(target=feed, daemon=True).start()
        run_shell(seed_memory, input=inp, output=DummyOutput(), history=InMemoryHistory(),
                  settings=Settings(pager=False, timing=False), write=lines.append)
    text = "\n".join(lines)
    assert "| 4 " in text, text


def test_every_printed_iri_pastes_back_into_a_query(ex, seed_oxigraph):
    """What the shell prints for a resource is a prefixed name both stores parse."""
    import re

    out = ex.execute('SELECT DISTINCT ?x WHERE { ?x a ?c FILTER(STRSTARTS(STR(?x), '
                     '"https://w3id.org/newskg/resource/")) } ORDER BY ?x LIMIT 200').text
    names = re.findall(r"\| ([a-z]+:[^\s|]+)", out)
    assert names and any(n.startswith("person:") for n in names)
    from kg.namespaces import sparql_prologue

    for store in (ex.store, seed_oxigraph):
        for name in names[:60]:
            res = store.query(f"{sparql_prologue()}ASK {{ {name} ?p ?o }}")
            assert res.boolean, name


def test_a_bad_update_is_an_error_before_any_question(ex):
    out = ex.execute("DELETE WHERE { ?s ?p }")
    assert out.error and not out.confirm and "line 1" in out.text
    out = ex.execute("clear screen")  # two words are not a CLEAR update
    assert out.error and not out.confirm


def test_an_update_that_fails_after_yes_keeps_the_session(ex):
    ex.execute("DROP GRAPH <urn:nothing:here>")  # DROP of a graph that is not there
    out = ex.answer(True)
    assert out.text  # an error line or a report, never an exception


def test_help_quit_and_exit_are_understood(ex):
    assert "\\describe" in ex.execute("help").text
    assert ex.execute("quit").quit and ex.execute("exit;").quit


def test_typos_get_the_nearest_word(ex):
    assert "did you mean SELECT?" in ex.execute("SELEC ?s WHERE { ?s ?p ?o }").text
    assert "did you mean \\describe?" in ex.execute("\\descrbe x").text


def test_cmd_prefixes_refuses_what_sparql_cannot_use_and_removes(tmp_path):

    from kg.shell.executor import Executor
    from kg.store import Store

    path = tmp_path / "st"
    with Store(path) as store:
        ex = Executor(store, Settings(timing=False))
        out = ex.execute("\\prefixes bad notaniri")
        assert out.error and "not an absolute IRI" in out.text
        assert ex.execute("\\prefixes ex https://example.org/").text == "ex: <https://example.org/>"
        assert ex.execute("\\prefixes ex -").text == "removed ex:"
    meta = path / "kg.json"
    if not meta.exists():
        meta = next(path.glob("*.json"))
    data = json.loads(meta.read_text())
    data.setdefault("prefixes", {})["bad"] = "notaniri"  # written by an older kg
    meta.write_text(json.dumps(data))
    with Store(path) as store:  # a bad stored prefix is a warning, queries still work
        assert "bad" not in store.prefixes and store.prefix_warnings
        assert store.query("ASK { ?s ?p ?o }").boolean


def test_cmd_x(ex):
    assert ex.execute("\\x").text == "expanded display is on"
    assert "-[ RECORD 1 ]" in ex.execute("SELECT ?p WHERE { ?p a kg:Person } LIMIT 1").text
    assert ex.execute("\\x").text == "expanded display is off" and ex.format == "table"


def test_cmd_i(ex, tmp_path):
    f = tmp_path / "q.sparql"
    f.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?p a kg:Person };\n\\format csv\n\n"
                 "ASK { ?s a kg:Meeting };\n")
    out = ex.execute(f"\\i {f}")
    assert not out.error and "format is csv" in out.text and "true" in out.text
    f.write_text("SELEC ?x;\nASK { ?s ?p ?o };\n")
    out = ex.execute(f"\\i {f}")
    assert out.error and "stopped at statement 1" in out.text


def test_cmd_o(ex, tmp_path):
    f = tmp_path / "out.txt"
    assert "results go to" in ex.execute(f"\\o {f}").text
    out = ex.execute("SELECT ?p WHERE { ?p a kg:Person } LIMIT 1")
    assert "written to" in out.text and "person:" in f.read_text()
    ex.execute("\\o")
    assert "person:" in ex.execute("SELECT ?p WHERE { ?p a kg:Person } LIMIT 1").text


def test_format_and_limit_without_argument_show_the_value(ex):
    assert ex.execute("\\format").text == "format is table"
    assert "rows" in ex.execute("\\limit").text


def test_the_editor_runs_with_its_arguments_and_without_a_shell(tmp_path, monkeypatch):
    from kg.shell.app import edit_in_editor

    editor = tmp_path / "my editor.py"  # a space in the path: split as a shell would
    editor.write_text("import sys\nopen(sys.argv[-1], 'a').write(' ' + sys.argv[1])\n")
    marker = tmp_path / "ran-a-shell"
    monkeypatch.setenv("VISUAL", f'{sys.executable} "{editor}" "LIMIT 1 $(touch {marker})"')
    assert edit_in_editor("SELECT 1") == f"SELECT 1 LIMIT 1 $(touch {marker})"
    assert not marker.exists()
    monkeypatch.setenv("VISUAL", str(tmp_path / "no-such-editor"))
    assert edit_in_editor("SELECT 2") == "SELECT 2"  # a missing editor keeps the text
