"""Claim component: who said what. Quotes («…», "…", “…”) and reported speech (قال إن…).

A quote belongs to the speech event before it in the sentence (أعلن X أن "…"), else to one after
it ("…"، قال X). A speech event with no quote but a complement (أن/إن/عن …) makes a reported-
speech claim of that complement. A claim asserts the events whose triggers lie inside it.
"""
from __future__ import annotations

import re

from kg.extract.frames import word_class
from kg.model import Claim, Event, Sentence

QUOTE = re.compile(r"«([^»]{2,})»|\"([^\"]{2,})\"|“([^”]{2,})”")
MIN_QUOTE_WORDS = 2
COMPLEMENT_GAP = 14  # tokens between the speech verb and أن/إن (room for a titled subject)


def quote_spans(sentence: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, text) of each quotation, document offsets of the words inside the marks."""
    spans = []
    for m in QUOTE.finditer(sentence.text):
        group = next(g for g in range(1, 4) if m.group(g) is not None)
        spans.append((sentence.start + m.start(group), sentence.start + m.end(group), m.group(group).strip()))
    return spans


def speaker_of(event: Event) -> str:
    """Who speaks: for "نقلت وكالة X عن Y" it is Y, otherwise the agent."""
    if event.type == "Statement" and event.targets:
        return event.targets[0]
    return event.agents[0] if event.agents else ""


def find_claims(sentence: Sentence, events: list[Event], speech_ids: set[str]) -> list[Claim]:
    speech = [e for e in events if e.id in speech_ids and speaker_of(e)]
    claims: list[Claim] = []
    used: set[str] = set()
    for start, end, text in quote_spans(sentence):
        if len(text.split()) < MIN_QUOTE_WORDS:
            continue  # «بكثافة»، لواء "دنب": a scare quote or a name, not something said
        before = [e for e in speech if e.end <= start]
        after = [e for e in speech if e.start >= end]
        source = before[-1] if before else (after[0] if after else None)
        speaker = speaker_of(source) if source else ""
        if not speaker:
            continue
        used.add(source.id)
        claims.append(make_claim(sentence, start, end, text, speaker, events, source, "quote", 0.8))
    for event in speech:
        if event.id in used:
            continue
        complement = complement_start(sentence, event)
        if complement is None:
            continue
        end = sentence.end
        later = [e.start for e in speech if e.start > event.end]
        if later:
            end = min(later)
        text = sentence.text[complement - sentence.start:end - sentence.start].strip(" ،,.")
        if len(text) < 4:
            continue
        claims.append(make_claim(sentence, complement, complement + len(text), text, speaker_of(event),
                                 events, event, "reported-speech", 0.6))
    return claims


def complement_start(sentence: Sentence, event: Event) -> int | None:
    """Document offset of the أن/إن/عن that opens a speech verb's complement, if any."""
    complementizers = word_class("complementizer")
    tokens = sentence.tokens
    seen = 0
    for token in tokens:
        if token.start < event.end:
            continue
        if token.norm in complementizers:
            if token.norm == "عن" and event.type != "Statement":
                return None  # "دعت إلى محاسبة المسؤولين عن الهجوم": not reported speech
            return token.start
        seen += 1
        if seen > COMPLEMENT_GAP:
            return None
    return None


def make_claim(sentence: Sentence, start: int, end: int, text: str, speaker: str, events: list[Event],
               source: Event, rule: str, confidence: float) -> Claim:
    asserted = [e.id for e in events if start <= e.start < end and e.type != "Statement"]
    if source.type != "Statement":
        asserted.insert(0, source.id)
    return Claim(
        id=f"{start}",
        speaker=speaker,
        sentence=sentence.index,
        start=start,
        end=end,
        quote=text,
        rule=f"claim:{rule}",
        confidence=confidence,
        asserts=list(dict.fromkeys(asserted)),
        date=source.date,
    )
