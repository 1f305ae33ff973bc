"""The meta-commands, each registered by name with its help (like litecli's) in the table that
executor.py keeps; commands_io.py has the ones for input and output."""
from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

from rdflib import URIRef

from kg.errors import KGError, UsageError
from kg.extract.text import cut
from kg.namespaces import ONTOLOGY_IRI
from kg.results import prefixed, short

from .executor import COMMANDS, Executor, Output, command, names


def _table(headers: list[str], rows: list[list]) -> str:
    widths = [max([len(h)] + [len(str(r[i])) for r in rows]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(r, widths)) for r in rows]
    return "\n".join(lines)


@command("\\?", aliases=("\\help",))
def help_(ex: Executor, arg: str) -> Output:
    """List the meta-commands."""
    seen, rows = set(), []
    for n in names():
        cmd = COMMANDS[n]
        if cmd.name not in seen:
            seen.add(cmd.name)
            rows.append([cmd.usage, cmd.help])
    tip = ("\nEnd a query with ';' or a blank line to run it (Alt-Enter runs it at once). "
           "Tab completes keywords, prefixes, classes, properties, variables and labels.")
    return Output(_table(["command", "what it does"], rows) + tip)


@command("\\q", aliases=("\\quit", "\\exit"))
def quit_(ex: Executor, arg: str) -> Output:
    """Leave the shell (Ctrl-D does too)."""
    return Output(quit=True)


@command("\\prefixes", "\\prefixes [NAME IRI | NAME -]")
def prefixes(ex: Executor, arg: str) -> Output:
    """List the prefixes, declare one (kept in the store), or remove one with '-'."""
    if arg:
        parts = arg.split()
        if len(parts) != 2:
            raise UsageError("usage: \\prefixes NAME IRI (or NAME - to remove it)")
        name, iri = parts[0].rstrip(":"), parts[1].strip("<>")
        if iri == "-":
            removed = ex.store.unbind(name)
            if ex.catalog is not None:
                ex.catalog.prefixes.pop(name, None)
            return Output(f"removed {name}:" if removed else f"no prefix {name}: of yours")
        ex.store.bind(name, iri)
        if ex.catalog is not None:
            ex.catalog.prefixes[name] = iri
        return Output(f"{name}: <{iri}>")
    return Output(_table(["prefix", "namespace"],
                         [[p + ":", f"<{i}>"] for p, i in sorted(ex.prefixes.items())]))


def _counts(ex: Executor, query: str, label: str) -> Output:
    res = ex.store.query(query)
    return Output(_table([label, "count"], [[short(t, ex.prefixes), n] for t, n in res.rows]))


@command("\\classes", aliases=("\\dt",))
def classes(ex: Executor, arg: str) -> Output:
    """Classes with their instance counts."""
    return _counts(ex, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c "
                       "ORDER BY DESC(?n) LIMIT 500", "class")


@command("\\properties", aliases=("\\dp",))
def properties(ex: Executor, arg: str) -> Output:
    """Properties with how often they are used."""
    return _counts(ex, "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p "
                       "ORDER BY DESC(?n) LIMIT 500", "property")


def find_resource(ex: Executor, arg: str) -> str:
    """An IRI from '<iri>', 'prefix:local' or a label (exact first, then contained)."""
    arg = arg.strip()
    if arg.startswith("<") and arg.endswith(">"):
        return arg[1:-1]
    m = re.fullmatch(r"([\w.-]*):([\w.\-/]+)", arg)
    if m and m.group(1) in ex.prefixes:
        return ex.prefixes[m.group(1)] + m.group(2)
    lit = json.dumps(arg.lower())
    for test in (f"LCASE(STR(?l)) = {lit}", f"CONTAINS(LCASE(STR(?l)), {lit})"):
        res = ex.store.query("SELECT ?s (COUNT(?x) AS ?n) WHERE { ?s rdfs:label|skos:altLabel ?l "
                             f"FILTER({test}) OPTIONAL {{ ?x ?p ?s }} }} GROUP BY ?s "
                             "ORDER BY DESC(?n) LIMIT 1")
        if res.rows:
            return str(res.rows[0][0])
    raise UsageError(f"nothing is called {arg!r}; try part of the name, or prefix:local")


