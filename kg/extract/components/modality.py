"""Modality of every frame event: asserted unless a cue or a governing frame says otherwise.

Two sources, in this order: a cue word in the event's own clause (or the clause its أن-clause
hangs on) before the trigger: planned (من المقرر، سوف، س+verb), conditional (إذا، لو),
hypothetical, proposed (`kg/lang/ar/modality.tsv`), a future prefix (ستقصف: planned), a goal
(من أجل إدخال المساعدات: planned), a topic of talks (مفاوضات ... بشأن تبادل الأسرى: proposed); else a frame whose `governs` column names a
modality and in whose scope the event lies (its clause and the subordinate clauses after it): دعا
إلى انسحاب -> Demanded, نفى قصف -> Denied, اتهم ... بقصف -> Reported. Events in a speech verb's
أن-clause or in a quotation are Reported. A governed event with no actor of its own takes the
governor's agent or target as the frame's `scope_agent` says, with the rule recorded.
"""
from __future__ import annotations

from functools import lru_cache

from kg.extract.components import factory
from kg.extract.frames import word_class
from kg.extract.phrases import phrase_at
from kg.graph.vocabulary import event_kind
from kg.lang import ar

SUBORDINATE = ("complement", "relative", "adverbial", "conditional")
LOOKBACK = 24  # earlier triggers that may govern a trigger
WISHES = ("Demanded", "Proposed")  # modalities of what is wished for: a relative clause there describes, it is no wish


@lru_cache(maxsize=1)
def cues_by_first_word() -> dict[str, tuple[ar.ModalityCue, ...]]:
    index: dict[str, list[ar.ModalityCue]] = {}
    for cue in ar.modality_cues():
        if cue.on in ("before", "not", "any"):  # "not": a longer phrase that shields its first words (في حالة تأهب)
            index.setdefault(cue.phrase[0], []).append(cue)
    return {k: tuple(sorted(v, key=lambda c: len(c.phrase), reverse=True)) for k, v in index.items()}


@lru_cache(maxsize=1)
def prefix_cues() -> tuple[ar.ModalityCue, ...]:
    return tuple(c for c in ar.modality_cues() if c.on in ("prefix", "prefix-hostile"))


@lru_cache(maxsize=None)
def cues_on(on: str) -> dict[str, tuple[ar.ModalityCue, ...]]:
    """Topic words (بشأن) and talk words (مفاوضات) by their first word key."""
    index: dict[str, list[ar.ModalityCue]] = {}
    for cue in ar.modality_cues():
        if cue.on == on:
            index.setdefault(cue.phrase[0], []).append(cue)
    return {k: tuple(sorted(v, key=lambda c: len(c.phrase), reverse=True)) for k, v in index.items()}


def cue_at(tokens, i: int, on: str = "before") -> ar.ModalityCue | None:
    index = cues_by_first_word() if on == "before" else cues_on(on)
    return phrase_at(tokens, i, index, ar.words("coordinating-clitic"))


def topic_cue(tokens, trigger, start: int) -> str:
    """"مفاوضات بين X وY بشأن تبادل الأسرى": a topic word right before the trigger, a talk word
    before it in the clause: the act is what is talked about, not what was done."""
    for i in range(trigger.start - 1, max(start, trigger.start - 4) - 1, -1):
        topic = cue_at(tokens, i, "topic")
        if topic is None or trigger.start - (i + len(topic.phrase)) > topic.reach:
            continue
        for j in range(i - 1, start - 1, -1):
            talk = cue_at(tokens, j, "talk")
            if talk is not None and i - (j + len(talk.phrase)) <= talk.reach:
                return topic.modality
        return ""
    return ""


def own_cue(state, trigger) -> str:
    """A modality cue on the trigger or before it in its clause (and the clause it depends on)."""
    for cue in prefix_cues():
        if cue.phrase[0] in trigger.proclitic and (cue.on == "prefix" or event_kind(trigger.frame.event).hostile):
            return cue.modality
    clauses, tokens = state.clauses, state.sentence.tokens
    clause = clauses.at(trigger.start)
    if clause is None:
        return ""
    start = clause.start
    if clause.kind == "complement" and clause.parent >= 0:
        start = clauses.clauses[clause.parent].start  # "من المقرر أن تسحب": planned withdrawal
    elif clause.kind == "coordinate" and clause.opener == trigger.start and clause.parent >= 0:
        start = clauses.clauses[clause.parent].start  # "يخطط لتكثيف عملياته وشن هجمات": planned too
    for i in range(trigger.start - 1, start - 1, -1):
        cue = cue_at(tokens, i)
        if cue is None or cue.on == "not":
            continue  # no cue, or a phrase that is none (في حالة تأهب: a state, not 'in case')
        # in the trigger's clause: at most `reach` words before it; in the clause it hangs on:
        # at most `reach` words before that clause's end (right before أن)
        anchor = trigger.start if i >= clause.start else clause.start
        if anchor - (i + len(cue.phrase)) <= cue.reach \
                and (clause.kind == "complement" or state.view.same_clause(i + len(cue.phrase), trigger.start)):
            # no comma between, but for an أن-clause (كان يستعد للسفر، أن ...): "لم تتمكن من التحقق منها، وقال" is no plan
            return negated_any(tokens, start, i) if cue.on == "any" else cue.modality
    if clause.kind == "relative" and clause.parent >= 0:
        start = clauses.clauses[clause.parent].start  # "مقترح ويتكوف الذي ينص على هدنة": the proposal's content
    return topic_cue(tokens, trigger, start)


