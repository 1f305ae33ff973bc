"""Posts people hold: "Deputy Homeland Security Adviser Jen Daskal", "China's minister of public
security, Wang Xiaohong", "US President Joe Biden", "his US counterpart Joe Biden".
"""
from __future__ import annotations

from .coref import named_before
from .memberships import body_after
from .lexicon import TITLE_ABBREVIATIONS, TITLE_HEADS, TITLE_MODIFIERS
from .gazetteer import gazetteer
from .spans import PORTFOLIO_TITLES, title_words
from .model import ORG_KINDS, ArticleContext, Node
from .registry import extractor
from .text import clean, norm
from ..vocab import KG

CONNECTORS = {"of", "for", "and", "on"}
LEADER_HEADS = {"director", "administrator", "head", "chief", "chairman", "chairwoman", "chair",
                "chairperson", "president", "leader", "commissioner", "ceo", "secretary-general",
                "minister", "governor", "commander"}
SECOND_RANK = {"deputy", "vice", "assistant", "associate", "former", "spokesman",
               "spokeswoman", "spokesperson", "adviser", "advisor", "under", "undersecretary"}
SMALL = {"of", "for", "and", "on", "the", "to", "in", "at"}


def title_label(words: list[str]) -> str:
    """'minister of public security' -> 'Minister of Public Security'."""
    out = []
    for i, w in enumerate(words):
        if w.lower() == "formerly":
            out.append("Former")  # "X, formerly minister of Y": a former minister
        elif w.lower() in TITLE_ABBREVIATIONS:
            out.append(TITLE_ABBREVIATIONS[w.lower()])  # "Gov." -> "Governor"
        elif w.lower() in SMALL and i > 0:
            out.append(w.lower())
        elif w.islower():
            out.append(w[:1].upper() + w[1:])
        else:
            out.append(w)
    return " ".join(out).replace(" - ", "-")  # "Secretary-General"


def title_key(label: str) -> str:
    words = norm(label).replace("advisor", "adviser").split()
    return " ".join("of" if w == "for" else w for w in words if w not in ("the",))


def position(ctx: ArticleContext, person: Node, title: str, state: str | None, sent,
             body: Node | None = None, one_of: bool = False) -> Node:
    """The post `title` held by `person` (of a state, of a body). A head of the body leads it,
    unless the text makes him one of several ('a leader of the party')."""
    from .entities import country

    if body is None and state is None and _company_title(title):
        body = _one_company(ctx, sent)  # "BP says chief executive officer X will leave"
    if body is not None and state is None and body.data.get("country"):
        state = body.data["country"]  # "Chinese Foreign Ministry Spokesperson": China's
    key = title_key(title) + ("|" + norm(state) if state else "")
    if body is not None and not state:
        key += "|" + body.key  # FIFA's secretary-general and the UN's are two posts
    if not state and body is None:
        key += "|@" + person.key  # 'President' of no named state: this holder's, not shared
    label = title
    pos = ctx.node(KG.Position, key, label)
    pos.label = pos.label or label
    if state:
        c = country(ctx, state)
        pos.add(KG.positionIn, c)
        person.add(KG.represents, c)
    pos.data["title"] = title_key(title)
    if body is not None:
        pos.add(KG.positionIn, body)
        pos.data["body"] = body
        key = title_key(title).replace("-", " ")
        words = set(key.split())
        heads = words & LEADER_HEADS or ({"general"} if "secretary general" in key
                                         and _international(body)
                                         or "director general" in key else set()) or (
            {"secretary"} if "secretary" in words and set(norm(body.label).split()) & {
                "department", "treasury", "ministry", "office"} else set())
        # ("Treasury Secretary X" heads the Treasury; a club's secretary does not lead it)
        if heads == {"chief"} and _chief_of_a_field(key):
            heads = set()  # "chief lawyer", "chief economist": senior, not the head
        if _runs_a_part(words, body):
            heads, words = {"part"}, words - {"assistant", "associate"}
        if heads and not words & SECOND_RANK and not one_of:
            person.add(KG.leads, body)  # "IAEA Director General Rafael Grossi" heads the IAEA
    person.add(KG.holdsPosition, pos)
    pos.evidence(*ctx.sentence_span(sent))
    return pos


