"""Frame events: quotations, the sentence view, triggers, clauses, roles, modality."""
from __future__ import annotations

from kg.extract.claims import quote_spans
from kg.extract.components import factory
from kg.extract.events import ClauseMap, EventAssembler, SentenceView, TriggerFinder


@factory("quotes", "sentence", requires=("sentence.sentence",), assigns=("sentence.quotes",))
def quotes(doc, state) -> None:
    state.quotes = quote_spans(state.sentence)


@factory("view", "sentence", requires=("entities", "sentence.sentence", "sentence.mentions", "sentence.quotes"),
         assigns=("sentence.view",))
def view(doc, state) -> None:
    state.view = SentenceView.build(doc.entities, state.sentence, state.mentions, state.quotes)


@factory("triggers", "sentence", requires=("sentence.view",), assigns=("sentence.triggers",))
def triggers(doc, state) -> None:
    state.triggers = TriggerFinder(state.view).find()


@factory("clauses", "sentence", requires=("sentence.view", "sentence.triggers"),
         assigns=("sentence.clauses",))
def clauses(doc, state) -> None:
    state.clauses = ClauseMap.of(state.view, state.triggers)


@factory("frame_events", "sentence",
         requires=("document", "previous_agents", "sentence.view", "sentence.triggers", "sentence.clauses"),
         assigns=("sentence.frame_events", "sentence.speech_ids"))
def frame_events(doc, state) -> None:
    assembler = EventAssembler(state.view, state.triggers, doc.document.id, doc.previous_agents, state.clauses)
    state.frame_events = assembler.run()
    state.speech_ids = {t.event.id for t in state.triggers if t.event is not None and t.frame.speech}
