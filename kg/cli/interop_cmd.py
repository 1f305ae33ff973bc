"""kg push and kg serve: the graph in other triple stores, and the store as an endpoint."""
from __future__ import annotations

from typing import Optional

import typer

from .app import app, err, stderr_console


def _password(var: Optional[str]) -> Optional[str]:
    import os

    from ..errors import UsageError

    if var is None:
        return None
    if var not in os.environ:
        raise UsageError(f"--password-env {var}: no such environment variable")
    return os.environ[var]


@app.command()
def push(ctx: typer.Context,
         endpoint: Optional[str] = typer.Option(None, help="SPARQL query endpoint, used to "
                                                "count what landed."),
         graph_store: Optional[str] = typer.Option(None, help="Graph Store Protocol URL "
                                                   "(e.g. http://host:7878/store)."),
         update_endpoint: Optional[str] = typer.Option(None, help="SPARQL Update URL, for "
                                                       "servers without a Graph Store."),
         user: Optional[str] = typer.Option(None, help="User name for basic or digest auth."),
         password_env: Optional[str] = typer.Option(None, help="Name of the environment "
                                                    "variable holding the password."),
         graph: Optional[str] = typer.Option(None, help="Push everything into this one graph."),
         batch: int = typer.Option(5000, help="Triples per request."),
         timeout: float = typer.Option(60.0, help="Seconds to wait for each request."),
         with_ontology: bool = typer.Option(False, help="Push the ontology graph too.")):
    """Send the graph to another triple store, one named graph per article.

    Example: kg push --endpoint http://127.0.0.1:7878/query --graph-store http://127.0.0.1:7878/store

    Re-pushing replaces each graph, so nothing is duplicated. Credentials are read from the
    variable --password-env names and never printed.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ..interop.push import describe, push as run_push

    if not graph_store and not update_endpoint:
        from ..errors import UsageError

        raise UsageError("give --graph-store URL or --update-endpoint URL (and --endpoint to "
                         "count what landed)")
    store = ctx.obj.store()
    with Progress(TextColumn("pushing"), BarColumn(), MofNCompleteColumn(), transient=True,
                  console=stderr_console()) as bar:
        task = bar.add_task("push", total=None)
        report = run_push(store, endpoint=endpoint, graph_store=graph_store,
                          update_endpoint=update_endpoint, user=user,
                          password=_password(password_env), graph=graph, batch_size=batch,
                          timeout=timeout,
                          with_ontology=with_ontology,
                          on_start=lambda n: bar.update(task, total=n),
                          progress=lambda g, n: bar.update(task, advance=n))
    if report.failed:
        err(f"kg: error: {report.failed}")
        raise typer.Exit(1)
    typer.echo(describe(report, endpoint))
    if any(g.counted is not None and g.counted != g.sent for g in report.graphs):
        err("kg: error: the endpoint counts a different number of triples than were sent "
            "(listed above)")
        raise typer.Exit(1)


@app.command()
def serve(ctx: typer.Context,
          port: int = typer.Option(7878, min=1, max=65535, help="Port on 127.0.0.1."),
          allow_update: bool = typer.Option(False, help="Accept SPARQL Update requests."),
          timeout: float = typer.Option(60.0, min=0.1, help="Seconds a query may take before "
                                        "the client gets 503.")):
    """Serve the store as a SPARQL 1.1 endpoint on 127.0.0.1 (read-only by default).

    Example: kg serve --port 7878   then query http://127.0.0.1:7878/sparql
    """
    from ..errors import UsageError
    from ..interop.serve import make_server

    try:
        server = make_server(ctx.obj.store(), port=port, allow_update=allow_update,
                             timeout=timeout)
    except OSError as exc:
        raise UsageError(f"--port {port}: cannot listen on 127.0.0.1:{port} ({exc.strerror}); "
                         "choose another port") from None
    typer.echo(f"serving {ctx.obj.store().location} at http://127.0.0.1:{port}/sparql "
               f"({'read-write' if allow_update else 'read-only'}); Ctrl-C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
