"""No credential is written to disk or printed: the lock file names only the subcommand and is
private to its user, and so is the shell's history."""
import os
import stat
import subprocess
import sys

import pytest

from conftest import DATA

KG = [sys.executable, "-m", "kg.cli"]


@pytest.mark.tries("a password in a --graph-store URL")
def test_the_lock_file_holds_no_arguments_and_is_private(tmp_path):
    store = tmp_path / "st"
    assert subprocess.run(KG + ["--store", str(store), "build", str(DATA)],
                          capture_output=True).returncode == 0
    res = subprocess.run(KG + ["--store", str(store), "push",
                               "--graph-store", "http://user:s3cret@127.0.0.1:9/store",
                               "--timeout", "5"], capture_output=True, text=True, timeout=120)
    lock = store / "kg.lock"
    text = lock.read_text()
    assert "kg push" in text and "s3cret" not in text  # the last writer, without its arguments
    assert stat.S_IMODE(os.stat(lock).st_mode) == 0o600
    assert "s3cret" not in res.stdout + res.stderr
    assert res.returncode != 0  # nothing listens there: the push fails, and says so


@pytest.mark.tries("a shell history holding credentials")
def test_the_history_file_is_private(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from kg.shell.app import _history
    from kg.shell.config import Settings

    _history(Settings())
    path = next((tmp_path / "data").rglob("history"))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
