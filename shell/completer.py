"""Context-aware completion. `suggest(text, cursor, catalog)` is pure: it returns what to offer
at the cursor; `KGCompleter` only adapts it to prompt_toolkit."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.results import prefixed
from kg.store.sparql import strip_literals

from .catalog import Catalog, Term
from .sparqltext import variables

KEYWORDS = """SELECT DISTINCT REDUCED WHERE FILTER OPTIONAL UNION MINUS GRAPH SERVICE BIND VALUES
ORDER BY GROUP HAVING LIMIT OFFSET ASK CONSTRUCT DESCRIBE PREFIX BASE AS COUNT SUM MIN MAX AVG
SAMPLE GROUP_CONCAT NOT EXISTS IN STR LANG LCASE UCASE CONTAINS STRSTARTS STRENDS REGEX
DATATYPE isIRI isLiteral BOUND COALESCE IF INSERT DELETE DATA CLEAR DROP LOAD WITH USING
NAMED ASC DESC YEAR MONTH DAY NOW""".split()

_WORD = re.compile(r"[\w:?$.\-]*$")


@dataclass(frozen=True)
class Suggestion:
    text: str  # what replaces the word before the cursor
    display: str
    meta: str = ""
    start: int = 0  # negative: how many characters before the cursor are replaced


def _position(before: str) -> str:
    """'class' after 'a', 'predicate' after a subject or ';', 'object' after a predicate."""
    body = strip_literals(before)
    inner = body[body.rfind("{") + 1:] if "{" in body else ""
    if not inner and "{" not in body:
        return "top"
    tail = re.split(r"(?<![\d])\.(?![\d\w])|\{", inner)[-1]
    tokens = re.findall(r"<[^>]*>|\"[^\"]*\"|[^\s;,]+|;|,", tail)
    if tokens and tokens[-1] == "a":
        return "class"
    if not tokens or tokens[-1] == ";":
        return "predicate" if tokens else "subject"
    if tokens[-1] == ",":
        return "object"
    since = tokens[len(tokens) - 1 - tokens[::-1].index(";") + 1:] if ";" in tokens else tokens
    if any(t.upper() in ("FILTER", "BIND", "VALUES", "OPTIONAL", "GRAPH", "MINUS") for t in since):
        return "expression"
    return {1: "predicate", 2: "object"}.get(len(since), "subject")


def _terms(terms: list[Term], word: str, prefixes: dict[str, str], meta: str) -> list[Suggestion]:
    out = []
    for t in terms:
        short = prefixed(t.iri, prefixes, readable=False)
        if short.lower().startswith(word.lower()) or (
                ":" not in word and short.split(":", 1)[-1].lower().startswith(word.lower())):
            out.append(Suggestion(short, short, f"{meta} ({t.count})", -len(word)))
    return out


def _resources(cat: Catalog, word: str) -> list[Suggestion]:
    if len(word) < 2 or ":" in word or word.startswith(("?", "$")):
        return []
    out = []
    for t in cat.by_label(word, limit=20):
        short = prefixed(t.iri, cat.prefixes, readable=False)
        shown = short if not short.startswith("<") else "<\u2026/" + "/".join(
            t.iri.rstrip("/").split("/")[-2:]) + ">"
        out.append(Suggestion(short, f"{shown}  {t.label}" + (f" ({t.kind})" if t.kind else ""),
                              t.kind, -len(word)))
    return out


def suggest(text: str, cursor: int, cat: Catalog, commands: list[str] | None = None,
            saved: list[str] | None = None) -> list[Suggestion]:
    before = text[:cursor]
    word = _WORD.search(before).group(0)
    line = before.rsplit("\n", 1)[-1]
    if line.lstrip().startswith("\\"):
        return _meta(line, word, cat, commands or [], saved or [])
    if word.startswith(("?", "$")):
        return [Suggestion(word[0] + v, word[0] + v, "variable", -len(word))
                for v in variables(text) if v.startswith(word[1:]) and word[0] + v != word]
    if re.search(r"\bPREFIX\s+[\w.-]*$", before, re.I):
        return [Suggestion(f"{p}: <{iri}>", f"{p}: <{iri}>", "prefix", -len(word))
                for p, iri in sorted(cat.prefixes.items()) if p.startswith(word)]
    pos = _position(before)
    out: list[Suggestion] = []
    if pos == "class":
        out += _terms(cat.classes, word, cat.prefixes, "class")
    elif pos == "predicate":
        out += _terms(cat.properties, word, cat.prefixes, "property")
        if "a".startswith(word.lower()):
            out.insert(0, Suggestion("a", "a", "rdf:type", -len(word)))
    if ":" in word:
        prefix = word.split(":", 1)[0]
        if prefix in cat.prefixes and pos not in ("class", "predicate"):
            ns = cat.prefixes[prefix]
            pool = [t for t in cat.classes + cat.properties + cat.resources
                    if t.iri.startswith(ns)]
            pool.sort(key=lambda t: -t.count)
            out += _terms(pool[:500], word, cat.prefixes, "")
        return _dedupe(out)
    if word:
        out += [Suggestion(f"{p}:", f"{p}:", cat.prefixes[p], -len(word))
                for p in sorted(cat.prefixes) if p.startswith(word.lower())]
        out += [Suggestion(k, k, "keyword", -len(word)) for k in KEYWORDS
                if k.lower().startswith(word.lower()) and k.lower() != word.lower()]
        out += _resources(cat, word)
    return _dedupe(out)


def _meta(line: str, word: str, cat: Catalog, commands: list[str], saved: list[str]):
    parts = line.lstrip().split(None, 1)
    if len(parts) == 1 and not line.endswith(" "):
        return [Suggestion(c, c, "command", -len(parts[0])) for c in commands
                if c.startswith(parts[0])]
    cmd = parts[0]
    arg = parts[1] if len(parts) > 1 else ""
    if cmd == "\\format":
        from kg.results import formats

        return [Suggestion(f, f, "format", -len(word)) for f in formats() if f.startswith(word)]
    if cmd == "\\run":
        return [Suggestion(n, n, "saved query", -len(word)) for n in saved if n.startswith(word)]
    if cmd == "\\describe" and arg:
        return [Suggestion(prefixed(t.iri, cat.prefixes, readable=False) if " " in arg else t.label,
                           f"{t.label} ({t.kind})" if t.kind else t.label, t.kind, -len(arg))
                for t in cat.by_label(arg, limit=20)]
    return []


def _dedupe(items: list[Suggestion]) -> list[Suggestion]:
    seen, out = set(), []
    for s in items:
        if s.text not in seen:
            seen.add(s.text)
            out.append(s)
    return out


try:  # the adapter needs prompt_toolkit; suggest() above does not
    from prompt_toolkit.completion import Completer, Completion

    class KGCompleter(Completer):
        def __init__(self, catalog: Catalog, commands=None, saved=None):
            self.catalog = catalog
            self.commands = commands or (lambda: [])
            self.saved = saved or (lambda: [])

        def get_completions(self, document, complete_event):
            for s in suggest(document.text, document.cursor_position, self.catalog,
                             self.commands(), self.saved()):
                yield Completion(s.text, start_position=s.start, display=s.display,
                                 display_meta=s.meta)
except ImportError:  # pragma: no cover
    KGCompleter = None
