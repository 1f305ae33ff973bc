"""The registry of named extractors. Each is a function of the ArticleContext that adds nodes.

Extractors run in `order`; built-ins register through the same decorator as plug-ins and are
imported on first use. A name registered twice is an error.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

BUILTIN_MODULES = ("entities", "positions", "memberships", "organizations", "events", "news_events",
                   "agreements",
                   "statistics", "quotes", "claims")


@dataclass(frozen=True)
class Extractor:
    name: str
    order: int
    func: Callable
    help: str


_REGISTRY: dict[str, Extractor] = {}
_loaded = False


def extractor(name: str, order: int):
    """Register `func(ctx)` as the extractor `name`; its docstring is its help text."""
    def deco(func):
        if name in _REGISTRY:
            raise ValueError(f"an extractor named {name!r} is already registered")
        doc = (func.__doc__ or "").strip().splitlines()
        _REGISTRY[name] = Extractor(name, order, func, doc[0] if doc else "")
        return func
    return deco


def extractors() -> list[Extractor]:
    global _loaded
    if not _loaded:
        _loaded = True
        for mod in BUILTIN_MODULES:
            importlib.import_module(f"kg.extract.{mod}")
    return sorted(_REGISTRY.values(), key=lambda e: (e.order, e.name))
