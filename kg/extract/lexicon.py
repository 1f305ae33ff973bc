"""General word lists the extractors use: titles, speech verbs, event triggers, hedges.

Nothing here names a fact from any article; these are the words news English uses for them.
"""
from __future__ import annotations

from functools import lru_cache

# Head nouns of posts ("Deputy Homeland Security Adviser", "Minister of Public Security").
TITLE_HEADS = {
    "president", "vice-president", "minister", "secretary", "adviser", "advisor", "director",
    "chairman", "chairwoman", "chair", "chairperson", "chief", "commissioner", "ambassador",
    "governor", "mayor", "senator", "representative", "congressman", "congresswoman",
    "spokesman", "spokeswoman", "spokesperson", "general", "admiral", "judge", "justice",
    "chancellor", "king", "queen", "premier", "envoy", "administrator", "leader", "ceo",
    "executive", "head", "commander", "prosecutor", "attorney", "counsel", "officer",
    "undersecretary", "under-secretary", "czar", "tsar", "coordinator", "emir",
    "prince", "sheikh", "pope", "speaker", "treasurer", "comptroller", "inspector",
    "superintendent", "consul", "delegate", "negotiator", "president-elect", "founder",
    "manager", "economist", "analyst", "professor", "researcher", "scientist", "editor",
    "lawyer", "mediator", "principal", "investigator", "coach", "captain", "dean", "rector",
    "astronaut", "cosmonaut", "pilot", "driver",
}
# Titles written short before a name ('BSP Gov. Felipe Medalla', 'Sen. X', 'Gen. X').
TITLE_ABBREVIATIONS = {"gov.": "Governor", "sen.": "Senator", "rep.": "Representative",
                       "gen.": "General", "adm.": "Admiral", "amb.": "Ambassador",
                       "atty.": "Attorney", "supt.": "Superintendent", "pres.": "President",
                       "sec.": "Secretary", "capt.": "Captain", "cmdr.": "Commander",
                       "col.": "Colonel", "lt.": "Lieutenant", "maj.": "Major", "sgt.": "Sergeant",
                       "insp.": "Inspector", "prof.": "Professor"}
TITLE_HEADS |= set(TITLE_ABBREVIATIONS)
# Words that may stand inside a title before its head ("Deputy", "Foreign", "Prime").
TITLE_MODIFIERS = {"deputy", "vice", "prime", "foreign", "acting", "former", "interim",
                   "assistant", "associate", "senior", "chief", "principal", "special", "top",
                   "general", "executive", "first", "second", "under", "lead", "national"}
NAME_PARTICLES = {"da", "de", "do", "dos", "das", "del", "della", "di", "van", "von", "der",
                  "den", "bin", "binti", "al", "el", "la", "le", "ibn", "ben", "wa"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "mr.", "mrs.", "ms.", "dr.",
              "mister", "missus", "mizz"}  # (the last three: VOA Special English spells them)
FEMALE_HONORIFICS = {"mrs", "ms", "mrs.", "ms.", "dame", "lady", "madam", "queen", "missus", "mizz"}
MALE_HONORIFICS = {"mr", "mr.", "sir", "lord", "king", "mister"}

SPEECH_VERBS = {
    "say", "tell", "add", "underscore", "stress", "emphasize", "emphasise", "note", "state",
    "declare", "describe", "announce", "explain", "insist", "argue", "warn", "claim", "write",
    "tweet", "ask", "reply", "respond", "remark", "acknowledge", "admit", "confirm", "hope",
    "urge", "call", "caution", "predict", "suggest", "assert", "maintain", "contend", "allege",
    "accuse", "report", "recall", "observe", "point", "conclude", "vow", "pledge", "promise",
    "believe", "estimate", "concede", "reiterate", "repeat",
}
# Verbs whose clausal complement is a claim (indirect speech).
CLAIM_VERBS = {"say", "claim", "allege", "insist", "argue", "maintain", "assert", "contend",
               "state", "accuse", "warn", "believe", "report", "estimate", "tell", "suggest",
               "stress", "note", "acknowledge", "admit", "confirm", "deny", "predict",
               "write", "announce", "add", "argue", "explain", "project", "forecast",
               "conclude", "determine", "complain"}
DENIAL_VERBS = {"deny", "reject", "dismiss", "refute", "dispute", "rebut", "contest"}
CLAIM_NOUNS = {"claim", "claims", "allegation", "allegations", "accusation", "accusations",
               "charge", "charges", "assertion", "report", "reports", "suggestion"}

