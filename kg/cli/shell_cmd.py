"""kg shell: the interactive SPARQL shell (plain `kg` opens it too)."""
from __future__ import annotations

from typing import Optional

import typer

from .app import app, err


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
        target = _open(ctx)
    raise typer.Exit(run_shell(target))


def _open(ctx: typer.Context):
    """The store as its writer; when another process writes it (or it cannot be written), the
    shell opens read-only at once rather than wait: queries work, writes say why they cannot."""
    from ..errors import StoreError

    try:
        return ctx.obj.store(create=True, lock_wait=0)
    except StoreError as exc:
        try:
            store = ctx.obj.store(read_only=True)
        except StoreError:
            raise exc from None
    if store.read_only:
        from ..store.readonly import why_read_only

        err(f"kg: warning: read-only: {why_read_only(store.directory).split(';')[0]}; this "
            "shell sees the store as it was when it opened")
    return store
