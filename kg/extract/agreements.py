"""Agreements: who agreed, what (in the text's words), at which event, about what.

"X and Y agreed to …", "signed a deal to …", "reached (a common) understanding on …", and
"an understanding reached by the presidents last year"."""
from __future__ import annotations

import hashlib

from .coref import actor_of, subject_of
from .events import _not_done, sentence_dates
from .lexicon import AGREEMENT_NOUNS, AGREEMENT_VERBS, TITLE_HEADS, unrealised_verbs
from .model import EVENT_KINDS, ORG_KINDS, ArticleContext, Node
from .quotes import statement_at
from .parsed import having, tokens
from .registry import extractor
from .text import clean
from ..vocab import KG

WE = {"we", "both", "sides", "us", "two", "countries", "nations", "governments", "leaders"}


def _conjuncts(tok) -> list:
    """'X and Y'; also 'X ("XC") and Y', where the parser hung Y on X's bracketed short name."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out += _conjuncts(c)
        elif c.dep_ == "appos":
            out += _conjuncts(c)[1:]
    return out


def _actors(ctx: ArticleContext, tok) -> list[Node]:
    """Actors a phrase names: conjuncts, 'the presidents' (everyone holding that post)."""
    out = []
    for t in _conjuncts(tok):
        n = actor_of(ctx, t)
        if n is not None and not n.is_actor:  # "Washington, Dec. 15 - The SEC announced": the
            n = next((m for c in t.children if c.dep_ == "appos"  # dateline took the subject
                      and (m := actor_of(ctx, c)) is not None and m.is_actor), None)
        if n is not None and n.kind != "Delegation":
            out.append(n)
        elif t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() in TITLE_HEADS:
            title = t.lemma_.lower()
            holders = [p for p in ctx.of_kind("Person")
                       if any(title in pos.data.get("title", "") for pos in p.get(KG.holdsPosition))]
            out += holders or [_group(ctx, t)]  # "the presidents"; else "leaders from 200 …"
        elif t.tag_ in ("NNS", "NNPS"):
            out.append(_group(ctx, t))
    return out


def _group(ctx: ArticleContext, tok) -> Node:
    """An unnamed group of actors, scoped to the article: 'leaders from nearly 200 countries'."""
    words = ctx.doc[tok.left_edge.i:tok.right_edge.i + 1]
    label = clean(" ".join(t.text for t in words[:8] if t.dep_ != "det"))
    node = ctx.node(KG.Actor, "group|" + label.lower(), label)
    node.data["group"] = True
    return node


def _with_parties(ctx: ArticleContext, verb, obj) -> list[Node]:
    """'agreed with X', 'reached a deal with X', 'in a settlement with X, Y agreed to …': the
    other party."""
    out: list[Node] = []
    framing = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "under")
               for p in c.children if p.dep_ == "pobj" and agreement_noun(p)]
    for head in (verb, obj, *framing):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                out += [n for p in c.children if p.dep_ == "pobj" for n in _actors(ctx, p)]
    return out


# Verbs of a deal between two sides: in 'X agreed to pay Y $5 million' or 'an agreement to
# acquire Y', the one paid or bought is the other party.
DEAL_VERBS = {"pay", "sell", "buy", "acquire", "purchase", "supply", "provide", "settle", "lease",
              "transfer", "return", "merge", "license", "compensate", "reimburse", "hand"}


def _deal_parties(ctx: ArticleContext, verb) -> list[Node]:
    """The other side of a deal verb: its object or dative ('pay the United States', 'acquire
    Marvel'), or who it is sold or handed to ('sell its stake to X', 'merge with Y')."""
    if verb.lemma_.lower() not in DEAL_VERBS:
        return []
    out: list[Node] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative"):
            out += [n for n in _actors(ctx, c) if not n.data.get("group")]
        elif c.dep_ == "prep" and c.lower_ in ("to", "with"):
            out += [n for p in c.children if p.dep_ == "pobj" for n in _actors(ctx, p)
                    if not n.data.get("group")]
    return out


def _left_actors(ctx: ArticleContext, verb) -> list[Node]:
    """Actors named right before a verb: 'Peru and Chile agreed'."""
    out: list[Node] = []
    for t in reversed(ctx.doc[verb.sent.start:verb.i]):
        n = ctx.node_at(t.i)
        if n is not None and n.is_actor:
            if n not in out:
                out.insert(0, n)
        elif t.lower_ not in ("and", "&") and not (t.text == "," and not out):
            if out or t.pos_ not in ("AUX", "ADV", "PART"):
                break
    return out


def _event_in(ctx: ArticleContext, sent) -> Node | None:
    for n in ctx.nodes_in(sent.start, sent.end, EVENT_KINDS):
        if n.kind in ("Summit", "Meeting"):
            return n
    return None


def _reporter(ctx: ArticleContext, tok) -> Node | None:
    """Who reports the clause a token stands in: 'Bárcena said the two sides agreed'."""
    from .lexicon import SPEECH_VERBS
    from .quotes import speaker_of

    for anc in tok.ancestors:
        if anc.lemma_.lower() in SPEECH_VERBS and not ctx.in_quote(anc.idx):
            return speaker_of(ctx, anc)
    return None


def _we_parties(ctx: ArticleContext, tok) -> list[Node]:
    """'We' in a quotation, or 'the two sides' in reported speech: the speaker's state and the
    other states at the article's talks."""
    st = statement_at(ctx, tok)
    speaker = st.first(KG.speaker) if st is not None else _reporter(ctx, tok)
    meetings = ctx.of_kind("Meeting", "Summit")
    if speaker is None and meetings:  # "the two leaders signed": the people who met
        people = [p for p in meetings[0].get(KG.participant) if p.kind == "Person"]
        if tok.lemma_.lower() == "leader" and len(people) >= 2:
            return people
        states = []
        for p in meetings[0].get(KG.participant):
            state = p if p.kind == "Country" else p.first(KG.represents)
            if state is not None and state not in states:
                states.append(state)
        return states if len(states) >= 2 else []
    if speaker is not None and speaker.kind == "Actor":
        speaker = None  # "…, a trilateral statement suggested": a document, not a side
    if speaker is None:
        return _counted(tok, _meeting_states(ctx))
    parties = [speaker.first(KG.represents) or speaker] if speaker is not None else []
    meetings = ctx.of_kind("Meeting")
    for m in meetings[:1]:
        for p in m.get(KG.participant):
            state = p if p.kind == "Country" else p.first(KG.represents)
            if state is not None and state not in parties:
                parties.append(state)
    return parties


def _meeting_states(ctx: ArticleContext) -> list[Node]:
    """The sides at the article's first talks: states, and bodies that speak for no state
    ('talks between the Ugandan government and rebels of the Lord's Resistance Army')."""
    states: list[Node] = []
    for m in ctx.of_kind("Meeting", "Summit")[:1]:
        for p in m.get(KG.participant):
            state = p if p.kind == "Country" else p.first(KG.represents) or (
                p if p.kind in ORG_KINDS and p.is_actor and not p.data.get("group") else None)
            if state is not None and state not in states:
                states.append(state)
    return states


def _counted(tok, states: list[Node]) -> list[Node]:
    """'Both (the) countries', 'the two sides': exactly two, or nobody is guessed."""
    words = {t.lower_ for t in tok.subtree} | {tok.lower_}
    if words & {"both", "two"} and len(states) != 2:
        return []
    return states if len(states) >= 2 else []


def agreement_noun(tok) -> bool:
    """'deal', 'settlement', and 'cease-fire' however the tokenizer cut it."""
    if tok.lemma_.lower() in AGREEMENT_NOUNS:
        return True
    if tok.i < 2:
        return False
    toks = tokens(tok.doc)  # the three words' text, as doc[i - 2:i + 1].text reads it
    text = toks[tok.i - 2].text_with_ws + toks[tok.i - 1].text_with_ws + tok.text
    return text.replace(" ", "").lower() in AGREEMENT_NOUNS


def _agreement(ctx: ArticleContext, tok, parties, description: str, sent) -> Node:
    key = hashlib.sha1(f"{tok.i}:{description}".encode()).hexdigest()[:12]
    ag = ctx.node(KG.Agreement, key)
    for p in parties:
        if p.is_actor:  # a dateline's place is not a party
            ag.add(KG.party, p)
    ag.add(KG.description, description)
    ag.evidence(*ctx.sentence_span(sent))
    ag.dates.extend(sentence_dates(ctx, sent))
    ag.data["token"] = tok.i
    return ag


@extractor("agreements", order=70,
           requires=(KG.Person, KG.Meeting, KG.Summit),
           assigns=(KG.Agreement, KG.party, KG.description, KG.concerns, KG.reachedAt, KG.Actor, KG.Country,
                    KG.represents))
def extract_agreements(ctx: ArticleContext) -> None:
    """Agreements from 'agreed to', 'signed a deal', 'reached an understanding'."""
    for tok in having(ctx.doc, "pos", ("VERB", "NOUN")):  # (no other word is taken)
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in AGREEMENT_VERBS | {"reach"} and _unreached(tok):
            continue
        if tok.pos_ == "VERB" and lemma in AGREEMENT_VERBS:
            _verb_agreement(ctx, tok)
        elif tok.pos_ == "VERB" and lemma == "reach":
            obj = next((c for c in tok.children if c.dep_ == "dobj"
                        and agreement_noun(c)), None)
            if obj is not None:
                subj = subject_of(tok)
                parties = ((_we_parties(ctx, subj) if subj.lower_ in WE else [])
                           or _actors(ctx, subj)) if subj is not None else []
                parties += _with_parties(ctx, tok, obj)
                end = max([obj.right_edge.i] + [c.right_edge.i for c in tok.children
                                                if c.dep_ == "prep" and c.i > obj.i])
                desc = clean(ctx.doc[obj.left_edge.i:end + 1].text)
                ag = _agreement(ctx, tok, parties, desc, tok.sent)
                _attach(ctx, ag, tok.sent, tok)
        elif tok.pos_ == "VERB" and lemma == "merge":
            _merger(ctx, tok)
        elif tok.pos_ == "NOUN" and agreement_noun(tok):
            _noun_agreement(ctx, tok)
    _drop_lone_parties(ctx)
    for ag in ctx.of_kind("Agreement"):
        for d in ag.get(KG.description):
            start = ctx.doc[ag.data["token"]].sent
            for n in ctx.nodes_in(start.start, start.end, {"Substance"}):
                if n.label.lower() in d.lower() or any(a in d.lower() for a in n.aliases):
                    ag.add(KG.concerns, n)


# Verbs whose 'to' clause is an attempt or a hope, not an agreement reached ('trying to agree').
ATTEMPT_VERBS = unrealised_verbs("attempt")  # "trying to agree": hoped for


def _unreached(verb) -> bool:
    """'can reach a deal', 'trying to agree on a pact', 'did not agree': hoped for, not done."""
    head = verb
    while head.dep_ in ("xcomp", "conj") and head.head.i != head.i:
        if head.dep_ == "xcomp" and head.head.lemma_.lower() in ATTEMPT_VERBS:
            return True
        head = head.head
    return _not_done(verb) or any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
                                  for c in verb.children)


