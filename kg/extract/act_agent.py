"""Whom a condemnation targets when its object is an act: the act's agent.

Why: "أدان الرئيس الغارات الإسرائيلية"، "ندد بشدة بالهجوم الذي شنته الحركة": the object of the
condemnation is a hostile act, not an actor, so the frame's object markers find no target though the
sentence names who is condemned (the act's nisba, or the agent the act's own event took). Which
relations read their target so is the ontology's (kg:targetIsActAgent on the relation), not code's.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.graph.vocabulary import event_kind, relation_kinds
from kg.lang import ar
from kg.text.clitics import proclitic_variants
from kg.model import Event

if TYPE_CHECKING:  # events.py imports this module
    from kg.extract.events import EventAssembler, Trigger

ACT_GAP = 1  # words allowed between the condemnation's agent and the act noun ("بشدة")


def fill_act_agent_targets(assembler: "EventAssembler") -> None:
    """Each event whose relation reads its target from the act it names as its object takes the agents
    of that act as targets (rule +act-agent); what the frame's markers found after the act noun is the
    act's own object ("أدان الهجوم على السفارة": the embassy was attacked, not condemned), so it goes
    (rule +act-object when no agent of the act is named)."""
    kinds = relation_kinds()
    for index, trigger in enumerate(assembler.triggers):
        event = trigger.event
        kind = kinds.get(event.relation) if event is not None else None
        if event is None or kind is None or not kind.target_is_act_agent:
            continue
        act = object_act(assembler, index)
        if act is None:
            continue
        keys = [k for k in act_agents(assembler, act) if k not in event.agents]
        if keys or event.targets:
            event.rule += "+act-agent" if keys else "+act-object"
        event.targets = keys


def object_act(assembler: "EventAssembler", index: int) -> "Trigger | None":
    """The hostile act noun that opens the object of trigger `index`: right after its agent (past at
    most ACT_GAP plain words, no name or punctuation between), whether or not the sentence gives it the
    cue it needs to be an event of its own; as a trigger of the sentence when it is one."""
    from kg.extract.events import Trigger, function_words

    trigger, view = assembler.triggers[index], assembler.view
    tokens = view.sentence.tokens
    start = max(trigger.end, trigger.agent_end)
    for i in range(start, min(start + ACT_GAP + 1, len(tokens))):
        if i in view.covered or view.breaks[i] == i:
            return None
        found = next((t for t in assembler.triggers if t.start == i), None)
        if found is not None:  # a trigger of the sentence: "أدانت مصر قصف إسرائيل لمستشفى"
            return found if event_kind(found.frame.event).hostile else None
        if any(stem in ar.keys("condemned-act") for stem, _ in proclitic_variants(tokens[i].norm)):
            return Trigger(i, i + 1, trigger.frame, "", False)  # the act noun only: its nisba, its relative clause
        if i not in view.covered and tokens[i].norm not in function_words():
            continue  # "بشدة"
        return None
    return None


def act_agents(assembler: "EventAssembler", act: "Trigger") -> list[str]:
    """Who did the act: the agents of its own event (or of the event it restates), of the verb of the
    relative clause right after it ("الهجوم الذي شنته الحركة"), its genitive ("هجوم الحوثيين"), else its
    nisba ("الغارات الإسرائيلية")."""
    view = assembler.view
    event: Event | None = act.event or act.merged
    if event is not None and event.agents:
        return list(event.agents)
    tokens = view.sentence.tokens
    relatives = view.doc.gazetteer.relatives
    if act.end < len(tokens) and tokens[act.end].norm in relatives:
        verb = next((t for t in assembler.triggers if t.start == act.end + 1), None)
        done = verb.event or verb.merged if verb is not None else None
        if done is not None and done.agents:
            return list(done.agents)
    owner = view.group_at.get(act.end)
    bare = tokens[act.end - 1].norm
    bare = next((stem for stem, _ in proclitic_variants(bare) if stem in ar.keys("condemned-act")), bare)
    if owner is not None and owner.start == act.end and owner.marker == "obj" and not owner.proclitic \
            and view.can_act(owner) and not bare.startswith(ar.words("definite-article")):
        return [view.as_actor(k) for k in owner.keys]  # "هجوم الحوثيين على السفينة": a genitive in construct
    return [view.as_actor(k) for k in assembler.subjects.nisba_of_noun(act)]
