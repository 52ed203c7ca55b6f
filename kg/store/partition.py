"""The store's layout: which named graph each triple of a built graph goes to (docs/store.md).

Why this layout: a fact is stored once. An article's graph `kgr:doc/ID` holds only what that
article says; the descriptions of shared actors and places (labels, country, sameAs …), which
every article mentioning them repeats, live once in `kgr:graph/actors`; the direct
actor-to-actor relations (`kgr:Azerbaijan kg:accuses kgr:Armenia`), which several articles may
imply, live once in `kgr:graph/relations`. The union of the graphs then has no duplicate triple,
so joins over the union default graph do not multiply, and re-loading an article replaces
exactly its facts. For a triple `s p o` (first rule that applies):

1. s or o is minted under `kgr:doc/ID` (the document, its sentences, mentions, events, claims,
   and `kgr:Russia kg:declares <doc/ID/e/…>`) -> the graph `kgr:doc/ID`;
2. s and o are shared resources (`kgr:KEY`) and p is a direct relation (the ontology's, see
   kg.graph.vocabulary, or the object of a `kg:relation` triple in the input) -> `kgr:graph/relations`;
3. s is a shared resource -> `kgr:graph/actors`, replaced subject by subject;
4. anything else (an ontology file, blank nodes) -> the default graph, where it is added.

Named graphs of N-Quads/TriG input that are document graphs (or the two shared graphs) are laid
out again by the same rules; other named graphs are kept as they are and replaced as a whole.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.graph.iri import BASE, document_of
from kg.graph.namespace import KG
from kg.graph.project import direct_triples
from kg.graph.vocabulary import local, relation_kinds

ACTORS_GRAPH = ox.NamedNode(BASE + "graph/actors")
RELATIONS_GRAPH = ox.NamedNode(BASE + "graph/relations")
LAYOUT_GRAPHS = (ACTORS_GRAPH, RELATIONS_GRAPH)
AGENT = ox.NamedNode(str(KG.agent))
TARGET = ox.NamedNode(str(KG.target))
RELATION = ox.NamedNode(str(KG.relation))
PART_OF_EVENT = ox.NamedNode(str(KG.partOfEvent))
MODALITY = ox.NamedNode(str(KG.modality))
DOC_PREFIX = BASE + "doc/"
GRAPH_PREFIX = BASE + "graph/"

GraphName = ox.NamedNode | ox.DefaultGraph
Partition = dict[GraphName, set[ox.Triple]]


@lru_cache(maxsize=1 << 18)
def graph_of_iri(iri: str) -> ox.NamedNode | None:
    doc = document_of(iri)
    return ox.NamedNode(doc) if doc else None


def doc_graph(term: object) -> ox.NamedNode | None:
    """The document graph a minted IRI belongs to (None for shared nodes and literals)."""
    return graph_of_iri(term.value) if isinstance(term, ox.NamedNode) else None


@lru_cache(maxsize=1 << 18)
def shared_iri(iri: str) -> bool:
    return iri.startswith(BASE) and not iri.startswith((DOC_PREFIX, GRAPH_PREFIX))


def is_shared(term: object) -> bool:
    """A shared actor or place: `kgr:KEY`, neither a document's node nor a layout graph."""
    return isinstance(term, ox.NamedNode) and shared_iri(term.value)


def laid_out(graph: object) -> bool:
    """Whether triples in this graph of the input are placed by the layout rules."""
    return (isinstance(graph, ox.DefaultGraph) or graph in LAYOUT_GRAPHS
            or (isinstance(graph, ox.NamedNode) and doc_graph(graph) == graph))


# Where a quad goes: ("graph", name) replaced as a whole, ("actor", subject), ("link", None) for
# a shared-to-shared triple (a relation if its predicate is one, else an actor description),
# ("default", None).
Place = tuple[str, object]


def place(quad: ox.Quad) -> Place:
    graph = quad.graph_name
    if isinstance(graph, ox.BlankNode):
        raise InputError("a named graph has a blank-node name; give it an IRI")
    if not laid_out(graph):
        return "graph", graph
    doc = doc_graph(quad.subject) or doc_graph(quad.object)
    if doc is not None:
        return "graph", doc
    if is_shared(quad.subject):
        return ("link", None) if is_shared(quad.object) else ("actor", quad.subject)
    if isinstance(graph, ox.NamedNode) and graph not in LAYOUT_GRAPHS:
        return "graph", graph
    return "default", None


def known_relations() -> set[ox.NamedNode]:
    return {ox.NamedNode(str(KG[name])) for name in relation_kinds()}


def triple(quad: ox.Quad) -> ox.Triple:
    return ox.Triple(quad.subject, quad.predicate, quad.object)


@dataclass
class Survey:
    """What a first, read-only pass over the input learns, so the second can stream: where each
    graph's and each actor's last triple is, and which shared-to-shared triples are relations."""

    last_graph: dict[ox.NamedNode, int] = field(default_factory=dict)
    last_actor: dict[ox.NamedNode, int] = field(default_factory=dict)
    links: set[ox.Triple] = field(default_factory=set)
    relation_predicates: set[ox.NamedNode] = field(default_factory=lambda: known_relations())
    quads: int = 0

    def relations(self) -> set[ox.Triple]:
        return {t for t in self.links if t.predicate in self.relation_predicates}

    def see(self, position: int, quad: ox.Quad) -> None:
        kind, key = place(quad)
        if kind == "graph":
            self.last_graph[key] = position
        elif kind == "actor" or (kind == "link" and quad.predicate not in self.relation_predicates):
            self.last_actor[quad.subject] = position  # (a known relation does not hold its subject back)
        if kind == "link":
            self.links.add(triple(quad))
        if quad.predicate == RELATION and isinstance(quad.object, ox.NamedNode):
            self.relation_predicates.add(quad.object)
        self.quads += 1