@command("\\describe", "\\describe IRI|LABEL")
def describe(ex: Executor, arg: str) -> Output:
    """Everything about one resource, both directions, with the sentences it came from."""
    if not arg:
        raise UsageError("usage: \\describe IRI|LABEL")
    iri = find_resource(ex, arg)
    p = ex.prefixes
    out = [f"{prefixed(iri, p)}"]
    x = {"x": URIRef(iri)}  # bound, never pasted into the query text
    rows = ex.store.query("SELECT ?x ?p ?o WHERE { ?x ?p ?o } ORDER BY ?p ?o", x).rows
    for _, pred, obj in rows:
        if str(pred).endswith(("#evidence", "#text")):
            continue
        out.append(f"  {short(pred, p)}  {cut(short(obj, p), 100)}")
    rows = ex.store.query("SELECT ?x ?s ?p WHERE { ?s ?p ?x } ORDER BY ?p ?s LIMIT 200", x).rows
    if rows:
        out.append("referred to by:")
        out += [f"  {short(s, p)}  {short(pr, p)}" for _, s, pr in rows]
    ev = ex.store.query("""SELECT DISTINCT ?x ?title ?ev WHERE {
        { GRAPH ?a { ?x kg:evidence ?ev } } UNION
        { ?f ?p ?x . GRAPH ?a { ?f kg:evidence ?ev } } UNION
        { ?a kg:mentions ?x }
        ?a a kg:Article ; rdfs:label ?title } ORDER BY ?title ?ev LIMIT 30""", x).rows
    if ev:
        out.append("from:")
        by_article: dict[str, list[str]] = {}
        for _, title, sentence in ev:
            found = by_article.setdefault(cut(str(title), 70), [])
            if sentence is not None:
                found.append(cut(str(sentence), 160))
        for title, sentences in by_article.items():
            out.append(f"  {title}")
            out += [f"    \u00bb {s_}" for s_ in sentences]
    return Output("\n".join(out))


@command("\\graphs", aliases=("\\l",))
def graphs(ex: Executor, arg: str) -> Output:
    """The article graphs, with titles and sizes."""
    res = ex.store.query("SELECT ?g ?title (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                         "OPTIONAL { ?g rdfs:label ?title } } GROUP BY ?g ?title ORDER BY ?title")
    rows = [[prefixed(str(g), ex.prefixes), cut(str(t or ""), 60), n] for g, t, n in res.rows
            if not str(g).startswith(ONTOLOGY_IRI)]
    return Output(_table(["graph", "title", "triples"], rows))


@command("\\stats")
def stats(ex: Executor, arg: str) -> Output:
    """Triples, articles and instances per class."""
    from kg.stats import stats as run

    s = run(ex.store)
    lines = [f"triples {s.triples}, articles {s.articles}, graphs {s.graphs}"]
    lines += [f"  kg:{c:<22} {n}" for c, n in s.classes.items()]
    return Output("\n".join(lines))


@command("\\format", "\\format table|vertical|csv|tsv|json|xml|md")
def format_(ex: Executor, arg: str) -> Output:
    """Choose how results are shown."""
    from kg.results import formats

    if not arg:
        return Output(f"format is {ex.format}")
    if arg not in formats():
        raise UsageError(f"choose one of {', '.join(formats())}")
    ex.format = arg
    return Output(f"format is {arg}")


@command("\\timing", "\\timing [on|off]")
def timing(ex: Executor, arg: str) -> Output:
    """Show (or stop showing) how long each query took."""
    ex.timing = (arg != "off") if arg else not ex.timing
    return Output(f"timing is {'on' if ex.timing else 'off'}")


@command("\\limit", "\\limit N")
def limit(ex: Executor, arg: str) -> Output:
    """Show at most N rows of a result (0: all); the total is always reported."""
    if not arg:
        return Output(f"showing at most {ex.limit} rows" if ex.limit else "showing every row")
    if not arg.isdigit():
        raise UsageError("usage: \\limit N (0 shows every row)")
    ex.limit = int(arg)
    return Output(f"showing at most {ex.limit} rows" if ex.limit else "showing every row")


