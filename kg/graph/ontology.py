"""The ontology files (`ontology/kg.ttl`, `ontology/shapes.ttl`) and what the builder reads from them."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from rdflib import Graph


def ontology_dir() -> Path:
    """The ontology shipped in the package (`kg/ontology`: in the repository a link to the top-level
    `ontology/`, in a wheel a copy), or $KG_ONTOLOGY_DIR."""
    override = os.environ.get("KG_ONTOLOGY_DIR")
    if override:
        return Path(override)
    shipped = Path(__file__).resolve().parents[1] / "ontology"
    return shipped if shipped.is_dir() else Path(__file__).resolve().parents[2] / "ontology"


ONTOLOGY_FILES = ("kg.ttl", "events.ttl")  # the core, then the event-type module (PLOVER/ACLED classes)


def ontology_files() -> list[Path]:
    """The ontology's modules, then any `ontology/*.ttl` in the folders of $KG_DATA_PATH (a user's
    own event classes)."""
    from kg.data import data_dirs

    files = [ontology_dir() / name for name in ONTOLOGY_FILES if (ontology_dir() / name).exists()]
    return files + [path for folder in data_dirs()[1:] for path in sorted(folder.glob("ontology/*.ttl"))]


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """The whole ontology as one graph; a module that does not parse is a one-line DataError."""
    from kg.errors import DataError

    graph = Graph()
    for path in ontology_files():
        try:
            graph.parse(path, format="turtle")
        except Exception as error:  # rdflib raises several kinds for bad Turtle
            raise DataError(f"{path}: not valid Turtle ({str(error).splitlines()[0][:200]})") from None
    return graph


SHAPES_IRI = "https://w3id.org/kg-arabic-news/shapes#"


@lru_cache(maxsize=1)
def shapes() -> Graph:
    """`shapes.ttl`, plus a "subject and object are IRIs" check for every direct relation the
    ontology defines, so a new relation is checked without editing the shapes."""
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import SH

    from kg.graph.namespace import KG
    from kg.graph.vocabulary import relation_kinds

    graph = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    shape = URIRef(SHAPES_IRI + "DirectRelationShape")
    for name in relation_kinds():
        prop, check = KG[name], BNode()
        graph.add((shape, SH.targetSubjectsOf, prop))
        graph.add((shape, SH.property, check))
        graph.add((check, SH.path, prop))
        graph.add((check, SH.nodeKind, SH.IRI))
        graph.add((check, SH.message, Literal(f"Objects of kg:{name} must be IRIs.", lang="en")))
    return graph
