"""Shared fixtures: the seed article and its extraction/graph, built once per test session."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_7f990094a9bbc95a.txt"
SEED_DATE = date(2022, 9, 14)
ARTICLES = ROOT / "tests" / "articles"
GOLD = ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def seed_document():
    from kg.read import read_documents

    return next(read_documents(SEED, SEED_DATE))


@pytest.fixture(scope="session")
def seed_extraction(seed_document):
    from kg.extract.pipeline import extract

    return extract(seed_document)


@pytest.fixture(scope="session")
def seed_graph(seed_extraction):
    from kg.graph.build import extraction_graph

    return extraction_graph(seed_extraction)


@pytest.fixture(scope="session")
def seed_ttl(tmp_path_factory, seed_graph) -> Path:
    """The seed graph written as Turtle, as `kg build` writes it."""
    from kg.export.rdf import write_graph

    return write_graph(seed_graph, tmp_path_factory.mktemp("seed") / "graph.ttl")
