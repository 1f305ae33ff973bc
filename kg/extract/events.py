"""Events: talks and meetings, summits, and enforcement actions (sanctions, indictments,
seizures, arrests), with participants, place, topic and the words of their date.

Mentions of the same kind of event in one article ("the talks", "the meeting") are one event
unless their dates disagree.
"""
from __future__ import annotations

from .coref import actor_of, subject_of
from .lexicon import (ENFORCEMENT_TRIGGERS, MEETING_TRIGGERS, MEETING_VERBS, NOT_HAPPENED,
                      SUMMIT_TRIGGERS)
from .lexicon import TITLE_HEADS as TITLE_NOUNS
from .lexicon import unrealised_verbs
from .model import ArticleContext, Node
from .parsed import between, positions, tokens
from .registry import extractor
from .temporal import When, parse_when
from .text import clean
from ..vocab import KG

PARTICIPANT_KINDS = {"Person", "Country", "Delegation", "GovernmentBody", "Organization",
                     "WorkingGroup", "Company", "CriminalOrganization"}
NOT_WHEN = {"by", "until", "till", "since", "before", "after", "through", "from", "to", "within"}
PEOPLE_GROUPS = {"officials", "negotiators", "diplomats", "delegates", "leaders", "ministers",
                 "envoys", "delegation", "delegations", "representatives", "counterparts",
                 "official", "negotiator", "diplomat", "leader", "minister", "envoy"}
TARGET_NOUNS = {"company", "firm", "business", "individual", "person", "people", "official",
                "national", "citizen", "member", "suspect", "bank", "trader", "group", "network",
                "entity", "organization", "organisation", "executive", "smuggler", "trafficker",
                "figure", "leader", "man", "woman", "vessel", "ship", "exporter", "importer",
                "supplier", "manufacturer", "producer", "distributor", "vendor", "seller",
                "broker", "dealer", "laboratory", "lab", "factory", "platform", "exchange"}
FUTURE_BEFORE_TO = {"set", "due", "scheduled", "expected", "planned", "plans", "plan", "going"}
QUANTIFIERS = {"dozens", "hundreds", "thousands", "scores", "number", "several", "some", "group",
               "series", "handful", "list", "range"}


# Verbs that put restrictions on someone: 'imposed visa restrictions on 43 individuals'.
IMPOSING = {"impose", "place", "slap", "announce", "extend", "expand", "tighten"}


# What one meets that is no one: 'has met nearly all of them (the requirements)', 'met it'.
THINGS_MET = {"all", "most", "some", "none", "it", "this", "that", "these", "those", "many",
              "any", "much"}


# Every branch of _kind that returns a kind tests one of these words (lower-case text) or
# lemmas: a word with neither is no event of its kinds.
_KIND_WORDS = SUMMIT_TRIGGERS | MEETING_TRIGGERS | ENFORCEMENT_TRIGGERS.keys()
_KIND_LEMMAS = MEETING_VERBS | ENFORCEMENT_TRIGGERS.keys() | {"designate"}


def _kind_positions(doc) -> list[int]:
    """The tokens _kind may return a kind for, ascending (it returns None for all others)."""
    return sorted(set(positions(doc, "lower", _KIND_WORDS))
                  | set(positions(doc, "lemma_lower", _KIND_LEMMAS)))


