"""Dates resolved against the article's date, to the precision the text gives."""
from datetime import date

import pytest
from rdflib.namespace import XSD

from kg.extract.temporal import compatible, parse_when, resolve

REF = date(2024, 1, 30)  # a Tuesday


@pytest.mark.parametrize("text,value,dtype", [
    ("on Tuesday", "2024-01-30", XSD.date),
    ("Friday", "2024-01-26", XSD.date),
    ("in November", "2023-11", XSD.gYearMonth),
    ("mid-November", "2023-11", XSD.gYearMonth),
    ("last year", "2023", XSD.gYear),
    ("in 2022", "2022", XSD.gYear),
    ("January 2024", "2024-01", XSD.gYearMonth),
    ("Tuesday, Jan. 30", "2024-01-30", XSD.date),
    ("Dec. 28", "2023-12-28", XSD.date),
    ("earlier in the day", "2024-01-30", XSD.date),
    ("30th Jan, 2024", "2024-01-30", XSD.date),
    ("the 28th of December", "2023-12-28", XSD.date),
])
def test_resolves(text, value, dtype):
    lit = resolve(parse_when(text), REF)
    assert (str(lit), lit.datatype) == (value, dtype)


@pytest.mark.parametrize("text", ["for years", "recently", "dozens", "the past"])
def test_never_guesses(text):
    w = parse_when(text)
    assert w is None or resolve(w, REF) is None


def test_relative_dates_need_a_reference():
    assert resolve(parse_when("on Tuesday"), None) is None
    assert str(resolve(parse_when("2022"), None)) == "2022"


def test_compatible_dates():
    assert compatible(resolve(parse_when("2023"), REF), resolve(parse_when("in November"), REF))
    assert not compatible(resolve(parse_when("2022"), REF), resolve(parse_when("2023"), REF))


def test_a_week_is_its_month_only_when_it_lies_in_one():
    from datetime import date

    assert str(resolve(parse_when("last week"), REF)) == "2024-01"  # Jan 22-28
    assert resolve(parse_when("this week"), date(2024, 1, 31)) is None  # Jan 29 - Feb 4
    assert str(resolve(parse_when("This week"), date(2022, 9, 22))) == "2022-09"
