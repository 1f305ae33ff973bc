"""Statements: every direct quotation with its speaker, including quotes attributed by
"he said" / "she added" / "the official told reporters", and quotes that run over sentences."""
from __future__ import annotations

import hashlib
import re

from .coref import actor_of, subject_of
from .lexicon import SPEECH_VERBS
from .model import ORG_KINDS, ArticleContext, Node
from .registry import extractor
from .text import clean, norm
from ..vocab import KG

ANONYMOUS = {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "source",
             "sources", "diplomat", "diplomats", "aide", "aides", "person", "people", "analyst",
             "analysts", "expert", "experts", "ministry", "government",
             "scientist", "scientists", "researcher", "researchers", "authorities", "economist",
             "economists", "lawyer", "lawyers", "critic", "critics", "witness", "witnesses",
             "investigator", "investigators", "prosecutor", "prosecutors", "union",
             # people the news quotes without names ('witnesses said', 'one eyewitness said')
             "eyewitness", "eyewitnesses", "resident", "residents", "survivor", "survivors",
             "doctor", "doctors", "lawmaker", "lawmakers", "protester", "protesters",
             "demonstrator", "demonstrators", "groups", "observer", "observers",
             "activist", "activists", "rescuer", "rescuers", "villager", "villagers",
             "teacher", "teachers", "miner", "miners", "worker", "workers", "police",
             "monitors", "monitor", "organizers", "organisers", "insider", "insiders",
             "negotiator", "negotiators", "voter", "voters", "mediator", "mediators",
             "relative", "relatives", "neighbor", "neighbors", "neighbour", "neighbours",
             "student", "students", "parent", "parents", "farmer", "farmers", "passenger",
             "passengers", "soldier", "soldiers", "officer", "officers", "pilot", "pilots",
             "rebel", "rebels", "spokespeople", "campaigner", "campaigners", "supporter",
             "supporters", "politician", "politicians"}


QUANTIFIERS = {"most", "many", "several", "some", "few", "other", "all", "both", "various",
               "numerous", "two", "three", "four", "senior", "top"}


def _tokens_in(doc, a: int, b: int) -> list:
    span = doc.char_span(a, b, alignment_mode="expand")
    return [t for t in span if a <= t.idx < b] if span is not None else []


