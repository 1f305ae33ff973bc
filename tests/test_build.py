"""Building: bad files are skipped and the rest lands; rebuilding changes nothing; an edited
article replaces its own graph; IRIs do not depend on build order."""
import io
import shutil

import pytest

from kg.build import build
from kg.store import Store

from conftest import DATA


def _iris(store):
    res = store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }")
    return {str(r[0]) for r in res.rows}


def test_bad_files_are_reported_and_the_rest_lands(tmp_path, memory_store):
    shutil.copy(DATA / "000_33be45dfe3d01fca.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff\x00")
    (tmp_path / "broken.json").write_text("{")
    report = build(memory_store, [str(tmp_path)])
    assert report.written == 1
    assert len(report.errors) == 3
    assert any("broken.json" in e for e in report.errors)


def test_rebuilding_changes_nothing(tmp_path):
    store = Store(str(tmp_path / "st"))
    build(store, [str(DATA)])
    before = store.count()
    again = build(store, [str(DATA)])
    assert again.written == 0 and again.unchanged == 2
    assert store.count() == before
    store.close()


def test_an_edited_article_replaces_its_own_graph(tmp_path, memory_store):
    src = tmp_path / "a.txt"
    src.write_text("Trade talks open\nOn Monday, Canada and Mexico held talks in Ottawa. "
                   "\u201cWe made progress,\u201d said Canadian Trade Minister Mary Ng.\n")
    other = tmp_path / "b.txt"
    shutil.copy(DATA / "000_33be45dfe3d01fca.txt", other)
    build(memory_store, [str(tmp_path)])
    graphs = set(memory_store.graphs())
    other_count = {g: memory_store.count(g) for g in graphs}
    src.write_text("Trade talks open\nOn Monday, Canada and Mexico held talks in Ottawa. "
                   "\u201cWe made real progress,\u201d said Canadian Trade Minister Mary Ng.\n")
    report = build(memory_store, [str(tmp_path)])
    assert report.written == 1 and report.unchanged == 1
    assert set(memory_store.graphs()) == graphs
    quotes = memory_store.query(
        "SELECT ?q WHERE { ?s kg:quote ?q FILTER(CONTAINS(?q, 'progress')) }").rows
    assert [str(q[0]) for q in quotes] == ["We made real progress"]
    untouched = [g for g in graphs if memory_store.count(g) == other_count[g]]
    assert len(untouched) >= 1


def test_iris_do_not_depend_on_build_order(tmp_path):
    a = Store("memory")
    build(a, [str(DATA / "000_33be45dfe3d01fca.txt"), str(DATA / "003_f686b8ba6f3c1a1a.txt")])
    b = Store("memory")
    build(b, [str(DATA / "003_f686b8ba6f3c1a1a.txt")])
    build(b, [str(DATA / "000_33be45dfe3d01fca.txt")])
    assert _iris(a) == _iris(b)


def test_empty_and_foreign_articles_build_without_facts_or_crash(memory_store):
    from kg.build import build_articles
    from kg.ingest.readers import ArticleInput

    report = build_articles(memory_store, [
        ArticleInput(text="."),
        ArticleInput(text="Der Bundestag hat am Dienstag ein neues Gesetz beschlossen, "
                          "das die Regierung vorgelegt hatte und das viele kritisieren."),
        ArticleInput(text="She said \u201cthis quote never closes and the article ends"),
    ])
    assert report.written == 3
    assert any("English" in w for w in report.warnings)
    assert any("unbalanced" in w for w in report.warnings)
    orphan = memory_store.query(
        "ASK { ?s a ?c . VALUES ?c { kg:Statement kg:Claim kg:Statistic kg:Event kg:Agreement } "
        "FILTER NOT EXISTS { ?s kg:evidence ?e } }")
    assert not orphan.boolean