MEETING_TRIGGERS = {"talks", "meeting", "meetings", "negotiations", "discussions", "dialogue",
                    "conference", "consultations", "round", "session", "roundtable", "visit"}
MEETING_VERBS = {"meet"}
SUMMIT_TRIGGERS = {"summit", "summits"}
ENFORCEMENT_TRIGGERS = {
    "sanction": "sanctions", "sanctions": "sanctions", "indictment": "indictments",
    "indictments": "indictments", "indict": "indictments", "arrest": "arrests",
    "arrests": "arrests", "seize": "seizure", "seizure": "seizure", "seizures": "seizure",
    "raid": "raid", "raids": "raid", "extradite": "extradition", "extradition": "extradition",
    "charge": "charges", "fine": "fine", "fined": "fine", "ban": "ban", "blacklist": "blacklisting",
    "embargo": "embargo", "designate": "designation",
    "prosecute": "prosecution", "prosecution": "prosecution",
    "suspend": "suspension", "suspension": "suspension", "detain": "detention",
    "expel": "expulsion", "expulsion": "expulsion", "disqualify": "disqualification",
    "recall": "recall", "revoke": "revocation", "confiscate": "seizure", "penalty": "penalty",
    "penalties": "penalty", "restriction": "restrictions", "restrictions": "restrictions",
}
NOT_HAPPENED = {"future", "next", "upcoming", "planned", "possible", "potential", "proposed",
                "further", "new"}

AGREEMENT_VERBS = {"agree", "sign", "conclude", "ink", "strike", "seal", "announce",
                   "finalize", "finalise"}
AGREEMENT_NOUNS = {"agreement", "deal", "accord", "pact", "treaty", "memorandum", "understanding",
                   "consensus", "truce", "ceasefire", "cease-fire", "compact", "arrangement",
                   "framework", "settlement", "contract", "protocol", "convention", "merger"}

QUALIFIERS = [
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "as much as", "nearly", "almost", "about", "around", "roughly", "approximately", "some",
    "over", "under", "close to", "an estimated", "estimated", "just over", "just under",
    "well over", "upwards of", "a record", "only", "as high as", "as low as", "as fast as",
    "as long as",
]
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
          "hundred": 100, "mn": 10**6, "bn": 10**9, "m": 10**6, "k": 10**3,
          "crore": 10**7, "lakh": 10**5}
RATES = {"a year": "per year", "per year": "per year", "each year": "per year",
         "every year": "per year", "annually": "per year", "a year.": "per year",
         "a day": "per day", "per day": "per day", "each day": "per day", "daily": "per day",
         "a month": "per month", "per month": "per month", "each month": "per month",
         "monthly": "per month", "a week": "per week", "per week": "per week",
         "weekly": "per week"}
COMPARATIVE_MEASURES = {"potent": "potency", "powerful": "potency", "deadly": "deadliness",
                        "lethal": "lethality", "likely": "likelihood", "expensive": "cost",
                        "costly": "cost", "cheap": "cost", "large": "size", "big": "size",
                        "small": "size", "strong": "strength", "fast": "speed",
                        "addictive": "addictiveness", "toxic": "toxicity", "high": "level",
                        "low": "level"}
PEOPLE_NOUNS = {"people", "persons", "individuals", "residents", "civilians", "children",
                "adults", "americans", "patients", "workers", "migrants", "men", "women",
                "kids", "babies", "infants", "villagers", "passengers", "miners", "soldiers",
                "refugees", "students", "voters"}
SUBSTANCE_CLASS_NOUNS = {"opioid", "opioids", "stimulant", "drug", "drugs", "chemical",
                         "narcotic", "sedative", "hallucinogen", "painkiller", "anesthetic",
                         "anaesthetic", "compound", "depressant", "substance", "agent",
                         "tranquilizer", "tranquiliser", "analgesic", "toxin", "poison",
                         "element", "metal", "herbicide", "pesticide", "gas"}

GOV_HEADS = {"ministry", "department", "agency", "administration", "bureau", "commission",
             "office", "council", "service", "police", "treasury", "parliament", "congress",
             "senate", "court", "government", "cabinet", "army", "navy", "military", "guard",
             "centers", "centre", "center", "authority", "directorate", "secretariat",
             "assembly", "customs", "forces", "ministry's", "inspectorate", "regulator"}
COMPANY_HEADS = {"inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "llc", "plc",
                 "co", "co.", "company", "group", "holdings", "technologies", "pharmaceuticals",
                 "pharma", "bank", "airlines", "motors", "industries", "labs", "laboratories",
                 "systems", "energy", "petroleum", "oil", "entertainment", "media", "studios",
                 "pictures", "communications", "telecom", "networks", "resources", "mining",
                 "insurance", "partners", "ventures", "financial", "securities", "electronics",
                 "software", "semiconductor", "foods", "brands", "aerospace", "chemicals",
                 "steel"}
