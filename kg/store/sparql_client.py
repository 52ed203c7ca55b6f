"""Running a query on a remote SPARQL 1.1 endpoint, answers as `Answer` rows.

Why POST and JSON: long queries do not fit in a URL, and the SPARQL JSON results format is the
one every server speaks; graph answers are read as Turtle/N-Triples by pyoxigraph. The request
goes through kg.store.http (no redirects, one deadline, credentials never printed).
"""
from __future__ import annotations

import json
from urllib.parse import urlencode

from kg.errors import QueryError, StoreError
from kg.store.endpoints import shown_url
from kg.store.http import request, server_message
from kg.store.results import Answer, json_answer, oxigraph_answer

RESULTS_JSON = "application/sparql-results+json"
GRAPH_TYPES = "text/turtle, application/n-triples;q=0.9"


def graph_answer(body: bytes, content_type: str, url: str) -> Answer:
    import pyoxigraph as ox

    rdf_format = ox.RdfFormat.from_media_type(content_type.split(";")[0].strip()) or ox.RdfFormat.TURTLE
    try:
        answer = oxigraph_answer(ox.parse(body, format=rdf_format))
        answer.rows = list(answer.rows)
        return answer
    except (SyntaxError, ValueError) as exc:
        raise StoreError(f"{shown_url(url)}: unreadable graph answer ({' '.join(str(exc).split())[:200]})") from None


def query_endpoint(url: str, query: str, form: str, timeout: float) -> Answer:
    """Send the (already checked, prefix-complete) query; return its answer."""
    accept = GRAPH_TYPES if form == "graph" else RESULTS_JSON
    body = urlencode({"query": query}).encode("utf-8")
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}
    try:
        response = request("POST", url, body, headers, timeout, (200,))
    except StoreError as error:
        if ": HTTP 400 " in str(error):  # the server rejected the query itself
            raise QueryError(str(error)) from None
        raise
    if not response.body.strip():
        raise StoreError(f"{shown_url(url)}: empty answer (HTTP {response.status})")
    if form == "graph":
        return graph_answer(response.body, response.content_type or "text/turtle", url)
    try:
        data = json.loads(response.body)
        if not isinstance(data, dict) or ("boolean" not in data and "results" not in data):
            raise ValueError("no 'results' or 'boolean' member")
        return json_answer(data)
    except (ValueError, AttributeError, TypeError) as exc:
        preview = server_message(response.body)[:80]
        raise StoreError(f"{shown_url(url)}: answer is not SPARQL JSON results ({' '.join(str(exc).split())[:120]}: "
                         f"{preview})") from None
