"""Real triple-store servers for the tests, started on 127.0.0.1 and stopped by PID."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


class OxigraphServer:
    def __init__(self, directory: Path):
        self.port = free_port()
        self.proc = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(directory), "--bind",
             f"127.0.0.1:{self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"{self.base}/query?query=ASK%7B%7D", timeout=1)
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("oxigraph server did not start")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


INI_KEYS = {"DatabaseFile": "virtuoso.db", "ErrorLogFile": "virtuoso.log",
            "LockFile": "virtuoso.lck", "TransactionFile": "virtuoso.trx",
            "xa_persistent_file": "virtuoso.pxa"}


class VirtuosoServer:
    """A private Virtuoso 7 instance (Debian virtuoso-opensource-7), dba/dba."""

    def __init__(self, directory: Path):
        import configparser

        directory.mkdir(parents=True, exist_ok=True)
        self.sql_port, self.http_port = free_port(), free_port()
        ini = configparser.RawConfigParser(strict=False, interpolation=None)
        ini.optionxform = str
        ini.read("/etc/virtuoso-opensource-7/virtuoso.ini")
        for section in ("Database", "TempDatabase"):
            if ini.has_section(section):
                for key, name in INI_KEYS.items():
                    if ini.has_option(section, key):
                        prefix = "temp-" if section == "TempDatabase" else ""
                        ini.set(section, key, str(directory / f"{prefix}{name}"))
        ini.set("Parameters", "ServerPort", f"127.0.0.1:{self.sql_port}")
        dirs = ini.get("Parameters", "DirsAllowed", fallback=".")
        ini.set("Parameters", "DirsAllowed", f"{dirs}, {directory}")
        ini.set("HTTPServer", "ServerPort", f"127.0.0.1:{self.http_port}")
        self.ini = directory / "virtuoso.ini"
        with open(self.ini, "w") as f:
            ini.write(f)
        self.proc = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(self.ini)],
                                     cwd=directory, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.http_port}"
        deadline = time.time() + 60
        while time.time() < deadline:
            ok = subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba",
                                 "EXEC=select 1;"], capture_output=True).returncode == 0
            if ok:
                try:
                    urllib.request.urlopen(f"{self.base}/sparql?query=ASK%7B%7D", timeout=2)
                    return
                except OSError:
                    pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError("virtuoso did not start")

    def isql(self, sql: str) -> str:
        return subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba",
                               f"EXEC={sql}"], capture_output=True, text=True).stdout

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
