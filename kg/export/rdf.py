"""RDF serialisations of the formats in `kg.export.formats` (Turtle by default, N-Triples,
JSON-LD, N-Quads, TriG), with the ontology's prefixes.

Streams go through pyoxigraph's Rust serialisers; rdflib graphs (small ones) through rdflib.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph

from kg.export import formats
from kg.io import write_atomic
from kg.graph.namespace import PREFIXES

PREFIX_MAP = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def rdflib_format(name: str) -> str:
    return formats.get(name).rdflib


def extension(name: str) -> str:
    return formats.get(name).extension


def oxigraph_format(name: str):
    return formats.get(name).oxigraph_format()


def serialize_stream(triples: Iterable, handle: BinaryIO, fmt: str) -> None:
    """Write pyoxigraph triples (or quads) as they come (constant memory; JSON-LD is compacted in
    memory). A quad format gets the store's layout (`laid_out_quads`); a triple format drops graph names."""
    import pyoxigraph

    target = formats.get(fmt)
    items = laid_out_quads(triples) if target.datasets else as_triples(triples)
    if target.rdflib == "json-ld":
        expanded = pyoxigraph.serialize(items, None, target.oxigraph_format())
        handle.write(compact_jsonld(expanded))
        return
    pyoxigraph.serialize(items, handle, target.oxigraph_format(), prefixes=PREFIX_MAP)


def as_triples(items: Iterable) -> Iterable:
    import pyoxigraph

    for item in items:
        yield pyoxigraph.Triple(item.subject, item.predicate, item.object) if isinstance(item, pyoxigraph.Quad) else item


def laid_out_quads(items: Iterable) -> Iterable:
    """Each triple in the named graph `kg load` keeps it in (kg.store.partition, docs/store.md): an
    article's nodes in `kgr:doc/ID`, actor descriptions in `kgr:graph/actors`, actor-to-actor
    relations in `kgr:graph/relations`; so a corpus file loads as a stream, graph by graph."""
    import pyoxigraph

    from kg.store.partition import ACTORS_GRAPH, RELATIONS_GRAPH, known_relations, place

    relations = known_relations()
    default = pyoxigraph.DefaultGraph()
    for item in items:
        if isinstance(item, pyoxigraph.Quad):
            yield item
            continue
        where, name = place(pyoxigraph.Quad(item.subject, item.predicate, item.object, default))
        if where == "graph":
            graph = name
        elif where == "actor":
            graph = ACTORS_GRAPH
        elif where == "link":
            graph = RELATIONS_GRAPH if item.predicate in relations else ACTORS_GRAPH
        else:
            graph = default
        yield pyoxigraph.Quad(item.subject, item.predicate, item.object, graph)


def compact_jsonld(expanded: bytes) -> bytes:
    """Expanded JSON-LD -> the same graph in the terms of the ontology's context (kg/export/jsonld.py)."""
    import json

    from kg.export.jsonld import compact_document

    return json.dumps(compact_document(json.loads(expanded)), ensure_ascii=False, indent=1).encode("utf-8")


def convert_file(source: Path, source_fmt: str, target: Path, fmt: str) -> Path:
    """Re-serialise a written graph file in another format, streaming."""
    import pyoxigraph

    def write(handle: BinaryIO) -> None:
        with open(source, "rb") as stream:
            serialize_stream(pyoxigraph.parse(stream, oxigraph_format(source_fmt)), handle, fmt)

    return write_atomic(target, write)


def write_graph(graph: Graph, path: str | Path, fmt: str = "turtle") -> Path:
    """Serialise an rdflib graph atomically, through the same serialisers as a streamed build."""
    import pyoxigraph

    triples = pyoxigraph.parse(graph.serialize(format="nt", encoding="utf-8"), pyoxigraph.RdfFormat.N_TRIPLES)
    return write_atomic(path, lambda stream: serialize_stream(triples, stream, fmt))