def _kind(tok) -> str | None:
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low not in _KIND_WORDS and lemma not in _KIND_LEMMAS:
        return None
    if tok.pos_ in ("NOUN", "PROPN") and low in SUMMIT_TRIGGERS:
        return "Summit"
    if (tok.pos_ in ("NOUN", "PROPN") or low == "roundtable") and low in MEETING_TRIGGERS:
        if low in ("round", "session") and not any(c.lower_ == "talks" for c in tok.subtree):
            return None
        if any(c.lower_ in ("press", "news") for c in tok.lefts):
            return None  # "a press conference": where something is announced, not a meeting
        return "Meeting"
    if tok.pos_ == "VERB" and lemma in MEETING_VERBS:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ == "NOUN" and obj.lower_ not in PEOPLE_GROUPS or (
                obj is not None and obj.pos_ in ("DET", "PRON") and obj.lower_ in THINGS_MET):
            return None  # "meet the needs", "met the deadline", "met nearly all of them"
        met = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        passive = met is not None or any(c.dep_ == "auxpass" for c in tok.children)
        if passive and (met is None or met.pos_ not in ("PROPN", "PRON") and
                        met.lower_ not in PEOPLE_GROUPS):
            return None  # "the $100 goal will be met", "their demands were met": no meeting
        return "Meeting"
    if lemma in ("suspend", "halt") and any(c.dep_ == "dobj" and c.lemma_.lower() in ACTIVITIES
                                            for c in tok.children):
        return None  # "suspend operations", "suspended parliament": a halt, not a sanction
    if lemma == "restriction" and not (tok.dep_ == "dobj" and tok.head.lemma_.lower() in IMPOSING):
        return None  # "imposed visa restrictions on 43 people"; not "travel restrictions eased"
    if lemma == "designate" and tok.pos_ == "VERB":
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        return "EnforcementAction" if obj is not None and (
            obj.lemma_.lower() in DESIGNATED or obj.pos_ == "PROPN") and not any(
                c.dep_ in ("oprd", "xcomp") or c.lower_ == "as" for c in tok.children) \
            else None  # "OFAC designated 25 individuals"; not "designated the area a park"
    if lemma in ENFORCEMENT_TRIGGERS or low in ENFORCEMENT_TRIGGERS:
        if tok.pos_ == "VERB" and lemma in ("charge", "fine", "ban", "sentence", "raid", "suspend",
                                            "detain", "expel", "recall", "revoke") and \
                not any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in tok.children):
            return None
        return "EnforcementAction"
    return None


# Whom a sanctions authority designates: 'designated 14 senior leaders', '25 entities'.
DESIGNATED = {"individual", "entity", "official", "leader", "person", "people", "company",
              "firm", "member", "network", "organization", "organisation", "group", "bank",
              "businessman", "general", "officer", "minister", "actor", "vessel", "ship"}


# What a body halts of its own doing: 'suspended operations', 'suspended parliament'.
ACTIVITIES = {"operation", "production", "flight", "service", "talk", "work", "trading", "sale",
              "export", "import", "construction", "drilling", "parliament", "session",
              "activity", "campaign", "negotiation", "shipment", "delivery", "payment"}


# Verbs whose object is a kind of event allowed or forbidden, not one that happened.
PERMITTING = {"allow", "permit", "authorize", "authorise", "ban", "forbid", "prohibit", "bar"}


def _hypothetical(tok) -> bool:
    """'a possible summit', 'next month's summit', 'such extraditions', 'a law to allow
    extraditions': not (yet) held, or a kind of event rather than one."""
    if any(c.dep_ == "amod" and c.lower_ == "such" for c in tok.children) or (
            tok.dep_ == "dobj" and tok.head.lemma_.lower() in PERMITTING):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in (
            "favor", "favour"):
        return True  # "voted in favor of sanctions": what was voted, told by the vote
    if tok.dep_ == "pobj" and tok.head.lower_ in ("for", "of") and tok.head.head.lemma_.lower() \
            in PLANS:
        return True  # "announced plans for tightened sanctions", "the threat of a strike"
    return any(c.lower_ in NOT_HAPPENED for c in tok.children if c.dep_ in ("amod", "compound")) \
        or tok.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ in ("poss", "compound", "nmod") and c.ent_type_ == "DATE" and any(
                g.lower_ in ("next", "coming", "upcoming") for g in c.lefts)
            for c in tok.lefts)


BACKGROUND = {"last", "previous", "past", "former", "earlier", "prior"}
# Nouns for an event not (yet) done: 'plans for tightened sanctions', 'the threat of a strike'.
PLANS = {"plan", "threat", "proposal", "call", "demand", "push", "bid", "prospect", "risk"}