def _runs_a_part(words: set[str], body: Node) -> bool:
    """'Assistant Attorney General for the Civil Division', 'Assistant Administrator for the
    Office of Enforcement': an assistant head of a department runs the part of it named."""
    from .entities import SUB_UNITS

    label = body.label.lower().split()
    part = bool(label) and (label[-1] in SUB_UNITS or label[:2] == ["office", "of"])
    return part and bool(words & {"assistant", "associate"}) and bool(
        words & (LEADER_HEADS | {"general", "administrator", "secretary"}))


def _international(body: Node) -> bool:
    """A body of states or a world body the curated table knows ('the United Nations', NATO):
    its secretary-general heads it; a federation's, a party's or a union's is a member."""
    known = gazetteer().lookup(body.label)
    return known is not None and known.kind == "Organization" and not known.country


def _chief_of_a_field(key: str) -> bool:
    """'chief lawyer', 'chief operating officer': 'chief' before another role word names the
    senior one of that role ('chief executive', 'chief justice' and a bare 'chief' lead)."""
    words = key.split()
    k = words.index("chief")
    rest = [w for w in words[k + 1:] if w not in ("of", "the", "and")]
    return bool(rest) and rest[0] not in ("executive", "justice", "minister")


SITTING = {"incumbent", "sitting", "current", "serving"}
FUNCTION_WORDS = {"ADP", "SCONJ", "DET", "PRON", "ADV", "INTJ", "CCONJ"}


# Posts only a company has: with no body named, the one company of the sentence is theirs.
COMPANY_TITLES = ("ceo", "chief executive", "chief financial officer", "cfo",
                  "chief operating officer", "coo", "managing director")


def _company_title(title: str) -> bool:
    key = title_key(title)
    return any(key == t or key.startswith(t + " ") or key.endswith(" " + t)
               for t in COMPANY_TITLES)


def _one_company(ctx: ArticleContext, sent) -> Node | None:
    found = {n for t in sent if (n := ctx.node_at(t.i)) is not None and n.kind in ("Company",
                                                                                 "Organization")
             and not ctx.in_quote(t.idx)}
    return found.pop() if len(found) == 1 else None


def _country_left(ctx: ArticleContext, i: int) -> str | None:
    """The state named just before token i: 'US', 'Chinese', "China's"."""
    doc = ctx.doc
    if i < 0:
        return None
    if doc[i].text in ("'s", "\u2019s") and i > 0:
        i -= 1
    if i in ctx.demonym:
        return ctx.demonym[i]
    n = ctx.node_at(i)
    return n.label if n is not None and n.kind == "Country" else None


def title_before(ctx: ArticleContext, start: int) -> tuple[list[str], int] | None:
    """Title words right before a name, and the index where the title starts."""
    doc = ctx.doc
    i = start - 1
    words: list[int] = []
    while i >= 0:
        t = doc[i]
        if i in ctx.demonym or (ctx.node_at(i) is not None and ctx.node_at(i).kind == "Country"):
            break
        if ctx.node_at(i) is not None and ctx.node_at(i).kind == "Person":
            break
        if ctx.node_at(i) is not None and ctx.node_at(i).kind in ORG_KINDS and not words:
            break  # "the Treasury Department's Office …" is not a title
        if t.text == "-" and words and 0 < i and not t.whitespace_ and \
                not doc[i - 1].whitespace_ and doc[i - 1].is_alpha:
            words.append(i)  # "Secretary-General X"
            i -= 1
            continue
        if t.is_title or t.is_upper or t.lower_ in TITLE_HEADS or t.lower_ in TITLE_MODIFIERS \
                or (t.lower_ in CONNECTORS and words) or (not words and _plural_title(t)):
            if t.is_punct or t.like_num or (t.pos_ in FUNCTION_WORDS and not t.is_upper and t.lower_
                                            not in TITLE_HEADS | TITLE_MODIFIERS | CONNECTORS):
                break  # "Like Prime Minister X": 'Like' opens the sentence, not the title
            words.append(i)
            i -= 1
            continue
        break
    words.reverse()
    while words and doc[words[0]].lower_ in CONNECTORS:
        words.pop(0)
    texts = [doc[w].text[:-1] if w == start - 1 and _plural_title(doc[w]) else doc[w].text
             for w in words]  # "vice presidents A and B": each a vice president
    if not words or not any(w.lower() in TITLE_HEADS for w in texts):
        return None
    if doc[words[-1]].lower_ in CONNECTORS:
        return None
    return texts, words[0]


