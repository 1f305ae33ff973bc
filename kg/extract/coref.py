"""Who a pronoun or a bare noun phrase refers to, from what came before in the article."""
from __future__ import annotations

from .model import ORG_KINDS, ArticleContext, Node
from .parsed import column, tokens
from ..vocab import KG

PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m"}
THING_PRONOUNS = {"it", "its"}
WINDOW = 400  # tokens to look back for an antecedent


def entity_in(ctx: ArticleContext, tok, kinds: set[str] | None = None) -> Node | None:
    """The node a token stands for: itself, its appositive, or a named entity in its phrase."""
    n = ctx.node_at(tok.i)
    if n is not None and (kinds is None or n.kind in kinds):
        return n
    for child in tok.children:
        if child.dep_ == "appos":
            n = ctx.node_at(child.i) or entity_in(ctx, child, kinds)
            if n is not None and (kinds is None or n.kind in kinds):
                return n
    for t in tok.subtree:
        n = ctx.node_at(t.i)
        if n is not None and n.kind == "Person" and (kinds is None or "Person" in kinds):
            return n
    for t in tok.subtree:
        if t.dep_ in ("relcl", "acl") or ctx.in_quote(t.idx):
            continue
        n = ctx.node_at(t.i)
        if n is not None and n.kind in ("Country", "Place") and tok.pos_ == "NOUN" and \
                _through_prep(t, tok):
            continue  # "an official with Indonesia's agency", "an alliance of parties in Nepal"
        if n is not None and n.is_actor and (kinds is None or n.kind in kinds):
            return n
    return None


def _through_prep(t, top) -> bool:
    """Whether t hangs on `top` through a preposition: it locates or qualifies the thing, it
    is not the thing."""
    for _ in range(10):
        if t.i == top.i or t.head.i == t.i:
            return False
        if t.dep_ == "prep":
            return True
        t = t.head
    return False


def subjects_before(ctx: ArticleContext, i: int) -> list[tuple[int, Node]]:
    """Actors that were grammatical subjects before token i, newest first."""
    out = []
    dep, toks = column(ctx.doc, "dep"), tokens(ctx.doc)
    for j in range(i - 1, max(i - WINDOW, 0) - 1, -1):
        if dep[j] not in ("nsubj", "nsubjpass"):
            continue
        tok = toks[j]
        if not ctx.in_quote(tok.idx):
            n = ctx.node_at(j) or entity_in(ctx, tok)
            if n is not None and not _possessor_only(ctx, tok, n):
                out.append((j, n))
    return out


def _possessor_only(ctx: ArticleContext, subj, n: Node) -> bool:
    """'Montoya's cartel is responsible': Montoya owns the subject, he is not it."""
    for t in subj.subtree:
        if ctx.node_at(t.i) is not n:
            continue
        owned, k = False, t
        while k.i != subj.i and k.head.i != k.i:  # walk up to the subject
            owned = owned or k.dep_ == "poss"
            k = k.head
        if not owned:
            return False
    return True


def resolve_pronoun(ctx: ArticleContext, tok) -> Node | None:
    """'he'/'she' -> the latest person subject (of matching gender when known); 'it' -> the
    latest organization or country subject."""
    low = tok.lower_
    if low in PERSON_PRONOUNS:
        want = PERSON_PRONOUNS[low]
        for j, n in subjects_before(ctx, tok.i):
            if n.kind == "Person" and _unnamed_between(ctx, j, tok.i):
                return None  # "One miner says …. 'Rescuers cannot enter,' he said": not X
            if n.kind == "Person" and n.gender in ("", want):
                n.gender = want
                ctx.mention(tok.i, tok.i + 1, n)
                return n
        return None
    if low in THING_PRONOUNS:
        for _, n in subjects_before(ctx, tok.i):
            if n.kind != "Person":
                ctx.mention(tok.i, tok.i + 1, n)
                return n
    return None


# Common nouns for one person the text does not name ('one miner', 'a witness').
UNNAMED_PEOPLE = {"man", "woman", "boy", "girl", "miner", "worker", "resident", "witness",
                  "survivor", "soldier", "officer", "teacher", "student", "farmer", "doctor",
                  "nurse", "villager", "driver", "passenger", "victim", "mother", "father", "son",
                  "daughter", "wife", "husband", "protester", "demonstrator", "activist", "fan",
                  "voter", "shopkeeper", "trader", "businessman", "businesswoman", "policeman",
                  "rescuer", "pilot", "employee", "customer", "patient", "refugee", "migrant"}


