"""The extraction pipeline for one article: parse → mentions → extractors → (resolution and
triples happen in resolve.py and triples.py, against the store)."""
from __future__ import annotations

from ..ingest.readers import ArticleInput
from .model import ArticleContext
from .registry import extractors


def looks_english(doc) -> bool:
    words = [t for t in doc if t.is_alpha]
    if len(words) < 8:
        return True
    stop = sum(1 for t in words if t.is_stop)
    return stop / len(words) > 0.12


def run_extractors(doc, article: ArticleInput, only: list[str] | None = None) -> ArticleContext:
    """Run the registered extractors over a parsed article; one failing extractor warns and
    the others still run."""
    ctx = ArticleContext(doc=doc, text=doc.text, published=article.published,
                         dateline=article.dateline)
    ctx.reference = article.published
    if not doc.text.strip():
        ctx.warn("empty article: nothing to extract")
        return ctx
    if not looks_english(doc):
        ctx.warn("the text does not look like English; extraction may find little")
    for ex in extractors():
        if only and ex.name not in only and ex.name != "entities":
            continue
        try:
            ex.func(ctx)
        except Exception as exc:  # an extractor bug must not lose the article
            ctx.warn(f"extractor {ex.name!r} failed: {type(exc).__name__}: {exc}")
    return ctx