@dataclass
class Unit:
    """One write: a named graph replaced as a whole (with the direct relations its events imply
    and the actor descriptions complete by then), or, last, what no graph took."""

    graph: ox.NamedNode | None
    triples: list[ox.Triple] = field(default_factory=list)
    relations: list[ox.Triple] = field(default_factory=list)
    actors: dict[ox.NamedNode, list[ox.Triple]] = field(default_factory=dict)
    default: list[ox.Triple] = field(default_factory=list)

    @property
    def document(self) -> bool:
        return self.graph is not None and doc_graph(self.graph) == self.graph

    def quads(self) -> Iterator[ox.Quad]:
        """The unit as quads in the layout (what --nquads writes)."""
        if self.graph is not None:
            yield from (ox.Quad(t.subject, t.predicate, t.object, self.graph) for t in self.triples)
        yield from (ox.Quad(t.subject, t.predicate, t.object, RELATIONS_GRAPH) for t in self.relations)
        for triples in self.actors.values():
            yield from (ox.Quad(t.subject, t.predicate, t.object, ACTORS_GRAPH) for t in triples)
        yield from (ox.Quad(t.subject, t.predicate, t.object) for t in self.default)

    def size(self) -> int:
        return len(self.triples) + len(self.relations) + sum(map(len, self.actors.values())) + len(self.default)


def implied(triples: Iterable[ox.Triple]) -> set[tuple]:
    """(agent, relation, object) of the direct relations the graph's events imply, by the one
    projection graph, store and eval share (kg.graph.project)."""
    props: dict[object, dict[ox.NamedNode, list]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        if t.predicate in (AGENT, TARGET, RELATION, PART_OF_EVENT, MODALITY):
            props[t.subject][t.predicate].append(t.object)
    found: set[tuple] = set()
    for event, p in props.items():
        modality = local(p[MODALITY][0].value) if p[MODALITY] else "Asserted"
        part_of = p[PART_OF_EVENT][0] if p[PART_OF_EVENT] else None
        for relation in p[RELATION]:
            name = local(relation.value)
            if name in relation_kinds():
                found |= {(agent, relation, obj) for agent, _, obj in
                          direct_triples(name, p[AGENT], p[TARGET], part_of, event, modality)}
    return found


def units(quads: Iterable[ox.Quad], survey: Survey) -> Iterator[Unit]:
    """Stream the input (the same quads, in the same order, as the survey saw) as units: each
    graph as soon as its last triple has passed, so a build written document by document is
    loaded at the memory of one document."""
    relations = survey.relations()
    unattached = set(relations)
    graphs: dict[ox.NamedNode, dict[ox.Triple, None]] = defaultdict(dict)
    actors: dict[ox.NamedNode, dict[ox.Triple, None]] = defaultdict(dict)
    ready: dict[ox.NamedNode, list[ox.Triple]] = {}
    default: dict[ox.Triple, None] = {}
    for position, quad in enumerate(quads):
        kind, key = place(quad)
        t = triple(quad)
        if kind == "link":
            kind, key = ("relation", None) if t in relations else ("actor", quad.subject)
        if kind == "graph":
            graphs[key][t] = None
        elif kind == "actor":
            actors[key][t] = None
        elif kind == "default":
            default[t] = None
        if kind in ("actor", "relation") and survey.last_actor.get(quad.subject) == position:
            ready[quad.subject] = list(actors.pop(quad.subject, {}))
        if kind == "graph" and survey.last_graph.get(key) == position:
            content = list(graphs.pop(key))
            unit = Unit(key, content, actors=ready)
            if unit.document:
                unit.relations = [r for r in (ox.Triple(*k) for k in implied(content)) if r in unattached]
                unattached.difference_update(unit.relations)
            ready = {}
            yield unit
    for subject, rest in actors.items():
        ready[subject] = list(rest)
    for key, rest in graphs.items():  # only if the input changed between the two passes
        yield Unit(key, list(rest))
    yield Unit(None, relations=sorted(unattached, key=str), actors=ready, default=list(default))


def split_quads(quads: Iterable[ox.Quad]) -> Partition:
    """The whole layout in memory: graph name -> triples (for tests and small inputs)."""
    quads = list(quads)
    survey = Survey()
    for position, quad in enumerate(quads):
        survey.see(position, quad)
    graphs: Partition = defaultdict(set)
    for unit in units(quads, survey):
        for q in unit.quads():
            graphs[q.graph_name].add(triple(q))
    return dict(graphs)


def survey_files(files: list[Path], reader) -> Survey:
    """Pass one over every file: a file that does not parse stops here, before any write."""
    survey = Survey()
    position = 0
    for path in files:
        for quad in reader(path):
            try:
                survey.see(position, quad)
            except InputError as error:
                raise InputError(f"{path}: {error}") from None
            position += 1
    return survey
