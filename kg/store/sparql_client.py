"""Running a query on a remote SPARQL 1.1 endpoint (SPARQLWrapper), answers as `Answer` rows.

Why POST and JSON: long queries do not fit in a URL, and the SPARQL JSON results format is the
one every server speaks; graph answers are read as Turtle/N-Triples by pyoxigraph.
"""
from __future__ import annotations

import ast
import json
import socket
import urllib.error
import warnings

from kg.errors import QueryError, StoreError
from kg.store.endpoints import credentials
from kg.store.http import http_failure
from kg.store.results import Answer, json_answer, oxigraph_answer

STATUS_BY_EXCEPTION = {"QueryBadFormed": (400, "Bad Request"), "Unauthorized": (401, "Unauthorized"),
                       "EndPointNotFound": (404, "Not Found"), "URITooLong": (414, "URI Too Long"),
                       "EndPointInternalError": (500, "Internal Server Error")}


def wrapper_body(error: Exception) -> str:
    """The server's response body, which SPARQLWrapper only keeps inside its message."""
    text = str(error)
    if "Response:\n" not in text:
        return ""
    raw = text.split("Response:\n", 1)[1]
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return " ".join(raw.split())[:300]
    body = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return " ".join(body.split())[:300]


def wrapper_failure(url: str, error: Exception) -> Exception:
    """A one-line QueryError (the server rejected the query) or StoreError (anything else)."""
    name = type(error).__name__
    if name in STATUS_BY_EXCEPTION:
        code, reason = STATUS_BY_EXCEPTION[name]
        body = wrapper_body(error)
        line = f"{url}: HTTP {code} {reason}" + (f": {body}" if body else "")
        if code == 401:
            line += " (set KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD)"
        return QueryError(line) if code == 400 else StoreError(line)
    if isinstance(error, (socket.timeout, TimeoutError)):
        return StoreError(f"{url}: no answer (timed out)")
    if isinstance(error, (urllib.error.URLError, ConnectionError)):
        return StoreError(http_failure(url, error))
    return StoreError(f"{url}: {' '.join(str(error).split())[:300]}")


def graph_answer(body: bytes, content_type: str) -> Answer:
    import pyoxigraph as ox

    rdf_format = ox.RdfFormat.from_media_type(content_type.split(";")[0].strip()) or ox.RdfFormat.TURTLE
    try:
        return oxigraph_answer(ox.parse(body, format=rdf_format))
    except SyntaxError as exc:
        raise StoreError(f"unreadable graph answer ({' '.join(str(exc).split())[:200]})") from None


def query_endpoint(url: str, query: str, form: str, timeout: float) -> Answer:
    """Send the (already checked, prefix-complete) query; return its answer."""
    from SPARQLWrapper import ASK, BASIC, CONSTRUCT, JSON, POST, SELECT, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(url)
    client.setMethod(POST)
    client.setTimeout(int(timeout))
    client.setReturnFormat(TURTLE if form == "graph" else JSON)
    creds = credentials()
    if creds:
        client.setHTTPAuth(BASIC)
        client.setCredentials(*creds)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        client.setQuery(query)
        # SPARQLWrapper guesses the form with a regex that words in comments can fool ("add"):
        # the form is known from our own parse, so it decides whether this is a query at all.
        client.queryType = {"select": SELECT, "ask": ASK}.get(form, CONSTRUCT)
        try:
            response = client.query().response
            body = response.read()
        except Exception as error:  # SPARQLWrapper raises its own types and urllib's
            raise wrapper_failure(url, error) from None
    if form == "graph":
        return graph_answer(body, response.headers.get("Content-Type", "text/turtle"))
    try:
        return json_answer(json.loads(body))
    except (ValueError, AttributeError) as exc:
        raise StoreError(f"{url}: answer is not SPARQL JSON results ({' '.join(str(exc).split())[:200]})") from None
