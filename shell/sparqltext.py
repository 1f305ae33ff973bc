"""Plain-text helpers over SPARQL the shell needs: is a query complete, which prefixes it uses,
which variables it has, and adding the PREFIX lines it lacks."""
from __future__ import annotations

import re

from kg.store.sparql import strip_literals

_PNAME = re.compile(r"(?<![\w<?$:/#])([A-Za-z][\w.-]*)?:(?=[A-Za-z_\d])")
_DECLARED = re.compile(r"\bPREFIX\s+([\w.-]*):", re.IGNORECASE)
_VAR = re.compile(r"[?$]([A-Za-z_]\w*)")


def is_complete(text: str) -> bool:
    """A query (not a meta-command) is complete when its braces balance and it ends with ';'
    or a blank line."""
    stripped = text.strip()
    if not stripped:
        return False
    if stripped.startswith("\\"):
        return True
    body = strip_literals(text)
    if body.count("{") != body.count("}"):
        return False
    return stripped.endswith(";") or text.endswith("\n\n") or text.endswith("\n \n")


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


def variables(query: str) -> list[str]:
    seen: list[str] = []
    for m in _VAR.finditer(strip_literals(query)):
        if m.group(1) not in seen:
            seen.append(m.group(1))
    return seen


def strip_terminator(text: str) -> str:
    return text.strip().rstrip(";").strip()
