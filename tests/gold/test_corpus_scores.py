"""The gold corpus of real news, scored: every gold file is well formed, every article builds,
and precision and recall per fact kind on the test split stay at or above what they reached
(bench/extraction.md has the history). A change that lowers a figure fails here: if it is a
trade worth making, lower the floor in the same commit and say why."""
from pathlib import Path

import pytest

from kg.gold import KINDS, evaluate_corpus, load_gold, totals

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# Floors, a little under the figures reached on the test split (precision, recall). Events'
# recall floor went 0.38 -> 0.35 -> 0.33 (the place rule; twelve dev articles joining the store
# the corpus is built into; event participants read from the trigger's own arguments) and back
# to 0.35; quotes' precision floor went 0.88 -> 0.85 when unnamed witnesses became speakers
# (bench/extraction.md logs each trade). The test split grew from 25 to 39 articles (t2_, news
# kg had not seen, scored 77/69 overall when it joined): the floors were set again on all 39;
# and again on all 50 when eleven t3_ articles joined (79/68 overall on them alone); and again on
# all 58 when eight t4_ articles joined (84/75 overall on them alone). Posts' precision floor
# went 0.89 -> 0.88 with the press-release signature and division rules (one test post of 72
# changed from right to wrong, while test entities, members and overall rose). Members'
# precision floor went 0.74 -> 0.72 with 'X served as Y' (test posts +1 right, members +1 wrong;
# dev posts +2 right and -1 wrong, members +2 right).
FLOORS = {
    "entities": (0.80, 0.86), "posts": (0.88, 0.70), "members": (0.72, 0.34),
    "quotes": (0.91, 0.76), "claims": (0.86, 0.61), "events": (0.72, 0.40),
    "agreements": (0.81, 0.37), "statistics": (0.82, 0.69), "overall": (0.81, 0.70),
}


@pytest.fixture(scope="module")
def scores():
    scores, report = evaluate_corpus(CORPUS)
    assert not report.errors, report.errors
    return scores


def test_the_corpus_is_large_varied_and_split():
    gold = load_gold(CORPUS)
    kinds = {g.kind for g in gold}
    assert len(gold) >= 60 and len(kinds) >= 20
    assert sum(g.split == "dev" for g in gold) >= 40 and sum(g.split == "test" for g in gold) >= 20
    assert max(sum(g.kind == k for g in gold) for k in kinds) <= 0.1 * len(gold)
    articles = {p.name for p in (CORPUS / "articles").iterdir()}
    assert {g.article.name for g in gold} == articles  # every article has its gold file


def test_every_article_names_its_source_and_licence():
    import yaml

    for path in sorted((CORPUS / "articles").iterdir()):
        meta = yaml.safe_load(path.read_text().split("---")[1])
        for field in ("title", "date", "url", "publisher", "licence", "kind"):
            assert meta.get(field), f"{path.name}: no {field}"


@pytest.mark.parametrize("kind", [*KINDS, "overall"])
def test_test_split_holds_its_floor(scores, kind):
    got = totals(scores, "test")[kind]
    p_floor, r_floor = FLOORS[kind]
    assert (got.precision or 0) >= p_floor, f"{kind} precision {got.precision:.3f} < {p_floor}"
    assert (got.recall or 0) >= r_floor, f"{kind} recall {got.recall:.3f} < {r_floor}"
