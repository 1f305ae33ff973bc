"""`kg serve`: the local store as a SPARQL 1.1 Protocol endpoint on 127.0.0.1.

GET or POST /sparql (query= in the URL or a form, or an application/sparql-query body).
Read-only unless started with allow_update (then POST update= or application/sparql-update)."""
from __future__ import annotations

import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ..bounded import run_bounded
from ..errors import KGError, QueryError

RESULT_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values"}


def _negotiate(accept: str, form: str) -> tuple[str, str]:
    accept = accept or ""
    if form in ("CONSTRUCT", "DESCRIBE"):
        if "n-triples" in accept:
            return "ntriples", "application/n-triples"
        return "turtle", "text/turtle"
    for name, mime in RESULT_TYPES.items():
        if mime in accept:
            return name, mime
    return "json", RESULT_TYPES["json"]


MAX_BODY = 10 * 1024 * 1024  # a request body larger than this is refused (413)


class BadRequest(Exception):
    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code


def make_handler(store, allow_update: bool, timeout: float = 60.0):
    lock = threading.Lock()  # updates one at a time; Oxigraph reads need no lock
    reads_locked = not store.concurrent_reads

    class Handler(BaseHTTPRequestHandler):
        server_version = "kg-sparql/1"

        def log_message(self, fmt, *args):  # quiet; no request lines with data in them
            pass

        def _send(self, code: int, body: bytes, ctype: str = "text/plain; charset=utf-8"):
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(body)

        def _params(self) -> tuple[dict, str | None, str | None]:
            url = urllib.parse.urlsplit(self.path)
            params = dict(urllib.parse.parse_qsl(url.query))
            if self.command == "POST":
                try:
                    length = int(self.headers.get("Content-Length") or 0)
                except ValueError:
                    raise BadRequest(400, "Content-Length is not a number") from None
                if length < 0 or length > MAX_BODY:
                    raise BadRequest(413, f"request body over {MAX_BODY} bytes")
                try:
                    raw = self.rfile.read(length).decode("utf-8")
                except UnicodeDecodeError:
                    raise BadRequest(400, "request body is not UTF-8") from None
                ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
                if ctype == "application/x-www-form-urlencoded":
                    params.update(urllib.parse.parse_qsl(raw))
                elif ctype == "application/sparql-query":
                    params["query"] = raw
                elif ctype == "application/sparql-update":
                    params["update"] = raw
            return params, params.get("query"), params.get("update")

        def do_GET(self):
            self._handle()

        def do_POST(self):
            self._handle()

        def _handle(self):
            path = urllib.parse.urlsplit(self.path).path
            if path not in ("/sparql", "/query", "/update"):
                return self._send(404, b"not found: use /sparql\n")
            try:
                _, query, update = self._params()
            except BadRequest as exc:
                self.close_connection = True
                return self._send(exc.code, f"{exc}\n".encode())
            try:
                if update is not None:
                    if not allow_update:
                        return self._send(403, b"this endpoint is read-only (kg serve "
                                               b"--allow-update permits updates)\n")
                    with lock:
                        store.update(update)
                    return self._send(204, b"")
                if not query:
                    return self._send(400, b"give a query (query=...)\n")
                from ..results import render, turtle
                from ..store.sparql import query_form

                form = query_form(query)
                fmt, mime = _negotiate(self.headers.get("Accept", ""), form)
                def answer() -> str:
                    # Read in the thread that ran the query: Oxigraph's solutions cannot be
                    # read from another thread.
                    result = store.query(query)
                    if form not in ("CONSTRUCT", "DESCRIBE"):
                        return render(result, fmt, store.prefixes)
                    if fmt == "ntriples":
                        return "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n"
                                       for s, p, o in result.triples)
                    return turtle(result, store.prefixes)

                def run() -> str:
                    if reads_locked:
                        with lock:
                            return answer()
                    return answer()
                done, body = run_bounded(run, timeout)
                if not done:
                    return self._send(503, f"the query took longer than {timeout:g} s\n".encode())
                return self._send(200, body.encode("utf-8"), mime + "; charset=utf-8")
            except QueryError as exc:
                return self._send(400, f"{exc}\n".encode())
            except KGError as exc:
                return self._send(400, f"{exc}\n".encode())

    return Handler


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # many clients at once are queued, not reset
    daemon_threads = True


def make_server(store, port: int = 7878, host: str = "127.0.0.1", allow_update: bool = False,
                timeout: float = 60.0):
    return _Server((host, port), make_handler(store, allow_update, timeout))