def _speech_verb(ctx: ArticleContext, inside: list, sents: list):
    """The speech verb that governs the quote, or failing that one beside it."""
    for tok in inside:
        for anc in tok.ancestors:
            if not ctx.in_quote(anc.idx) and anc.lemma_.lower() in SPEECH_VERBS:
                return anc
    outside = [t for s in sents for t in s if not ctx.in_quote(t.idx)
               and t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")]
    if not outside:
        return None
    first = inside[0].i if inside else 0
    return min(outside, key=lambda t: abs(t.i - first))


# People who speak for someone they are named after ('Blatter's lawyers', 'his aides').
COUNSEL = {"lawyer", "attorney", "aide", "adviser", "advisor", "supporter", "relative",
           "ally", "associate", "backer"}


def anonymous(ctx: ArticleContext, tok) -> Node | None:
    """'the official told reporters': an unnamed source, scoped to this article."""
    if tok.lemma_.lower() not in ANONYMOUS and tok.lower_ not in ANONYMOUS:
        return None
    mods = [c.text for c in tok.lefts if c.dep_ in ("amod", "compound")
            and c.lower_ not in QUANTIFIERS]
    label = "unnamed " + " ".join(mods + [tok.lemma_.lower()])
    n = ctx.node(KG.Actor, "anon|" + label, label)
    n.data["scoped"] = True
    return n


def _according_to(ctx: ArticleContext, sents) -> Node | None:
    """'“…,” according to a statement from the Elysee Palace': the source named there."""
    from .coref import entity_in

    for sent in sents:
        for tok in sent:
            if tok.lower_ != "according" or ctx.in_quote(tok.idx):
                continue
            phrase = [t for t in ctx.doc[tok.i + 2:sent.end] if not t.is_punct]
            for t in phrase:
                n = ctx.node_at(t.i)
                if n is not None and n.is_actor:
                    return n
            names = [t for t in phrase if t.pos_ == "PROPN"]
            if names:  # a source the tagger did not know: "the Elysee Palace"
                label = " ".join(t.text for t in names)
                return ctx.node(KG.Organization, "source|" + label.lower(), label)
            pobj = next((t for t in phrase if t.dep_ == "pobj"), None)
            if pobj is not None:
                return entity_in(ctx, pobj) or anonymous(ctx, pobj)
    return None


DESCRIBING = {"call", "describe", "term", "dub", "label", "brand"}


def _called_by(ctx: ArticleContext, inside) -> bool:
    """'Called "a very difficult match" by coach X': a short quotation a named person's
    words describe something with."""
    for tok in inside:
        verb = tok.head
        if tok.dep_ in ("oprd", "dobj", "attr", "xcomp") and not ctx.in_quote(verb.idx) and \
                verb.lemma_.lower() in DESCRIBING:
            n = speaker_of(ctx, verb)
            return n is not None and n.kind == "Person"
    return False


def _by_person(ctx: ArticleContext, verb) -> Node | None:
    """The person after 'by' in a participle's phrase, however the parser hung the 'by'."""
    for t in verb.subtree:
        if t.lower_ == "by" and t.dep_ in ("agent", "prep"):
            for p in t.children:
                n = ctx.node_at(p.i) if p.dep_ == "pobj" else None
                if n is not None and n.kind == "Person":
                    return n
    return None


def speaker_of(ctx: ArticleContext, verb) -> Node | None:
    if verb.lemma_.lower() in DESCRIBING and verb.tag_ == "VBN":
        by = _by_person(ctx, verb)  # "Called “a very difficult match” by coach X, …"
        if by is not None:
            return by
    subj = subject_of(verb)
    if subj is not None and subj.lower_ in ("this", "that") and verb.dep_ in (
            "ccomp", "xcomp", "acl", "relcl") and verb.head.pos_ in ("VERB", "AUX"):
        subj = subject_of(verb.head) or subj  # "He had this to say, “…”": he says it
    if subj is None:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                subj = next((p for t in c.subtree for p in [t] if t.dep_ == "pobj"), None)
    if subj is None or ctx.in_quote(subj.idx):
        return None
    if subj.lemma_.lower() == "source" and ctx.node_at(subj.i) is None and any(
            c.dep_ in ("amod", "prep", "advmod") for c in subj.children):
        return anonymous(ctx, subj)  # "sources close to the talks": not the sides named there
    if subj.tag_ == "NNS" and subj.lemma_.lower() in COUNSEL and any(
            c.dep_ == "poss" for c in subj.children):
        return anonymous(ctx, subj)  # "Blatter's lawyers said": they speak, not Blatter
    actor = actor_of(ctx, subj)
    if actor is not None and actor.kind in ORG_KINDS:
        actor = _body_spokesperson(ctx, subj, actor) or actor
    return actor or anonymous(ctx, subj)


def _body_spokesperson(ctx: ArticleContext, subj, body: Node) -> Node | None:
    """'said a State Committee on X spokeswoman, Marina Nikitina': the tagger made the body
    the subject; the one who spoke is the person the title after it names."""
    from .lexicon import TITLE_HEADS

    doc = ctx.doc
    end = subj.i
    while end < len(doc) and ctx.node_at(end) is body:
        end += 1
    if end + 2 < len(doc) and doc[end].lower_ in TITLE_HEADS and doc[end + 1].text == ",":
        n = ctx.node_at(end + 2)
        if n is not None and n.kind == "Person":
            return n
    return None


@extractor("quotes", order=50,
           requires=(KG.Person, KG.holdsPosition),
           assigns=(KG.Statement, KG.speaker, KG.quote, KG.Organization, KG.Actor, KG.Country, KG.represents))
def extract_quotes(ctx: ArticleContext) -> None:
    """Direct quotations with their speakers; evidence is the sentence(s) holding the quote."""
    doc = ctx.doc
    last: Node | None = None
    last_idx = -9
    pending: list[tuple] = []  # quotes with no speaker yet, waiting for the next paragraph
    ordered = [x for x in doc.sents if ctx.text[x.start_char:x.end_char].strip()]  # x.text
    index = {s.start: k for k, s in enumerate(ordered)}
    prev: tuple[Node, Node, int] | None = None  # (statement, speaker, end of its quote)
    for a, b in ctx.quotes:
        words = clean(ctx.text[a:b]).split()
        if len(words) < 2:
            continue
        inside = _tokens_in(doc, a, b)
        if not inside:
            continue
        if len(words) <= 4 and not any(t.pos_ in ("VERB", "AUX") for t in inside) \
                and not _called_by(ctx, inside):
            continue  # "normal process", "officially over": a phrase in quotation marks
        sents = []
        for t in inside:
            if t.sent not in sents:
                sents.append(t.sent)
        nxt = sents[-1].end
        if nxt < len(doc) and len(ctx.text[b:doc[nxt].idx].strip()) <= 2 and \
                "\n" not in ctx.text[b:doc[nxt].idx]:
            # the parser split '“…,” he said' after the closing mark
            sents.append(doc[nxt].sent)
        first, final = index.get(sents[0].start, -1), index.get(sents[-1].start, -9)
        verb = _speech_verb(ctx, inside, sents)
        speaker = _transcript_speaker(ctx, a) or (
            speaker_of(ctx, verb) if verb is not None else _according_to(ctx, sents))
        if speaker is None and verb is None and first == last_idx + 1:
            speaker = last  # a quote that continues the previous speaker's paragraph
        if speaker is None and verb is None and first > 0 and _opens_line(ctx, a):
            speaker = _introduced_by(ctx, ordered[first - 1])  # 'X says exports rose.' then
            # a paragraph of quotation with no attribution of its own
        if speaker is None:
            if verb is None:
                pending.append((a, b, inside, sents, final))
            continue
        # A quoted paragraph left open runs on into this one: the same speaker said it.
        while pending and pending[-1][4] == first - 1:
            pa, pb, pin, psents, _ = pending.pop()
            _statement(ctx, speaker, pa, pb, pin, psents)
            first -= len(psents)
        pending.clear()
        if prev is not None and prev[1] is speaker and _same_passage(ctx.text[prev[2] - 1:a]):
            _continue(ctx, prev[0], a, b, sents)  # '“…,” she said. “…”': one passage
        else:
            prev = (_statement(ctx, speaker, a, b, inside, sents), speaker, b)
        prev = (prev[0], speaker, b)
        last, last_idx = speaker, final


def _opens_line(ctx: ArticleContext, a: int) -> bool:
    return not ctx.text[ctx.text.rfind("\n", 0, a) + 1:a].strip(" \"\u201c'\u2018")


def _introduced_by(ctx: ArticleContext, sent) -> Node | None:
    """The person whose reported speech ends the sentence before a quotation paragraph."""
    from .lexicon import SPEECH_VERBS

    verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS
             and not ctx.in_quote(t.idx) and any(c.dep_ == "ccomp" for c in t.children)]
    if not verbs:  # "X calls it the toughest sanction." then the quotation
        verbs = [t for t in sent if t.pos_ == "VERB" and t.dep_ == "ROOT"
                 and t.lemma_.lower() in SPEECH_VERBS and not ctx.in_quote(t.idx)]
    if len(verbs) != 1:
        return None
    n = speaker_of(ctx, verbs[0])
    return n if n is not None and n.kind == "Person" else None


