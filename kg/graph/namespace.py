"""The namespaces the graph uses. `KG` is closed: `KG.agent` is checked against the terms the
ontology defines (`kg.graph.vocabulary`), so a misspelt term fails instead of minting a new IRI,
as rdflib's `DefinedNamespace` does. Which classes and relations exist is the ontology's to say:
ask `kg.graph.vocabulary`, never a list here.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

ONTOLOGY_IRI = "https://w3id.org/kg-arabic-news/ontology"


class OntologyNamespace(Namespace):
    """A namespace that refuses names the ontology does not define (checked on first use)."""

    def term(self, name: str) -> URIRef:
        from kg.graph.vocabulary import UnknownTerm, is_defined

        if not is_defined(name):
            raise UnknownTerm(f"kg:{name} is not defined in the ontology (ontology/kg.ttl, events.ttl)")
        return super().term(name)


KG = OntologyNamespace(ONTOLOGY_IRI + "#")
KGR = Namespace("https://w3id.org/kg-arabic-news/resource/")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = Namespace("http://www.w3.org/ns/prov#")
CAMEO = Namespace("https://w3id.org/kg-arabic-news/cameo/")

PREFIXES = {
    "kg": KG,
    "kgr": KGR,
    "wd": WD,
    "schema": SCHEMA,
    "sem": SEM,
    "prov": PROV,
    "cameo": CAMEO,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "skos": SKOS,
    "xsd": XSD,
    "void": Namespace("http://rdfs.org/ns/void#"),
    "dcat": Namespace("http://www.w3.org/ns/dcat#"),
    "dcterms": Namespace("http://purl.org/dc/terms/"),
}
