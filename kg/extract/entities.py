"""Mentions: people, organizations, countries, places and substances, one node per thing.

Within the article, "Daskal" is Jen Daskal, "Wang" is Wang Xiaohong, and "the US", "America"
and "Washington" acting as a government are the United States.
"""
from __future__ import annotations

import re

from . import spans as spanfix
from .gazetteer import gazetteer
from .knowledge import big_city, city_country, given_name, us_state
from .lexicon import (ADMIN_UNITS, COMPANY_HEADS, CRIMINAL_HEADS, DISEASE_NEXT, FACILITY_NOUNS,
                      FEMALE_HONORIFICS, GOV_HEADS, HONORIFICS, LOWER_HEADS, MALE_HONORIFICS,
                      NAME_PARTICLES, NOT_NAMES, ORG_HEADS, PLACE_FIRST, PLACE_HEADS, SPAN_TAIL,
                      SPEECH_VERBS, TITLE_HEADS)
from .model import ORG_KINDS, ArticleContext, Node
from .parsed import column, having, positions, tokens
from .registry import extractor
from .text import block_quotes, clean, initials, norm, quote_spans
from ..vocab import KG

_NAME_TOKEN = re.compile(r"^[A-Z][\w.'\u2019-]*$")


def country(ctx: ArticleContext, name: str) -> Node:
    known = gazetteer().countries.get(name)
    n = ctx.node(KG.Country, norm(name), name)
    if known:
        n.wikidata = known.wikidata
        n.aliases.update(a for a in known.aliases if not a.lower().startswith("the "))
    return n


def known_org(ctx: ArticleContext, name: str) -> Node:
    k = gazetteer().lookup(name)
    n = ctx.node(k.kind, norm(k.name), k.name)
    n.wikidata = k.wikidata
    if k.country:
        n.data["country"] = k.country
    return n


def substance(ctx: ArticleContext, name: str) -> Node:
    k = gazetteer().lookup(name.lower())
    canonical = k.name if k else name.lower()
    n = ctx.node(KG.Substance, norm(canonical), canonical)
    if k:
        n.wikidata = k.wikidata
        if k.category:
            n.data.setdefault("default_category", k.category)
    if name.lower() != canonical.lower():
        n.aliases.add(name.lower())
    return n


def acts(tok) -> bool:
    """Whether a capital city token stands for its government (subject, possessor, agent)."""
    if tok.dep_ == "poss":
        return tok.head.lower_ not in FACILITY_NOUNS and tok.head.ent_type_ not in ("FAC", "GPE")
    if tok.dep_ in ("nsubj", "nsubjpass", "agent"):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "by":
        return True
    return tok.dep_ == "compound" and tok.head.lemma_ in ("delegation", "official", "government")


REPORTING_NOUNS = {"correspondent", "reporter", "journalist", "interview", "news", "program",
                   "programme", "bureau", "crew", "editor"}


def _reports(tok) -> bool:
    """'told VOA', 'in an interview with VOA', 'VOA correspondent X': the outlet as the one
    spoken to or the one reporting."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_ in ("report", "write"):
        return True  # "X reports for VOA from Geneva"
    if tok.dep_ == "pobj" and head.lower_ in ("to", "with"):
        tok, head = head, head.head
    if tok.dep_ == "poss" and (head.ent_type_ == "PERSON" or head.pos_ == "PROPN" and
                               head.head.lemma_ in ("report", "write")):
        return True  # "VOA's Michael Bowman reports", "VOA's X was there": its own staff
    if tok.dep_ == "poss" and head.dep_ == "pobj":
        tok, head = head, head.head  # "reporter X of VOA's Studio 7": the programme
    if tok.dep_ == "pobj" and head.lower_ in ("of", "for") and head.head.ent_type_ == "PERSON" \
            and _reporter_before(head.head):
        return True  # "told reporter X of VOA": the one reporting
    if tok.dep_ in ("dobj", "dative", "iobj", "prep") and head.lemma_ in SPEECH_VERBS:
        return True
    if tok.i > 0 and tok.doc[tok.i - 1].lemma_ == "tell" and tok.doc[tok.i - 1].pos_ == "VERB":
        return True  # "told VOA Gambians are …", however the parser hung the name
    if tok.dep_ == "prep" and head.lower_ in REPORTING_NOUNS:
        return True  # "in an interview with VOA"
    return tok.dep_ in ("compound", "poss", "nmod") and head.lower_ in REPORTING_NOUNS


def _reporter_before(tok) -> bool:
    """The name tok ends is right after 'reporter' or 'correspondent'."""
    k = tok.i
    while k > 0 and tok.doc[k - 1].ent_type_ == "PERSON":
        k -= 1
    return k > 0 and tok.doc[k - 1].lower_ in ("reporter", "correspondent")


def publisher_reporter(ctx: ArticleContext, node: Node) -> bool:
    """"VOA's Michael Bowman reports …", 'VOA correspondent X reports': the publisher's own
    reporter, the author of the story rather than one of its subjects."""
    if node.kind != "Person" or not ctx.publisher:
        return False
    for i, n in ctx.tok2node.items():
        if n is not node:
            continue
        tok = ctx.doc[i]
        for c in tok.children:
            owner = ctx.node_at(c.i)
            if c.dep_ in ("poss", "compound") and owner is not None and owner is not node \
                    and only_the_publisher(ctx, owner):
                return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "from" and any(
                r.lemma_ == "report" and any(c.lower_ == "this" for c in r.children)
                for r in (tok.head.head, *tok.head.head.children)):
            return True  # "… from where we have this report from Lisa Schlein"
        first = ctx.mention_start(i)
        titled = first > 0 and ctx.doc[first - 1].lower_ in ("correspondent", "reporter")
        if titled and tok.dep_ == "nsubj" and tok.head.lemma_ in ("report", "write"):
            return True  # "Correspondent X reports on the showdown from Johannesburg"
        if titled and any(
                (o := ctx.node_at(k)) is not None and o is not node and (
                    _names_publisher(ctx, o) or only_the_publisher(ctx, o))
                for k in range(i + 1, min(i + 5, len(ctx.doc)))) and \
                i + 1 < len(ctx.doc) and ctx.doc[i + 1].lower_ in ("of", "for"):
            return True  # "told reporter X of VOA's Studio 7"
        if tok.dep_ == "nsubj" and tok.head.lemma_ in ("report", "write") and any(
                c.dep_ == "prep" and c.lower_ == "for" and any(
                    (o := ctx.node_at(p.i)) is not None and only_the_publisher(ctx, o)
                    for p in c.children) for c in tok.head.children):
            return True  # "Lisa X reports for VOA from Geneva"
    return False


def only_the_publisher(ctx: ArticleContext, node: Node) -> bool:
    """'Voters told VOA' in a Voice of America story: the publisher as the one who is told or
    who reports, not a subject of the article (an agency's release on what it did names it as
    a subject)."""
    if not ctx.publisher or node.kind not in ORG_KINDS:
        return False
    roots = [t for i, n in ctx.tok2node.items() if n is node
             and not (ctx.doc[i].head.i != i and ctx.tok2node.get(ctx.doc[i].head.i) is node)
             for t in [ctx.doc[i]]]
    if not _names_publisher(ctx, node):  # "VOA's Studio 7": the publisher's own programme
        return bool(roots) and all(_reports(t) and any(
            c.dep_ == "poss" and (o := ctx.node_at(c.i)) is not None and o is not node
            and _names_publisher(ctx, o) for c in t.children) for t in roots)
    return bool(roots) and all(_reports(t) for t in roots)


def _names_publisher(ctx: ArticleContext, node: Node) -> bool:
    names = {node.label, *node.aliases}
    return norm(ctx.publisher) in {norm(n) for n in names} or bool(names & initials(ctx.publisher))


def _given_name_of(doc, ent) -> bool:
    """A state's name then a middle initial and a surname ('Chad A. Readler', 'Jordan B.
    Peterson') is a person's given name."""
    end = ent.end
    return len(ent) == 1 and end + 1 < len(doc) and re.fullmatch(r"[A-Z]\.", doc[end].text) \
        is not None and doc[end + 1].is_title and doc[end + 1].pos_ == "PROPN"


def _particle(tok) -> bool:
    """'da' in 'Lula da Silva': a lower-case particle between two name words."""
    doc = tok.doc
    if not (tok.lower_ in NAME_PARTICLES and tok.is_lower and 0 < tok.i < len(doc) - 1):
        return False
    nxt = doc[tok.i + 1]
    return nxt.is_title or (nxt.text == "-" and not tok.whitespace_ and tok.i + 2 < len(doc)
                            and doc[tok.i + 2].is_title)  # "al-Sissi"


def _inner_hyphen(tok) -> bool:
    """A hyphen inside a name ('Grande-Marlaska'), with no space around it."""
    doc = tok.doc
    return tok.text == "-" and not doc[tok.i - 1].whitespace_ and not tok.whitespace_ \
        and 0 < tok.i < len(doc) - 1


def _clean_person(span) -> tuple[int, int] | None:
    """Token range of a person's name inside a PERSON entity, without titles and possessives."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in HONORIFICS or doc[start].lower_ in TITLE_HEADS):
        start += 1
    while end > start and doc[end - 1].text in ("'s", "\u2019s", "'", "\u2019"):
        end -= 1
    toks = doc[start:end]
    if not toks or not all(_NAME_TOKEN.match(t.text) or _inner_hyphen(t) or _particle(t)
                           or (t.i > start and _inner_hyphen(doc[t.i - 1]) and t.is_alpha)
                           for t in toks):  # "Ki-moon"
        return None
    if any(ch.isdigit() for ch in toks.text):
        return None
    root = toks.root
    # "Diaoyutai guesthouse": a name modifying a common noun is a place or a thing, not a person.
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.lower_ in FACILITY_NOUNS:
        return None
    if gazetteer().lookup(toks.text) or gazetteer().lookup(toks.text.lower()):
        return None
    return start, end


