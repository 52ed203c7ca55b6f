"""What the ontology says, read once: the single source of truth for every kg: term.

The builder never lists event types, relations or actor classes in code. It asks this module,
which reads `ontology/kg.ttl` (and `events.ttl`) and answers:

- which kg: terms exist (`is_defined`; `kg.graph.namespace.KG` refuses any other name);
- the class hierarchy (event, actor and place classes, tie classes);
- per event class, its annotations, inherited through `rdfs:subClassOf` unless a subclass gives
  its own: the direct relation it implies, its family (and so its colour), whether it is hostile,
  whether a quote's speaker fills its agent, its CAMEO code;
- per direct relation, its explorer wording and whether its object is an event;
- which modalities yield direct triples.

Adding an event type is a class with these annotations in the ontology and a frame row in data:
nothing here changes.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

KG_IRI = "https://w3id.org/kg-arabic-news/ontology#"


def _kg(name: str) -> URIRef:
    return URIRef(KG_IRI + name)


def local(iri: object) -> str:
    text = str(iri)
    return text[len(KG_IRI):] if text.startswith(KG_IRI) else ""


@dataclass(frozen=True)
class EventKind:
    """An event (or tie) class and everything the pipeline, graph and explorer need of it."""

    name: str
    label_en: str
    label_ar: str
    relation: str  # kg:impliesRelation, local name ("" if none)
    family: str  # kg:EventFamily individual, local name
    colour: str
    hostile: bool
    speaker_fills_agent: bool
    cameo: str  # IRI of the CAMEO concept, or ""
    tie: bool  # a tie between actors (subclass of kg:Tie), not an event
    stands_alone: bool = False  # kg:standsWithoutParticipants: a verb frame's event is kept with no agent or target


@dataclass(frozen=True)
class RelationKind:
    """A direct actor-to-actor property and how it is written and drawn."""

    name: str
    label_en: str
    agent_label: str
    target_label: str
    event_as_object: bool  # the event itself is the object when no target was found
    object_is_event: bool  # rdfs:range is an event class: the object is always an event
    symmetric: bool = False  # owl:SymmetricProperty: coordinated agents with no target relate to each other
    target_is_act_agent: bool = False  # kg:targetIsActAgent: an act named as the object gives its agent as target
    target_is_members_owner: bool = False  # kg:targetIsMembersOwner: members named as the object give their owner


class Vocabulary:
    """The ontology graph with the questions the builder asks of it."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.defined = frozenset(local(s) for s in graph.subjects(RDF.type, None) if local(s))
        self._parents: dict[str, list[str]] = {}
        self._lineages: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}
        for child, parent in graph.subject_objects(RDFS.subClassOf):
            if local(child) and local(parent):
                self._parents.setdefault(local(child), []).append(local(parent))

    # --- hierarchy -------------------------------------------------------------------------
    def ancestors(self, name: str) -> list[str]:
        """The class, then its superclasses breadth-first (nearest first), each once."""
        return list(self._lineage(name)[0])

    def is_a(self, name: str, ancestor: str) -> bool:
        return ancestor in self._lineage(name)[1]

    def _lineage(self, name: str) -> tuple[tuple[str, ...], frozenset[str]]:
        """Ancestors in order and as a set, computed once per class (the corpus stage asks ~10^5 times)."""
        known = self._lineages.get(name)
        if known is None:
            seen, order, queue = {name}, [name], deque([name])
            while queue:
                for parent in self._parents.get(queue.popleft(), ()):
                    if parent not in seen:
                        seen.add(parent)
                        order.append(parent)
                        queue.append(parent)
            known = self._lineages[name] = (tuple(order), frozenset(seen))
        return known

    def classes_under(self, root: str) -> frozenset[str]:
        classes = {local(c) for c in self.graph.subjects(RDF.type, OWL.Class) if local(c)}
        return frozenset(c for c in classes if self.is_a(c, root))

    # --- annotations -----------------------------------------------------------------------
    def value(self, name: str, prop: str) -> object | None:
        """The annotation `prop` of a class, inherited from the nearest superclass that has it."""
        for cls in self.ancestors(name):
            found = self.graph.value(_kg(cls), _kg(prop))
            if found is not None:
                return found
        return None

    def label(self, term: str, language: str) -> str:
        for label in self.graph.objects(_kg(term), RDFS.label):
            if isinstance(label, Literal) and label.language == language:
                return str(label)
        return ""

    def flag(self, name: str, prop: str) -> bool:
        found = self.value(name, prop)
        return bool(found.toPython()) if isinstance(found, Literal) else False

    def event_kind(self, name: str) -> EventKind:
        family = local(self.value(name, "eventFamily") or "") or "StrategicFamily"
        code = self.value(name, "cameoCode")
        return EventKind(
            name=name, label_en=self.label(name, "en"), label_ar=self.label(name, "ar"),
            relation=local(self.value(name, "impliesRelation") or ""), family=family,
            colour=str(self.graph.value(_kg(family), _kg("colour")) or "#8d99ae"),
            hostile=self.flag(name, "hostile"), speaker_fills_agent=self.flag(name, "speakerFillsAgent"),
            cameo=str(code) if isinstance(code, URIRef) else "", tie=self.is_a(name, "Tie"),
            stands_alone=self.flag(name, "standsWithoutParticipants"))

    def relation_kind(self, name: str) -> RelationKind:
        node = _kg(name)
        ranges = [local(r) for r in self.graph.objects(node, RDFS.range) if local(r)]
        english = self.label(name, "en")

        def text(prop: str) -> str:
            found = self.graph.value(node, _kg(prop))
            return str(found) if found is not None else ""

        return RelationKind(
            name=name, label_en=english, agent_label=text("agentLabel") or english,
            target_label=text("targetLabel") or "target",
            event_as_object=self.flag_on(node, "eventAsObject"),
            object_is_event=any(self.is_a(r, "Event") for r in ranges),
            symmetric=(node, RDF.type, OWL.SymmetricProperty) in self.graph,
            target_is_act_agent=self.flag_on(node, "targetIsActAgent"),
            target_is_members_owner=self.flag_on(node, "targetIsMembersOwner"))

    def flag_on(self, node: URIRef, prop: str) -> bool:
        found = self.graph.value(node, _kg(prop))
        return bool(found.toPython()) if isinstance(found, Literal) else False


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    from kg.graph.ontology import ontology

    return Vocabulary(ontology())


