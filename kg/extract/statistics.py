"""Statistics: every number that counts something, with its value as a decimal, what it
measures, its qualifier, period, place, source, and for ratios what it is compared to.

"More than 100,000 people died … in 2022, according to the CDC" and "50 times more potent
than heroin"; "dozens" is not a number, and neither are years, ages or ordinals.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from decimal import Decimal, InvalidOperation

from rdflib import Literal
from rdflib.namespace import XSD

from .coref import actor_of, subject_of
from .gazetteer import gazetteer
from .lexicon import (AFFECTED, COMPARATIVE_MEASURES, CURRENCY_CODES, MEASURE_UNITS, PEOPLE_NOUNS, QUALIFIERS,
                      RATES, SCALES)
from .model import ArticleContext, Node
from .parsed import column, parsed, positions
from .registry import extractor
from . import units
from .text import clean
from ..vocab import KG

SKIP_ENTS = {"DATE", "TIME", "ORDINAL"}
_QUALS = sorted(QUALIFIERS, key=lambda q: -len(q.split()))


# Numbers news writes in words ("four people died", "seventy-three billion dollars").
_UNITS_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                "fourteen fifteen sixteen seventeen eighteen nineteen").split()
WORD_NUMBERS = {w: n for n, w in enumerate(_UNITS_WORDS)}
WORD_NUMBERS.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                     "seventy": 70, "eighty": 80, "ninety": 90})
# A lone small number word is only a count before a plural noun ("one" is too often a pronoun).
_LONE = {w for w, n in WORD_NUMBERS.items() if n >= 2} | {"dozen"}
_NUMBER_WORDS = set(WORD_NUMBERS) | _LONE  # a token number_at reads without a digit in it


DEFINITE = {"the", "these", "those", "their", "its", "his", "her", "our", "your", "both", "all",
            "first", "last", "top", "other", "my"}


def _definite(doc, tok) -> bool:
    """'the two men', 'its three causes', 'two companies, A and B': things named, not counted."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and (prev.lower_ in DEFINITE or prev.tag_ in ("PRP$", "POS")):
        return True
    after = tok.head.i + 1
    return after + 1 < len(doc) and (doc[after].text == "," and doc[after + 1].pos_ == "PROPN"
                                     or doc[tok.i + 1].lower_ == "or")


def _word_run(doc, i: int) -> tuple[Decimal, int] | None:
    """'four hundred', 'seventy-three billion', 'one trillion': (value, end) of a run of number
    words with at least one scale word, or None."""
    total, part, end, scaled = 0, 0, i, False
    while end < len(doc):
        w = doc[end].lower_
        if w in WORD_NUMBERS:
            part += WORD_NUMBERS[w]
        elif w == "-" and end > i and doc[end - 1].lower_ in WORD_NUMBERS:
            pass
        elif w == "hundred" and end > i:
            part, scaled = max(part, 1) * 100, True
        elif w in ("thousand", "million", "billion", "trillion") and end > i:
            total, part, scaled = total + max(part, 1) * SCALES[w], 0, True
        else:
            break
        end += 1
    while end > i and doc[end - 1].text == "-":
        end -= 1
    return (Decimal(total + part), end) if scaled else None