def _plural_title(tok) -> bool:
    """'presidents', 'journalists': a title head in the plural, before names joined by 'and'."""
    return tok.tag_ in ("NNS", "NNPS") and tok.lower_[:-1] in TITLE_HEADS and (
        tok.is_lower or tok.is_sent_start)


def _appositive_title(ctx: ArticleContext, root) -> tuple[list[str], str | None, list, bool] | None:
    """'China's minister of public security, Wang Xiaohong' and 'Wang, the minister of ...'."""
    head = None
    if root.dep_ == "appos" and root.head.lower_ in TITLE_HEADS:
        head = root.head
    else:
        head = next((c for c in root.children if c.dep_ == "appos" and c.lower_ in TITLE_HEADS),
                    None)
    if head is None:
        return None
    state = None
    toks = []
    employer: list = []
    clauses = {t.i for c in head.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    doc = ctx.doc
    clauses |= {i for t in head.lefts if t.i in ctx.demonym and t.i + 1 < head.i
                and doc[t.i + 1].tag_ in ("VBN", "VBD") for i in (t.i, t.i + 1)}  # "an American
    # trained lawyer": where he trained, not whose lawyer
    for t in head.subtree:
        if t.i in clauses:
            continue  # "a former minister | who allegedly was acting for X": not the post
        if t.i >= root.i and root.dep_ == "appos":
            break
        owner = ctx.node_at(t.i)
        if t.dep_ == "poss" and owner is None and t.i < head.i:
            owner = named_before(ctx, t) or (  # "the company's chief executive": the one named
                _last_of_kind(ctx, t.i, "Company") if t.lemma_.lower() in ("company", "firm")
                and any(c.lower_ == "the" for c in t.lefts) else None)
            if owner is not None and ctx.node_at(t.i) is None:
                ctx.mention(t.i, t.i + 1, owner)
        if t.dep_ == "poss" and owner is not None and owner.kind in ORG_KINDS:
            if t.i < head.i:
                toks.append(t)  # "the WHO's emergency coordinator": the body, not a state
            continue  # ("head of DEA's New Orleans Division" heads the division)
        if t.dep_ == "poss" and t.lower_ in ("country", "nation") and owner is None:
            state = state or _last_country(ctx, t.i)  # "the country's foreign minister"
            continue
        if t.dep_ == "poss" or t.i in ctx.demonym or (
                ctx.node_at(t.i) is not None and ctx.node_at(t.i).kind == "Country"
                and t.i < head.i):
            state = state or ctx.demonym.get(t.i) or (ctx.node_at(t.i).label if ctx.node_at(t.i)
                                                      else None)
            continue
        if t.dep_ == "case" or t.dep_ in ("det", "punct") and t.i < head.i:
            continue
        if (t.dep_ == "amod" and t.lower_ in SITTING or t.dep_ == "nummod") and t.i < head.i:
            continue  # "incumbent President", "one economist": the post, not a kind or count
        if t.i > head.i and t.dep_ == "prep" and t.lower_ not in ("of", "for", "on", "to"):
            if t.lower_ in ("with", "at") and t.head.i == head.i:
                employer = [p for p in t.children if p.dep_ == "pobj"]
            break  # "an analyst | with Canaccord Adams in Toronto": where, not what
        if (t.is_punct and ctx.node_at(t.i) is None) or (t.dep_ == "cc" and t.head.i == head.i):
            break  # not the hyphen inside a name ('Jemaat-e-Islami'); 'and a top leader' ends it
        toks.append(t)
    if len(toks) >= 2 and toks[-2].lower_ == "of" and toks[-2].head.i == head.i and \
            ctx.node_at(toks[-1].i) is not None and ctx.node_at(toks[-1].i).kind == "Country":
        state = state or ctx.node_at(toks[-1].i).label  # "President of Zimbabwe": Zimbabwe's
        toks = toks[:-2]
    words = [t.text for t in toks if ctx.node_at(t.i) is None or t.i >= head.i]
    toks += employer  # the body the post is held in: "an analyst with X"
    one_of = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
    return (words, state, toks, one_of) if words else None


@extractor("positions", order=20,
           requires=(KG.Person,),
           assigns=(KG.Position, KG.holdsPosition, KG.positionIn, KG.leads, KG.represents, KG.Country,
                    KG.Organization, KG.GovernmentBody, KG.Company, KG.CriminalOrganization))
def extract_positions(ctx: ArticleContext) -> None:
    """Posts: title before a name, appositive titles, 'his US counterpart X'; represents."""
    from .post_forms import office_before, pronoun_posts, signature_title, title_for_body_before

    doc = ctx.doc
    seen: set[int] = set()
    shared: dict[int, tuple] = {}  # a plural title's later names: "vice presidents A and B"
    for i, node in sorted(ctx.tok2node.items()):
        if node.kind != "Person" or (i > 0 and ctx.node_at(i - 1) is node) or i in seen:
            continue
        seen.add(i)
        end = i
        while ctx.node_at(end) is node:
            end += 1
        sent = doc[i].sent
        found = title_before(ctx, i) or _title_before_comma(ctx, i) or shared.get(i)
        if found:
            words, tstart = found
            state = _country_left(ctx, tstart - 1)
            body, words = _title_body(ctx, words, tstart, i, state)
            body = body or _body_noun_before(ctx, tstart) or (  # "Assistant Attorney General
                body_after(ctx, end) if doc[end].lower_ in ("of", "for") else None)  # X of Y"
            position(ctx, node, title_label(words), state, sent, body)
            _title_before_and(ctx, node, tstart, sent)
            if i > 0 and _plural_title(doc[i - 1]):
                for c in doc[i:end].root.conjuncts:  # "… A and B": B too
                    k = ctx.mention_start(c.i)
                    if ctx.node_at(k) is not None and ctx.node_at(k).kind == "Person":
                        shared[k] = found
            continue
        titled = title_for_body_before(ctx, i)
        if titled is not None:  # "Assistant Attorney General for the Civil Division X"
            position(ctx, node, title_label(titled[0]), None, sent, titled[1])
            continue
        head_of = _head_of_body_before(ctx, i)
        if head_of is not None:  # "the head of the North Valley drug cartel Diego Montoya"
            position(ctx, node, title_label([head_of[0]]), None, sent, head_of[1])
            continue
        signed = signature_title(ctx, end)
        if signed is not None:  # "said X, M.D., Acting Director, Centers for Disease Control"
            position(ctx, node, title_label(signed[0]), None, sent, signed[1])
            continue
        span = doc[i:end]
        app = _appositive_title(ctx, span.root) or relative_title(ctx, span.root) or \
            named_title(ctx, span.root)
        if app:
            words, state, toks, one_of = app
            body = next((n for t in toks if (n := ctx.node_at(t.i)) is not None
                         and n.kind in ORG_KINDS), None)  # "a spokesman for the Ministry of X"
            if [w.lower() for w in words] == ["head"] and body is not None and any(
                    body in p.get(KG.positionIn) for p in node.get(KG.holdsPosition)):
                continue  # "elected … as head of FIFA" after "FIFA president X": the same post
            position(ctx, node, title_label(words), state, sent, body, one_of)
            for other in _joined_titles(toks):  # "Cisco chairman and CEO": both posts
                position(ctx, node, title_label([other.text]), state, sent, body, one_of)
            continue
        office = office_before(ctx, span.root)
        if office is not None:  # "The U.N. High Commissioner for Refugees, Antonio Guterres"
            position(ctx, node, office[0], None, sent, office[1])
            continue
        _counterpart(ctx, node, i, sent)
    pronoun_posts(ctx)


def _title_before_comma(ctx: ArticleContext, start: int) -> tuple[list[str], int] | None:
    """'… and Minister of Education, Naana Jane Opoku-Agyemang delivered remarks': a title in
    capitals set off by a comma right before the name."""
    doc = ctx.doc
    if start < 2 or doc[start - 1].text != ",":
        return None
    found = title_before(ctx, start - 1)
    if found is None:
        return None
    words, tstart = found
    capitals = [w for w in words if w.lower() not in SMALL]
    if not all(w[:1].isupper() for w in capitals) or (tstart > 0 and doc[tstart - 1].lower_ in (
            "the", "a", "an") and not doc[tstart - 1].is_sent_start):
        return None  # "the president, X" is left to the appositive reading
    return found


def _body_noun_before(ctx: ArticleContext, tstart: int) -> Node | None:
    """'commission president X' in an article that names the Independent National Electoral
    Commission: the one body whose name ends in the common noun before the title."""
    from .coref import BODY_NOUNS

    doc = ctx.doc
    if tstart < 1 or not doc[tstart - 1].is_lower or doc[tstart - 1].lemma_ not in BODY_NOUNS \
            or ctx.node_at(tstart - 1) is not None:
        return None
    noun = doc[tstart - 1].lemma_
    bodies = {id(n): n for n in ctx.of_kind(*ORG_KINDS)
              if n.label.split()[-1].lower() in (noun, noun + "s")}
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def _title_body(ctx: ArticleContext, words: list[str], start: int, end: int, state):
    """(body, title words) for the title words from start to end: a body named inside them
    ('Fish and Wildlife Service Director': the post is Director) or one they shorten."""
    body = next((n for n in ctx.nodes_in(start, end, ORG_KINDS)), None)
    if body is None:
        return _body_in_title(ctx, start, end, state) or (None, words)
    return body, [t.text for t in ctx.doc[start:end] if ctx.node_at(t.i) is not body
                  and t.lower_ not in ("'s", "\u2019s", "local")] or words


def _last_of_kind(ctx: ArticleContext, i: int, kind: str) -> Node | None:
    """The node of a kind the article named last before token i."""
    for j in range(i - 1, max(i - 400, 0) - 1, -1):
        n = ctx.node_at(j)
        if n is not None and n.kind == kind:
            return n
    return None


def _last_country(ctx: ArticleContext, i: int) -> str | None:
    """The state the article named last before token i ('Kenya …, the country's minister')."""
    n = _last_of_kind(ctx, i, "Country")
    return n.label if n is not None else None


def _title_before_and(ctx: ArticleContext, node: Node, tstart: int, sent) -> None:
    """'African Union Chairman and Egyptian President X': the title before 'and' is a second
    post of the same person."""
    doc = ctx.doc
    k = tstart - 1
    if k >= 0 and k in ctx.demonym:
        k -= 1
    if k < 1 or doc[k].lower_ != "and":
        return
    found = title_before(ctx, k)
    if not found:
        return
    words, start = found
    state = _country_left(ctx, start - 1)
    body, words = _title_body(ctx, words, start, k, state)
    if body is None and state is None:
        return  # a post of nobody named: left out rather than given the person's state
    position(ctx, node, title_label(words), state, sent, body)


def _joined_titles(toks) -> list:
    """'chairman and CEO', 'president and chief executive': the other title heads joined to
    the first."""
    heads = [t for t in toks if t.lower_ in TITLE_HEADS]
    if not heads:
        return []
    return [c for c in heads[-1].children if c.dep_ == "conj" and (
        c.lower_ in TITLE_HEADS - {"chief", "executive"} or c.lower_ == "cfo")]


def relative_title(ctx: ArticleContext, root):
    """'Habib el-Adly, who was Mubarak's interior minister', 'X is the chief executive of Y':
    the post a relative clause or a copula gives the person."""
    rel = next((c for c in root.children if c.dep_ == "relcl" and c.lemma_ == "be"), None)
    if rel is None or not any(c.lower_ in ("who",) for c in rel.children):
        rel = root.head if root.dep_ == "nsubj" and root.head.lemma_ == "be" else None
        if rel is None or any(c.dep_ in ("neg", "aux") for c in rel.children):
            return None  # "X is the chief executive of Y" (not "X will be", "X is not")
    attr = next((c for c in rel.children if c.dep_ == "attr" and c.lower_ in TITLE_HEADS
                 | {"official", "employee"}), None)
    if attr is None:
        return None
    return _title_phrase(ctx, attr)


# Verbs that put a person in a post: 'was named minister of X', 'was promoted to minister'.
INSTALLING = {"name", "appoint", "promote", "elect", "reelect", "re-elect", "nominate",
              "install", "choose", "select", "swear", "move"}
# The ones that alone are evidence enough of a person (a name the tagger missed) or of an
# appointment event: not 'choose', 'select', 'move', 'swear'.
APPOINTING = {"promote", "appoint", "name", "elect", "nominate", "reelect", "install"}


def installed_title(verb, verbs=INSTALLING):
    """The title a verb puts its subject in ('was promoted to information minister', 'was
    named minister of X', 'was appointed as finance minister'), or None."""
    if verb.lemma_.lower() not in verbs:
        return None
    title = next((c for c in verb.children if c.dep_ in ("oprd", "attr")
                  and c.lemma_.lower() in TITLE_HEADS), None)
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "as")):
        title = title or next((p for p in prep.children if p.dep_ == "pobj"
                               and p.lemma_.lower() in TITLE_HEADS), None)
    return title


