"""Events of every kind news reports: disasters, accidents, attacks, protests, strikes,
outbreaks, launches, elections, votes, court decisions, appointments, resignations, rate
decisions, acquisitions, deaths and announcements.

A table (`data/event_triggers.tsv`) says which words report which class and which check must
hold for the word to count; mentions of one class in an article are one event unless their
dates disagree. An event with nothing to anchor it (no participant, place or date) is left out.
"""
from __future__ import annotations

from .event_words import _trigger_classes, _verb, event_class, trigger_positions
from .arguments import same_clause
from .events import (MODALS, _cluster, _hypothetical, _not_done, _participants,
                     modifier_only, permitted_only, sentence_dates, told_as_context)
from .lexicon import PLACE_HEADS
from .model import EVENT_KINDS, ArticleContext, Node
from .parsed import between, tokens
from .registry import extractor
from .text import clean
from ..vocab import KG

PLACE_PREPS = {"in", "at", "near", "off", "across", "on", "outside", "inside", "over", "into"}
# Common nouns that are places: "Haiti's capital was hit …".
PLACE_NOUNS = PLACE_HEADS | {"capital", "north", "south", "east", "west", "northeast", "northwest",
                             "southeast", "southwest", "interior", "countryside", "border",
                             "coast", "region", "area", "areas", "part", "parts", "outskirts",
                             "suburbs", "shores", "center", "centre", "heart"}
# Verbs whose 'to' clause is a possibility or a plan, not a thing done ("allows X to appoint").
NATIONAL = {"Election", "Vote", "Referendum", "RateDecision"}
# Events that happen to a person: mentions naming different people are different events.
PERSONAL = {"CourtDecision", "Resignation", "Appointment", "Death"}
ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "attr", "npadvmod"}


def _where(ctx: ArticleContext, sent, trigger, national: bool = False) -> Node | None:
    """The place the event a word reports happened: a place or state after 'in', 'at', 'near',
    'off'… in its sentence, the object of the event's own verb ('struck northern Chile'), or
    the place a 'where' clause hangs on; not the place of what a charge tells of ('found guilty
    of crimes in X'), not a possessor of anything but the event or a place ("X's union
    declared", but "Haiti's capital" and "X's election"). An election (`national`) is also the
    state whose body or leader the sentence names ("Angola's electoral commission says …
    after Friday's election"). A more precise place wins over a state."""
    verb = _verb(trigger)
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        n = ctx.node_at(verb.head.i)
        if n is not None and n.kind in ("Place", "Country"):
            return n  # "the Dominican Republic, where the president declared …"
    anchors = {trigger.i, verb.i} | {c.i for c in verb.children if c.dep_ in ARGUMENTS}
    found = []
    for tok in sent:
        n = ctx.node_at(tok.i)
        if n is None or n.kind not in ("Place", "Country") or ctx.in_quote(tok.idx) \
                or n.label == ctx.dateline or n in found:
            continue
        first = tok
        while first.dep_ in ("conj", "appos", "compound") and first.head.i != first.i:
            first = first.head  # "in Miami and Tampa", "in Tampa, Florida"
        if _place_of_event(first, n, trigger, verb, anchors, national) and (
                (national and first.dep_ == "poss") or same_clause(first, trigger, verb)):
            found.append(n)
    found.sort(key=lambda n: n.kind == "Country")
    return found[0] if found else None


