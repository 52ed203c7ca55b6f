"""Compact per-document summaries: what the corpus stage needs of an `Extraction`, and no more.

A build streams documents; keeping whole Extractions (sentences, tokens, texts) for 100k articles
would not fit in memory, so each document leaves behind only its minted actors, a few mention
references per actor (to explain merges), and its events reduced to keys, dates and counts.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kg.model import Extraction

HOLDER_RULE = "title:role-holder"  # the mention rule of an office's unnamed holder (kg/extract/actors/titles.py)
SOURCE_RULES = ("title:unnamed-source", "title:source-again")  # an unnamed source or witness
LEDE = 2  # sentences whose places stand for the article's place (the headline and the first sentence)
MENTIONS_KEPT = 3  # mention references kept per minted actor and document (merge evidence)
CANDIDATE_MODALITIES = frozenset({"Asserted", "Reported"})  # events that may be reports of one event
DENIAL_MODALITY = "Denied"


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """An actor or place as the corpus stage sees it (its links decide compatibility)."""

    key: str
    type: str
    name_ar: str = ""
    country: str = ""
    part_of: str = ""
    capital_of: str = ""
    role: str = ""
    minted: bool = False
    holder: bool = False  # an office's unnamed holder ("المتحدث باسم الجيش"), named by its title only
    anonymous: bool = False  # an unnamed source or witness: a person of one article, never merged

    def richness(self) -> tuple:
        """Order-free choice between two descriptions of one key: the fuller one, then the smaller."""
        filled = sum(bool(v) for v in (self.name_ar, self.country, self.part_of, self.role))
        return (-filled, self.name_ar, self.country, self.part_of, self.role, self.type)


@dataclass(frozen=True, slots=True)
class MentionRef:
    """Where a minted actor was named: enough to rebuild the mention's IRI."""

    doc: str
    start: int
    end: int
    key: str
    surface: str


@dataclass(frozen=True, slots=True)
class EventInfo:
    """One event of one document, reduced to what coreference and disagreement need."""

    doc: str
    id: str
    type: str
    family: str
    modality: str
    agents: tuple[str, ...]
    targets: tuple[str, ...]
    places: tuple[str, ...]  # the event's location, place targets and the places named in its sentence
    context: tuple[str, ...]  # with no place of its own: the places of the article's lede (headline, first sentence)
    date: date | None
    precision: str  # Event.date_precision, or "document" (publication date) or "" (no date)
    count: int | None
    casualty_type: str
    sides: tuple[str, ...]
    sentence: int
    claims: tuple[tuple[str, str], ...]  # (claim id, speaker key) of the claims asserting it
    source: str  # the document's outlet (schema:publisher)

    @property
    def ref(self) -> tuple[str, str]:
        return (self.doc, self.id)


@dataclass(frozen=True, slots=True)
class DocSummary:
    doc: str
    source: str
    published: date | None
    entities: tuple[EntityInfo, ...]
    mentions: tuple[MentionRef, ...]
    events: tuple[EventInfo, ...]


def summarise(extraction: Extraction) -> DocSummary:
    """The compact summary of one document (cheap: no text is kept but minted names)."""
    from kg.graph.vocabulary import event_kind, place_classes

    doc = extraction.document
    places = place_classes()
    named = {m.entity for m in extraction.mentions if m.rule != HOLDER_RULE}
    sources = {m.entity for m in extraction.mentions if m.rule in SOURCE_RULES}
    entities = tuple(info(e, e.minted and e.key not in named, e.minted and e.key in sources)
                     for e in extraction.entities.values())
    is_place = {e.key for e in extraction.entities.values() if e.type in places}
    sentence_places: dict[int, list[str]] = {}
    mentions: list[MentionRef] = []
    kept: dict[str, int] = {}
    minted = {k for k, e in extraction.entities.items() if e.minted}
    for mention in extraction.mentions:
        if mention.entity in is_place:
            sentence_places.setdefault(mention.sentence, []).append(mention.entity)
        if mention.entity in minted and kept.get(mention.entity, 0) < MENTIONS_KEPT:
            kept[mention.entity] = kept.get(mention.entity, 0) + 1
            mentions.append(MentionRef(doc.id, mention.start, mention.end, mention.entity, mention.surface))
    lede = tuple(dict.fromkeys(k for i in range(LEDE) for k in sentence_places.get(i, ())))
    claims: dict[str, list[tuple[str, str]]] = {}
    for claim in extraction.claims:
        for event_id in claim.asserts:
            claims.setdefault(event_id, []).append((claim.id, claim.speaker))
    events = []
    for event in extraction.events:
        kind = event_kind(event.type)
        if kind.tie or (event.modality not in CANDIDATE_MODALITIES and event.modality != DENIAL_MODALITY):
            continue
        own = [event.location] if event.location else []
        own += [t for t in event.targets if t in is_place]
        actors = set(event.agents) | set(event.targets) | set(event.sides)
        near = [p for p in sentence_places.get(event.sentence, []) if p not in actors]  # "غارة إسرائيلية": an actor, not a place
        if event.date is not None:
            when, precision = event.date, event.date_precision or "day"
        else:
            when, precision = doc.date, "document" if doc.date else ""
        events.append(EventInfo(
            doc=doc.id, id=event.id, type=event.type, family=kind.family, modality=event.modality,
            agents=tuple(event.agents), targets=tuple(t for t in event.targets if t not in is_place),
            places=tuple(dict.fromkeys(own + near)), context=() if own or near else lede, date=when, precision=precision, count=event.count,
            casualty_type=event.casualty_type, sides=tuple(event.sides), sentence=event.sentence,
            claims=tuple(claims.get(event.id, ())), source=doc.source))
    return DocSummary(doc.id, doc.source, doc.date, entities, tuple(mentions), tuple(events))


def info(entity, holder: bool = False, anonymous: bool = False) -> EntityInfo:
    return EntityInfo(entity.key, entity.type, entity.name_ar, entity.country, entity.part_of,
                      entity.capital_of, entity.role, entity.minted, holder, anonymous)
