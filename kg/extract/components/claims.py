"""Claims (H2's `find_claims`), the speakers they lend to events, and statements they replace."""
from __future__ import annotations

from functools import lru_cache

from kg.extract.actors.institutions import PLACE_TYPES
from kg.extract.claims import ClaimReader, issued_speech, speaker_of, speech_words, titled_speech
from kg.extract.components import factory
from kg.model import Claim, Event


@factory("claims", "sentence",
         requires=("gazetteer", "entities", "previous_agents", "last_speaker", "sentence.sentence", "sentence.mentions", "sentence.events", "sentence.speech_ids",
                   "sentence.triggers"),
         assigns=("sentence.claims", "event.agents"))
def claims(doc, state) -> None:
    persons = {a for e in state.events for a in e.agents
               if (entity := doc.entities.entities.get(a)) is not None and entity.type == "Person"}
    tokens = state.sentence.tokens
    spoken = [(tokens[t.start].start, tokens[t.end - 1].end) for t in state.triggers
              if t.frame.speech and t.end <= len(tokens)]
    # speech words the frames do not read (ومضى قائلاً، لافتاً إلى أن): statements for the claim reader only
    people = {m.entity for m in state.mentions if m.kind == "name"
              and (entity := doc.entities.entities.get(m.entity)) is not None and entity.type == "Person"}
    extra = speech_words(state.sentence, state.events, state.speech_ids, state.mentions, doc.previous_agents)
    extra += titled_speech(state.sentence, state.triggers, state.events, doc.gazetteer.titles, people,
                           state.mentions)  # "قال قائد … العميد فلان إن"، "أفاد الناطق باسم …، فلان، بأن"
    extra += issued_speech(state.sentence, state.triggers, state.mentions)  # "وقال بيان رسمي مصري إن"
    events = sorted(state.events + extra, key=lambda e: e.start)
    speech_ids = state.speech_ids | {e.id for e in extra}
    spoken += [(e.start, e.end) for e in extra]
    states = {m.entity: entity.country for m in state.mentions  # the state of each body (not place) named here
              if (entity := doc.entities.entities.get(m.entity)) is not None and entity.country
              and entity.type not in PLACE_TYPES}
    reader = ClaimReader(state.sentence, events, speech_ids, state.mentions, persons, spoken, doc.previous_agents,
                         doc.last_speaker, people, states)
    state.claims = reader.read()
    # decided on the events as read, then set (a participle's speaker is the verb's before it)
    decided = [(event, reader.spoken_by(event), reader.unspoken(event))
               for event in state.events if event.id in state.speech_ids]
    for event in state.events:  # "اتهم المتحدث باسم التحالف …، فلان، الجيش": the person named after the title acts
        event.agents = [reader.named_holder(a) for a in event.agents]
    for event, speaker, unspoken in decided:
        if speaker is not None:
            event.agents = speaker  # "…، موضحاً أن"، "وأضاف أن": who goes on speaking, not the actor named last
        elif unspoken:
            event.agents = []  # "في بيان نقلته وكالة واس": the agency carried the words; "وقال مسؤولان": not the last speaker


@lru_cache(maxsize=None)
def speaker_fills_agent(event_type: str) -> bool:
    """The ontology's kg:speakerFillsAgent on the event class (inherited)."""
    from kg.graph.vocabulary import UnknownTerm, event_kind

    try:
        return event_kind(event_type).speaker_fills_agent
    except UnknownTerm:
        return False


@factory("speakers", "sentence", requires=("sentence.claims", "sentence.events"),
         assigns=("event.agents", "claim.asserts", "claim.date"))
def speakers(doc, state) -> None:
    """Events inside a quote with no actor of their own are the speaker's (a reported casualty)."""
    for claim in state.claims:
        for event in state.events:
            if claim.start <= event.start < claim.end and not event.agents and speaker_fills_agent(event.type):
                event.agents = [claim.speaker]
                if event.id not in claim.asserts:
                    claim.asserts.append(event.id)
        claim.date = claim.date or next((e.date for e in state.events if e.id in claim.asserts and e.date), None)


@factory("statements", "sentence", requires=("sentence.events", "sentence.claims", "sentence.speech_ids"),
         assigns=("sentence.events",))
def statements(doc, state) -> None:
    """A bare Statement event is dropped when a claim already says who said what."""
    claimed = {c.asserts[0] for c in state.claims if c.asserts} | {
        e.id for e in state.events if e.id in state.speech_ids and any(c.start >= e.end for c in state.claims)}
    state.events = [e for e in state.events
                    if not (e.type == "Statement" and (e.id in claimed or has_claim(e, state.claims)
                                                       or not (e.agents or e.targets)))]


def has_claim(event: Event, claims: list[Claim]) -> bool:
    return any(c.speaker == speaker_of(event) and c.start >= event.end for c in claims)
