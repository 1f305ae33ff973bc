"""Our own corpus: nine short articles we wrote (a minerals deal, a health report, nuclear
talks, a cartel trial, a climate summit, a drug seizure, an earthquake, a sentencing, and a wire story on the
seed story told another way) in .txt, .md and .json, with their own competency questions. They
keep the extractor general: the seed articles are not the only text it is tuned on."""
import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "own_corpus"


@pytest.fixture(scope="module")
def corpus_store():
    from kg.build import build
    from kg.store import Store

    store = Store("memory")
    report = build(store, [str(CORPUS / "articles")])
    assert report.written == 9 and not report.errors
    yield store
    store.close()


def test_corpus_questions_pass(corpus_store):
    from kg.evaluate import evaluate

    questions = json.loads((CORPUS / "questions.json").read_text())
    outcomes = evaluate(corpus_store, questions)
    failed = [f"{o.id}: {o.detail}" for o in outcomes if not o.passed]
    assert len(failed) <= 2, failed


def test_corpus_graph_conforms_to_the_shapes(corpus_store):
    from kg.validate import data_graph, shacl

    report = shacl(data_graph(corpus_store))
    assert report.conforms, [str(v) for v in report.violations][:5]


def test_every_fact_points_at_its_sentence(corpus_store):
    """text[start:end] == evidence, for every kind of fact (read per article graph)."""
    res = corpus_store.query("""SELECT ?s ?kind ?a ?ev ?b ?e WHERE {
        GRAPH ?a { ?s a ?kind ; kg:evidence ?ev ; kg:startOffset ?b ; kg:endOffset ?e }
        VALUES ?kind { kg:Statement kg:Claim kg:Statistic kg:Meeting kg:Summit
                       kg:EnforcementAction kg:Agreement kg:Position } }""")
    texts = {str(a): str(t) for a, t in corpus_store.query(
        "SELECT ?a ?t WHERE { ?a a kg:Article ; kg:text ?t }").rows}
    evidence, spans, kinds = {}, {}, set()
    for s, kind, a, ev, b, e in res.rows:
        key = (str(s), str(a))
        evidence.setdefault(key, set()).add(str(ev))
        spans.setdefault(key, set()).add(texts[str(a)][int(b):int(e)])
        kinds.add(str(kind).rsplit("#", 1)[-1])
    assert evidence and all(evidence[k] == spans[k] for k in evidence)
    assert {"Statement", "Claim", "Statistic", "Meeting", "Summit", "EnforcementAction",
            "Agreement", "Position"} <= kinds
