"""Steps that join the sentences: merging a sentence's events, carrying memory, linking events."""
from __future__ import annotations

from kg.extract.claims import speaker_of
from kg.extract.components import factory
from kg.model import Claim, Event


@factory("merge", "sentence", requires=("sentence.frame_events", "sentence.casualties"),
         assigns=("sentence.events",))
def merge(doc, state) -> None:
    state.events = sorted(state.frame_events + state.casualties, key=lambda e: e.start)


@factory("collect", "sentence",
         requires=("events", "claims", "previous_agents", "sentence.events", "sentence.claims",
                   "sentence.frame_events", "sentence.speech_ids"),
         assigns=("events", "claims", "previous_agents"))
def collect(doc, state) -> None:
    doc.events.extend(state.events)
    doc.claims.extend(state.claims)
    doc.previous_agents = last_actor(state.claims, state.frame_events, state.speech_ids) or doc.previous_agents


def last_actor(claims: list[Claim], events: list[Event], speech_ids: set[str]) -> list[str]:
    """Who a following "and he added" continues: the last quoted speaker, else speaker, else actor."""
    if claims:
        return [claims[-1].speaker]
    speakers = [speaker_of(e) for e in events if e.id in speech_ids and speaker_of(e)]
    agents = [a for e in events for a in e.agents]
    return [speakers[-1]] if speakers else ([agents[-1]] if agents else [])


@factory("violations", "document", requires=("events",), assigns=("event.part_of_event",))
def violations(doc) -> None:
    """A ceasefire violation refers to the last ceasefire declared before it (one pass)."""
    last_ceasefire = ""
    for event in doc.events:
        if event.type == "Ceasefire":
            last_ceasefire = event.id
        elif event.type == "CeasefireViolation" and last_ceasefire and not event.part_of_event:
            event.part_of_event = last_ceasefire
