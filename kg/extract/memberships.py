"""Membership: 'Nikolai Petrov of the Moscow Carnegie Center', 'John Atta Mills (National
Democratic Congress)', and a post in a named body ('a spokesman for the union') make a person a
member of that body; a head of it leads it instead (positions.py decides that).
"""
from __future__ import annotations

from .model import ORG_KINDS, ArticleContext, Node
from .registry import extractor
from ..vocab import KG

LINKS = {"of", "for", "from", "with", "at", "representing"}
# ', a leader of the X party': one of its leaders is one of its members.
MEMBER_WORDS = {"member", "senior", "leading", "founding", "leader", "founder", "co-founder",
                "spokesman", "spokeswoman", "spokesperson", "official", "lawmaker", "deputy"}
# Roles that place a person in the body named just before them ("the NPP candidate X").
ROLES = {"candidate", "member", "lawmaker", "legislator", "official", "activist", "delegate",
         "player", "striker", "goalkeeper", "coach", "lawyer", "economist", "analyst",
         "researcher", "scientist", "engineer", "employee", "worker", "driver", "rider",
         "midfielder", "defender", "captain", "cyclist"}


def _mentions(ctx: ArticleContext, kind: str):
    """(node, first token, token after the mention) for each mention of a node of `kind`."""
    items = sorted(ctx.tok2node.items())
    for k, (i, node) in enumerate(items):
        if node.kind != kind or (i > 0 and ctx.node_at(i - 1) is node):
            continue
        end = i
        while ctx.node_at(end) is node:
            end += 1
        yield node, i, end


def body_after(ctx: ArticleContext, end: int) -> Node | None:
    """'X of the Y', 'X (Y)', 'X, of the Y', 'X, a member of the Y'; the part of Y where the
    text names one ('X of the Justice Department's Criminal Division')."""
    doc = ctx.doc
    j = end
    if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("of", "from", "at"):
        j += 1
    elif j + 4 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("a", "an") and \
            doc[j + 2].lower_ in MEMBER_WORDS:
        j += 2
        while j < len(doc) and doc[j].lower_ != "of" and j < end + 6:
            j += 1
    if j < len(doc) and doc[j].lower_ in LINKS | {"("}:
        j += 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
            k = j  # "of the credit-rating agency Standard and Poor's": past what it is
            while k < min(j + 5, len(doc)) and ctx.node_at(k) is None and (
                    doc[k].is_lower or doc[k].text == "-"):
                k += 1
            if k > j and k < len(doc) and doc[k - 1].lemma_.lower() in BODY_WORDS:
                j = k
        n = ctx.node_at(j) if j < len(doc) else None
        if n is not None and n.kind in ORG_KINDS:
            return _part_of(ctx, n, j)
    return None


def _part_of(ctx: ArticleContext, body: Node, j: int) -> Node:
    """The body named from token j on, or the part of it its possessive names ('the Justice
    Department's Criminal Division')."""
    doc = ctx.doc
    j = ctx.mention_end(j)
    part = ctx.node_at(j + 1) if j + 1 < len(doc) and doc[j].lower_ in ("'s", "\u2019s") else None
    return part if part is not None and part.kind in ORG_KINDS else body


# Common nouns for what a body is, before its name ('the credit-rating agency X').
BODY_WORDS = {"agency", "firm", "company", "group", "bank", "party", "union", "organization",
              "organisation", "institute", "ministry", "council", "committee", "network",
              "broadcaster", "newspaper", "team", "club", "charity", "lender", "insurer",
              "carrier", "airline", "maker", "manufacturer", "producer", "operator"}


def _body_before(ctx: ArticleContext, start: int) -> Node | None:
    """'the New Patriotic Party (NPP) candidate X': the body named right before a role."""
    doc = ctx.doc
    j = start - 1
    if j < 1 or doc[j].lower_ not in ROLES:
        return None
    j -= 1
    if doc[j].text == ")" and j >= 2 and doc[j - 2].text == "(":
        j -= 3  # an acronym in brackets
    n = ctx.node_at(j) if j >= 0 else None
    return n if n is not None and n.kind in ORG_KINDS else None


def _body_of_role(ctx: ArticleContext, i: int) -> Node | None:
    """'two Caribbean Football Union officials, A and B': people named beside a role of a body
    (as its appositive, or joined to one) are its members."""
    tok = ctx.doc[i]
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    role = tok.head
    if tok.dep_ != "appos" or role.lemma_.lower() not in ROLES | MEMBER_WORDS:
        return None
    for c in role.lefts:
        n = ctx.node_at(c.i)
        if c.dep_ in ("compound", "poss", "nmod") and n is not None and n.kind in ORG_KINDS:
            return n
    return None


def _is_from(ctx: ArticleContext, i: int) -> Node | None:
    """'X is from the Polio Eradication Program', 'X is with the Red Cross': the body a copula
    places the person in."""
    tok = ctx.doc[i]
    if tok.dep_ != "nsubj" or tok.head.lemma_ != "be":
        return None
    for c in tok.head.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "with"):
            for p in c.children:
                n = ctx.node_at(p.i) if p.dep_ == "pobj" else None
                if n is not None and n.kind in ORG_KINDS:
                    return n
    return None


