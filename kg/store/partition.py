"""Split a built graph into one named graph per document (ontology/README.md, "Partitioning").

Why: the store keeps each article in the named graph `kgr:doc/ID`, so re-loading an article
replaces exactly its facts and nothing else. The rules, in order, for a triple `s p o`:

1. s is minted under `kgr:doc/ID` (the document, its sentences, mentions, events, claims) -> ID;
2. o is minted under `kgr:doc/ID` (`kgr:Russia kg:declares <doc/ID/e/…>`, `… kg:states <doc/ID/c/…>`) -> ID;
3. `s p o` is a direct relation implied by an event (kg:agent s, kg:relation p, and kg:target o,
   kg:partOfEvent o, or o is the event itself) -> every document with such an event;
4. s is a shared actor or place -> every document that refers to it, directly (a triple of the
   document's nodes points at it) or through other shared nodes (`kg:partOf`, `kg:country` ...).

Triples that none of these place (say an ontology file) go to the default graph.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from kg.graph.iri import document_of
from kg.graph.namespace import KG
from kg.graph.project import direct_triples
from kg.graph.vocabulary import local, relation_kinds

AGENT = ox.NamedNode(str(KG.agent))
TARGET = ox.NamedNode(str(KG.target))
RELATION = ox.NamedNode(str(KG.relation))
PART_OF_EVENT = ox.NamedNode(str(KG.partOfEvent))
MODALITY = ox.NamedNode(str(KG.modality))

GraphName = ox.NamedNode | ox.DefaultGraph
Partition = dict[GraphName, set[ox.Triple]]


def doc_graph(term: object) -> ox.NamedNode | None:
    """The document graph a minted IRI belongs to (None for shared nodes and literals)."""
    if isinstance(term, ox.NamedNode):
        doc = document_of(term.value)
        return ox.NamedNode(doc) if doc else None
    return None


def event_relation_docs(triples: list[ox.Triple]) -> dict[tuple, set[ox.NamedNode]]:
    """(s, p, o) of each direct relation an event implies -> the documents of those events."""
    by_event: dict[object, dict[ox.NamedNode, list]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        if t.predicate in (AGENT, TARGET, RELATION, PART_OF_EVENT, MODALITY):
            by_event[t.subject][t.predicate].append(t.object)
    implied: dict[tuple, set[ox.NamedNode]] = defaultdict(set)
    for event, props in by_event.items():
        doc = doc_graph(event)
        if doc is None:
            continue
        modality = local(props[MODALITY][0].value) if props[MODALITY] else "Asserted"
        part_of = props[PART_OF_EVENT][0] if props[PART_OF_EVENT] else None
        for relation in props[RELATION]:
            name = local(relation.value)
            if name not in relation_kinds():
                continue
            for agent, _, obj in direct_triples(name, props[AGENT], props[TARGET], part_of, event, modality):
                implied[(agent, relation, obj)].add(doc)
    return implied


def referring_docs(triples: list[ox.Triple], relations: set) -> dict[object, set[ox.NamedNode]]:
    """Shared node -> documents that refer to it, followed through shared-to-shared links."""
    refs: dict[object, set[ox.NamedNode]] = defaultdict(set)
    links: dict[object, set] = defaultdict(set)
    for t in triples:
        if isinstance(t.object, ox.Literal) or doc_graph(t.object) is not None:
            continue
        doc = doc_graph(t.subject)
        if doc is not None:
            refs[t.object].add(doc)
        elif t.predicate not in relations:
            links[t.subject].add(t.object)
    pending = list(refs)
    while pending:
        node = pending.pop()
        for child in links.get(node, ()):
            if not refs[node] <= refs[child]:
                refs[child] |= refs[node]
                pending.append(child)
    return refs


def partition(triples: Iterable[ox.Triple]) -> Partition:
    """Named graph (document IRI, or the default graph) -> its triples."""
    triples = list(triples)
    relations = {ox.NamedNode(str(KG[name])) for name in relation_kinds()}
    relations |= {t.object for t in triples if t.predicate == RELATION}
    implied = event_relation_docs(triples)
    refs = referring_docs(triples, relations)
    graphs: Partition = defaultdict(set)
    for t in triples:
        doc = doc_graph(t.subject) or doc_graph(t.object)
        if doc is not None:
            targets = {doc}
        else:
            targets = implied.get((t.subject, t.predicate, t.object)) or refs.get(t.subject) or {ox.DefaultGraph()}
        for graph in targets:
            graphs[graph].add(t)
    return dict(graphs)


def split_quads(quads: Iterable[ox.Quad]) -> Partition:
    """Quads from a file: named graphs are kept as they are, default-graph triples partitioned."""
    graphs: Partition = defaultdict(set)
    loose: list[ox.Triple] = []
    for q in quads:
        triple = ox.Triple(q.subject, q.predicate, q.object)
        if isinstance(q.graph_name, ox.DefaultGraph):
            loose.append(triple)
        else:
            graphs[q.graph_name].add(triple)
    for graph, triples in partition(loose).items():
        graphs[graph] |= triples
    return dict(graphs)
