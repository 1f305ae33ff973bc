"""Numbers with a unit: percentages, amounts of money and measurements. The unit goes to
kg:unit; the measure is the thing counted, read from the sentence's structure ("47.9 percent of
the vote", "interest rates at 0.5%", "fined Google $21 million", "winds of 130 miles per hour").
When nothing in the sentence says what a number with a unit measures, it is left out.
"""
from __future__ import annotations

from .lexicon import (CURRENCY_CODES, MEASURE_UNITS, MONEY_VERBS, PEOPLE_NOUNS,
                      VOTE_SHARE_VERBS)
from .text import clean

PRONOUNS = {"it", "this", "that", "they", "which", "who", "what", "he", "she", "we", "others",
            "other", "one", "some", "all", "those", "these"}
LINK_PREPS = {"at", "to", "of", "from", "by", "around", "near", "above", "below", "over"}
TIME_UNITS = {"hours", "days", "weeks", "months", "years"}
DEGREE_WORDS = {"high", "low", "fast", "strong", "much", "many", "long", "far", "deep"}
COUNT_UNITS = {"seats", "votes", "points", "barrels"}  # what they count is themselves
GENERIC_MEASURES = {"amount", "total", "sum", "figure", "level", "value", "number"}


def noun_phrase(doc, noun, skip: set[int] = frozenset(), tail: bool = True) -> str:
    """A noun with its modifiers and (with `tail`) an 'of'/'in' phrase after it: 'share of the
    vote'."""
    if noun.lower_ in PRONOUNS or noun.pos_ not in ("NOUN", "PROPN"):
        return ""
    left = min([c.left_edge.i for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")
                and c.i not in skip and not c.like_num] + [noun.i])
    words = [t.text for t in doc[left:noun.i + 1] if t.i not in skip
             and (t.i == noun.i or t.lower_ not in CURRENCY_CODES and t.text not in CURRENCY_CODES)
             and t.lower_ not in ("%", "percent", "pct")]  # "the rand firmed 1%": the rand
    for c in noun.rights if tail else ():
        inner = doc[c.i:c.right_edge.i + 1]
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "on") and not any(
                t.i in skip or t.like_num or t.lower_ in CURRENCY_CODES for t in inner):
            words.append(clean(doc[c.i:c.right_edge.i + 1].text))
            break
    return clean(" ".join(words).replace(" - ", "-"))


def clean_phrase(doc, prep) -> str:
    """A preposition's phrase as written, up to the end of its object."""
    return " ".join(doc[prep.i:prep.right_edge.i + 1].text.split())


def _subject(doc, verb) -> str:
    """The subject of the verb, or of the verb a participle or a joined verb hangs on
    ('diagnoses dropped, decreasing 18 percent', 'diagnoses rose and were up 24 percent')."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return noun_phrase(doc, subj) if subj.pos_ != "PRON" else ""
        if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.i == verb.i:
            break
        verb = verb.head
    return ""


def _prep_object(doc, tok, skip) -> str:
    """'47.9 percent of the vote', '$50,000 in assistance', '$1.1 billion in profits'."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "for", "on") and c.i > tok.i:
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if c.lower_ == "in" and pobj is not None and any(
                    d.dep_ == "det" and d.lower_ in ("the", "a", "an", "this", "that")
                    for d in pobj.children):
                continue  # "seized $1.2 million in the raids": where, not what the sum is
            if pobj is not None and not pobj.like_num:
                return noun_phrase(doc, pobj, skip)
    return ""


# How far along a thing is: 'the station is 90 percent complete'.
STATES_OF_WORK = {"complete", "completed", "done", "finished", "full", "built", "ready",
                  "operational", "vaccinated", "occupied"}


