"""Dates in the text, resolved against the article's date to the precision the text gives.

"on Tuesday" -> xsd:date, "in November" -> xsd:gYearMonth, "last year" -> xsd:gYear; an
expression that cannot be pinned down ("for years", "recently") resolves to nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from rdflib import Literal
from rdflib.namespace import XSD

from ..ingest.dates import MONTHS, parse_date

WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_YEAR = re.compile(r"^(?:in |since |by |during |of |for )?(?:the year )?((?:19|20)\d\d)$")
_MONTH_YEAR = re.compile(r"^(?:in |since |by |during |of )?([a-z]{3,9})\.?,? ((?:19|20)\d\d)$")
_MONTH_DAY = re.compile(r"^(?:on )?([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?$")
_DAY_MONTH = re.compile(r"^(?:on )?(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3,9})$")
_REL_DAY = {"today": 0, "earlier today": 0, "earlier in the day": 0, "later in the day": 0,
            "this morning": 0, "this afternoon": 0, "tonight": 0, "yesterday": -1,
            "tomorrow": 1, "the day before": -1}
_REL = re.compile(r"^(last|this|next|previous|past|the previous|the following|earlier this|"
                  r"later this|a) (year|month)$")


@dataclass(frozen=True)
class When:
    text: str
    kind: str  # date, month, year, weekday, month_name, month_day, rel_year, rel_month,
    # rel_week, rel_day
    value: tuple
    future: bool = False

    @property
    def absolute(self) -> bool:
        return self.kind in ("date", "month", "year")


def parse_when(text: str, future: bool = False) -> When | None:
    t = re.sub(r"\s+", " ", text.strip().lower()).strip(" ,.()")
    t = re.sub(r"^(early|mid|late)[- ]", "", t)  # "mid-November": the month is what we know
    m = re.match(r"^(?:on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (.+)$", t)
    if m and parse_when(m.group(2), future) is not None:  # "Tuesday, Jan. 30"
        return parse_when(m.group(2), future)
    t = re.sub(r"^(on|in|at|during|since|by|of) (the )?", "", t) if not _YEAR.match(t) else t
    t = re.sub(r"^(?:the )?(\d{1,2}(?:st|nd|rd|th)) of ", r"\1 ", t)  # "the 28th of December"
    if (d := parse_date(t)) is not None:
        return When(text, "date", (d.year, d.month, d.day))
    if m := _YEAR.match(t):
        return When(text, "year", (int(m.group(1)),))
    if (m := _MONTH_YEAR.match(t)) and m.group(1) in MONTHS:
        return When(text, "month", (int(m.group(2)), MONTHS[m.group(1)]))
    if (m := _MONTH_DAY.match(t)) and m.group(1) in MONTHS:
        return When(text, "month_day", (MONTHS[m.group(1)], int(m.group(2))), future)
    if (m := _DAY_MONTH.match(t)) and m.group(2) in MONTHS:
        return When(text, "month_day", (MONTHS[m.group(2)], int(m.group(1))), future)
    words = t.split()
    if words and words[-1] in ("night", "morning", "afternoon", "evening"):
        words = words[:-1]
    if len(words) == 1 and words[0] in WEEKDAYS:
        return When(text, "weekday", (WEEKDAYS[words[0]],), future)
    if 1 <= len(words) <= 2 and words[-1] in MONTHS:
        rel = words[0] if len(words) == 2 else ""
        if rel in ("", "last", "this", "next", "early", "late", "mid"):
            return When(text, "month_name", (MONTHS[words[-1]], rel), future or rel == "next")
    if t in _REL_DAY:
        return When(text, "rel_day", (_REL_DAY[t],))
    if m := re.match(r"^(?:earlier |later )?(this|last|next|the past|the previous) week$", t):
        step = {"this": 0, "next": 1}.get(m.group(1), -1)
        return When(text, "rel_week", (step,), future or step > 0)
    if m := _REL.match(t):
        step = {"last": -1, "previous": -1, "past": -1, "the previous": -1, "next": 1,
                "the following": 1}.get(m.group(1), 0)
        return When(text, "rel_year" if m.group(2) == "year" else "rel_month", (step,))
    return None


def _literal_date(d: date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def _literal_month(y: int, m: int) -> Literal:
    return Literal(f"{y:04d}-{m:02d}", datatype=XSD.gYearMonth)


def _literal_year(y: int) -> Literal:
    return Literal(f"{y:04d}", datatype=XSD.gYear)


def resolve(when: When, ref: date | None) -> Literal | None:
    """The xsd literal for an expression, or None when it cannot be resolved."""
    k, v = when.kind, when.value
    if k == "date":
        return _literal_date(date(*v))
    if k == "month":
        return _literal_month(*v)
    if k == "year":
        return _literal_year(v[0])
    if ref is None:
        return None
    if k == "weekday":
        if when.future:
            return _literal_date(ref + timedelta(days=((v[0] - ref.weekday()) % 7) or 7))
        return _literal_date(ref - timedelta(days=(ref.weekday() - v[0]) % 7))
    if k == "month_name":
        month, rel = v
        if rel == "this":
            year = ref.year
        elif when.future:
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year if month <= ref.month else ref.year - 1
        return _literal_month(year, month)
    if k == "month_day":
        month, day = v
        cands = []
        for y in (ref.year - 1, ref.year, ref.year + 1):
            try:
                cands.append(date(y, month, day))
            except ValueError:
                pass
        if not cands:
            return None
        if not when.future:  # news reports the past: the latest such day up to a week ahead
            past = [d for d in cands if (d - ref).days <= 7]
            if past:
                return _literal_date(max(past))
        return _literal_date(min(cands, key=lambda d: abs((d - ref).days)))
    if k == "rel_day":
        return _literal_date(ref + timedelta(days=v[0]))
    if k == "rel_week":  # a week has no xsd type: its month, when the week lies in one
        start = ref - timedelta(days=ref.weekday()) + timedelta(weeks=v[0])
        end = start + timedelta(days=6)
        return _literal_month(start.year, start.month) if start.month == end.month else None
    if k == "rel_year":
        return _literal_year(ref.year + v[0])
    if k == "rel_month":
        m = ref.month + v[0]
        y = ref.year + (m - 1) // 12
        return _literal_month(y, (m - 1) % 12 + 1)
    return None


def precision(lit: Literal | None) -> int:
    if lit is None:
        return 0
    return {XSD.date: 3, XSD.gYearMonth: 2, XSD.gYear: 1}.get(lit.datatype, 0)


def compatible(a: Literal | None, b: Literal | None) -> bool:
    """Two dates agree when one is the other or contains it (2023 contains 2023-11)."""
    if a is None or b is None:
        return True
    sa, sb = str(a), str(b)
    return sa.startswith(sb) or sb.startswith(sa)