def named_title(ctx: ArticleContext, root):
    """'X was promoted to information minister': the post a verb puts X in, as title words."""
    verb = root.head
    serving = root.dep_ == "nsubj" and verb.lemma_.lower() == "serve"  # "X served as head of Y"
    if not (root.dep_ == "nsubjpass" or serving) or any(
            c.dep_ in ("neg",) or c.lower_ in ("would", "could", "may", "might")
            or (c.lower_ == "will" and not serving) for c in verb.children):
        return None  # ("X will serve as acting president": the post he is given)
    title = installed_title(verb, SERVING if serving else INSTALLING)
    return _title_phrase(ctx, title) if title is not None else None


SERVING = {"serve"}


def _title_phrase(ctx: ArticleContext, attr):
    """(words, state, tokens, one of several) of a title noun phrase: 'Mubarak's interior
    minister', 'the chief executive of Y', 'minister of economic development'."""
    state = None
    toks = []
    joined = {w.i for c in attr.children if c.dep_ in ("cc", "conj") for w in c.subtree}
    for t in attr.subtree:
        if t.i in joined or t.lower_ == "formerly":
            continue  # "promoted to information minister and X was named …": not the title
        owner = ctx.node_at(t.i)
        if t.i in ctx.demonym or (t.dep_ == "poss" and owner is not None
                                  and owner.kind == "Country"):
            state = ctx.demonym.get(t.i) or owner.label
            continue
        if t.dep_ == "poss" and owner is not None and owner.kind in ORG_KINDS:
            toks.append(t)  # "Microsoft's top lawyer": the body's post
            continue
        if t.dep_ == "poss" or t.head.dep_ == "poss":
            continue  # "Mubarak's interior minister": whose, not what
        if t.dep_ in ("det", "case", "punct") or (t.dep_ == "prep" and t.i > attr.i):
            if t.dep_ == "prep":
                body = [p for p in t.children if p.dep_ == "pobj" and ctx.node_at(p.i)
                        is not None and ctx.node_at(p.i).kind in ORG_KINDS | {"Country"}]
                if t.lower_ == "of" and body and ctx.node_at(body[0].i).kind == "Country":
                    state = ctx.node_at(body[0].i).label
                elif t.lower_ in ("of", "at", "for") and body:
                    toks.append(body[0])  # "the chief executive of Y": Y's post
                elif t.lower_ == "of" and t.head.i == attr.i and all(
                        ctx.node_at(w.i) is None and (w.is_lower or w.dep_ == "pobj")
                        for w in t.subtree if w.i != t.i):
                    toks += list(t.subtree)  # "minister of economic development": the field
                break
            continue
        toks.append(t)
    words = [t.text for t in toks if ctx.node_at(t.i) is None]
    one_of = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in attr.children)
    return (words, state, toks, one_of) if words else None