def _attached(doc, tok, skip) -> str:
    """What a number-with-unit token is attached to: its head noun, or the subject of its verb."""
    if tok.dep_ == "appos" and tok.head.i != tok.i:
        tok = tok.head  # "130 miles (209 km)": the same figure in other units
    found = _prep_object(doc, tok, skip)
    if found:
        return found
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "as" and head.head.lower_ in DEGREE_WORDS:
        owner = head.head.head  # "winds raging as high as 130 miles per hour"
        if owner.dep_ == "acl" and owner.head.pos_ == "NOUN":
            return noun_phrase(doc, owner.head, skip)
        if owner.pos_ in ("VERB", "AUX"):
            return _subject(doc, owner)
    if head.lower_ == "worth" and head.i > 0 and doc[head.i - 1].pos_ == "NOUN":
        return noun_phrase(doc, doc[head.i - 1], skip)  # "medical supplies worth $500,000"
    if tok.dep_ in ("compound", "amod", "nmod", "nummod") and head.pos_ == "NOUN" \
            and head.i > tok.i:
        return noun_phrase(doc, head, skip)  # "a 5 percent stake", "a $100,000 grant"
    if tok.dep_ == "pobj" and head.lower_ in ("over", "above", "below", "under", "near",
                                              "around", "at") and head.i > 0 and \
            doc[head.i - 1].pos_ == "NOUN" and doc[head.i - 1].head.i != head.i:
        return noun_phrase(doc, doc[head.i - 1], skip)  # "inflation over 1,200%"
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in LINK_PREPS | {"for"}:
        owner = head.head
        if owner.dep_ == "prep" and owner.head.pos_ in ("NOUN", "VERB"):
            owner = owner.head  # "winds of up to 130 mph"
        if owner.pos_ == "NOUN":
            return noun_phrase(doc, owner, skip)  # "interest rates at 0.5%"
        if owner.pos_ in ("VERB", "AUX"):
            obj = next((c for c in owner.children if c.dep_ == "dobj"), None)
            if obj is not None and head.lower_ in ("at", "to", "by"):
                return noun_phrase(doc, obj, skip)  # "held interest rates at 0.5%"
            return _subject(doc, owner)  # "inflation rose to 4.1%"
    if tok.dep_ == "npadvmod" and head.lower_ in ("up", "down") and head.head.pos_ in (
            "VERB", "AUX"):
        return _subject(doc, head.head)  # "diagnoses were up 24 percent"
    if tok.dep_ == "npadvmod" and head.pos_ == "ADJ" and head.dep_ == "acomp" and \
            head.lower_ in STATES_OF_WORK and head.head.pos_ in ("VERB", "AUX"):
        subject = _subject(doc, head.head)  # "the work is about 90 percent complete"
        return f"{subject} {head.text}" if subject else ""
    if tok.dep_ == "dobj" and head.dep_ == "acl" and head.lemma_.lower() in (
            "total", "amount", "reach", "exceed") and head.head.pos_ == "NOUN":
        return noun_phrase(doc, head.head, skip)  # "civil penalties totaling $1,162,500"
    if tok.dep_ in ("dobj", "npadvmod", "attr") and head.pos_ in ("VERB", "AUX"):
        if tok.dep_ == "dobj" and head.lemma_.lower() in VOTE_SHARE_VERBS \
                and tok.lower_ in ("%", "percent", "pct", "cent"):
            return "share of the vote"
        return _subject(doc, head)  # "prices rose 15 percent", "inflation is 4.1 percent"
    return ""


def verb_lemma(verb, table) -> str | None:
    """The verb's lemma as the table knows it; the small model lemmatises 'fined' as 'fin'."""
    low = verb.lower_
    for form in (verb.lemma_.lower(), low, low[:-1], low[:-2]):
        if form in table:
            return form
    return None


