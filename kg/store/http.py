"""Plain HTTP requests to a SPARQL server, failing with one line that names the URL and status.

Why not a client library: the choices that keep data and secrets safe are ours to make here.
- **No redirects.** A 3xx is an error naming where the server points: following it would re-send
  a write as a GET without its body (and reported success), or carry the credentials elsewhere.
- **Credentials only to the URL given**, from the environment, never printed: a password in the
  URL is refused, and the credentials are cut out of any server message that echoes them.
- **One deadline per request** (connect, send, every byte of the answer): a server that trickles
  a byte every few seconds is stopped at `--timeout`, not at each socket read.
- **Only the expected status is success**; anything else, or no answer at all, is an error.
"""
from __future__ import annotations

import http.client
import re
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from kg.errors import StoreError
from kg.store.endpoints import auth_header, credentials, shown_url

MAX_ANSWER = 1 << 30  # bytes read from one answer at most


@dataclass
class Response:
    status: int
    reason: str
    content_type: str
    body: bytes


def redact(text: str) -> str:
    """The text without the configured credentials, in any form a server may echo them."""
    text = re.sub(r"(?i)(authorization\s*[:=]\s*)(basic|bearer|digest)?\s*[^\s,;\"'}]+", r"\1[redacted]", text)
    creds = credentials()
    if creds:
        header = auth_header().get("Authorization", "")
        for secret in (header.split(" ", 1)[-1], creds[1]):
            if len(secret) >= 3:
                text = text.replace(secret, "[redacted]")
    return text


def server_message(body: bytes) -> str:
    """The first meaningful part of an error body, on one line, secrets removed."""
    text = body[:4000].decode("utf-8", "replace")
    text = re.sub(r"<[^>]{0,200}>", " ", text) if "<html" in text.lower() else text
    return " ".join(redact(text).split())[:300]


class Deadline:
    """Shuts the connection's socket when the time is up, whatever the request is waiting for."""

    def __init__(self, connection: http.client.HTTPConnection, seconds: float) -> None:
        self.connection, self.expired = connection, False
        self.timer = threading.Timer(seconds, self.expire)
        self.timer.daemon = True

    def expire(self) -> None:
        self.expired = True
        sock = self.connection.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def __enter__(self) -> Deadline:
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.cancel()


def connection(url: str, timeout: float) -> tuple[http.client.HTTPConnection, str]:
    parts = urlsplit(url)
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return kind(parts.hostname, parts.port, timeout=timeout), path


def read_body(response: http.client.HTTPResponse, url: str) -> bytes:
    chunks, size = [], 0
    while True:
        chunk = response.read(1 << 16)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_ANSWER:
            raise StoreError(f"{shown_url(url)}: answer larger than {MAX_ANSWER >> 20} MB")
        chunks.append(chunk)


def request(method: str, url: str, body: bytes, headers: dict[str, str], timeout: float,
            expect: tuple[int, ...]) -> Response:
    """One request within `timeout` seconds in all; the answer if its status is in `expect`."""
    shown = shown_url(url)
    conn, path = connection(url, timeout)
    started = time.monotonic()
    try:
        with Deadline(conn, timeout) as deadline:
            try:
                conn.request(method, path, body=body, headers={**headers, **auth_header()})
                answer = conn.getresponse()
                data = read_body(answer, url)
            except (OSError, http.client.HTTPException) as error:
                if deadline.expired or isinstance(error, TimeoutError) or time.monotonic() - started >= timeout:
                    raise StoreError(f"{shown}: no complete answer within {timeout:g} s (--timeout)") from None
                if isinstance(error, http.client.RemoteDisconnected):
                    raise StoreError(f"{shown}: the server closed the connection without an answer") from None
                reason = getattr(error, "strerror", None) or " ".join(str(error).split()) or type(error).__name__
                raise StoreError(f"cannot reach {shown}: {reason}") from None
            if deadline.expired:
                raise StoreError(f"{shown}: no complete answer within {timeout:g} s (--timeout)")
    finally:
        conn.close()
    response = Response(answer.status, answer.reason, answer.getheader("Content-Type", ""), data)
    if response.status in expect:
        return response
    raise StoreError(failure_line(shown, response, answer.getheader("Location")))


def failure_line(shown: str, response: Response, location: str | None) -> str:
    line = f"{shown}: HTTP {response.status} {response.reason}"
    if 300 <= response.status < 400:
        where = shown_url(location) if location else "another address"
        return f"{line}: the server redirects to {where}; kg does not follow redirects, give that URL itself"
    detail = server_message(response.body)
    if response.status == 401:
        detail = (detail + " " if detail else "") + "(set KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD)"
    return f"{line}: {detail}" if detail else line


def send(method: str, url: str, body: bytes, content_type: str, timeout: float) -> int:
    """A write (GSP PUT/POST, SPARQL Update): success is 200, 201 or 204, nothing else."""
    return request(method, url, body, {"Content-Type": content_type}, timeout, (200, 201, 204)).status
