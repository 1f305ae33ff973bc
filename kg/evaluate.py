"""Score competency questions against the store: the format of shared eval/cq.py.

Each question is {"id", "question", "query", "expect"} with expect one of {"ask": bool},
{"all": [items], "only": bool}, {"count": N}, {"min_count": N}. An answer that is a resource
matches through its rdfs:label and skos:altLabel (and the last segment of its IRI); strings match
when the item's words appear in order, whole, ignoring case and punctuation; numbers by value.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import BNode, Literal, URIRef

from .errors import InputError, KGError
from .extract.text import norm
from .namespaces import sparql_prologue


@dataclass
class Outcome:
    id: str
    question: str
    passed: bool
    detail: str


def _words(text) -> str:
    """The words of a text as kg compares names (`norm`), a possessive 's left out."""
    return norm(re.sub(r"['\u2018\u2019]s\b", "", str(text)))


def _number(text) -> Decimal | None:
    try:
        return Decimal(str(text).replace(",", ""))
    except (InvalidOperation, ValueError):
        return None


def _item_matches(item, answers: list[list[str]]) -> bool:
    if isinstance(item, list):
        return any(_item_matches(alt, answers) for alt in item)
    if isinstance(item, (int, float)) and not isinstance(item, bool):
        want = Decimal(str(item))
        return any(_number(t) == want for texts in answers for t in texts)
    needle = f" {_words(item)} "
    return any(needle in f" {_words(t)} " for texts in answers for t in texts)


def _texts(store, term, cache: dict) -> list[str]:
    if isinstance(term, Literal):
        return [str(term)]
    if term in cache:
        return cache[term]
    names = []
    if isinstance(term, (URIRef, BNode)):
        q = "SELECT ?l ?t WHERE { ?t rdfs:label|skos:altLabel ?l }"
        names = [str(r[0]) for r in store.query(q, {"t": term}).rows] \
            if isinstance(term, URIRef) else []
        if isinstance(term, URIRef):
            names.append(re.split(r"[/#]", str(term))[-1].replace("-", " ").replace("_", " "))
    cache[term] = names
    return names


def check(store, cq: dict, cache: dict | None = None) -> Outcome:
    cache = {} if cache is None else cache
    expect = cq["expect"]
    try:
        result = store.query(sparql_prologue() + cq["query"])
    except KGError as exc:
        return Outcome(cq["id"], cq["question"], False, f"query error: {exc}")
    if "ask" in expect:
        got = bool(result.boolean)
        return Outcome(cq["id"], cq["question"], got == expect["ask"], f"ask -> {got}")
    rows = {row[0] for row in result.rows if row and row[0] is not None}
    answers = [_texts(store, t, cache) for t in rows]
    shown = "; ".join(sorted({(t[0] if t else "?") for t in answers}))[:300]
    if "count" in expect:
        return Outcome(cq["id"], cq["question"], len(rows) == expect["count"],
                       f"{len(rows)} answers: {shown}")
    if "min_count" in expect:
        return Outcome(cq["id"], cq["question"], len(rows) >= expect["min_count"],
                       f"{len(rows)} answers: {shown}")
    items = expect["all"]
    missing = [i for i in items if not _item_matches(i, answers)]
    extra = [t for t in answers if not any(_item_matches(i, [t]) for i in items)] \
        if expect.get("only") else []
    detail = f"answers: {shown or '(none)'}"
    if missing:
        detail += f" | missing: {missing}"
    if extra:
        detail += f" | unexpected: {[t[0] if t else '?' for t in extra]}"
    return Outcome(cq["id"], cq["question"], not missing and not extra, detail)


def load_questions(path: str | Path) -> list[dict]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}:{exc.colno}: malformed JSON ({exc.msg})") from None
    if not isinstance(data, list) or not all(
            isinstance(q, dict) and {"id", "query", "expect"} <= set(q) for q in data):
        raise InputError(f"{path}: expected a list of questions with id, query and expect")
    return data


def evaluate(store, questions: list[dict]) -> list[Outcome]:
    cache: dict = {}
    return [check(store, q, cache) for q in questions]
