"""The namespaces the graph uses. `KG` is closed: `KG.agent` is checked against the terms the
ontology defines (`kg.graph.vocabulary`), so a misspelt term fails instead of minting a new IRI,
as rdflib's `DefinedNamespace` does. Which classes and relations exist is the ontology's to say:
ask `kg.graph.vocabulary`, never a list here.
"""
from __future__ import annotations

import os

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
DEFAULT_BASE = "https://w3id.org/kg-arabic-news/resource/"
BASE_VARIABLE = "KG_BASE_IRI"  # `kg build --base IRI` sets it; kg load and kg query read it too


def resource_base() -> str:
    """Where minted resources live: $KG_BASE_IRI (an absolute http(s) IRI ending in / or #), else the
    project's default. Two users who build with their own bases can merge graphs without clashes."""
    import re

    from kg.errors import InputError

    base = os.environ.get(BASE_VARIABLE, "").strip() or DEFAULT_BASE
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+[/#]", base):
        raise InputError(f"{BASE_VARIABLE}={base!r}: the base IRI must be an absolute http(s) IRI ending in / or #")
    return base


KGR = Namespace(resource_base())
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
