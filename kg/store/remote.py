"""Requests that write to a remote SPARQL 1.1 server (the back ends live in kg.store.backends).

Two ways, because servers differ: SPARQL Update (one request per document, the same update the
embedded store runs, so the layout and its shared graphs stay exact; atomic per document on
servers that run an update as a transaction) and the Graph Store Protocol (one PUT per document
graph, which replaces it; POST adds to the shared graphs).
"""
from __future__ import annotations

from urllib.parse import quote, urlencode

import pyoxigraph as ox

from kg.store.http import send
from kg.store.update import ntriples

NTRIPLES = "application/n-triples"
FORM = "application/x-www-form-urlencoded"  # `update=…`: the one form every server accepts (Virtuoso, GraphDB…)


def graph_url(store_url: str, graph: ox.NamedNode | ox.DefaultGraph) -> str:
    """GSP address of a graph: STORE?graph=<percent-encoded IRI>, or STORE?default."""
    joiner = "&" if "?" in store_url else "?"
    if isinstance(graph, ox.DefaultGraph):
        return f"{store_url}{joiner}default"
    return f"{store_url}{joiner}graph={quote(graph.value, safe='')}"


def put_graph(store_url: str, graph: ox.NamedNode, triples: list[ox.Triple], timeout: float) -> None:
    send("PUT", graph_url(store_url, graph), ntriples(triples).encode("utf-8"), NTRIPLES, timeout)


def post_graph(store_url: str, graph: ox.NamedNode | ox.DefaultGraph, triples: list[ox.Triple],
               timeout: float) -> None:
    send("POST", graph_url(store_url, graph), ntriples(triples).encode("utf-8"), NTRIPLES, timeout)


def post_update(update_url: str, text: str, timeout: float) -> None:
    send("POST", update_url, urlencode({"update": text}).encode("ascii"), FORM, timeout)