def _unnamed_between(ctx: ArticleContext, j: int, i: int) -> bool:
    """An unnamed person ('one miner involved in the rescue') was the subject more recently
    than the named one at j: a pronoun after it is that person's (not someone the named one
    spoke about: 'X told VOA that a demonstrator was shot. "…," he said' is X's)."""
    for k in range(j + 1, i):
        t = ctx.doc[k]
        if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NN" and ctx.node_at(k) is None \
                and t.lemma_.lower() in UNNAMED_PEOPLE and not ctx.in_quote(t.idx) \
                and not _reported(t, j):
            return True
    return False


def _reported(tok, j: int) -> bool:
    """The token stands in a clause that a verb whose subject is at j reports."""
    from .lexicon import SPEECH_VERBS

    head = tok.head
    while head.dep_ in ("ccomp", "conj", "advcl") and head.head.i != head.i:
        head = head.head
        if head.lemma_.lower() in SPEECH_VERBS and any(
                c.i == j and c.dep_ == "nsubj" for c in head.children):
            return True
    return False


def actor_of(ctx: ArticleContext, tok) -> Node | None:
    """The actor a subject token refers to: a name, a pronoun, 'the minister', an unnamed body
    of a state ('Ghana's electoral commission'), or an entity in its phrase."""
    if tok.lower_ in PERSON_PRONOUNS or tok.lower_ in THING_PRONOUNS:
        return resolve_pronoun(ctx, tok)
    holder = office_holder(ctx, tok)
    if holder is not None:
        return holder  # "The U.N. High Commissioner for Refugees, Antonio Guterres, says"
    if tok.pos_ == "NOUN" and any(c.dep_ == "compound" and (n := ctx.node_at(c.i)) is not None
                                  and n.kind in ORG_KINDS for c in tok.children):
        holder = holder_of_title(ctx, tok)  # "The RBZ governor said": the governor, not the bank
        if holder is not None:
            return holder
    return state_body(ctx, tok) or entity_in(ctx, tok) or holder_of_title(ctx, tok) \
        or named_before(ctx, tok)


def office_holder(ctx: ArticleContext, tok) -> Node | None:
    """'The U.N. High Commissioner for Refugees, Antonio Guterres': a body named by its head's
    title (the tagger's name ends in 'Commissioner'), with the person set beside it: that
    person, who holds the office."""
    from .lexicon import TITLE_HEADS

    n = ctx.node_at(tok.i)
    if n is None or n.kind not in ORG_KINDS or tok.lemma_.lower() not in TITLE_HEADS:
        return None
    return next((m for t in tok.subtree if t.dep_ == "appos" and (m := ctx.node_at(t.i))
                 is not None and m.kind == "Person"), None)


def named_before(ctx: ArticleContext, tok) -> Node | None:
    """'the (electoral) commission said' after 'Angola's electoral commission': the latest body
    whose name ends in the same noun and holds every word in front of it."""
    if not _common_noun(tok) or tok.lemma_.lower() not in BODY_NOUNS:
        return None
    lefts = [c.lower_ for c in tok.lefts]
    if lefts[:1] != ["the"]:
        return None
    seen: set[int] = set()
    for j in range(tok.i - 1, max(tok.i - WINDOW, 0) - 1, -1):
        n = ctx.node_at(j)
        if n is None or id(n) in seen:
            continue
        seen.add(id(n))
        words = n.label.lower().split()
        if n.is_actor and n.kind != "Person" and words[-1:] in ([tok.lower_], [tok.lemma_.lower()]) \
                and all(w in words for w in lefts[1:]):  # 'the electoral commission'
            ctx.mention(tok.i, tok.i + 1, n)
            return n
    return _last_body_subject(ctx, tok) if len(lefts) == 1 else None


# 'the agency', 'the company': nouns that stand for the body last named as a subject.
ORG_LIKE = ("Organization", "GovernmentBody", "Company")
GENERIC_BODIES = {"agency": ORG_LIKE, "organization": ORG_LIKE, "organisation": ORG_LIKE,
                  "company": ("Company", "Organization"), "firm": ("Company", "Organization")}


def _last_body_subject(ctx: ArticleContext, tok) -> Node | None:
    """'The UNHCR says … It also appealed … The agency said …': a bare 'the agency' or 'the
    company' is the one body of that kind that was a subject in the two sentences before."""
    kinds = GENERIC_BODIES.get(tok.lemma_.lower())
    sent = tok.sent
    if kinds is None or sent.start == 0:
        return None
    first = ctx.doc[sent.start - 1].sent
    if first.start > 0:
        first = ctx.doc[first.start - 1].sent
    bodies = {id(n): n for j, n in subjects_before(ctx, sent.start)
              if j >= first.start and n.kind in ORG_LIKE}
    if len(bodies) != 1 or next(iter(bodies.values())).kind not in kinds:
        return None
    body = next(iter(bodies.values()))
    ctx.mention(tok.i, tok.i + 1, body)
    return body