def _merger(ctx: ArticleContext, verb) -> None:
    """'AT&T merged with BellSouth': the two companies agreed to become one."""
    subj = subject_of(verb)
    parties = _actors(ctx, subj) if subj is not None else []
    parties += _with_parties(ctx, verb, verb)
    if len(parties) >= 2 and not _not_done(verb):
        ag = _agreement(ctx, verb, parties, clean(ctx.doc[verb.i:verb.right_edge.i + 1].text),
                        verb.sent)
        _attach(ctx, ag, verb.sent, verb)


def _drop_lone_parties(ctx: ArticleContext) -> None:
    """An agreement is reached by two or more parties: one whose text names fewer, or only an
    unnamed group ('the two sides'), is left out rather than guessed."""
    for ag in ctx.of_kind("Agreement"):
        parties = [p for p in ag.get(KG.party) if not p.data.get("group")]
        if len(set(parties)) < 2:
            ctx.drop(ag)


def _verb_agreement(ctx: ArticleContext, tok) -> None:
    lemma = tok.lemma_.lower()
    obj = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "dobj")), None)
    if obj is None:  # "agreed to triple finance", "agreed on a ceasefire" (not "on Saturday")
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "on")
                 and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)]
        obj = min(preps, key=lambda c: c.lower_ != "to", default=None)
    if obj is not None and not agreement_noun(obj):
        obj = next((c for c in obj.children if c.dep_ == "appos" and agreement_noun(c)), obj)
        # ("signed the United States – Peru Trade Promotion Agreement": the name's head)
    if obj is None or (lemma != "agree" and not agreement_noun(obj)):
        return
    subj = subject_of(tok)
    if subj is None:
        parties = _left_actors(ctx, tok)  # the parser lost the subject: "…, Peru and Chile agreed"
    else:
        parties = (_we_parties(ctx, subj) if subj.lower_ in WE else []) or _actors(ctx, subj)
    parties = _name_parties(ctx, obj) or parties
    if not parties:
        return
    parties += _with_parties(ctx, tok, obj)
    if obj.dep_ == "xcomp":
        parties += _deal_parties(ctx, obj)  # "X agreed to pay the United States $5 million"
    end = max([obj.right_edge.i] + [c.right_edge.i for c in tok.children if c.i > obj.i and
                                     c.dep_ in ("xcomp", "advcl", "prep", "ccomp")
                                     and not any(t.ent_type_ in ("DATE", "TIME")
                                                 for t in c.subtree)])
    start = obj.i if obj.dep_ != "prep" else obj.i + 1
    if obj.dep_ in ("dobj", "appos"):
        start = obj.left_edge.i  # "a deal to return migrants …"
    desc = clean(ctx.doc[start:end + 1].text)
    ag = _agreement(ctx, tok, parties, desc, tok.sent)
    _attach(ctx, ag, tok.sent, tok)


