"""The words that can name who took part in an event: the arguments of the word that reports
it, not every name in its sentence.

'Morjane announced his resignation Thursday, state media reported, as protesters sought to oust
Ben Ali': the resignation's words are 'Morjane', not the media or Ben Ali. A verb's subject,
object, agent and the objects of 'with', 'between', 'of'… count, with everything inside
them except clauses of their own (a relative clause, a reason, a reported statement); a noun
counts its own modifiers, and the subject of the verb that holds it as an object ('X held talks
with Y', 'X staged a protest'). Nothing here changes the article.
"""
from __future__ import annotations

from .lexicon import POSTS, RATE_VERBS

# Dependents that open a clause of their own: what is inside is not this event's.
CLAUSES = {"relcl", "ccomp", "advcl", "parataxis", "csubj", "xcomp", "mark", "punct"}
ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "agent", "dative", "attr", "appos", "poss",
             "compound", "nmod", "amod", "conj", "cc", "det", "nummod", "npadvmod", "acl",
             "pobj", "oprd"}
# Prepositions whose object takes part: 'talks with X', 'a strike by X', 'the election of X'.
TAKING_PART = {"with", "between", "among", "amongst", "by", "of", "involving", "from"}
# Verbs whose object is an event the subject holds, joins or makes ('held talks').
SUPPORT_VERBS = {"hold", "have", "stage", "call", "launch", "begin", "start", "conduct", "attend",
                 "host", "join", "lead", "organize", "organise", "end", "win", "lose",
                 "contest", "chair", "open", "resume", "continue", "announce", "tender",
                 "submit", "hand", "carry", "mount", "make", "order", "impose", "issue",
                 "bring", "file", "give", "take", "complete", "finish", "accept"} | RATE_VERBS
# (RATE_VERBS: a rate set by the subject, 'the bank raised its key rate')


# Nouns that make the subject of their verb a party to the event they are of ('declared
# winner of the election', 'claimed victory in the vote').
WINNERS = {"winner", "victor", "victory", "loser", "defeat", "runner-up", "candidate"}


def _inside(tok, out: set[int]) -> None:
    """tok and what depends on it, stopping at clauses of their own."""
    out.add(tok.i)
    for c in tok.children:
        if c.dep_ in CLAUSES or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
            continue
        if c.dep_ == "prep" and c.lower_ not in TAKING_PART:
            continue
        _inside(c, out)


# Objects that are an office, not a party: 'quit the cabinet of President X' is not X's act.
OFFICES = POSTS | {"portfolio", "ministry", "team", "club"}


def _own(tok, out: set[int]) -> None:
    """The arguments of tok itself (a verb or a noun), each with what is inside it."""
    out.add(tok.i)
    for c in tok.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in OFFICES and tok.pos_ == "VERB":
            out.add(c.i)  # the office itself, not whose it is
            continue
        if c.dep_ == "prep" and c.lower_ in TAKING_PART:
            _inside(c, out)
        elif c.dep_ in ARGUMENTS and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
            _inside(c, out)


def subject_token(verb):
    """The subject of a verb, or of the verb it is joined to ('X convicted Y and sentenced
    him'), or of the verb whose object it completes ('X announced a plan to buy Y')."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) or \
            next((s for a in verb.children if a.dep_ in ("aux", "auxpass")
                  for s in a.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj  # (the tagger sometimes hangs the subject on the auxiliary)
        if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.tag_ == "VB":
            verb = verb.head.head  # 'X announced an agreement to acquire Y': X acquires
            continue
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "by":
            verb = verb.head.head  # 'X tried to appease them by announcing Y': X announced
            continue
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def argument_tokens(trigger) -> tuple[set[int], list]:
    """(indices of the words that can name a participant, subject words to resolve). For a
    verb: its own arguments; for a noun: its modifiers and, where a verb holds it as an object,
    that verb's subject and its 'with'/'between' objects."""
    out: set[int] = set()
    subjects = []
    if trigger.pos_ in ("VERB", "AUX"):
        _own(trigger, out)
        _take_subject(trigger, subjects, out)
        if trigger.dep_ in ("relcl", "acl") and trigger.head.i != trigger.i:
            _inside_noun_only(trigger.head, out)  # 'the minister who resigned'
        return out, subjects
    _own(trigger, out)
    head = trigger
    while head.dep_ in ("conj", "appos") and head.head.i != head.i:
        head = head.head  # 'talks and a meeting with X'
    verb = head.head
    if head.dep_ in ("dobj", "attr", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and \
            verb.lemma_.lower() in SUPPORT_VERBS:
        _take_subject(verb, subjects, out)
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between", "among"):
                _inside(c, out)
    elif head.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("in", "at", "into") \
            and verb.head.pos_ in ("VERB", "AUX") and verb.head.lemma_.lower() in (
                "take", "participate", "join", "engage", "vote", "go", "compete"):
        _take_subject(verb.head, subjects, out)  # 'X took part in the talks'
    elif head.dep_ == "pobj" and verb.lower_ in ("of", "in") and \
            verb.head.lemma_.lower() in WINNERS and verb.head.head.pos_ in ("VERB", "AUX"):
        _take_subject(verb.head.head, subjects, out)  # 'X was declared winner of the election'
    elif head.dep_ == "pobj" and verb.lower_ == "on" and verb.head.lemma_.lower() in ("go",):
        _take_subject(verb.head, subjects, out)  # 'X went on strike'
    return out, subjects


def _take_subject(verb, subjects: list, out: set[int]) -> None:
    """The subject of `verb` takes part: kept to resolve, and its words in scope."""
    subj = subject_token(verb)
    if subj is not None:
        subjects.append(subj)
        _inside(subj, out)


def _inside_noun_only(noun, out: set[int]) -> None:
    out.add(noun.i)
    for c in noun.children:
        if c.dep_ in ("compound", "poss", "amod", "appos", "nmod", "det"):
            _inside(c, out)


def same_clause(tok, *anchors) -> bool:
    """Whether tok hangs (through its heads) on one of the anchor words without passing into a
    clause of its own on the way: 'resigned … and supporters gathered on the island' puts the
    island in the gathering's clause, not the resignation's."""
    want = {a.i for a in anchors}
    for _ in range(12):
        if tok.i in want:
            return True
        if tok.head.i == tok.i:
            return False
        if tok.dep_ in ("relcl", "acl") and tok.head.i in want:
            return True  # "an earthquake that shook X": the clause tells of the event itself
        if tok.dep_ in CLAUSES - {"punct", "mark"} or (tok.dep_ == "conj"
                                                      and tok.pos_ in ("VERB", "AUX")):
            return False
        tok = tok.head
    return False
