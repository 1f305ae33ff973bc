"""The shell's loop: read a query with prompt_toolkit, hand it to the executor, show the output.

Everything that decides anything lives in executor.py, commands.py and completer.py."""
from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
import threading
from typing import Callable

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.filters import Condition
from prompt_toolkit.history import FileHistory, InMemoryHistory
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.layout.processors import HighlightMatchingBracketProcessor

from kg.store.sparql import strip_literals

from . import commands
from .catalog import load_in_background
from .completer import KGCompleter
from .config import Settings, data_dir, load_settings, write_default_config
from .executor import Executor, Output
from .lexer import KGLexer
from .sparqltext import is_complete


def _balanced(text: str) -> bool:
    body = strip_literals(text)
    return body.count("{") == body.count("}")


def key_bindings(in_query: Callable[[], bool] = lambda: True) -> KeyBindings:
    """Enter runs a complete query and otherwise starts a new line; Alt-Enter runs it now.
    Outside a query (answering a question) Enter simply accepts."""
    kb = KeyBindings()

    @kb.add("enter", filter=Condition(in_query))
    def _(event):
        buf = event.current_buffer
        text = buf.text
        last_line_blank = buf.document.is_cursor_at_the_end and text.endswith("\n")
        if is_complete(text) or (last_line_blank and text.strip() and _balanced(text)):
            buf.validate_and_handle()
        else:
            buf.insert_text("\n")

    @kb.add("escape", "enter")
    def _(event):  # Alt-Enter / Esc-Enter: run it now
        event.current_buffer.validate_and_handle()

    return kb


def _style(name: str):
    from prompt_toolkit.styles import merge_styles, style_from_pygments_cls
    from prompt_toolkit.styles import Style
    from pygments.styles import get_style_by_name
    from pygments.util import ClassNotFound

    try:
        pyg = style_from_pygments_cls(get_style_by_name(name))
    except ClassNotFound:
        pyg = style_from_pygments_cls(get_style_by_name("default"))
    return merge_styles([pyg, Style.from_dict({"meta": "italic", "prompt": "bold"})])


def _history(settings: Settings):
    try:
        path = data_dir() / "history"
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))
        os.chmod(path, 0o600)  # queries may hold credentials: the history is its owner's only
        return FileHistory(str(path))
    except OSError:
        return InMemoryHistory()


def _warm_parser() -> None:
    """Build rdflib's SPARQL grammar in the background so the first query is quick."""
    def work():
        try:
            from rdflib.plugins.sparql import prepareQuery

            prepareQuery("ASK {}")
        except Exception:
            pass
    threading.Thread(target=work, name="kg-warm", daemon=True).start()


def run_cancellable(fn: Callable[[], Output]) -> Output:
    """Run fn in a worker thread; Ctrl-C abandons it and returns to the prompt."""
    box: dict = {}

    def work():
        try:
            box["out"] = fn()
        except Exception as exc:  # never lose the shell to one command
            box["out"] = Output(f"error: {type(exc).__name__}: {exc}", error=True)

    t = threading.Thread(target=work, name="kg-query", daemon=True)
    t.start()
    try:
        while t.is_alive():
            t.join(0.05)
    except KeyboardInterrupt:
        return Output("cancelled", error=True)
    return box.get("out", Output())


def edit_in_editor(text: str) -> str:
    """The text as edited in $VISUAL or $EDITOR (a command with arguments, split as a shell
    would, but run without one: nothing in the variable or the file name is interpreted)."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.NamedTemporaryFile("w+", suffix=".rq", delete=False) as f:
        f.write(text)
        name = f.name
    try:
        try:
            subprocess.call(shlex.split(editor) + [name])
        except (OSError, ValueError) as exc:
            print(f"cannot run the editor {editor!r} ({exc}); set $EDITOR", file=sys.stderr)
            return text
        with open(name, encoding="utf-8") as f:
            return f.read()
    finally:
        os.unlink(name)


def page(text: str) -> None:
    """Show text through $PAGER, else `less` with LESS=-SRXF as pgcli sets it (long lines
    chopped, left on screen after q); plain when no pager runs."""
    env = dict(os.environ)
    env.setdefault("LESS", "-SRXF")
    try:
        proc = subprocess.Popen(shlex.split(os.environ.get("PAGER") or "less"),
                                stdin=subprocess.PIPE, env=env)
    except (OSError, ValueError):
        print(text)
        return
    try:
        with proc.stdin:
            proc.stdin.write(text.encode("utf-8", "replace") + b"\n")
    except BrokenPipeError:  # the user left the pager before the end
        pass
    while True:
        try:
            proc.wait()
            return
        except KeyboardInterrupt:  # Ctrl-C is the pager's to handle
            continue


def show(out: Output, settings: Settings, write: Callable[[str], None],
         rows: Callable[[], int] = lambda: 24) -> None:
    """Write the output, through the pager when it is taller than the terminal (any output:
    results and meta-commands alike) and the pager is on."""
    if not out.text:
        return
    if settings.pager and sys.stdout.isatty() and out.text.count("\n") + 2 > rows():
        page(out.text)
    else:
        write(out.text)


def run_shell(store, *, input=None, output=None, settings: Settings | None = None,
              write: Callable[[str], None] = print, history=None) -> int:
    settings = settings or load_settings()
    if input is None:
        try:
            write_default_config()
        except OSError:
            pass
    catalog = load_in_background(store)
    _warm_parser()
    mode = {"query": True}
    session: PromptSession = PromptSession(
        multiline=settings.multiline, lexer=KGLexer(),
        key_bindings=key_bindings(lambda: mode["query"]),
        completer=KGCompleter(catalog, commands.names,
                              lambda: sorted(commands.saved_queries())),
        auto_suggest=AutoSuggestFromHistory(), history=history or _history(settings),
        enable_history_search=True, vi_mode=settings.key_bindings == "vi",
        style=_style(settings.style), include_default_pygments_style=False,
        complete_while_typing=False, input=input, output=output,
        input_processors=[HighlightMatchingBracketProcessor(chars="[](){}")])
    width = lambda: session.output.get_size().columns  # noqa: E731
    executor = Executor(store, settings, width=width, catalog=catalog)
    where = getattr(store, "location", None) or getattr(store, "endpoint", "")
    write(f"kg shell on {where}. \\? for help, Ctrl-D to leave.")
    for warning in getattr(store, "prefix_warnings", []):
        write(f"warning: {warning}")
    default = ""
    while True:
        try:
            text = session.prompt("kg> ", default=default)
        except KeyboardInterrupt:
            default = ""
            continue
        except EOFError:
            break
        default = ""
        out = run_cancellable(lambda: executor.execute(text))
        if out.confirm:
            mode["query"] = False
            try:
                answer = session.prompt(out.confirm, multiline=False, lexer=None,
                                        completer=None)
                yes = answer.strip().lower() in ("y", "yes")
            except (KeyboardInterrupt, EOFError):
                yes = False
            finally:
                mode["query"] = True
            out = executor.answer(yes)
        if out.edit:
            default = edit_in_editor(out.text)
            continue
        show(out, settings, write, rows=lambda: session.output.get_size().rows)
        if out.quit:
            break
    return 0