NAME_JOINERS = {"-", "\u2013", "\u2014", "/", "and", "&", "of"}  # 'Kenya – Uganda Trade and …'


def _name_parties(ctx: ArticleContext, noun) -> list[Node]:
    """The states or bodies an agreement's own name pairs: 'the United States – Peru Trade
    Promotion Agreement', 'the EU-Japan deal' are theirs, whoever signed them."""
    out: list[Node] = []
    for t in reversed(ctx.doc[noun.sent.start:noun.i]):
        if t.pos_ != "PROPN" and t.lower_ not in NAME_JOINERS:
            break
        n = ctx.node_at(t.i)
        if n is not None and n.is_actor and n.kind != "Person" and n not in out:
            out.insert(0, n)
    return out if len(out) >= 2 else []


def _noun_agreement(ctx: ArticleContext, noun) -> None:
    """'an understanding reached by the presidents last year', 'the deal signed in May'."""
    verb = next((c for c in noun.children if c.dep_ in ("acl", "relcl")
                 and c.lemma_.lower() in ("reach", "sign", "strike", "agree")), None)
    if verb is None:
        _deal_noun(ctx, noun)
        return
    parties: list[Node] = []
    for c in verb.children:
        if c.dep_ == "agent":
            parties += [n for p in c.children if p.dep_ == "pobj" for n in _actors(ctx, p)]
    clause = noun.head
    while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    desc = clean(ctx.doc[clause.left_edge.i:clause.right_edge.i + 1].text)
    for mark in ("\u201c", "\u201d", '"'):
        desc = desc.replace(mark, "")
    ag = _agreement(ctx, noun, parties, desc, noun.sent)
    _attach(ctx, ag, noun.sent, noun)


