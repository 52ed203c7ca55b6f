"""RDF serialisations: Turtle (default), N-Triples and JSON-LD, with the ontology's prefixes."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.export.files import write_atomic
from kg.graph.namespace import PREFIXES

FORMATS = {
    "turtle": ("turtle", ".ttl"),
    "ttl": ("turtle", ".ttl"),
    "nt": ("nt", ".nt"),
    "ntriples": ("nt", ".nt"),
    "json-ld": ("json-ld", ".jsonld"),
    "jsonld": ("json-ld", ".jsonld"),
}


def rdflib_format(name: str) -> str:
    return FORMATS[name][0]


def extension(name: str) -> str:
    return FORMATS[name][1]


def write_graph(graph: Graph, path: str | Path, fmt: str = "turtle") -> Path:
    """Serialise atomically; JSON-LD gets the prefixes as its @context."""
    rdf_format = rdflib_format(fmt)
    options = {}
    if rdf_format == "json-ld":
        options["context"] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        options["auto_compact"] = True
    data = graph.serialize(format=rdf_format, encoding="utf-8", **options)
    return write_atomic(path, lambda stream: stream.write(data))
