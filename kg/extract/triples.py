"""Triples for one article's named graph: the article, every node it yielded, and provenance
(prov:wasDerivedFrom, kg:evidence with character offsets) on every fact."""
from __future__ import annotations

from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from ..namespaces import WIKIDATA
from ..vocab import KG
from .entities import only_the_publisher, publisher_reporter
from .model import ACTOR_KINDS, EVENT_KINDS, PROVENANCE_KINDS, ArticleContext, Node
from .text import cut, norm, slug

FACT_LABELS = {"Statement", "Claim", "Statistic", "Agreement"}


# Things an article mentions only where its text names them (a demonym does not).
NAMED_KINDS = ACTOR_KINDS | {"Place", "Substance"}


@lru_cache(maxsize=None)
def ancestors(kind: str) -> tuple[str, ...]:
    """A class and all its kg superclasses, so queries need no reasoner ('a kg:Actor')."""
    from ..ontology.terms import CLASSES

    parents = {name: ps for name, ps, *_ in CLASSES}
    out, todo = [], [kind]
    while todo:
        k = todo.pop()
        if k in parents and k not in out:
            out.append(k)
            todo.extend(parents[k])
    return tuple(out)


def fact_label(n: Node) -> str:
    def short(text: str) -> str:
        return cut(text, 70, tidy=True)

    if n.kind == "Statement":
        who = n.first(KG.speaker)
        return f"{who.label if who else '?'}: \u201c{short(n.first('quote') or '')}\u201d"
    if n.kind == "Claim":
        who = n.first(KG.claimant)
        return f"{who.label if who else '?'} claims: {short(n.first('claimText') or '')}"
    if n.kind == "Statistic":
        parts = [str(n.first(KG.qualifier) or ""), str(n.first(KG.value) or ""),
                 str(n.first(KG.measure) or "")]
        return short(" ".join(p for p in parts if p))
    if n.kind == "Agreement":
        return f"agreement: {short(n.first('description') or '')}"
    return n.label


def event_label(n: Node) -> str:
    what = n.data.get("what") or n.kind.lower()
    bits = [what[:1].upper() + what[1:]]
    if n.get(KG.location):
        bits.append("in " + n.first(KG.location).label)
    people = [p.label for p in n.get(KG.participant) if p.kind == "Person"][:2]
    if people and n.kind != "EnforcementAction":
        bits.append("with " + " and ".join(people))
    if n.first(KG.agent) is not None and n.kind == "EnforcementAction":
        bits.append("by " + n.first(KG.agent).label)
    if n.first(KG.date) is not None:
        bits.append(f"({n.first('date')})")
    return " ".join(bits)


def _value(v):
    if isinstance(v, Node):
        return v.iri
    if isinstance(v, (Literal, URIRef)):
        return v
    return Literal(str(v))


def node_triples(n: Node, ctx: ArticleContext, article: URIRef) -> list[tuple]:
    s = n.iri
    out = [(s, RDF.type, KG[k]) for k in ancestors(n.kind)]
    label = n.label or (fact_label(n) if n.kind in FACT_LABELS else event_label(n))
    out.append((s, RDFS.label, Literal(label)))
    out += [(s, SKOS.altLabel, Literal(a)) for a in sorted(n.aliases) if a and a != label]
    if n.wikidata:
        out.append((s, OWL.sameAs, URIRef(WIKIDATA + n.wikidata)))
    for prop, value in n.props:  # every property was checked against the ontology on add
        v = _value(value)
        if v is not None:
            out.append((s, KG[prop], v))
    if n.kind in PROVENANCE_KINDS and n.spans:
        out.append((s, PROV.wasDerivedFrom, article))
        # One evidence per article graph (the first sentence that states it), so offsets
        # pair with their sentence unambiguously.
        start, end = n.spans[0]
        out.append((s, KG.evidence, Literal(ctx.text[start:end])))
        out.append((s, KG.startOffset, Literal(start, datatype=XSD.integer)))
        out.append((s, KG.endOffset, Literal(end, datatype=XSD.integer)))
    return out


def article_triples(ctx: ArticleContext, article, iri: URIRef, content_hash: str) -> list[tuple]:
    from ..namespaces import resource_ns

    out = [(iri, RDF.type, KG.Article)]
    title = article.title or (ctx.text.strip().split("\n")[0][:120] if ctx.text.strip()
                              else "untitled article")
    out.append((iri, RDFS.label, Literal(title)))
    if article.title:
        out.append((iri, KG.title, Literal(article.title)))
    if article.published:
        out.append((iri, KG.published, Literal(article.published.isoformat(), datatype=XSD.date)))
    elif ctx.reference:
        out.append((iri, KG.referenceDate, Literal(ctx.reference.isoformat(), datatype=XSD.date)))
    if article.url:
        out.append((iri, KG.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.publisher:
        pub = URIRef(resource_ns() + "organization/" + slug(article.publisher))
        out += [(iri, KG.publisher, pub), (pub, RDF.type, KG.Organization),
                (pub, RDF.type, KG.Actor), (pub, RDFS.label, Literal(article.publisher))]
    if article.source:
        out.append((iri, KG.sourceFile, Literal(article.source)))
    if ctx.dateline:
        place = _dateline(ctx)
        if place is not None and place.iri is not None:
            out.append((iri, KG.dateline, place.iri))
    out.append((iri, KG.text, Literal(ctx.text)))
    out.append((iri, KG.contentHash, Literal(content_hash)))
    mentioned = {id(n): n for n in ctx.tok2node.values()}  # each node once, not once a token
    named = {k for k, n in mentioned.items()
             if not only_the_publisher(ctx, n) and not publisher_reporter(ctx, n)}
    if ctx.dateline:
        named |= {id(n) for n in [_dateline(ctx)] if n}
    for n in ctx.nodes.values():
        if n.iri is None:
            continue
        if n.kind in PROVENANCE_KINDS and not n.spans:
            continue  # never a fact without evidence
        out += node_triples(n, ctx, iri)
        if n.kind in EVENT_KINDS or (n.kind not in PROVENANCE_KINDS and (
                id(n) in named or n.kind not in NAMED_KINDS)):
            out.append((iri, KG.mentions, n.iri))  # what the text names: not 'Egyptian'
    return out


def _dateline(ctx: ArticleContext) -> Node | None:
    """The node the entities stage made for the dateline's place (a country or a place)."""
    key = norm(ctx.dateline)
    return ctx.nodes.get(("Place", key)) or ctx.nodes.get(("Country", key))
