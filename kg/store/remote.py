"""Pushing named graphs to a remote SPARQL 1.1 server.

Two ways, because servers differ: the Graph Store Protocol (one PUT per named graph, which
replaces that graph; the default for Oxigraph, Fuseki, GraphDB, Virtuoso) and SPARQL Update
(one request that drops and re-inserts every graph; for servers without the Graph Store
Protocol, such as Amazon Neptune, and atomic where the server runs an update as a transaction).
"""
from __future__ import annotations

from urllib.parse import quote, urlencode

import pyoxigraph as ox

from kg.errors import InputError
from kg.store.endpoints import Endpoints
from kg.store.http import send
from kg.store.partition import Partition
from kg.store.update import ntriples, replace_update

NTRIPLES = "application/n-triples"
FORM = "application/x-www-form-urlencoded"  # `update=…`: the one form every server accepts (Virtuoso, GraphDB…)


def graph_url(store_url: str, graph: ox.NamedNode | ox.DefaultGraph) -> str:
    """GSP address of a graph: STORE?graph=<percent-encoded IRI>, or STORE?default."""
    joiner = "&" if "?" in store_url else "?"
    if isinstance(graph, ox.DefaultGraph):
        return f"{store_url}{joiner}default"
    return f"{store_url}{joiner}graph={quote(graph.value, safe='')}"


def push_gsp(endpoints: Endpoints, graphs: Partition, timeout: float) -> None:
    """PUT each named graph (replacing it); POST default-graph triples (adding them)."""
    if not endpoints.store:
        raise InputError("no Graph Store Protocol URL: give --endpoint BASE or --store-endpoint URL")
    for graph, triples in graphs.items():
        method = "POST" if isinstance(graph, ox.DefaultGraph) else "PUT"
        send(method, graph_url(endpoints.store, graph), ntriples(triples).encode("utf-8"), NTRIPLES, timeout)


def push_update(endpoints: Endpoints, graphs: Partition, timeout: float) -> None:
    """One SPARQL Update request: DROP SILENT GRAPH each, then INSERT DATA all."""
    if not endpoints.update:
        raise InputError("no SPARQL Update URL: give --endpoint BASE or --update-endpoint URL")
    send("POST", endpoints.update, urlencode({"update": replace_update(graphs)}).encode("ascii"), FORM, timeout)
