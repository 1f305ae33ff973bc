"""Control characters in article text never make an export unparseable, and never reach the
terminal raw."""
import pytest
from rdflib import Dataset, Graph

from kg.build import build
from kg.export import export, format_for
from kg.results import render
from kg.store import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = tmp_path_factory.mktemp("ctl")
    (d / "a.txt").write_text("Minister Ana Lima said\x01 the \x1b[31mplan\x1b[0m would work.\x0c\n"
                             "\"It will\x07 work,\" Lima said.\n")
    s = Store("memory")
    build(s, [str(d / "a.txt")])
    yield s
    s.close()


@pytest.mark.parametrize("suffix", [".rdf", ".ttl", ".nt", ".nq", ".trig", ".jsonld"])
@pytest.mark.tries("control characters in article text, exported")
def test_every_export_parses(store, tmp_path, suffix):
    out = tmp_path / f"g{suffix}"
    export(store, out, format_for(out, None))
    fmt = {".rdf": "xml", ".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
           ".jsonld": "json-ld"}[suffix]
    g = Dataset() if suffix in (".nq", ".trig", ".jsonld") else Graph()
    g.parse(out, format=fmt)
    assert len(g) > 0


@pytest.mark.tries("an escape sequence in a table", "in a vertical view", "in a Markdown table")
def test_terminal_views_show_no_raw_escape(store):
    store.update('INSERT DATA { <urn:x> <urn:y> "red \\u001b[31m text" }')
    res = store.query("SELECT ?o WHERE { <urn:x> ?p ?o }")
    for fmt in ("table", "vertical", "md"):
        text = render(res, fmt, store.prefixes)
        assert "\x1b" not in text and "\\x1b" in text