def _transcript_speaker(ctx: ArticleContext, a: int) -> Node | None:
    """'Stephen Mbugua: "I used to…"', 'RICHARD LUSSICK: "The trial chamber…"': a name and a
    colon opening the line of a quotation name its speaker, a person the article names."""
    line = ctx.text[ctx.text.rfind("\n", 0, a) + 1:a].rstrip(" \"\u201c'\u2018")
    if not line.endswith(":") or len(line) > 60:
        return None
    name = norm(line[:-1])
    for n in ctx.of_kind("Person"):
        if name and name in {norm(x) for x in (n.label, *n.aliases)}:
            return n
    return None


def _statement(ctx: ArticleContext, speaker: Node, a: int, b: int, inside, sents) -> Node:
    start, _ = ctx.sentence_span(sents[0])
    _, end = ctx.sentence_span(sents[-1])
    key = hashlib.sha1(f"{a}:{ctx.text[a:b]}".encode()).hexdigest()[:12]
    st = ctx.node(KG.Statement, key)
    st.add(KG.speaker, speaker)
    st.add(KG.quote, clean(ctx.text[a:b]).rstrip(",."))
    st.evidence(start, end)
    st.data.update(start=a, end=b, token=inside[0].i)
    return st


def _same_passage(gap: str) -> bool:
    """Two quotes are one passage when only an attribution stands between them, in the same
    paragraph ('…,” said Acting Assistant Attorney General for the Civil Division X. “…');
    `gap` starts with the first quote's last character."""
    if "\n" in gap or gap[:1] not in (",", ".", "?", "!", ";", "-", "\u2014"):
        return False  # 'will “continue to help” the migrants. “We also agreed …”': two
    bare = gap.replace("\u201d", "").replace("\u201c", "").replace('"', "").strip()
    if "that" in bare.lower().split():
        return False  # '…,” adding that the ROC “reserves …': a new clause, a second quote
    marks = re.sub(r"\b[A-Z]\.", "", bare)  # (an initial's stop ends no sentence: 'Steven L. X')
    return len(gap) <= 61 or (len(gap) <= 160 and bare.startswith(",") and bare.endswith(".")
                              and marks.count(",") + marks.count(".") <= 3)


def _continue(ctx: ArticleContext, st: Node, a: int, b: int, sents) -> None:
    old = st.first(KG.quote)
    st.props = [(p, v) for p, v in st.props if p != "quote"]
    st.add(KG.quote, f"{old} {clean(ctx.text[a:b]).rstrip(',.')}")
    _, end = ctx.sentence_span(sents[-1])
    start = min(s for s, _ in st.spans)
    st.spans = [(start, max(end, max(e for _, e in st.spans)))]
    st.data["end"] = b


def statement_at(ctx: ArticleContext, tok) -> Node | None:
    """The statement whose quotation holds this token."""
    for st in ctx.of_kind("Statement"):
        if st.data.get("start", -1) <= tok.idx < st.data.get("end", -1):
            return st
    return None