def name_kind(span) -> str | None:
    """What a capitalised name is by its own evidence: 'Place' or 'Organization' by its head
    noun or a gazetteer of cities, 'Person' by a given name, None when nothing says."""
    words = [t.text for t in span]
    if not words:
        return None
    last = words[-1].lower()
    if last in PLACE_HEADS or city_country(span.text) or (
            len(words) > 1 and words[0].lower() in PLACE_FIRST):  # "Mount X", "Lake X"
        return "Place"
    if last in ORG_HEADS:
        return "Organization"
    if _names_a_state(span):
        return None
    if 2 <= len(words) <= 4 and all(_NAME_TOKEN.match(w) or w.lower() in NAME_PARTICLES
                                    for w in words) and given_name(words[0]) in ("m", "f", "a"):
        return "Person"
    return None


def _names_a_state(span) -> bool:
    """'Georgian Dream', 'Sierra Leone': a state's name or demonym is not part of a person's."""
    g = gazetteer()
    return any(g.lookup(t.text) is not None or t.text in g.demonyms for t in span) or \
        g.lookup(span.text) is not None


def _given_before(doc, start: int) -> int:
    """'Minister of Trade Alfredo Ferrero | Diez Canseco': the tagger's person span began late;
    it starts at a known given name one or two untagged capitalised words before it."""
    first, k = start, start
    while k > 0 and start - k < 2:
        t = doc[k - 1]
        if t.pos_ != "PROPN" or not t.is_title or t.ent_type_ or t.is_sent_start or \
                t.lower_ in TITLE_HEADS | ORG_HEADS | PLACE_HEADS:
            break
        k -= 1
        if given_name(t.text) in ("m", "f", "a") or (
                t.dep_ == "compound" and t.head.i >= start and k > 0 and doc[k - 1].text in (
                    ",", "(") and t.lower_ not in HONORIFICS):
            first = k  # (or "leaders, Rabiatou Serah Diallo,": a name set off whole)
    return first


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """A name span without a dangling 'of', 'the', '-' or bracket at its edges, without a
    possessor before it ("Santos' Popular Movement…") or a subtitle after a colon."""
    for i in range(start, end):
        if doc[i].text == "(" and not any(doc[j].text == ")" for j in range(i, end)) or \
                doc[i].text == ":":
            end = i
            break
    owner = max((i for i in range(start, end - 1) if doc[i].tag_ == "POS"), default=None)
    if owner is not None and owner > start and (
            name_kind(doc[start:owner]) == "Person"
            or any(t.lower_ in NAME_PARTICLES for t in doc[start:owner])
            or doc[owner].text in ("'", "\u2019") and not (  # not "the Workers' Party"
                doc[owner - 1].tag_ in ("NNS", "NNPS")
                or doc[owner - 1].lemma_.lower() != doc[owner - 1].lower_)):  # a name's
        # bare apostrophe is a possessive; a body's own name has "'s" ("Children's Fund")
        start = owner + 1  # "dos Santos' Popular Movement…": the owner is a person
    while end > start and doc[end - 1].lower_ in SPAN_TAIL:
        end -= 1
    while start < end and doc[start].lower_ in SPAN_TAIL:
        start += 1
    return start, end


def _names_a_thing(tok) -> bool:
    """'a Bloomberg survey', 'the Reuters report': a name that modifies a common noun after an
    article names its maker, not a place."""
    return tok.dep_ in ("compound", "nmod") and tok.head.pos_ == "NOUN" and tok.head.i > tok.i \
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.head.children)


ARTIFACTS = {"rocket", "satellite", "spacecraft", "probe", "lander", "rover", "capsule", "ship",
             "vessel", "aircraft", "plane", "jet", "airliner", "drone", "missile", "tanker",
             "ferry", "submarine", "telescope", "helicopter", "car", "vehicle", "phone",
             "smartphone", "device", "vaccine", "drug", "model", "engine", "booster", "node",
             "module", "observatory", "software", "browser", "app"}


def _product(doc, start: int, end: int) -> bool:
    """A thing made, not its maker: a name in apposition to an artifact ('its rocket,
    Electron'), or a name with a model number ('a Falcon 9 rocket', 'a Boeing 737')."""
    root = doc[start:end].root
    made = root.head.lemma_.lower() in ARTIFACTS or (root.head.lower_ == "system" and any(
        c.lower_ == "operating" for c in root.head.lefts))  # "its Windows operating system"
    if root.dep_ == "compound" and made and any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their", "his", "her")
            for c in root.head.children):
        return True  # "the Tranquility node": the thing's name (but "a Boeing jet": its maker)
    if root.dep_ == "appos" and root.head.lemma_.lower() in ARTIFACTS or any(
            c.dep_ == "appos" and c.lemma_.lower() in ARTIFACTS for c in root.children):
        return True  # "its rocket, Electron", "the Nadir, a vessel operated by …"
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("a", "an") and \
            doc[end + 2].lemma_.lower() in ARTIFACTS:
        return True  # the same, however the parser hung the apposition
    return end + 1 <= len(doc) - 1 and doc[end].like_num and doc[end].text.isdigit() and \
        not doc[end - 1].whitespace_ == "" and doc[end].ent_type_ not in ("DATE", "MONEY")


