"""kg shell: the interactive SPARQL shell (plain `kg` opens it too)."""
from __future__ import annotations

from typing import Optional

import typer

from .app import app


@app.command()
def shell(ctx: typer.Context,
          endpoint: Optional[str] = typer.Option(None, help="Work against a remote SPARQL "
                                                 "endpoint instead of the local store."),
          update_endpoint: Optional[str] = typer.Option(None, help="Remote update endpoint.")):
    """Open the interactive SPARQL shell on the store.

    Example: kg shell      then type a query ending in ';' or \\? for the meta-commands.
    """
    from ..shell.app import run_shell

    if endpoint:
        from ..interop.remote import remote_store

        target = remote_store(endpoint, update_endpoint, allow_network=ctx.obj.allow_network)
    else:
        target = ctx.obj.store(create=True)
    raise typer.Exit(run_shell(target))
