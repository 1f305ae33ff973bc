"""SPARQL text helpers: the network guard and reading positions out of parser errors."""
from __future__ import annotations

import re
from contextlib import contextmanager

from ..errors import NetworkRefused, QueryError

_STRIP = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"\s]*>|#[^\n]*')
# SERVICE and LOAD as keywords: not a variable (?load), a prefixed name (ex:service) or a part
# of one (ex:load-date).
_NETWORK = re.compile(r"(?<![\w?$:.-])(SERVICE|LOAD)(?![\w:.-])", re.IGNORECASE)


def strip_literals(query: str) -> str:
    """The query with strings, IRIs and comments blanked (same length, so positions hold)."""
    return _STRIP.sub(lambda m: " " * len(m.group(0)), query)


def guard_network(query: str, allow_network: bool) -> None:
    """Refuse SERVICE and LOAD, which open connections, unless the user allowed the network."""
    if allow_network:
        return
    m = _NETWORK.search(strip_literals(query))
    if m:
        line = query.count("\n", 0, m.start()) + 1
        col = m.start() - (query.rfind("\n", 0, m.start()) + 1) + 1
        raise NetworkRefused(
            f"{m.group(1).upper()} at line {line}, column {col} would open a network connection; "
            "pass --allow-network to permit it", line, col, query)


@contextmanager
def graph_loading(allow_network: bool):
    """rdflib fetches the IRIs of FROM, FROM NAMED, USING and LOAD over the network (or reads
    file:// paths) unless told not to: without --allow-network those clauses only name graphs
    already in the store, on every backend."""
    import rdflib.plugins.sparql as rdflib_sparql

    before = rdflib_sparql.SPARQL_LOAD_GRAPHS
    rdflib_sparql.SPARQL_LOAD_GRAPHS = allow_network
    try:
        yield
    finally:
        rdflib_sparql.SPARQL_LOAD_GRAPHS = before


_PROLOGUE = re.compile(r"\s*(?:PREFIX\s+[\w.-]*:\s*|BASE\s*)", re.IGNORECASE)
_UPDATE_VERBS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


def first_keyword(text: str) -> str:
    """The first keyword after the PREFIX/BASE prologue, upper-cased ('' when none)."""
    body = strip_literals(text)
    pos = 0
    while m := _PROLOGUE.match(body, pos):
        if m.end() == pos:
            break
        pos = m.end()
        pos += len(body[pos:]) - len(body[pos:].lstrip())
    m = re.match(r"\s*([A-Za-z]+)", body[pos:])
    return m.group(1).upper() if m else ""


DESTRUCTIVE = ("DELETE", "DROP", "CLEAR", "MOVE", "COPY", "ADD")


def deletes_data(text: str) -> bool:
    """Whether an update can remove or overwrite triples (COPY and MOVE replace the target
    graph; ADD is confirmed with them, as the shell does)."""
    words = set(strip_literals(text).upper().split())
    return bool(words & set(DESTRUCTIVE))


def is_update(text: str) -> bool:
    """True when the text is a SPARQL Update rather than a query."""
    return first_keyword(text) in _UPDATE_VERBS


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE (SELECT when it cannot tell)."""
    kw = first_keyword(text)
    return kw if kw in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE") else "SELECT"


_POS = re.compile(r"(?:error at |at line |line )(\d+)[:, ]+(?:column |col )?(\d+)", re.I)


def syntax_error(exc: Exception, query: str) -> QueryError:
    """A QueryError with line and column from an Oxigraph or rdflib (pyparsing) parse error."""
    line = getattr(exc, "lineno", None) or getattr(exc, "line_number", None)
    col = getattr(exc, "col", None) or getattr(exc, "column", None)
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if not isinstance(line, int):
        m = _POS.search(str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (None, None)
    msg = re.sub(r"^error at \d+:\d+:\s*", "", msg)
    if len(msg) > 160:  # Oxigraph lists every token it could have accepted
        msg = msg[:157].rsplit(",", 1)[0] + ", …"
    where = f" at line {line}, column {col}" if line else ""
    return QueryError(f"SPARQL syntax error{where}: {msg}{_did_you_mean(query)}", line, col,
                      query)


_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", *sorted(_UPDATE_VERBS), "PREFIX", "BASE")


def _did_you_mean(query: str) -> str:
    """'SELEC ?s …' -> '; did you mean SELECT?'"""
    import difflib

    word = first_keyword(query)
    if not word or word in _FORMS:
        return ""
    close = difflib.get_close_matches(word, _FORMS, n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""


_PNAME = re.compile(r"(?<![\w<?$:/#])([A-Za-z][\w.-]*)?:(?=[A-Za-z_\d])")
_DECLARED = re.compile(r"\bPREFIX\s+([\w.-]*):", re.IGNORECASE)


def used_prefixes(query: str) -> set[str]:
    body = strip_literals(query)
    return {m.group(1) or "" for m in _PNAME.finditer(body)}


def declared_prefixes(query: str) -> set[str]:
    return set(_DECLARED.findall(strip_literals(query)))


def with_prefixes(query: str, known: dict[str, str]) -> str:
    """The query with PREFIX lines added for known prefixes it uses but does not declare."""
    missing = sorted((used_prefixes(query) - declared_prefixes(query)) & set(known))
    head = "".join(f"PREFIX {p}: <{known[p]}>\n" for p in missing)
    return head + query


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def with_values(query: str, bindings: dict) -> str:
    """The query with `bindings` ({name: pyoxigraph term}) as a VALUES block opening its
    outermost WHERE group, for a server reached through the SPARQL protocol (which has no
    other way to bind a variable). The terms are written by pyoxigraph, never by hand; a
    VALUES block there binds the variables for the whole group, also below an aggregate,
    where a VALUES clause after the query would not."""
    if not bindings:
        return query
    names = list(bindings)
    block = (" VALUES (" + " ".join(f"?{n}" for n in names) + ") { ("
             + " ".join(str(bindings[n]) for n in names) + ") } ")
    body = strip_literals(query)
    depth_at = _depths(body)
    where = next((m.end() for m in _WHERE.finditer(body) if depth_at[m.start()] == 0), None)
    if where is None:
        where = next((i + 1 for i, c in enumerate(body) if c == "{" and depth_at[i] == 0), None)
    if where is None:
        raise QueryError("a query without a WHERE group cannot take bindings", query=query)
    return query[:where] + block + query[where:]


def _depths(body: str) -> list[int]:
    """The brace depth before each character."""
    out, depth = [], 0
    for c in body:
        out.append(depth)
        depth += (c == "{") - (c == "}")
    return out