def number_at(doc, i: int) -> tuple[Decimal, int] | None:
    """(value, end index) for a numeral at token i, in digits or words, with a scale word."""
    tok = doc[i]
    if tok.lower_ not in _NUMBER_WORDS and not any(ch.isdigit() for ch in tok.text):
        return None  # most tokens: none of the branches below can take them
    if tok.lower_ in WORD_NUMBERS and tok.pos_ == "NUM":
        run = _word_run(doc, i)
        if run is not None:
            return run
    if WORD_NUMBERS.get(tok.lower_, 0) >= 20 and i + 2 < len(doc) and doc[i + 1].text == "-" \
            and 0 < WORD_NUMBERS.get(doc[i + 2].lower_, 0) < 10:  # "Forty-two people"
        return Decimal(WORD_NUMBERS[tok.lower_] + WORD_NUMBERS[doc[i + 2].lower_]), i + 3
    text = tok.text.replace(",", "")
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if tok.lower_ in WORD_NUMBERS and nxt in ("percent", "per", "%") and tok.lower_ != "zero" \
            and (nxt != "per" or doc[i + 2:i + 3].text.lower() == "cent"):
        value = Decimal(WORD_NUMBERS[tok.lower_])  # "forty percent", "five per cent"
    elif tok.lower_ in _LONE and tok.pos_ == "NUM" and not _definite(doc, tok) and (
            any(c.dep_ == "prep" and c.lower_ == "of" and any(p.tag_ == "NNS" for p in c.children)
                for c in tok.children)  # "nine of the suspects"
            or tok.head.pos_ == "NOUN" and tok.head.i > tok.i and tok.head.tag_ == "NNS"
            and tok.head.lower_ not in ("quarters", "thirds", "halves", "fifths", "tenths")):
        value = Decimal(12 if tok.lower_ == "dozen" else WORD_NUMBERS[tok.lower_])
    elif not any(ch.isdigit() for ch in text):
        return None
    else:
        try:
            value = Decimal(text.lstrip("$\u00a3\u20ac"))
        except InvalidOperation:
            return None
    end = i + 1
    if end < len(doc) and doc[end].lower_ in SCALES:
        value *= SCALES[doc[end].lower_]
        end += 1
    elif end < len(doc) and doc[end].lower_ == "dozen" and tok.lower_ != "dozen":
        value *= 12  # "nearly two dozen people": 24
        end += 1
    return value, end


def _maybe_numbers(doc) -> set[int]:
    """The tokens number_at can read (a number word, or a digit in the text); for every other
    token number_at and _duration_number return None."""
    out = set(positions(doc, "lower", _NUMBER_WORDS))
    for text, at in parsed(doc).where("text").items():
        if not text.isalpha() and any(map(str.isdigit, text)):  # (letters are no digits)
            out.update(at)
    return out


def _score_words(doc) -> list[int]:
    """Positions of the tokens whose lemma or lower-case text is a score word, ascending."""
    at = set(positions(doc, "lower", SCORE_WORDS))
    for lemma, where in parsed(doc).where("lemma").items():
        if lemma.lower() in SCORE_WORDS:
            at.update(where)
    return sorted(at)


def _duration_number(doc, i: int) -> tuple[Decimal, int] | None:
    """A number of minutes … decades ('three-day', '33 years'), whatever entity it is in."""
    tok = doc[i]
    if tok.ent_type_ == "ORDINAL" or (i > 0 and doc[i - 1].like_num):
        return None
    got = number_at(doc, i)
    if got is None and tok.lower_ in WORD_NUMBERS and tok.lower_ != "zero":
        got = Decimal(WORD_NUMBERS[tok.lower_]), i + 1
    if got is None or units.duration_unit(doc, got[1]) is None:
        return None
    return got


