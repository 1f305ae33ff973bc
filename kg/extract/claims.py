"""Claims: reported assertions in indirect speech ("The US has said China is the primary
source…") and denials ("China has denied the US claim") as kg:disputedBy."""
from __future__ import annotations

import hashlib

from .event_words import OFFERS
from .lexicon import CLAIM_NOUNS, CLAIM_VERBS, DENIAL_VERBS
from .model import ArticleContext, Node
from .coref import actor_of, document_owner, subject_of
from .entities import publisher_reporter
from .quotes import DESCRIBING, anonymous, speaker_of
from .parsed import positions, tokens
from .registry import extractor
from .text import clean
from ..vocab import KG


def _claim(ctx: ArticleContext, claimant: Node, text: str, sent, tok) -> Node:
    key = hashlib.sha1(f"{tok.i}:{text}".encode()).hexdigest()[:12]
    c = ctx.node(KG.Claim, key)
    c.add(KG.claimant, claimant)
    c.add(KG.claimText, text)
    c.evidence(*ctx.sentence_span(sent))
    c.data["token"] = tok.i
    return c


def _clause_text(ctx: ArticleContext, clause, more=()) -> str | None:
    """The words of a reported clause (and of `more` clauses the parser split it into)."""
    subtree = sorted({t.i: t for c in (clause, *more) for t in c.subtree}.values(),
                     key=lambda t: t.i)
    toks = [t for t in subtree if t.dep_ != "mark" or t.i != clause.left_edge.i]
    if not toks:
        return None
    if toks[0].tag_ in ("WDT", "WP", "WP$") and toks[0].lower_ in ("which", "who", "whom", "whose"):
        return None  # "the election, which he claims was marred": what it is about is outside
    inside = sum(1 for t in toks if ctx.in_quote(t.idx))
    words = [t for t in toks if not t.is_punct]
    if inside > 0.6 * len(toks) or (words and ctx.in_quote(words[0].idx)) or \
            ctx.in_quote(clause.idx):  # 'added that the aircraft "had no problems"': quoted
        return None  # a direct quotation: a Statement, not a reported claim
    text = clean(ctx.doc[toks[0].i:toks[-1].i + 1].text)
    for mark in ("\u201c", "\u201d", '"', "\u2018", "\u2019 ", "\u2019,"):
        text = text.replace(mark, "" if mark.strip() == mark else mark[-1:].strip() + " ")
    return " ".join(text.split()) if len(text.split()) >= 3 else None


def _split_rest(verb, clause) -> list:
    """'says Iraqis fleeing violence are finding fewer avenues': the parser cut one reported
    clause in two ccomps of the verb, the second right after the first; both are said."""
    out, end = [], clause.right_edge.i
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > clause.i and c.left_edge.i == end + 1 and clause.i > verb.i:
            out.append(c)
            end = c.right_edge.i
    return out


# Verbs that charge someone with something ('accused the agency of coordinating the attacks').
ACCUSE_VERBS = {"accuse", "blame"}
# Verbs that assert their object ('stressed the need for reform', 'underscored its support').
EMPHASIS_VERBS = {"stress", "underscore", "emphasize", "emphasise", "highlight", "reiterate",
                  "reaffirm"}
ASSERTING_VERBS = CLAIM_VERBS | EMPHASIS_VERBS
DOCUMENT_VERBS = {"show", "find", "indicate", "reveal", "conclude", "suggest", "say", "state"}
CLAUSE_VERBS = {"insist", "claim", "argue", "allege", "maintain", "assert", "contend", "warn"}
# Verbs that say what something is ('declared the launch a success'), beside DESCRIBING.
VERDICT_VERBS = DESCRIBING | {"declare", "deem", "pronounce"}
# Verbs that judge a thing 'as' something ('criticized the election as neither free nor fair').
JUDGING = {"criticize", "criticise", "condemn", "denounce", "hail", "praise", "welcome"}


def _rest_of_clause(ctx: ArticleContext, verb, start: int | None = None) -> str | None:
    """The words after a verb (or from `start`) up to the end of its clause: the next comma or
    full stop, or a conjunction that opens another clause of the same verb."""
    doc = ctx.doc
    begin = verb.i + 1 if start is None else start
    end = begin
    while end < verb.sent.end and doc[end].text not in (",", ".", ";", ":", "?", "!") and \
            not (doc[end].dep_ == "cc" and doc[end].head.i == verb.i):  # "… and his lawyer said"
        end += 1
    for v2 in verb.children:  # "denied the charges and his lawyer … said": stop at the "and"
        if v2.dep_ == "conj" and v2.pos_ in ("VERB", "AUX") and v2.i > begin:
            cut = [t.i for t in doc[begin:min(end, v2.i)] if t.lower_ in ("and", "but")]
            if cut:
                end = min(end, cut[-1])
    words = doc[begin:end]
    if any(ctx.in_quote(t.idx) for t in words):
        return None
    text = clean(words.text)
    return text if len(text.split()) >= 4 else None