def _join_adjacent(doc, people: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Zine El Abidine | Ben Ali': two person names with nothing between them are one."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(set(people)):
        if out and out[-1][1] == a and doc[a].is_title and doc[a - 1].is_title:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _stance_prefix(doc, start: int) -> bool:
    """'Pro-Chavez', 'anti-Taliban': the name is inside a word for a stance."""
    tok = doc[start]
    if tok.lower_ in ("pro", "anti") and start + 1 < len(doc) and doc[start + 1].text == "-":
        return True
    return start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
        and doc[start - 2].lower_ in ("pro", "anti")


NATIONAL_SOCIETIES = {"Red Cross", "Red Crescent"}
CURRENCY_NOUNS = {"dollar", "dollars", "pound", "pounds", "yuan", "rupee", "rupees", "peso",
                  "pesos", "franc", "francs", "shilling", "shillings", "real", "reais", "rand"}


def _employer(doc, start: int) -> bool:
    """'an analyst with X', 'an economist at X': X employs the one named before."""
    from .memberships import ROLES

    if start < 2 or doc[start - 1].lower_ not in ("with", "at"):
        return False
    prep = doc[start - 1]
    return prep.head.lemma_.lower() in ROLES and prep.head.i < prep.i


# Roles a team, a club or a company names before a person: 'McLaren Mercedes driver X'.
TEAM_ROLES = {"driver", "rider", "player", "striker", "goalkeeper", "midfielder", "defender",
              "coach", "manager", "captain", "cyclist", "pitcher", "quarterback", "engineer"}


def _team_of(doc, end: int) -> bool:
    """'McLaren Mercedes driver Lewis Hamilton': the name before a role and a person's name."""
    return end + 1 < len(doc) and doc[end].lower_ in TEAM_ROLES and \
        doc[end + 1].ent_type_ == "PERSON" and doc[end + 1].is_title


def _known_as_body(doc, start: int) -> bool:
    """'a group known as X', 'a gang called X': the name a body goes by."""
    if start < 2 or doc[start - 1].lower_ not in ("as", "called", "named", "dubbed"):
        return False
    verb = doc[start - 2] if doc[start - 1].lower_ == "as" else doc[start - 1]
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in spanfix.DESCRIPTORS | {
        "gang", "cartel", "movement", "militia", "faction", "collective", "crew", "ring"}


def _of_admin_unit(doc, start: int) -> bool:
    """'the province of X', 'the town of X': X names a place."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in ADMIN_UNITS


def _appositive_post(doc, start: int, end: int) -> bool:
    """'Emmerson Mnangagwa, incumbent President of Zimbabwe, …': two or three name words that a
    post in apposition describes are a person's name, whatever the tagger said."""
    span = doc[start:end]
    if end - start > 3 or not all(_NAME_TOKEN.match(t.text) for t in span) \
            or _names_a_state(span) or span[-1].lower_ in ORG_HEADS | PLACE_HEADS:
        return False
    return any(c.dep_ == "appos" and c.lower_ in TITLE_HEADS for c in span.root.children)


def _titled_name(doc, start: int, end: int) -> bool:
    """'President Thabo Mbeki' tagged as a place: two or three name words after a person's
    title, none of them a place or state the gazetteers know."""
    span = doc[start:end]
    return start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ in TITLE_HEADS \
        and end - start <= 3 and all(_NAME_TOKEN.match(t.text) for t in span) \
        and name_kind(span) is None and not _names_a_state(span) \
        and not any(city_country(t.text) for t in span)


def _titled(doc, start: int) -> bool:
    return start > 0 and (doc[start - 1].lower_ in HONORIFICS or doc[start - 1].lower_ in TITLE_HEADS)


def _particle_tail(doc, end: int) -> int:
    """'Abdel Fattah | al-Sissi', 'Mohamed | bin Hammam': a particle and the name after it
    that the tagger left outside the person's name."""
    while end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end].is_lower:
        if doc[end + 1].text == "-" and not doc[end].whitespace_ and end + 2 < len(doc) \
                and doc[end + 2].is_title:
            end += 3
        elif doc[end + 1].is_title and (doc[end + 1].ent_type_ in ("", "PERSON") or not (
                city_country(doc[end + 1].text) or gazetteer().lookup(doc[end + 1].text))):
            end += 2  # "Bingu wa | Mutharika" even where the tagger took the surname for a place
        else:
            break
    return end


def _known_leader(ctx: ArticleContext, name: str):
    """A lone surname ('Biden', 'Xi') that names exactly one office holder in the curated table
    whose state the article also names."""
    hits = {k.name: k for n, k in gazetteer().people.items() if name in n.split()}
    if len(hits) != 1:
        return None
    known = next(iter(hits.values()))
    states = {n.label for n in ctx.tok2node.values() if n.kind == "Country"}
    states |= {n.data["country"] for n in ctx.tok2node.values() if n.data.get("country")}
    states |= set(ctx.demonym.values())
    return known if known.country in states else None


def _body_appositive(root) -> bool:
    """'Nissui, Japan's second-largest marine products firm': a common noun of a body in
    apposition says the name is that body's."""
    return any(c.dep_ == "appos" and c.lemma_.lower() in spanfix.DESCRIPTORS
               for c in root.children)


def _lone_common_noun(ent) -> bool:
    """'the organization' (before 'Human Rights Watch'): one lower-case noun, no name."""
    words = [t for t in ent if t.pos_ != "DET"]
    return len(words) == 1 and words[0].is_lower and words[0].is_alpha and words[0].pos_ == "NOUN"


def _common_word(doc, start: int, end: int) -> bool:
    """One capitalised common noun the tagger took for a place: a word of an all-capitals
    signature line ('DEPARTMENT'), or a noun after a possessive pronoun ('its Annex')."""
    if end - start != 1:
        return False
    tok = doc[start]
    if tok.text.isupper() and len(tok.text) > 3 and tok.lower_ in ORG_HEADS | TITLE_HEADS | {
            "department", "office", "bureau", "annex"}:
        return True
    return start > 0 and doc[start - 1].lower_ in ("its", "their", "our", "his", "her")


def _capital_district(ctx: ArticleContext) -> Node:
    """'Washington, D.C.', 'WASHINGTON, DC': one place, also called Washington."""
    text = "Washington, D.C."
    n = ctx.node(KG.Place, norm(text), text)
    n.aliases.add("Washington")
    return n


def _state_code(ctx: ArticleContext, ent) -> bool:
    """'Vancouver, BC', 'Austin, TX': two capitals after a city and a comma are its state or
    province."""
    doc = ctx.doc
    return len(ent) == 1 and len(ent.text) == 2 and ent.text.isalpha() and ent.text.isupper() \
        and ent.start >= 2 and doc[ent.start - 1].text == "," and \
        doc[ent.start - 2].ent_type_ in ("GPE", "CAPITAL") and \
        city_country(doc[ent.start - 2].text) is not None


def _administration(ctx: ArticleContext, ent) -> bool:
    """'the Biden administration' / 'the Modi government' stand for the state the leader heads
    (when the curated table of office holders knows it)."""
    doc = ctx.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ not in ("administration", "government"):
        return False
    name = ent.text
    known = gazetteer().people.get(name) or next(
        (k for n, k in gazetteer().people.items() if n.split()[-1] == name), None)
    if known is None or not known.country:
        if len(ent) > 2 or not all(t.is_title for t in ent) or doc[ent.end].lower_ != \
                "administration":
            return False  # "the Trump administration": the government under that leader
        label = f"{ent.text} {doc[ent.end].text}"
        ctx.mention(ent.start, ent.end + 1, ctx.node(KG.GovernmentBody, norm(label), label))
        return True
    ctx.mention(ent.start, ent.end + 1, country(ctx, known.country))
    return True


def _titled_names(ctx: ArticleContext, taken: set[int]) -> list[tuple[int, int]]:
    """'Foreign Minister Ignazio Cassis': capitalised words right after a title are a name,
    even where the tagger missed it."""
    doc = ctx.doc
    out = []
    for tok in having(doc, "lower", TITLE_HEADS):
        if tok.i == len(doc) - 1 or not (tok.is_title and tok.lower_ in TITLE_HEADS):
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 6 and (
                doc[end].pos_ == "PROPN" and _NAME_TOKEN.match(doc[end].text)
                or _inner_hyphen(doc[end]) or _particle(doc[end])) and \
                end not in taken and \
                doc[end].lower_ not in TITLE_HEADS and (doc[end].ent_type_ in ("", "PERSON") or (
                    end > tok.i + 1 and doc[end].ent_type_ in ("COUNTRY", "CAPITAL"))):
            end += 1
        if end < len(doc) and doc[end].lower_ in TITLE_HEADS:
            continue  # "Deputy Homeland Security Adviser": still inside the title
        if end - tok.i - 1 >= 2 and not gazetteer().lookup(doc[tok.i + 1:end].text):
            out.append((tok.i + 1, end))
    return out