def decimal_text(value: Decimal) -> str:
    """100000 -> '100000', 1.50 -> '1.5' (never exponent notation)."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _qualifier(doc, i: int) -> tuple[str, int]:
    """The hedge before a number ('more than', 'an estimated') and where it starts."""
    lower = column(doc, "lower")
    for q in _QUALS:
        words = q.split()
        start = i - len(words)
        if start >= 0 and lower[start:i] == words:
            if start > 0 and lower[start - 1] in ("no", "not") and q in NEGATED:
                return NEGATED[q], start - 1  # "no less than 115 seats": at least 115
            return q.removeprefix("an ").removeprefix("a "), start
    return "", i


# A negated hedge reads the other way: 'no less than' is 'at least'.
NEGATED = {"less than": "at least", "fewer than": "at least", "more than": "at most"}


def _noun_phrase(doc, noun, skip: set[int]) -> str:
    left = min([c.left_edge.i for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")
                and c.i not in skip] + [noun.i])
    toks = [t for t in doc[left:noun.i + 1] if t.i not in skip]
    return clean(" ".join(t.text for t in toks).replace(" - ", "-"))


def _measure(ctx: ArticleContext, num, end: int, skip: set[int]) -> tuple[str, dict]:
    doc = ctx.doc
    extra: dict = {}
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.lower_ == "times":
        comp = [t for t in doc[end + 1:end + 4] if t.lower_ in COMPARATIVE_MEASURES or
                t.tag_ in ("JJR", "RBR") or t.lower_ in ("more", "less")]
        adj = next((t for t in doc[end + 1:end + 4] if t.lower_ in COMPARATIVE_MEASURES), None)
        than = next((t for t in doc[end + 1:end + 8] if t.lower_ == "than"), None)
        if than is not None:
            target = next((t for t in doc[than.i + 1:than.i + 6] if ctx.node_at(t.i)), None)
            extra["comparedTo"] = ctx.node_at(target.i) if target is not None else clean(
                doc[than.i + 1:than.right_edge.i + 1].text) or None
        extra["qualifier"] = "times"
        measure = COMPARATIVE_MEASURES.get(adj.lower_) if adj is not None else None
        return measure or clean(" ".join(t.text for t in comp)) or "ratio", extra
    if nxt is not None and nxt.lower_ == "per" and end + 1 < len(doc) and \
            number_at(doc, end + 1) is not None:  # "22.8 per 100,000 people": a rate
        base_value, base_end = number_at(doc, end + 1)
        unit = doc[base_end] if base_end < len(doc) and doc[base_end].pos_ == "NOUN" else None
        per = f"per {doc[end + 1:base_end].text}" + (f" {unit.text}" if unit is not None else "")
        extra["skip_to"] = base_end + (1 if unit is not None else 0)
        subj = _subject_phrase(doc, num, skip)
        return clean(f"{subj} {per}" if subj else per), extra
    tally = _vote_tally(doc, num)
    if tally:
        return tally, extra  # "voted 22 to 1": 22 votes in favour, 1 against
    part = _partitive(doc, num, skip)
    if part:
        return part, extra  # "nine of the alleged traffickers", "1,100 of the 1,950 flights"
    for reader in (units.percent, units.money, units.measurement):
        got = reader(doc, num, end, skip)
        if got is not None:
            measure, extra["unit"], extra["skip_to"] = got
            return measure, extra
    head = num.head if num.dep_ in ("nummod", "quantmod", "compound") else num
    while head.dep_ in ("nummod", "quantmod") and head.head.i != head.i:
        head = head.head
    if head.pos_ in ("NOUN", "PROPN") and head.i >= num.i and head.ent_type_ not in ("DATE",
                                                                                       "TIME"):
        phrase = _noun_phrase(doc, head, skip)
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i:
                phrase += " " + clean(doc[c.i:c.right_edge.i + 1].text)
        people = head.lower_ in PEOPLE_NOUNS | {"others"} or head.text in gazetteer().demonyms
        if people and head.dep_ == "dobj" and head.head.pos_ == "VERB":
            verb = head.head  # "killing 2,100 people", "killed 74,000 Americans"
            affected = AFFECTED.get(verb.lemma_.lower())
            if affected and head.lower_ in ("people", "persons", "individuals", "others"):
                return affected, extra
            if head.lower_ == "others":  # "driven 1.5 million others from their homes"
                away = next((c for c in verb.children if c.dep_ == "prep" and c.i > head.i
                             and c.lower_ in ("from", "out", "into", "to")), None)
                return clean(f"people {verb.text} " + (doc[away.i:away.right_edge.i + 1].text
                                                       if away is not None else "")), extra
            return clean(f"{phrase} {affected.split()[-1] if affected else verb.text}"), extra
        if head.dep_ == "nsubjpass" and head.head.pos_ == "VERB" and not people:
            return clean(f"{phrase} {head.head.text}"), extra  # "1,300 homes … destroyed"
        if people and head.dep_ == "nsubj" and head.head.lemma_ == "be":
            pred = next((c for c in head.head.children if c.i > head.i and c.dep_ in (
                "acomp", "advmod", "prep", "attr")), None)  # "61 people were on the boat"
            return clean(f"{phrase} " + (doc[pred.i:pred.right_edge.i + 1].text
                                         if pred is not None else "")), extra
        if people and head.dep_ in ("nsubj", "nsubjpass"):
            verb = head.head
            if head.lower_ in ("others", "people") and verb.lemma_.lower() in AFFECTED:
                return AFFECTED[verb.lemma_.lower()], extra  # "174 others have been rescued"
            if head.lower_ == "others" and head.dep_ == "nsubjpass" and verb.tag_ == "VBN":
                return f"people {verb.text}", extra  # "30 others were trapped"
            state = next((c for c in verb.children if c.dep_ == "acomp"), None)
            if head.lower_ == "others" and state is not None:  # "266 others remain unaccounted
                tail = next((c for c in state.children if c.i == state.i + 1 and c.dep_ in (
                    "prep", "prt")), None)  # for" (not "… as hope diminishes")
                end = state.i if tail is None else tail.right_edge.i if any(
                    c.dep_ == "pobj" for c in tail.children) else tail.i
                return clean("people " + doc[state.i:end + 1].text), extra
            preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "of")]
            phrase = clean(f"{phrase} {verb.text} " + " ".join(
                doc[p.i:p.right_edge.i + 1].text for p in preps[:1]))
        return phrase, extra
    if num.dep_ == "pobj" and num.head.lower_ == "of" and num.head.head.pos_ == "NOUN" and \
            num.head.head.lemma_.lower() not in OF_GENERIC and num.head.head.i < num.i:
        return _noun_phrase(doc, num.head.head, skip), extra  # "before a crowd of 2,106"
    if num.dep_ == "dobj" and num.head.lemma_.lower() in AFFECTED:
        return AFFECTED[num.head.lemma_.lower()], extra  # "injuring more than 9,000"
    who = next((c for c in num.children if c.dep_ == "relcl" and any(
        w.lower_ in ("who", "that") and w.dep_ in ("nsubj", "nsubjpass") for w in c.children)),
        None)
    if who is not None:  # "including nearly 900 who have died from the disease"
        return clean("people " + doc[who.left_edge.i:who.right_edge.i + 1].text), extra
    if num.dep_ == "pobj" and num.head.lower_ in ("to", "at") and num.head.head.pos_ == "VERB":
        obj = next((c for c in num.head.head.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ == "NOUN":  # "raises the admissions ceiling to 62,500"
            return _noun_phrase(doc, obj, skip), extra
    verb = num
    for _ in range(4):  # "cases rose to more than 127,000": what rose is what is counted
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.pos_ in ("NOUN", "PROPN") and ctx.node_at(subj.i) is None:
        return _noun_phrase(doc, subj, skip), extra
    return "", extra


# Nouns before 'of N' that name no measure of their own ('a total of 30', 'a score of 93').
OF_GENERIC = {"total", "number", "score", "average", "maximum", "minimum", "sum", "amount",
              "figure", "count", "tally", "group", "set", "series", "list", "range", "age"}


SCORE = re.compile(r"^(\d{1,3})[-\u2013](\d{1,3})$")
# Words that make 'N-M' a result: 'beat Britain 9-3', 'a 2-0 win', 'tied at 0-0'.
SCORE_WORDS = {"beat", "defeat", "win", "won", "lose", "lost", "draw", "drew", "tie", "tied",
               "edge", "thrash", "rout", "lead", "trail", "victory", "loss", "final", "match",
               "game", "score", "scoreline", "result"}


def _scores(ctx: ArticleContext, sent) -> tuple[list, set[int]]:
    """A match result 'N-M' as two figures, each side's score: 'Canada beat Britain 9-3',
    'Spain won 1-0', 'a 2-0 win over China'. The side that won is the subject."""
    doc = ctx.doc
    words = ctx.data.get("score_words")
    if words is None:
        words = ctx.data["score_words"] = _score_words(doc)
    k = bisect.bisect_left(words, sent.start)
    if k == len(words) or words[k] >= sent.end:  # no score word in the sentence
        return [], set()
    out, taken, pairs = [], set(), 0
    for t in sent:
        m = SCORE.match(t.text)
        if m:
            pair, first, last = (m.group(1), m.group(2)), t, t.i
        elif t.like_num and t.text.isdigit() and t.i + 2 < sent.end and \
                doc[t.i + 1].text in ("-", "\u2013") and not t.whitespace_ and \
                not doc[t.i + 1].whitespace_ and doc[t.i + 2].text.isdigit():
            pair, first, last = (t.text, doc[t.i + 2].text), t, t.i + 2
        else:
            continue
        if any(int(x) > 200 for x in pair) or t.ent_type_ in ("DATE", "TIME", "MONEY"):
            continue
        verb = first
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subj = subject_of(verb)
        winner = ctx.node_at(subj.i) if subj is not None else None
        loser = next((ctx.node_at(c.i) for c in verb.children if c.dep_ == "dobj"
                      and ctx.node_at(c.i) is not None), None) or next(
            (ctx.node_at(p.i) for c in first.head.subtree if c.lower_ in ("over", "against")
             for p in c.children if ctx.node_at(p.i) is not None), None)
        taken |= set(range(first.i, last + 1))
        pairs += 1
        for value, side in zip(pair, (winner, loser)):
            measure = f"{side.label} score" if side is not None and side.is_actor else "score"
            out.append((first, Decimal(value), "", measure, {}, last + 1))
    if pairs >= 3:  # '6-7, 2-6, 6-3, 6-2, 6-4': sets, whose games the text does not say
        out = [x for x in out if x[3] != "score"]
    return out, taken


# A year in words, as Special English writes one: 'two thousand four', 'nineteen ninety-nine'.
YEAR_IN_WORDS = re.compile(r"two thousand(?: and)?(?: [a-z-]+)?|nineteen [a-z]+(?:[ -][a-z]+)?")


def _age_or_model(ctx: ArticleContext, i: int, end: int) -> bool:
    """A person's age ('Andry Rajoelina (34)', 'Mbeki, 66,', '13 years of age', 'aged 75') or
    the number in a name ('Boeing 737', 'Falcon 9'): the gold rules leave both out."""
    doc = ctx.doc
    before = doc[i - 1] if i > 0 else None
    after = [t.lower_ for t in doc[end:end + 3]]
    if after[:1] == ["-"] and after[1:2] in (["million"], ["billion"], ["trillion"]):
        return True  # "a 1.6-billion-U.S.-dollar deal": a compound adjective read no further
    named_before = i > 1 and before.text in ("(", ",") and doc[i - 2].pos_ == "PROPN" and (
        ctx.node_at(i - 2) is None or ctx.node_at(i - 2).kind == "Person")
    if named_before and after[:1] in ([")"], [","]) and end - i == 1 and doc[i].text.isdigit() \
            and 0 < int(doc[i].text) < 120:
        return True
    if after[:3] in (["years", "of", "age"], ["year", "of", "age"]) or (
            before is not None and before.lower_ in ("aged", "age", "ages")):
        return True
    if i > 1 and before.text in ("-", "\u2013", "to") and doc[i - 2].like_num and i > 2 and \
            doc[i - 3].lower_ in ("aged", "age", "ages"):
        return True  # "ages 13-24": both ends of the range are ages
    if end - i == 1 and re.fullmatch(r"(19|20)\d\d", doc[i].text) and end < len(doc) and (
            doc[end].is_title and doc[end].pos_ in ("PROPN", "NOUN") or doc[end].tag_ == "NN"):
        return True  # "the 2004 Olympics", "its 2004 decision": a year, not a count
    if YEAR_IN_WORDS.fullmatch(doc[i:end].text.lower()) and end < len(doc) and \
            doc[end].tag_ == "NN":
        return True  # "the two thousand four decision": a year told in words
    if before is not None and before.lower_ == "in" and i > 1 and doc[i - 2].like_num:
        return True  # "1 in 7 people": the base of a ratio counts nothing
    if before is None or before.pos_ != "PROPN" or not before.is_title or end - i != 1 \
            or not doc[i].text.isdigit() or before.ent_type_ in ("DATE", "MONEY") \
            or (ctx.node_at(i - 1) is not None and ctx.node_at(i - 1).kind in ("Person",
                                                                              "Country", "Place")):
        return False
    num = doc[i]
    return num.head.i == before.i or before.head.i == num.i or (
        num.head.i == before.head.i and num.dep_ == "nummod" and before.dep_ in ("compound",
                                                                                 "nmod"))


def _range_end(doc, end: int) -> tuple[int, int] | None:
    """'50 to 75 basis points', '3-4 percent': (index, end) of the range's other number."""
    if end + 1 >= len(doc) or doc[end].lower_ not in ("to", "-", "\u2013"):
        return None
    got = number_at(doc, end + 1)
    return (end + 1, got[1]) if got is not None else None


