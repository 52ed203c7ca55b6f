"""The ontology files (`ontology/kg.ttl`, `ontology/shapes.ttl`) and what the builder reads from them."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from rdflib import Graph


def ontology_dir() -> Path:
    """`ontology/` beside the package (editable install), or $KG_ONTOLOGY_DIR."""
    override = os.environ.get("KG_ONTOLOGY_DIR")
    return Path(override) if override else Path(__file__).resolve().parents[2] / "ontology"


ONTOLOGY_FILES = ("kg.ttl", "events.ttl")  # the core, then the event-type module (PLOVER/ACLED classes)


@lru_cache(maxsize=1)
def ontology() -> Graph:
    graph = Graph()
    for name in ONTOLOGY_FILES:
        if (ontology_dir() / name).exists():
            graph.parse(ontology_dir() / name, format="turtle")
    return graph


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
