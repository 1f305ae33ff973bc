"""Match extracted facts to gold facts, kind by kind, and count precision and recall.

Each gold fact matches at most one extracted fact and the other way round (a maximum bipartite
matching), so a fact extracted twice is one true positive and one false positive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .load import KINDS, GoldArticle
from .names import Names, norm, tokens

COARSE_OF = {"GovernmentBody": "Organization", "Company": "Organization",
             "CriminalOrganization": "Organization", "Delegation": "Organization",
             "WorkingGroup": "Organization"}
SAME_EVENT = {"Summit": "Meeting"}  # a summit is a meeting of leaders: either class will do


@dataclass
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[dict] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)

    def add(self, other: "KindScore") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleScore:
    gold: GoldArticle
    kinds: dict[str, KindScore]


# -- gold side: names expanded through the article's own entity list ---------------------------

class GoldNames:
    """Turns a name the gold file uses into every name of that entity the gold file lists."""

    def __init__(self, entities: list[dict]) -> None:
        self.groups = [Names(_as_list(e["name"]) + _as_list(e.get("aka"))) for e in entities]

    def __call__(self, name) -> Names:
        """The names given, with every other name of each entity they belong to."""
        names = Names(_as_list(name))
        extra = [r for group in self.groups if names.forms & group.forms for r in group.raw]
        return Names(names.raw + extra) if extra else names


def _as_list(value) -> list:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


# -- matching predicates: gold fact g, extracted fact x --------------------------------------

def _entity(g, x, names) -> bool:
    cls = COARSE_OF.get(g["class"], g["class"])
    return cls == x["class"] and names(g["name"]).matches(x["name"])


def _post(g, x, names) -> bool:
    if not names(g["person"]).matches(x["person"]):
        return False
    want, got = _content(g["post"]), set().union(*(_content(r) for r in x["post"].raw or [""]))
    if not want or not got or not (want <= got or got <= want):
        return False
    return not (g.get("of") and x["of"]) or any(names(g["of"]).matches(b) for b in x["of"])


def _member(g, x, names) -> bool:
    return g["role"] == x["role"] and names(g["member"]).matches(x["member"]) \
        and names(g["org"]).matches(x["org"])


def _quote(g, x, names) -> bool:
    """The speaker matches as a claimant does (an unnamed group by its noun) and the gold
    fragment lies inside the quote."""
    return _claimant(names(g["speaker"]), x["speaker"]) and _inside(g["text"], x["text"])


def _claim(g, x, names) -> bool:
    if not _claimant(names(g["claimant"]), x["claimant"]):
        return False
    if not (_inside(g["text"], x["text"]) or _overlap(g["text"], x["text"]) >= 0.6):
        return False
    disputed = _as_list(g.get("disputed_by"))
    if disputed and x["disputed_by"]:
        return any(names(disputed).matches(d) for d in x["disputed_by"])
    return True


def _event(g, x, names) -> bool:
    if SAME_EVENT.get(g["class"], g["class"]) != SAME_EVENT.get(x["class"], x["class"]):
        return False
    gdate, xdate = (str(g["date"]) if g.get("date") else None), x["date"]
    if gdate and xdate and not (gdate.startswith(xdate) or xdate.startswith(gdate)):
        return False
    gplace = names(g["place"]) if g.get("place") else None
    places_agree = bool(gplace and x["place"]) and any(_same_place(gplace, p) for p in x["place"])
    if gplace and x["place"] and not places_agree:
        return False
    gactors = [a for key in ("participants", "agent", "target") if g.get(key)
               for a in _parties(g[key], names)]
    return bool((gdate and xdate) or places_agree
                or any(a.matches(p) for a in gactors for p in x["participants"]))


def _same_place(gold: Names, got: Names) -> bool:
    """The same place, or one given less precisely: a state for a city or province in it."""
    if gold.matches(got):
        return True
    from ..extract.knowledge import city_country

    def states(n: Names) -> set[str]:
        return {c for c in (city_country(r) for r in n.raw) if c}

    def iso2(n: Names) -> set[str]:
        import pycountry

        return {pycountry.countries.get(alpha_3=c).alpha_2 for c in n.codes()}

    return bool(states(gold) & iso2(got) or states(got) & iso2(gold))


def _parties(value, names) -> list[Names]:
    """Each party of a gold fact; a party may itself be a list of alternative names."""
    items = value if isinstance(value, list) else [value]
    return [names([str(v) for v in p] if isinstance(p, list) else str(p)) for p in items]


def _agreement(g, x, names) -> bool:
    gparties = _parties(g["parties"], names)
    if not x["parties"] or not all(any(p.matches(gp) for gp in gparties) for p in x["parties"]):
        return False
    matched = sum(any(gp.matches(p) for p in x["parties"]) for gp in gparties)
    gdate, xdate = (str(g["date"]) if g.get("date") else None), x["date"]
    if gdate and xdate and not (gdate.startswith(xdate) or xdate.startswith(gdate)):
        return False
    return matched >= min(2, len(gparties))


def _statistic(g, x, names) -> bool:
    if _number(g["value"]) is None or _number(g["value"]) != _number(x["value"]):
        return False
    gu, xu = _unit(g.get("unit")), _unit(x["unit"])
    if gu and xu and gu != xu:
        return False
    want = _content(g.get("measure") or "")
    return not want or bool(want & _content(x["measure"]))


MATCHERS = {"entities": _entity, "posts": _post, "members": _member, "quotes": _quote,
            "claims": _claim, "events": _event, "agreements": _agreement,
            "statistics": _statistic}


# -- helpers ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _stem(word: str) -> str:
    """'deaths' -> 'death', 'authorities' -> 'authority': plurals compare with singulars."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("sses"):
        return word[:-2]  # "witnesses" -> "witness"
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _content(text) -> set[str]:
    return {_stem(t) for t in tokens(text) if t not in _stop_words() and len(t) > 1}