def told_as_context(tok) -> bool:
    """'the last election', 'previous strikes': an earlier event, told as context."""
    return any(c.lower_ in BACKGROUND for c in tok.lefts if c.dep_ in ("amod", "compound"))


def modifier_only(tok) -> bool:
    """'merger and acquisition activity', 'a meeting room', 'sanctions authorities': the event
    word modifies another noun and reports no event of its own."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON":
        return True  # "Special Agent in Charge Steven Hofer": a title before a name
    return tok.pos_ == "NOUN" and (first.dep_ == "compound" or first.dep_ == "nmod"
                                   and first.head.pos_ == "NOUN")


def _background(tok) -> bool:
    """'in the previous meetings', 'past summits': earlier talks told as context."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.tag_ in ("NNS", "NNPS") and told_as_context(tok)


def sentence_dates(ctx: ArticleContext, sent, tok=None) -> list[When]:
    """When the event a word reports happened: the dates of its sentence, except those that
    belong to another event the sentence reports ('suspended two officials, alleging they
    took bribes at a meeting in May'). 'Will' or 'set to' on the word's own verb makes a
    weekday the coming one ('will study' in another clause does not)."""
    verb = _verb_of(tok) if tok is not None else None
    if tok is None:
        future = any(t.lower_ in ("will", "shall") or t.text == "'ll" or _set_to(ctx, t)
                     for t in sent)
    else:
        future = verb is not None and _future(ctx, verb)
    ahead = tok is not None and _ahead_of(tok)
    future = future or ahead
    out = []
    for ent in ctx.sent_ents(sent):
        if ahead and not (tok.left_edge.i <= ent.start <= tok.right_edge.i or (
                ent.start == tok.right_edge.i + 2 and ctx.doc[ent.start - 1].lower_ == "on")):
            continue  # "rallied Saturday ahead of elections on Sunday": Sunday's, not Saturday's
        before = ctx.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if before in NOT_WHEN or ent.text.split()[0].lower() in NOT_WHEN:
            continue  # "by 2035", "since 2020": a deadline or a span, not when it happened
        if before == "for" and ent.text.split()[-1].lower().rstrip("s") in (
                "day", "week", "month", "year", "decade", "hour"):
            continue  # "on strike for a month": how long, not when
        if ent.end < len(ctx.doc) and ctx.doc[ent.end].lemma_.lower() in SERVICES:
            continue  # "during Friday prayers": a weekly service, not a day
        if tok is not None and _other_event(ctx, ent.root, tok, verb):
            continue
        if ent.label_ == "DATE" and not ctx.in_quote(ent.start_char):
            w = parse_when(ent.text, future=future)
            if w is not None:
                out.append(w)
    return out


# Weekly gatherings a weekday names: 'Friday prayers', 'Sunday Mass', 'Sunday service'.
SERVICES = {"prayer", "prayers", "sermon", "mass", "service", "worship"}


def _ahead_of(tok) -> bool:
    """'ahead of local elections on Sunday': an event still to come, dated by its own words."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "ahead"


def _other_event(ctx: ArticleContext, root, tok, verb) -> bool:
    """Whether a date hangs (through its heads) on another word that reports an event before
    it reaches the trigger, its verb, or the top of the sentence, or on the verb of saying
    that reports the trigger's clause (the day it was said, not the day it happened)."""
    from .event_words import event_class, may_report
    from .lexicon import SPEECH_VERBS

    k = root
    for _ in range(12):
        if k.i == tok.i or (verb is not None and k.i == verb.i):
            return False
        if k.lemma_.lower() in SPEECH_VERBS and k.pos_ == "VERB" and k.i != root.i and any(
                a.i == k.i for a in tok.ancestors) and root.i < tok.left_edge.i and root.i < next(
                (c.left_edge.i for c in k.children if c.dep_ == "ccomp"), tok.i):
            return True  # "X said in a broadcast early Thursday that the quake…": the report's day
        if k.head.i == k.i:
            return False
        k = k.head
        if k.i != tok.i and (_kind(k) is not None or may_report(ctx, k)
                             and event_class(ctx, k, k.sent) is not None):
            return True
        if k.pos_ == "VERB" and k.dep_ in ("acl", "relcl") and k.head.i != tok.i and (
                verb is None or k.i != verb.i):
            return True  # "the status of officials detained last month": that clause's day
    return False


