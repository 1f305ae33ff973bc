"""Name matching for the gold scorer: tolerant of case, punctuation, a leading "the", a possessive,
titles before a name, country aliases and a person's surname alone; strict about everything else.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    from nameparser.config import CONSTANTS

    return frozenset(CONSTANTS.titles) | {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen"}


def tokens(text: object) -> list[str]:
    """Lower-case word tokens; runs of single letters join ("U.S." -> "us")."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['\u2019]s\b", "", text)
    out: list[str] = []
    run = ""
    for tok in _TOKEN.findall(text):
        if len(tok) == 1 and tok.isalpha():
            run += tok
            continue
        if run:
            out.append(run)
            run = ""
        out.append(tok)
    if run:
        out.append(run)
    return out


@lru_cache(maxsize=50_000)
def norm(text: str) -> str:
    """The form two names are compared in."""
    toks = tokens(text)
    while len(toks) > 1 and (toks[0] == "the" or toks[0] in _titles()):
        toks = toks[1:]
    return " ".join(toks)


@lru_cache(maxsize=20_000)
def country_code(text: str) -> str | None:
    """ISO 3166 alpha-3 of a country name or alias, or None."""
    import pycountry

    name = norm(text)
    if not name:
        return None
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        pass
    if name in _ALIASES:
        return _ALIASES[name]
    if len(name) < 4:
        return None
    try:
        top = pycountry.countries.search_fuzzy(name)[0]
    except LookupError:
        return None
    words = {w for field in ("name", "common_name", "official_name")
             for w in tokens(getattr(top, field, "") or "")}
    return top.alpha_3 if all(any(w.startswith(q) for w in words) for q in name.split()) \
        else None


# Names in common use that ISO 3166 does not list.
_ALIASES = {"uk": "GBR", "britain": "GBR", "great britain": "GBR", "ivory coast": "CIV",
            "burma": "MMR", "turkey": "TUR", "dr congo": "COD", "drc": "COD", "czechia": "CZE",
            "america": "USA", "holland": "NLD", "swaziland": "SWZ", "east timor": "TLS"}


class Names:
    """The names one thing goes by, in compared form."""

    __slots__ = ("forms", "raw")

    def __init__(self, names) -> None:
        if isinstance(names, str):
            names = [names]
        self.raw = [str(n) for n in names if n is not None and str(n).strip()]
        self.forms = frozenset(f for f in (norm(n) for n in self.raw) if f)

    def __bool__(self) -> bool:
        return bool(self.forms)

    def __repr__(self) -> str:
        return self.raw[0] if self.raw else "?"

    def codes(self) -> set[str]:
        return {c for c in (country_code(n) for n in self.raw) if c}

    def matches(self, other: "Names") -> bool:
        if not self.forms or not other.forms:
            return False
        if self.forms & other.forms:
            return True
        if _surname(self.forms, other.forms) or _surname(other.forms, self.forms):
            return True
        mine = self.codes()
        return bool(mine and mine & other.codes())


def _surname(short: frozenset[str], full: frozenset[str]) -> bool:
    """"Powell" names "Jerome Powell": a single word that is the last of a 2-4 word name."""
    singles = {f for f in short if " " not in f and len(f) > 2 and not f.isdigit()}
    return any(f.split()[-1] in singles for f in full if 2 <= len(f.split()) <= 4)
