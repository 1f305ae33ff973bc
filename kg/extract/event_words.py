"""The words that report an event of each class, and the checks that must hold for a word to
count: the table (`data/event_triggers.tsv`) and the lookups it names. Nothing here changes the
article; `event_class` answers whether a word reports an event, and of which class.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .coref import actor_of, subject_of
from .lexicon import POSTS, RATE_VERBS
from .model import EVENT_KINDS, ArticleContext, Node
from .parsed import column, positions
from .positions import APPOINTING, installed_title
from ..vocab import KG

SPACE_WORDS = {"rocket", "spacecraft", "satellite", "probe", "lander", "rover", "shuttle",
               "capsule", "orbiter", "mission", "telescope", "spaceship", "module", "moon",
               "mars", "orbit", "space"}
COURT_WORDS = {"court", "judge", "judges", "tribunal", "jury", "panel", "justice", "justices"}
LEGISLATURES = {"parliament", "senate", "congress", "assembly", "lawmakers", "legislators",
                "mps", "deputies", "council", "committee", "house", "legislature", "board",
                "members", "shareholders", "voters", "delegates"}
MILITARY = {"air", "military", "missile", "drone", "rocket", "airstrike", "hunger"}
REPORT_NOUNS = {"report", "figures", "data", "results", "statement", "study", "survey",
                "findings", "statistics", "estimates", "forecast", "review"}
# 'heart attack', 'panic attack': not an armed attack.
NOT_VIOLENT = {"heart", "asthma", "panic", "anxiety", "allergy", "allergic", "migraine",
               "epileptic", "verbal", "personal", "scathing", "blistering"}
# Words that make 'attacked' an act of violence rather than of words.
VIOLENCE = {"kill", "killed", "killing", "wounded", "injured", "troops", "soldiers", "forces",
            "rebels", "army", "fighters", "armed", "gun", "guns", "shot", "dead", "bomb",
            "bombs", "militants", "gunmen", "insurgents", "police", "weapons", "rockets",
            "missiles", "knife", "machete", "grenade", "grenades", "explosives"}
ATTACK_WORDS = {"bomb", "bomber", "suicide", "attack", "attacker", "militant", "militants",
                "insurgent", "insurgents", "gunman", "gunmen", "terrorist", "terrorists"}
@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """(lemma, part of speech or '*') -> its (event class, check) rows, tried in the table's
    order: 'reject' is a court's decision when a court rejects, else a body's announcement."""
    text = resources.files("kg.extract").joinpath("data", "event_triggers.tsv").read_text()
    out: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, pos, cls, *check = line.split("\t")
        if cls not in EVENT_KINDS:
            raise ValueError(f"event_triggers.tsv: {cls} is not an event class of the ontology")
        rows = out.get((lemma, pos), ())
        if any(c == cls for c, _ in rows):
            raise ValueError(f"event_triggers.tsv: {lemma} {pos} {cls} is listed twice")
        out[(lemma, pos)] = rows + ((cls, (check[0] if check else "").strip()),)
    return out


def _trigger_classes():
    """The event classes the trigger table can report, as kg terms."""
    return sorted({KG[cls] for rows in triggers().values() for cls, _ in rows})


def _verb(tok):
    return tok if tok.pos_ in ("VERB", "AUX") else _counted(tok).head


def _subject_node(ctx: ArticleContext, tok) -> Node | None:
    subj = subject_of(_verb(tok))
    return actor_of(ctx, subj) if subj is not None else None


def _subject_word(tok) -> str:
    subj = subject_of(_verb(tok))
    return subj.lemma_.lower() if subj is not None else ""


def _passive(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in _verb(tok).children)


def _words(sent) -> set[str]:
    return {t.lower_ for t in sent}


# What is taken over when power, not a business, changes hands.
SEIZED = {"government", "power", "country", "state", "city", "town", "capital", "parliament",
          "territory", "region", "province", "palace", "airport", "base"}

# Who is sworn in: 'swore in a new cabinet', 'swore in the new ministers'.
SWORN = {"cabinet", "government", "minister", "ministers", "lawmaker", "member", "parliament",
         "president", "governor", "judge", "council", "team", "official"}


CHECKS = {
    "": lambda ctx, tok, sent: True,
    "not_attack": lambda ctx, tok, sent: not (_words(sent) & ATTACK_WORDS),
    "labour": lambda ctx, tok, sent: not any(c.lower_ in MILITARY for c in tok.lefts)
    and tok.head.lemma_.lower() not in ("hunger",),
    "space": lambda ctx, tok, sent: bool(_words(sent) & SPACE_WORDS),
    "passive": lambda ctx, tok, sent: _passive(tok),
    "legislature": lambda ctx, tok, sent: _subject_word(tok) in LEGISLATURES or (
        (n := _subject_node(ctx, tok)) is not None
        and n.kind in ("Organization", "GovernmentBody")),  # "The IAAF voted 22 to 1"
    "object": lambda ctx, tok, sent: tok.pos_ == "NOUN" or _passive(tok)
    or any(c.dep_ == "dobj" for c in tok.children),
    "court": lambda ctx, tok, sent: _subject_word(tok) in COURT_WORDS
    or _court_name(getattr(_subject_node(ctx, tok), "label", "")),
    "court_near": lambda ctx, tok, sent: bool(_words(sent) & COURT_WORDS),
    "guilty": lambda ctx, tok, sent: any(c.lower_ == "guilty" for c in tok.subtree),
    "sworn_in": lambda ctx, tok, sent: any(c.lower_ == "in" and (c.dep_ == "prt" or (
        c.dep_ == "prep" and c.i == tok.i + 1 and any(
            p.dep_ == "pobj" and p.lemma_.lower() in SWORN for p in c.children)))
        for c in tok.children),  # "swore in a new cabinet" (the parser's 'in' a preposition)
    "step_down": lambda ctx, tok, sent: any(c.lower_ == "down" for c in tok.children),
    "blast_off": lambda ctx, tok, sent: any(c.lower_ == "off" for c in tok.children),
    "volcano": lambda ctx, tok, sent: _subject_word(tok) in VOLCANO_WORDS or (
        (n := _subject_node(ctx, tok)) is not None and n.kind == "Place"
        and n.label.split()[0].lower() in ("mount", "mt", "mt.", "volcano")),
    "crowd_subject": lambda ctx, tok, sent: _crowd(tok),
    "not_market": lambda ctx, tok, sent: tok.is_lower and not any(
        c.lower_ in ("market", "stock", "stocks", "price", "relief", "share", "bond", "late",
                     "year-end", "dollar") for c in tok.lefts),  # "a stock market rally": no
    "to_post": lambda ctx, tok, sent: installed_title(tok, APPOINTING) is not None,  # "was named"
    "money_object": lambda ctx, tok, sent: _named_actor_subject(ctx, tok) and any(
        c.dep_ == "dobj" and any(t.ent_type_ == "MONEY" for t in c.subtree)
        for c in tok.children),  # "the EU has pledged $2 million in aid"
    "body_object": lambda ctx, tok, sent: _named_actor_subject(ctx, tok) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in LEGISLATURES | {"government", "cabinet"}
        for c in tok.children),  # "dissolved parliament"
    "signed_paper": lambda ctx, tok, sent: _named_actor_subject(ctx, tok) and any(
        c.dep_ == "dobj" and (c.lemma_.lower() in SIGNED or any(
            g.lower_ in SIGNED for g in c.lefts)) for c in tok.children),
    "ordered_inquiry": lambda ctx, tok, sent: _named_actor_subject(ctx, tok) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in INQUIRIES for c in tok.children),
    "rejected_offer": lambda ctx, tok, sent: _named_actor_subject(ctx, tok) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in OFFERS for c in tok.children),
    "not_time": lambda ctx, tok, sent: tok.is_lower and not any(
        c.lower_ in ("long", "steady", "relentless", "inexorable") for c in tok.lefts),
    "motion_vote": lambda ctx, tok, sent: any(
        c.lower_ in VOTE_KINDS for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod"))
    or (tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("hold", "pass", "win", "lose")
        and _subject_word(tok.head) in LEGISLATURES),
    "person_object": lambda ctx, tok, sent: any(
        c.dep_ == "dobj" and (n := ctx.node_at(c.i)) is not None and n.kind == "Person"
        for c in tok.children) or (_passive(tok) and (n := _subject_node(ctx, tok)) is not None
                                   and n.kind == "Person") or (
        tok.dep_ == "acl" and tok.tag_ == "VBN" and (n := ctx.node_at(tok.head.i)) is not None
        and n.kind == "Person"),  # "Finance Minister X, replaced by Y"
    "cast": lambda ctx, tok, sent: tok.dep_ == "dobj" and tok.head.lemma_.lower() == "cast"
    and not _passive(tok.head),  # "Venezuelans are casting ballots"
    "to_the_polls": lambda ctx, tok, sent: tok.dep_ == "pobj" and tok.head.lower_ == "to"
    and tok.head.head.lemma_.lower() in ("go", "head", "return", "flock"),
    "issued_paper": lambda ctx, tok, sent: any(
        c.dep_ == "dobj" and c.lemma_.lower() in PAPERS for c in tok.children)
    and _named_actor_subject(ctx, tok),
    "crowd_acts": lambda ctx, tok, sent: (t := _counted(tok)).dep_ == "nsubj"
    and t.head.pos_ == "VERB"
    and t.head.tag_ in ("VBD", "VBN", "VBG", "VBZ", "VBP") and t.head.lemma_ not in (
        "be", "have", "say", "tell", "want", "hope", "plan", "demand", "call")
    or t.dep_ == "dobj" and t.head.lemma_.lower() in DISPERSING,  # "to disperse protesters"
    "with_police": lambda ctx, tok, sent: any(
        c.lower_ in ("with", "between") and any(g.lemma_.lower() in POLICE for g in c.subtree)
        for c in tok.children),  # "clashes with the police", "clashed with riot police"
    "of_a_business": lambda ctx, tok, sent: not any(
        p.dep_ == "pobj" and (p.lemma_.lower() in SEIZED or (
            (n := ctx.node_at(p.i)) is not None and n.kind in ("Place", "Country")))
        for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children),
    # "the king's takeover of the government", "the takeover of the city": power, not a deal
    "take_over_post": lambda ctx, tok, sent: any(c.dep_ == "prt" and c.lower_ == "over"
                                                 for c in tok.children) and (any(
        c.dep_ == "dobj" and c.lemma_.lower() in POSTS | {"portfolio", "ministry"}
        for c in tok.children) or installed_title(tok, {"take"}) is not None),
    # "took over the agriculture portfolio", "took over as finance minister"
    "leave_post": lambda ctx, tok, sent: any(
        c.dep_ == "dobj" and c.lemma_.lower() in POSTS for c in tok.children) or (
        tok.lemma_.lower() == "quit" and not any(c.dep_ == "dobj" for c in tok.children)),
    "off_the_job": lambda ctx, tok, sent: any(
        c.lower_ == "off" and any(g.lower_ in ("job", "jobs", "work") for g in c.subtree)
        for c in tok.children),
    "rate_decision": lambda ctx, tok, sent: _rate_verb(ctx, tok),
    "company_object": lambda ctx, tok, sent: any(
        (n := ctx.node_at(c.i)) is not None and n.kind in ("Company", "Organization")
        for c in tok.children if c.dep_ == "dobj"),
    "person_subject": lambda ctx, tok, sent: (n := _subject_node(ctx, tok)) is not None
    and n.kind == "Person",
    "actor_subject": lambda ctx, tok, sent: _named_actor_subject(ctx, tok)
    and not _event_object(ctx, tok) and not _verdict(tok),
    "violent": lambda ctx, tok, sent: not any(c.lower_ in NOT_VIOLENT for c in tok.lefts
                                              if c.dep_ in ("compound", "amod", "nmod"))
    and (tok.pos_ != "VERB" or bool(_words(sent) & VIOLENCE)),
    "report_object": lambda ctx, tok, sent: any(
        c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in REPORT_NOUNS or any(
            a.dep_ in ("appos", "pobj") and a.lemma_.lower() in REPORT_NOUNS for a in c.subtree))
        # ("released Health, United States, 2017 – the 41st annual … report": a titled report)
        for c in tok.children) or (tok.dep_ == "acl" and tok.head.lemma_.lower() in REPORT_NOUNS
                                   and any(c.dep_ == "agent" for c in tok.children)),
    "victory": lambda ctx, tok, sent: any(c.dep_ == "dobj" and c.lemma_.lower() in (
        "victory", "defeat", "win") for c in tok.children)
    and (n := _subject_node(ctx, tok)) is not None and n.is_actor,
}


def _verdict(tok) -> bool:
    """'declared the launch a success': a view of something (a claim), not an announcement."""
    return any(c.dep_ in ("ccomp", "dobj") and c.pos_ in ("NOUN", "ADJ")
               and any(d.dep_ == "nsubj" for d in c.children)
               or c.dep_ == "oprd" and (c.pos_ == "ADJ" or c.lemma_.lower() in VERDICT_NOUNS)
               for c in tok.children)


# What a verdict calls a thing ('declared the flight a success'); 'declared X the winner' is news.
VERDICT_NOUNS = {"success", "failure", "disaster", "mistake", "triumph", "fiasco", "sham", "farce"}


def _event_object(ctx: ArticleContext, tok) -> bool:
    """'announced his resignation': the object is the subject's own event; the announcing is
    not another ('declared the strike over' is)."""
    from .events import _kind

    subj = subject_of(tok)
    owner = ctx.node_at(subj.i) if subj is not None else None

    def own(p) -> bool:
        return p.dep_ == "poss" and (p.pos_ == "PRON" or (
            owner is not None and ctx.node_at(p.i) is owner))

    announcing = tok.lemma_.lower() in ("announce", "unveil")
    if announcing and any(  # "announced a settlement with X", "announced that X has agreed"
            c.dep_ == "dobj" and c.lemma_.lower() in SETTLED or c.dep_ == "ccomp"
            and c.lemma_.lower() in ("agree", "settle", "plead") for c in tok.children):
        return True
    return any(c.dep_ == "dobj" and (_kind(c) is not None or event_class(ctx, c, c.sent))
               and (announcing or any(own(p) for p in c.children)) for c in tok.children)


# What is agreed, not announced: the agreement is the news ('announced a settlement').
SETTLED = {"settlement", "agreement", "deal", "accord", "plea"}


def _named_actor_subject(ctx: ArticleContext, tok) -> bool:
    """The verb's subject is a named actor, not an unnamed group."""
    n = _subject_node(ctx, tok)
    return n is not None and n.is_actor and not n.data.get("group")


