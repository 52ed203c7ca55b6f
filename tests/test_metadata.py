"""Each build describes itself (VoID/DCAT), so a graph loaded elsewhere says where it came from."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from kg.graph.namespace import KG, KGR

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_a_build_writes_its_dataset_description(tmp_path):
    from datetime import date

    from kg.build import build
    from kg.graph.metadata import ontology_version

    summary = build(SEEDS, tmp_path / "seedgraph", published=date(2022, 9, 14), html=False, validate=False,
                    progress=False, merge=False)
    graph = Graph().parse(tmp_path / "seedgraph" / "graph.ttl")
    dataset = URIRef(KGR + "dataset/seedgraph")
    assert (dataset, RDF.type, VOID.Dataset) in graph and (dataset, RDF.type, DCAT.Dataset) in graph
    assert graph.value(dataset, KG.documentCount).toPython() == summary.documents == 1
    assert graph.value(dataset, VOID.triples).toPython() == summary.triples
    assert graph.value(dataset, KG.claimCount).toPython() == summary.claims
    assert graph.value(dataset, KG.ontologyVersion) == Literal(ontology_version())
    assert str(graph.value(dataset, DCTERMS.source)) == "seeds"  # a name, never a local path
    assert graph.value(dataset, DCTERMS.created) is not None