def _untagged_people(ctx: ArticleContext, taken: set[int]) -> list[tuple[int, int]]:
    """'Sikhanyiso Ndlovu was promoted to information minister', 'Rugare Gumbo, formerly
    minister of …, took over': two or three name words the tagger left unlabelled (or took for
    a body) that a verb puts in a post or that have a post in apposition."""
    from .positions import APPOINTING, installed_title

    doc = ctx.doc
    pos, text, ent = column(doc, "pos"), column(doc, "text"), column(doc, "ent_type")
    out = []
    i = 0
    while i < len(doc) - 1:
        if pos[i] != "PROPN":  # no name starts here
            i += 1
            continue
        start = i
        while i < len(doc) and i - start < 3 and pos[i] == "PROPN" and \
                _NAME_TOKEN.match(text[i]) and ent[i] in ("", "ORG") and \
                i not in taken and ctx.node_at(i) is None:
            i += 1
        span = doc[start:i]
        if i - start >= 2 and (i >= len(doc) or pos[i] != "PROPN") and not any(
                t.lower_ in ORG_HEADS | PLACE_HEADS | TITLE_HEADS for t in span) and \
                not gazetteer().lookup(span.text) and not _names_a_state(span) and (
                span.root.dep_ == "nsubjpass"
                and installed_title(span.root.head, APPOINTING) is not None
                or any(c.dep_ == "appos" and (c.lemma_.lower() in TITLE_HEADS or any(
                    g.lower_ == "formerly" for g in c.lefts)) for c in span.root.children)):
            out.append((start, i))
        i = max(i, start + 1)
    return out


PLACE_PREPS = {"in", "at", "near", "from", "to", "outside", "across", "around", "into"}


def _untagged_cities(ctx: ArticleContext, taken: set[int]) -> list[tuple[int, int, str]]:
    """'in Port-au-Prince', 'Tbilisi prison guards': a city of 100,000 people or more the
    tagger missed (or took for a people), after a preposition of place or before the noun it
    modifies; never part of a person's name."""
    doc = ctx.doc
    out = []
    for tok in having(doc, "pos", "PROPN"):
        if tok.i in taken or ctx.node_at(tok.i) is not None or not tok.is_title or \
                tok.pos_ != "PROPN" or tok.ent_type_ not in ("", "NORP", "GPE"):
            continue
        if tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i - 1].text != "-":
            continue  # inside a longer name
        end = tok.i + 1
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and doc[end + 1].is_alpha and end + 1 not in taken:
            end += 2  # "Port-au-Prince"
        if end < len(doc) and doc[end].pos_ == "PROPN" or not big_city(doc[tok.i:end].text):
            continue
        last = doc[end - 1]
        before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        if before in PLACE_PREPS or (last.dep_ == "compound" and last.head.pos_ == "NOUN"
                                     and last.head.i > last.i):
            out.append((tok.i, end, "GPE"))
    return out


def _gender_hint(doc, start: int) -> str:
    if start > 0 and doc[start - 1].lower_ in FEMALE_HONORIFICS:
        return "f"
    if start > 0 and doc[start - 1].lower_ in MALE_HONORIFICS:
        return "m"
    return ""


def _criminal_head(doc, end: int, text: str) -> tuple[int, str]:
    """'the Sinaloa cartel', 'the North Valley drug cartel': a name before a cartel's head noun
    names the cartel; returns the end of the name and its label."""
    k = end + 1 if end < len(doc) and doc[end].lower_ in ("drug", "drugs", "crime") else end
    if k < len(doc) and doc[k].lemma_.lower() in ("cartel", "gang", "mafia"):
        return k + 1, f"{text} {doc[k].lemma_.lower()}"
    return end, text


def _classify_org(text: str) -> str:
    words = [w.lower() for w in re.findall(r"[\w.]+", text)]
    if not words:
        return "Organization"
    if any(w in CRIMINAL_HEADS for w in words):
        return "CriminalOrganization"
    if words[-1] in COMPANY_HEADS or any(w in ("inc", "inc.", "corp", "ltd", "llc", "plc")
                                         for w in words):
        return "Company"
    if any(w in GOV_HEADS for w in words):
        return "GovernmentBody"
    return "Organization"


@extractor("entities", order=10,
           requires=(),
           assigns=(KG.Person, KG.Organization, KG.GovernmentBody, KG.Company, KG.CriminalOrganization,
                    KG.Country, KG.Place, KG.Substance, KG.represents))
