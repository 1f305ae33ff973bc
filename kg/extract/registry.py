"""The registry of named extractors. Each is a function of the ArticleContext that adds nodes.

Extractors run in `order`; built-ins register through the same decorator as plug-ins and are
imported on first use. A name registered twice is an error. Each stage declares, in the
ontology's own terms, what it needs (`requires`: classes or properties an earlier stage adds)
and what it adds (`assigns`); the registry refuses a stage whose needs no earlier stage meets,
and `run_extractors(..., strict=True)` refuses a stage that adds anything it did not declare.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable, Iterable

from ..registry import Registry

BUILTIN_MODULES = ("entities", "positions", "memberships", "organizations", "events", "news_events",
                   "agreements",
                   "statistics", "quotes", "claims")


@dataclass(frozen=True)
class Extractor:
    name: str
    order: int
    func: Callable
    help: str
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()


EXTRACTORS = Registry("extractors", duplicate="an extractor named {name!r} is already registered")
_loaded = False


def _local(terms: Iterable) -> frozenset[str]:
    """Local names of kg classes and properties, each checked against the ontology."""
    from .model import CLASS_NAMES, PROPERTY_NAMES, UnknownTerm, local_name

    out = frozenset(local_name(t) for t in terms)
    for local in sorted(out - CLASS_NAMES - PROPERTY_NAMES):
        raise UnknownTerm(f"kg:{local} is neither a class nor a property of the ontology")
    return out


def extractor(name: str, order: int, requires: Iterable = (), assigns: Iterable = ()):
    """Register `func(ctx)` as the extractor `name`; its docstring is its help text.
    `requires` and `assigns` are kg terms (`KG.Person`, `KG.participant`)."""
    def deco(func):
        doc = (func.__doc__ or "").strip().splitlines()
        EXTRACTORS.add(Extractor(name, order, func, doc[0] if doc else "",
                                 _local(requires), _local(assigns)), name)
        return func
    return deco


def check_order(stages: list[Extractor]) -> None:
    """Every term a stage requires is assigned by a stage that runs before it."""
    available: set[str] = set()
    for ex in stages:
        missing = sorted(ex.requires - available)
        if missing:
            raise ValueError(f"extractor {ex.name!r} requires {', '.join('kg:' + m for m in missing)}"
                             ", which no earlier extractor assigns")
        available |= ex.assigns


_stages: tuple[int, list[Extractor]] | None = None  # (EXTRACTORS.version, the stages)


def extractors() -> list[Extractor]:
    global _loaded, _stages
    if not _loaded:
        _loaded = True
        for mod in BUILTIN_MODULES:
            importlib.import_module(f"kg.extract.{mod}")
    if _stages is None or _stages[0] != EXTRACTORS.version:  # catalogue's look-ups scan every
        stages = sorted(EXTRACTORS.values(), key=lambda e: (e.order, e.name))  # registry
        check_order(stages)
        _stages = (EXTRACTORS.version, stages)
    return list(_stages[1])
