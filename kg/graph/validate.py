"""SHACL validation of built graphs against `ontology/shapes.ttl` (pyshacl, no inference; the
ontology rides along as pyshacl's ont_graph, so shapes on kg:Event reach every event subclass)."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import SH

from kg.graph.ontology import ontology, shapes


@dataclass
class Validation:
    conforms: bool
    violations: list[str]


def validate(graph: Graph) -> Validation:
    """Check a graph against the shapes; each violation as one line: focus node, path, message."""
    import pyshacl

    conforms, report, _ = pyshacl.validate(graph, shacl_graph=shapes(), ont_graph=ontology(), inference="none",
                                           advanced=True, allow_warnings=True)
    lines = []
    for result in report.subjects(SH.resultMessage, None):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        lines.append(f"{focus} {path or ''}: {message}")
    return Validation(bool(conforms), sorted(set(lines)))
