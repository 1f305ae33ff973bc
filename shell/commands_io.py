"""Meta-commands for where output goes and where input comes from, as psql users expect:
\\x (expanded display), \\i FILE (run a file), \\o FILE (send results to a file)."""
from __future__ import annotations

from pathlib import Path

from kg.errors import UsageError

from .executor import Executor, Output, command


@command("\\x", "\\x [on|off]")
def expanded(ex: Executor, arg: str) -> Output:
    """Toggle expanded display: one field per line (the vertical format)."""
    on = (arg != "off") if arg else ex.format != "vertical"
    if on and ex.format != "vertical":
        ex.before_expanded, ex.format = ex.format, "vertical"
    elif not on and ex.format == "vertical":
        ex.format = getattr(ex, "before_expanded", "table")
    return Output(f"expanded display is {'on' if on else 'off'}")


def statements(text: str) -> list[str]:
    """The statements of a file: each ends with ';' at the end of a line or a blank line."""
    out, current = [], []
    for line in text.splitlines():
        if not line.strip():
            if "".join(current).strip():
                out.append("\n".join(current))
            current = []
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            out.append("\n".join(current))
            current = []
    if "".join(current).strip():
        out.append("\n".join(current))
    return out


@command("\\i", "\\i FILE")
def include(ex: Executor, arg: str) -> Output:
    """Run the queries and commands in a file, one after another; stops at the first error."""
    if not arg:
        raise UsageError("usage: \\i FILE")
    path = Path(arg).expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror})") from None
    shown = []
    for n, stmt in enumerate(statements(text), start=1):
        out = ex.execute(stmt)
        if out.confirm:
            ex.answer(False)
            return Output("\n".join(shown + [f"{path}: statement {n} deletes data; run it by "
                                             "hand to be asked. Stopped."]), error=True)
        shown.append(out.text)
        if out.error:
            return Output("\n".join(shown + [f"{path}: stopped at statement {n}"]), error=True)
    return Output("\n".join(t for t in shown if t))


@command("\\o", "\\o [FILE]")
def output_to(ex: Executor, arg: str) -> Output:
    """Send query results to FILE (appended) instead of the screen; \\o alone stops."""
    if not arg:
        ex.output_file = None
        return Output("results go to the screen")
    path = Path(arg).expanduser()
    if not path.parent.is_dir():
        raise UsageError(f"{path}: the folder {path.parent} does not exist")
    ex.output_file = path
    return Output(f"results go to {path}")
