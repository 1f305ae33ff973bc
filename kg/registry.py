"""Things kg looks up by name (file readers by suffix, extractors, shell meta-commands) live in
registries of the `catalogue` package, the one spaCy keeps its own in. A name registered twice is
an error: a plug-in cannot silently replace a built-in.

    READERS = Registry("readers", duplicate="a reader for {name} is already registered")

    @READERS(".txt", ".text")
    def read_text(path): ...

A Registry is a read-only mapping from name to what was registered."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable, Iterator, TypeVar

import catalogue

T = TypeVar("T")


class Registry(Mapping):
    def __init__(self, kind: str, duplicate: str = "{kind} {name!r} is already registered"):
        self.kind = kind
        self._duplicate = duplicate
        self._entries = catalogue.create("kg", kind)
        self.version = 0  # bumped by every add: what a cache of the entries is checked against

    def add(self, value: T, *names: str) -> T:
        """Register `value` under each of `names`; nothing is registered when one is taken."""
        for name in names:
            if name in self or names.count(name) > 1:
                raise ValueError(self._duplicate.format(kind=self.kind, name=name))
        for name in names:
            self._entries.register(name, func=value)
        self.version += 1
        return value

    def __call__(self, *names: str) -> Callable[[T], T]:
        """A decorator registering the function under each of `names`."""
        return lambda func: self.add(func, *names)

    def names(self) -> list[str]:
        return sorted(self)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._entries

    def __getitem__(self, name: str) -> Any:
        if name not in self:
            raise KeyError(name)
        return self._entries.get(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries.get_all())

    def __len__(self) -> int:
        return len(self._entries.get_all())
