"""Steps that join the sentences: merging a sentence's events, carrying memory, linking events."""
from __future__ import annotations

from kg.extract.claims import claim_words, speaker_of
from kg.extract.components import factory
from kg.model import Claim, Event


@factory("merge", "sentence", requires=("sentence.frame_events", "sentence.casualties"),
         assigns=("sentence.events",))
def merge(doc, state) -> None:
    state.events = sorted(state.frame_events + state.casualties, key=lambda e: e.start)


@factory("collect", "sentence",
         requires=("gazetteer", "events", "claims", "previous_agents", "sentence.sentence", "sentence.events",
                   "sentence.claims", "sentence.frame_events", "sentence.speech_ids", "sentence.triggers"),
         assigns=("events", "claims", "previous_agents", "last_speaker"))
def collect(doc, state) -> None:
    doc.events.extend(state.events)
    doc.claims.extend(state.claims)
    tokens = state.sentence.tokens
    speech = [t for t in state.triggers if t.frame.speech and t.start < len(tokens)]
    spoken = [tokens[t.start].start for t in speech]
    # a speech verb with no speaker found whose subject opens with a title (وقال المتحدث باسم ...) or a
    # word for unnamed people (وقال أحد سكان القرية، ذكر سكان): someone new, unnamed or unknown, speaks;
    # not so for "وذكر البيان"، "ودعا المجلس"، "وقالت قيادة الأركان" (the last one goes on)
    unnamed = [tokens[t.start].start for t in speech if (t.event is None or not speaker_of(t.event))
               and t.end < len(tokens) and (doc.gazetteer.titles.match_at(tokens, t.end)
                                            or tokens[t.end].norm in claim_words("people")
                                            or unknown_source(t, tokens[t.end].norm))]
    carried = last_actor(state.claims, state.frame_events, state.speech_ids, spoken, unnamed)
    doc.previous_agents = carried if carried is not None else doc.previous_agents
    if spoken:  # a sentence with no speech verb (the narrator's) leaves who spoke last
        doc.last_speaker = carried or []


def unknown_source(trigger, word: str) -> bool:
    """"وفقاً لكو زاو تون"، "بحسب مصادر محلية": an attribution whose source was not recognised names
    someone new (not "بحسب البيان"، "بحسب المصدر نفسه", the last one)."""
    if trigger.frame.agent != "source":
        return False
    stem = word[1:] if word[:1] in claim_words("proclitic-prep") and len(word) > 3 else word
    return not ({word, stem} & claim_words("continues"))


def last_actor(claims: list[Claim], events: list[Event], speech_ids: set[str],
               spoken: list[int] = (), unnamed: list[int] = ()) -> list[str] | None:
    """Who a following "and he added" continues: the last quoted speaker, else the last speaker,
    else the last actor named before any speech verb (an actor inside reported speech is none:
    "قال المتحدث إن الرئيس التقى ..." is continued by the spokesman, or by nobody known when he
    is unnamed: []); None when the sentence says nothing about it (keep the one before).
    `spoken`: offsets of the speech verbs, those with no event too; `unnamed`: those of them whose
    titled subject was not recognised."""
    if claims:
        return [claims[-1].speaker]
    speech = [e for e in events if e.id in speech_ids]
    speakers = [speaker_of(e) for e in speech if speaker_of(e)]
    if speakers:
        return [speakers[-1]]
    first_speech = min([e.start for e in speech] + list(spoken), default=None)
    agents = [a for e in events for a in e.agents if first_speech is None or e.start < first_speech]
    if agents:
        return [agents[-1]]
    return [] if unnamed else None


@factory("violations", "document", requires=("events",), assigns=("event.part_of_event",))
def violations(doc) -> None:
    """A ceasefire violation refers to the last ceasefire declared before it (one pass)."""
    last_ceasefire = ""
    for event in doc.events:
        if event.type == "Ceasefire":
            last_ceasefire = event.id
        elif event.type == "CeasefireViolation" and last_ceasefire and not event.part_of_event:
            event.part_of_event = last_ceasefire