def _according_to(ctx: ArticleContext, tok) -> None:
    """'At least 20 people died, according to the Red Cross': the Red Cross claims it."""
    from .coref import entity_in

    doc = ctx.doc
    to = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if to is None or to.lower_ != "to" or ctx.in_quote(tok.idx):
        return
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    claimant = document_owner(ctx, pobj) or (entity_in(ctx, pobj) if pobj is not None else None)
    if claimant is None and pobj is not None:
        claimant = anonymous(ctx, pobj)  # "according to legal experts": an unnamed group
    if claimant is None or not claimant.is_actor:
        return
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in CLAIM_VERBS:
        return  # "…, he said, according to X": the speech verb has its own claim
    drop = {t.i for t in tok.subtree}
    words = [t for t in verb.subtree if t.i not in drop and t.dep_ != "punct"
             or (t.i not in drop and t.text == "-")]
    if not words or any(ctx.in_quote(t.idx) for t in words):
        return
    text = clean(doc[words[0].i:words[-1].i + 1].text if max(t.i for t in words) < tok.i
                 else " ".join(t.text for t in words))
    if len(text.split()) >= 4:
        _claim(ctx, claimant, text, verb.sent, verb)


REPORTERS = {"correspondent", "reporter", "journalist", "editor", "columnist", "anchor"}


def _reporter(actor: Node) -> bool:
    return any(set(p.label.lower().split()) & REPORTERS for p in actor.get(KG.holdsPosition))


@extractor("claims", order=60,
           requires=(KG.Person,),
           assigns=(KG.Claim, KG.claimant, KG.claimText, KG.disputedBy, KG.Actor, KG.Country, KG.represents))
def extract_claims(ctx: ArticleContext) -> None:
    """Indirect speech with its claimant; denials dispute the claim they name."""
    issued: dict[str, Node] = {}  # document noun -> who issued it, as the article goes on
    words = sorted(set(positions(ctx.doc, "lower", "according"))  # what the loop can take
                   | set(positions(ctx.doc, "pos", ("VERB", "AUX"))))
    toks = tokens(ctx.doc)
    for tok in (toks[i] for i in words):
        if tok.lower_ == "according":
            _according_to(ctx, tok)
            continue
        lemma = tok.lemma_.lower()
        if ctx.in_quote(tok.idx) or tok.pos_ not in ("VERB", "AUX"):
            continue
        if lemma in DENIAL_VERBS:
            _denial(ctx, tok)
            continue
        subj = subject_of(tok)
        issuer = document_owner(ctx, subj)  # "a report released by X shows …"
        if subj is not None and issuer is not None:
            issued[subj.lemma_.lower()] = issuer
        elif subj is not None and any(c.lower_ == "the" for c in subj.children):
            issuer = issued.get(subj.lemma_.lower())  # "But the report says …": the same one
        if lemma not in ASSERTING_VERBS | VERDICT_VERBS | JUDGING and not (
                issuer and lemma in DOCUMENT_VERBS):
            continue
        clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if lemma in (VERDICT_VERBS | JUDGING) - ASSERTING_VERBS:
            clause = None  # what a describing verb says is its object and predicate
        if _impersonal(tok):
            continue  # "it is believed that …": the one who says so is the verb above, if any
        claimant = _quoted_as(ctx, tok) or issuer or speaker_of(ctx, tok)
        if claimant is None or not claimant.is_actor and claimant.kind != "Actor":
            continue  # "the explosion … showed": only an actor asserts
        if clause is not None and clause.lemma_.lower() in CLAIM_VERBS | {"estimate"} \
                and any(c.dep_ in ("nsubj", "ccomp") for c in clause.children) \
                and not _impersonal(clause):
            continue  # "Industry sources said …, Reuters reported": Reuters only reports
        if _reporter(claimant) or publisher_reporter(ctx, claimant) or (subj is not None and any(
                t.lower_ in REPORTERS for t in subj.subtree)):
            continue  # "correspondent X reports …": the journalist tells, the claim is not hers
        if clause is not None and clause.i < tok.i and any(
                t.text == ";" for t in ctx.doc[clause.i:tok.i]):
            continue  # "A and B have been at odds; … B announced plans": not what B announced
        seen = next((c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        if clause is None and lemma in ("report", "admit", "acknowledge", "recall") and \
                seen is not None:
            clause = seen  # "Witnesses reported seeing a ball of fire"
        gerund = tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].tag_ == "VBG"
        if clause is None and lemma in ("admit", "deny", "acknowledge") and gerund:
            text = _rest_of_clause(ctx, tok)  # "admitted driving the bomber …" (misparsed)
        elif clause is not None:
            text = _clause_text(ctx, clause, _split_rest(tok, clause))
        elif lemma in CLAUSE_VERBS and not _takes_a_thing(tok):
            text = _rest_of_clause(ctx, tok)  # "insisting the roots … lie in the US"
        elif lemma == "say" and _said_as_object(tok):
            text = _rest_of_clause(ctx, tok)  # "says almost 19,000 children … die": misparsed
            text = text if text and len(text.split()) >= 5 else None
        elif lemma in ACCUSE_VERBS and (of := next(
                (c for h in [tok, *(d for d in tok.children if d.dep_ == "dobj")]
                 for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                 and any(p.dep_ in ("pcomp", "pobj") for p in c.children)), None)):
            text = _clause_text(ctx, next(p for p in of.children
                                          if p.dep_ in ("pcomp", "pobj")))  # "accused X of …"
        elif lemma in VERDICT_VERBS | JUDGING and (said := _characterised(ctx, tok)):
            text = said  # "described the election as neither free nor fair"
        elif lemma in EMPHASIS_VERBS and (obj := next(
                (c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)):
            text = _clause_text(ctx, obj)  # "stressed the government's support for …"
        else:
            continue
        if text:
            _claim(ctx, claimant, text, tok.sent, tok)


# What one claims by taking it ('claimed the top four spots', 'the storm claimed 20 lives').
TAKEN = {"title", "spot", "place", "medal", "gold", "silver", "bronze", "crown", "victory", "win",
         "seat", "prize", "trophy", "life", "championship", "lead", "pole", "record", "share"}


SAID_THINGS = {"word", "prayer", "goodbye", "hello", "thing", "something", "nothing", "anything",
               "lot", "yes", "no", "sorry", "thanks", "name", "mass"}


def _said_as_object(verb) -> bool:
    """'The UN says almost 19,000 children under five die every day', parsed with the
    children as what is said: a clause the parser broke, not 'said a prayer'."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.i > verb.i and obj.pos_ in ("NOUN", "PROPN") and \
        obj.lemma_.lower() not in SAID_THINGS and not any(
            c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _takes_a_thing(verb) -> bool:
    """'claimed the top four spots', 'claimed victory': the verb's object is a thing won or
    taken, not something asserted."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in TAKEN for c in verb.children)


def _characterised(ctx: ArticleContext, verb) -> str | None:
    """'called the mission a total success', 'described the vote as neither free nor fair':
    the thing and what the speaker says it is (not 'called on', 'called for', a phone call)."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None
    small = next((c for c in verb.children if c.dep_ in ("ccomp", "dobj")
                  and c.pos_ in ("NOUN", "ADJ")
                  and any(d.dep_ == "nsubj" for d in c.children)), None)
    if small is not None:  # 'declared the launch a success', parsed as a verbless clause
        return _clause_text(ctx, small)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.i < verb.i or verb.lemma_.lower() not in DESCRIBING | JUDGING:
        return None  # ('declared three provinces disaster zones': an act, not a view)
    text = _rest_of_clause(ctx, verb, obj.left_edge.i)
    if text is None:
        return None
    n = len(text.split())
    after = ctx.doc[obj.left_edge.i:obj.left_edge.i + n]
    if any(c.dep_ == "oprd" for c in verb.children) and verb.lemma_.lower() in DESCRIBING or any(
            t.lower_ == "as" and t.i > obj.i for t in after):
        return text  # ('criticized the vote as unfair'; 'praised the minister' says nothing)
    return None


def _quoted_as(ctx: ArticleContext, verb) -> Node | None:
    """'The press agency quoted X as saying a deal will be signed': X says it, not the agency."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() != "quote":
        return None
    obj = next((c for c in prep.head.children if c.dep_ == "dobj"), None)
    return actor_of(ctx, obj) if obj is not None else None


def _impersonal(verb) -> bool:
    """'it is believed', 'it was reported': a passive with an empty 'it' names no speaker."""
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children) or (
        any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in verb.children))


