"""Devset checks on the built RDF graph: keyword paths between actors, and numbers.

Why on the graph: the devset is written for any ontology, so a relation holds when its two
actors are joined by a short path (at most 3 edges, either direction) whose predicate local name
or an intermediate node's class/label/about/trigger text contains one of its keyword stems.

Kept out of the path, so that everything is not joined to everything: rdf:type and sameAs
edges, provenance (document, sentence, mention nodes), and the text of actor nodes, whose class
("State") and names ("Aden") would otherwise satisfy stems such as "state" or "den". Only event
and claim nodes (minted under a document) lend their text to a path.
"""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.eval.gold import GoldArticle, GoldEntity, GoldRelation
from kg.eval.metrics import Score, set_score
from kg.eval.spans import fold_form
from kg.graph.namespace import KG, WD

MAX_EDGES = 3
SKIP_PREDICATES = {RDF.type, OWL.sameAs, KG.wikidata, KG.document, KG.sentence, KG.inDocument, KG.refersTo,
                   KG.relation, KG.eventCode}
SKIP_CLASSES = {KG.Mention, KG.Sentence, KG.Document}
PROVENANCE_INTEGERS = {KG.charStart, KG.charEnd, KG["index"]}
TEXT_PREDICATES = (RDFS.label, KG.about, KG.trigger)


def local_name(iri: object) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]


def find_nodes(graph: Graph, entity: GoldEntity) -> set[URIRef]:
    """Nodes with the entity's QID, or an English or Arabic label (or alt label) of it."""
    nodes: set[URIRef] = set()
    if entity.qid:
        for predicate in (KG.wikidata, OWL.sameAs):
            nodes |= {s for s in graph.subjects(predicate, WD[entity.qid]) if isinstance(s, URIRef)}
    english = {n.casefold() for n in entity.en}
    arabic = {fold_form(a) for a in entity.ar}
    for predicate in (RDFS.label, SKOS.altLabel):
        for node, label in graph.subject_objects(predicate):
            if not isinstance(node, URIRef) or not isinstance(label, Literal):
                continue
            value = str(label)
            if value.casefold() in english or (label.language == "ar" and fold_form(value) in arabic):
                nodes.add(node)
    return nodes


class PathIndex:
    """The graph as an undirected adjacency list over actors, events and claims."""

    def __init__(self, graph: Graph):
        hidden = {s for cls in SKIP_CLASSES for s in graph.subjects(RDF.type, cls)}
        self.doc_scoped = {s for s in graph.subjects(KG.document, None)} - hidden
        self.neighbours: dict[URIRef, list[tuple[str, URIRef]]] = {}
        for s, p, o in graph:
            if p in SKIP_PREDICATES or not isinstance(s, URIRef) or not isinstance(o, URIRef):
                continue
            if s in hidden or o in hidden:
                continue
            name = local_name(p).lower()
            self.neighbours.setdefault(s, []).append((name, o))
            self.neighbours.setdefault(o, []).append((name, s))
        self.texts: dict[URIRef, str] = {}
        for node in self.doc_scoped:
            parts = [local_name(c) for c in graph.objects(node, RDF.type)]
            parts += [str(v) for p in TEXT_PREDICATES for v in graph.objects(node, p)]
            self.texts[node] = " ".join(parts).lower()

    def joined(self, starts: set[URIRef], ends: set[URIRef] | None, keywords: tuple[str, ...]) -> bool:
        """Is some start joined to some end (any node if None) by a path that means a keyword?"""

        def means(text: str) -> bool:
            return any(k in text for k in keywords)

        frontier = {(node, False) for node in starts}
        seen = set(frontier)
        for _ in range(MAX_EDGES):
            following = set()
            for node, matched in frontier:
                for name, other in self.neighbours.get(node, ()):
                    hit = matched or means(name)
                    inner = hit or means(self.texts.get(other, ""))
                    if (ends is None and inner) or (ends is not None and other in ends and hit):
                        return True
                    state = (other, inner)
                    if state not in seen:
                        seen.add(state)
                        following.add(state)
            frontier = following
        return False


def relation_path_score(gold: GoldArticle, graph: Graph) -> Score:
    index = PathIndex(graph)
    nodes = {key: find_nodes(graph, entity) for key, entity in gold.entities.items()}
    score = Score(recall_only=True)
    for relation in gold.relations:
        ends = None if relation.o is None else nodes[relation.o]
        if nodes[relation.s] and (ends is None or ends) and index.joined(nodes[relation.s], ends, relation.kw):
            score.tp += 1
        else:
            score.fn += 1
            score.misses.append(describe(relation, nodes))
    return score


def describe(relation: GoldRelation, nodes: dict[str, set[URIRef]]) -> str:
    missing = [k for k in (relation.s, relation.o) if k is not None and not nodes[k]]
    why = f" (not in graph: {', '.join(missing)})" if missing else ""
    return f"{relation.s} [{'|'.join(relation.kw)}] {relation.o or '*'}{why}"


def graph_integers(graph: Graph) -> set[int]:
    """xsd:integer values in the graph, less provenance offsets and indexes."""
    return {int(o) for _, p, o in graph.triples((None, None, None))
            if isinstance(o, Literal) and o.datatype == XSD.integer and p not in PROVENANCE_INTEGERS}


def number_score(gold: GoldArticle, graph: Graph) -> Score:
    return set_score(set(gold.numbers), graph_integers(graph))
