"""Runs what the user typed: a SPARQL query or update, or a meta-command. Returns text to show.

Never imports prompt_toolkit, so it is tested directly; the loop in app.py only reads input,
shows output and asks the questions this module hands back (confirmations)."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

from kg.errors import KGError, QueryError
from kg.store.sparql import is_update, strip_literals

from .sparqltext import strip_terminator

DESTRUCTIVE = ("DELETE", "DROP", "CLEAR", "MOVE")


@dataclass
class Output:
    text: str = ""
    error: bool = False
    confirm: str | None = None  # a yes/no question; answer with Executor.answer()
    quit: bool = False
    edit: bool = False  # open the current query in $EDITOR
    page: bool = False  # long enough to page


class Executor:
    def __init__(self, store, settings, width: Callable[[], int] = lambda: 100,
                 catalog=None):
        self.store = store
        self.format = settings.format
        self.limit = settings.row_limit
        self.timing = settings.timing
        self.width = width
        self.catalog = catalog
        self.last_query: str | None = None
        self.last_result = None
        self._pending: str | None = None

    @property
    def prefixes(self) -> dict[str, str]:
        return self.store.prefixes

    def execute(self, text: str) -> Output:
        text = text.strip()
        if not text:
            return Output()
        try:
            if text.startswith("\\"):
                from .commands import dispatch

                return dispatch(self, text)
            return self.run_sparql(strip_terminator(text))
        except QueryError as exc:
            return Output(f"{exc}\n{exc.caret()}".rstrip(), error=True)
        except KGError as exc:
            return Output(str(exc), error=True)

    def run_sparql(self, query: str) -> Output:
        if is_update(query):
            if any(w in strip_literals(query).upper() for w in DESTRUCTIVE):
                self._pending = query
                return Output(confirm="This update deletes data. Run it? [y/N] ")
            return self._update(query)
        self.last_query = query
        start = time.perf_counter()
        # Known prefixes need no PREFIX lines: the local store hands them to the parser and a
        # RemoteStore adds the lines it sends, so error positions stay the user's own.
        result = self.store.query(query)
        took = time.perf_counter() - start
        self.last_result = result
        return self.show(result, took)

    def answer(self, yes: bool) -> Output:
        query, self._pending = self._pending, None
        if not yes or query is None:
            return Output("cancelled; nothing was changed")
        return self._update(query)

    def _update(self, query: str) -> Output:
        start = time.perf_counter()
        self.store.update(query)
        took = time.perf_counter() - start
        return Output("update applied" + (f" ({took:.3f} s)" if self.timing else ""))

    def show(self, result, took: float | None = None) -> Output:
        from kg.results import render

        total = len(result)
        limit = self.limit if self.limit and result.type == "SELECT" else None
        text = render(result, self.format, self.prefixes, width=self.width(), limit=limit)
        if result.type == "SELECT":
            shown = min(total, limit) if limit else total
            foot = f"{total} row{'s' if total != 1 else ''}"
            if shown < total:
                foot += f" (showing {shown}; \\limit 0 shows all)"
        elif result.type == "ASK":
            foot = ""
        else:
            foot = f"{total} triple{'s' if total != 1 else ''}"
        if self.timing and took is not None:
            foot += f"{' ' if foot else ''}in {took:.3f} s"
        body = text + ("\n" + foot if foot else "")
        return Output(body, page=body.count("\n") > 40)
