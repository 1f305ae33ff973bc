"""Names the tagger cut in pieces, joined again before anything reads them: 'U.S. Fish and
Wildlife Service', 'the UN Office for the Coordination of Humanitarian Affairs', 'the Southern
District of New York', 'the George Washington School', 'London Heathrow Airport'.

A name is built round a head noun written with a capital ('Service', 'Office', 'District',
'School'): the capitalised words before it (joined by 'of', 'for', 'and'), and after it 'of' or
'for' with the capitalised words they govern. It replaces the tagger's pieces only when it holds
them whole. A spaCy component: it sets `doc.ents` and nothing else.
"""
from __future__ import annotations

from spacy.tokens import Span

from .lexicon import LOWER_HEADS, ORG_HEADS, PLACE_HEADS, TITLE_HEADS

HEADS = ORG_HEADS | PLACE_HEADS
LINKS = {"of", "for", "and", "&"}
NOT_NAME = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
DETERMINERS = {"the", "a", "an", "this", "that", "its", "their", "his", "her"}


def _capital(tok) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha or tok.text in ("U.S.", "U.N.", "U.K.") \
        or (tok.text[:1].isupper() and tok.text.replace(".", "").replace("-", "").isalpha())


def _word(tok) -> bool:
    """A capitalised word that can stand inside a name: not a determiner opening a sentence,
    not a number, date or title ('Director')."""
    if not _capital(tok) or tok.lower_ in DETERMINERS or tok.ent_type_ in NOT_NAME:
        return False
    if tok.is_sent_start and tok.pos_ != "PROPN" and not tok.ent_type_:
        return False
    return tok.lower_ not in TITLE_HEADS


