"""Repairs to the tagger's name spans, as token ranges: a body split at 'for'/'of' ('U.S. Agency
for International Development'), a name cut before its head ('National Democratic | Congress'),
hyphen fragments ('Inter-'), acronyms of laws, and diseases named like places ('Marburg virus').
Lookups only: each function takes the doc and returns ranges or sets; nothing is written.
"""
from __future__ import annotations

from .lexicon import COMPANY_HEADS, DISEASE_NEXT, NAME_PARTICLES, ORG_HEADS, TITLE_HEADS
from .parsed import column, having, positions, tokens

LINKS = {"for", "of", "and", "on"}
NOT_ORG_LABELS = {"LAW", "EVENT", "WORK_OF_ART", "PRODUCT", "NORP", "LANGUAGE"}


def extend_org(doc, start: int, end: int) -> tuple[int, int]:
    """Grow an organisation's span over words the tagger left outside it."""
    # left: "Agency for | International Development", "U.S. | Agency ..."
    while start >= 2 and doc[start - 1].lower_ in LINKS and doc[start - 2].is_title:
        k = start - 2
        if doc[k].lower_ not in ORG_HEADS:
            break
        while k > 0 and doc[k - 1].is_title and doc[k - 1].ent_type_ not in ("PERSON",) \
                and not doc[k - 1].is_sent_start:
            k -= 1
        start = k
    # right: "National Democratic | Congress", "Journal de | Angola"
    while end < len(doc) and doc[end].is_title and (
            doc[end].lower_ in ORG_HEADS or doc[end - 1].lower_ in NAME_PARTICLES):
        end += 1
    return start, end


def two_bodies(doc, start: int, end: int) -> list[tuple[int, int]]:
    """'Nigeria Labor Congress and Trade Union Congress': two bodies joined by 'and', each a
    name of two words or more ending in a body's head noun ('Ministry of Trade and Industry',
    'Bank and Trust Company' are one)."""
    ands = [k for k in range(start + 2, end - 2) if doc[k].lower_ == "and"]
    if len(ands) != 1:
        return [(start, end)]
    k = ands[0]
    if doc[k - 1].lower_ in ORG_HEADS and doc[end - 1].lower_ in ORG_HEADS and \
            doc[k + 1].is_title and doc[k + 1].lower_ not in ORG_HEADS and \
            doc[k - 2].lower_ not in LINKS:
        return [(start, k), (k + 1, end)]
    return [(start, end)]


def title_words(doc, start: int, end: int) -> bool:
    """'Turkish Energy | Minister Taner Yildiz': a nationality and a portfolio before a title
    and a person are words of the title, not a body ('Disney CEO Robert Iger' and 'Chinese
    Foreign Ministry Spokesperson X' name bodies)."""
    from .gazetteer import gazetteer

    if end + 1 >= len(doc) or end - start > 3 or doc[start].text not in gazetteer().demonyms:
        return False
    if any(t.lower_ in ORG_HEADS - COMPANY_HEADS for t in doc[start + 1:end]):
        return False  # "Chinese Foreign Ministry Spokesperson X": the ministry is a body
    if doc[end - 1].lower_ in COMPANY_HEADS and doc[end].lower_ not in PORTFOLIO_TITLES:
        return False  # "Ethiopian Airlines CEO X": a company; "Turkish Energy Minister X" not
    return doc[end].lower_ in TITLE_HEADS and doc[end + 1].ent_type_ == "PERSON"


PORTFOLIO_TITLES = {"minister", "secretary", "commissioner", "czar", "tsar"}


def fragment(doc, start: int, end: int) -> bool:
    """'Inter' of 'Inter-American': a piece of a hyphenated word, not a name."""
    return end < len(doc) and doc[end].text == "-" and not doc[end].whitespace_


def law_acronyms(doc) -> set[int]:
    """Tokens of an acronym in brackets after a law, an event or a work: '(ESA)' after the
    Endangered Species Act names the act, not a body."""
    out = set()
    for tok in having(doc, "text", "("):
        if tok.text == "(" and tok.i + 2 < len(doc) and doc[tok.i + 2].text == ")" \
                and tok.i > 0 and (doc[tok.i - 1].ent_type_ in NOT_ORG_LABELS or (
                    doc[tok.i - 1].is_title and doc[tok.i - 1].lower_ in LAW_HEADS)):
            out.add(tok.i + 1)
    return out


