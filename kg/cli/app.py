"""The typer app the commands register on, and what they share: the State each invocation
keeps in typer's ctx.obj (the store, opened on first use and closed when the command ends), and
the error and progress output. Imports no command module, so none imports back."""
from __future__ import annotations

from typing import Optional

import typer

app = typer.Typer(
    help="kg: build a knowledge graph from news articles, query it with SPARQL, export it.\n\n"
         "Example: kg build data/ && kg query 'SELECT ?p WHERE { ?p a kg:Person }'\n\n"
         "The store is ./.kg unless --store PATH|memory or KG_STORE says otherwise. "
         "Plain `kg` opens the interactive SPARQL shell.",
    no_args_is_help=False, add_completion=False, rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]})


class State:
    """The global options of one invocation; the store is opened on first use."""

    def __init__(self, store_location: Optional[str] = None, allow_network: bool = False):
        self.store_location = store_location
        self.allow_network = allow_network
        self._store = None

    def store(self, lock_wait: float = 10.0, create: bool = False, read_only: bool = False):
        """The store; only commands that write new data (build, import, the shell) create it.
        Commands that only read pass read_only: they never wait for a writer, never write."""
        if self._store is None:
            from ..store import Store

            self._store = Store(self.store_location, allow_network=self.allow_network,
                                lock_wait=lock_wait, create=create, read_only=read_only)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def err(message: str) -> None:
    typer.echo(message, err=True)


def stderr_console():
    from rich.console import Console

    return Console(stderr=True)