def _in_full_name(doc, i: int) -> bool:
    """Token i is part of a person's name of two words or more ('Peter Smith')."""
    tok = doc[i]
    return tok.ent_type_ == "PERSON" and (tok.ent_iob_ == "I" or (
        i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I"))


def _left(doc, h: int) -> int:
    """Where the name ending in head h begins: never inside a person's name ('Peter Smith |
    of the University of Arizona')."""
    start = h
    i = h - 1
    while i >= 0:
        tok = doc[i]
        if _word(tok) and not _in_full_name(doc, i):
            start = i
            i -= 1
        elif tok.lower_ in LINKS and i > 0 and _word(doc[i - 1]) and start < h + 1:
            i -= 1
        elif tok.tag_ == "POS" and i == h - 1 and i > 0 and _word(doc[i - 1]) and \
                _plural_owner(doc[i - 1], tok):
            i -= 1  # "Workers' | Party", "People's | Party"; not "the Agency's | Office"
        elif tok.lower_ == "the" and i > 0 and doc[i - 1].lower_ in ("of", "for"):
            i -= 1
        else:
            break
    return start


def _right(doc, h: int) -> int:
    """Where the name with head h ends: 'Office | for the Coordination of Humanitarian
    Affairs', 'District | of New York'."""
    end = h + 1
    if end >= len(doc) or doc[end].lower_ not in ("of", "for"):
        return end
    i = end + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    while i < len(doc):
        tok = doc[i]
        if _word(tok) and (tok.ent_type_ != "PERSON" or tok.ent_iob_ == "B" and (
                i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I")):  # not a person's full name
            i += 1
            end = i
        elif tok.lower_ in ("of", "and", "&") and i + 1 < len(doc) and _word(doc[i + 1]) \
                and doc[i + 1].lower_ not in HEADS:
            i += 1
        else:
            break
    return end


def _plural_owner(word, mark) -> bool:
    """'Workers'', 'People's', 'Children's': a plural that a body is named for."""
    if mark.text in ("'", "\u2019"):
        return word.lower_.endswith("s")
    return word.lower_ in ("people", "children", "women", "men", "peoples")


def _owned_head(doc, start: int, h: int) -> bool:
    """'the Workers' Party', 'the People's Alliance': a body's head noun after a plural or
    possessive name word, after 'the' (the tagger often sees no name at all)."""
    return start > 0 and doc[start - 1].lower_ == "the" and h - start >= 2 and \
        doc[h - 1].tag_ == "POS" and doc[h].lower_ in OWNED_HEADS and \
        _plural_owner(doc[h - 2], doc[h - 1])


OWNED_HEADS = {"party", "union", "alliance", "front", "movement", "league", "congress",
               "association", "federation", "council", "fund", "rights", "court"}


def _spare(doc, ent, start: int, end: int) -> bool:
    """Whether what `ent` holds outside start..end is no name of its own: 'the', 'of', or one
    head word ('the Agency's | Office of')."""
    outside = [t for t in ent if t.i < start or t.i >= end]
    rest = [t for t in outside if t.lower_ not in DETERMINERS | LINKS and t.tag_ != "POS"]
    return len(rest) == 0 or (len(rest) == 1 and rest[0].lower_ in HEADS)


def _label(doc, start: int, end: int) -> str:
    words = {t.lower_ for t in doc[start:end]}
    return "ORG" if words & ORG_HEADS else "FAC"


def _hyphen_name(doc, h: int) -> int | None:
    """Where the capitalised name right before head h begins, across hyphens and the short
    lower-case particles they join ('Jemaat-e-Islami'); None where there is none or it is a
    person's or a people's name."""
    i, start = h - 1, None
    while i >= 0:
        tok = doc[i]
        if _word(tok) and not _in_full_name(doc, i) and tok.ent_type_ not in ("NORP", "DEMONYM"):
            start = i
            i -= 1
        elif tok.text == "-" and start is not None and i > 0 and (
                _capital(doc[i - 1]) or (doc[i - 1].is_lower and len(doc[i - 1]) <= 3 and i > 1
                                         and doc[i - 2].text == "-")):
            i -= 1
        elif tok.is_lower and len(tok) <= 3 and start is not None and tok.i > 0 \
                and doc[i - 1].text == "-" and doc[i + 1].text == "-":
            i -= 1
        else:
            break
    if start is None or doc[start].text == "-":
        return None
    return start


def _lower_heads(doc) -> list[Span]:
    spans = []
    for tok in doc:
        if tok.lower_ not in LOWER_HEADS or not tok.is_lower or tok.i == 0:
            continue
        start = _hyphen_name(doc, tok.i)
        if start is None or start == 0 or doc[start - 1].lower_ not in DETERMINERS | {
                "ruling", "opposition", "governing", "nationalist", "islamist"}:
            continue
        if not any(t.text == "-" for t in doc[start:tok.i]) and tok.i - start < 1:
            continue
        spans.append(Span(doc, start, tok.i, label="ORG"))
    return spans


def name_chains(doc):
    spans = _lower_heads(doc)
    for tok in doc:
        if tok.lower_ not in HEADS or not tok.is_title or tok.is_sent_start and tok.i + 1 < len(doc) \
                and not _capital(doc[tok.i - 1] if tok.i else tok):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in TITLE_HEADS and tok.lower_ in (
                "state", "interior", "home", "foreign", "defence", "defense", "energy"):
            continue  # "U.S. State Secretary X": a portfolio in a title, not a place
        start, end = _left(doc, tok.i), _right(doc, tok.i)
        while start < tok.i and doc[start].lower_ in LINKS:
            start += 1
        if end - start < 2:
            continue
        pieces = [e for e in doc.ents if e.start < end and e.end > start]
        if not pieces and _owned_head(doc, start, tok.i):
            spans.append(Span(doc, start, end, label="ORG"))  # "the Workers' Party (PT)"
            continue
        if not pieces or any(not _spare(doc, e, start, end) for e in pieces):
            continue  # a name only where the tagger saw part of it, and never half of a name
        if any(e.start <= start and e.end >= end for e in pieces):
            continue
        if any(e.label_ in ("GOV", "IGO") and e.start <= tok.i < e.end for e in pieces):
            continue  # a body the gazetteer knows by this head ('US Drug Enforcement Agency')
        spans.append(Span(doc, start, end, label=_label(doc, start, end)))
    if not spans:
        return doc
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(s.end <= k.start or s.start >= k.end for k in kept):
            kept.append(s)
    ents = [e for e in doc.ents if all(e.end <= k.start or e.start >= k.end for k in kept)]
    doc.ents = sorted(ents + kept, key=lambda e: e.start)
    return doc
