"""Dataset metadata written with every build (VoID and DCAT), so a loaded graph says where it came from.

One node, `kgr:dataset/<name>`, says what was built (title, the input's file name, the build date,
a licence if the user gave one), how big it is (documents, triples, entities, events, claims),
and with what (the kg version and the ontology version it follows). Its IRI is derived from the
output's name so a rebuild replaces it instead of adding a second one.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone

from pyoxigraph import Literal, NamedNode, Triple

from kg.graph.iri import BASE, safe
from kg.graph.namespace import PREFIXES

VOID, DCAT, DCTERMS, XSD = (str(PREFIXES[p]) for p in ("void", "dcat", "dcterms", "xsd"))
RDF_TYPE = NamedNode(str(PREFIXES["rdf"]) + "type")


@dataclass(frozen=True)
class DatasetInfo:
    name: str  # the output folder's name: the dataset's IRI is made from it
    source: str  # what was read (a file or folder name, never a full local path)
    documents: int
    triples: int
    entities: int
    events: int
    claims: int
    title: str = ""
    license: str = ""  # an IRI (https://creativecommons.org/licenses/by/4.0/) or free text
    created: datetime | None = None


def dataset_iri(name: str) -> str:
    return f"{BASE}dataset/{safe(name)}"


def integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=NamedNode(XSD + "integer"))


def kg_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kg")
    except PackageNotFoundError:
        return "unknown"


def ontology_version() -> str:
    from rdflib import URIRef
    from rdflib.namespace import OWL

    from kg.graph.namespace import ONTOLOGY_IRI
    from kg.graph.ontology import ontology

    found = ontology().value(URIRef(ONTOLOGY_IRI), OWL.versionInfo)
    return str(found) if found is not None else ""


def term(name: str) -> NamedNode:
    """A kg: term, refused if the ontology does not define it."""
    from kg.graph.namespace import KG

    return NamedNode(str(KG[name]))


def dataset_triples(info: DatasetInfo) -> Iterator[Triple]:
    from kg.graph.namespace import KG, ONTOLOGY_IRI

    node = NamedNode(dataset_iri(info.name))
    created = (info.created or datetime.now(timezone.utc)).replace(microsecond=0)
    yield Triple(node, RDF_TYPE, NamedNode(VOID + "Dataset"))
    yield Triple(node, RDF_TYPE, NamedNode(DCAT + "Dataset"))
    yield Triple(node, NamedNode(DCTERMS + "title"), Literal(info.title or f"kg graph of {info.source}"))
    yield Triple(node, NamedNode(DCTERMS + "source"), Literal(info.source))
    yield Triple(node, NamedNode(DCTERMS + "created"), Literal(created.isoformat(), datatype=NamedNode(XSD + "dateTime")))
    if info.license:
        is_iri = info.license.startswith(("http://", "https://"))
        yield Triple(node, NamedNode(DCTERMS + "license"), NamedNode(info.license) if is_iri else Literal(info.license))
    yield Triple(node, NamedNode(VOID + "triples"), integer(info.triples))
    yield Triple(node, NamedNode(VOID + "entities"), integer(info.entities))
    yield Triple(node, NamedNode(VOID + "vocabulary"), NamedNode(str(KG)))
    yield Triple(node, NamedNode(DCTERMS + "conformsTo"), NamedNode(ONTOLOGY_IRI))
    yield Triple(node, term("documentCount"), integer(info.documents))
    yield Triple(node, term("eventCount"), integer(info.events))
    yield Triple(node, term("claimCount"), integer(info.claims))
    yield Triple(node, term("builderVersion"), Literal(kg_version()))
    yield Triple(node, term("ontologyVersion"), Literal(ontology_version()))