def extract_entities(ctx: ArticleContext) -> None:
    """People, organizations, countries, places and substances, with within-article aliases."""
    doc = ctx.doc
    spans, unbalanced = quote_spans(ctx.text)
    ctx.quotes = block_quotes(ctx.text, spans)  # and paragraphs after "X said:"
    if unbalanced:
        ctx.warn("unbalanced quotation marks; an unclosed quote runs to the end of its paragraph")
    people: list[tuple[int, int]] = []
    products = {doc[e.start:e.end].text for e in doc.ents
                if e.label_ == "ORG" and _product(doc, e.start, e.end)}  # named once as a thing
    singles: list[tuple[int, int, str]] = []
    law_acronyms = spanfix.law_acronyms(doc)
    law_names = {doc[i].text for i in law_acronyms}  # "E.O." names the order every time
    law_names |= spanfix.common_acronyms(doc)  # "weapons of mass destruction (WMD)": a thing
    crafts = spanfix.vessels(doc)
    in_craft = {i for a, _, b in crafts for i in range(a, b)}
    products |= {doc[k:b].text for _, k, b in crafts}  # "Endeavour" alone later: the shuttle
    diseases = spanfix.disease_names(doc)
    for ent in doc.ents:
        label = ent.label_
        if label in ("GPE", "LOC", "FAC", "ORG", "PERSON") and ent.text in diseases | law_names:
            continue  # "Ebola", "Marburg": named as a disease in this article
        if label in ("GPE", "LOC", "FAC", "ORG", "PERSON") and _lone_common_noun(ent):
            continue  # "the organization Human Rights Watch": a common noun names nothing
        if label == "ORG" and ent.start > 0 and doc[ent.start - 1].lower_ == "our" and \
                not ctx.in_quote(doc[ent.start].idx):
            continue  # "reports from our East Africa Bureau": the publisher's own desk
        if label in ("GPE", "LOC") and not any(t.text[:1].isupper() for t in ent):
            continue  # "tried in absentia", "India's east coast": no capital, no place name
        if label == "ORG" and spanfix.law_name(doc, ent.start, ent.end):
            continue  # "the Immigration and Nationality Act": a law, not a body
        if label == "PERSON" and spanfix.law_name(doc, ent.start, ent.end) and \
                doc[ent.end - 1].lower_ not in ("law", "bill", "code"):
            continue  # "the Consent Agreement and Final Order": an instrument ('Nathan Law')
        if label == "ORG" and len(ent) == 1 and ent.text.lower().rstrip(".") in (
                "llc", "inc", "ltd", "plc", "corp", "co"):
            continue  # "Heritage-Crystal Clean, LLC": the legal form alone names nothing
        if label in ("GPE", "LOC", "FAC", "ORG") and _common_word(doc, ent.start, ent.end):
            continue  # "MATTHEW MILLER, DEPARTMENT SPOKESPERSON", "listed on its Annex"
        if label in ("GPE", "LOC", "FAC", "ORG") and _state_code(ctx, ent):
            singles.append((ent.start, ent.end, "GPE"))  # "Vancouver, BC": a province
            continue
        if ent.text in products or any(i in in_craft for i in range(ent.start, ent.end)):
            continue  # "MY Arctic Sunrise", "Space Shuttle Endeavour": a vessel, a craft
        if label in ("ORG", "FAC", "EVENT") and spanfix.event_name(doc, ent.start, ent.end):
            first = doc[ent.start + (doc[ent.start].lower_ == "the")]
            if first.text.isupper() and len(first.text) >= 2 and first.is_alpha:
                singles.append((first.i, first.i + 1, "ORG"))  # "FIFA World Cup": FIFA
            continue  # "the IIHF World Junior Hockey Championship": an event, not a body
        if label in ("GPE", "LOC", "ORG", "PERSON", "NORP") and _stance_prefix(doc, ent.start):
            continue  # "Pro-Chavez officials", "anti-Taliban forces": a stance, not a name
        if label == "COUNTRY" and _given_name_of(doc, ent):
            people.append((ent.start, ent.end + 2))  # "Chad A. Readler": a person
        elif label == "COUNTRY" and ent.end < len(doc) and doc[ent.end].lower_ in CURRENCY_NOUNS:
            continue  # "10.2 million US dollars": a currency, not the state as a subject
        elif label == "COUNTRY" and _us_state_here(doc, ent):
            singles.append((ent.start, ent.end, "GPE"))  # "in Georgia, Ohio, and Utah"
        elif label == "COUNTRY":
            ctx.mention(ent.start, ent.end, country(ctx, ent.ent_id_))
        elif label == "DEMONYM":
            for i in range(ent.start, ent.end):
                ctx.demonym[i] = ent.ent_id_
        elif label == "REGION":  # "South America", "West Africa": never the state inside
            ctx.mention(ent.start, ent.end, ctx.node(KG.Place, norm(ent.text), ent.text))
        elif label == "CAPITAL" and doc[ent.end:ent.end + 2].text.replace(" ", "").upper() in (
                ",D.C.", ",DC"):
            ctx.mention(ent.start, ent.end + 2, _capital_district(ctx))  # the city, not the state
        elif label == "CAPITAL":
            if acts(ent.root):
                state = country(ctx, ent.ent_id_)
                state.aliases.add(ent.text)
                ctx.mention(ent.start, ent.end, state)
            else:
                ctx.mention(ent.start, ent.end, ctx.node(KG.Place, norm(ent.text), ent.text))
        elif label in ("GOV", "IGO") and ent.ent_id_ in NATIONAL_SOCIETIES and ent.start > 0 \
                and (ent.start - 1 in ctx.demonym or doc[ent.start - 1].ent_type_ in (
                    "DEMONYM", "COUNTRY")):
            text = doc[ent.start - 1:ent.end].text  # "the Indonesian Red Cross": its own body
            ctx.mention(ent.start - 1, ent.end, ctx.node(KG.Organization, norm(text), text))
        elif label in ("GOV", "IGO"):
            body = known_org(ctx, ent.ent_id_)
            if ent.text != body.label:
                body.aliases.add(ent.text)  # "FBI" for the Federal Bureau of Investigation
            if ent.start > 0 and doc[ent.start - 1].ent_type_ == "COUNTRY":
                body.aliases.add(f"{doc[ent.start - 1].text} {ent.text}")  # "US Drug …"
            ctx.mention(ent.start, ent.end, body)
        elif label == "SUBSTANCE":
            ctx.mention(ent.start, ent.end, substance(ctx, ent.text))
        elif label == "PERSON" and doc[ent.start].lower_ in STORM_WORDS:
            continue  # "Cyclone Phailin", "Tropical Storm Bill": a storm's name
        elif label == "PERSON" and _administration(ctx, ent):
            continue  # "the Biden administration": the government, handled there
        elif label == "PERSON":
            rng = _clean_person(ent)
            if rng:
                rng = (_given_before(doc, rng[0]), _particle_tail(doc, rng[1]))
            kind = name_kind(doc[rng[0]:rng[1]]) if rng else None
            if rng and kind is None and (_employer(doc, rng[0]) or _team_of(doc, rng[1])
                                         or _known_as_body(doc, rng[0])):
                kind = "Organization"  # "an analyst with Canaccord Adams"
            if rng and _of_admin_unit(doc, rng[0]):
                kind = "Place"  # "the province of Quang Binh", "the town of X"
            if rng and kind in ("Place", "Organization"):
                singles.append((rng[0], rng[1], "GPE" if kind == "Place" else "ORG"))
            elif rng and rng[1] - rng[0] >= 2 and not _names_a_state(doc[rng[0]:rng[1]]):
                people.append(rng)
            elif rng:
                singles.append((rng[0], rng[1], "PERSON"))
        elif label == "ORG" and _administration(ctx, ent):
            continue
        elif label == "ORG":
            end = ent.end
            if ent[-1].lower_ in ("of", "for") and end < len(doc) and \
                    doc[end].ent_type_ in ("COUNTRY", "GPE"):  # "Institute of … of China"
                end += 1
                while end < len(doc) and doc[end].ent_iob_ == "I":
                    end += 1
            start, end = spanfix.extend_org(doc, *_trim(doc, ent.start, end))
            if end - start >= 2 and doc[end - 1].lower_ in TITLE_HEADS and end < len(doc) and \
                    doc[end].ent_type_ == "PERSON":
                end -= 1  # "USAID Administrator | Henrietta H. Fore": the body before a title
            if spanfix.title_words(doc, start, end):  # "Turkish Energy Minister X"
                ctx.demonym[start] = gazetteer().demonyms[doc[start].text]
                continue
            if spanfix.fragment(doc, start, end) or start in law_acronyms:
                continue
            if _product(doc, start, end) or doc[start:end].text in products:
                products.add(doc[start:end].text)
                continue  # "its rocket, Electron", "a Falcon 9 rocket", "a Boeing 737"
            if end - start == 1 and doc[start].lower_ in PLACE_HEADS - ORG_HEADS:
                continue  # "Secretary of State": a head noun alone names nothing
            if end - start >= 3 and doc[start].lower_ in TITLE_HEADS and \
                    doc[start + 1].lower_ in ("of", "for"):
                continue  # "Minister of Health", "Director of Public Prosecutions": a title
            kind = name_kind(doc[start:end]) if start < end else None
            if start < end and _of_admin_unit(doc, start):
                singles.append((start, end, "GPE"))  # "the province of Quang Tri"
            elif end - start >= 2 and (kind == "Person" or (kind is None and (
                    _titled_name(doc, start, end) or _appositive_post(doc, start, end)))):
                people.append((start, end))  # a person's name tagged as an organisation
            elif start < end and kind == "Place" and (doc[end - 1].lower_ in PLACE_HEADS
                                                      or doc[start].lower_ in PLACE_FIRST):
                singles.append((start, end, "FAC"))  # "the Royal Bafokeng Stadium"
            elif start < end:
                singles += [(a, b, "ORG") for a, b in spanfix.two_bodies(doc, start, end)]
        elif label in ("GPE", "LOC") and _body_appositive(ent.root):
            singles.append((ent.start, ent.end, "ORG"))  # "Nissui, Japan's … products firm"
        elif label in ("GPE", "LOC", "FAC"):
            start, end = _trim(doc, ent.start, ent.end)
            if end - start == 1 and doc[start].lower_ in PLACE_HEADS - ORG_HEADS:
                continue  # "the Province": a head noun alone names no place
            if start < end and end - start >= 2 and (
                    name_kind(doc[start:end]) == "Person" or _titled_name(doc, start, end)) \
                    and doc[end - 1].lower_ not in PLACE_HEADS:
                people.append((start, end))  # "Marina Nikitina", "President X Y" as a place
            elif start < end:
                singles.append((start, end, label))
    people = _join_adjacent(doc, people)
    busy = {i for a, b in people for i in range(a, b)} | \
        {i for a, b, _ in singles for i in range(a, b)}
    singles += [(a, b, "ORG") for a, b in spanfix.owned_bodies(doc, lambda i: i in busy)]
    described = spanfix.described_bodies(doc, lambda i: i in busy and not (
        any(a <= i < b and lab == "PERSON" for a, b, lab in singles)))
    singles = [x for x in singles if not any(a <= x[0] < b for a, b in described)]
    people = [x for x in people if not any(a <= x[0] < b for a, b in described)]
    singles += [(a, b, "ORG") for a, b in described]
    people += _titled_names(ctx, {i for a, b in people for i in range(a, b)})
    people += _untagged_people(ctx, {i for a, b in people for i in range(a, b)} | {
        i for a, b, _ in singles for i in range(a, b)})
    singles += _untagged_cities(ctx, {i for a, b in people for i in range(a, b)} | {
        i for a, b, _ in singles for i in range(a, b)})
    _people(ctx, people, singles)
    _acronyms(ctx)
    _bracketed_short_forms(ctx)
    _merge_duplicates(ctx)
    _initialisms(ctx)
    _short_names(ctx)
    _repeated_names(ctx)
    _state_bodies(ctx)
    _sub_units(ctx)
    if ctx.dateline == "Washington, D.C.":
        _capital_district(ctx)  # (the reader writes it so however the dateline spelled it)
    else:
        dateline_node(ctx)


def dateline_node(ctx: ArticleContext) -> Node | None:
    """The node of the place a dateline names: a state the gazetteer knows is that country
    ('NEPAL — …' is the Country the body names), anything else a place."""
    if not ctx.dateline:
        return None
    if gazetteer().countries.get(ctx.dateline):
        return country(ctx, ctx.dateline)
    return ctx.node(KG.Place, norm(ctx.dateline), ctx.dateline)