def _place_of_event(first, n: Node, trigger, verb, anchors: set[int], national: bool) -> bool:
    if first.dep_ == "pobj" and first.head.lower_ == "of" and \
            first.head.head.lower_ in PLACE_NOUNS:
        first = first.head.head  # "off the coast of X", "a region of X": where X is
    aggression = trigger.lemma_.lower() in AGGRESSION
    if first.dep_ == "pobj" and aggression and first.head.lower_ == "of" and \
            first.head.head.i == trigger.i:
        return True  # "the invasion of Ukraine": where it was fought
    if first.dep_ == "pobj":
        return first.head.lower_ in PLACE_PREPS and not _deeper(first, anchors)
    if first.dep_ == "dobj" and first.head.dep_ in ("relcl", "acl") and \
            first.head.head.i == trigger.i:
        return True  # "an earthquake that shook X", "a storm hitting X"
    if first.dep_ == "dobj":
        return first.head.i == verb.i == trigger.i
    if first.dep_ == "poss" and aggression:
        return False  # "Russia's invasion": the attacker, not the place
    if first.dep_ == "poss":
        return first.head.i == trigger.i or (national and n.kind == "Country") or (
            first.head.i in anchors and first.head.lower_ in PLACE_NOUNS)
    return False


# Words of an armed attack whose possessor or subject is the attacker ('Russia's invasion').
AGGRESSION = {"invasion", "invade", "attack", "offensive", "occupation", "annexation",
              "incursion", "bombing", "airstrike", "shelling", "blockade"}


def _attacker_state(ctx: ArticleContext, tok) -> Node | None:
    """'Russia's invasion of Ukraine', 'Russia invaded Ukraine': the state that attacked."""
    if tok.lemma_.lower() not in AGGRESSION:
        return None
    heads = [c for c in tok.children if c.dep_ == "poss"] if tok.pos_ == "NOUN" else \
        [c for c in tok.children if c.dep_ == "nsubj"]
    return next((n for c in heads if (n := ctx.node_at(c.i)) is not None
                 and n.kind == "Country"), None)


def _deeper(tok, anchors: set[int]) -> bool:
    """'guilty of crimes in X': the place names where what the object tells of happened, not
    the event; only a place phrase inside an 'of' phrase under a non-verb is set aside."""
    for _ in range(8):
        if tok.i in anchors or tok.head.i == tok.i:
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "ADJ":
            return True
        tok = tok.head
    return False


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


# Verbs whose object is an event that is going on: 'combat the outbreak', 'fight the fires'.
FOUGHT = {"combat", "fight", "contain", "tackle", "battle", "control", "curb", "treat",
          "respond", "address"}


def _voters_state(ctx: ArticleContext, tok) -> Node | None:
    """'Venezuelans are casting ballots', 'Kenyans went to the polls': the state of the voters
    a demonym names."""
    from .coref import subject_of
    from .entities import country

    subj = subject_of(_verb(tok.head if tok.dep_ == "pobj" else tok))
    if subj is None or subj.i not in ctx.demonym:
        return None
    return country(ctx, ctx.demonym[subj.i])


def _reported_only(tok, cls: str | None = None) -> bool:
    """'officials said the talks would…': the word sits under a modal, a negation, or names a
    plan rather than a thing that happened. ('Lifted its rate' is a rate decision, though
    'lifted sanctions' undoes one.)"""
    verb = _verb(tok)
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and verb.lemma_.lower() in FOUGHT:
        return False  # "to help combat the cholera outbreak": the outbreak is there to fight
    if verb.dep_ == "xcomp" or (tok.pos_ == "VERB" and tok.dep_ == "xcomp"):
        return True  # "asked him to resign", "allows the Commission to appoint"
    if verb.dep_ in ("acl", "relcl") and cls != "Acquisition" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # "a deal with NASA to launch 12 missions": a plan, not a launch (an
        # "agreement to acquire X" is the acquisition the news reports)
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
        return True  # "if convicted"
    if permitted_only(verb):
        return True  # "allows the Commission to appoint a monitor"
    if modifier_only(tok):
        return True  # "merger and acquisition activity", "election posters": a modifier
    if any(c.dep_ == "mark" and c.lower_ == "than" for a in (tok, *tok.ancestors)
           for c in a.children):
        return True  # "… harder than it was by Hurricane Maria": a comparison
    if tok.pos_ == "NOUN" and told_as_context(tok):
        return True  # "the last election", "previous strikes": an earlier event, told as context
    undone = _not_done(verb, modals=MODALS - {"will", "shall"}, undoing=cls != "RateDecision")
    future = any(c.lower_ in ("will", "shall") for c in verb.children)
    return undone or _hypothetical(tok) or (future and not _dated(verb)) or \
        any(c.lower_ in ("would", "could", "may", "might") for c in verb.children)


