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
    """Write pyoxigraph triples as they come (constant memory; JSON-LD is compacted in memory)."""
    import pyoxigraph

    if rdflib_format(fmt) == "json-ld":
        expanded = pyoxigraph.serialize(triples, None, oxigraph_format(fmt))
        handle.write(compact_jsonld(expanded))
        return
    pyoxigraph.serialize(triples, handle, oxigraph_format(fmt), prefixes=PREFIX_MAP)


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