def _people(ctx: ArticleContext, people, singles) -> None:
    doc = ctx.doc
    by_token: dict[str, Node] = {}
    for start, end in people:
        name = clean(doc[start:end].text)
        if " " not in name and name in by_token:
            ctx.mention(start, end, by_token[name])  # "al-Duaij" after "Mohammad al-Duaij"
            continue
        n = ctx.node(KG.Person, norm(name), name)
        n.gender = n.gender or _gender_hint(doc, start)
        known = gazetteer().people.get(name)
        if known:
            n.wikidata = known.wikidata
            n.data["country"] = known.country
        ctx.mention(start, end, n)
        for t in doc[start:end]:
            by_token.setdefault(t.text, n)
        parts = doc[start:end].text.split()
        if len(parts) > 1:
            by_token.setdefault(parts[-1], n)  # a hyphenated surname, "Grande-Marlaska"
    for start, end, label in singles:
        text = clean(doc[start:end].text).rstrip("-\u2013\u2014 ")
        if end - start == 1 and (doc[start].pos_ == "ADJ" or doc[start].dep_ == "amod") \
                and (label != "ORG" or doc[start].is_sent_start and doc[start].pos_ == "ADJ"
                                        and doc[start].is_title):
            continue  # "Angolan state-run newspaper": a demonym; "Heavy rains lashed": a word
        if label == "ORG" and end - start == 1 and doc[start].lower_ in ORG_HEADS:
            body = next((n for n in ctx.nodes.values() if n.kind in ORG_KINDS
                         and doc[start].lower_ in n.label.lower().split()), None)
            if body is not None:  # "the Bank" after "the Bank of England"
                ctx.mention(start, end, body)
                continue
        if text.lower() in NOT_NAMES or (end < len(doc) and doc[end].lower_ in DISEASE_NEXT):
            continue  # "UTC", "the West"; "Ebola outbreak": a disease, not a place
        if label == "ORG" and city_country(text) and not gazetteer().lookup(text) and not (
                end < len(doc) and doc[end].lower_ in LOWER_HEADS) and not _names_a_thing(
                doc[end - 1]) and not _body_appositive(doc[start:end].root):
            # "the Green party", "a Bloomberg survey", "X, a seafood firm": not the towns
            label = "GPE"  # "Freetown", "Andhra Pradesh" tagged as organisations
        if label in ("GPE", "LOC", "FAC") and text.lower() == "washington" and \
                doc[end:end + 2].text.replace(" ", "").upper() in (",D.C.", ",DC"):
            ctx.mention(start, end + 2, _capital_district(ctx))
            continue
        if label == "PERSON" and text not in by_token and " " not in text:
            known = _known_leader(ctx, text)
            if known is not None:  # "Biden and Xi agreed": the office holders the table knows
                n = ctx.node(KG.Person, norm(known.name), known.name)
                n.wikidata, n.data["country"] = known.wikidata, known.country
                n.aliases.add(text)
                by_token[text] = n
        if text in by_token and " " not in text:
            ctx.mention(start, end, by_token[text])
        elif label == "PERSON" and start > 0 and doc[start - 1].lower_ in STORM_WORDS:
            continue  # "Hurricane Fiona": a storm's name, not a person
        elif label in ("GPE", "LOC") and end - start == 1 and \
                doc[start].lemma_.lower() in STORM_WORDS:
            continue  # "Cyclones in the Bay of Bengal are common": storms, not a place
        elif label == "PERSON" and city_country(text):
            ctx.mention(start, end, ctx.node(KG.Place, norm(text), text))
        elif label == "PERSON" and (_titled(doc, start) or " " in text):
            n = ctx.node(KG.Person, norm(text), text)
            ctx.mention(start, end, n)
            by_token.setdefault(text, n)
        elif label == "PERSON":
            continue  # a lone capitalised word with no evidence it names a person
        elif label == "ORG":
            if re.match(r"^[A-Z]+-?\d+$", text):
                continue  # "COVID-19", "G20": a code, not a body that acts
            if end < len(doc) and doc[end].lower_ in TITLE_HEADS and doc[end].is_title:
                continue  # "Homeland Security Adviser": part of a title (but "Microsoft chief
                # executive", "Apple CEO": the employer before a title)
            if start >= 2 and doc[start - 1].lower_ in ("of", "for") and \
                    doc[start - 2].lower_ in TITLE_HEADS and end < len(doc) and \
                    doc[end].pos_ == "PROPN":
                continue  # "Secretary of State Antony Blinken": the rest of a title
            text = re.sub(r"^(the|The)\s+", "", text)
            if start > 0 and doc[start - 1].ent_type_ == "COUNTRY" and doc[start - 1].whitespace_ \
                    and doc[start - 1].ent_iob_ in ("B", "I") and _classify_org(text) != "Organization":
                first = start - 1  # "U.S. Fish and Wildlife Service": the state is in the name
                while first > 0 and doc[first].ent_iob_ == "I":
                    first -= 1
                start, text = first, clean(doc[first:end].text)
            end, text = _criminal_head(doc, end, text)
            ctx.mention(start, end, ctx.node(_classify_org(text), norm(text), text))
        elif label in ("GPE", "LOC", "FAC"):
            text = re.sub(r"^(the|The)\s+", "", text)
            end2, text2 = _criminal_head(doc, end, text)
            if end2 > end:  # "the North Valley drug cartel": a cartel named after a place
                ctx.mention(start, end2, ctx.node(KG.CriminalOrganization, norm(text2), text2))
                continue
            ctx.mention(start, end, ctx.node(KG.Place, norm(text), text))
    # A surname the tagger missed or mislabelled still refers to the person, even where it is
    # also a place name ("Holland" said).
    for tok in having(doc, "text", by_token):
        other = ctx.tok2node.get(tok.i)
        if (tok.pos_ == "PROPN" or tok.is_title and tok.dep_ in ("nsubj", "nsubjpass")) and \
                tok.text in by_token and (
                other is None or other.kind in ("Country", "Place", "Organization")):
            # ("Ban told …": the tagger took the family name for a verb or a noun)
            ctx.mention(tok.i, tok.i + 1, by_token[tok.text])
    used = {id(n) for n in ctx.tok2node.values()}
    for key, n in list(ctx.nodes.items()):
        if n.kind in ("Country", "Place", "GovernmentBody", "Organization") and id(n) not in used \
                and n.label != ctx.dateline:
            del ctx.nodes[key]  # its only mention turned out to be part of a name


STORM_WORDS = {"hurricane", "typhoon", "cyclone", "storm", "tropical"}
STATE_BODIES = {"police", "authorities", "army", "military", "navy", "prosecutors",
                "government", "coast guard", "customs", "troops", "forces"}


def _body_word(tok) -> str:
    """'police', 'government', and 'coast guard' (two words, the second the head)."""
    if tok.lower_ == "guard" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "coast":
        return "coast guard"
    return tok.lemma_.lower()


# Nouns that end the name of a part of a body: 'the Justice Department's Criminal Division'.
SUB_UNITS = {"division", "office", "bureau", "section", "branch", "unit", "directorate"}


def _sub_units(ctx: ArticleContext) -> None:
    """'the Justice Department's Criminal Division', "the DEA's New Orleans Division": the
    capitalised words after a body's possessive that end in a noun of a part (division,
    office, bureau…) name that part, a body of the same kind, when the tagger left them bare."""
    doc, toks = ctx.doc, tokens(ctx.doc)
    for mark in having(doc, "lower", ("'s", "\u2019s")):
        i = mark.i - 1
        owner = ctx.node_at(i) if 0 <= i < len(doc) - 2 else None
        if owner is None or owner.kind not in ORG_KINDS or toks[i].dep_ != "poss":
            continue
        end = i + 2
        while end < len(doc) and end - i < 8 and ctx.node_at(end) is None and \
                doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        if end == i + 2 or doc[end - 1].lower_ not in SUB_UNITS or \
                end - i == 3:  # a bare 'Office' names no part
            continue
        name = doc[i + 2:end].text
        part = ctx.node(owner.kind, norm(name), name)
        part.aliases.add(f"{owner.label}'s {name}")
        ctx.mention(i + 2, end, part)