CRIMINAL_HEADS = {"cartel", "cartels", "gang", "gangs", "mafia", "syndicate", "triad",
                  "mob", "militia"}
WORKING_GROUP_HEADS = {("working", "group"), ("task", "force"), ("joint", "commission"),
                       ("joint", "committee"), ("contact", "group"), ("working", "groups")}
FACILITY_NOUNS = {"guesthouse", "hotel", "palace", "hall", "building", "airport", "house",
                  "center", "centre", "headquarters", "embassy", "compound", "stadium",
                  "square", "port", "base", "university", "hospital", "prison", "court"}
# What a count of people affected by a verb measures: "killing 2,100 people", "injuring 9,000".
AFFECTED = {"kill": "people killed", "injure": "people injured", "wound": "people wounded",
            "displace": "people displaced", "evacuate": "people evacuated",
            "arrest": "people arrested", "detain": "people detained", "rescue": "people rescued",
            "hospitalize": "people hospitalised", "hospitalise": "people hospitalised",
            "infect": "people infected", "sicken": "people sickened", "strand": "people stranded",
            "deport": "people deported", "employ": "people employed", "hire": "people hired",
            "lay": "people laid off", "vaccinate": "people vaccinated", "save": "people saved",
            "recover": "people recovered", "treat": "people treated"}
CURRENCIES = {"$": "US dollars", "US$": "US dollars", "\u20ac": "euros", "\u00a3": "pounds",
              "\u00a5": "yen", "dollars": "US dollars", "dollar": "US dollars", "euros": "euros",
              "euro": "euros", "pounds": "pounds", "yuan": "yuan", "yen": "yen",
              "rupees": "rupees", "pesos": "pesos", "roubles": "roubles", "rubles": "roubles"}


# Head nouns that make a capitalised name a place ("La Altagracia Province", "Gatwick Airport").
PLACE_HEADS = {"province", "district", "region", "county", "state", "city", "island", "islands",
               "river", "mountain", "mountains", "mount", "lake", "valley", "airport", "square",
               "street", "avenue", "bay", "sea", "ocean", "coast", "peninsula", "desert", "park",
               "village", "town", "highway", "bridge", "strait", "gulf", "canal", "falls",
               "mine", "prefecture", "territory", "oblast", "governorate", "municipality",
               "stadium", "arena", "palace", "station", "harbour", "harbor", "port", "camp",
               "prison", "cathedral", "mosque", "temple", "plaza", "tower", "beach", "base",
               "bazaar", "market", "volcano", "glacier", "reservoir", "dam", "hills"}
# Units of a country's map: 'the province of X' names a place.
ADMIN_UNITS = {"province", "city", "state", "region", "district", "county", "village", "town",
               "prefecture", "municipality", "governorate", "oblast", "territory", "island",
               "islands", "department", "commune", "township", "emirate", "canton"}
# First words that make a capitalised name a place ("Mount Merapi", "Lake Malawi").
PLACE_FIRST = {"mount", "mt", "mt.", "lake", "cape", "fort", "isla", "monte", "sierra", "gulf",
               "bay", "river", "circuit"}
# Head nouns that make a capitalised name an organisation ("Jesus School", "Labour Party").
ORG_HEADS = GOV_HEADS | COMPANY_HEADS | {
    "school", "university", "college", "party", "committee", "federation", "union",
    "association", "institute", "foundation", "fund", "front", "movement", "alliance",
    "organization", "organisation", "club", "team", "network", "airways", "news", "league",
    "church", "society", "board", "programme", "program", "academy", "coalition", "trust",
    "hospital", "observatory", "mission", "corps", "unit", "brigade", "council", "panel"}
# Lower-case heads that make the capitalised words before them a body's name: 'the
# Jemaat-e-Islami party', 'the ruling Zanu-PF party', 'the Ennahda movement'.
LOWER_HEADS = {"party", "movement"}
# Words that end a name span but are not part of the name ("Small Borders of", "Inter-").
SPAN_TAIL = {"of", "the", "for", "and", "-", "'s", "\u2019s", "'", "\u2019", "(", "on", "in", "at"}
# A capitalised word before these is a disease or a pathogen, not a place or a body
# ("Marburg virus", "Ebola outbreak").
DISEASE_NEXT = {"virus", "viruses", "fever", "disease", "outbreak", "epidemic", "vaccine",
                "vaccines", "strain", "infection", "infections", "patients", "cases", "pandemic"}
