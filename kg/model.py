"""Plain dataclasses that flow between the pipeline stages (read -> text -> extract -> graph).

Offsets are always character offsets into `Document.text`, so every fact can point back to
the exact span it came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Document:
    """One article as read from disk: the first line of a .txt file is its headline."""

    id: str
    text: str
    title: str = ""
    date: date | None = None
    url: str = ""
    source: str = ""
    origin: str = ""  # where it was read from (path, or path:line for JSONL)


@dataclass(frozen=True)
class Token:
    """A word of the original text and its matching key (normalised, diacritics removed)."""

    text: str
    start: int
    end: int
    norm: str


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)


@dataclass(frozen=True)
class Entity:
    """A real-world actor or place: from the gazetteer, or minted from a name after a title."""

    key: str
    type: str
    name_en: str = ""
    name_ar: str = ""
    qid: str = ""
    country: str = ""  # key of a State
    part_of: str = ""  # key of a parent actor
    role: str = ""  # English role, e.g. "Prime Minister"
    role_ar: str = ""
    capital_of: str = ""  # key of the State whose capital this city is
    aliases_ar: tuple[str, ...] = ()
    minted: bool = False


@dataclass
class Mention:
    """An entity found at a span of the text, and how it was found."""

    entity: str  # Entity.key
    sentence: int
    start: int
    end: int
    surface: str
    rule: str
    confidence: float
    kind: str = "name"  # name, nisba (a state's adjective), anaphor, title (office-holder), qualifier (the body in a title: المتحدث باسم X)
    token_start: int = 0  # token indices within the sentence, end exclusive
    token_end: int = 0
    proclitic: str = ""  # the proclitics stripped from the first token, e.g. "و", "ب", "لل"
    titled: bool = False  # introduced by a title (وزير الخارجية فلان): a subject, not an object


@dataclass
class Event:
    """Something an actor did or said, typed by an ontology event class."""

    id: str
    type: str  # kg event class local name
    relation: str  # direct relation it implies (kg property local name), or ""
    sentence: int
    start: int
    end: int
    trigger: str
    rule: str
    confidence: float
    agents: list[str] = field(default_factory=list)  # entity keys
    targets: list[str] = field(default_factory=list)
    location: str = ""
    date: date | None = None
    time: datetime | None = None
    count: int | None = None  # casualties
    quantity: int | None = None  # any other number the event reports (troops, weapons, attacks)
    casualty_type: str = ""  # "killed" or "wounded"
    running_total: bool = False  # the count is a toll so far, earlier casualties included (ارتفع عدد القتلى إلى 40)
    sides: list[str] = field(default_factory=list)
    victim: str = ""
    about: str = ""  # free-text object, e.g. "وقف القتال"
    part_of_event: str = ""  # id of the event this one belongs to (a violation -> its ceasefire)
    modality: str = "Asserted"  # local name of a kg:Modality individual (Asserted, Reported, Denied, Demanded, Proposed, Planned, Conditional, Hypothetical)
    date_precision: str = ""  # how `date` was found: "day" (a day and month), "weekday", "relative" (yesterday, today), "" (no date in the sentence)


@dataclass
class Claim:
    """Who said what: a speaker, the words (quoted or reported) and the events they assert."""

    id: str
    speaker: str  # entity key
    sentence: int
    start: int
    end: int
    quote: str
    rule: str
    confidence: float
    asserts: list[str] = field(default_factory=list)  # event ids
    date: date | None = None


@dataclass
class Extraction:
    """Everything found in one document; the unit the graph stage turns into RDF."""

    document: Document
    sentences: list[Sentence]
    entities: dict[str, Entity]
    mentions: list[Mention]
    events: list[Event]
    claims: list[Claim]