def _state_bodies(ctx: ArticleContext) -> None:
    """'Spanish police', "Mexico's government": a body of that state; a later bare 'police'
    in the same article is the same body."""
    doc = ctx.doc
    found: dict[str, Node] = {}
    bare = []
    words = sorted(set(positions(doc, "lemma_lower", STATE_BODIES))  # what _body_word can
                   | set(positions(doc, "lower", "guard")))  # find in STATE_BODIES
    toks = tokens(doc)
    for tok in (toks[i] for i in words):
        if _body_word(tok) not in STATE_BODIES or tok.i in ctx.tok2node:
            continue
        state = None
        for c in tok.lefts:
            if c.i in ctx.demonym:
                state = ctx.demonym[c.i]
            elif ctx.node_at(c.i) is not None and ctx.node_at(c.i).kind == "Country":
                state = ctx.node_at(c.i).label
        if state is None:
            bare.append(tok)
            continue
        head = _body_word(tok)
        mod = next((c for c in tok.lefts if c.i in ctx.demonym), None)
        if mod is not None:  # "South African government": the whole demonym
            first = mod.i
            while first > 0 and first - 1 in ctx.demonym and \
                    ctx.demonym[first - 1] == ctx.demonym[mod.i]:
                first -= 1
            mod = doc[first:mod.i + 1].text
        two = head == "coast guard"  # (the head word and the one before it)
        word = doc[tok.i - 1:tok.i + 1].text if two else tok.text
        label = f"{mod} {word}" if mod else f"{state} {word}"
        body = ctx.node(KG.GovernmentBody, f"{head}|{norm(state)}", label)
        body.add(KG.represents, country(ctx, state))
        body.data["country"] = state
        found.setdefault(head, body)
        ctx.mention(tok.i - two, tok.i + 1, body)
    for tok in bare:
        body = found.get(_body_word(tok))
        if body is not None:
            ctx.mention(tok.i, tok.i + 1, body)


LEGAL_SUFFIXES = {"inc", "corp", "corporation", "ltd", "llc", "plc", "ag", "sa", "co", "nv", "se",
                  "gmbh", "limited"}


def _company_short(short: str, company: Node) -> bool:
    """'Cisco' of 'Cisco Systems Inc.': a company's name without its trade words."""
    if company.kind != "Company":
        return False
    core, key = _core(company.label).split(), norm(short).split()
    if len(key) == 1 and len(core) > 1 and core[0] == key[0] and \
            norm(company.label).split()[-1] in COMPANY_HEADS:
        return True  # "Continental" after "Continental Carbon Company"
    return len(core) > len(key) and core[:len(key)] == key and all(
        w in COMPANY_HEADS for w in core[len(key):])


def _core(label: str) -> str:
    """'Alphabet, Inc.' -> 'alphabet', 'U.S. Marshals Service' -> 'marshals service': a body's
    name without its legal form or the state it belongs to."""
    words = label.replace(",", " ").split()
    while len(words) > 1 and norm(words[-1]).replace(" ", "") in LEGAL_SUFFIXES:
        words.pop()
    if len(words) > 3 and [w.lower() for w in words[:2]] == ["united", "nations"]:
        words = ["UN", *words[2:]]  # 'United Nations Security Council' = 'UN Security Council'
    g = gazetteer()
    if len(words) > 2 and (g.lookup(words[0]) is not None and g.lookup(words[0]).kind == "Country"
                           or words[0] in g.demonyms or words[0].replace(".", "") == "UN"):
        words = words[1:]
    return norm(" ".join(w for w in words if w.lower() != "the"))  # "Department of (the) X"


# Heads a sea or a desert is named with or without: 'the Mediterranean (Sea)'.
WATERS = {"sea", "ocean", "gulf", "desert", "channel"}


def _prefixed(long: str, short: str) -> bool:
    """'U.N. General Assembly' of 'General Assembly', 'Lord's Resistance Army' of 'Resistance
    Army': the short name of two words or more is the long one without a state or
    international body before it, or without a possessor's name."""
    lw, sw = long.split(), short.split()
    if len(sw) < 2 or len(lw) <= len(sw) or [w.lower() for w in lw[-len(sw):]] != [
            w.lower() for w in sw]:
        return False
    prefix = " ".join(lw[:-len(sw)])
    g = gazetteer()
    return g.lookup(prefix) is not None or prefix in g.demonyms or (
        len(lw) == len(sw) + 1 and re.search(r"['\u2019]s$", prefix) is not None)


def _merge_duplicates(ctx: ArticleContext) -> None:
    """One node per thing: 'CCI' after 'Competition Commission of India (CCI)', 'Alphabet'
    beside 'Alphabet, Inc.'. The node with the longer name keeps every mention."""
    orgs = sorted((n for n in ctx.nodes.values() if n.kind in ORG_KINDS),
                  key=lambda n: -len(n.label))
    for place in ctx.of_kind("Place"):  # 'Syngenta' tagged a place beside 'Syngenta AG'
        owners = [o for o in orgs if _core(o.label) == norm(place.label) != norm(o.label)
                  or _company_short(place.label, o) or (
                      " " in o.label and 2 <= len(place.label) <= 6
                      and initialism_of(place.label, o.label))]  # 'ROC' beside the Russian
        # Olympic Committee: the tagger took the acronym for a place
        if len(owners) == 1 and gazetteer().lookup(place.label) is None and (
                city_country(place.label) is None or owners[0].kind == "Company"):
            ctx.merge(owners[0], place)  # 'Cisco' after 'Cisco Systems Inc.', not the town
    gone: set[int] = set()
    for i, keep in enumerate(orgs):
        if id(keep) in gone:
            continue
        names = {norm(n) for n in (keep.label, *keep.aliases)}
        cores = {_core(n) for n in (keep.label, *keep.aliases)}
        for other in orgs[i + 1:]:
            if id(other) in gone:
                continue
            if norm(other.label) in names or cores & {_core(n) for n in (
                    other.label, *other.aliases)} or _company_short(other.label, keep):
                gone.add(id(other))
                ctx.merge(keep, other)
    for short in [o for o in orgs if id(o) not in gone]:
        longer = [o for o in orgs if id(o) not in gone and o is not short
                  and _prefixed(o.label, short.label)]
        if len(longer) == 1:  # "General Assembly" beside "U.N. General Assembly"
            gone.add(id(short))
            ctx.merge(longer[0], short)
    places = ctx.of_kind("Place")
    for short in places:
        longer = [p for p in places if p is not short and norm(p.label).startswith(
            norm(short.label) + " ") and p.label.split()[-1].lower() in WATERS]
        if len(longer) == 1 and len(longer[0].label.split()) == len(short.label.split()) + 1:
            ctx.merge(longer[0], short)  # "the Mediterranean" beside "the Mediterranean Sea"
    for short in [o for o in orgs if id(o) not in gone and len(o.label.split()) >= 2]:
        longer = [o for o in orgs if id(o) not in gone and o is not short
                  and norm(o.label).startswith(norm(short.label) + " of ")]
        if len(longer) == 1:  # "the Reserve Bank" after "the Reserve Bank of Australia"
            gone.add(id(short))
            ctx.merge(longer[0], short)


def _acronyms(ctx: ArticleContext) -> None:
    """'Centers for Disease Control (CDC)': the acronym is an alias of the body before it."""
    doc = ctx.doc
    quotes = {'"', "\u201c", "\u201d"}
    for tok in having(doc, "text", "("):
        if tok.text != "(":
            continue
        k = tok.i + 1
        quoted = k < len(doc) and doc[k].text in quotes
        k += quoted
        if k + 1 + quoted >= len(doc) or doc[k + 1 + quoted].text != ")" or \
                (quoted and doc[k + 1].text not in quotes):
            continue
        acro, prev = doc[k], ctx.node_at(tok.i - 1)
        short = acro.text.isupper() or (quoted and acro.is_title)  # '(CDC)', '(“ChemChina”)'
        if prev is not None and prev.kind in ORG_KINDS | {"Country"} and short \
                and len(acro.text) >= 2:
            other = ctx.node_at(acro.i)
            if other is not None and other is not prev and other.kind in ORG_KINDS:
                ctx.drop(other)
            prev.aliases.add(acro.text)
            ctx.mention(acro.i, acro.i + 1, prev)
        elif prev is None and short and not quoted and 2 <= len(acro.text) <= 8 and \
                acro.text.isalpha() and (ctx.node_at(acro.i) is None
                                         or ctx.node_at(acro.i).label == acro.text):
            _named_by_acronym(ctx, tok.i - 1, acro)