# Capitalised words the tagger takes for names that are not named things.
NOT_NAMES = {"utc", "gmt", "est", "edt", "pst", "pdt", "cet", "west", "east", "north", "south",
             "republic", "metro", "am", "pm", "a.m.", "p.m.", "d.c.", "dc", "m.d.", "md",
             "ph.d.", "phd", "mph", "m.p.h."}  # (degrees after a name: "X, M.D.")
# ISO 4217 codes of currency signs and names (kg:unit of an amount of money).
CURRENCY_CODES = {"$": "USD", "US$": "USD", "\u20ac": "EUR", "\u00a3": "GBP", "\u00a5": "JPY",
                  "\u20b9": "INR", "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
                  "pounds": "GBP", "yuan": "CNY", "yen": "JPY", "rupees": "INR", "rupee": "INR",
                  "roubles": "RUB", "rubles": "RUB", "francs": "CHF", "won": "KRW",
                  "rand": "ZAR", "naira": "NGN", "shillings": "KES", "crore": "INR"}
# Units of measure a number can carry ("130 miles per hour", "7.8 magnitude", "10 years").
MEASURE_UNITS = {"mile": "miles", "miles": "miles", "km": "kilometers", "kilometer": "kilometers",
                 "kilometers": "kilometers", "kilometre": "kilometers",
                 "kilometres": "kilometers", "meter": "meters", "meters": "meters",
                 "metres": "meters", "feet": "feet", "foot": "feet", "tonnes": "tonnes",
                 "tons": "tonnes", "tonne": "tonnes", "ton": "tonnes", "kg": "kilograms",
                 "kilograms": "kilograms", "kilos": "kilograms", "kilo": "kilograms",
                 "grams": "grams", "gram": "grams", "ounces": "ounces", "pounds": "pounds",
                 "pound": "pounds", "acres": "acres",
                 "hectares": "hectares", "hours": "hours", "hour": "hours", "days": "days",
                 "day": "days", "weeks": "weeks", "week": "weeks", "months": "months",
                 "month": "months", "years": "years", "year": "years", "mph": "miles per hour",
                 "degrees": "degrees", "magnitude": "magnitude", "barrels": "barrels",
                 "points": "points", "seats": "seats", "votes": "votes"}
# Verbs whose object is a share of the vote ("took 47.9 percent").
VOTE_SHARE_VERBS = {"take", "win", "obtain", "receive", "get", "secure", "garner", "poll",
                    "capture", "gain"}
# Verbs whose object, an amount of money, is a kind of payment ("fined … $21 million").
MONEY_VERBS = {"fine": "fine", "pay": "payment", "spend": "spending", "invest": "investment",
               "earn": "earnings", "lose": "loss", "raise": "funds raised", "owe": "debt",
               "borrow": "loan", "lend": "loan", "donate": "donation", "pledge": "pledge",
               "award": "award", "allocate": "allocation", "budget": "budget",
               "provide": "assistance", "give": "assistance", "seize": "money seized",
               "recover": "money recovered", "steal": "money stolen",
               "embezzle": "money embezzled", "launder": "money laundered"}

# Verbs a central bank sets a rate with ('cut its key rate', 'held rates at 0.5%').
RATE_VERBS = {"cut", "raise", "hike", "hold", "keep", "lower", "leave", "increase", "reduce",
              "lift", "set", "maintain", "trim", "slash", "halve"}
# Offices a person leaves ('left his post', 'quit the cabinet').
POSTS = {"post", "job", "office", "position", "seat", "role", "presidency", "premiership",
         "cabinet", "government", "party"}



def unrealised_verbs(use: str) -> frozenset[str]:
    """The verbs of data/unrealised_verbs.tsv that count where `use` says ('clause', 'attempt',
    'self'): one table for every stage that asks whether a thing was done or only planned."""
    return _unrealised().get(use, frozenset())


@lru_cache(maxsize=1)
def _unrealised() -> dict[str, frozenset[str]]:
    from importlib import resources

    text = resources.files("kg.extract").joinpath("data", "unrealised_verbs.tsv").read_text()
    uses: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, _what, where = line.split("\t")
        for use in where.split(","):
            if use not in ("clause", "attempt", "self"):
                raise ValueError(f"unrealised_verbs.tsv: {lemma}: unknown use {use!r}")
            uses.setdefault(use, set()).add(lemma)
    return {k: frozenset(v) for k, v in uses.items()}
