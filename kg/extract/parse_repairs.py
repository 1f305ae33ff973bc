"""Misparses of the small English parser mended before anything reads the tree.

'A was promoted to information minister and B was named minister of X': the parser hangs 'B' on
'minister' as a second conjunct ('information minister and B') and leaves 'was named' with no
subject, so B is neither appointed nor given a post. When a joined verb opens with its own
auxiliary, has no subject, and the proper name just before that auxiliary hangs as a conjunct
on an earlier word of the first clause, the name is the verb's subject. A spaCy component: it
changes heads and labels of those words only.
"""
from __future__ import annotations

SUBJECT_FOR = {"aux": "nsubj", "auxpass": "nsubjpass"}


def _stranded_subject(verb):
    """The proper name a joined verb lost to the clause before it, or None."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.head.i >= verb.i:
        return None
    kids = list(verb.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in kids):
        return None
    first = next((c for c in kids if c.i < verb.i), None)
    if first is None or first.dep_ not in SUBJECT_FOR or first.i == 0:
        return None
    name = verb.doc[first.i - 1]
    if name.pos_ != "PROPN" or name.dep_ != "conj" or name.head.i >= name.i:
        return None
    if not any(a.i == verb.head.i for a in name.ancestors):
        return None  # the name must hang inside the first clause
    start = min(t.i for t in name.subtree)
    cc = verb.doc[start - 1] if start > 0 else None
    if cc is None or cc.dep_ != "cc" or cc.head.i != name.head.i:
        return None
    return name, cc, SUBJECT_FOR[first.dep_]


def repair_parse(doc):
    for verb in doc:
        found = _stranded_subject(verb)
        if found is None:
            continue
        name, cc, label = found
        name.head, name.dep_ = verb, label
        cc.head = verb.head
    return doc
