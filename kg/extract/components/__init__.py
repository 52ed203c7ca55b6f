"""Declared extraction components, in the manner of spaCy's `Language.factory(requires=,
assigns=)`: each step names the state fields it reads and writes, and the pipeline is a list of
component names checked when it is built (a step that needs what no earlier step assigns fails
at import, naming both).

State is two dataclasses: `DocState` (one per document, lives through the run) and
`SentenceState` (one per sentence, for the sentence-scope steps). Field names in `requires` /
`assigns` are `name` (a DocState field), `sentence.name` (a SentenceState field) or
`event.name` / `claim.name` (a field of the events or claims a step edits in place). A step
touches the state only through those fields; `run(..., strict=True)` enforces it.

The steps themselves live in the modules of this package; importing the package registers them.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, Callable

from kg.errors import DataError
from kg.model import Claim, Document, Event, Mention, Sentence


@dataclass
class SentenceState:
    """What the sentence-scope steps know about one sentence."""

    sentence: Sentence
    mentions: list[Mention]
    quotes: list = field(default_factory=list)  # (start, end, text) of each quotation
    dates: list = field(default_factory=list)  # DateMention
    date_tokens: set[int] = field(default_factory=set)
    view: Any = None  # events.SentenceView
    triggers: list = field(default_factory=list)  # events.Trigger
    clauses: Any = None  # events.ClauseMap: the clauses and, per token, its clause
    frame_events: list[Event] = field(default_factory=list)
    speech_ids: set[str] = field(default_factory=set)
    governs: dict[str, str] = field(default_factory=dict)  # event id -> id of the frame event governing it
    numbers: list = field(default_factory=list)  # numbers.Number
    casualties: list[Event] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # frame events and casualties, in text order
    claims: list[Claim] = field(default_factory=list)


@dataclass
class DocState:
    """One document through the pipeline: its input, its memory between sentences, its output."""

    document: Document
    gazetteer: Any  # gazetteer.Gazetteer
    sentences: list[Sentence] = field(default_factory=list)
    entities: Any = None  # entities.DocumentEntities
    mentions_by_sentence: dict[int, list[Mention]] = field(default_factory=dict)
    last_date: date | None = None  # the date mentioned last (resolves "the same day")
    previous_agents: list[str] = field(default_factory=list)  # who "and he added" continues
    last_speaker: list[str] = field(default_factory=list)  # who said the last words (a narrator's sentence keeps it)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


INITIAL = frozenset({"document", "gazetteer", "last_date", "previous_agents", "last_speaker", "events", "claims"})
LOOP_GIVES = {"sentences": {"sentence.sentence"}, "mentions_by_sentence": {"sentence.mentions"}}
FIELDS = {
    "": {f.name for f in fields(DocState)},
    "sentence": {f.name for f in fields(SentenceState)},
    "event": {f.name for f in fields(Event)},
    "claim": {f.name for f in fields(Claim)},
}


class PipelineError(DataError):
    """A pipeline whose components do not fit together."""


@dataclass(frozen=True)
class Component:
    name: str
    scope: str  # "document": run(doc); "sentence": run(doc, sentence)
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[..., None]


COMPONENTS: dict[str, Component] = {}


def check_field(component: str, name: str) -> None:
    owner, _, attribute = name.rpartition(".")
    if owner not in FIELDS or attribute not in FIELDS[owner]:
        raise PipelineError(f"component {component!r} declares {name!r}, which is no state field")


def factory(name: str, scope: str, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()):
    """Register a component under `name`; its fields are checked against the state classes."""
    if scope not in ("document", "sentence"):
        raise PipelineError(f"component {name!r}: scope must be document or sentence, not {scope!r}")
    for declared in requires + assigns:
        check_field(name, declared)

    def register(function: Callable[..., None]) -> Callable[..., None]:
        if name in COMPONENTS:
            raise PipelineError(f"component {name!r} registered twice")
        COMPONENTS[name] = Component(name, scope, tuple(requires), tuple(assigns), function)
        return function
    return register


def check_pipeline(names: tuple[str, ...] | list[str]) -> list[Component]:
    """The components of a pipeline, in order, if each one's requirements are assigned earlier."""
    available = set(INITIAL)
    chosen: list[Component] = []
    for name in names:
        component = COMPONENTS.get(name)
        if component is None:
            raise PipelineError(f"pipeline names unknown component {name!r} (known: {', '.join(sorted(COMPONENTS))})")
        if component.scope == "sentence":  # the loop gives each sentence and its mentions
            available |= LOOP_GIVES.get("sentences", set()) if "sentences" in available else set()
            available |= LOOP_GIVES["mentions_by_sentence"] if "mentions_by_sentence" in available else set()
        missing = [r for r in component.requires if r not in available and r.split(".")[0] not in ("event", "claim")]
        if missing:
            raise PipelineError(f"component {name!r} requires {missing[0]!r}, which no earlier component assigns")
        available.update(component.assigns)
        chosen.append(component)
    return chosen


class Guarded:
    """A state seen through one component's declaration: reading or writing any other field
    fails (strict runs, in tests), so no component can lean on another's internals."""

    def __init__(self, state: Any, prefix: str, component: Component) -> None:
        allowed = {name[len(prefix):] for name in component.requires + component.assigns
                   if name.startswith(prefix) and "." not in name[len(prefix):]}
        object.__setattr__(self, "_state", state)
        object.__setattr__(self, "_allowed", allowed)
        object.__setattr__(self, "_name", component.name)

    def __getattr__(self, name: str) -> Any:
        if name not in self._allowed:
            raise PipelineError(f"component {self._name!r} reads undeclared field {name!r}")
        return getattr(self._state, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self._allowed:
            raise PipelineError(f"component {self._name!r} writes undeclared field {name!r}")
        setattr(self._state, name, value)


def run(components: list[Component], doc: DocState, strict: bool = False) -> DocState:
    """Document steps in order; each run of consecutive sentence steps loops over the sentences."""
    position = 0
    while position < len(components):
        component = components[position]
        if component.scope == "document":
            component.run(Guarded(doc, "", component) if strict else doc)
            position += 1
            continue
        block = []
        while position < len(components) and components[position].scope == "sentence":
            block.append(components[position])
            position += 1
        for sentence in doc.sentences:
            state = SentenceState(sentence, doc.mentions_by_sentence.get(sentence.index, []))
            for step in block:
                if strict:
                    step.run(Guarded(doc, "", step), Guarded(state, "sentence.", step))
                else:
                    step.run(doc, state)
    return doc
