"""JSON-LD that JSON users can read: a context with a term for every ontology class and property.

With the context, a node reads `{"@id": "kgr:doc/x/e/1", "@type": "Shelling", "agent": "kgr:Russia",
"occursOn": "2022-09-13", "casualtyCount": "49"}` instead of full IRIs and typed-value objects.
The terms come from the ontology (object properties take IRIs, datatype properties their range's
datatype), so a new property is in the context without an edit here. Compaction is done here
rather than by a JSON-LD processor because the builder streams: pyoxigraph writes expanded JSON-LD
and each node object is compacted on its own. A value that does not fit its term's coercion keeps
its expanded form, so the document always expands back to the same graph.
"""
from __future__ import annotations

from functools import lru_cache

from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.graph.namespace import PREFIXES

EXTRA_TERMS = {
    # terms outside the kg: namespace that every document uses
    "label": {"@id": "rdfs:label"},
    "altLabel": {"@id": "skos:altLabel"},
    "sameAs": {"@id": "owl:sameAs", "@type": "@id"},
    "headline": {"@id": "schema:headline"},
    "datePublished": {"@id": "schema:datePublished", "@type": "xsd:date"},
    "url": {"@id": "schema:url", "@type": "@id"},
    "publisher": {"@id": "schema:publisher"},
    "NewsArticle": "schema:NewsArticle",
}
RDF_TYPE = str(RDF.type)


def curie(iri: str) -> str:
    for prefix, namespace in _prefixes():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


@lru_cache(maxsize=1)
def _prefixes() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda item: len(item[1]), reverse=True))


@lru_cache(maxsize=1)
def context() -> dict:
    """Prefixes, then one term per kg: class and property of the ontology, then EXTRA_TERMS."""
    from kg.graph.ontology import ontology
    from kg.graph.vocabulary import local

    graph = ontology()
    terms: dict[str, object] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    for cls in graph.subjects(RDF.type, OWL.Class):
        if local(cls):
            terms[local(cls)] = f"kg:{local(cls)}"
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        if local(prop):
            terms[local(prop)] = {"@id": f"kg:{local(prop)}", "@type": "@id"}
    for prop in graph.subjects(RDF.type, OWL.DatatypeProperty):
        name = local(prop)
        if not name:
            continue
        ranges = [r for r in graph.objects(prop, RDFS.range) if isinstance(r, URIRef) and str(r).startswith(str(XSD))]
        declared = graph.value(prop, URIRef(str(PREFIXES["kg"]) + "literalDatatype"))  # dates (see kg.ttl)
        datatype = curie(str(declared)) if declared is not None else (curie(str(ranges[0])) if ranges else None)
        terms[name] = {"@id": f"kg:{name}", "@type": datatype} if datatype and datatype != "xsd:string" else f"kg:{name}"
    terms.update(EXTRA_TERMS)
    return terms


@lru_cache(maxsize=1)
def _by_iri() -> dict[str, tuple[str, object]]:
    """Full property IRI -> (term, its coercion: "@id", a datatype IRI, or None)."""
    out: dict[str, tuple[str, object]] = {}
    for term, definition in context().items():
        if term in PREFIXES:
            continue
        iri = definition["@id"] if isinstance(definition, dict) else definition
        coercion = definition.get("@type") if isinstance(definition, dict) else None
        full = expand(iri)
        out[full] = (term, expand(coercion) if coercion and coercion != "@id" else coercion)
    return out


def expand(name: str) -> str:
    prefix, _, rest = name.partition(":")
    namespace = dict(PREFIXES).get(prefix)
    return str(namespace) + rest if namespace is not None and rest else name


@lru_cache(maxsize=1)
def _class_terms() -> dict[str, str]:
    return {expand(v): k for k, v in context().items() if isinstance(v, str) and k not in PREFIXES}


def compact_value(value: dict, coercion: object) -> object:
    if coercion == "@id" and set(value) == {"@id"}:
        return curie(value["@id"])
    if coercion not in (None, "@id") and set(value) == {"@value", "@type"} and value["@type"] == coercion:
        return value["@value"]
    if coercion is None and set(value) == {"@value"}:
        return value["@value"]
    out = dict(value)
    if "@id" in out:
        out["@id"] = curie(out["@id"])
    if "@type" in out:
        out["@type"] = curie(out["@type"])
    return out


def compact_node(node: dict) -> dict:
    """One expanded node object in the terms of `context()`."""
    out: dict[str, object] = {}
    for key, values in node.items():
        if key == "@id":
            out["@id"] = curie(values)
        elif key == "@type" or (key == RDF_TYPE and all(set(v) == {"@id"} for v in values)):
            types = [_class_terms().get(t, curie(t)) for t in (v if isinstance(v, str) else v["@id"] for v in values)]
            out["@type"] = types[0] if len(types) == 1 else types
        else:
            term, coercion = _by_iri().get(key, (curie(key), None))
            compacted = [compact_value(v, coercion) for v in values]
            out[term] = compacted[0] if len(compacted) == 1 else compacted
    return out


def merged(expanded: list) -> list[dict]:
    """One node object per subject (the streamed writer emits one per run of triples)."""
    nodes: dict[str, dict] = {}
    for node in expanded:
        into = nodes.setdefault(node.get("@id", f"_:{len(nodes)}"), {})
        for key, values in node.items():
            if key == "@id":
                into["@id"] = values
            else:
                into.setdefault(key, []).extend(v for v in values if v not in into.get(key, ()))
    return list(nodes.values())


def compact_document(expanded: list) -> dict:
    return {"@context": context(), "@graph": [compact_node(node) for node in merged(expanded)]}