def common_acronyms(doc) -> set[str]:
    """'weapons of mass destruction (WMD)', 'intercontinental ballistic missiles (ICBMs)': an
    acronym in brackets for the lower-case words before it abbreviates a thing, not a name."""
    out = set()
    for tok in having(doc, "text", "("):
        if tok.text != "(" or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
            continue
        acro = doc[tok.i + 1].text
        letters = acro[:-1] if acro.endswith("s") and acro[:-1].isupper() else acro
        if not (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()):
            continue
        words = []
        for t in reversed(doc[max(0, tok.i - 6):tok.i]):
            if not t.is_alpha or not t.is_lower or t.pos_ in ("DET", "PRON"):
                break
            words.insert(0, t.lower_)
        if words and words[-1] not in ORG_HEADS and words[-1].rstrip("s") not in ORG_HEADS \
                and any(_abbreviates(letters.lower(), words[k:j]) for k in range(len(words))
                        for j in range(k + 1, len(words) + 1)):  # ('missile launches (ICBM)')
            # ('the electoral commission (EC)' names a body by its acronym)
            out |= {acro, letters, letters + "s"}
    return out


def _abbreviates(letters: str, words: list[str]) -> bool:
    """The letters start the first word, take one from the last word's start, and run through
    the words in order ('icbm' in 'intercontinental ballistic missiles')."""
    content = [w for w in words if w not in ("of", "and", "for", "the", "in", "on")]
    if not content or letters[0] != content[0][0] or letters[-1] != content[-1][0]:
        return False
    text, k = " ".join(content), 0
    for ch in letters:
        k = text.find(ch, k)
        if k < 0:
            return False
        k += 1
    return len(content) >= 2 or len(letters) <= 3


# The head words of a law's or an instrument's name: 'Executive Order (E.O.)'.
LAW_HEADS = {"act", "order", "law", "bill", "decree", "directive", "regulation", "treaty",
             "convention", "protocol", "statute", "code", "amendment", "resolution",
             "proclamation", "agreement", "accord", "pact", "accords"}


def law_name(doc, start: int, end: int) -> bool:
    """'the Immigration and Nationality Act', 'Presidential Proclamation': a law or an
    instrument, not a body."""
    while end > start and doc[end - 1].lower_ in ("and", ",", "&"):
        end -= 1  # "The Consent Agreement and" (the tagger's span stopped at 'and')
    return end - start >= 2 and doc[end - 1].is_title and doc[end - 1].lower_ in LAW_HEADS - {
        "convention", "code"}  # ("Convention People's Party" and codes name bodies too)


def disease_names(doc) -> set[str]:
    """Words the article uses as the name of a disease ('Ebola' in 'the Ebola outbreak')."""
    toks = tokens(doc)
    return {toks[j - 1].text for j in positions(doc, "lower", DISEASE_NEXT)
            if j > 0 and toks[j - 1].is_title}


def owned_bodies(doc, taken) -> list[tuple[int, int]]:
    """'U.N. Children's Fund', 'U.S. Marshals Service', 'Moscow Carnegie Center': a state's or an
    international body's abbreviation, or a city, then title-case words ending in a body's head
    noun, that the tagger missed. `taken(i)` tells whether token i already belongs to a name."""
    out = []
    for tok in having(doc, "ent_type", ("COUNTRY", "IGO", "CAPITAL", "GPE", "REGION")):
        if tok.i >= len(doc) - 2:
            break
        if tok.ent_type_ not in ("COUNTRY", "IGO", "CAPITAL", "GPE", "REGION") or tok.ent_iob_ != "B" \
                or not (tok.text.isupper() or tok.is_title):
            continue  # 'U.S. Marshals Service', 'Moscow Carnegie Center'
        end = tok.i + 1
        while end < len(doc) and (doc[end].is_title or doc[end].tag_ == "POS") \
                and not taken(end) and not doc[end].ent_type_ and end - tok.i <= 6:
            end += 1
        if end - tok.i >= 2 and doc[end - 1].lower_ in ORG_HEADS:
            out.append((tok.i, end))
    return out