def negated_any(tokens, start: int, i: int) -> str:
    """"أي غارات": any strike is none in particular (hypothetical); after a negator or a denying cue
    earlier in the clause (لم تشن إسرائيل أي غارات، عدم وقوع أي اشتباكات) the text says there was none."""
    negators = word_class("negator")
    for k in range(i - 1, start - 1, -1):
        if tokens[k].norm in negators:
            return "Denied"
        cue = cue_at(tokens, k)
        if cue is not None and cue.modality == "Denied" and cue.on == "before":
            return "Denied"
    return "Hypothetical"


def coordinated_cue(state, index: int, cued: dict[int, str]) -> str:
    """"لا ينوي فرض حصار بحري أو شن عملية برية": an act joined by أو/و to the one before it, in
    its clause, shares the modality that act's cue gave."""
    if index == 0 or index - 1 not in cued:
        return ""
    tokens, trigger, earlier = state.sentence.tokens, state.triggers[index], state.triggers[index - 1]
    if state.clauses.at(earlier.start) is not state.clauses.at(trigger.start) or trigger.start - earlier.end > 4:
        return ""
    joined = trigger.start > 0 and tokens[trigger.start - 1].norm in ar.keys("coordinating-word")
    joined = joined or (trigger.proclitic[:1] in ar.words("coordinating-clitic") and bool(trigger.proclitic))
    return cued[index - 1] if joined else ""


def contrasted(state, clause) -> bool:
    """A clause opened by a contrast word (فيما، بينما: modality.tsv on = contrast) states a fact
    beside the main clause's, out of the scope of a demand or a denial there."""
    return clause.opener >= 0 and cue_at(state.sentence.tokens, clause.opener, "contrast") is not None


def governor_of(state, index: int):
    """The nearest earlier trigger whose frame governs a modality and whose scope holds this one."""
    clauses, triggers = state.clauses, state.triggers
    target = triggers[index]
    mine = clauses.owner[target.start] if clauses.owner else 0
    for earlier in reversed(triggers[max(0, index - LOOKBACK):index]):
        theirs = clauses.owner[earlier.start] if clauses.owner else 0
        between = clauses.clauses[theirs + 1:mine + 1] if clauses.clauses else []
        if not all(c.kind in SUBORDINATE for c in between):
            break  # a main or coordinate clause between: nothing further back governs this one
        if not earlier.frame.governs or (earlier.event is None and earlier.frame.scope_agent):
            continue  # a speech verb with an unnamed subject (ذكر سكان أن) still reports what follows
        theirs_region, mine_region = state.view.region[earlier.start], state.view.region[target.start]
        if theirs_region != mine_region and theirs_region >= 0:
            continue  # a verb outside quotes governs a quotation after it (دعت إلى "سحب ...")
        if theirs == mine and not earlier.frame.scope_agent:
            continue  # a speech verb's own object ("announced a ceasefire") is its act, not a report
        if earlier.frame.scope_agent and any(contrasted(state, c) for c in between):
            break  # "طالبوا بالإفراج عنهم فيما تم الإفراج عن سبعة": a fact set beside the demand
        if earlier.frame.governs in WISHES and any(c.kind == "relative" for c in between):
            break  # "دعت إلى الإفراج عن الرهائن الذين تحتجزهم حماس": the holding is a fact, not wished for
        return earlier
    return None


@factory("modality", "sentence",
         requires=("sentence.triggers", "sentence.clauses", "sentence.view", "sentence.sentence", "sentence.quotes"),
         assigns=("event.modality", "event.agents", "event.rule"))
def modality(doc, state) -> None:
    cued: dict[int, str] = {}  # trigger index -> the modality its own cue gave
    for index, trigger in enumerate(state.triggers):
        event = trigger.event
        if event is None:
            continue
        cue = own_cue(state, trigger) or coordinated_cue(state, index, cued)
        if cue:
            cued[index] = cue
        governor = governor_of(state, index)
        if cue:
            event.modality = cue
        elif governor is not None:
            event.modality = governor.frame.governs
        elif state.view.region[trigger.start] >= 0 and any(t.frame.speech for t in state.triggers):
            event.modality = "Reported"  # inside a quotation someone is said to have said
        if governor is not None and governor.frame.scope_agent and (not event.agents or "+pro-drop" in event.rule):
            source = governor.event.agents if governor.frame.scope_agent == "agent" else governor.event.targets
            if source:
                event.agents = [k for k in source if k not in event.targets]
                event.rule = event.rule.replace("+pro-drop", "") + f"+scope-{governor.frame.scope_agent}"
