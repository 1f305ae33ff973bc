"""The kg command line: the global options, the entry point, and the commands (registered by
importing their modules). Each command is a few lines around a plain function of the package.

Nothing heavy is imported at start-up: `kg --help` loads neither spaCy nor a store.
"""
from __future__ import annotations

import os
import sys
from typing import Optional

import typer

from ..errors import KGError, is_disk_full
from . import commands, interop_cmd  # noqa: F401  (register their commands)
from .app import State, app, err
from .shell_cmd import shell

__all__ = ["app", "run"]


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
    ctx.obj = State(store, allow_network)
    ctx.call_on_close(ctx.obj.close)  # the store is closed when the command ends, however
    if ctx.invoked_subcommand is None:
        shell(ctx, endpoint=None, update_endpoint=None)


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
        if is_disk_full(exc):  # writing an export or a result, say
            where = f" writing {exc.filename}" if getattr(exc, "filename", None) else ""
            err(f"kg: error: no space left on the device{where}; free some space, then run the "
                "command again")
            sys.exit(1)
        if isinstance(exc, _click_exceptions()):
            exc.show()
            sys.exit(exc.exit_code)
        if os.environ.get("KG_DEBUG"):
            raise
        err(f"kg: internal error: {type(exc).__name__}: {exc} (KG_DEBUG=1 shows the traceback; "
            "please report it)")
        sys.exit(70)