def _court_name(label: str) -> bool:
    """'the Supreme Court', 'the Court of Arbitration for Sport': a court's name."""
    head = label.split(" of ")[0].split()
    return bool(head) and head[-1].lower() in COURT_WORDS


# What the police do to a crowd that is there: 'fired tear gas to disperse protesters'.
DISPERSING = {"disperse", "scatter", "break", "arrest", "detain", "tear-gas", "beat", "charge"}
# Who a crowd clashes with when it protests: 'clashes with the police'.
POLICE = {"police", "policeman", "policemen", "officer", "security", "riot"}


# What a leader signs that is news of its own: 'signed an executive order', 'signed the bill'.
SIGNED = {"order", "decree", "law", "bill", "proclamation", "directive", "executive", "memorandum"}
# What a leader orders looked into: 'ordered an investigation'.
INQUIRIES = {"investigation", "inquiry", "probe", "review", "audit", "evacuation", "withdrawal"}
# What a body turns down: 'the board rejected the offer'.
OFFERS = {"offer", "bid", "proposal", "plan", "request", "demand", "resignation", "appeal"}


# Words that make a rate a central bank's ('benchmark interest rate', 'key policy rate').
POLICY_RATES = {"interest", "benchmark", "policy", "key", "cash", "repo", "lending", "overnight",
                "base", "discount", "funds", "borrowing", "deposit", "refinancing"}