def _denial(ctx: ArticleContext, verb) -> None:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return  # "the Rohingya, who are denied basic rights": denied to them, not by them
    denier = speaker_of(ctx, verb)
    if denier is None:
        return
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "ccomp")), None)
    if obj is None:
        return
    if obj.lower_ in CLAIM_NOUNS or obj.lemma_.lower() in CLAIM_NOUNS:
        named = [ctx.node_at(c.i) for c in obj.subtree if ctx.node_at(c.i) is not None]
        claims = [c for c in ctx.of_kind("Claim") if c.data.get("token", 10**9) < verb.i
                  and c.first(KG.claimant) is not denier]
        if named:
            claims = [c for c in claims if c.first(KG.claimant) in named] or claims
        if claims:
            claims[-1].add(KG.disputedBy, denier)
            return
        accuser = next((n for n in named if n.is_actor and n is not denier), None)
        clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
        text = _clause_text(ctx, clause) if clause is not None else None
        if accuser is not None and text:  # "rejected US accusations that it supplies …"
            _claim(ctx, accuser, text.removeprefix("that ").strip(), verb.sent,
                   verb).add(KG.disputedBy, denier)
            return
    if obj.dep_ == "dobj" and obj.lemma_.lower() in OFFERS:
        return  # "the court rejected the appeal", "rejected the offer": a decision, no claim
    start = min([c.i for c in verb.children if c.dep_ in ("aux", "neg")] + [verb.i])
    text = _clause_text(ctx, obj) if obj.dep_ == "ccomp" else _rest_of_clause(ctx, verb, start)
    if text and len(text.split()) >= 2:
        _claim(ctx, denier, text, verb.sent, verb).data["denial"] = True
