"""What a reader of the corpus graph wants per canonical event: its reports side by side (outlet,
date, count, sentence) and its disagreements with who says what. Read from RDF, so the explorer
(kg/export) can use it on any built graph, not only in the build that made it."""
from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kg.graph.vocabulary import KG_IRI

SCHEMA_PUBLISHER = URIRef("https://schema.org/publisher")


def kg(name: str) -> URIRef:
    return URIRef(KG_IRI + name)


def value(graph: Graph, subject, prop: str):
    found = graph.value(subject, kg(prop))
    return found.toPython() if found is not None and hasattr(found, "toPython") else found


def report_row(graph: Graph, report) -> dict:
    document = graph.value(report, kg("document"))
    sentence = graph.value(report, kg("sentence"))
    publisher = graph.value(document, SCHEMA_PUBLISHER) if document is not None else None
    return {"report": str(report), "document": str(document or ""), "source": str(publisher or ""),
            "class": str(graph.value(report, RDF.type) or "").rsplit("#", 1)[-1],
            "date": str(value(graph, report, "occursOn") or ""), "count": value(graph, report, "casualtyCount"),
            "sentence": str(graph.value(sentence, kg("text")) or "") if sentence is not None else ""}


def position_row(graph: Graph, position) -> dict:
    return {"stance": str(value(graph, position, "stance") or ""), "source": str(value(graph, position, "source") or ""),
            "report": str(graph.value(position, kg("report")) or ""),
            "heldBy": sorted(str(a) for a in graph.objects(position, kg("heldBy"))),
            "blames": sorted(str(a) for a in graph.objects(position, kg("blames"))),
            "count": value(graph, position, "statesCount")}


def canonical_events(graph: Graph) -> list[dict]:
    """One dict per kg:CanonicalEvent: label, class, date and precision, count range, reports, and
    the disagreements that concern it (each with its positions), sorted by date then IRI."""
    disputes: dict = {}
    for disagreement in graph.subjects(RDF.type, kg("Disagreement")):
        kinds = [str(t).rsplit("#", 1)[-1] for t in graph.objects(disagreement, RDF.type) if t != kg("Disagreement")]
        entry = {"disagreement": str(disagreement), "kind": kinds[0] if kinds else "Disagreement",
                 "label": str(graph.value(disagreement, RDFS.label) or ""),
                 "positions": [position_row(graph, p) for p in sorted(graph.objects(disagreement, kg("position")))]}
        for about in graph.objects(disagreement, kg("concerns")):
            disputes.setdefault(about, []).append(entry)
    out = []
    for event in graph.subjects(RDF.type, kg("CanonicalEvent")):
        out.append({
            "event": str(event), "label": str(graph.value(event, RDFS.label) or ""),
            "class": str(graph.value(event, kg("eventClass")) or "").rsplit("#", 1)[-1],
            "date": str(value(graph, event, "occursOn") or ""), "precision": str(value(graph, event, "datePrecision") or ""),
            "minCount": value(graph, event, "minCount"), "maxCount": value(graph, event, "maxCount"),
            "reports": [report_row(graph, r) for r in sorted(graph.objects(event, kg("hasReport")))],
            "disagreements": sorted(disputes.get(event, []), key=lambda d: d["disagreement"]),
        })
    return sorted(out, key=lambda e: (e["date"], e["event"]))