# Common nouns that say what a body is, just before its name: 'social media giant Facebook',
# 'space exploration company SpaceX', 'the rebel group X'.
DESCRIPTORS = {"company", "firm", "giant", "maker", "automaker", "carmaker", "retailer",
               "airline", "carrier", "lender", "insurer", "conglomerate", "startup", "start-up",
               "broadcaster", "manufacturer", "producer", "developer", "provider", "operator",
               "chain", "group", "organization", "organisation", "charity", "network",
               "newspaper", "agency", "union", "party", "club", "team", "outfit"}


def described_bodies(doc, taken) -> list[tuple[int, int]]:
    """'social media giant Facebook': one to three title-case name words right after a common
    noun of a body that modifies them, which the tagger missed or took for a person."""
    out = []
    for tok in having(doc, "lower", DESCRIPTORS):
        if tok.i == len(doc) - 1 or tok.lower_ not in DESCRIPTORS or tok.pos_ != "NOUN" \
                or not tok.is_lower:
            continue
        start = end = tok.i + 1
        if _article_prefixed(doc, start):
            end = start + 3  # "the militant group al-Shabab"
        while end < len(doc) and end - start < 3 and doc[end].pos_ == "PROPN" and (
                doc[end].text[:1].isupper()) and doc[end].ent_type_ in ("", "PERSON", "ORG") \
                and not taken(end):
            end += 1
        if end == start or not (tok.head.i in range(start, end) and tok.dep_ == "compound"
                                or _article_prefixed(doc, start)):
            continue
        if end < len(doc) and doc[end].pos_ == "PROPN":
            continue  # a longer name the words belong to
        out.append((start, end))
    return out


def _article_prefixed(doc, i: int) -> bool:
    """'al-Shabab', 'el-Nour': a name that starts with the Arabic article, as the tokenizer
    cuts it ('al', '-', 'Shabab')."""
    return i + 2 < len(doc) and doc[i].lower_ in ("al", "el") and doc[i + 1].text == "-" \
        and not doc[i].whitespace_ and doc[i + 2].text[:1].isupper()


# What a vessel's or craft's name starts with: 'MY Esperanza', 'USS Cole', 'Space Shuttle X'.
VESSEL_PREFIXES = {"my", "mv", "rv", "hms", "uss", "ss", "ms", "hmcs", "ins", "fv"}


def vessels(doc) -> list[tuple[int, int, int]]:
    """(start, name start, end) of vessels and spacecraft named with their prefix: 'MY
    Esperanza', 'Space Shuttle Endeavour'; the names are things, not people or bodies."""
    out = []
    lower = column(doc, "lower")
    i = 0
    while i < len(doc) - 1:
        if lower[i] not in VESSEL_PREFIXES and lower[i] not in ("space", "shuttle"):
            i += 1  # none of the three can start here
            continue
        t = doc[i]
        k = None
        if t.text.isupper() and t.lower_ in VESSEL_PREFIXES and doc[i + 1].is_title:
            k = i + 1
        elif t.lower_ == "space" and doc[i + 1].lower_ == "shuttle" and i + 2 < len(doc) and \
                doc[i + 2].is_title:
            k = i + 2
        elif t.lower_ == "shuttle" and doc[i + 1].is_title and doc[i + 1].pos_ == "PROPN" and \
                (i == 0 or doc[i - 1].lower_ != "space"):
            k = i + 1
        if k is None:
            i += 1
            continue
        end = k
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and end - k < 3:
            end += 1
        out.append((i, k, end))
        i = end
    return out


# The last words of an event's name: 'the IIHF World Junior Hockey Championship'.
EVENT_NAME_HEADS = {"championship", "championships", "cup", "olympics", "games", "tournament",
                    "conference", "summit", "festival", "expo", "marathon", "prix", "dialogue"}


def event_name(doc, start: int, end: int) -> bool:
    """A name that ends in a word for a contest or a gathering names an event, not a body."""
    return end - start >= 2 and doc[end - 1].lower_ in EVENT_NAME_HEADS and doc[end - 1].is_title