# What a body issues when it announces: 'issued a warning', 'issued a decree'.
PAPERS = {"statement", "warning", "decree", "alert", "advisory", "guidance", "directive",
          "ultimatum", "appeal", "report", "order"}
VOLCANO_WORDS = {"volcano", "mountain", "mount", "crater"}
# Votes a body holds on a measure: 'a voice vote', 'a no-confidence vote'.
VOTE_KINDS = {"voice", "confidence", "no-confidence", "parliamentary", "final", "procedural",
              "floor", "unanimous", "senate", "house", "committee", "impeachment", "recall"}
# Who protests: the subject of 'rallied', 'marched', 'demonstrated'.
CROWDS = {"protester", "demonstrator", "supporter", "opponent", "student", "worker", "people",
          "thousand", "hundred", "crowd", "resident", "activist", "villager", "farmer",
          "teacher", "woman", "man", "citizen", "voter", "marcher", "opposition", "tens"}


# 'Tens of thousands of protesters': the word the count stands for.
COUNT_WORDS = {"thousand", "hundred", "dozen", "ten", "million", "crowd", "group", "number",
               "score", "throng"}


def _counted(tok):
    """'thousands of protesters poured': the count is the subject the people stand under."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
            tok.head.head.lemma_.lower() in COUNT_WORDS:
        return tok.head.head
    return tok


def _crowd(tok) -> bool:
    """'Tens of thousands of Turks rallied', 'protesters marched': people did it, not shares
    ('stocks rallied') nor a proof ('the study demonstrated that …')."""
    subj = subject_of(_verb(tok))
    if subj is None or any(c.dep_ == "ccomp" for c in tok.children):
        return False
    words = {t.lemma_.lower() for t in subj.subtree if t.pos_ in ("NOUN", "PROPN", "NUM")}
    return bool(words & CROWDS) or subj.tag_ == "NNPS" and subj.lemma_.lower() != subj.lower_


def _rate_verb(ctx: ArticleContext, tok) -> bool:
    """'held interest rates at 0.5%', 'cut its key rate': a central bank sets a rate."""
    head = tok.head
    if tok.dep_ not in ("dobj", "nsubjpass") or head.lemma_.lower() not in RATE_VERBS:
        return False
    subj = subject_of(head)
    words = {t.lower_ for t in subj.subtree} if subj is not None else set()
    if words & {"bank", "reserve", "fed", "committee"} or _passive(head):
        return True
    kinds = {ctx.node_at(t.i).kind for t in subj.subtree if ctx.node_at(t.i)} if subj is not None \
        else set()  # "Bangko Sentral ng Pilipinas raised its benchmark interest rate"
    return bool(kinds & {"GovernmentBody", "Organization"}) and any(
        c.lower_ in POLICY_RATES for c in tok.lefts if c.dep_ in ("compound", "amod"))


def _base_lemmas(tok) -> list[str]:
    """The lemma, and for a word the tagger does not know with a prefix ('re-elected',
    're-election'), the lemmas of the word without it."""
    lemma = tok.lemma_.lower()
    if not lemma.startswith(("re-", "co-")):
        return [lemma]
    word = tok.lower_[3:]
    stems = [word] + [word[:-len(x)] for x in ("ed", "d", "ing", "s") if word.endswith(x)]
    return [lemma] + stems


@lru_cache(maxsize=1)
def _trigger_lemmas() -> frozenset[str]:
    return frozenset(lemma for lemma, _ in triggers())


def trigger_positions(doc) -> list[int]:
    """The tokens event_class may take, ascending: a verb or noun whose lemma the table lists
    or has a prefix _base_lemmas strips. event_class returns None for every other token."""
    lemmas, listed = column(doc, "lemma_lower"), _trigger_lemmas()
    return [i for i in positions(doc, "pos", ("VERB", "NOUN", "PROPN"))
            if lemmas[i] in listed or lemmas[i].startswith(("re-", "co-"))]


def may_report(ctx: ArticleContext, tok) -> bool:
    """Whether event_class may take the token (one of trigger_positions): a cheap test first."""
    at = ctx.data.get("trigger_positions")
    if at is None:
        at = ctx.data["trigger_positions"] = set(trigger_positions(ctx.doc))
    return tok.i in at


def event_class(ctx: ArticleContext, tok, sent) -> str | None:
    table = triggers()
    hit = None
    if tok.pos_ in ("VERB", "NOUN", "PROPN"):
        for lemma in _base_lemmas(tok):
            hit = table.get((lemma, tok.pos_)) or table.get((lemma, "*"))
            if hit:
                break
    return next((cls for cls, check in hit or () if CHECKS[check](ctx, tok, sent)), None)
