"""Delegations (who leads them, which bodies they include), working groups, and what the text
says of substances (their category, what precursors are used to make)."""
from __future__ import annotations

from .coref import actor_of, subject_of
from .entities import country
from .lexicon import SUBSTANCE_CLASS_NOUNS, WORKING_GROUP_HEADS
from .model import ArticleContext, Node
from .parsed import having, positions, tokens
from .registry import extractor
from .text import clean, norm
from ..vocab import KG

INCLUDE_VERBS = {"include", "comprise", "consist", "feature"}
LEAD_VERBS = {"lead", "head"}


def _state_of_phrase(ctx: ArticleContext, tok) -> str | None:
    """The state a noun is qualified by: 'US delegation', "Washington's delegation"."""
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tok.i:
            if c.i in ctx.demonym:
                return ctx.demonym[c.i]
            n = ctx.node_at(c.i)
            if n is not None and n.kind == "Country":
                return n.label
    return None


def _led_by(ctx: ArticleContext, tok) -> list[Node]:
    """People in 'X led by P' / 'X is led by P' / 'X, headed by P'."""
    out = []
    cands = [c for c in tok.children if c.lemma_ in LEAD_VERBS]
    if tok.dep_ in ("nsubjpass",) and tok.head.lemma_ in LEAD_VERBS:
        cands.append(tok.head)
    doc = ctx.doc
    for verb in cands:
        for agent in verb.children:
            if agent.dep_ == "agent" or agent.lower_ == "by":
                # the person named right after "by" (the parser sometimes hangs it elsewhere)
                for t in doc[agent.i + 1:min(agent.i + 8, len(doc))]:
                    n = ctx.node_at(t.i)
                    if n is not None and n.kind == "Person":
                        out.append(n)
                        break
                    if t.is_punct or t.pos_ == "VERB":
                        break
    return out


@extractor("organizations", order=30,
           requires=(KG.Person, KG.Organization, KG.Country),
           assigns=(KG.Delegation, KG.WorkingGroup, KG.Substance, KG.category, KG.leads, KG.memberOf,
                    KG.precursorOf, KG.Actor, KG.Country, KG.represents))
def extract_organizations(ctx: ArticleContext) -> None:
    """Delegations with leaders and member bodies; working groups; substance facts."""
    _delegations(ctx)
    _working_groups(ctx)
    _substances(ctx)


def _delegations(ctx: ArticleContext) -> None:
    doc = ctx.doc
    for tok in having(doc, "lemma", "delegation"):
        if tok.lemma_ != "delegation" or ctx.in_quote(tok.idx):
            continue
        state = _state_of_phrase(ctx, tok)
        leaders = _led_by(ctx, tok)
        if state is None:
            for p in leaders:
                reps = p.get(KG.represents)
                state = state or (reps[0].label if reps else None)
        if state is None:
            continue
        c = country(ctx, state)
        d = ctx.node(KG.Delegation, norm(state), f"delegation of {state}")
        d.add(KG.represents, c)
        ctx.mention(tok.i, tok.i + 1, d)
        for p in leaders:
            p.add(KG.leads, d)
            p.add(KG.represents, c)
    for tok in having(doc, "lemma", INCLUDE_VERBS):
        if tok.lemma_ not in INCLUDE_VERBS or ctx.in_quote(tok.idx):
            continue
        subj = subject_of(tok) if tok.pos_ == "VERB" else tok.head
        holder = actor_of(ctx, subj) if subj is not None else None
        if holder is None and tok.dep_ in ("relcl", "acl"):
            holder = ctx.node_at(tok.head.i)
        if holder is None or holder.kind != "Delegation":
            continue
        for obj in tok.subtree:
            n = ctx.node_at(obj.i)
            if n is not None and n.kind in ("GovernmentBody", "Organization") and n is not holder:
                n.add(KG.memberOf, holder)
            elif n is not None and n.kind == "Person":
                n.add(KG.memberOf, holder)