def _deal_noun(ctx: ArticleContext, noun) -> None:
    """'X announced an agreement to acquire Y', 'X signed a deal to buy Y': X and Y."""
    deal = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VB"
                 and c.lemma_.lower() in DEAL_VERBS), None)
    holder = noun.head
    if deal is None or noun.dep_ != "dobj" or holder.pos_ != "VERB" or _unreached(holder) \
            or holder.lemma_.lower() not in ("announce", "sign", "reach", "strike", "conclude",
                                             "finalize", "finalise", "complete", "seal"):
        return
    subj = subject_of(holder)
    parties = _actors(ctx, subj) if subj is not None else []
    parties += _deal_parties(ctx, deal)
    desc = clean(ctx.doc[noun.left_edge.i:deal.right_edge.i + 1].text)
    ag = _agreement(ctx, noun, parties, desc, noun.sent)
    _attach(ctx, ag, noun.sent, noun)


def _attach(ctx: ArticleContext, ag: Node, sent, tok) -> None:
    """reachedAt: an event named in the sentence; else a dated summit it matches; else, for
    'we reached' in a quotation, the talks the article reports."""
    event = _event_in(ctx, sent)
    if event is None and ag.dates:
        words = {w.text.lower() for w in ag.dates}
        for s in ctx.of_kind("Summit", "Meeting"):
            if words & {w.text.lower() for w in s.dates}:
                event = s
                break
        if event is None:
            summits = ctx.of_kind("Summit")
            parties = set(ag.get(KG.party))
            event = next((s for s in summits if parties & set(s.get(KG.participant))), None)
    if event is None and statement_at(ctx, tok) is not None:
        meetings = ctx.of_kind("Meeting")
        event = meetings[0] if meetings else None
    if event is None:  # the one meeting or summit the article reports, if the parties were there
        events = ctx.of_kind("Meeting", "Summit")
        parties = set(ag.get(KG.party))
        if len(events) == 1 and parties & set(events[0].get(KG.participant)):
            event = events[0]
    if event is not None:
        ag.add(KG.reachedAt, event)
        if event.kind == "Summit":
            for p in event.get(KG.participant):
                if p.kind == "Person" and len(ag.get(KG.party)) < 2:
                    ag.add(KG.party, p)
