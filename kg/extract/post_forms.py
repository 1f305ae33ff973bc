"""Posts as offices and press releases write them, beside the common forms in positions.py.

'Acting Assistant Attorney General for the Justice Department's Civil Division X' (a title for
a body, before the name); 'said X, M.D., Acting Director, Centers for Disease Control and
Prevention' (a release's signature); 'The U.N. High Commissioner for Refugees, X' (a body named
by its head's title); 'Today he is president of X' (a copula after a pronoun). Each returns the
title and body, or makes the post through positions.position; none changes anything else.
"""
from __future__ import annotations

from .lexicon import TITLE_HEADS
from .model import ORG_KINDS, ArticleContext
from .parsed import having
from .positions import named_title, position, relative_title, title_before, title_label
from .text import clean


def title_for_body_before(ctx: ArticleContext, start: int):
    """(title words, body) for 'Acting Assistant Attorney General for the Justice Department's
    Civil Division Chad A. Readler': a title, then 'for' or 'of' the body (or the part of it
    its possessive names), right before the name."""
    doc = ctx.doc
    body = ctx.node_at(start - 1) if start > 0 else None
    if body is None or body.kind not in ORG_KINDS:
        return None
    j = ctx.mention_start(start - 1) - 1
    if j >= 1 and doc[j].lower_ in ("'s", "\u2019s"):
        owner = ctx.node_at(j - 1)
        if owner is None or owner.kind not in ORG_KINDS:
            return None
        j = ctx.mention_start(j - 1) - 1
    j -= j >= 0 and doc[j].lower_ == "the"
    if j < 1 or doc[j].lower_ not in ("for", "of"):
        return None
    found = title_before(ctx, j)
    if not found or not any(w.lower() in TITLE_HEADS for w in found[0]):
        return None
    return found[0], body


def pronoun_posts(ctx: ArticleContext) -> None:
    """'Today he is president of James River Coal Service', 'He served as the head of X': a
    post a copula or 'serve as' gives the person a pronoun stands for (resolved as the claim
    stages resolve it)."""
    from .coref import resolve_pronoun

    for tok in having(ctx.doc, "lower", ("he", "she")):
        if tok.dep_ != "nsubj" or tok.head.lemma_ not in ("be", "serve") or \
                ctx.in_quote(tok.idx) or tok.head.dep_ not in ("ROOT", "conj"):
            continue  # ("says he is the country's new president": a claim, not a post)
        app = relative_title(ctx, tok) or named_title(ctx, tok)  # "He served as head of X"
        person = resolve_pronoun(ctx, tok) if app else None
        if person is None or person.kind != "Person":
            continue
        words, state, toks, one_of = app
        body = next((n for t in toks if (n := ctx.node_at(t.i)) is not None
                     and n.kind in ORG_KINDS), None)
        position(ctx, person, title_label(words), state, tok.sent, body, one_of)


def office_before(ctx: ArticleContext, root):
    """(title, body) when the person is set beside a body named by its head's title ('The U.N.
    High Commissioner for Refugees, X'): the office is the name as written."""
    from .coref import office_holder

    body = ctx.node_at(root.head.i) if root.dep_ == "appos" else None
    if body is None or body.kind not in ORG_KINDS:
        return None
    first = ctx.mention_start(root.head.i)
    k = ctx.mention_end(first)
    top = min(ctx.doc[first:k], key=lambda t: len(list(t.ancestors)))  # the name's own head
    return (clean(ctx.doc[first:k].text), body) if office_holder(ctx, top) is not None else None


# Degrees and suffixes written between a name and its title: 'X, M.D., Acting Director'.
CREDENTIALS = {"m.d.", "md", "ph.d.", "phd", "m.p.h.", "mph", "j.d.", "esq.", "jr.", "sr.",
               "r.n.", "d.v.m.", "m.b.a."}


def signature_title(ctx: ArticleContext, end: int):
    """(title words, body) of a press release's signature after a name: 'X, Director, Centers
    for Disease Control and Prevention' (the body set off by a comma, as the release signs
    it), degrees between them skipped; None when the words are not a title and a named body."""
    doc = ctx.doc
    k = end
    while k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in CREDENTIALS:
        k += 2
    if k >= len(doc) or doc[k].text != ",":
        return None
    words = []
    j = k + 1
    while j < len(doc) and doc[j].text != "," and ctx.node_at(j) is None and len(words) < 6:
        words.append(doc[j])
        j += 1
    if not words or words[-1].lower_ not in TITLE_HEADS or not all(
            w.text[:1].isupper() for w in words) or j + 1 >= len(doc) or doc[j].text != ",":
        return None
    body = ctx.node_at(j + 1)
    if body is None or body.kind not in ORG_KINDS or ctx.mention_start(j + 1) != j + 1:
        return None
    after = ctx.mention_end(j + 1)
    if after < len(doc) and not doc[after].is_punct:
        return None  # the body must close the signature
    return [w.text for w in words], body
