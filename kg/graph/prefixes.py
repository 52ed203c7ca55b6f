"""The namespace IRIs as plain strings, without rdflib: `kg query` declares them for a query
(kg.store.prefixes) without paying rdflib's import (half a second); kg.graph.namespace builds its
rdflib Namespaces from them.
"""
from __future__ import annotations

import os

ONTOLOGY_IRI = "https://w3id.org/kg-arabic-news/ontology"
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


NAMESPACES = {
    "kg": ONTOLOGY_IRI + "#",
    "kgr": resource_base(),
    "wd": "http://www.wikidata.org/entity/",
    "schema": "https://schema.org/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "prov": "http://www.w3.org/ns/prov#",
    "cameo": "https://w3id.org/kg-arabic-news/cameo/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcterms": "http://purl.org/dc/terms/",
}