def _span_of_time(doc, end: int) -> bool:
    """'the 12-month period', 'a five-year term': a duration that names a span of time."""
    unit = units.duration_unit(doc, end)
    k = unit[1] + 1 if unit else len(doc)
    return k < len(doc) and doc[k].lower_ in ("period", "window", "span", "timeframe",
                                              "stretch")


def _partitive(doc, num, skip: set[int]) -> str:
    """'N of the (M) things': N counts the things; M, the whole, is counted on its own."""
    of = next((c for c in num.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or pobj.pos_ != "NOUN" or pobj.tag_ != "NNS":
        return ""
    inner = {t.i for t in pobj.lefts if t.like_num}
    phrase = _noun_phrase(doc, pobj, skip | inner)
    verb = num.head
    if num.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB":
        phrase = f"{phrase} {verb.text}"  # "nine of the traffickers were flown"
    return clean(phrase)


def _compared(doc, start: int) -> bool:
    """A figure set beside the one before it: 'compared to', 'up from', 'down from'."""
    words = [t.lower_ for t in doc[max(start - 2, 0):start]]
    return words[-1:] in (["from"], ["against"], ["versus"]) or words in (
        ["compared", "to"], ["compared", "with"])


def _tells_what(measure: str) -> bool:
    """A measure names a thing: not a pronoun, a relative clause or a lone verb."""
    words = measure.lower().split()
    return bool(words) and words[0] not in units.PRONOUNS and words[0] not in ("-", "which")


# Words that point back at a figure or only say it is one: 'that number had fallen to 63.9
# percent', '2.4% of the full total'; and the comparison no word names ('two times').
VAGUE = {"number", "total", "full total", "figure", "amount", "sum", "level", "ratio",
         "higher", "lower", "more", "less"}


def _vague(measure: str, extra: dict) -> bool:
    """A measure that says nothing of what is counted: a pointing word, or a bare currency word
    with no unit ('two and one-half billion dollars' misread as 2 'dollars'; but 'the rand
    firmed 1 percent' measures the rand)."""
    word = measure.lower().strip()
    return word in VAGUE or (word in CURRENCY_CODES and not extra.get("unit"))


# Units the readers do not convert: 'about 60 cents per liter' says what it costs in them.
SMALL_COINS = {"cent", "cents", "pence", "penny", "kopeks", "centimes"}
SIZE_UNITS = {w for w, unit in MEASURE_UNITS.items() if unit not in units.TIME_UNITS
              and unit not in units.COUNT_UNITS}  # ('six of the seven years' counts years)


def _in_a_name(doc, i: int) -> bool:
    """'ranked the No. 1 male player', 'the P5+1 group': a rank or a piece of a name."""
    return i >= 2 and (doc[i - 1].text == "." and doc[i - 2].lower_ == "no"
                       or doc[i - 1].text == "+" and not doc[i - 2].whitespace_
                       and doc[i - 2].text[:1].isupper())


def _misread_sum(doc, i: int) -> bool:
    """'more than two hundred eighty million euros' tagged a date: a number in words that a
    currency or 'percent' follows is a sum or a share, not a date."""
    got = number_at(doc, i) if doc[i].lower_ in WORD_NUMBERS else None
    return got is not None and got[1] < len(doc) and (
        doc[got[1]].lower_ in units.CURRENCY_CODES or doc[got[1]].lower_ in ("percent", "%"))


def _vote_tally(doc, num) -> str:
    """'The council voted 22 to 1': the votes for (the first number) and against (the second)."""
    first = num.i + 2 < len(doc) and doc[num.i + 1].lower_ == "to" and doc[num.i + 2].like_num
    second = num.i >= 2 and doc[num.i - 1].lower_ == "to" and doc[num.i - 2].like_num
    if not (first or second):
        return ""
    head = num
    for _ in range(3):
        head = head.head
        if head.lemma_.lower() == "vote" and head.pos_ in ("VERB", "NOUN"):
            return "votes in favor" if first else "votes against"
    return ""


def _bare_unit(measure: str, extra: dict) -> bool:
    """'60 cents', 'the 42-kilometer race' read as measure 'kilometer': the word is the unit,
    and what is measured is not said where the readers look; left out."""
    word = measure.lower().replace("-", " ").strip()
    return not extra.get("unit") and (word in SIZE_UNITS or word in SMALL_COINS)


def _subject_phrase(doc, num, skip: set[int]) -> str:
    """The subject of the verb a number hangs from: 'the death rate fell to 22.8 …'."""
    verb = num
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _noun_phrase(doc, subj, skip) if subj is not None and subj.pos_ == "NOUN" else ""


def _period(ctx: ArticleContext, sent, end: int):
    doc = ctx.doc
    near = [t.lower_ for t in doc[end:min(end + 4, sent.end)] if not t.is_punct]
    rest = [t.lower_ for t in doc[end:min(end + 6, sent.end)] if not t.is_punct]
    words, tail = " ".join(near), " ".join(rest)
    for phrase, rate in RATES.items():
        hit = words.startswith(phrase) or f" {phrase}" in words
        after = tail.split(phrase, 1)[1].split()[:1] if hit else []
        if hit and not (after and after[0] in ("earlier", "ago", "before", "later")):
            return Literal(rate)  # "a year", not "a year earlier"
    from .temporal import parse_when, precision, resolve

    for ent in ctx.sent_ents(sent):
        if ent.label_ != "DATE":
            continue
        when = parse_when(ent.text)
        lit = resolve(when, ctx.reference) if when is not None else None
        if lit is not None and precision(lit) == 1:
            return lit  # "in 2024", "last year"
        years = [t.text for t in ent if t.like_num and len(t.text) == 4
                 and t.text.isdigit() and t.text[:2] in ("19", "20")]
        if years:
            return Literal(years[0], datatype=XSD.gYear)
    return None


def _source(ctx: ArticleContext, sent) -> Node | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].lower_ \
                == "to":
            span = ctx.doc[tok.i + 2:ctx.doc[tok.i + 1].right_edge.i + 1]
            actors = [n for n in ctx.nodes_in(span.start, span.end) if n.is_actor]
            if actors:
                orgs = [a for a in actors if a.kind != "Country"]
                return (orgs or actors)[0]
    for tok in sent:
        if tok.lemma_ in ("say", "report", "estimate", "show", "find") and tok.pos_ == "VERB":
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                n = actor_of(ctx, subj)
                if n is not None and n.kind != "Person":
                    return n
    return None


def _place(ctx: ArticleContext, sent, source: Node | None) -> Node | None:
    for tok in sent:
        n = ctx.node_at(tok.i)
        if n is not None and n.kind in ("Country", "Place") and tok.dep_ == "pobj" \
                and tok.head.lower_ == "in" and n is not source and not ctx.in_quote(tok.idx):
            return n
    return None


@extractor("statistics", order=80,
           requires=(KG.Substance, KG.Place, KG.Country),
           assigns=(KG.Statistic, KG.value, KG.measure, KG.unit, KG.qualifier, KG.period, KG.place,
                    KG.reportedBy, KG.comparedTo, KG.about, KG.Actor, KG.Country, KG.represents))
def extract_statistics(ctx: ArticleContext) -> None:
    """Numbers that count something, with measure, qualifier, period, place and source."""
    doc = ctx.doc
    maybe = _maybe_numbers(doc)
    for sent in doc.sents:
        found, taken = _scores(ctx, sent)
        i = sent.start
        while i < sent.end:
            if i in taken or i not in maybe:  # no number can start here
                i += 1
                continue
            tok = doc[i]
            got = _duration_number(doc, i) or (
                number_at(doc, i) if tok.ent_type_ not in SKIP_ENTS or _misread_sum(doc, i)
                else None)
            n = ctx.node_at(i)
            if got is None or (n is not None and n.kind not in ("Substance",)):
                i += 1
                continue
            value, end = got
            if _in_a_name(doc, i) or (i > 0 and doc[i - 1].lower_ in (
                    "per", "primary", "grade", "class", "phase", "stage", "chapter", "article",
                    "section", "no", "no.", "route", "flight")) or \
                    (end < len(doc) and doc[end].lower_ in ("most", "best", "largest", "biggest")):
                i = end  # "19.8 deaths per 100,000 people", "the 10 most wanted list"
                continue
            if _age_or_model(ctx, i, end):
                i = end  # "Mbeki, 66,", "13 years of age", "Boeing 737": not a figure
                continue
            qual, qstart = _qualifier(doc, i)
            skip = set(range(qstart, end))
            if units.duration_unit(doc, end) is not None and _span_of_time(doc, end):
                i = end  # "in the 12-month period ending in April": a span, not a figure
                continue
            if units.duration_unit(doc, end) is not None:
                lasted = units.duration(doc, tok, qstart, end)
                measure, extra = "", {}
                if lasted is not None:
                    measure, extra["unit"], extra["skip_to"] = lasted
            else:
                measure, extra = _measure(ctx, tok, end, skip)
                partner = _range_end(doc, end)
                if partner is not None and not extra.get("unit"):  # "by 50 to 75 basis points"
                    p_measure, p_extra = _measure(ctx, doc[partner[0]], partner[1], skip)
                    if p_extra.get("unit"):
                        measure, extra = p_measure, {"unit": p_extra["unit"]}
            if not measure and found and _compared(doc, qstart):
                measure = found[-1][3]  # "seven million died, compared to 12 million in 1990"
                extra.setdefault("unit", found[-1][4].get("unit"))
            if measure and _tells_what(measure) and not _bare_unit(measure, extra) and \
                    not _vague(measure, extra):
                found.append((tok, value, qual, measure, extra, end))
            i = max(end, extra.get("skip_to", end))  # a rate's base is not a count
        if not found:
            continue
        source = _source(ctx, sent)
        place = _place(ctx, sent, source)
        subjects = [ctx.node_at(t.i) for t in sent if t.dep_ == "nsubj" and ctx.node_at(t.i)]
        for tok, value, qual, measure, extra, end in found:
            # One node per figure: the same value, unit and measure said again is the same fact.
            said = f"{decimal_text(value)}|{extra.get('unit')}|{measure.lower()}"
            key = hashlib.sha1(said.encode()).hexdigest()[:12]
            st = ctx.node(KG.Statistic, key)
            st.add(KG.value, Literal(decimal_text(value), datatype=XSD.decimal))
            st.add(KG.measure, measure)
            st.add(KG.unit, extra.get("unit"))
            st.add(KG.qualifier, extra.get("qualifier") if extra.get("qualifier") and not qual
                   else qual)
            if extra.get("qualifier") == "times" and qual:
                st.add(KG.qualifier, "times")
            st.add(KG.period, _period(ctx, sent, end))
            st.add(KG.place, place)
            st.add(KG.reportedBy, source)
            if "comparedTo" in extra:
                st.add(KG.comparedTo, extra["comparedTo"])
                about = next((s for s in subjects if s is not extra["comparedTo"]), None)
                st.add(KG.about, about)
            else:
                subs = [(abs(i - end), i, n) for i in range(sent.start, sent.end)
                        if (n := ctx.node_at(i)) is not None and n.kind == "Substance"]
                st.add(KG.about, min(subs, key=lambda x: x[:2])[2] if subs else None)
                # ("36 kilos of cocaine, 6 pounds of methamphetamine": the nearest one)
            st.evidence(*ctx.sentence_span(sent))