def _works_for(ctx: ArticleContext, i: int) -> Node | None:
    """'X works for the World Bank', 'X, who works at Google': the body X works in."""
    tok = ctx.doc[i]
    verbs = [tok.head] if tok.dep_ == "nsubj" else []
    verbs += [c for c in tok.children if c.dep_ == "relcl"]
    for verb in verbs:
        if verb.lemma_.lower() != "work":
            continue
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "at", "with"):
                for p in c.children:
                    n = ctx.node_at(p.i) if p.dep_ == "pobj" else None
                    if n is not None and n.kind in ORG_KINDS:
                        return n
    return None


def _heads(ctx: ArticleContext, end: int) -> Node | None:
    """'X, who heads the Y' / 'X, who leads the Y': X leads Y."""
    doc = ctx.doc
    if end + 3 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who" and \
            doc[end + 2].lemma_.lower() in ("head", "lead", "chair", "run"):
        j = end + 3
        if doc[j].lower_ == "the":
            j += 1
        n = ctx.node_at(j) if j < len(doc) else None
        return n if n is not None and n.kind in ORG_KINDS else None
    return None


def _org_mentions(ctx: ArticleContext):
    for kind in ("Organization", "Company"):
        yield from _mentions(ctx, kind)


def _possessor(ctx: ArticleContext, start: int, end: int) -> Node | None:
    """The person whose possessive names a party or a company: 'Samak's People Power Party'
    (not a state's body: 'Obama's Justice Department' is the government's)."""
    for t in ctx.doc[start:end]:
        for c in t.children:
            n = ctx.node_at(c.i)
            if c.dep_ == "poss" and c.i < start and n is not None and n.kind == "Person" \
                    and not ctx.in_quote(c.idx):
                return n
    return None


def _join(person: Node, body: Node) -> None:
    if body not in person.get(KG.leads) and body not in person.get(KG.memberOf):
        person.add(KG.memberOf, body)


@extractor("memberships", order=25,
           requires=(KG.Person, KG.Organization, KG.holdsPosition),
           assigns=(KG.memberOf, KG.leads, KG.positionIn, KG.Country))
def extract_memberships(ctx: ArticleContext) -> None:
    """Members of named bodies: 'X of the Y', 'X (Y)', and posts held in a named body."""
    from .entities import country, only_the_publisher, publisher_reporter

    for person, start, end in _mentions(ctx, "Person"):
        if ctx.in_quote(ctx.doc[start].idx) or publisher_reporter(ctx, person):
            continue  # ("reporter X of VOA": the story's author, not a member it reports on)
        body = body_after(ctx, end) or _body_before(ctx, start) or _body_of_role(ctx, end - 1) \
            or _is_from(ctx, end - 1) or _works_for(ctx, end - 1)
        if body is not None and not only_the_publisher(ctx, body):
            _join(person, body)
        head = _heads(ctx, end)
        if head is not None and head not in person.get(KG.leads):
            person.add(KG.leads, head)
    for body, start, end in _org_mentions(ctx):
        owner = _possessor(ctx, start, end)
        if owner is not None:  # "Samak's People Power Party": the party he belongs to
            _join(owner, body)
    for person in ctx.of_kind("Person"):
        for pos in person.get(KG.holdsPosition):
            body = pos.data.get("body")
            if body is not None:
                _join(person, body)
            else:  # "Commerce Secretary X" heads the "Commerce Department" the article names
                department = _department(ctx, pos.data.get("title", ""))
                person.add(KG.leads, department)
                pos.add(KG.positionIn, department)  # (the post is in that department, and in
                if department is not None and department.data.get("country"):  # its state)
                    pos.add(KG.positionIn, country(ctx, department.data["country"]))


DEPARTMENT_HEADS = {"minister": ("ministry",), "secretary": ("department", "ministry"),
                    "commissioner": ("commission",)}
DEPARTMENT_WORDS = {"ministry", "department", "commission", "of", "for", "the", "and", "u.s.",
                    "us", "federal", "national"}


def _department(ctx: ArticleContext, title: str) -> Node | None:
    """The one body named in the article for a minister's or secretary's field: 'Minister of
    Education' -> 'Ministry of Education', 'Commerce Secretary' -> 'Commerce Department'."""
    words = [w for w in title.split() if w not in ("of", "for", "the", "and")]
    heads = [w for w in words if w in DEPARTMENT_HEADS]
    if len(heads) != 1 or any(w in ("deputy", "vice", "assistant", "under", "former", "acting",
                                     "general", "prime", "foreign") for w in words):
        return None
    field = {w for w in words if w not in DEPARTMENT_HEADS}
    if not field:
        return None
    found = []
    for n in ctx.of_kind(*ORG_KINDS):
        name = n.label.lower().replace(",", "").split()
        if not set(name) & set(DEPARTMENT_HEADS[heads[0]]):
            continue
        if {w for w in name if w not in DEPARTMENT_WORDS} == field:
            found.append(n)
    return found[0] if len(found) == 1 else None
