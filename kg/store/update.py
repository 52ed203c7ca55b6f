"""SPARQL Update text that replaces named graphs as a whole, built from terms, never from strings.

Why: one update request is one transaction (in pyoxigraph and in servers that run an update
atomically), so "drop the document's graph, insert its new triples" either happens entirely or
not at all. Terms are written by pyoxigraph's N-Triples serialiser, which escapes every literal
and only accepts valid IRIs, so text from articles cannot break out of the data block.
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.store.partition import Partition


def ntriples(triples: Iterable[ox.Triple]) -> str:
    """N-Triples lines (also valid inside a SPARQL INSERT DATA block)."""
    return ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def replace_update(graphs: Partition) -> str:
    """DROP each named graph then INSERT DATA all triples; default-graph triples are only added."""
    operations = [f"DROP SILENT GRAPH {graph}" for graph in graphs if isinstance(graph, ox.NamedNode)]
    blocks = []
    for graph, triples in graphs.items():
        body = ntriples(triples)
        blocks.append(body if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph} {{\n{body}}}\n")
    operations.append("INSERT DATA {\n" + "".join(blocks) + "}")
    return " ;\n".join(operations)