def _verb_of(tok):
    """The verb a trigger word is, or whose subject or object it is."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    head = tok
    for _ in range(3):
        if head.head.i == head.i:
            return None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


# "is scheduled for", "set for", "slated for": the day named is one to come.
SCHEDULED = {"schedule", "set", "slate", "plan", "due"}


def _set_to(ctx: ArticleContext, t) -> bool:
    doc = ctx.doc
    return t.lower_ in FUTURE_BEFORE_TO and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"


def _future(ctx: ArticleContext, verb) -> bool:
    """'will meet', 'are set to meet', 'plans to visit': the event has not happened yet."""
    v = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and (c.lower_ in ("will", "shall") or c.text == "'ll")
               for c in v.children):
            return True
        if v.dep_ in ("xcomp", "ccomp") and _set_to(ctx, v.head):
            return True  # "are set to meet Thursday": the coming Thursday
        if v.lemma_.lower() in SCHEDULED and any(
                c.dep_ == "prep" and c.lower_ == "for" for c in v.children):
            return True  # "the run-off is scheduled for December 28": a day to come
        if v.dep_ not in ("xcomp", "conj") or v.head.i == v.i:
            return False
        v = v.head
    return False


def _places(ctx: ArticleContext, sent) -> list[Node]:
    out = []
    for tok in sent:
        n = ctx.node_at(tok.i)
        if n is None or n.kind != "Place" or ctx.in_quote(tok.idx) or n in out:
            continue
        if tok.dep_ == "poss" or (tok.head.lower_ in ("in", "at") and tok.dep_ == "pobj") or \
                tok.head.dep_ == "pobj":
            out.append(n)
    return out


def _reporters(ctx: ArticleContext, trigger) -> set:
    """Speakers who only report the event: subjects of a speech verb whose clause holds it."""
    from .coref import actor_of
    from .lexicon import SPEECH_VERBS

    out = set()
    child = trigger
    for anc in trigger.ancestors:
        if anc.lower_ == "according":
            return out  # "according to video of the meeting" is attribution, not content
        if child.dep_ == "ccomp" and anc.lemma_.lower() in SPEECH_VERBS \
                and not ctx.in_quote(child.idx):
            subj = subject_of(anc)
            n = actor_of(ctx, subj) if subj is not None else None
            if n is not None:
                out.add(n)
        child = anc
    return out


def _participants(ctx: ArticleContext, sent, trigger, scoped: bool = True) -> list[Node]:
    """Who took part: the named actors among the trigger's own arguments (arguments.py), a
    pronoun or 'the minister' as its subject resolved, never a speaker who only reports it.
    Talks and summits (`scoped` false) take every actor of the sentence: who met is told
    round the word ('greeted by X, Y said …, according to video of the meeting')."""
    from .arguments import argument_tokens
    from .entities import country

    skip = _reporters(ctx, trigger)
    scope, subjects = argument_tokens(trigger) if scoped else ({t.i for t in sent}, [])
    out = []
    for subj in subjects:
        n = actor_of(ctx, subj) if ctx.node_at(subj.i) is None else None
        if n is not None and n.kind in PARTICIPANT_KINDS and not n.data.get("group"):
            out.append(n)
    for tok in sent:
        if tok.i not in scope or (not scoped and (_topic_of(tok) or _where_of(ctx, tok))):
            continue
        n = ctx.node_at(tok.i)
        head = tok.head
        while head.dep_ in ("conj", "amod", "compound") and head.head.i != head.i and \
                head.lower_ not in PEOPLE_GROUPS:
            head = head.head
        if n is None and tok.i in ctx.demonym and head.lower_ in PEOPLE_GROUPS:
            n = country(ctx, ctx.demonym[tok.i])  # "Iranian negotiators", "U.S. and Chinese …"
        if n is not None and n.kind in PARTICIPANT_KINDS and n not in out and n not in skip \
                and not ctx.in_quote(tok.idx):
            out.append(n)
    return out


def _where_of(ctx: ArticleContext, tok) -> bool:
    """'talks began in Juba, Sudan': a state named as where the talks were held takes no part
    in them."""
    n = ctx.node_at(tok.i)
    if n is None or n.kind != "Country":
        return False
    first = tok
    while first.dep_ in ("appos", "conj", "compound") and first.head.i != first.i:
        first = first.head
    return first.dep_ == "pobj" and first.head.lower_ in ("in", "at", "near") and \
        first.i != tok.i  # ("talks in Iran" may be Iran's own; "in Juba, Sudan" is a place)


TOPIC_PREPS = {"on", "over", "about", "regarding", "including", "concerning", "against"}


def _topic_of(tok) -> bool:
    """'talks … on issues including human rights and Taiwan': what the talks were about, not
    who took part."""
    return any(a.dep_ == "prep" and a.lower_ in TOPIC_PREPS for a in tok.ancestors) or (
        tok.dep_ == "pobj" and tok.head.lower_ in TOPIC_PREPS)


def _topic(ctx: ArticleContext, tok) -> list[Node]:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "about", "over", "to"):
            return [n for n in ctx.nodes_in(c.i, c.right_edge.i + 1, {"Substance"})]
    return []


@extractor("events", order=40,
           requires=(KG.Person, KG.Organization, KG.Place, KG.Country),
           assigns=(KG.Meeting, KG.Summit, KG.EnforcementAction, KG.Place, KG.agent, KG.description,
                    KG.location, KG.participant, KG.target, KG.topic, KG.Actor, KG.Country,
                    KG.Company, KG.represents))  # (Company: 'fined the company', a target)
def extract_events(ctx: ArticleContext) -> None:
    """Meetings, summits and enforcement actions, clustered within the article."""
    from .news_events import _where  # (news_events builds on this module)

    clusters: dict[str, list[Node]] = {"Meeting": [], "Summit": [], "EnforcementAction": []}
    words, toks = _kind_positions(ctx.doc), tokens(ctx.doc)
    for sent in ctx.doc.sents:
        for tok in (toks[i] for i in between(words, sent.start, sent.end)):
            kind = _kind(tok)
            if kind is None or ctx.in_quote(tok.idx) or _hypothetical(tok) or _background(tok) \
                    or ctx.node_at(tok.i) is not None or modifier_only(tok):  # "Ban told …":
                continue  # a name, not a ban; "a meeting room": no meeting
            dates = sentence_dates(ctx, sent, tok)
            if kind == "EnforcementAction":
                _enforcement(ctx, tok, sent, dates, clusters[kind])
                continue
            event = _cluster(ctx, kind, dates, clusters[kind])
            event.evidence(*ctx.sentence_span(sent))
            for n in _participants(ctx, sent, tok, scoped=False):
                event.add(KG.participant, n)
            if not event.get(KG.location):  # where it was held, once: not every place named
                place = _where(ctx, sent, tok) or next(iter(_places(ctx, sent)), None)
                if place is not None:
                    event.add(KG.location, place)
            for n in _topic(ctx, tok):
                event.add(KG.topic, n)
            ctx.mention(tok.i, tok.i + 1, event)
    meetings = clusters["Meeting"]
    if meetings and ctx.dateline and not meetings[0].get(KG.location):
        from .entities import dateline_node

        meetings[0].add(KG.location, dateline_node(ctx))


def _cluster(ctx: ArticleContext, kind: str, dates: list[When], existing: list[Node],
             agree=None) -> Node:
    """The event these words refer to: an earlier one of the same kind unless dates disagree
    (by `agree`, loose agreement of the words by default)."""
    agree = agree or _same_dates
    for event in existing:
        if not dates or not event.dates or agree(event.dates, dates):
            event.dates.extend(d for d in dates if d not in event.dates)
            return event
    event = ctx.node(kind, f"{kind}#{len(ctx.of_kind(kind))}")
    event.dates.extend(dates)
    existing.append(event)
    return event


def _same_dates(a: list[When], b: list[When]) -> bool:
    """Loose agreement before resolution: same words, or no two absolute dates that differ."""
    ta = {w.text.lower() for w in a}
    if ta & {w.text.lower() for w in b}:
        return True
    from .temporal import compatible, resolve

    for x in a:
        for y in b:
            if x.absolute and y.absolute and not compatible(resolve(x, None), resolve(y, None)):
                return False
            if x.kind == y.kind and x.kind in ("weekday", "month_day") and x.value != y.value:
                return False  # "on July 17" and "on July 19": two days
    return True


VERDICTS = {"convict", "sentence", "acquit", "find", "jail", "imprison", "try", "clear"}


def permitted_only(verb) -> bool:
    """'It enables Treasury to sanction foreign persons': a power given, not an action taken."""
    return verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in LEAVE_TO and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


LEAVE_TO = unrealised_verbs("clause")  # "allows the Commission to appoint": not done


def _people_counted(subj) -> bool:
    """'At least a dozen teachers were arrested', '30 protesters were detained': people, told by
    number or in the plural, a passive enforcement verb acted on (no one named)."""
    if subj is None:
        return False
    words = [t for t in subj.subtree if t.pos_ in ("NOUN", "NUM")]
    return any(t.tag_ == "NNS" for t in words) and any(
        t.like_num or t.lower_ in ("dozen", "dozens", "hundreds", "scores", "thousands")
        for t in subj.subtree)


def _enforcement(ctx: ArticleContext, tok, sent, dates, existing: list[Node]) -> None:
    lemma = tok.lemma_.lower() if tok.lemma_.lower() in ENFORCEMENT_TRIGGERS else tok.lower_
    what = ENFORCEMENT_TRIGGERS[lemma]
    verb = tok if tok.pos_ == "VERB" else tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subj = subject_of(verb)
    passive = any(c.dep_ in ("agent", "nsubjpass", "auxpass") for c in verb.children)
    lemma_v = verb.lemma_.lower()
    if verb.i != tok.i and lemma_v in SUBJECT_IS_TARGET:
        return  # "Hernandez has denied the charges": a denial, not the charging itself
    if verb.i != tok.i and lemma_v in VERDICTS and tok.head.dep_ == "prep":
        return  # "convicted X on corruption charges": the court's decision, no other action
    agent = None if passive else (actor_of(ctx, subj) if subj is not None else None)
    for c in verb.children:
        if c.dep_ == "agent":  # "… were sanctioned by the Treasury"
            agent = next((ctx.node_at(t.i) for t in c.subtree if ctx.node_at(t.i)), agent)
    targets = _targets(ctx, tok, verb, passive, subj)
    topics = [n for t in verb.subtree if (n := ctx.node_at(t.i)) is not None
              and n.kind == "Substance"] if verb.sent == tok.sent else []
    counted = tok.pos_ == "NOUN" and tok.lemma_.lower() in COUNTED_ACTS and any(
        c.dep_ == "nummod" for c in tok.children)  # "led to 11 arrests": people arrested
    if agent is None and not targets and not counted and not (topics and tok.pos_ == "VERB") \
            and not (tok.pos_ == "VERB" and passive and _people_counted(subj)):
        return  # "trade tariffs" named as an issue is not an action anyone took
    if _not_done(verb) or permitted_only(verb):
        return  # "should lift sanctions", "threatened sanctions": not an action taken
    event = next((e for e in existing if e.data.get("what") == what
                  and (agent is None or e.first(KG.agent) in (None, agent))
                  and _same_dates(e.dates, dates)), None)
    if event is None:
        event = ctx.node(KG.EnforcementAction, f"{what}#{tok.i}")
        existing.append(event)
    event.dates.extend(d for d in dates if d not in event.dates)
    for n in topics:
        event.add(KG.topic, n)
    near = verb.i < tok.i and tok.i - verb.i <= 3
    event.add(KG.description, clean(ctx.doc[verb.i:tok.i + 1].text if near else tok.text))
    event.data["what"] = what
    if agent is not None:
        event.add(KG.agent, agent)
        event.add(KG.participant, agent)
    for t in targets:
        event.add(KG.target, t)
    event.evidence(*ctx.sentence_span(sent))


# Verbs that hand an action to its target: 'gave a 90-day suspension to X'.
GIVING = {"give", "hand", "issue", "impose", "slap"}
# Acts whose count is a count of people they were done to: '11 arrests'.
COUNTED_ACTS = {"arrest", "detention", "expulsion", "extradition", "indictment"}
SUBJECT_IS_TARGET = {"deny", "face", "reject", "dismiss", "appeal", "contest", "challenge",
                     "fight", "evade", "escape", "suffer", "avoid", "condemn", "criticise",
                     "criticize", "protest"}
PASSIVE_TARGET = {"hit", "target", "slap", "subject", "place", "put"}
MODALS = {"should", "could", "would", "might", "may", "must", "can", "will", "shall"}
UNDOING = unrealised_verbs("self")  # "lifted sanctions", "threatened a strike"


def _not_done(verb, modals=MODALS, undoing: bool = True) -> bool:
    """Negated, under a modal, or a verb that undoes or only threatens ('lift', 'threaten')."""
    if undoing and verb.lemma_.lower() in UNDOING:
        return True
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in modals)
               for c in verb.children)


def _targets(ctx: ArticleContext, tok, verb, passive: bool, subj) -> list[Node]:
    phrases = []
    for head in (tok, verb):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("against", "on", "of") and head.i == tok.i:
                phrases += [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ == "against":
                phrases += [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ in ("dobj", "dative") and head.i == verb.i == tok.i:
                phrases.append(c)
            elif c.dep_ in ("dative", "prep") and c.lower_ in ("to", "on") and head.i == verb.i \
                    != tok.i and verb.lemma_.lower() in GIVING and tok.dep_ == "dobj":
                phrases += [p for p in c.children if p.dep_ == "pobj"]  # "gave a ban to X"
    if passive and subj is not None and (verb.i == tok.i or verb.lemma_.lower() in PASSIVE_TARGET):
        phrases.append(subj)  # "a former president was sentenced", "… were hit with sanctions"
    out: list[Node] = []
    for p in phrases:
        out += _target_nodes(ctx, p)
    return out


def _target_nodes(ctx: ArticleContext, phrase) -> list[Node]:
    """'dozens of Chinese companies and individuals' -> [Chinese companies, individuals]."""
    head = phrase
    if head.lower_ in QUANTIFIERS:
        inner = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        if inner:
            head = inner[0]
    heads = [head] + [c for c in head.children if c.dep_ == "conj"]
    out = []
    for h in heads:
        named = ctx.node_at(h.i) or next((n for c in h.children if c.dep_ == "appos" and (
            n := ctx.node_at(c.i)) is not None and n.is_actor), None)  # "the spokesman, X,"
        if named is not None and named.is_actor:
            out.append(named)
            continue
        if h.lemma_.lower() not in TARGET_NOUNS and h.lemma_.lower() not in TITLE_NOUNS:
            continue  # "13 tonnes of cocaine" is what was seized, not whom
        mods = [c for c in h.lefts if c.dep_ in ("amod", "compound", "nmod")]
        start = min([m.i for m in mods] + [h.i])
        label = clean(ctx.doc[start:h.i + 1].text)
        if not label:
            continue
        kind = "Company" if h.lemma_ in ("company", "firm", "business") else "Actor"
        group = ctx.node(kind, "group|" + label.lower(), label)
        group.data["group"] = True
        out.append(group)
    return out