def _head_of_body_before(ctx: ArticleContext, i: int):
    """(title word, body) for 'TITLE of (the) BODY Name': a body named right before the name,
    after 'of' and a title ('the head of the X cartel Diego Montoya')."""
    doc = ctx.doc
    body = ctx.node_at(i - 1) if i > 0 else None
    if body is None or body.kind not in ORG_KINDS:
        return None
    k = ctx.mention_start(i - 1) - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in TITLE_HEADS:
        return doc[k - 1].text, body
    return None


def _named_body(ctx: ArticleContext, name: str) -> Node | None:
    """The body the article already names that `name` shortens ('IAAF President X' after the
    International Association of Athletics Federations); None when no one body fits."""
    from .entities import initialism_of

    key = norm(name)
    found = [n for n in ctx.nodes.values() if n.kind in ORG_KINDS and (
        key in {norm(x) for x in (n.label, *n.aliases)} or initialism_of(name, n.label))]
    if not found:  # "Reserve Bank Governor X" after the Reserve Bank of Australia
        found = [n for n in ctx.nodes.values() if n.kind in ORG_KINDS
                 and norm(n.label).startswith(key + " of ")]
    if len(found) != 1:
        return None
    if name != found[0].label:
        found[0].aliases.add(name)
    return found[0]


