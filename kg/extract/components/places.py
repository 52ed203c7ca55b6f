"""The place of each event: the place named after a locative in its clause (kg/extract/places.py)."""
from __future__ import annotations

from kg.extract.components import factory
from kg.extract.places import give_places


@factory("places", "sentence",
         requires=("entities", "sentence.view", "sentence.clauses", "sentence.triggers", "sentence.events"),
         assigns=("event.location", "event.targets"))
def places(doc, state) -> None:
    give_places(doc.entities.entities, state.view, state.clauses, state.triggers, state.events)
