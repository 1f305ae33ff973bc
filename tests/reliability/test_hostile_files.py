"""Hostile RDF files are refused with one line, in bounded memory, and the store is unchanged."""
import subprocess
import sys

import pytest

from kg.store import Store

KG = [sys.executable, "-m", "kg.cli"]

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:ex="https://example.org/">
  <rdf:Description rdf:about="https://example.org/s"><ex:p>&e;&e;&e;&e;</ex:p></rdf:Description>
</rdf:RDF>
"""


@pytest.mark.tries("an RDF/XML entity bomb")
def test_entity_expansion_in_rdfxml_is_refused_and_the_store_unchanged(tmp_path):
    bomb = tmp_path / "bomb.rdf"
    bomb.write_text(LAUGHS)
    store = str(tmp_path / "st")
    assert subprocess.run(KG + ["--store", store, "query", "INSERT DATA { <urn:a> <urn:b> 1 }"],
                          capture_output=True).returncode == 0
    res = subprocess.run(KG + ["--store", store, "import", str(bomb)], capture_output=True,
                         text=True, timeout=60)
    assert res.returncode == 1 and "bomb.rdf" in res.stderr and "entities" in res.stderr
    assert "Traceback" not in res.stderr
    with Store(store) as s:
        assert s.count() == 1
        assert not s.query("ASK { ?s <https://example.org/p> ?o }").boolean


@pytest.mark.tries("a re-import of an edited file", "an import into an article's graph")
def test_reimport_replaces_the_file_graph_and_article_graphs_are_off_limits(tmp_path):
    from conftest import DATA

    store = str(tmp_path / "st")
    assert subprocess.run(KG + ["--store", store, "build", str(DATA)],
                          capture_output=True).returncode == 0
    f = tmp_path / "extra.ttl"
    f.write_text("<https://example.org/a> <https://example.org/p> 1 , 2 .\n")
    assert subprocess.run(KG + ["--store", store, "import", str(f)],
                          capture_output=True).returncode == 0
    f.write_text("<https://example.org/a> <https://example.org/p> 3 .\n")  # edited
    assert subprocess.run(KG + ["--store", store, "import", str(f)],
                          capture_output=True).returncode == 0
    with Store(store) as s:
        rows = s.query("SELECT ?o WHERE { <https://example.org/a> <https://example.org/p> ?o }")
        assert sorted(str(r[0]) for r in rows.rows) == ["3"]
        article = str(s.query("SELECT ?a WHERE { ?a a kg:Article } LIMIT 1").rows[0][0])
        before = s.count()
    q = tmp_path / "intrude.nq"
    q.write_text(f"<https://example.org/x> <https://example.org/p> \"1\" <{article}> .\n")
    res = subprocess.run(KG + ["--store", store, "import", str(q)], capture_output=True, text=True)
    assert res.returncode == 1 and "owns" in res.stderr
    with Store(store) as s:
        assert s.count() == before