@command("\\export", "\\export FILE")
def export(ex: Executor, arg: str) -> Output:
    """Write the last result (.csv .tsv .json .xml .md) or the graph (.ttl .nt .nq .trig ...)."""
    from kg.results import render

    if not arg:
        raise UsageError("usage: \\export FILE")
    path = Path(arg).expanduser()
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("csv", "tsv", "json", "xml", "md"):
        if ex.last_result is None:
            raise UsageError("no result to export yet; run a query first")
        path.write_text(render(ex.last_result, suffix, ex.prefixes), encoding="utf-8")
        return Output(f"wrote {len(ex.last_result)} rows to {path}")
    from kg.export import export as write, format_for

    n = write(ex.store, path, format_for(path))
    return Output(f"wrote {n} statements to {path}")


@command("\\load", "\\load FILE|DIR")
def load(ex: Executor, arg: str) -> Output:
    """Add articles (.txt .md .json .jsonl) or RDF (.ttl .nt .nq .trig .jsonld .rdf)."""
    from kg.export import import_file
    from kg.ingest.readers import suffixes

    if not arg:
        raise UsageError("usage: \\load FILE|DIR")
    path = Path(arg).expanduser()
    if path.is_file() and path.suffix.lower() not in suffixes():
        graph, n = import_file(ex.store, path)
        return Output(f"{n} triples into <{graph}>")
    from kg.build import build

    report = build(ex.store, [str(path)])
    lines = [report.summary()] + [f"skipped {e}" for e in report.errors] + \
        [f"merged {m}" for m in report.merged] + ([report.stopped] if report.stopped else [])
    if ex.catalog is not None:
        from .catalog import load as reload

        fresh = reload(ex.store)
        ex.catalog.classes, ex.catalog.properties = fresh.classes, fresh.properties
        ex.catalog.resources = fresh.resources
        ex.catalog.index()
    return Output("\n".join(lines))


def saved_path() -> Path:
    from .config import config_dir

    return config_dir() / "queries.json"


def saved_queries() -> dict[str, str]:
    path = saved_path()
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        raise KGError(f"{path} is not valid JSON; fix or delete it") from None


@command("\\save", "\\save NAME [QUERY]")
def save(ex: Executor, arg: str) -> Output:
    """Save the last query (or the one given) by name; {{1}} or {{name}} mark parameters."""
    parts = arg.split(None, 1)
    if not parts:
        raise UsageError("usage: \\save NAME [QUERY]")
    query = parts[1] if len(parts) > 1 else ex.last_query
    if not query:
        raise UsageError("no query to save yet; run one first or give it after the name")
    queries = saved_queries()
    queries[parts[0]] = query
    path = saved_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(queries, indent=2), encoding="utf-8")
    return Output(f"saved {parts[0]}")


@command("\\run", "\\run NAME [ARGS]")
def run(ex: Executor, arg: str) -> Output:
    """Run a saved query; positional args fill {{1}}, {{2}}…, name=value fills {{name}}."""
    if not arg:
        rows = [[n, cut(q, 70)] for n, q in sorted(saved_queries().items())]
        return Output(_table(["name", "query"], rows) if rows else "no saved queries yet")
    parts = shlex.split(arg)
    query = saved_queries().get(parts[0])
    if query is None:
        raise UsageError(f"no saved query {parts[0]!r}; \\run lists them")
    values = {}
    for i, a in enumerate(parts[1:], start=1):
        key, _, val = a.partition("=") if "=" in a else (str(i), "", a)
        values[key] = val
    text = re.sub(r"\{\{(\w+)\}\}", lambda m: values.get(m.group(1), m.group(0)), query)
    missing = re.findall(r"\{\{(\w+)\}\}", text)
    if missing:
        raise UsageError(f"give a value for {', '.join(missing)}")
    return ex.run_sparql(text)


@command("\\explain", "\\explain [QUERY]")
def explain(ex: Executor, arg: str) -> Output:
    """Show the plan the store runs a query with (the last one by default), rows per step."""
    from kg.store.explain import algebra, explain as plan

    from .sparqltext import strip_terminator

    query = strip_terminator(arg).strip() if arg else ex.last_query
    if not query:
        raise UsageError("usage: \\explain QUERY (or run a query first)")
    if ex.store.managed:  # a store kg keeps, not an endpoint
        return Output(plan(ex.store, query))
    return Output("the SPARQL algebra of the query (the endpoint does not show its own plan):\n"
                  + algebra(query, ex.prefixes))


@command("\\e", "\\e", aliases=("\\edit",))
def edit(ex: Executor, arg: str) -> Output:
    """Edit the current (or last) query in $EDITOR."""
    return Output(edit=True, text=arg or ex.last_query or "")

