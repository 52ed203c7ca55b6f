"""Dates: found per sentence against the publication date, then given to the nearest event."""
from __future__ import annotations

from kg.extract.components import factory
from kg.extract.dates import combine, find_clock_time, find_dates


@factory("dates", "sentence", requires=("document", "last_date", "sentence.sentence"),
         assigns=("sentence.dates", "sentence.date_tokens", "last_date"))
def dates(doc, state) -> None:
    found = find_dates(state.sentence, doc.document.date, doc.last_date)
    if found:
        doc.last_date = found[-1].value
    state.dates = found
    state.date_tokens = {t for d in found for t in range(d.token_start, d.token_end)}


@factory("event_dates", "sentence", requires=("sentence.sentence", "sentence.events", "sentence.dates"),
         assigns=("event.date", "event.date_precision", "event.time"))
def event_dates(doc, state) -> None:
    """Each event takes the date mentioned nearest to it; a clock time goes to the nearest event."""
    events, found = state.events, state.dates
    if found:
        for event in events:
            nearest = min(found, key=lambda d: abs(d.start - event.start))
            event.date, event.date_precision = nearest.value, nearest.precision
    clock = find_clock_time(state.sentence)
    earlier = [e for e in events if e.start < clock[1]] if clock else []
    if clock and earlier and earlier[-1].date is not None:
        earlier[-1].time = combine(earlier[-1].date, clock[0])
