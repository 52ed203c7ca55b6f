"""Plain HTTP requests to a SPARQL server, failing with one line that names the URL and status.

Why not a client library: the Graph Store Protocol and SPARQL Update are one request each, and
the standard library keeps the error messages under our control.
"""
from __future__ import annotations

import socket
import urllib.error
import urllib.request

from kg.errors import StoreError
from kg.store.endpoints import auth_header


def server_message(body: bytes) -> str:
    """The first meaningful part of an error body, on one line."""
    text = body.decode("utf-8", "replace")
    return " ".join(text.split())[:300]


def http_failure(url: str, error: Exception) -> str:
    """'URL: HTTP 404 Not Found: …' or 'cannot reach URL: …'."""
    if isinstance(error, urllib.error.HTTPError):
        detail = server_message(error.read() or b"")
        line = f"{url}: HTTP {error.code} {error.reason}"
        return f"{line}: {detail}" if detail else line
    reason = getattr(error, "reason", error)
    return f"cannot reach {url}: {' '.join(str(reason).split())}"


def send(method: str, url: str, body: bytes, content_type: str, timeout: float) -> int:
    """Send one request with the configured credentials; return the HTTP status."""
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={"Content-Type": content_type, **auth_header()})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except (urllib.error.URLError, socket.timeout, ConnectionError) as error:
        raise StoreError(http_failure(url, error)) from None
