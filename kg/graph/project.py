"""One rule for "event -> direct actor-to-actor triples", used by the graph, the store and eval.

An asserted or reported event with agents writes `agent relation object` for each agent, where
the object is, by the ontology's description of the relation (`kg.graph.vocabulary`):

- the event it is part of, else the event itself, when the relation's range is an event class
  (kg:declares a ceasefire, kg:reportsCasualties, kg:violates the ceasefire it breaks);
- else each target; with no target, the other agents when the relation is symmetric ("تبادلت روسيا
  وأوكرانيا الأسرى": Russia kg:exchangesPrisonersWith Ukraine, and Ukraine with Russia), else the event itself if the
  relation is `kg:eventAsObject`.

No actor relates to itself (an agent that is also a target gets no triple to itself), so an
event's facts are its agents times its objects but the self-pairs (`kg:factObject`).

Demanded, proposed, planned, denied, conditional and hypothetical events write none: they stay
events, with their modality. The function is generic in the node type, so each caller passes its
own terms (pyoxigraph nodes, entity keys) and gets its own back.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from kg.graph.vocabulary import UnknownTerm, modalities, relation_kinds

A = TypeVar("A")
O = TypeVar("O")

DEFAULT_MODALITY = "Asserted"


def yields_direct(modality: str) -> bool:
    known = modalities()
    if modality not in known:
        raise UnknownTerm(f"kg:{modality} is not a kg:Modality of the ontology")
    return known[modality]


def direct_objects(relation: str, targets: Sequence[O], part_of_event: O | None, itself: O) -> list[O]:
    kinds = relation_kinds()
    if relation not in kinds:
        raise UnknownTerm(f"kg:{relation} is not a direct relation of the ontology")
    kind = kinds[relation]
    if kind.object_is_event:
        return [part_of_event if part_of_event is not None else itself]
    if targets:
        return list(targets)
    return [itself] if kind.event_as_object else []


def direct_triples(relation: str, agents: Sequence[A], targets: Sequence[O], part_of_event: O | None,
                   itself: O, modality: str = DEFAULT_MODALITY) -> list[tuple[A, str, O]]:
    """The direct triples an event implies (empty without a relation, agents or a yielding modality)."""
    if not relation or not agents or not yields_direct(modality):
        return []
    kind = relation_kinds().get(relation)
    if kind is not None and kind.symmetric and not targets and len(agents) > 1 and not kind.object_is_event:
        return [(a, relation, b) for a in agents for b in agents if a != b]  # both ways: no reasoner needed
    objects = direct_objects(relation, targets, part_of_event, itself)
    return [(agent, relation, obj) for agent in agents for obj in objects if obj != agent]
