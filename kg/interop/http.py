"""The HTTP client of `kg push` and remote endpoints, on httpx: basic or digest auth (whichever
the server's challenge asks for), retries with exponential backoff on transient faults
(httpx-retries), a timeout per request, and messages that never show credentials."""
from __future__ import annotations

import re
import ssl
import urllib.parse
from dataclasses import dataclass

import httpx
from httpx_retries import Retry, RetryTransport

from ..errors import RemoteError

TRANSIENT = {408, 425, 429, 500, 502, 503, 504}
# Every request kg sends replaces a whole graph or only reads, so each is safe to repeat.
METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE")


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str


def redact(url: str) -> str:
    """The URL without user:password@ (credentials never appear in messages)."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:  # not parsed as a URL: still no credentials shown
        return re.sub(r"//[^/]*@", "//", url)
    if parts.username or parts.password:
        netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
        parts = parts._replace(netloc=netloc)
    return urllib.parse.urlunsplit(parts)


class ChallengeAuth(httpx.Auth):
    """Basic or digest auth, as the server's first 401 challenge asks (Virtuoso asks for
    digest): the credentials go only to a server that asks for them, and from then on with each
    request instead of after another challenge."""

    def __init__(self, user: str, password: str):
        self.schemes = {"basic": httpx.BasicAuth(user, password),
                        "digest": httpx.DigestAuth(user, password)}
        self.chosen: httpx.Auth | None = None

    def auth_flow(self, request: httpx.Request):
        if self.chosen is not None:
            yield from self.chosen.auth_flow(request)
            return
        response = yield request
        scheme = response.headers.get("WWW-Authenticate", "").split(" ", 1)[0].lower()
        if response.status_code != 401 or scheme not in self.schemes:
            return
        self.chosen = self.schemes[scheme]
        flow = self.chosen.auth_flow(request)
        first = next(flow)
        if scheme == "digest":  # its first request goes without credentials: answered above
            try:
                first = flow.send(response)
            except StopIteration:
                return
        yield first


class Client:
    def __init__(self, user: str | None = None, password: str | None = None,
                 timeout: float = 60.0, retries: int = 3, backoff: float = 0.5):
        self.retries = retries
        self.auth = ChallengeAuth(user, password or "") if user is not None else None
        # The wait before retry n is backoff * 2**(n-1): 0.5 s, 1 s, 2 s by default.
        retry = Retry(total=retries, backoff_factor=backoff / 2, backoff_jitter=0,
                      status_forcelist=TRANSIENT, allowed_methods=METHODS,
                      respect_retry_after_header=False)
        # Certificates are checked against the system's trust store (not a bundle of httpx's own).
        plain = httpx.HTTPTransport(verify=ssl.create_default_context())
        self.http = httpx.Client(transport=RetryTransport(transport=plain, retry=retry),
                                 timeout=httpx.Timeout(timeout), follow_redirects=True)

    def request(self, method: str, url: str, body: bytes | None = None,
                headers: dict | None = None) -> Response:
        try:
            parts = urllib.parse.urlsplit(url)
        except ValueError as exc:
            raise RemoteError(f"{redact(url)}: not a usable URL ({exc})") from None
        if parts.username:  # user:password@host in the URL: use them, never send or show them
            if self.auth is None:
                self.auth = ChallengeAuth(urllib.parse.unquote(parts.username),
                                          urllib.parse.unquote(parts.password or ""))
            url = redact(url)
        attempts = self.retries + 1
        try:
            resp = self.http.request(method, url, content=body, headers=headers or {},
                                     auth=self.auth)
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise RemoteError(f"{redact(url)}: not a usable URL ({exc})") from None
        except httpx.HTTPError as exc:
            tried = attempts if isinstance(exc, Retry.RETRYABLE_EXCEPTIONS) else 1
            raise RemoteError(f"{redact(url)} failed after {tried} attempt(s): "
                              f"{type(exc).__name__}: {exc}; is the server running and "
                              "reachable?") from None
        if resp.status_code in (401, 403):
            raise RemoteError(
                f"{redact(url)} answered {resp.status_code} "
                f"{'unauthorized' if resp.status_code == 401 else 'forbidden'}: give --user and "
                "--password-env VAR (the name of a variable holding the password), or "
                "use an endpoint that accepts writes")
        if resp.status_code in TRANSIENT:
            raise RemoteError(f"{redact(url)} failed after {attempts} attempt(s): HTTP "
                              f"{resp.status_code}; is the server running and reachable?")
        if resp.status_code >= 400:
            detail = resp.content[:300].decode("utf-8", "replace").strip()
            raise RemoteError(f"{redact(url)} answered {resp.status_code}: "
                              f"{' '.join(detail.split())[:200]}")
        return Response(resp.status_code, resp.content, resp.headers.get("Content-Type", ""))

    def close(self) -> None:
        self.http.close()
