"""Reading RDF files, with one-line errors for files that are missing or not RDF."""
from __future__ import annotations

from collections.abc import Iterator
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


def newest_per_stem(found: list[Path]) -> tuple[list[Path], list[Path]]:
    """(files to load, older copies skipped): `kg build` writes one graph in several formats
    (graph.ttl, graph.nt …), so in a folder only the newest file of each name is the build; an
    older graph.nt left by an earlier build beside a new graph.ttl is skipped, never merged."""
    by_stem: dict[str, list[Path]] = {}
    for path in found:
        by_stem.setdefault(path.stem, []).append(path)
    keep, skipped = [], []
    for stem in sorted(by_stem):
        paths = sorted(by_stem[stem], key=lambda p: (p.stat().st_mtime_ns, p.suffix), reverse=True)
        keep.append(paths[0])
        skipped.extend(paths[1:])
    return keep, skipped


def rdf_files(paths: list[str | Path], skipped: list[Path] | None = None) -> list[Path]:
    """The RDF files named by `paths`; a folder stands for the RDF files directly inside it
    (the newest of each name: see newest_per_stem; the others are appended to `skipped`)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES
                           and not p.name.startswith("."))
            if not found:
                raise InputError(f"{path}: no RDF files in this folder ({', '.join(FOLDER_SUFFIXES)})")
            keep, older = newest_per_stem(found)
            files.extend(keep)
            if skipped is not None:
                skipped.extend(older)
        elif path.is_file():
            rdf_format(path)
            files.append(path)
        else:
            raise InputError(f"{path}: no such file")
    return files


def oxigraph_format(fmt: str):
    import pyoxigraph

    return {"turtle": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
            "nquads": pyoxigraph.RdfFormat.N_QUADS, "trig": pyoxigraph.RdfFormat.TRIG,
            "json-ld": pyoxigraph.RdfFormat.JSON_LD, "xml": pyoxigraph.RdfFormat.RDF_XML}[fmt]


def iter_quads(path: str | Path) -> Iterator:
    """The quads of an RDF file as pyoxigraph parses them (streamed, fast); triple formats give
    default-graph quads. A syntax error anywhere raises InputError naming the file and line."""
    import pyoxigraph

    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    fmt = rdf_format(path)
    try:
        yield from pyoxigraph.parse(path=str(path), format=oxigraph_format(fmt), base_iri=path.resolve().as_uri())
    except SyntaxError as exc:
        message = " ".join(str(exc.msg if exc.msg else exc).split())[:300]
        raise InputError(f"{path}: not valid {fmt} RDF ({message})") from None
    except (OSError, ValueError) as exc:
        message = " ".join(str(exc).split())[:300]
        raise InputError(f"{path}: cannot read as {fmt} RDF ({message})") from None


def read_quads(path: str | Path) -> list:
    """All quads of an RDF file: the whole file is parsed before anything is returned, so a
    file that breaks half-way yields an error and no data."""
    return list(iter_quads(path))


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
