"""Resolution across articles: one node per person even when a later story misspells the name
(same post), one event for two reports of the same meeting, dates borrowed by undated reports."""
from kg.build import build_articles
from kg.ingest.dates import parse_date
from kg.ingest.readers import ArticleInput


def _people(store):
    return sorted(str(r[0]) for r in store.query(
        "SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l }").rows)


def test_a_misspelt_surname_with_the_same_post_is_the_same_person(memory_store):
    build_articles(memory_store, [
        ArticleInput(text="Deputy Trade Minister Karen Okonkwo arrived in Lagos on Monday for "
                          "talks with Ghanaian officials.", published=parse_date("2025-02-03")),
        ArticleInput(text="Deputy Trade Minister Karen Okonkow said on Wednesday that the talks "
                          "in Lagos had ended.", published=parse_date("2025-02-05")),
    ])
    assert _people(memory_store) == ["Karen Okonkwo"]
    alts = memory_store.query("SELECT ?a WHERE { ?p a kg:Person ; skos:altLabel ?a }").rows
    assert "Karen Okonkow" in [str(a[0]) for a in alts]


def test_a_different_person_with_a_similar_name_stays_apart(memory_store):
    build_articles(memory_store, [
        ArticleInput(text="Finance Minister Ana Silva spoke in Lisbon on Monday.",
                     published=parse_date("2025-02-03")),
        ArticleInput(text="Club Director Ana Silvo spoke in Porto on Monday.",
                     published=parse_date("2025-02-03")),
    ])
    assert _people(memory_store) == ["Ana Silva", "Ana Silvo"]


def test_two_reports_of_one_meeting_are_one_event_and_undated_borrows_the_date(memory_store):
    build_articles(memory_store, [
        ArticleInput(text="Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed "
                          "in Nairobi on Thursday. In March, Kenya imposed sanctions on two "
                          "Ethiopian firms."),
        ArticleInput(text="William Ruto and Abiy Ahmed held talks in Nairobi on Thursday.",
                     published=parse_date("2025-06-13")),
    ])
    res = memory_store.query("SELECT ?e ?d (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e a kg:Meeting ; "
                             "kg:date ?d ; prov:wasDerivedFrom ?a } GROUP BY ?e ?d").rows
    assert [(str(d), int(n)) for _, d, n in res] == [("2025-06-12", 2)]
    sanction = memory_store.query("SELECT ?d WHERE { ?e a kg:EnforcementAction ; kg:date ?d }")
    assert [str(r[0]) for r in sanction.rows] == ["2025-03"]
