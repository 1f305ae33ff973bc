"""Events of every kind news reports: disasters, accidents, attacks, protests, strikes,
outbreaks, launches, elections, votes, court decisions, appointments, resignations, rate
decisions, acquisitions, deaths and announcements.

A table (`data/event_triggers.tsv`) says which words report which class and which check must
hold for the word to count; mentions of one class in an article are one event unless their
dates disagree. An event with nothing to anchor it (no participant, place or date) is left out.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .coref import actor_of, subject_of
from .events import _cluster, _hypothetical, _not_done, _participants, sentence_dates
from .model import EVENT_KINDS, ArticleContext, Node
from .registry import extractor
from .text import clean
from ..vocab import KG

SPACE_WORDS = {"rocket", "spacecraft", "satellite", "probe", "lander", "rover", "shuttle",
               "capsule", "orbiter", "mission", "telescope", "spaceship", "module", "moon",
               "mars", "orbit", "space"}
COURT_WORDS = {"court", "judge", "judges", "tribunal", "jury", "panel", "justice", "justices"}
LEGISLATURES = {"parliament", "senate", "congress", "assembly", "lawmakers", "legislators",
                "mps", "deputies", "council", "committee", "house", "legislature", "board",
                "members", "shareholders", "voters", "delegates"}
MILITARY = {"air", "military", "missile", "drone", "rocket", "airstrike", "hunger"}
RATE_VERBS = {"cut", "raise", "hike", "hold", "keep", "lower", "leave", "increase", "reduce",
              "lift", "set", "maintain", "trim", "slash", "halve"}
REPORT_NOUNS = {"report", "figures", "data", "results", "statement", "study", "survey",
                "findings", "statistics", "estimates", "forecast", "review"}
ATTACK_WORDS = {"bomb", "bomber", "suicide", "attack", "attacker", "militant", "militants",
                "insurgent", "insurgents", "gunman", "gunmen", "terrorist", "terrorists"}
BACKGROUND = {"last", "previous", "past", "former", "earlier", "prior"}
PLACE_PREPS = {"in", "at", "near", "off", "across", "on", "outside", "inside", "over"}


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], tuple[str, str]]:
    """(lemma, part of speech or '*') -> (event class, check)."""
    text = resources.files("kg.extract").joinpath("data", "event_triggers.tsv").read_text()
    out = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, pos, cls, *check = line.split("\t")
        if cls not in EVENT_KINDS:
            raise ValueError(f"event_triggers.tsv: {cls} is not an event class of the ontology")
        if (lemma, pos) in out:
            raise ValueError(f"event_triggers.tsv: {lemma} {pos} is listed twice")
        out[(lemma, pos)] = (cls, (check[0] if check else "").strip())
    return out


def _trigger_classes():
    """The event classes the trigger table can report, as kg terms."""
    return sorted({KG[cls] for cls, _ in triggers().values()})


def _verb(tok):
    return tok if tok.pos_ in ("VERB", "AUX") else tok.head


def _subject_node(ctx: ArticleContext, tok) -> Node | None:
    subj = subject_of(_verb(tok))
    return actor_of(ctx, subj) if subj is not None else None


def _subject_word(tok) -> str:
    subj = subject_of(_verb(tok))
    return subj.lemma_.lower() if subj is not None else ""


def _passive(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in _verb(tok).children)


def _words(sent) -> set[str]:
    return {t.lower_ for t in sent}


CHECKS = {
    "": lambda ctx, tok, sent: True,
    "not_attack": lambda ctx, tok, sent: not (_words(sent) & ATTACK_WORDS),
    "labour": lambda ctx, tok, sent: not any(c.lower_ in MILITARY for c in tok.lefts)
    and tok.head.lemma_.lower() not in ("hunger",),
    "space": lambda ctx, tok, sent: bool(_words(sent) & SPACE_WORDS),
    "passive": lambda ctx, tok, sent: _passive(tok),
    "legislature": lambda ctx, tok, sent: _subject_word(tok) in LEGISLATURES,
    "object": lambda ctx, tok, sent: tok.pos_ == "NOUN" or _passive(tok)
    or any(c.dep_ == "dobj" for c in tok.children),
    "court": lambda ctx, tok, sent: _subject_word(tok) in COURT_WORDS
    or (_subject_node(ctx, tok) is not None
        and _subject_node(ctx, tok).label.split()[-1].lower() in COURT_WORDS),
    "court_near": lambda ctx, tok, sent: bool(_words(sent) & COURT_WORDS),
    "guilty": lambda ctx, tok, sent: any(c.lower_ == "guilty" for c in tok.subtree),
    "sworn_in": lambda ctx, tok, sent: any(c.lower_ == "in" and c.dep_ == "prt"
                                           for c in tok.children),
    "step_down": lambda ctx, tok, sent: any(c.lower_ == "down" for c in tok.children),
    "blast_off": lambda ctx, tok, sent: any(c.lower_ == "off" for c in tok.children),
    "rate_decision": lambda ctx, tok, sent: _rate_verb(tok),
    "company_object": lambda ctx, tok, sent: any(
        (n := ctx.node_at(c.i)) is not None and n.kind in ("Company", "Organization")
        for c in tok.children if c.dep_ == "dobj"),
    "person_subject": lambda ctx, tok, sent: (n := _subject_node(ctx, tok)) is not None
    and n.kind == "Person",
    "actor_subject": lambda ctx, tok, sent: (n := _subject_node(ctx, tok)) is not None
    and n.is_actor and not n.data.get("group"),
    "report_object": lambda ctx, tok, sent: any(
        c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in REPORT_NOUNS or any(
            a.dep_ == "appos" and a.lemma_.lower() in REPORT_NOUNS for a in c.children))
        for c in tok.children) or (tok.dep_ == "acl" and tok.head.lemma_.lower() in REPORT_NOUNS
                                   and any(c.dep_ == "agent" for c in tok.children)),
    "victory": lambda ctx, tok, sent: any(c.dep_ == "dobj" and c.lemma_.lower() in (
        "victory", "defeat", "win") for c in tok.children)
    and (n := _subject_node(ctx, tok)) is not None and n.is_actor,
}


def _rate_verb(tok) -> bool:
    """'held interest rates at 0.5%', 'cut its key rate': a central bank sets a rate."""
    head = tok.head
    if tok.dep_ not in ("dobj", "nsubjpass") or head.lemma_.lower() not in RATE_VERBS:
        return False
    subj = subject_of(head)
    words = {t.lower_ for t in subj.subtree} if subj is not None else set()
    return bool(words & {"bank", "reserve", "fed", "committee"}) or _passive(head)


def event_class(ctx: ArticleContext, tok, sent) -> str | None:
    table = triggers()
    lemma = tok.lemma_.lower()
    hit = table.get((lemma, tok.pos_)) or table.get((lemma, "*")) \
        if tok.pos_ in ("VERB", "NOUN", "PROPN") else None
    if hit is None:
        return None
    cls, check = hit
    return cls if CHECKS[check](ctx, tok, sent) else None


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