def _working_groups(ctx: ArticleContext) -> None:
    doc = ctx.doc
    found: list[tuple[object, list[str], str]] = []
    toks = tokens(doc)
    for tok in (toks[i] for i in positions(doc, "lower", {b for _, b in WORKING_GROUP_HEADS}) if i):
        if (doc[tok.i - 1].lower_, tok.lower_) not in WORKING_GROUP_HEADS:
            continue
        start = tok.i - 1
        while start > 0 and doc[start - 1].dep_ in ("compound", "amod", "nmod", "punct") \
                and doc[start - 1].text not in (",", "(", "\u201c", '"') and \
                doc[start - 1].head.i in range(start, tok.i + 1):
            start -= 1
        end = tok.i + 1
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ in ("on", "for", "against"):
                end = max(t.i for t in c.subtree) + 1
        states = sorted({n.label for n in ctx.nodes_in(start, tok.i, {"Country"})})
        found.append((doc[start:end], states, f"{doc[tok.i - 1].lower_} {tok.lower_}"))
    qualified = {tuple(st) for _, st, _ in found if st}
    for span, states, head in found:
        if not states and len(qualified) == 1:
            states = list(next(iter(qualified)))
        label = clean(span.text)
        if label.lower().startswith("the "):
            label = label[4:]
        key = "|".join(states) + "|" + head
        wg = ctx.node(KG.WorkingGroup, key, label)
        ctx.mention(span.start, span.end, wg)


def _substances(ctx: ArticleContext) -> None:
    doc = ctx.doc
    for tok in having(doc, "lower", ("precursor", "precursors")):
        if tok.lower_ not in ("precursor", "precursors"):
            continue
        end = tok.i + 1
        if end < len(doc) and doc[end].lower_ in ("chemical", "chemicals", "ingredients"):
            end += 1
        sent = tok.sent
        drugs = [n for n in ctx.nodes_in(sent.start, sent.end, {"Substance"})
                 if "precursor" not in n.label]
        drugs.sort(key=lambda n: min(abs(i - tok.i) for i, m in ctx.tok2node.items()
                                     if m is n and sent.start <= i < sent.end))
        drug = drugs[0] if drugs else None
        label = f"{drug.label} precursor chemicals" if drug else "precursor chemicals"
        pre = ctx.node(KG.Substance, norm(label), label)
        pre.aliases.add("precursor chemicals")
        pre.data["default_category"] = "precursor chemical"
        if drug:
            pre.add(KG.precursorOf, drug)
        ctx.mention(tok.i, end, pre)
    for tok in having(doc, "lower", SUBSTANCE_CLASS_NOUNS):
        if tok.dep_ != "attr" or tok.lower_ not in SUBSTANCE_CLASS_NOUNS:
            continue
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        s = ctx.node_at(subj.i) if subj is not None else None
        if s is None or s.kind != "Substance":
            continue
        mods = []
        for c in sorted(tok.lefts, key=lambda t: -t.i):
            if c.dep_ in ("amod", "compound") and not any(g.dep_ == "advmod" for g in c.children):
                mods.insert(0, c.text)
            else:
                break
        s.add(KG.category, " ".join(mods + [tok.text]).lower())
    toks = tokens(doc)
    for tok in (toks[i] for i in sorted(ctx.tok2node)):  # "xylazine, an animal tranquilizer, …"
        s = ctx.node_at(tok.i)
        if s is None or s.kind != "Substance":
            continue
        for app in tok.children:
            if app.dep_ == "appos" and app.lemma_.lower() in SUBSTANCE_CLASS_NOUNS:
                mods = [c.text for c in app.lefts if c.dep_ in ("amod", "compound")
                        and not any(g.dep_ == "advmod" for g in c.children)]
                s.add(KG.category, " ".join(mods + [app.text]).lower())
    for s in ctx.of_kind("Substance"):
        if not s.get(KG.category) and s.data.get("default_category"):
            s.add(KG.category, s.data["default_category"])
