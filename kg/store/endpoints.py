"""Where a remote SPARQL 1.1 server takes queries, updates and Graph Store Protocol requests.

Why three URLs: servers differ (Fuseki: /ds/query, /ds/update, /ds/data; GraphDB:
/repositories/R, /repositories/R/statements, /repositories/R/rdf-graphs/service; …). The
defaults follow Oxigraph (BASE/query, BASE/update, BASE/store); each can be given in full.
Credentials come only from the environment, so they never show in `ps` or shell history.
"""
from __future__ import annotations

import base64
import os
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from kg.errors import InputError

USER_VARIABLE = "KG_ENDPOINT_USER"
PASSWORD_VARIABLE = "KG_ENDPOINT_PASSWORD"


@dataclass(frozen=True)
class Endpoints:
    query: str
    update: str
    store: str


def shown_url(url: str) -> str:
    """The URL as messages print it: any user:password part replaced by ***."""
    try:
        parts = urlsplit(url)
        if parts.username is None and parts.password is None:
            return url
        host = parts.netloc.rsplit("@", 1)[-1]
        return parts._replace(netloc=f"***@{host}").geturl()
    except ValueError:
        return re.sub(r"//[^/@]*@", "//***@", url)


def check_url(url: str, option: str) -> str:
    """An http(s) URL with a host; credentials in it are refused (they would show in `ps`)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a bad port
    except ValueError as exc:
        raise InputError(f"{option} {shown_url(url)!r}: not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{option} {shown_url(url)!r}: not an http(s) URL")
    if parts.username is not None or parts.password is not None:
        raise InputError(f"{option} {shown_url(url)!r}: credentials in the URL are not accepted; "
                         f"set {USER_VARIABLE} and {PASSWORD_VARIABLE} instead")
    return url


def resolve(base: str | None, query: str | None = None, update: str | None = None,
            store: str | None = None) -> Endpoints:
    """The three URLs: given in full, else BASE/query, BASE/update and BASE/store."""
    if base:
        base = check_url(base, "--endpoint").rstrip("/")

    def pick(given: str | None, suffix: str, option: str) -> str:
        if given:
            return check_url(given, option)
        return f"{base}/{suffix}" if base else ""

    return Endpoints(pick(query, "query", "--query-endpoint"), pick(update, "update", "--update-endpoint"),
                     pick(store, "store", "--store-endpoint"))


def credentials() -> tuple[str, str] | None:
    """(user, password) for HTTP basic auth from KG_ENDPOINT_USER / KG_ENDPOINT_PASSWORD, if set."""
    user = os.environ.get(USER_VARIABLE)
    if not user:
        return None
    return user, os.environ.get(PASSWORD_VARIABLE, "")


def auth_header() -> dict[str, str]:
    """The Authorization header for the configured credentials (empty without them)."""
    creds = credentials()
    if creds is None:
        return {}
    token = base64.b64encode(f"{creds[0]}:{creds[1]}".encode("utf-8")).decode("ascii")
    return {"Authorization": f"Basic {token}"}
