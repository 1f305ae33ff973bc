"""The seed competency questions, scored by kg's own evaluator, on both backends."""
import json

import pytest

from conftest import TESTDATA


@pytest.mark.parametrize("backend", ["seed_memory", "seed_oxigraph"])
def test_seed_questions_pass(backend, request):
    from kg.evaluate import evaluate

    store = request.getfixturevalue(backend)
    questions = json.loads((TESTDATA / "seed_questions.json").read_text())
    outcomes = evaluate(store, questions)
    failed = [f"{o.id}: {o.detail}" for o in outcomes if not o.passed]
    assert len(outcomes) - len(failed) >= 48, failed


def test_both_backends_give_the_same_answers(seed_memory, seed_oxigraph):
    from kg.namespaces import sparql_prologue

    questions = json.loads((TESTDATA / "seed_questions.json").read_text())
    for q in questions:
        a = seed_memory.query(sparql_prologue() + q["query"])
        b = seed_oxigraph.query(sparql_prologue() + q["query"])
        if a.type == "ASK":
            assert a.boolean == b.boolean, q["id"]
        else:
            assert sorted(map(str, (r[0] for r in a.rows))) == \
                sorted(map(str, (r[0] for r in b.rows))), q["id"]