def _us_state_here(doc, ent) -> bool:
    """'Georgia' in a list of US states ('in Georgia, Ohio, and Utah') or after a US city
    ('Atlanta, Georgia') is the state, not the country."""
    if not us_state(ent.text):
        return False
    root = ent.root
    near = [c for c in root.children if c.dep_ == "conj"] + [root.head] * (root.dep_ == "conj")
    if any(t.text != ent.text and us_state(t.text) for t in near):
        return True
    before = doc[max(0, ent.start - 3):ent.start]
    return len(before) >= 2 and before[-1].text == "," and \
        city_country(" ".join(t.text for t in before[:-1] if t.is_title)) == "US"


def _bracketed_short_forms(ctx: ArticleContext) -> None:
    """'US Technology Media (UST Media)': a short form of two or three words in brackets,
    initials and the name's own words, is an alias of the body before it."""
    doc = ctx.doc
    for tok in having(doc, "text", "("):
        if tok.text != "(" or tok.i == 0:
            continue
        close = next((t.i for t in doc[tok.i + 1:tok.i + 5] if t.text == ")"), None)
        if close is None or close - tok.i - 1 < 2:
            continue
        prev = ctx.node_at(tok.i - 1)
        short = [t.text for t in doc[tok.i + 1:close]]
        if prev is None or prev.kind not in ORG_KINDS or not short[0].isupper() or \
                not short_form_of(short, prev.label.split()):
            continue
        other = ctx.node_at(tok.i + 1)
        if other is not None and other is not prev and other.kind in ORG_KINDS:
            ctx.merge(prev, other)
        prev.aliases.add(" ".join(short))
        ctx.mention(tok.i + 1, close, prev)


def short_form_of(short: list[str], words: list[str]) -> bool:
    """'UST Media' of 'US Technology Media': each capital letter stands for a word (a word in
    capitals for itself) and every other word is the name's own, in order."""
    if not short or not words:
        return not short and not words
    s, w = short[0], words[0]
    if s.lower() == w.lower():
        return short_form_of(short[1:], words[1:])
    if not s.isupper() or not s.isalpha():
        return False
    if w.isupper() and s.startswith(w):
        rest = s[len(w):]
    elif s[0] == w[0]:
        rest = s[1:]
    else:
        return False
    return short_form_of(([rest] if rest else []) + short[1:], words[1:])


def _named_by_acronym(ctx: ArticleContext, i: int, acro) -> None:
    """'the country's electoral commission (CENI) announced': a body the text names only by the
    acronym it gives after a common noun of a body."""
    from .coref import BODY_NOUNS

    head = ctx.doc[i]
    if not head.is_lower or head.lemma_.lower() not in BODY_NOUNS | GOV_HEADS or \
            head.lemma_.lower() in ("company", "firm", "media", "opposition"):
        return
    mods = [t for t in head.lefts if t.dep_ in ("amod", "compound") and t.is_lower]
    phrase = " ".join([t.text for t in mods] + [head.text])
    cls = KG.GovernmentBody if head.lemma_.lower() in GOV_HEADS else KG.Organization
    body = ctx.node_at(acro.i) or ctx.node(cls, norm(acro.text), acro.text)
    body.aliases.add(phrase)
    ctx.mention(acro.i, acro.i + 1, body)
    ctx.mention(mods[0].i if mods else head.i, head.i + 1, body)


def _initialisms(ctx: ArticleContext) -> None:
    """'FTC' in an article that names the Federal Trade Commission: one body, when exactly one
    body's name shortens to it."""
    orgs = [n for n in ctx.nodes.values() if n.kind in ORG_KINDS]
    for short in orgs:
        if " " in short.label:
            continue
        full = [n for n in orgs if n is not short and " " in n.label
                and (initialism_of(short.label, n.label) and 2 <= len(short.label) <= 6
                     or _blend_of(short.label, n.label) or _clipped(short.label, n.label))]
        if len(full) == 1:
            ctx.merge(full[0], short)  # the short name becomes an alias
        elif not full and short.label.isupper() and 2 <= len(short.label) <= 6:
            places = [p for p in ctx.of_kind("Place") if " " in p.label
                      and initialism_of(short.label, p.label)]
            if len(places) == 1:
                ctx.merge(places[0], short)  # 'ISS' of the International Space Station


def initialism_of(short: str, name: str) -> bool:
    """'FTC' of 'Federal Trade Commission', 'IAAF' of the International Association of
    Athletics Federations."""
    return short.isupper() and short in initials(name)


def _clipped(short: str, name: str) -> bool:
    """'Fed' of 'Federal Reserve': a word cut short, the first of the long name."""
    first = name.split()[0]
    return short.istitle() and 3 <= len(short) < len(first) and first.startswith(short) \
        and short.isalpha()


def _blend_of(short: str, name: str) -> bool:
    """'ChemChina' of 'China National Chemical Corporation': each capitalised part of a one-word
    name begins a different word of the long name."""
    parts = re.findall(r"[A-Z][a-z]{2,}", short)
    if len(parts) < 2 or "".join(parts) != short:
        return False
    words = [w.lower() for w in name.split()]
    for part in parts:
        hit = next((w for w in words if w.startswith(part.lower())), None)
        if hit is None:
            return False
        words.remove(hit)
    return True


def _repeated_names(ctx: ArticleContext) -> None:
    """A body or place named again where the tagger missed it ('the union, Unite, …' then
    'Unite says …'): every other occurrence of a mention's exact words is a mention of it."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    doc = ctx.doc
    runs: dict[str, tuple[Node, tuple[int, int]]] = {}
    marked, k = sorted(ctx.tok2node), 0
    while k < len(marked):  # each run of tokens that mention one node, in text order
        start = i = marked[k]
        node = ctx.tok2node[start]
        while k < len(marked) and marked[k] == i and ctx.tok2node[i] is node:
            i, k = i + 1, k + 1
        text = doc[start:i].text
        if (node.kind in ORG_KINDS or node.kind in ("Country", "Place")) and \
                text[:1].isupper() and len(text) >= 2:
            runs.setdefault(text, (node, (start, i)))
    if not runs:
        return
    matcher = PhraseMatcher(doc.vocab)  # matches the words (ORTH): a pattern needs no parse
    for text, (_, (a, b)) in runs.items():
        matcher.add(text, [Doc(doc.vocab, words=[t.text for t in doc[a:b]])])
    for key, a, b in matcher(doc):
        first = doc[a]
        if any(ctx.node_at(i) is not None for i in range(a, b)):
            continue
        if first.is_sent_start and first.pos_ != "PROPN" and not (
                b < len(doc) and doc[b].lower_ in TITLE_HEADS):
            continue  # "Unite!" opening a sentence is a verb
        if _inside_longer_name(doc, a, b):
            continue  # "Wildlife Service" inside "U.S. Fish and Wildlife Service"
        ctx.mention(a, b, runs[doc.vocab.strings[key]][0])


def _inside_longer_name(doc, a: int, b: int) -> bool:
    def capital(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text[:1].isupper() and not doc[i].is_sent_start

    before = doc[a - 1] if a > 0 else None
    linked = before is not None and before.lower_ in ("of", "and", "for", "&", "de") \
        and capital(a - 2)
    return capital(a - 1) or linked or (b < len(doc) and capital(b) and doc[b].pos_ == "PROPN"
                                        and doc[b].lower_ not in TITLE_HEADS)  # "X CEO Y"


def _short_names(ctx: ArticleContext) -> None:
    """'bin Hammam', 'dos Santos' after 'Mohamed bin Hammam': a surname with its particle is
    the person named in full, when exactly one person's name ends with it."""
    people = ctx.of_kind("Person")
    for short in people:
        words = short.label.split()
        if len(words) < 2 or words[0].lower() not in NAME_PARTICLES:
            continue
        full = [p for p in people if p is not short and len(p.label.split()) > len(words)
                and p.label.lower().endswith(" " + short.label.lower())]
        if len(full) != 1:
            continue
        ctx.merge(full[0], short)