def percent(doc, num, end: int, skip) -> tuple[str, str, int] | None:
    """(measure, unit, end) for '15 percent', '15%', '15 per cent', '2 percentage points'."""
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in ("bps", "bp",
                                                                                "percent"):
        skip = set(skip) | {end, end + 1}
        end += 1  # "a 50-bps hike", "a 10-percent rise": the unit is no part of the measure
    words = [t.lower_ for t in doc[end:end + 2]]
    if words[:1] in (["bps"], ["bp"], ["bpts"]):
        unit, last = "basis points", end
    elif words[:1] in (["%"], ["percent"], ["pct"]):
        unit, last = "percent", end
    elif words == ["per", "cent"]:
        unit, last = "percent", end + 1
    elif words[:2] in (["percentage", "points"], ["percentage", "point"]):
        unit, last = "percentage points", end + 1
    elif words[:2] in (["basis", "points"], ["basis", "point"]):
        unit, last = "basis points", end + 1
    else:
        return None
    tok = doc[last]
    first = min(skip) if skip else num.i
    if 0 < first and doc[first].lower_ in ("over", "above", "below", "under") and \
            doc[first - 1].pos_ == "NOUN":
        return noun_phrase(doc, doc[first - 1], skip), unit, last + 1  # "joblessness over 80%"
    bracketed = _bracketed_share(doc, num, tok)
    if bracketed:
        return bracketed, unit, last + 1  # "declines among heterosexuals (35%)"
    measure = _attached(doc, tok, skip) or _attached(doc, num, skip)
    return measure, unit, last + 1


def _bracketed_share(doc, num, tok) -> str:
    """'dramatic declines among heterosexuals (35%)': a share in brackets after 'X among Y'
    measures X among Y."""
    head = tok.head
    if num.i == 0 or doc[num.i - 1].text != "(" or tok.dep_ != "appos" or head.dep_ != "pobj":
        return ""
    prep, top = head.head, head.head.head
    if prep.lower_ not in ("among", "in", "for", "of") or top.pos_ != "NOUN" or top.i > prep.i:
        return ""
    left = min([c.left_edge.i for c in top.lefts if c.dep_ in ("amod", "compound")] + [top.i])
    return clean(doc[left:head.i + 1].text)


# What pounds of money buy or fund ('two million pounds of funding'): else pounds of a thing
# weigh it ('36 pounds of methamphetamine').
MONEY_NOUNS = {"funding", "investment", "aid", "debt", "revenue", "spending", "money", "cash",
               "support", "loans", "taxpayers", "public", "savings", "damage", "fines", "sales"}


def _weight(doc, unit) -> bool:
    """'6 pounds of methamphetamine': pounds that weigh a thing, not money."""
    nxt = doc[unit.i + 1] if unit.i + 1 < len(doc) else None
    obj = doc[unit.i + 2] if unit.i + 2 < len(doc) else None
    if obj is not None and obj.pos_ == "DET":
        obj = doc[obj.i + 1] if obj.i + 1 < len(doc) else None
    return unit.lower_ in ("pound", "pounds") and nxt is not None and nxt.lower_ == "of" and \
        obj is not None and obj.lower_ not in MONEY_NOUNS


