"""The kg command line. Each command is a few lines around a plain function of the package.

Nothing heavy is imported at start-up: `kg --help` loads neither spaCy nor a store.
"""
from __future__ import annotations

import os
import sys
from typing import Optional

import typer

from ..errors import KGError

app = typer.Typer(
    help="kg: build a knowledge graph from news articles, query it with SPARQL, export it.\n\n"
         "Example: kg build data/ && kg query 'SELECT ?p WHERE { ?p a kg:Person }'\n\n"
         "The store is ./.kg unless --store PATH|memory or KG_STORE says otherwise. "
         "Plain `kg` opens the interactive SPARQL shell.",
    no_args_is_help=False, add_completion=False, rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]})


class State:
    store_location: Optional[str] = None
    allow_network: bool = False
    _store = None

    def store(self, lock_wait: float = 10.0, create: bool = False):
        """The store; only commands that write new data (build, import, the shell) create it."""
        if self._store is None:
            from ..store import Store

            self._store = Store(self.store_location, allow_network=self.allow_network,
                                lock_wait=lock_wait, create=create)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


state = State()


def err(message: str) -> None:
    typer.echo(message, err=True)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"kg {version('kg')}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main(ctx: typer.Context,
         store: Optional[str] = typer.Option(
             None, "--store", "-s", metavar="PATH|memory",
             help="Store directory (Oxigraph) or 'memory'. Default: $KG_STORE or ./.kg"),
         allow_network: bool = typer.Option(
             False, "--allow-network", help="Let queries use SERVICE and LOAD."),
         version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print kg's version and exit.")):
    state.store_location = store
    state.allow_network = allow_network
    if ctx.invoked_subcommand is None:
        from .shell_cmd import shell

        shell(endpoint=None, update_endpoint=None)


def _click_exceptions() -> tuple[type, ...]:
    """click's exception base: typer vendors its own copy of click in recent releases."""
    import importlib

    found = []
    for module in ("typer._click.exceptions", "click.exceptions"):
        try:
            found.append(importlib.import_module(module).ClickException)
        except ImportError:
            continue
    return tuple(found)


def run() -> None:
    """Entry point: one-line errors, never a traceback, for anything kg can explain."""
    try:
        code = app(standalone_mode=False, prog_name="kg")
        if isinstance(code, int) and code:
            state.close()
            sys.exit(code)
    except KGError as exc:
        err(f"kg: error: {exc}")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err("kg: interrupted")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err("kg: aborted")
        sys.exit(1)
    except Exception as exc:  # click usage errors and the like
        if isinstance(exc, _click_exceptions()):
            exc.show()
            sys.exit(exc.exit_code)
        if os.environ.get("KG_DEBUG"):
            raise
        err(f"kg: internal error: {type(exc).__name__}: {exc} (KG_DEBUG=1 shows the traceback; "
            "please report it)")
        sys.exit(70)
    finally:
        state.close()


from . import commands, interop_cmd, shell_cmd  # noqa: E402,F401  (register the commands)
