"""End to end: `kg shell` in a real terminal (tmux), typing a multi-line query and a
meta-command, reading the screen."""
import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from conftest import DATA

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def tmux(*args, check=True):
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=check)


def type_line(name: str, text: str) -> None:
    if text.endswith(";"):  # tmux reads an argument ending in ';' as a command separator
        text = text[:-1] + "\\;"
    tmux("send-keys", "-t", name, "-l", text)
    tmux("send-keys", "-t", name, "Enter")


def screen(name: str) -> str:
    return tmux("capture-pane", "-p", "-t", name).stdout


def wait_for(name: str, text: str, seconds: float = 30) -> str:
    deadline = time.time() + seconds
    while time.time() < deadline:
        s = screen(name)
        if text in s:
            return s
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared on screen:\n{screen(name)}")


def open_shell(tmp_path, height: int = 50, pager: str = "less"):
    store = tmp_path / "store"
    env = dict(os.environ, KG_STORE=str(store), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(DATA)], env=env, check=True,
                   capture_output=True)
    name = f"kg-{uuid.uuid4().hex[:8]}"
    cmd = " ".join(f"{k}={v}" for k, v in env.items() if k in
                   ("KG_STORE", "XDG_CONFIG_HOME", "XDG_DATA_HOME"))
    tmux("new-session", "-d", "-s", name, "-x", "160", "-y", str(height),
         f"env -u LESS PAGER={pager} {cmd} {sys.executable} -m kg.cli")  # `kg` opens the shell
    return name


@pytest.fixture()
def shell(tmp_path):
    name = open_shell(tmp_path)
    try:
        yield name
    finally:
        tmux("kill-session", "-t", name, check=False)


def bottom(name: str) -> str:
    lines = [line for line in screen(name).splitlines() if line.strip()]
    return lines[-1] if lines else ""


def wait_for_bottom(name: str, test, seconds: float = 30) -> str:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if test(bottom(name)):
            return screen(name)
        time.sleep(0.2)
    raise AssertionError(f"the bottom line never matched:\n{screen(name)}")


@pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")
def test_long_output_of_a_meta_command_is_paged(tmp_path):
    """Taller than the terminal: \\properties goes through the pager (less, as pgcli sets it);
    q returns to the prompt with the page left on screen; short output is printed as is."""
    name = open_shell(tmp_path, height=20)
    try:
        wait_for(name, "kg>")
        type_line(name, "\\properties")
        s = wait_for_bottom(name, lambda line: line.startswith(":"))  # less waits for a key
        assert "property" in s and "count" in s and "kg>" not in s.splitlines()[-1]
        tmux("send-keys", "-t", name, "q")
        s = wait_for_bottom(name, lambda line: line.startswith("kg>"))
        assert "rdfs:label" in s  # the page stays on screen (LESS=-X)
        type_line(name, "\\format")
        s = wait_for(name, "format is table")
        assert bottom(name).startswith("kg>")
    finally:
        tmux("kill-session", "-t", name, check=False)


def test_shell_in_a_real_terminal(shell):
    wait_for(shell, "kg>")
    type_line(shell, "SELECT ?name WHERE {")
    type_line(shell, "  ?p a kg:Person ; rdfs:label ?name")
    type_line(shell, "} ORDER BY ?name;")
    s = wait_for(shell, "4 rows")
    assert "Jen Daskal" in s and "Xi Jinping" in s
    type_line(shell, "\\stats")
    s = wait_for(shell, "articles 2")
    type_line(shell, "SELECT ?s WHERE { ?s ?p };")
    s = wait_for(shell, "SPARQL syntax error")
    assert "^" in s
    # A query that would run for minutes: Ctrl-C gives the prompt back.
    type_line(shell, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i };")
    time.sleep(1.0)
    tmux("send-keys", "-t", shell, "C-c")
    wait_for(shell, "cancelled", 10)
    type_line(shell, "ASK { ?s a kg:Summit };")
    s = wait_for(shell, "yes")
    tmux("send-keys", "-t", shell, "C-d")
    deadline = time.time() + 10
    while time.time() < deadline and tmux("has-session", "-t", shell, check=False).returncode == 0:
        time.sleep(0.2)
    assert tmux("has-session", "-t", shell, check=False).returncode != 0, "Ctrl-D did not leave"