def _portfolio(doc, k: int) -> bool:
    """'Energy Minister', 'Oil Minister': the field a minister is for, not a company."""
    from .lexicon import COMPANY_HEADS, GOV_HEADS

    return doc[k].lower_ in COMPANY_HEADS - GOV_HEADS and k + 1 < len(doc) \
        and doc[k + 1].lower_ in ("minister", "secretary", "ministry")


def _body_in_title(ctx: ArticleContext, start: int, end: int, state: str | None):
    """'Fish and Wildlife Service Director': a named body inside the title words the tagger
    missed; returns the body and the title words after it."""
    from .entities import _classify_org
    from .lexicon import ORG_HEADS

    doc = ctx.doc
    cut = max((k for k in range(start, end - 1) if doc[k].lower_ in ORG_HEADS
               and doc[k].lower_ not in TITLE_HEADS and doc[k].is_title
               and not _portfolio(doc, k)), default=None)
    first = doc[start]
    if cut is None and first.is_upper and first.is_alpha and len(first) >= 2 \
            and first.lower_ not in TITLE_HEADS | TITLE_MODIFIERS | ORG_HEADS:
        cut = start  # "FIFA president": an acronym before the title names the body
    role = next((k for k in range(start, end) if doc[k].lower_ in TITLE_HEADS), None)
    if cut is None and role is not None and role - start >= 2 and doc[role].is_lower and all(
            doc[k].is_title and doc[k].lower_ not in TITLE_HEADS | TITLE_MODIFIERS
            or doc[k].lower_ in ("of", "for", "on", "and", "&") for k in range(start, role)) \
            and doc[role - 1].is_title:
        cut = role - 1  # "Human Rights Watch spokeswoman": a name before a lower-case role
    if cut is None and role is not None and role > start and not _portfolio(doc, role - 1) \
            and not title_words(doc, start, role) and all(
            doc[k].ent_type_ == "ORG" and doc[k].is_title for k in range(start, role)) and not (
            doc[role].lower_ in PORTFOLIO_TITLES and gazetteer().lookup(doc[start:role].text)
            is None):  # "UK International Development Secretary X": a field, not a body
        cut = role - 1  # "Microsoft chief executive": a company the tagger named
    if cut is None or (cut == start and not first.is_upper) or not any(doc[k].lower_ in TITLE_HEADS
                                              for k in range(cut + 1, end)):
        return None
    name = clean(doc[start:cut + 1].text)
    if state == "United States":
        name = f"U.S. {name}"
    body = _named_body(ctx, name) or ctx.node(_classify_org(name), norm(name), name)
    if state:
        body.data.setdefault("country", state)
    ctx.mention(start, cut + 1, body)
    return body, [t.text for t in doc[cut + 1:end]]


