"""Numbers, casualty reports, and the numbers other events report."""
from __future__ import annotations

from kg.extract.casualties import duration_after, find_casualties
from kg.extract.claims import speaker_of
from kg.extract.components import factory
from kg.extract.numbers import find_numbers
from kg.extract.victims import victims_as_targets

QUANTITY_REACH = 60  # characters between an event's trigger and the number it reports
YEARS = (1900, 2100)


@factory("numbers", "sentence", requires=("sentence.sentence",), assigns=("sentence.numbers",))
def numbers(doc, state) -> None:
    state.numbers = find_numbers(state.sentence)


@factory("casualties", "sentence",
         requires=("sentence.sentence", "sentence.numbers", "sentence.mentions", "sentence.date_tokens"),
         assigns=("sentence.casualties",))
def casualties(doc, state) -> None:
    state.casualties = find_casualties(state.sentence, state.numbers, state.mentions, state.date_tokens)


@factory("victims", "sentence", requires=("sentence.sentence", "sentence.frame_events", "sentence.casualties"),
         assigns=("event.targets",))
def victims(doc, state) -> None:
    """An act of violence with no target hits the victims of the toll it caused (kg/extract/victims.py)."""
    victims_as_targets(state.sentence, state.frame_events, state.casualties)


@factory("quantities", "sentence",
         requires=("sentence.sentence", "sentence.numbers", "sentence.frame_events", "sentence.casualties",
                   "sentence.date_tokens"),
         assigns=("event.quantity",))
def quantities(doc, state) -> None:
    """A number that is no casualty count or date belongs to the nearest event before it
    (a withdrawal of 4,000). Events and numbers are both in text order: one merge pass.
    A duration (هدنة لستين يوماً) is no quantity, nor is 1 (إحدى القرى: one of, which a singular says)."""
    counted = {(c.start, c.count) for c in state.casualties}
    events = state.frame_events
    k, last = 0, None
    for number in state.numbers:
        while k < len(events) and events[k].end <= number.start:
            last, k = events[k], k + 1
        if number.token_start in state.date_tokens or (number.start, number.value) in counted:
            continue
        if YEARS[0] <= number.value <= YEARS[1] and not number.approximate:
            continue
        if number.value == 1 or duration_after(state.sentence, number.token_end):
            continue
        candidate = nearest_open(events[:k], number.start)
        if candidate is not None:
            candidate.quantity = number.value


def nearest_open(before: list, position: int):
    """The last event before `position`, within reach, that has no number yet."""
    for event in reversed(before):
        if position - event.end > QUANTITY_REACH:
            return None
        if event.quantity is None and event.count is None and event.end <= position:
            return event
    return None


@factory("reporters", "sentence", requires=("sentence.casualties", "sentence.frame_events", "sentence.speech_ids"),
         assigns=("event.agents",))
def reporters(doc, state) -> None:
    """A casualty count is reported by the speaker of the last speech event before it."""
    speech = [e for e in state.frame_events if e.id in state.speech_ids]
    k, last = 0, None
    for casualty in sorted(state.casualties, key=lambda e: e.start):
        while k < len(speech) and speech[k].start < casualty.start:
            last, k = speech[k], k + 1
        if last is not None and speaker_of(last):
            casualty.agents = [speaker_of(last)]
