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


# Suffixes taken from a folder given to `kg load` (.json/.xml are too often something else).
FOLDER_SUFFIXES = (".ttl", ".turtle", ".nt", ".nq", ".trig", ".jsonld")


def rdf_files(paths: list[str | Path]) -> list[Path]:
    """The RDF files named by `paths`; a folder stands for the RDF files directly inside it."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES)
            if not found:
                raise InputError(f"{path}: no RDF files in this folder ({', '.join(FOLDER_SUFFIXES)})")
            files.extend(found)
        elif path.is_file():
            rdf_format(path)
            files.append(path)
        else:
            raise InputError(f"{path}: no such file")
    return files


def read_quads(path: str | Path) -> list:
    """All quads of an RDF file, parsed by pyoxigraph (fast); triple formats give default-graph quads.

    The whole file is parsed before anything is returned, so a file that breaks half-way
    yields an error and no data: a load never starts from half a file.
    """
    import pyoxigraph

    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    fmt = rdf_format(path)
    ox_format = {"turtle": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
                 "nquads": pyoxigraph.RdfFormat.N_QUADS, "trig": pyoxigraph.RdfFormat.TRIG,
                 "json-ld": pyoxigraph.RdfFormat.JSON_LD, "xml": pyoxigraph.RdfFormat.RDF_XML}[fmt]
    try:
        return list(pyoxigraph.parse(path=str(path), format=ox_format, base_iri=path.resolve().as_uri()))
    except SyntaxError as exc:
        message = " ".join(str(exc.msg if exc.msg else exc).split())[:300]
        raise InputError(f"{path}: not valid {fmt} RDF ({message})") from None
    except (OSError, ValueError) as exc:
        message = " ".join(str(exc).split())[:300]
        raise InputError(f"{path}: cannot read as {fmt} RDF ({message})") from None


def parse_rdf_dataset(paths: list[str | Path]):
    """An rdflib Dataset of the files whose default graph is the union of all graphs.

    Triple formats land in the default graph, N-Quads/TriG keep their named graphs: the same
    view the store gives, so a query answers alike on a file and on the store.
    """
    import warnings

    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    for path in rdf_files(paths):
        fmt = rdf_format(path)
        try:
            with warnings.catch_warnings():  # rdflib's own quad parsers use its deprecated API
                warnings.simplefilter("ignore", DeprecationWarning)
                dataset.parse(path, format=fmt)
        except Exception as exc:  # rdflib raises many parser-specific types
            message = " ".join(str(exc).split())[:300]
            raise InputError(f"{path}: not valid {fmt} RDF ({message})") from None
    return dataset
