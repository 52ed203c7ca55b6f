"""The ontology as other tools read it: OWL 2 DL for a reasoner, documented in both languages."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from kg.graph.namespace import KG, ONTOLOGY_IRI
from kg.graph.ontology import ontology, ontology_dir


def core() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


def test_every_core_term_is_defined_by_the_ontology_and_commented_in_arabic_and_english():
    graph = core()
    terms = {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(str(KG))}
    assert len(terms) > 100
    for term in terms:
        assert (term, RDFS.isDefinedBy, URIRef(ONTOLOGY_IRI)) in graph, term
        languages = {c.language for c in graph.objects(term, RDFS.comment)}
        assert {"ar", "en"} <= languages, term
    header = URIRef(ONTOLOGY_IRI)
    assert graph.value(header, OWL.versionInfo) is not None


def test_no_datatype_outside_the_owl2_datatype_map():
    """HermiT refuses xsd:date; dates are checked by the SHACL shapes instead."""
    outside = {URIRef("http://www.w3.org/2001/XMLSchema#date"), URIRef("http://www.w3.org/2001/XMLSchema#gYear")}
    assert not [s for s, o in ontology().subject_objects(RDFS.range) if o in outside]


def test_actors_places_and_events_are_disjoint():
    graph = ontology()
    groups = [set(Collection(graph, graph.value(node, OWL.members)))
              for node in graph.subjects(RDF.type, OWL.AllDisjointClasses)]
    assert any({KG.Actor, KG.Event, KG.Claim} <= group for group in groups)
    assert any({KG.Place, KG.Event} <= group for group in groups)
    assert (KG.Person, OWL.disjointWith, KG.Place) in graph


def test_a_dl_reasoner_accepts_the_ontology(tmp_path):
    owlready2 = pytest.importorskip("owlready2", reason="owlready2 (HermiT) is not installed: pip install owlready2")
    java = shutil.which("java")
    if java is None:
        pytest.skip("no Java runtime for HermiT (apt-get install default-jre-headless)")
    graph = Graph()
    for triple in ontology():
        graph.add(triple)
    graph.remove((None, OWL.imports, None))  # the modules are merged here; nothing is fetched
    path = tmp_path / "kg.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    owlready2.JAVA_EXE = java
    world = owlready2.World()
    onto = world.get_ontology(path.as_uri()).load()
    try:
        with onto:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except (owlready2.OwlReadyInconsistentOntologyError, subprocess.CalledProcessError) as error:
        pytest.fail(f"HermiT: {error}")
    except owlready2.base.OwlReadyJavaError as error:
        pytest.fail(f"HermiT refused the ontology: {str(error)[:400]}")
    assert list(world.inconsistent_classes()) == []
