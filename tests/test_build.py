"""Building: bad files are skipped and the rest lands; rebuilding changes nothing; an edited
article replaces its own graph; IRIs do not depend on build order."""
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
