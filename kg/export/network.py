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
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.graph.namespace import KG, SCHEMA
from kg.graph.vocabulary import event_kind, event_kinds, vocabulary

SKIP_CLASSES = {KG.Mention, KG.Sentence, KG.Document}
CORPUS_ONLY = {KG.Disagreement, KG.Position, KG.Resolution}  # read into net.graph, never drawn as nodes
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
    KG.hasReport: ("report", "forward"),  # canonical event -> each document's own event
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
    """Actors, places, events and claims with their labels, class and source text; with a corpus
    graph also canonical events (their reports folded in), disagreements (net.graph["disputes"])
    and actors merged by owl:sameAs drawn as one node."""
    net = nx.MultiDiGraph()
    same = same_as(graph)
    skipped = {n for cls in CORPUS_ONLY for n in graph.subjects(RDF.type, cls)}
    for node, cls in graph.subject_objects(RDF.type):
        if not isinstance(node, URIRef) or cls in SKIP_CLASSES or not str(cls).startswith(str(KG)):
            continue
        if node in net or node in skipped or str(node) in same:
            continue
        net.add_node(str(node), **node_attributes(graph, node))
    for member, head in same.items():  # the merged actor's names become the canonical one's aliases
        if head in net:
            names = {label_of(graph, URIRef(member), "ar"), label_of(graph, URIRef(member), "en")}
            known = set(net.nodes[head].get("aliases", [])) | {net.nodes[head]["label_ar"], net.nodes[head]["label_en"]}
            extra = sorted(n for n in names - known if n)
            if extra:
                net.nodes[head]["aliases"] = sorted(known - {net.nodes[head]["label_ar"], net.nodes[head]["label_en"]}) + extra
            net.nodes[head].setdefault("merged", []).append(member)
    same = {**{d["wikidata"]: n for n, d in net.nodes(data=True) if d.get("wikidata") and d["wikidata"] not in net},
            **same}  # corpus nodes may name a gazetteer actor by its Wikidata IRI
    for prop, (label, direction) in EDGE_PROPERTIES.items():
        for subject, obj in graph.subject_objects(prop):
            s, o = same.get(str(subject), str(subject)), same.get(str(obj), str(obj))
            if s not in net or o not in net:
                continue
            if direction == "reverse":
                s, o = o, s
            net.add_edge(s, o, key=label, label=label)
    fold_reports(graph, net)
    net.graph["disputes"] = disputes(graph, net, same)
    return net


def same_as(graph: Graph) -> dict[str, str]:
    """Merged actor -> its canonical actor (kg:Resolution's owl:sameAs), chains followed; a
    sameAs to a node the graph does not describe (a Wikidata item) merges nothing."""
    def described(node) -> bool:
        return any(str(c).startswith(str(KG)) for c in graph.objects(node, RDF.type))

    direct = {str(s): str(o) for s, o in graph.subject_objects(OWL.sameAs) if s != o and described(o) and described(s)}
    out = {}
    for member in direct:
        head, seen = member, {member}
        while head in direct and direct[head] not in seen:
            head = direct[head]
            seen.add(head)
        out[member] = head
    return out


def count_range(low, high) -> str:
    if low is None:
        return ""
    return f"{low}" if low == high else f"{low}\u2013{high}"


def fold_reports(graph: Graph, net: nx.MultiDiGraph) -> None:
    """A canonical event is drawn once, labelled with its count range and number of sources; its
    reports stay in the data (marked `folded`), and the claims asserting them also point to it."""
    for node, data in list(net.nodes(data=True)):
        if data.get("cls") != "CanonicalEvent":
            continue
        subject = URIRef(node)
        main = local_name(graph.value(subject, KG.eventClass) or KG.Event)
        reports = [o for _, o, r in net.out_edges(node, keys=True) if r == "report"]
        if not reports:  # its articles are beyond the page's html_limit
            net.remove_node(node)
            continue
        sources = graph.value(subject, KG.sourceCount)
        low, high = graph.value(subject, KG.minCount), graph.value(subject, KG.maxCount)
        low, high = (int(low), int(high)) if low is not None and high is not None else (None, None)
        kind = event_kind(main) if main in event_kinds() else None
        span = count_range(low, high)
        ctype = str(graph.value(subject, KG.casualtyType) or "")
        n_sources = int(sources) if sources is not None else len(reports)
        what_en = f"{span} {ctype}".strip() if span else (kind.label_en if kind else main)
        what_ar = f"{kind.label_ar if kind else main} {span}".strip()
        data.update(event_class=main, reports=reports, sources=n_sources, precision=str(graph.value(subject, KG.datePrecision) or ""),
                    label_en=f"{what_en} · {n_sources} source{'s' if n_sources != 1 else ''}",
                    label_ar=f"{what_ar} · \u00d7{n_sources}")  # ×n: n sources (words stay out of code)
        if low is not None:
            data.update(min_count=low, max_count=high, casualty_type=ctype)
        for kept in ("earliestDate", "latestDate"):
            value = graph.value(subject, KG[kept])
            if value is not None:
                data[kept] = str(value)
        for report in reports:
            net.nodes[report]["folded"] = node
            for claim, _, role in list(net.in_edges(report, keys=True)):
                if role == "asserts":
                    net.add_edge(claim, node, key="asserts", label="asserts")


def disputes(graph: Graph, net: nx.MultiDiGraph, same: dict[str, str]) -> list[dict]:
    """Every kg:Disagreement with who says what (one row per kg:Position), sorted by IRI."""
    out = []
    for node in sorted(graph.subjects(RDF.type, KG.Disagreement)):
        about = [str(o) for o in graph.objects(node, KG.concerns) if str(o) in net]
        if not about:
            continue
        kinds = sorted(local_name(t) for t in graph.objects(node, RDF.type) if t != KG.Disagreement)
        rows = []
        for position in sorted(graph.objects(node, KG.position)):
            count = graph.value(position, KG.statesCount)
            rows.append({
                "stance": str(graph.value(position, KG.stance) or ""),
                "source": str(graph.value(position, KG.source) or ""),
                "report": str(graph.value(position, KG.report) or ""),
                "heldBy": sorted({same.get(str(a), str(a)) for a in graph.objects(position, KG.heldBy)}),
                "blames": sorted({same.get(str(a), str(a)) for a in graph.objects(position, KG.blames)}),
                "claims": sorted(str(c) for c in graph.objects(position, KG.inClaim)),
                "count": int(count) if count is not None else None})
        out.append({"id": str(node), "kind": kinds[0] if kinds else "Disagreement", "concerns": about[0],
                    "label": str(graph.value(node, RDFS.label) or ""), "positions": rows})
    return out


def add_triples(graph: Graph, triples) -> Graph:
    """pyoxigraph triples (kg.corpus.corpus_triples) into an rdflib graph, for the explorer."""
    from kg.graph.build import to_rdflib

    graph.addN((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object), graph) for t in triples)
    return graph


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
