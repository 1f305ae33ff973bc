"""Runs what the user typed: a SPARQL query or update, or a meta-command from the table of
meta-commands kept here (commands.py and commands_io.py register theirs). Returns text to show.

Never imports prompt_toolkit, so it is tested directly; the loop in app.py only reads input,
shows output and asks the questions this module hands back (confirmations)."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

from kg.errors import KGError, QueryError
from kg.registry import Registry
from kg.store.sparql import deletes_data, is_update

from .sparqltext import strip_terminator

WORDS = {"help": "\\?", "?": "\\?", "quit": "\\q", "exit": "\\q"}


def check_update(query: str, prefixes: dict[str, str]) -> None:
    """Parse an update without running it: a QueryError with the position when it is wrong."""
    from rdflib.plugins.sparql import prepareUpdate

    from kg.store.sparql import syntax_error

    try:
        prepareUpdate(query, initNs=prefixes)
    except Exception as exc:  # pyparsing's ParseException and friends
        raise syntax_error(exc, query) from None


@dataclass
class Output:
    text: str = ""
    error: bool = False
    confirm: str | None = None  # a yes/no question; answer with Executor.answer()
    quit: bool = False
    edit: bool = False  # open the current query in $EDITOR


@dataclass(frozen=True)
class Command:
    name: str
    func: Callable[["Executor", str], Output]
    usage: str
    help: str
    aliases: tuple[str, ...] = ()


COMMANDS = Registry("shell commands",
                    duplicate="a shell command named {name!r} is already registered")


def command(name: str, usage: str = "", aliases: tuple[str, ...] = ()):
    """Register `func(executor, arg)` as a meta-command (and its aliases); its docstring's first
    line is its help."""
    def deco(func):
        doc = (func.__doc__ or "").strip().splitlines()
        cmd = Command(name, func, usage or name, doc[0] if doc else "", aliases)
        COMMANDS.add(cmd, name, *aliases)
        return func
    return deco


def names() -> list[str]:
    return COMMANDS.names()


def dispatch(ex: "Executor", text: str) -> Output:
    parts = text.split(None, 1)
    cmd = COMMANDS.get(parts[0])
    if cmd is None:
        import difflib

        close = difflib.get_close_matches(parts[0], list(COMMANDS), n=1, cutoff=0.6)
        hint = f"did you mean {close[0]}? " if close else ""
        return Output(f"unknown command {parts[0]}; {hint}\\? lists the commands", error=True)
    return cmd.func(ex, parts[1].strip() if len(parts) > 1 else "")


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
        self.output_file = None  # \o FILE: results are appended there instead of shown
        self._pending: str | None = None

    @property
    def prefixes(self) -> dict[str, str]:
        return self.store.prefixes

    def execute(self, text: str) -> Output:
        text = text.strip()
        if not text:
            return Output()
        word = strip_terminator(text).strip().lower()
        if word in WORDS:  # "help", "quit", "exit" typed as a psql user would
            text = WORDS[word]
        return self._guarded(lambda: self._execute(text))

    def _execute(self, text: str) -> Output:
        if text.startswith("\\"):
            return dispatch(self, text)
        return self.run_sparql(strip_terminator(text))

    @staticmethod
    def _guarded(step: Callable[[], Output]) -> Output:
        """Run a step; any error kg can explain becomes an error line, never the end of the
        session."""
        try:
            return step()
        except QueryError as exc:
            return Output(f"{exc}\n{exc.caret()}".rstrip(), error=True)
        except KGError as exc:
            return Output(str(exc), error=True)

    def run_sparql(self, query: str) -> Output:
        if is_update(query):
            check_update(query, self.prefixes)  # a syntax error is reported before any question
            if deletes_data(query):
                self._pending = query
                return Output(confirm=f"This update deletes data ({self._at_stake(query)}). "
                              "Run it? [y/N] ")
            return self._update(query)
        self.last_query = query
        start = time.perf_counter()
        # Known prefixes need no PREFIX lines: the local store hands them to the parser and a
        # remote backend adds the lines it sends, so error positions stay the user's own.
        result = self.store.query(query)
        took = time.perf_counter() - start
        self.last_result = result
        out = self.show(result, took)
        lint = self.lint(query)
        if lint:
            out.text += "".join(f"\nwarning: {w}" for w in lint)
        return out

    def lint(self, query: str) -> list[str]:
        """A linter's warnings: classes and properties the query names that occur nowhere in
        the store (the local store only: on an endpoint each check would be a request)."""
        if not self.store.managed:
            return []
        from kg.lint import warnings

        known = [t.iri for t in self.catalog.classes + self.catalog.properties] \
            if self.catalog is not None and self.catalog.ready.is_set() else []
        return warnings(self.store, query, known)

    def answer(self, yes: bool) -> Output:
        query, self._pending = self._pending, None
        if not yes or query is None:
            return Output("cancelled; nothing was changed")
        return self._guarded(lambda: self._update(query))

    def _at_stake(self, query: str) -> str:
        """How many triples the store holds now: what a deleting update can remove at most."""
        try:
            return f"the store holds {self.store.count()} triples now"
        except KGError:
            return "the store's size is not known"

    def _update(self, query: str) -> Output:
        before = self._count()
        start = time.perf_counter()
        self.store.update(query)
        took = time.perf_counter() - start
        after = self._count()
        change = ""
        if before is not None and after is not None:
            delta = after - before
            change = f": {abs(delta)} triple{'s' if abs(delta) != 1 else ''} " \
                     f"{'added' if delta >= 0 else 'removed'}"
        return Output("update applied" + change + (f" ({took:.3f} s)" if self.timing else ""))

    def _count(self) -> int | None:
        try:
            return self.store.count()
        except (KGError, AttributeError):
            return None

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
        if self.output_file is not None:
            with open(self.output_file, "a", encoding="utf-8") as f:
                f.write(body + "\n")
            return Output(f"({foot or 'result'} written to {self.output_file})")
        return Output(body)
