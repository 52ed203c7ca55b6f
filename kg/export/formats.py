"""Output formats, registered by name (in the manner of rdflib's `plugin.py`).

Each RDF format is one `RdfFormat` record: its file extension, media type, the pyoxigraph and
rdflib names, and whether it carries named graphs. `kg build -f`, `kg load` and the converters
look formats up here, and argparse takes its choices from `names()`; adding a format is one
`register` call, never an `if` elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.errors import KgError


@dataclass(frozen=True)
class RdfFormat:
    name: str
    extension: str
    media_type: str
    oxigraph: str  # attribute of pyoxigraph.RdfFormat
    rdflib: str  # rdflib serializer/parser name
    datasets: bool = False  # holds named graphs (N-Quads, TriG)
    aliases: tuple[str, ...] = ()

    def oxigraph_format(self):
        import pyoxigraph

        return getattr(pyoxigraph.RdfFormat, self.oxigraph)


FORMATS: dict[str, RdfFormat] = {}  # every name and alias -> its format


def register(fmt: RdfFormat) -> RdfFormat:
    for name in (fmt.name, *fmt.aliases):
        if name in FORMATS and FORMATS[name] != fmt:
            raise ValueError(f"output format name {name!r} is taken")
        FORMATS[name] = fmt
    return fmt


def get(name: str) -> RdfFormat:
    if name not in FORMATS:
        raise KgError(f"unknown format '{name}' (one of: {', '.join(names())})")
    return FORMATS[name]


def names(datasets: bool | None = None) -> tuple[str, ...]:
    """Canonical names and aliases, for argparse choices (only quad formats with datasets=True)."""
    return tuple(n for n, f in FORMATS.items() if datasets is None or f.datasets == datasets)


def by_extension(suffix: str) -> RdfFormat | None:
    """The format a file name's extension says (".ttl" -> turtle), or None."""
    suffix = suffix.lower()
    return next((f for f in FORMATS.values() if f.extension == suffix), None)


register(RdfFormat("turtle", ".ttl", "text/turtle", "TURTLE", "turtle", aliases=("ttl",)))
register(RdfFormat("nt", ".nt", "application/n-triples", "N_TRIPLES", "nt", aliases=("ntriples",)))
register(RdfFormat("json-ld", ".jsonld", "application/ld+json", "JSON_LD", "json-ld", aliases=("jsonld",)))
register(RdfFormat("nquads", ".nq", "application/n-quads", "N_QUADS", "nquads", datasets=True, aliases=("nq",)))
register(RdfFormat("trig", ".trig", "application/trig", "TRIG", "trig", datasets=True))
