"""Plain-text helpers over SPARQL the shell needs: is a query complete, which prefixes it uses,
which variables it has, and adding the PREFIX lines it lacks."""
from __future__ import annotations

import re

from kg.store.sparql import (declared_prefixes, strip_literals, used_prefixes,  # noqa: F401
                             with_prefixes)

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


def variables(query: str) -> list[str]:
    seen: list[str] = []
    for m in _VAR.finditer(strip_literals(query)):
        if m.group(1) not in seen:
            seen.append(m.group(1))
    return seen


def strip_terminator(text: str) -> str:
    return text.strip().rstrip(";").strip()