def money(doc, num, end: int, skip) -> tuple[str, str, int] | None:
    """(measure, currency code, end) for '$21 million', '2.42 billion euros', '₹135 crore'."""
    before = doc[num.i - 1] if num.i > 0 else None
    after = doc[end] if end < len(doc) else None
    code = None
    tok = num
    if before is not None and (before.text in CURRENCY_CODES and before.pos_ != "VERB"
                               or before.text[-1:] in "$\u20ac\u00a3"):  # (not 'won 2 million')
        code = CURRENCY_CODES.get(before.text) or CURRENCY_CODES.get(before.text[-1:])
        tok = before if before.head.i != num.i else num
    elif num.text[:1] in "$\u20ac\u00a3\u20b9":
        code = CURRENCY_CODES.get(num.text[:1])
    if after is not None and after.lower_ in CURRENCY_CODES and not code and \
            not _weight(doc, after):
        code, tok, end = CURRENCY_CODES[after.lower_], after, end + 1
    if not code:
        return None
    heads = (tok, num, doc[end - 1])  # "$25.2 billion": 'billion' is the syntactic head
    measure = next((m for m in (_prep_object(doc, t, skip) for t in heads) if m), "")
    if measure.lower() in GENERIC_MEASURES:
        measure = ""  # "for the amount of €2.4 billion": the amount of what the verb says
    for t in heads if not measure else ():
        while t.dep_ == "appos" and t.head.i != t.i:
            t = t.head  # "fined it ₹135 crore (about US$21 million)": the same sum, converted
        verb = t.head
        for _ in range(6):  # "was fined for (the amount of) $6.8 million"
            if verb.dep_ in ("prep", "pobj", "pcomp") and verb.head.i != verb.i and (
                    verb.pos_ != "VERB" or verb.dep_ == "pcomp"
                    and not verb_lemma(verb, MONEY_VERBS)):
                verb = verb.head  # "fined … for favouring services for the amount of €2.4bn"
            else:
                break
        lemma = verb_lemma(verb, MONEY_VERBS)
        if t.dep_ in ("dobj", "npadvmod", "dative", "attr", "pobj") and verb.pos_ == "VERB" \
                and lemma:
            measure = MONEY_VERBS[lemma]  # "fined the airline $4.5 million"
            more = [c.text for h in heads for c in h.lefts if c.dep_ == "amod"
                    and c.lower_ in ("additional", "new", "further", "extra", "emergency")]
            whom = next((c for h in (t, verb) for c in h.children if c.dep_ in ("prep", "dative")
                         and c.lower_ == "for" and c.i > t.i), None)
            measure = " ".join(more[:1] + [measure]) + (  # "an additional $56.5 million for
                " " + clean_phrase(doc, whom) if whom is not None else "")  # the people of X"
            break
    if not measure and end + 1 < len(doc) and doc[end].lower_ == "worth" \
            and doc[end + 1].lower_ == "of":
        pobj = next((p for p in doc[end + 1].children if p.dep_ == "pobj"), None)
        measure = noun_phrase(doc, pobj, skip) if pobj is not None else ""  # "$10bn worth of X"
    for t in heads:
        measure = measure or _attached(doc, t, skip)
    if measure.lower() in GENERIC_MEASURES or measure.lower() in CURRENCY_CODES:
        measure = ""  # "$3.4 trillion dollars": the currency is the unit, not the measure
    return measure, code, end


