"""SHACL validation of built graphs against `ontology/shapes.ttl` (pyshacl, no inference; the
ontology's class hierarchy rides along as pyshacl's ont_graph, so shapes on kg:Event reach every event subclass)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph
from rdflib.namespace import RDF, RDFS, SH

from kg.graph.ontology import ontology, shapes


@lru_cache(maxsize=1)
def class_facts() -> Graph:
    """What the shapes need to know of the ontology: the class hierarchy (so sh:targetClass
    kg:Event reaches every event subclass) and the types of its terms (a kg:relation value is an
    owl:ObjectProperty, a kg:modality value a kg:Modality). Only these triples ride along with
    the data; the whole ontology would slow pyshacl down for nothing."""
    facts = Graph()
    for triple in ontology().triples((None, RDFS.subClassOf, None)):
        facts.add(triple)
    for triple in ontology().triples((None, RDF.type, None)):
        facts.add(triple)
    return facts


@dataclass
class Validation:
    conforms: bool
    violations: list[str]


def validate(graph: Graph) -> Validation:
    """Check a graph against the shapes; each violation as one line: focus node, path, message."""
    import pyshacl

    conforms, report, _ = pyshacl.validate(graph, shacl_graph=shapes(), ont_graph=class_facts(), inference="none",
                                           advanced=True, allow_warnings=True)
    lines = []
    for result in report.subjects(SH.resultMessage, None):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        lines.append(f"{focus} {path or ''}: {message}")
    return Validation(bool(conforms), sorted(set(lines)))
