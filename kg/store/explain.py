"""The plan a query runs with, each step with the rows it gave (like EXPLAIN ANALYZE).

For the Oxigraph store it is Oxigraph's own plan: pyoxigraph does not expose it, so the
`oxigraph` command line (the `oxigraph` package) runs the query with --explain-file on a pinned
snapshot of the store (kg/store/readonly.py), reading the snapshot's files through descriptors
handed to it. For the memory store it is the SPARQL algebra rdflib evaluates.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import QueryError, StoreError, UsageError
from ..namespaces import sparql_prologue
from .sparql import guard_network, is_update

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
TIMEOUT = 120.0  # \explain runs the query to count rows; a runaway one is stopped


def oxigraph_command() -> str | None:
    """The `oxigraph` program: beside this Python (a virtual environment), else on PATH."""
    here = Path(sys.executable).with_name("oxigraph")
    return str(here) if here.is_file() else shutil.which("oxigraph")


def explain(store, query: str) -> str:
    """The plan of `query` on `store` as an indented tree, IRIs in prefixed form."""
    if is_update(query):
        raise UsageError("\\explain shows the plan of a query; an update has none to show")
    guard_network(query, store.allow_network)
    if store.backend.name != "oxigraph":
        return "the SPARQL algebra rdflib evaluates:\n" + algebra(query, store.prefixes)
    import pyoxigraph as ox

    from .sparql import syntax_error

    try:  # parsed here, so an error points into the user's text (an empty store answers at once)
        ox.Store().query(query, prefixes=store.prefixes)
    except SyntaxError as exc:
        raise syntax_error(exc, query) from None
    program = oxigraph_command()
    if program is None:
        return ("Oxigraph's own plan needs the oxigraph command (pip install oxigraph); the "
                "SPARQL algebra instead:\n" + algebra(query, store.prefixes))
    plan = _oxigraph_plan(store, program, sparql_prologue(store.prefixes) + query)
    lines = [f"Oxigraph's plan (planned in {plan['planning duration in seconds'] * 1000:.2f} ms; "
             "rows each step gave, time it took):"]

    def walk(node: dict, depth: int) -> None:
        name = _short(node["name"], store.prefixes)
        took = node.get("duration in seconds")
        lines.append(f"{'  ' * depth}{name}  [{node.get('number of results', '?')} rows"
                     + (f", {took * 1000:.2f} ms]" if took is not None else "]"))
        for child in node.get("children", []):
            walk(child, depth + 1)
    walk(plan["plan"], 0)
    return "\n".join(lines)


def _oxigraph_plan(store, program: str, text: str) -> dict:
    from .readonly import pinned

    with tempfile.TemporaryDirectory(prefix="kg-explain-") as work:
        query_file, plan_file = Path(work) / "query.rq", Path(work) / "plan.json"
        query_file.write_text(text, encoding="utf-8")

        def run(location: str) -> subprocess.CompletedProcess:
            fds = [int(Path(p).readlink().name) for p in Path(location).iterdir()
                   if p.is_symlink()] if os.path.isdir("/proc/self/fd") else []
            return subprocess.run(
                [program, "query", "--location", location, "--query-file", str(query_file),
                 "--explain-file", str(plan_file), "--stats", "--results-format", "tsv"],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, pass_fds=fds,
                timeout=TIMEOUT)
        try:
            res, pins = pinned(store.directory / "oxigraph", run)
        except subprocess.TimeoutExpired:
            raise StoreError(f"the query ran for more than {TIMEOUT:g} s; \\explain runs it to "
                             "count the rows of each step, so explain a smaller one") from None
        if pins:
            pins.release()
        if res.returncode != 0 or not plan_file.exists():
            message = next((line for line in res.stderr.splitlines() if line.strip()), "failed")
            raise QueryError(f"oxigraph could not run the query: {message}")
        return json.loads(plan_file.read_text(encoding="utf-8"))


def _short(name: str, prefixes: dict[str, str]) -> str:
    from ..results import prefixed

    name = name.replace(RDF_TYPE, "a")
    return re.sub(r"<([^<>\s]+)>", lambda m: prefixed(m.group(1), prefixes, readable=False),
                  name)


def algebra(query: str, prefixes: dict[str, str]) -> str:
    import contextlib
    import io

    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.algebra import pprintAlgebra

    from .sparql import syntax_error

    try:
        prepared = prepareQuery(query, initNs=prefixes)
    except Exception as exc:  # pyparsing's ParseException and friends
        raise syntax_error(exc, query) from None
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        pprintAlgebra(prepared)
    return buf.getvalue().rstrip()