def _inside(fragment, text) -> bool:
    frag, whole = norm(str(fragment)), norm(str(text))
    return bool(frag) and f" {frag} " in f" {whole} "


def _overlap(fragment, text) -> float:
    want = _content(fragment)
    return len(want & _content(text)) / len(want) if want else 0.0


# Nouns for unnamed groups, also when a sentence starts with them ("Officials say …").
GROUP_WORDS = {"officials", "experts", "scientists", "analysts", "sources", "authorities",
               "residents", "voters", "lawyers", "police", "witnesses", "doctors",
               "researchers", "diplomats", "critics", "officers", "workers", "leaders"}


def _claimant(gold: Names, got: Names) -> bool:
    """A named claimant matches by name. A group the text names with a common noun
    ("officials", "State mining officials") matches an extracted group with the same head noun,
    and "U.S. officials" matches the United States acting through them."""
    if gold.matches(got):
        return True
    got_heads = {_stem(f.split()[-1]) for f in got.forms}
    unnamed = {_stem(f.split()[-1]) for f in got.forms if f.startswith("unnamed ")}
    for raw in gold.raw:
        words = raw.split()
        if len(words) == 1 and tokens(raw) and _stem(tokens(raw)[-1]) in unnamed:
            return True  # "Investigators say …" ~ "unnamed investigator", however capitalised
        common = [w for w in words if tokens(w) and tokens(w)[-1] not in _stop_words()
                  and (w[:1].islower() or tokens(w)[-1] in GROUP_WORDS)]
        if not common:
            continue  # a proper name: only the name itself will do
        if {_stem(tokens(w)[-1]) for w in common} & got_heads:
            return True  # "officials in Islamabad" ~ "unnamed official"
        rest = Names(" ".join(w for w in words if w not in common))
        if rest and rest.codes() and rest.codes() & got.codes():
            return True
    return False


def _number(value) -> Decimal | None:
    try:
        return Decimal(str(value).replace(",", "")).normalize()
    except (InvalidOperation, ValueError):
        return None


_UNITS = {"%": "percent", "per cent": "percent", "pct": "percent", "percentage point":
          "percentage points", "basis point": "basis points", "bps": "basis points",
          "$": "USD", "dollar": "USD", "us dollar": "USD", "dollars": "USD", "€": "EUR",
          "euro": "EUR", "euros": "EUR", "£": "GBP", "pound": "GBP", "pounds": "GBP"}


def _unit(unit) -> str | None:
    if not unit:
        return None
    text = str(unit).strip()
    key = re.sub(r"\s+", " ", text.lower())
    bare = key[:-1] if key.endswith("s") else key  # "year" and "years" are one unit
    return _UNITS.get(key, _UNITS.get(bare, bare))


def _matching(gold: list[dict], got: list[dict], ok) -> dict[int, int]:
    """Maximum bipartite matching gold index -> extracted index (Kuhn's augmenting paths)."""
    edges = [[j for j, x in enumerate(got) if ok(g, x)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def score_article(gold: GoldArticle, extracted: dict[str, list[dict]]) -> ArticleScore:
    names = GoldNames(gold.facts["entities"])
    kinds = {}
    for kind in KINDS:
        gfacts, xfacts = gold.facts[kind], extracted.get(kind, [])
        pairs = _matching(gfacts, xfacts, lambda g, x, f=MATCHERS[kind]: f(g, x, names))
        used = set(pairs.values())
        ks = KindScore(tp=len(pairs), fp=len(xfacts) - len(used), fn=len(gfacts) - len(pairs))
        ks.misses = [g for i, g in enumerate(gfacts) if i not in pairs]
        ks.false_positives = [x for j, x in enumerate(xfacts) if j not in used]
        kinds[kind] = ks
    return ArticleScore(gold, kinds)
