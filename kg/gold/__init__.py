"""Score kg against gold facts: real articles, each with a hand-written list of the facts a
careful analyst reads in it (the format is in tests/corpus/README.md). `kg eval --gold DIR`.
"""
from __future__ import annotations

from .facts import Extracted
from .load import KINDS, GoldArticle, load_gold
from .score import ArticleScore, KindScore, score_article

__all__ = ["KINDS", "GoldArticle", "ArticleScore", "KindScore", "load_gold", "score_store",
           "totals", "evaluate_corpus"]


def score_store(store, gold: list[GoldArticle]) -> list[ArticleScore]:
    """Score the facts the store holds for each gold article (matched by file name)."""
    extracted = Extracted(store)
    return [score_article(g, extracted.facts(g.article.name)) for g in gold]


def totals(scores: list[ArticleScore], split: str | None = None) -> dict[str, KindScore]:
    """Counts per kind, and 'overall', over the articles of one split (or all)."""
    out = {kind: KindScore() for kind in (*KINDS, "overall")}
    for s in scores:
        if split and s.gold.split != split:
            continue
        for kind, ks in s.kinds.items():
            out[kind].add(ks)
            out["overall"].add(ks)
    return out


def evaluate_corpus(folder, store=None, *, model: str | None = None, progress=None):
    """Build the gold articles of `folder` into `store` (a fresh memory store by default) and
    score them. Returns (scores, build report)."""
    from ..build import build
    from ..store import Store

    gold = load_gold(folder)
    own = store is None
    store = Store("memory") if own else store
    try:
        report = build(store, [str(g.article) for g in gold], model=model, progress=progress)
        return score_store(store, gold), report
    finally:
        if own:
            store.close()
