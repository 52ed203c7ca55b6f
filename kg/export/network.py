"""The networkx view of a kg graph: actors, events and claims as nodes, roles as edges.

Used for the HTML page and for `kg stats`. Who-said-what reads speaker -> claim -> asserted
event -> the event's targets; mentions, sentences and documents stay out of the picture and
become node attributes (source sentence, headline, date, URL).
"""
from __future__ import annotations

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.graph.namespace import KG, SCHEMA

SKIP_CLASSES = {KG.Mention, KG.Sentence, KG.Document}
EDGE_PROPERTIES = {
    KG.agent: ("agent", "reverse"),  # actor -> event
    KG.target: ("target", "forward"),  # event -> target
    KG.location: ("location", "forward"),
    KG.casualtySide: ("side", "forward"),
    KG.partOfEvent: ("violates", "forward"),
    KG.claimedBy: ("says", "reverse"),  # speaker -> claim
    KG.asserts: ("asserts", "forward"),  # claim -> event
    KG.country: ("country", "forward"),
    KG.partOf: ("part of", "forward"),
}


def local_name(iri: URIRef) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]


def label_of(graph: Graph, node: URIRef, lang: str) -> str:
    labels = {lit.language: str(lit) for lit in graph.objects(node, RDFS.label) if isinstance(lit, Literal)}
    return labels.get(lang) or labels.get("ar") or labels.get("en") or next(iter(labels.values()), "")


def kg_class(graph: Graph, node: URIRef) -> str:
    classes = [local_name(c) for c in graph.objects(node, RDF.type) if str(c).startswith(str(KG))]
    return sorted(classes)[0] if classes else ""


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Actors, places, events and claims with their labels, class and source text."""
    net = nx.MultiDiGraph()
    for node, cls in graph.subject_objects(RDF.type):
        if not isinstance(node, URIRef) or cls in SKIP_CLASSES or not str(cls).startswith(str(KG)):
            continue
        if node in net:
            continue
        net.add_node(str(node), **node_attributes(graph, node))
    for prop, (label, direction) in EDGE_PROPERTIES.items():
        for subject, obj in graph.subject_objects(prop):
            s, o = str(subject), str(obj)
            if s not in net or o not in net:
                continue
            if direction == "reverse":
                s, o = o, s
            net.add_edge(s, o, key=label, label=label)
    return net


def node_attributes(graph: Graph, node: URIRef) -> dict:
    cls = kg_class(graph, node)
    attrs = {"cls": cls, "label_ar": label_of(graph, node, "ar"), "label_en": label_of(graph, node, "en")}
    wikidata = graph.value(node, KG.wikidata)
    if wikidata is not None:
        attrs["wikidata"] = str(wikidata)
    sentence = graph.value(node, KG.sentence)
    if sentence is not None:
        attrs["sentence"] = str(graph.value(sentence, KG.text) or "")
        sentence_start = graph.value(sentence, KG.charStart)
        start, end = graph.value(node, KG.charStart), graph.value(node, KG.charEnd)
        if sentence_start is not None and start is not None and end is not None:
            attrs["span"] = [int(start) - int(sentence_start), int(end) - int(sentence_start)]
        document = graph.value(node, KG.document)
        if document is not None:
            attrs["document"] = str(document)
            attrs["headline"] = str(graph.value(document, SCHEMA.headline) or "")
            attrs["published"] = str(graph.value(document, SCHEMA.datePublished) or "")
            attrs["url"] = str(graph.value(document, SCHEMA.url) or "")
        attrs["rule"] = str(graph.value(node, KG.rule) or "")
        attrs["confidence"] = float(graph.value(node, KG.confidence) or 0)
    if cls == "Claim":
        attrs["quote"] = str(graph.value(node, KG.quote) or "")
        attrs["label_ar"] = attrs["label_ar"] or "«" + attrs["quote"][:40] + "»"
        attrs["label_en"] = attrs["label_en"] or "claim"
    when = graph.value(node, KG.occursOn) or graph.value(node, KG.claimDate)
    if when is not None:
        attrs["date"] = str(when)
    count = graph.value(node, KG.casualtyCount)
    if count is not None:
        attrs["count"] = int(count)
    trigger = graph.value(node, KG.trigger)
    if trigger is not None:
        attrs["trigger"] = str(trigger)
        attrs["label_ar"] = attrs["label_ar"] or str(trigger)
    if not attrs["label_en"] and cls:
        attrs["label_en"] = cls if count is None else f"{cls} ({count})"
    if not attrs["label_ar"]:
        attrs["label_ar"] = attrs["label_en"] or local_name(node)
    return attrs


def graph_stats(net: nx.MultiDiGraph) -> dict:
    """Counts by class and the most connected actors, for `kg stats`."""
    by_class: dict[str, int] = {}
    for _, data in net.nodes(data=True):
        by_class[data.get("cls", "")] = by_class.get(data.get("cls", ""), 0) + 1
    degree = sorted(((net.degree(n), n) for n in net.nodes), reverse=True)
    top = [(net.nodes[n].get("label_en") or net.nodes[n].get("label_ar"), d) for d, n in degree[:10]]
    return {
        "nodes": net.number_of_nodes(),
        "edges": net.number_of_edges(),
        "components": nx.number_weakly_connected_components(net) if net.number_of_nodes() else 0,
        "by_class": dict(sorted(by_class.items())),
        "most_connected": top,
    }