def _dated(verb) -> bool:
    """'will leave his post on October 1': fixed to a day, an event the article reports."""
    for c in verb.children:
        if c.dep_ == "npadvmod" and c.ent_type_ == "DATE":
            return True
        if c.dep_ == "prep" and c.lower_ == "on" and any(
                p.dep_ == "pobj" and p.ent_type_ == "DATE" for p in c.children):
            return True
    return False


@extractor("news-events", order=42,
           requires=(KG.Person, KG.Place, KG.Country),
           assigns=(*_trigger_classes(), KG.description, KG.participant, KG.location, KG.Actor, KG.Country,
                    KG.represents))
def extract_news_events(ctx: ArticleContext) -> None:
    """Events of every other kind (disasters, elections, court decisions…), clustered."""
    clusters: dict[str, list[Node]] = {}
    words, toks = trigger_positions(ctx.doc), tokens(ctx.doc)  # the only words event_class takes
    for sent in ctx.doc.sents:
        dates = None
        for tok in (toks[i] for i in between(words, sent.start, sent.end)):
            if ctx.in_speech(tok.idx) or ctx.node_at(tok.i) is not None:
                continue
            cls = event_class(ctx, tok, sent)
            if cls is None or _reported_only(tok, cls):
                continue
            dates = sentence_dates(ctx, sent, tok)
            name = _event_name(tok)
            pool = clusters.setdefault(cls, [])
            same = [e for e in pool if e.data.get("name") in (None, name)] if name else pool
            parts = _participants(ctx, sent, tok)
            if cls == "Announcement":  # "dissolved parliament", "signed an order": two acts
                same = [e for e in same if e.data.get("what") == tok.lemma_.lower()
                        or _same_day(ctx, e.dates, dates)]  # (a statement released that day)
            if cls in PERSONAL:  # "two ministers were convicted" and "X was given a sentence"
                people = {n for n in parts if _party_to(n)}
                same = [e for e in same if not people
                        or people & {n for n in e.get(KG.participant) if _party_to(n)}]
            event = _cluster(ctx, cls, dates, same, agree=_resolved_agree(ctx))
            if event not in pool:
                pool.append(event)
            if name:
                event.data["name"] = name
            event.evidence(*ctx.sentence_span(sent))
            event.data.setdefault("what", tok.lemma_.lower())
            event.add(KG.description, clean(tok.text))
            attacker = _attacker_state(ctx, tok) if cls == "Attack" else None
            for n in parts:
                if n.kind != "Country" or cls in ("Meeting", "Summit", "Election", "Vote") \
                        or n is attacker:
                    event.add(KG.participant, n)
            place = _where(ctx, sent, tok, cls in NATIONAL) or _owner_state(ctx, tok) or (
                _voters_state(ctx, tok) if cls == "Election" else None)
            if place is not None and not event.get(KG.location):
                event.add(KG.location, place)
            ctx.mention(tok.i, tok.i + 1, event)
    _drop_unanchored(ctx)


OFFICERS = {"judge", "justice", "prosecutor", "attorney", "lawyer", "counsel", "magistrate"}


def _party_to(n: Node) -> bool:
    """A person an event happens to, not the judge or lawyer who takes part in every one."""
    return n.kind == "Person" and not any(
        set(p.data.get("title", "").split()) & OFFICERS for p in n.get(KG.holdsPosition))


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


def _same_day(ctx: ArticleContext, a: list, b: list) -> bool:
    """Both mentions name a day, and it is the same day."""
    from .temporal import precision, resolve

    ra = {x for x in (resolve(w, ctx.reference) for w in a) if x is not None and precision(x) == 3}
    rb = {x for x in (resolve(w, ctx.reference) for w in b) if x is not None and precision(x) == 3}
    return bool(ra) and ra == rb


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