def _counterpart(ctx: ArticleContext, person: Node, i: int, sent) -> None:
    """'his US counterpart Joe Biden': the same post as his, in the named state."""
    doc = ctx.doc
    j = i - 1
    if j > 0 and doc[j].text == ",":
        j -= 1  # "his Liberian counterpart, Charles Taylor"
    if j < 0 or doc[j].lower_ != "counterpart":
        return
    state = _country_left(ctx, j - 1)
    owner = None
    for k in range(j - 1, sent.start - 1, -1):
        n = ctx.node_at(k)
        if n is not None and n.kind == "Person" and n is not person:
            owner = n
            break
    if owner is None:
        return
    titles = [p for p in owner.get(KG.holdsPosition)]
    if titles:
        label = titles[-1].label.split(" of ")[0] if state else titles[-1].label
        position(ctx, person, clean(label), state, sent)


def _one_post_per_title(ctx: ArticleContext, person: Node) -> None:
    """'Presiding Judge Richard Lussick' … 'Judge Lussick': one post, the fuller title; and
    'President X' … 'X is the president of Chile': one post, Chile's."""
    posts = person.get(KG.holdsPosition)
    for short in posts:
        words = set(title_key(short.label).split())
        fuller = next((p for p in posts if p is not short and (
            words < set(title_key(p.label).split()) or (  # "President" and Chile's "President"
                words == set(title_key(p.label).split()) and not short.get(KG.positionIn)
                and p.get(KG.positionIn)))
            and (not short.get(KG.positionIn)
                 or set(short.get(KG.positionIn)) <= set(p.get(KG.positionIn)))), None)
        if fuller is None:
            continue
        person.props = [(k, v) for k, v in person.props if not (k == "holdsPosition" and v is short)]
        if not any(short in n.get(KG.holdsPosition) for n in ctx.of_kind("Person")):
            ctx.drop(short)


@extractor("post-states", order=90,
           requires=(KG.Position, KG.holdsPosition),
           assigns=(KG.positionIn, KG.represents, KG.Country))
def complete_posts(ctx: ArticleContext) -> None:
    """A post named without its state ('President Xi Jinping') belongs to the state its holder
    represents, when that is one state (or the curated table of office holders names it)."""
    from .entities import country

    for person in ctx.of_kind("Person"):
        _one_post_per_title(ctx, person)
        states = {c for c in person.get(KG.represents) if c.kind == "Country"}
        if not states and person.data.get("country"):
            states = {country(ctx, person.data["country"])}
        if len(states) != 1:
            continue
        state = next(iter(states))
        for pos in person.get(KG.holdsPosition):
            if not pos.get(KG.positionIn):
                pos.add(KG.positionIn, state)
                person.add(KG.represents, state)