# Common nouns for bodies that speak for themselves, not for their state as a whole.
BODY_NOUNS = {"commission", "committee", "council", "court", "tribunal", "ministry", "agency",
              "parliament", "party", "union", "regulator", "watchdog", "board",
              "electorate", "opposition", "media", "newspaper", "broadcaster", "company", "firm"}


def _common_noun(tok) -> bool:
    """A common noun, also where the tagger took a lower-case word for a name."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.text.islower())


def state_body(ctx: ArticleContext, tok) -> Node | None:
    """'Ghana's electoral commission said', 'Angolan state media reported': a body the text
    does not name, of a state it names. An actor of this article only, not an entity."""
    from .entities import country
    from .text import norm

    if not _common_noun(tok) or tok.lemma_.lower() not in BODY_NOUNS or ctx.node_at(tok.i):
        return None
    owner = None
    for c in tok.lefts:
        n = ctx.node_at(c.i)
        if c.dep_ in ("poss", "compound", "nmod", "amod") and n is not None and n.kind == "Country":
            owner = n
        elif c.i in ctx.demonym:
            owner = country(ctx, ctx.demonym[c.i])
    if owner is None:
        return None
    words = [t.text for t in ctx.doc[tok.left_edge.i:tok.i + 1] if t.dep_ != "det"]
    label = " ".join(words).replace(" \u2019s", "\u2019s").replace(" 's", "'s")
    n = ctx.node(KG.Actor, "body|" + norm(label), label)
    n.add(KG.represents, owner)
    n.data["scoped"] = True
    ctx.mention(tok.i, tok.i + 1, n)
    return n


def holder_of_title(ctx: ArticleContext, tok) -> Node | None:
    """'the minister said': the person named earlier with a post of that title."""
    from .lexicon import TITLE_HEADS

    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in TITLE_HEADS or \
            not any(c.lower_ == "the" for c in tok.children):
        return None
    title = tok.lemma_.lower()
    best, best_i = None, -1
    for i, n in ctx.tok2node.items():
        if i < tok.i and n.kind == "Person" and i > best_i and any(
                title in p.data.get("title", "").split() for p in n.get(KG.holdsPosition)):
            best, best_i = n, i
    if best is not None:
        ctx.mention(tok.i, tok.i + 1, best)
    return best


def subject_of(verb):
    """The subject token of a verb, following conjunctions and participles up to their head."""
    seen = 0
    while verb is not None and seen < 4:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects:
            # Two subjects is a misparse of a title before a name ('IGAD mediator Seyoum Mesfin
            # said'): the one nearest the verb is the name.
            before = [c for c in subjects if c.i < verb.i]
            return before[-1] if before else subjects[0]
        if verb.dep_ == "xcomp" and verb.head.i != verb.i:
            obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
            if obj is not None:
                return obj  # "leading some to say", "asked him to resign": the object does it
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
            continue
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "by":
            verb = verb.head.head  # "tried to appease them by announcing X": who tried
            seen += 1
            continue
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in \
                DOCUMENT_NOUNS and verb.head.dep_ == "dobj":
            verb = verb.head.head  # "issued a statement …, adding that": who issued it
            seen += 1
            continue
        return None
    return None


# Documents that speak for whoever issued them ('a report released by UNICEF shows …').
DOCUMENT_NOUNS = {"report", "study", "survey", "statement", "complaint", "filing", "ruling",
                  "analysis", "assessment", "review", "release", "letter", "document",
                  "documents", "findings", "figures", "data", "estimates", "forecast", "census"}


def document_owner(ctx: ArticleContext, tok) -> Node | None:
    """Who issued the document a noun names: "UNICEF's report", 'a complaint filed by the FTC',
    'the report from the World Bank'; None for a document of no named issuer."""
    if tok is None or tok.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for c in tok.children:
        if c.dep_ in ("poss", "compound") and (n := ctx.node_at(c.i)) is not None and n.is_actor:
            return n
        phrases = [c] if c.dep_ == "prep" and c.lower_ in ("by", "from", "of") else [
            a for a in c.children if a.dep_ == "agent" or a.dep_ == "prep" and a.lower_ == "by"
        ] if c.dep_ == "acl" else []
        for prep in phrases:
            for p in prep.children:
                if p.dep_ == "pobj" and (n := entity_in(ctx, p)) is not None and n.is_actor:
                    return n
    return None