@pytest.mark.slow
def test_a_one_megabyte_article_builds(memory_store):
    from kg.build import build_articles
    from kg.ingest.readers import ArticleInput

    para = ("More than 1,000 people attended talks in Geneva on Tuesday, officials said. "
            "\u201cWe are close,\u201d said Swiss Foreign Minister Ignazio Cassis.\n\n")
    text = para * (1_000_000 // len(para))
    report = build_articles(memory_store, [ArticleInput(text=text, published=None)])
    assert report.written == 1
    assert memory_store.query("ASK { ?s a kg:Statement }").boolean


def test_a_stored_article_learns_the_state_of_a_post_from_a_later_one():
    """An article that names a post without its state ('President William Ruto') is resolved
    again when a later build gives that person's post a state: the same graph in any order."""
    from datetime import date

    from rdflib import Literal
    from rdflib.namespace import XSD

    from kg.build import build_articles
    from kg.export import export, format_for
    from kg.ingest.readers import ArticleInput

    a = ArticleInput(title="Talks to resume", published=date(2024, 3, 1), url="https://ex.org/a",
                     text="Talks to resume\n\nPresident William Ruto said on Monday that the talks "
                          "would resume. \u201cWe are ready to talk,\u201d Ruto told reporters in "
                          "Nairobi.\n")
    b = ArticleInput(title="Kenya hosts summit", published=date(2024, 3, 2), url="https://ex.org/b",
                     text="Kenya hosts summit\n\nKenyan President William Ruto opened a summit in "
                          "Nairobi on Tuesday. \u201cAfrica must lead,\u201d said Ruto, the president "
                          "of Kenya.\n")
    exports = []
    for batches in ([a], [b]), ([b], [a]), ([a, b],):
        store = Store("memory")
        for batch in batches:
            build_articles(store, batch)
        posts = store.query("SELECT DISTINCT ?pos WHERE { GRAPH ?g { ?g kg:url ?u . "
                            "?p kg:holdsPosition ?pos } }", {"u": Literal("https://ex.org/a",
                                                                           datatype=XSD.anyURI)})
        assert [str(r[0]).rsplit("/", 1)[-1] for r in posts.rows] == ["president-kenya"]
        out = io.BytesIO()
        export(store, out, format_for("x.nq"))
        exports.append(out.getvalue())
    assert exports[0] == exports[1] == exports[2]


def test_articles_that_share_an_iri_are_named_as_merged_and_counted_once(tmp_path):
    """No URL and the same headline and date (or the same URL) make one article: the build says
    which inputs were merged into which, counts each article once, and a rebuild is unchanged."""
    import json
    import subprocess
    import sys

    src = tmp_path / "in"
    src.mkdir()
    talks = "---\ntitle: Talks in Lima\ndate: 2024-03-05\n---\n"
    (src / "a.md").write_text(talks + "Ana Lima met Bo Chen in Lima on Monday.\n")
    (src / "b.md").write_text(talks + "Carlos Ruiz visited Quito on Tuesday.\n")
    (src / "copy.md").write_text(talks + "Ana Lima met Bo Chen in Lima on Monday.\n")
    (src / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in (
        {"text": "Peru and Chile signed a trade deal.", "url": "https://example.org/deal"},
        {"text": "Peru and Chile signed a trade deal in Lima.",
         "url": "https://example.org/deal"})))
    store = tmp_path / "st"

    def kg(*args):
        res = subprocess.run([sys.executable, "-m", "kg.cli", "--store", str(store), *args],
                             capture_output=True, text=True, timeout=300)
        assert res.returncode == 0 and "Traceback" not in res.stderr, res.stderr
        return res

    res = kg("build", str(src))
    assert res.stdout.startswith("2 article(s) written, 0 unchanged, 0 skipped, 3 merged;")
    merged = sorted(line for line in res.stderr.splitlines() if line.startswith("kg: merged"))
    assert merged == [
        f"kg: merged {src}/b.md: the same headline and date as {src}/a.md and no URL, so both "
        f"are one article: {src}/a.md was kept, {src}/b.md left out; give either a url (or its "
        "own headline) to keep both",
        f"kg: merged {src}/copy.md: a copy of {src}/a.md (the same headline, date and text); "
        "built once",
        f"kg: merged {src}/feed.jsonl:2: the same URL as {src}/feed.jsonl:1, so both are one "
        f"article: {src}/feed.jsonl:1 was kept, {src}/feed.jsonl:2 left out; correct the url of "
        "either to keep both"]
    assert "articles  2" in kg("stats").stdout
    kg("export", "-o", str(tmp_path / "first.nq"))
    res = kg("build", str(src))  # the same inputs: nothing flips back and forth
    assert res.stdout.startswith("0 article(s) written, 2 unchanged, 0 skipped, 3 merged;")
    kg("export", "-o", str(tmp_path / "again.nq"))
    assert (tmp_path / "first.nq").read_bytes() == (tmp_path / "again.nq").read_bytes()
    (src / "b.md").write_text(talks.replace("---\n", "---\nurl: https://example.org/quito\n", 1)
                              + "Carlos Ruiz visited Quito on Tuesday.\n")
    res = kg("build", str(src))
    assert res.stdout.startswith("1 article(s) written, 2 unchanged, 0 skipped, 2 merged;")
    assert "articles  3" in kg("stats").stdout
