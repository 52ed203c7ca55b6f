"""The networkx view of a kg graph: actors, events and claims as nodes, roles as edges.

Used for the HTML page and for `kg stats`. Who-said-what reads speaker -> claim -> asserted
event -> the event's targets; mentions, sentences and documents stay out of the picture and
become node attributes (source sentence, headline, date, URL).
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.graph.namespace import KG, SCHEMA
from kg.graph.vocabulary import event_kinds, vocabulary

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


def labels_of(graph: Graph, node: URIRef, prop: URIRef) -> list[str]:
    return sorted({str(lit) for lit in graph.objects(node, prop) if isinstance(lit, Literal)})


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
    aliases = labels_of(graph, node, SKOS.altLabel)
    if aliases:
        attrs["aliases"] = aliases  # so the page's search finds spelling variants
    roles = labels_of(graph, node, KG.role)
    if roles:
        attrs["role"] = " / ".join(roles)
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
            attrs["publisher"] = str(graph.value(document, SCHEMA.publisher) or "")
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
    for prop, key in ((KG.casualtyType, "casualty_type"), (KG.about, "about"), (KG.victim, "victim")):
        value = graph.value(node, prop)
        if value is not None:
            attrs[key] = str(value)
    modality = graph.value(node, KG.modality)
    if modality is not None:
        attrs["modality"] = local_name(modality)  # Asserted, Demanded, Proposed ... (the page marks the rest)
    relation = graph.value(node, KG.relation)
    if relation is not None:
        attrs["relation"] = local_name(relation)  # the page words agent/target edges by it
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


# Contradictions: flags for an analyst to look at, not verdicts.
MAX_PAIRS_PER_GROUP = 20  # a big toll story must not turn into thousands of edges
DENIAL_WINDOW_DAYS = 3


def is_hostile(cls: str) -> bool:
    """A hostile act (the ontology's kg:hostile): a denial by its agent contradicts it."""
    kind = event_kinds().get(cls)
    return bool(kind and kind.hostile)


def is_a(cls: str, ancestor: str) -> bool:
    return bool(cls) and vocabulary().is_a(cls, ancestor)


def contradictions(net: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    """Pairs of events that cannot both be right, each with a short English reason."""
    return casualty_conflicts(net) + denial_conflicts(net)


def sources_of(net: nx.MultiDiGraph, node: str) -> frozenset[str]:
    """Who reports an event: its agents and the speakers of claims asserting it, else its article."""
    found: set[str] = set()
    for source, _, role in net.in_edges(node, keys=True):
        if role == "agent":
            found.add(source)
        elif role == "asserts":
            found.update(s for s, _, r in net.in_edges(source, keys=True) if r == "says")
    return frozenset(found or {net.nodes[node].get("document", node)})


def day_of(data: dict) -> str:
    return data.get("date") or data.get("published", "")


def casualty_conflicts(net: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    """Same side(s), same kind, same day, different count, no source in common."""
    groups: dict[tuple, list[str]] = defaultdict(list)
    for node, data in net.nodes(data=True):
        if not is_a(data.get("cls", ""), "CasualtyReport") or "count" not in data:
            continue
        sides = frozenset(o for _, o, role in net.out_edges(node, keys=True) if role == "side")
        if sides:
            groups[(sides, data.get("casualty_type", ""), day_of(data))].append(node)
    pairs = []
    for members in groups.values():
        found = []
        for i, a in enumerate(sorted(members)):
            for b in sorted(members)[i + 1:]:
                ca, cb = net.nodes[a]["count"], net.nodes[b]["count"]
                if ca != cb and not sources_of(net, a) & sources_of(net, b) and len(found) < MAX_PAIRS_PER_GROUP:
                    kind = net.nodes[a].get("casualty_type") or "casualties"
                    found.append((a, b, f"{ca} vs {cb} {kind}"))
        pairs.extend(found)
    return pairs


def within_days(a: str, b: str, days: int) -> bool:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= days
    except ValueError:
        return True  # an unknown day does not rule a pair out


def denial_conflicts(net: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    """A denial by X against an accusation of X, or against a hostile act others say X did."""
    hostile = [(n, d) for n, d in net.nodes(data=True) if is_hostile(d.get("cls", ""))]
    pairs = []
    for denial, data in net.nodes(data=True):
        if not is_a(data.get("cls", ""), "Denial"):
            continue
        agents = {s for s, _, role in net.in_edges(denial, keys=True) if role == "agent"}
        deniers = agents or set(sources_of(net, denial))
        found = []
        for event, other in hostile:
            if not within_days(day_of(data), day_of(other), DENIAL_WINDOW_DAYS):
                continue
            outs = {o for _, o, role in net.out_edges(event, keys=True) if role == "target"}
            agents = {s for s, _, role in net.in_edges(event, keys=True) if role == "agent"}
            if is_a(other.get("cls", ""), "Accusation") and outs & deniers:
                found.append((event, denial, "denied accusation"))
            elif not is_a(other.get("cls", ""), "Accusation") and agents & deniers and sources_of(net, event) - deniers:
                found.append((event, denial, "denied by its alleged agent"))
        pairs.extend(found[:MAX_PAIRS_PER_GROUP])
    return pairs
