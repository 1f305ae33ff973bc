"""Faults on the wire: a server that is down, refuses, fails or hangs up mid-push gives a clear
message, a non-zero exit, a count of what landed, and never shows credentials."""
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kg.errors import RemoteError

from .servers import free_port


class FaultServer:
    """Answers PUT/POST with scripted status codes; 'close' hangs up without answering."""

    def __init__(self, script):
        self.script = list(script)
        self.received = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                action = outer.script.pop(0) if outer.script else 204
                if action == "close":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if action == 401:
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="x"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                outer.received.append(body)
                self.send_response(action)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_PUT = do_POST = _any

        self.port = free_port()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.port}/store"

    def stop(self):
        self.httpd.shutdown()


@pytest.fixture()
def fault():
    servers = []

    def make(script):
        s = FaultServer(script)
        servers.append(s)
        return s
    yield make
    for s in servers:
        s.stop()


def _push(store, url, **kw):
    from kg.interop.push import push

    return push(store, graph_store=url, batch_size=100, retries=2, **kw)


def test_server_down(seed_memory):
    report = _push(seed_memory, f"http://127.0.0.1:{free_port()}/store")
    assert report.failed and "failed after 3 attempt(s)" in report.failed
    assert "0 of" in report.failed


def test_transient_500_is_retried_then_succeeds(seed_memory, fault):
    s = fault([500, 503])
    report = _push(seed_memory, s.url)
    assert report.failed is None
    assert report.sent == sum(seed_memory.count(g) for g in seed_memory.graphs())


def test_connection_closed_mid_push_is_retried(seed_memory, fault):
    s = fault([204, "close", 204])
    assert _push(seed_memory, s.url).failed is None


def test_persistent_500_reports_how_much_landed(seed_memory, fault):
    s = fault([204, 204] + [500] * 10)
    report = _push(seed_memory, s.url)
    assert report.failed and "200 of" in report.failed and "batch 3" in report.failed


@pytest.mark.parametrize("code,word", [(401, "unauthorized"), (403, "forbidden")])
def test_refusals_are_final_and_never_show_credentials(seed_memory, fault, code, word):
    s = fault([code] * 10)
    report = _push(seed_memory, s.url.replace("127.0.0.1", "bob:hunter2@127.0.0.1"),
                   user="bob", password="hunter2")
    assert report.failed and word in report.failed
    assert "hunter2" not in report.failed and "bob:" not in report.failed


def test_cli_push_failure_exits_non_zero_without_password(tmp_path, fault):
    s = fault([403] * 10)
    env = dict(os.environ, KG_STORE=str(tmp_path / "st"), SECRET="hunter2")
    ttl = tmp_path / "x.ttl"
    ttl.write_text('<https://e.org/a> <https://e.org/p> "x" .\n')
    subprocess.run([sys.executable, "-m", "kg.cli", "import", str(ttl)], env=env, check=True,
                   capture_output=True)
    out = subprocess.run([sys.executable, "-m", "kg.cli", "push", "--graph-store", s.url,
                          "--user", "bob", "--password-env", "SECRET"],
                         capture_output=True, text=True, env=env)
    assert out.returncode == 1 and "forbidden" in out.stderr
    assert "hunter2" not in out.stderr + out.stdout


def test_slow_server_times_out(seed_memory):
    import socket

    from kg.interop.http import Client

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)  # accepts, never answers
    try:
        with pytest.raises(RemoteError, match="failed after 1 attempt"):
            Client(timeout=0.5, retries=0).request(
                "POST", f"http://127.0.0.1:{sock.getsockname()[1]}/x", b"")
    finally:
        sock.close()


class BasicAuthServer:
    """Accepts PUT/POST only with Basic bob:hunter2; records each request's Authorization."""

    def __init__(self):
        import base64

        self.seen = []
        want = "Basic " + base64.b64encode(b"bob:hunter2").decode()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def _any(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                outer.seen.append((self.path, self.headers.get("Authorization")))
                ok = self.headers.get("Authorization") == want
                self.send_response(204 if ok else 401)
                if not ok:
                    self.send_header("WWW-Authenticate", 'Basic realm="kg"')
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_PUT = do_POST = _any

        self.httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/store"


@pytest.mark.parametrize("in_url", [False, True])
def test_basic_auth_answers_the_challenge(seed_memory, in_url):
    server = BasicAuthServer()
    try:
        url = server.url.replace("127.0.0.1", "bob:hunter2@127.0.0.1") if in_url else server.url
        report = _push(seed_memory, url, **({} if in_url else {"user": "bob",
                                                              "password": "hunter2"}))
    finally:
        server.httpd.shutdown()
    assert report.failed is None and report.sent > 0
    assert server.seen[0][1] is None  # the password goes only to a server that asks for it
    # then sent with every request: one challenge, not one a batch
    assert all(auth for _, auth in server.seen[1:]) and len(server.seen) > 2


def test_retries_are_counted_in_the_message(seed_memory, fault):
    s = fault([503] * 3)
    report = _push(seed_memory, s.url)  # retries=2: three attempts, all 503
    assert report.failed and "failed after 3 attempt(s): HTTP 503" in report.failed
    assert len(s.received) == 3


@pytest.mark.parametrize("url", ["notaurl", "ftp://bob:hunter2@127.0.0.1/x",
                                 "http://bob:hunter2@[::1/x"])
def test_a_url_that_is_no_http_url_is_one_line(url):
    from kg.interop.http import Client

    with pytest.raises(RemoteError, match="not a usable URL") as info:
        Client(retries=0).request("GET", url)
    assert "hunter2" not in str(info.value)
