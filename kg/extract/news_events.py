"""Events of every kind news reports: disasters, accidents, attacks, protests, strikes,
outbreaks, launches, elections, votes, court decisions, appointments, resignations, rate
decisions, acquisitions, deaths and announcements.

A table (`data/event_triggers.tsv`) says which words report which class and which check must
hold for the word to count; mentions of one class in an article are one event unless their
dates disagree. An event with nothing to anchor it (no participant, place or date) is left out.
"""
from __future__ import annotations

from .event_words import _trigger_classes, _verb, event_class
from .events import _cluster, _hypothetical, _not_done, _participants, sentence_dates
from .model import EVENT_KINDS, ArticleContext, Node
from .registry import extractor
from .text import clean
from ..vocab import KG

BACKGROUND = {"last", "previous", "past", "former", "earlier", "prior"}
PLACE_PREPS = {"in", "at", "near", "off", "across", "on", "outside", "inside", "over"}


def _where(ctx: ArticleContext, sent) -> Node | None:
    """The place an event in this sentence happened: a place or state after 'in', 'at',
    'near', 'off'…; a more precise place wins over a state."""
    found = []
    for tok in sent:
        n = ctx.node_at(tok.i)
        if n is None or n.kind not in ("Place", "Country") or ctx.in_quote(tok.idx):
            continue
        if (tok.head.lower_ in PLACE_PREPS and tok.dep_ == "pobj") or tok.dep_ == "poss":
            if n.label != ctx.dateline and n not in found:
                found.append(n)
    found.sort(key=lambda n: n.kind == "Country")
    return found[0] if found else None


def _owner_state(ctx: ArticleContext, tok) -> Node | None:
    """'Ghana's presidential election', 'the Ghanaian election': the state the event is of."""
    from .entities import country

    for c in tok.lefts:
        n = ctx.node_at(c.i)
        if n is not None and n.kind == "Country" and c.dep_ in ("poss", "compound", "amod"):
            return n
        if c.i in ctx.demonym and c.dep_ in ("amod", "compound"):
            return country(ctx, ctx.demonym[c.i])
    return None


def _reported_only(tok) -> bool:
    """'officials said the talks would…': the word sits under a modal, a negation, or names a
    plan rather than a thing that happened."""
    verb = _verb(tok)
    if verb.dep_ == "xcomp" or (tok.pos_ == "VERB" and tok.dep_ == "xcomp"):
        return True  # "asked him to resign", "allows the Commission to appoint"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
        return True  # "if convicted"
    if tok.pos_ == "NOUN" and tok.dep_ == "compound":
        return True  # "merger activity", "election posters": a modifier, not an event
    if tok.pos_ == "NOUN" and any(c.lower_ in BACKGROUND for c in tok.lefts
                                  if c.dep_ in ("amod", "compound")):
        return True  # "the last election", "previous strikes": an earlier event, told as context
    return _not_done(verb) or _hypothetical(tok) or \
        any(c.lower_ in ("would", "will", "could", "may", "might") for c in verb.children)


@extractor("news-events", order=42,
           requires=(KG.Person, KG.Place, KG.Country),
           assigns=(*_trigger_classes(), KG.description, KG.participant, KG.location, KG.Actor, KG.Country,
                    KG.represents))
def extract_news_events(ctx: ArticleContext) -> None:
    """Events of every other kind (disasters, elections, court decisions…), clustered."""
    clusters: dict[str, list[Node]] = {}
    for sent in ctx.doc.sents:
        dates = None
        for tok in sent:
            if ctx.in_quote(tok.idx) or ctx.node_at(tok.i) is not None:
                continue
            cls = event_class(ctx, tok, sent)
            if cls is None or _reported_only(tok):
                continue
            dates = sentence_dates(ctx, sent, tok)
            name = _event_name(tok)
            pool = clusters.setdefault(cls, [])
            same = [e for e in pool if e.data.get("name") in (None, name)] if name else pool
            event = _cluster(ctx, cls, dates, same, agree=_resolved_agree(ctx))
            if event not in pool:
                pool.append(event)
            if name:
                event.data["name"] = name
            event.evidence(*ctx.sentence_span(sent))
            event.data.setdefault("what", tok.lemma_.lower())
            event.add(KG.description, clean(tok.text))
            for n in _participants(ctx, sent, tok):
                if n.kind != "Country" or cls in ("Meeting", "Summit", "Election", "Vote"):
                    event.add(KG.participant, n)
            place = _where(ctx, sent) or _owner_state(ctx, tok)
            if place is not None and not event.get(KG.location):
                event.add(KG.location, place)
            ctx.mention(tok.i, tok.i + 1, event)
    _drop_unanchored(ctx)


def _event_name(tok) -> str | None:
    """'Hurricane Fiona', 'Typhoon Haiyan': a named storm is its own event, never merged with
    another storm the article names."""
    from .entities import STORM_WORDS

    if tok.lower_ not in STORM_WORDS:
        return None
    names = []
    for t in tok.doc[tok.i + 1:tok.i + 4]:
        if t.pos_ != "PROPN" or not t.is_title:
            break
        names.append(t.text)
    return " ".join(names) or None


def _resolved_agree(ctx: ArticleContext):
    """Dates agree when, resolved against the article's date, they are compatible: 'sentenced
    on Friday' and 'convicted in March' are two decisions."""
    from .temporal import compatible, resolve

    def agree(a: list, b: list) -> bool:
        ra = [x for x in (resolve(w, ctx.reference) for w in a) if x is not None]
        rb = [x for x in (resolve(w, ctx.reference) for w in b) if x is not None]
        return all(compatible(x, y) for x in ra for y in rb)
    return agree


def _drop_unanchored(ctx: ArticleContext) -> None:
    """An event with no participant, place or date cannot be told from any other: left out."""
    for n in ctx.of_kind(*EVENT_KINDS):
        if not n.dates and not any(
                n.get(p) for p in ("participant", "agent", "target", "location")):
            ctx.drop(n)