def measurement(doc, num, end: int, skip) -> tuple[str, str, int] | None:
    """(measure, unit, end) for '130 miles per hour', 'a 7.8 magnitude earthquake', '10 years'."""
    if end >= len(doc):
        return None
    word = doc[end]
    before = doc[num.i - 1] if num.i > 0 else None
    if before is not None and before.lower_ == "magnitude":
        word = before
    elif word.text == "-" and not doc[end - 1].whitespace_ and end + 1 < len(doc) and \
            doc[end + 1].lower_ in MEASURE_UNITS:
        word = doc[end + 1]  # "a 7.2-magnitude quake", "the 42-kilometer race"
    elif word.lower_ not in MEASURE_UNITS:
        return None
    if word.i == end and end + 1 < len(doc) and doc[end + 1].lower_ in ("old", "-old"):
        return None  # an age
    unit = MEASURE_UNITS[word.lower_]
    last = max(end, word.i)
    rate = last + 1
    if rate < len(doc) and doc[rate].text == "(":  # "130 miles (209 km) per hour"
        close = next((t.i for t in doc[rate:rate + 8] if t.text == ")"), None)
        rate = close + 1 if close is not None else rate
    if doc[rate:rate + 2].text.lower() == "per hour":
        unit = f"{unit} per hour"
        last = last if rate > last + 1 else last + 2
    elif doc[last + 1:last + 4].text.lower() == ") per hour":
        unit = f"{unit} per hour"  # "(209 km) per hour"
    if unit == "magnitude":
        quake = next((t for t in doc[num.i:num.i + 4] if t.lemma_.lower() in
                      ("earthquake", "quake", "tremor", "aftershock")), None)
        return ("earthquake magnitude" if quake is not None else "magnitude"), unit, last + 1
    if word.i > end:  # "the 42-kilometer race": the race, not "- kilometer race"
        skip = set(skip) | {end, word.i}
    measure = _attached(doc, word, skip)
    if not measure and unit in TIME_UNITS:
        measure = unit
    if not measure and unit in COUNT_UNITS:  # "some 8.6 million votes cast"
        done = next((c for c in word.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
        measure = f"{unit} {done.text}" if done is not None else unit
    if measure.split()[-1:] and measure.split()[-1].lower() in PEOPLE_NOUNS:
        return None
    return measure, unit, last + 1


# -- durations: "a three-day strike", "33 years in power", "the reading lasted two hours" --------

DURATION_UNITS = {"minute": "minutes", "hour": "hours", "day": "days", "week": "weeks",
                  "month": "months", "year": "years", "decade": "decades"}
# Words that make a number of days or years a point in time or an age, not a duration.
NOT_DURATION_AFTER = {"old", "-old", "ago", "earlier", "later", "before", "after", "from",
                      "previously", "since", "into", "younger", "older"}
NOT_DURATION_BEFORE = {"past", "last", "next", "first", "previous", "coming", "recent", "aged",
                       "age", "final", "early", "late", "within", "every", "each", "per"}
# Verbs whose subject is what lasted ("the talks lasted two days", "the strike will run for…").
LASTING_VERBS = {"last", "extend", "continue", "run", "take", "go", "stretch", "drag"}


def duration_unit(doc, end: int) -> tuple[str, int] | None:
    """(unit, index of the unit word) when a number ending before `end` counts time."""
    k = end + 1 if end < len(doc) and doc[end].text == "-" else end
    if k >= len(doc):
        return None
    unit = DURATION_UNITS.get(doc[k].lemma_.lower()) or DURATION_UNITS.get(doc[k].lower_)
    return (unit, k) if unit else None


def duration(doc, num, start: int, end: int) -> tuple[str, str, int] | None:
    """(measure, unit, end) for a number of minutes … decades that says how long something lasts.

    The measure is what lasted: the noun the duration modifies ('three-day strike'), the unit's
    own phrase ('33 years in power', 'four days of industrial action'), the subject of a
    lasting verb ('the reading … lasted two hours'), or the verb with its subject and objects
    ('the lander had been operating for five months'). Ages, points in time ('two months ago',
    'the past two years') and durations whose thing is not said are left out.
    """
    found = duration_unit(doc, end)
    if found is None:
        return None
    unit, k = found
    before = doc[start - 1].lower_ if start > 0 else ""
    after = [t.lower_ for t in doc[k + 1:k + 3]]
    if before in NOT_DURATION_BEFORE or (after and (after[0] in NOT_DURATION_AFTER or
                                                    after[:2] == ["-", "old"])):
        return None
    word = doc[k]
    skip = set(range(start, k + 1))
    head = word.head
    if word.dep_ in ("compound", "amod", "npadvmod", "nmod") and head.pos_ == "NOUN" \
            and head.i > k:
        if head.lemma_.lower() in ("high", "low", "record", "average", "old"):
            return None  # "two-week highs", "a 52-week low": a level, not a duration
        return noun_phrase(doc, head, skip, tail=False), unit, k + 1  # "a three-day strike"
    if any(c.dep_ == "prep" and c.lower_ in ("in", "of", "as", "behind") for c in word.children):
        return noun_phrase(doc, word, set(range(start, k))), unit, k + 1  # "33 years in power"
    verb = head.head if word.dep_ == "pobj" and head.lower_ in ("for", "to") else head
    if verb.pos_ not in ("VERB", "AUX") or word.dep_ not in ("pobj", "npadvmod", "dobj"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    subject = noun_phrase(doc, subj) if subj is not None else ""
    if verb.lemma_.lower() in LASTING_VERBS:
        return (subject, unit, k + 1) if subject else None
    if word.dep_ == "dobj":
        return None  # "they spent two weeks": spent on what, the sentence does not say
    objects = [doc[c.i:c.right_edge.i + 1].text for c in verb.children
               if c.dep_ in ("dobj", "prep", "acomp") and c.i != head.i and c.i > verb.i
               and not any(t.i in skip or t.like_num for t in doc[c.i:c.right_edge.i + 1])]
    measure = clean(" ".join([subject, verb.text] + objects[:1]))
    return (measure, unit, k + 1) if subject or objects else None
