"""Reading RDF files, with one-line errors for files that are missing or not RDF."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.errors import InputError

FORMAT_BY_SUFFIX = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
                    ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".owl": "xml"}


def rdf_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMAT_BY_SUFFIX:
        raise InputError(f"{path}: unknown RDF file type {suffix or '(none)'} (use .ttl, .nt, .nq, .trig, .jsonld)")
    return FORMAT_BY_SUFFIX[suffix]


def parse_rdf_file(path: str | Path) -> Graph:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    fmt = rdf_format(path)
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        message = " ".join(str(exc).split())[:300]
        raise InputError(f"{path}: not valid {fmt} RDF ({message})") from None
    return graph
