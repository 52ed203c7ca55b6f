"""The store's layout: which named graph each triple of a built graph goes to (docs/store.md).

Why this layout: a fact is stored once. An article's graph `kgr:doc/ID` holds only what that
article says; the descriptions of shared actors and places (labels, country, sameAs …), which
every article mentioning them repeats, live once in `kgr:graph/actors`; the direct
actor-to-actor relations (`kgr:Azerbaijan kg:accuses kgr:Armenia`), which several articles may
imply, live once in `kgr:graph/relations`. The union of the graphs then has no duplicate triple,
so joins over the union default graph do not multiply, and re-loading an article replaces
exactly its facts. For a triple `s p o` (first rule that applies):

0. s or o is a node of the corpus stage (`kgr:corpus/…`: canonical events, actor resolutions,
   disagreements, kg.corpus) -> `kgr:graph/actors`, replaced subject by subject: the corpus
   stage says it, not one article (`kgr:corpus/event/X kg:hasReport <doc/ID/e/…>` and
   `<doc/ID/e/…> kg:reportOf kgr:corpus/event/X` too), and a build writes the corpus stage
   after every article, so a document graph holding it could not be written until the end;
1. s or o is minted under `kgr:doc/ID` (the document, its sentences, mentions, events, claims,
   and `kgr:Russia kg:declares <doc/ID/e/…>`) -> the graph `kgr:doc/ID`;
2. s and o are shared resources (`kgr:KEY`) and p is a direct relation (the ontology's, see
   kg.graph.vocabulary, or the object of a `kg:relation` triple in the input) -> `kgr:graph/relations`;
3. s is a shared resource -> `kgr:graph/actors`, replaced subject by subject;
4. anything else (an ontology file, blank nodes) -> the default graph, where it is added.

The corpus stage as a whole: every triple rule 0 takes, and the `owl:sameAs` its resolutions give
a merged actor (`kgr:KEY owl:sameAs kgr:OTHER`: an actor's own sameAs points to Wikidata), is
held apart from the actors' descriptions (`is_corpus`) and written at the end in one unit
(`Unit.corpus`), which replaces the store's whole corpus stage: a canonical event whose IRI
changed (a report added) or that no longer exists leaves nothing behind. A file without a corpus
stage (one article rebuilt) leaves the store's as it is.

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
CORPUS_PREFIX = BASE + "corpus/"
GRAPH_PREFIX = BASE + "graph/"

SAME_AS_VALUE = "http://www.w3.org/2002/07/owl#sameAs"

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
    kind, key, _ = locate(quad)
    if kind is GRAPH:
        return "graph", quad.graph_name if _ else ox.NamedNode(key)
    if kind is ACTOR:
        return "actor", quad.subject
    return kind, None


def known_relations() -> set[ox.NamedNode]:
    return {ox.NamedNode(str(KG[name])) for name in relation_kinds()}


def triple(quad: ox.Quad) -> ox.Triple:
    return ox.Triple(quad.subject, quad.predicate, quad.object)


# Kinds of place, as `locate` returns them (cheap to compare in the hot loop).
GRAPH, ACTOR, LINK, DEFAULT = "graph", "actor", "link", "default"
DOC_LEN = len(DOC_PREFIX)
LAYOUT_VALUES = frozenset(g.value for g in LAYOUT_GRAPHS)
NamedNode, DefaultGraph, Quad = ox.NamedNode, ox.DefaultGraph, ox.Quad


def doc_value(iri: str) -> str:
    """The document IRI of a minted IRI under DOC_PREFIX (kg.graph.iri.document_of, inlined)."""
    cut = iri.find("/", DOC_LEN)
    return iri if cut < 0 else iri[:cut]


def is_shared_value(iri: str) -> bool:
    return iri.startswith(BASE) and not iri.startswith(DOC_PREFIX) and not iri.startswith(GRAPH_PREFIX)


def locate(quad: ox.Quad) -> tuple[str, str | None, bool]:
    """`place` on strings, for the load's hot loop: (kind, key, as_is). For GRAPH the key is the
    graph IRI and as_is says the input quad already names that graph (so it is kept, not rebuilt);
    for ACTOR and LINK the key is the subject IRI."""
    g = quad.graph_name
    gv = None
    if type(g) is NamedNode:
        gv = g.value
        if gv.startswith(DOC_PREFIX):
            if gv.find("/", DOC_LEN) >= 0:
                return GRAPH, gv, True  # a named graph inside a document's space: kept as it is
            s = quad.subject
            if type(s) is NamedNode:
                sv = s.value
                if sv.startswith(gv) and (len(sv) == len(gv) or sv[len(gv)] == "/"):
                    o = quad.object
                    if type(o) is not NamedNode or not o.value.startswith(CORPUS_PREFIX):
                        return GRAPH, gv, True  # the common case: a document's node in its own graph
        elif gv not in LAYOUT_VALUES:
            return GRAPH, gv, True
    elif type(g) is not DefaultGraph:
        raise InputError("a named graph has a blank-node name; give it an IRI")
    s = quad.subject
    sv = s.value if type(s) is NamedNode else None
    o = quad.object
    ov = o.value if type(o) is NamedNode else None
    if sv is not None and (sv.startswith(CORPUS_PREFIX) or (ov is not None and ov.startswith(CORPUS_PREFIX))):
        return ACTOR, sv, False
    if sv is not None and sv.startswith(DOC_PREFIX):
        doc = doc_value(sv)
        return GRAPH, doc, doc == gv
    if ov is not None and ov.startswith(DOC_PREFIX):
        doc = doc_value(ov)
        return GRAPH, doc, doc == gv
    if sv is not None and is_shared_value(sv):
        return (LINK if ov is not None and is_shared_value(ov) else ACTOR), sv, False
    if gv is not None and gv not in LAYOUT_VALUES:
        return GRAPH, gv, True
    return DEFAULT, None, False


def is_corpus(quad: ox.Quad | ox.Triple) -> bool:
    """A triple of the corpus stage: a `kgr:corpus/` node as subject or object, or the `owl:sameAs`
    between two shared actors that a resolution states (only for quads `locate` calls ACTOR or
    LINK: a document's own triples never are)."""
    s, o = quad.subject, quad.object
    if type(s) is NamedNode and s.value.startswith(CORPUS_PREFIX):
        return True
    if type(o) is not NamedNode:
        return False
    ov = o.value
    return ov.startswith(CORPUS_PREFIX) or (quad.predicate.value == SAME_AS_VALUE and is_shared_value(ov))


def corpus_filter(s: str = "?s", p: str = "?p", o: str = "?o") -> str:
    """`is_corpus` as a SPARQL FILTER expression (for finding the stored corpus stage)."""
    return (f'(STRSTARTS(STR({s}), "{CORPUS_PREFIX}") || (isIRI({o}) && (STRSTARTS(STR({o}), "{CORPUS_PREFIX}") '
            f'|| ({p} = <{SAME_AS_VALUE}> && STRSTARTS(STR({o}), "{BASE}") && !STRSTARTS(STR({o}), "{DOC_PREFIX}") '
            f'&& !STRSTARTS(STR({o}), "{GRAPH_PREFIX}")))))')


def link_key(quad: ox.Quad) -> int:
    """A shared-to-shared triple as a number (its N-Triples terms hashed), so the survey keeps
    every relation of a large corpus in a few tens of bytes each."""
    return hash((str(quad.subject), str(quad.predicate), str(quad.object)))


@dataclass
class Survey:
    """What a first, read-only pass over the input learns, so the second can stream: where each
    graph's and each actor's last triple is, and which shared-to-shared triples are relations."""

    last_graph: dict[str, int] = field(default_factory=dict)
    last_actor: dict[str, int] = field(default_factory=dict)
    links: dict[int, str] = field(default_factory=dict)  # link_key -> predicate IRI
    relation_predicates: set[str] = field(default_factory=lambda: {p.value for p in known_relations()})
    quads: int = 0
    corpus: int = 0  # quads of the corpus stage in the input (a corpus stage replaces the store's)
    corpus_from: int = 0  # where the last file carrying one starts: an earlier file's is superseded

    def relations(self) -> set[int]:
        """The link keys of the shared-to-shared triples whose predicate is a relation."""
        return {key for key, predicate in self.links.items() if predicate in self.relation_predicates}

    def see(self, position: int, quad: ox.Quad) -> None:
        kind, key, _ = locate(quad)
        if kind is GRAPH:
            self.last_graph[key] = position
        elif (kind is ACTOR or kind is LINK) and is_corpus(quad):
            self.corpus += 1  # held apart, written last (Unit.corpus)
        elif kind is ACTOR:
            self.last_actor[key] = position
        elif kind is LINK:
            predicate = quad.predicate.value
            if predicate not in self.relation_predicates:
                self.last_actor[key] = position  # (a known relation does not hold its subject back)
            self.links[link_key(quad)] = predicate
        if kind is GRAPH and quad.predicate == RELATION and type(quad.object) is NamedNode:
            self.relation_predicates.add(quad.object.value)
        self.quads += 1

    def scan(self, quads: Iterable[ox.Quad], start: int = 0) -> int:
        """`see` over many quads (the same rules, inlined for speed); the next position."""
        last_graph, last_actor, links, predicates = self.last_graph, self.last_actor, self.links, self.relation_predicates
        relation = RELATION
        position = start
        for quad in quads:
            kind, key, _ = locate(quad)
            if kind is GRAPH:
                last_graph[key] = position
                if quad.predicate == relation and type(quad.object) is NamedNode:
                    predicates.add(quad.object.value)
            elif (kind is ACTOR or kind is LINK) and is_corpus(quad):
                self.corpus += 1
            elif kind is ACTOR:
                last_actor[key] = position
            elif kind is LINK:
                predicate = quad.predicate.value
                if predicate not in predicates:
                    last_actor[key] = position
                links[link_key(quad)] = predicate
            position += 1
        self.quads += position - start
        return position


@dataclass
class Unit:
    """One write: a named graph replaced as a whole (with the direct relations its events imply
    and the actor descriptions complete by then), or, last, what no graph took. The graph's own
    content is kept as quads in that graph (`content`), the input's quads themselves when they
    already name it."""

    graph: ox.NamedNode | None
    content: list[ox.Quad] = field(default_factory=list)
    relations: list[ox.Triple] = field(default_factory=list)
    actors: dict[ox.NamedNode, list[ox.Triple]] = field(default_factory=dict)
    default: list[ox.Triple] = field(default_factory=list)
    corpus: list[ox.Triple] | None = None  # the whole corpus stage, replacing the store's (None: leave it)

    @property
    def document(self) -> bool:
        return self.graph is not None and doc_graph(self.graph) == self.graph

    @property
    def triples(self) -> list[ox.Triple]:
        return [ox.Triple(q.subject, q.predicate, q.object) for q in self.content]

    def shared_quads(self) -> Iterator[ox.Quad]:
        """Relations, actor descriptions and default-graph triples of the unit, as quads."""
        yield from (ox.Quad(t.subject, t.predicate, t.object, RELATIONS_GRAPH) for t in self.relations)
        for triples in self.actors.values():
            yield from (ox.Quad(t.subject, t.predicate, t.object, ACTORS_GRAPH) for t in triples)
        yield from (ox.Quad(t.subject, t.predicate, t.object) for t in self.default)
        yield from (ox.Quad(t.subject, t.predicate, t.object, ACTORS_GRAPH) for t in self.corpus or ())

    def quads(self) -> Iterator[ox.Quad]:
        """The unit as quads in the layout (what --nquads writes)."""
        yield from self.content
        yield from self.shared_quads()

    def size(self) -> int:
        return (len(self.content) + len(self.relations) + sum(map(len, self.actors.values())) + len(self.default)
                + len(self.corpus or ()))


EVENT_PREDICATES = {AGENT.value: "agent", TARGET.value: "target", RELATION.value: "relation",
                    PART_OF_EVENT.value: "part_of", MODALITY.value: "modality"}


def implied(triples: Iterable[ox.Triple]) -> set[tuple]:
    """(agent, relation, object) of the direct relations the graph's events imply, by the one
    projection graph, store and eval share (kg.graph.project)."""
    props: dict[object, dict[str, list]] = {}
    for t in triples:
        name = EVENT_PREDICATES.get(t.predicate.value)
        if name is not None:
            props.setdefault(t.subject, defaultdict(list))[name].append(t.object)
    found: set[tuple] = set()
    kinds = relation_kinds()
    for event, p in props.items():
        if not p["relation"]:
            continue
        modality = local(p["modality"][0].value) if p["modality"] else "Asserted"
        part_of = p["part_of"][0] if p["part_of"] else None
        for relation in p["relation"]:
            name = local(relation.value)
            if name in kinds:
                found |= {(agent, relation, obj) for agent, _, obj in
                          direct_triples(name, p["agent"], p["target"], part_of, event, modality)}
    return found


def units(quads: Iterable[ox.Quad], survey: Survey) -> Iterator[Unit]:
    """Stream the input (the same quads, in the same order, as the survey saw) as units: each
    graph as soon as its last triple has passed, so a build written document by document is
    loaded at the memory of one document."""
    relations = survey.relations()
    attached: set[int] = set()  # relations already given to a document of this load
    pending: dict[int, ox.Triple] = {}  # relations of the input no document has taken yet
    graphs: dict[str, dict[ox.Quad, None]] = {}
    actors: dict[str, dict[ox.Triple, None]] = defaultdict(dict)
    ready: dict[ox.NamedNode, list[ox.Triple]] = {}
    default: dict[ox.Triple, None] = {}
    corpus: dict[ox.Triple, None] = {}
    last_graph, last_actor = survey.last_graph, survey.last_actor
    for position, quad in enumerate(quads):
        kind, key, as_is = locate(quad)
        if kind is GRAPH:
            bucket = graphs.get(key)
            if bucket is None:
                bucket = graphs[key] = {}
            bucket[quad if as_is else Quad(quad.subject, quad.predicate, quad.object, NamedNode(key))] = None
            if last_graph.get(key) == position:
                unit = Unit(NamedNode(key), list(graphs.pop(key)), actors=ready)
                if unit.document:
                    for r in implied(unit.content):
                        h = hash((str(r[0]), str(r[1]), str(r[2])))
                        if h in relations and h not in attached:
                            attached.add(h)
                            pending.pop(h, None)
                            unit.relations.append(ox.Triple(*r))
                ready = {}
                yield unit
            continue
        if kind is DEFAULT:
            default[triple(quad)] = None
            continue
        t = triple(quad)
        if is_corpus(quad):
            if position >= survey.corpus_from:  # (the last file's corpus stage is the whole one)
                corpus[t] = None
            continue
        if kind is LINK:
            h = link_key(quad)
            if h in relations:
                if h not in attached:
                    pending[h] = t
                kind = None
            else:
                kind = ACTOR
        if kind is ACTOR:
            actors[key][t] = None
        if last_actor.get(key) == position:
            ready[ox.NamedNode(key)] = list(actors.pop(key, {}))
    for subject, rest in actors.items():
        ready[ox.NamedNode(subject)] = list(rest)
    for key, rest in graphs.items():  # only if the input changed between the two passes
        yield Unit(NamedNode(key), list(rest))
    yield Unit(None, relations=sorted(pending.values(), key=str), actors=ready, default=list(default),
               corpus=list(corpus) if survey.corpus else None)


def split_quads(quads: Iterable[ox.Quad]) -> Partition:
    """The whole layout in memory: graph name -> triples (for tests and small inputs)."""
    quads = list(quads)
    survey = Survey()
    survey.scan(quads)
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
        start, seen = position, survey.corpus
        try:
            position = survey.scan(reader(path), position)
            if survey.corpus > seen:
                survey.corpus_from = start  # files loaded together: the last corpus stage wins
        except InputError as error:
            if str(error).startswith(str(path)):
                raise
            raise InputError(f"{path}: {error}") from None
    return survey