def is_defined(name: str) -> bool:
    return name in vocabulary().defined


@lru_cache(maxsize=1)
def event_kinds() -> dict[str, EventKind]:
    """Every event and tie class by local name (kg:Event and kg:Tie included)."""
    vocab = vocabulary()
    names = vocab.classes_under("Event") | vocab.classes_under("Tie")
    return {name: vocab.event_kind(name) for name in sorted(names)}


def event_kind(name: str) -> EventKind:
    kinds = event_kinds()
    if name not in kinds:
        raise UnknownTerm(f"kg:{name} is not an event class of the ontology")
    return kinds[name]


@lru_cache(maxsize=1)
def relation_kinds() -> dict[str, RelationKind]:
    """Every direct relation: the properties event classes imply, and any with explorer wording."""
    vocab = vocabulary()
    names = {kind.relation for kind in event_kinds().values() if kind.relation}
    names |= {local(s) for s in vocab.graph.subjects(_kg("agentLabel"), None) if local(s)}
    return {name: vocab.relation_kind(name) for name in sorted(names)}


@lru_cache(maxsize=1)
def actor_classes() -> frozenset[str]:
    return vocabulary().classes_under("Actor")


@lru_cache(maxsize=1)
def place_classes() -> frozenset[str]:
    return vocabulary().classes_under("Place")


@lru_cache(maxsize=1)
def where_classes() -> frozenset[str]:
    """Places that never act (a city, a region): a mention of one names where, not who. A state is both."""
    return place_classes() - actor_classes()


@lru_cache(maxsize=1)
def named_actor_classes() -> frozenset[str]:
    """Actors a name picks out: every actor class but the abstract kg:Actor and kg:Crowd, which is
    named by what it does, never by a name (a pair, a tie or a sentence's party is one of these)."""
    return actor_classes() - {"Actor", "Crowd"}


@lru_cache(maxsize=1)
def violence_family() -> str:
    """The family of acts of force: the one kg:Attack belongs to in the ontology."""
    return event_kind("Attack").family


@lru_cache(maxsize=1)
def thing_classes() -> frozenset[str]:
    """Named things that neither act nor are places (a ship): targets and objects of events only."""
    return vocabulary().classes_under("NamedThing")


@lru_cache(maxsize=1)
def modalities() -> dict[str, bool]:
    """kg:Modality individuals -> whether their events yield direct triples."""
    vocab = vocabulary()
    return {local(m): vocab.flag_on(m, "yieldsDirectRelation")
            for m in vocab.graph.subjects(RDF.type, _kg("Modality")) if local(m)}


@lru_cache(maxsize=None)
def node_style(cls: str) -> tuple[str, str]:
    """Explorer colour and shape of a node of class `cls` (events: their family's colour, ellipse)."""
    if cls in event_kinds():
        return event_kinds()[cls].colour, "ellipse"
    vocab = vocabulary()
    colour, shape = vocab.value(cls, "colour"), vocab.value(cls, "shape")
    if colour is None:
        return event_kinds()["Event"].colour, "ellipse"
    return str(colour), str(shape or "dot")


def check_term(kind: str, value: str, where: str) -> None:
    """Refuse a data-file value the ontology does not define, naming the file and line.
    kind: "event" (an event or tie class), "relation" (a direct relation) or "entity" (an actor or
    place class)."""
    from kg.errors import DataError

    known = {"event": event_kinds, "relation": relation_kinds,
             "entity": lambda: actor_classes() | place_classes() | thing_classes()}[kind]()
    if value not in known:
        raise DataError(f"{where}: '{value}' is not a{'n' if kind[0] in 'ae' else ''} {kind} "
                        f"{'class' if kind != 'relation' else 'property'} of the ontology")


class UnknownTerm(KeyError):
    """A name the ontology does not define (a misspelt class, property or data value)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown ontology term"
