"""SPARQL helpers for tests: the project's prefixes, ASK and SELECT over an rdflib graph."""
from __future__ import annotations

from rdflib import Graph

PREFIXES = """
PREFIX kg: <https://w3id.org/kg-arabic-news/ontology#>
PREFIX kgr: <https://w3id.org/kg-arabic-news/resource/>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
"""


def ask(graph: Graph, where: str) -> bool:
    return bool(graph.query(PREFIXES + "ASK {" + where + "}").askAnswer)


def select(graph: Graph, query: str) -> list[tuple]:
    return [tuple(row) for row in graph.query(PREFIXES + query)]
