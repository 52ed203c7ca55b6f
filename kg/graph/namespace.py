"""The namespaces the graph uses. `KG` is closed: `KG.agent` is checked against the terms the
ontology defines (`kg.graph.vocabulary`), so a misspelt term fails instead of minting a new IRI,
as rdflib's `DefinedNamespace` does. Which classes and relations exist is the ontology's to say:
ask `kg.graph.vocabulary`, never a list here.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.graph.prefixes import BASE_VARIABLE, DEFAULT_BASE, NAMESPACES, ONTOLOGY_IRI, resource_base  # noqa: F401


class OntologyNamespace(Namespace):
    """A namespace that refuses names the ontology does not define (checked on first use)."""

    def term(self, name: str) -> URIRef:
        from kg.graph.vocabulary import UnknownTerm, is_defined

        if not is_defined(name):
            raise UnknownTerm(f"kg:{name} is not defined in the ontology (ontology/kg.ttl, events.ttl)")
        return super().term(name)


KG = OntologyNamespace(ONTOLOGY_IRI + "#")
KGR = Namespace(resource_base())
WD = Namespace(NAMESPACES["wd"])
SCHEMA = Namespace(NAMESPACES["schema"])
SEM = Namespace(NAMESPACES["sem"])
PROV = Namespace(NAMESPACES["prov"])
CAMEO = Namespace(NAMESPACES["cameo"])

PREFIXES = {"kg": KG, "kgr": KGR, "wd": WD, "schema": SCHEMA, "sem": SEM, "prov": PROV, "cameo": CAMEO,
            "rdf": RDF, "rdfs": RDFS, "owl": OWL, "skos": SKOS, "xsd": XSD,
            **{name: Namespace(NAMESPACES[name]) for name in ("void", "dcat", "dcterms")}}
