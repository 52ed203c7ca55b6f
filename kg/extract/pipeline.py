"""The extractor: one document in, one `Extraction` out, by components in a fixed order.

    sentences -> entities -> (per sentence) numbers, dates, frame events, casualties, claims

`extract` is pure (same text, same result), so a corpus is a map over documents.
"""
from __future__ import annotations

from kg.extract.casualties import find_casualties
from kg.extract.claims import find_claims, speaker_of
from kg.extract.dates import DateMention, combine, find_clock_time, find_dates
from kg.extract.entities import read_entities
from kg.extract.events import SentenceEvents
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.numbers import Number, find_numbers
from kg.model import Claim, Document, Event, Extraction, Mention, Sentence
from kg.text.segment import split_sentences

QUANTITY_REACH = 60  # characters between an event's trigger and the number it reports
YEARS = (1900, 2100)
SPEAKER_FILLED = {"CasualtyReport", "Ceasefire", "Accusation", "Address", "DiplomaticContact"}


def extract(document: Document, gazetteer: Gazetteer | None = None) -> Extraction:
    gazetteer = gazetteer or load_gazetteer()
    sentences = split_sentences(document.text)
    entities = read_entities(sentences, gazetteer, document.date)
    by_sentence: dict[int, list[Mention]] = {}
    for mention in entities.mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    events: list[Event] = []
    claims: list[Claim] = []
    last_date = None
    previous_agents: list[str] = []
    for sentence in sentences:
        mentions = by_sentence.get(sentence.index, [])
        dates = find_dates(sentence, document.date, last_date)
        if dates:
            last_date = dates[-1].value
        date_tokens = {t for d in dates for t in range(d.token_start, d.token_end)}
        reader = SentenceEvents(entities, sentence, mentions, document.id, previous_agents)
        frame_events = reader.run()
        speech_ids = {t.event.id for t in reader.triggers if t.event is not None and t.frame.speech}
        numbers = find_numbers(sentence)
        casualties = find_casualties(sentence, numbers, mentions, date_tokens)
        attach_quantities(numbers, frame_events, casualties, date_tokens)
        for casualty in casualties:
            reporters = [e for e in frame_events if e.id in speech_ids and e.start < casualty.start]
            if reporters and speaker_of(reporters[-1]):
                casualty.agents = [speaker_of(reporters[-1])]
        sentence_events = sorted(frame_events + casualties, key=lambda e: e.start)
        date_events(sentence, sentence_events, dates)
        sentence_claims = find_claims(sentence, sentence_events, speech_ids)
        fill_speakers(sentence_claims, sentence_events)
        link_violations(events + sentence_events)
        claimed = {c.asserts[0] for c in sentence_claims if c.asserts} | {
            e.id for e in sentence_events if e.id in speech_ids and any(c.start >= e.end for c in sentence_claims)}
        sentence_events = [e for e in sentence_events
                           if not (e.type == "Statement" and (e.id in claimed or has_claim(e, sentence_claims)))]
        events.extend(sentence_events)
        claims.extend(sentence_claims)
        previous_agents = last_actor(sentence_claims, frame_events, speech_ids) or previous_agents
    return Extraction(document, sentences, entities.entities, entities.mentions, events, claims)


def last_actor(claims: list[Claim], events: list[Event], speech_ids: set[str]) -> list[str]:
    """Who a following "وأضاف" continues: the last quoted speaker, else speaker, else actor."""
    if claims:
        return [claims[-1].speaker]
    speakers = [speaker_of(e) for e in events if e.id in speech_ids and speaker_of(e)]
    agents = [a for e in events for a in e.agents]
    return [speakers[-1]] if speakers else ([agents[-1]] if agents else [])


def attach_quantities(numbers: list[Number], events: list[Event], casualties: list[Event],
                      taken: set[int]) -> None:
    """A number that is no casualty count or date belongs to the nearest event before it
    ("سحب أربعة آلاف جندي": a withdrawal of 4,000)."""
    counted = {(c.start, c.count) for c in casualties}
    for number in numbers:
        if number.token_start in taken or (number.start, number.value) in counted:
            continue
        if YEARS[0] <= number.value <= YEARS[1] and not number.approximate:
            continue
        before = [e for e in events if e.end <= number.start and e.quantity is None and e.count is None
                  and number.start - e.end <= QUANTITY_REACH]
        if before:
            before[-1].quantity = number.value


def has_claim(event: Event, claims: list[Claim]) -> bool:
    return any(c.speaker == speaker_of(event) and c.start >= event.end for c in claims)


def date_events(sentence: Sentence, events: list[Event], dates: list[DateMention]) -> None:
    """Each event takes the date mentioned nearest to it; a clock time goes to the nearest event."""
    if dates:
        for event in events:
            nearest = min(dates, key=lambda d: abs(d.start - event.start))
            event.date, event.date_precision = nearest.value, nearest.precision
    clock = find_clock_time(sentence)
    earlier = [e for e in events if e.start < clock[1]] if clock else []
    if clock and earlier and earlier[-1].date is not None:
        earlier[-1].time = combine(earlier[-1].date, clock[0])


def fill_speakers(claims: list[Claim], events: list[Event]) -> None:
    """Events inside a quote with no actor of their own are the speaker's (a reported casualty)."""
    for claim in claims:
        for event in events:
            if claim.start <= event.start < claim.end and not event.agents and event.type in SPEAKER_FILLED:
                event.agents = [claim.speaker]
                if event.id not in claim.asserts:
                    claim.asserts.append(event.id)
        claim.date = claim.date or next((e.date for e in events if e.id in claim.asserts and e.date), None)


def link_violations(events: list[Event]) -> None:
    """A ceasefire violation refers to the last ceasefire declared before it in the article."""
    last_ceasefire = ""
    for event in events:
        if event.type == "Ceasefire":
            last_ceasefire = event.id
        elif event.type == "CeasefireViolation" and last_ceasefire and not event.part_of_event:
            event.part_of_event = last_ceasefire
