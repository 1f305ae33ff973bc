"""A small HTTP client over urllib: basic and digest auth, retries on transient faults, and
messages that never show credentials."""
from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from ..errors import RemoteError

TRANSIENT = {408, 425, 429, 500, 502, 503, 504}


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str


def redact(url: str) -> str:
    """The URL without user:password@ (credentials never appear in messages)."""
    parts = urllib.parse.urlsplit(url)
    if parts.username or parts.password:
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        parts = parts._replace(netloc=netloc)
    return urllib.parse.urlunsplit(parts)


class Client:
    def __init__(self, user: str | None = None, password: str | None = None,
                 timeout: float = 60.0, retries: int = 3, backoff: float = 0.5):
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        handlers = []
        if user is not None:
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            self._mgr = mgr
            handlers += [urllib.request.HTTPDigestAuthHandler(mgr),
                         urllib.request.HTTPBasicAuthHandler(mgr)]
        self.user, self._password = user, password
        self.opener = urllib.request.build_opener(*handlers)

    def request(self, method: str, url: str, body: bytes | None = None,
                headers: dict | None = None, retry: bool = True) -> Response:
        parts = urllib.parse.urlsplit(url)
        if parts.username:  # user:password@host in the URL: use them, never send or show them
            if self.user is None:
                self.__init__(urllib.parse.unquote(parts.username),
                              urllib.parse.unquote(parts.password or ""), self.timeout,
                              self.retries, self.backoff)
            url = redact(url)
        if self.user is not None:
            self._mgr.add_password(None, url, self.user, self._password or "")
        attempts = self.retries + 1 if retry else 1
        last = ""
        for attempt in range(attempts):
            req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
            try:
                with self.opener.open(req, timeout=self.timeout) as resp:
                    return Response(resp.status, resp.read(),
                                    resp.headers.get("Content-Type", ""))
            except urllib.error.HTTPError as exc:
                detail = exc.read()[:300].decode("utf-8", "replace").strip()
                if exc.code in (401, 403):
                    raise RemoteError(
                        f"{redact(url)} answered {exc.code} "
                        f"{'unauthorized' if exc.code == 401 else 'forbidden'}: give --user and "
                        "--password-env VAR (the name of a variable holding the password), or "
                        "use an endpoint that accepts writes") from None
                if exc.code not in TRANSIENT:
                    raise RemoteError(f"{redact(url)} answered {exc.code}: "
                                      f"{' '.join(detail.split())[:200]}") from None
                last = f"HTTP {exc.code}"
            except (urllib.error.URLError, http.client.HTTPException, socket.timeout,
                    ConnectionError, TimeoutError) as exc:
                reason = getattr(exc, "reason", exc)
                last = f"{type(reason).__name__}: {reason}" if not isinstance(reason, str) \
                    else reason
            if attempt + 1 < attempts:
                time.sleep(self.backoff * (2 ** attempt))
        raise RemoteError(f"{redact(url)} failed after {attempts} attempt(s): {last}; is the "
                          "server running and reachable?")
