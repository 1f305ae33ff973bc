"""The extraction pipeline for one article: parse → mentions → extractors → (resolution and
triples happen in resolve.py and triples.py, against the store)."""
from __future__ import annotations

from ..ingest.readers import ArticleInput, dateline_place
from .model import ArticleContext, UnknownTerm
from .registry import extractors


def looks_english(doc) -> bool:
    from spacy.attrs import IS_ALPHA, IS_STOP

    flags = doc.to_array([IS_ALPHA, IS_STOP]).tolist() if len(doc) else []
    words = sum(1 for alpha, _ in flags if alpha)
    if words < 8:
        return True
    stop = sum(1 for alpha, is_stop in flags if alpha and is_stop)
    return stop / words > 0.12


class UndeclaredOutput(UnknownTerm):
    """A stage added a class or property it does not declare in `assigns`: a bug in kg."""


def _outputs(ctx: ArticleContext) -> set[tuple[int, str]]:
    return {(id(n), n.kind) for n in ctx.nodes.values()} | \
        {(id(n), p) for n in ctx.nodes.values() for p, _ in n.props}


def run_extractors(doc, article: ArticleInput, only: list[str] | None = None,
                   strict: bool = False) -> ArticleContext:
    """Run the registered extractors over a parsed article; one failing extractor warns and
    the others still run. `strict` (for tests) also refuses a stage that adds a class or a
    property it did not declare."""
    text = doc.text  # made anew from the tokens at each read
    ctx = ArticleContext(doc=doc, text=text, published=article.published,
                         dateline=dateline_place(article.dateline), publisher=article.publisher)
    ctx.reference = article.published
    if not text.strip():
        ctx.warn("empty article: nothing to extract")
        return ctx
    if not looks_english(doc):
        ctx.warn("the text does not look like English; extraction may find little")
    for ex in extractors():
        if only and ex.name not in only and ex.name != "entities":
            continue
        before = _outputs(ctx) if strict else set()
        try:
            ex.func(ctx)
            if strict:
                added = {what for _, what in _outputs(ctx) - before} - ex.assigns
                if added:
                    raise UndeclaredOutput(f"extractor {ex.name!r} added undeclared "
                                           f"{', '.join('kg:' + a for a in sorted(added))}")
        except UnknownTerm:
            raise  # a term the ontology lacks is a bug in kg, never skipped
        except Exception as exc:  # an extractor bug must not lose the article
            ctx.warn(f"extractor {ex.name!r} failed: {type(exc).__name__}: {exc}")
    return ctx


WARM_TEXT = ("GENEVA (Reuters) - Secretary of State John Kerry met Russian Foreign Minister Sergei "
             "Lavrov in Geneva on Monday, the State Department said. \u201cWe agreed on 12 points,\u201d "
             "Kerry told reporters. About 3,000 people were evacuated from Port-au-Prince after a "
             "chlorine leak, and the International Monetary Fund (IMF) pledged $1.2 billion.")


def warm(model: str | None = None) -> None:
    """Import the extractors and load what they read on first use (place names, given names,
    countries) by extracting a short article: what a build's first article pays for. For a
    benchmark to time a build's throughput apart from its setup, as it does the model's load."""
    from .nlp import load

    nlp = load(model)
    run_extractors(nlp(WARM_TEXT), ArticleInput(text=WARM_TEXT))
