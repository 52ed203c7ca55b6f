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
from kg.extract.clauses import PARENTHETICAL
from kg.extract.events import is_event_noun, is_finite_verb, is_noun_form
from kg.extract.frames import word_class
from kg.extract.phrases import phrase_at, phrase_starts
from kg.graph.vocabulary import event_kind, violence_family
from kg.lang import ar
from kg.text.memo import per_sentence

SUBORDINATE = ("complement", "relative", "adverbial", "conditional")
LOOKBACK = 24  # earlier triggers that may govern a trigger
GOALS = ("Planned", "Proposed", "Demanded")  # cues that open a list of acts sought (بهدف، جهود، ضرورة)
LIST_REACH = 10  # words such a list may run before its last item
SUBJECT_ONLY = 4  # words of an أن-clause that is only a subject before a comma (إن قصفاً إسرائيلياً،)
THREATS = ("Hypothetical", "Planned")  # what a threat frame (هدد، توعد) governs: its act, not yet done
SAID_FAMILIES = ("DiplomacyFamily", "AccusationFamily")  # acts done by saying them (a ceasefire, a sanction declared)
HAMZA_BELOW = "\u0625"  # إ
WISHES = ("Demanded", "Proposed")  # modalities of what is wished for: a relative clause there describes, it is no wish


@lru_cache(maxsize=1)
def cues_by_first_word() -> dict[str, tuple[ar.ModalityCue, ...]]:
    index: dict[str, list[ar.ModalityCue]] = {}
    for cue in ar.modality_cues():
        if cue.on in ("before", "not", "any", "before-nonhostile"):  # "not": a longer phrase that shields its first words (في حالة تأهب)
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
    if on == "before" and i >= 0:
        return cues_before(tokens)[i]  # asked at every word back from each trigger: once a sentence
    index = cues_by_first_word() if on == "before" else cues_on(on)
    return phrase_at(tokens, i, index, ar.words("coordinating-clitic"))


@per_sentence
def cues_before(tokens) -> tuple[ar.ModalityCue | None, ...]:
    """The cue (of the kinds read before a trigger) starting at each token of a sentence, or None."""
    index, clitics = cues_by_first_word(), ar.words("coordinating-clitic")
    found: list[ar.ModalityCue | None] = [None] * len(tokens)
    for i in phrase_starts(tokens, index, clitics):  # elsewhere no cue begins
        found[i] = phrase_at(tokens, i, index, clitics)
    return tuple(found)


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


def hostile(trigger) -> bool:
    return event_kind(trigger.frame.event).hostile


def deed(trigger) -> bool:
    """A deed of force (the violence family, or any hostile act but one done by saying it: a sanction,
    an accusation): what a speech verb names of it (أعلن الجيش إسقاط طائرات) it reports, not performs."""
    kind = event_kind(trigger.frame.event)
    return kind.family == violence_family() or (kind.hostile and kind.family not in SAID_FAMILIES)


def aim_cue(tokens, trigger) -> str:
    """"أعلنت الجماعة أنها تستهدف السفن": a pronoun subject (on = aim) right before the imperfect of
    'to target' (on = aim-verb) states an aim or a policy, not a deed."""
    if trigger.start == 0 or cue_at(tokens, trigger.start, "aim-verb") is None:
        return ""
    aim = cue_at(tokens, trigger.start - 1, "aim")
    return aim.modality if aim is not None else ""


def conditional_in(state, trigger) -> str:
    """"إن هاجمت إسرائيل لبنان": إنّ takes a noun, so إن (on = conditional-verb) right before a verb is 'if'."""
    if trigger.start == 0 or is_noun_form(trigger, state.view):
        return ""
    cue = cue_at(state.sentence.tokens, trigger.start - 1, "conditional-verb")
    if cue is None or HAMZA_BELOW not in state.sentence.tokens[trigger.start - 1].text:
        return ""  # the key of أن (that) and of a bare ان is the same: only a written إن is 'if'
    word = state.sentence.tokens[trigger.start].norm[len(trigger.proclitic):]
    perfect = word.endswith(ar.words("feminine-verb-ending")) and not word.endswith(ar.words("feminine-noun-ending"))
    return cue.modality if is_finite_verb(trigger, state.view) or perfect else ""


def apodosis(state, trigger) -> str:
    """"إذا هاجمت إسرائيل المنشآت، سترد إيران بقصف تل أبيب": a main or coordinate clause right after
    an 'if' clause (and the clauses hanging on it) is what would follow: conditional too."""
    clauses = state.clauses
    if not clauses.clauses:
        return ""
    n = clauses.owner[trigger.start]
    if clauses.clauses[n].kind not in ("main", "coordinate") or n == 0:
        return ""
    for earlier in reversed(clauses.clauses[:n]):
        if earlier.kind == "conditional":
            whether = earlier.opener > 0 and cue_at(state.sentence.tokens, earlier.opener - 1, "whether") is not None
            return "" if whether else "Conditional"  # "التساؤل عما إذا كانت": whether, no 'if'

        if earlier.kind in ("main", "coordinate"):
            return ""
    return ""


def listed(state, trigger) -> bool:
    """"بهدف وقف إطلاق النار في القطاع وإدخال المساعدات والإفراج عن المحتجزين": و + a verbal noun (no
    verb's prefix or ending) is the next item of the list of goals or demands a cue before it opened."""
    word = state.sentence.tokens[trigger.start].norm[len(trigger.proclitic):]
    return (trigger.proclitic[:1] in ar.words("coordinating-clitic") and not is_finite_verb(trigger, state.view)
            and not word.endswith(ar.words("feminine-verb-ending")))


def own_cue(state, trigger) -> str:
    """A modality cue on the trigger or before it in its clause (and the clause it depends on)."""
    for cue in prefix_cues():
        if cue.phrase[0] in trigger.proclitic and (cue.on == "prefix" or hostile(trigger)):
            return cue.modality
    aim = aim_cue(state.sentence.tokens, trigger) or conditional_in(state, trigger)
    if aim:
        return aim
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
        if cue is None or cue.on == "not" or (cue.on == "before-nonhostile" and hostile(trigger)):
            continue  # no cue, or a phrase that is none (في حالة تأهب: a state, not 'in case'), or a discussed attack
        # in the trigger's clause: at most `reach` words before it; in the clause it hangs on:
        # at most `reach` words before that clause's end (right before أن)
        anchor = trigger.start if i >= clause.start else clause.start
        reach = max(cue.reach, LIST_REACH) if cue.on == "before" and cue.modality in GOALS and listed(state, trigger) \
            else cue.reach
        if anchor - (i + len(cue.phrase)) <= reach \
                and (clause.kind == "complement" or state.view.same_clause(i + len(cue.phrase), trigger.start)):
            # no comma between, but for an أن-clause (كان يستعد للسفر، أن ...): "لم تتمكن من التحقق منها، وقال" is no plan
            return negated_any(tokens, start, i) if cue.on == "any" else cue.modality
    if clause.kind == "relative" and clause.parent >= 0:
        start = clauses.clauses[clause.parent].start  # "مقترح ويتكوف الذي ينص على هدنة": the proposal's content
    return topic_cue(tokens, trigger, start) or apodosis(state, trigger)


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


def parenthetical(state, clause) -> bool:
    """"أعلنت الوزارة، اليوم الأحد، أن ...": a phrase of a few words between commas with no event in it
    stands aside: the speech verb before it still governs the أن-clause after it."""
    return (clause.kind == "main" and clause.opener < 0 and clause.end - clause.start <= PARENTHETICAL
            and not any(clause.start <= t.start < clause.end for t in state.triggers))


def resumed(state, clause) -> bool:
    """"قالت الوكالة إن قصفاً إسرائيلياً، استهدف مواقع": a verb right after a comma that closes a short
    أن-clause holding only its subject goes on with that clause: still what was said."""
    clauses = state.clauses.clauses
    n = clauses.index(clause)
    before = clauses[n - 1] if n > 0 else None
    return (clause.kind == "main" and clause.opener < 0 and before is not None and before.kind == "complement"
            and before.end - before.start <= SUBJECT_ONLY
            and any(t.start == clause.start and not t.frame.speech and not is_event_noun(t, state.view)
                    for t in state.triggers)
            and not any(before.start <= t.start < before.end and not is_noun_form(t, state.view)
                        and is_finite_verb(t, state.view) for t in state.triggers))


def continued(between, clause, target) -> bool:
    """"ذكر مسؤول أن مسلحين دخلوا المسجد وأطلقوا النار": a deed joined by و/ف after an أن-clause
    goes on with it (still what was said), not a new main clause."""
    return clause.kind == "coordinate" and not target.frame.speech \
        and any(c.kind == "complement" for c in between[:between.index(clause)])


def governor_of(state, index: int):
    """The nearest earlier trigger whose frame governs a modality and whose scope holds this one."""
    clauses, triggers = state.clauses, state.triggers
    target = triggers[index]
    mine = clauses.owner[target.start] if clauses.owner else 0
    for earlier in reversed(triggers[max(0, index - LOOKBACK):index]):
        theirs = clauses.owner[earlier.start] if clauses.owner else 0
        between = clauses.clauses[theirs + 1:mine + 1] if clauses.clauses else []
        if not all(c.kind in SUBORDINATE or parenthetical(state, c) or resumed(state, c)
                   or continued(between, c, target) for c in between):
            break  # a main or coordinate clause between: nothing further back governs this one
        if not earlier.frame.governs or (earlier.event is None and earlier.frame.scope_agent):
            continue  # a speech verb with an unnamed subject (ذكر سكان أن) still reports what follows
        theirs_region, mine_region = state.view.region[earlier.start], state.view.region[target.start]
        if theirs_region != mine_region and theirs_region >= 0:
            continue  # a verb outside quotes governs a quotation after it (دعت إلى "سحب ...")
        if theirs == mine and not earlier.frame.scope_agent and not (earlier.frame.governs == "Reported"
                                                                      and deed(target)):
            continue  # a speech verb's own object ("announced a ceasefire") is its act, not a report;
            # a strike it names (أعلن الجيش إسقاط طائرات، كشفت مصادر عن قصف) is reported: no one strikes by saying so
        if earlier.frame.scope_agent and any(contrasted(state, c) for c in between):
            break  # "طالبوا بالإفراج عنهم فيما تم الإفراج عن سبعة": a fact set beside the demand
        if earlier.frame.governs in WISHES + THREATS and any(c.kind == "relative" for c in between):
            break  # "دعت إلى الإفراج عن الرهائن الذين تحتجزهم حماس": the holding is a fact, not wished for;
            # so is the attack in "هدد بالانتقام لمقتل عناصره في الهجوم الذي شنته X": done, not threatened
        return earlier
    return None


def threatened_object(state, governor, trigger) -> bool:
    """"هددت الجماعة بقصف مواقع الجيش الأمريكي": a verbal noun a threat governs in its own clause is
    the threatener's act; the name after the noun is what it would strike, not who would strike."""
    if governor.frame.scope_agent != "agent" or governor.frame.governs not in THREATS or governor.event is None:
        return False
    event, owner = trigger.event, state.clauses.owner
    same = not owner or owner[governor.start] == owner[trigger.start]
    return (same and is_noun_form(trigger, state.view) and bool(governor.event.agents) and bool(event.agents)
            and not set(event.agents) & set(governor.event.agents))


@per_sentence
def attribution(tokens) -> tuple[int, int] | None:
    """The span of a source named for the sentence (بحسب المرصد، حسبما أفاد، نقلاً عن), or None
    (once per sentence: every trigger of it asks)."""
    clitics = ar.words("coordinating-clitic")
    starts = set(phrase_starts(tokens, cues_on("not-attribution"), clitics))
    starts.update(phrase_starts(tokens, cues_on("attribution"), clitics))
    for i in sorted(starts):  # elsewhere neither kind of cue begins
        if cue_at(tokens, i, "not-attribution") is not None:
            continue  # "وفق الاتفاق": by the agreement, no source
        cue = cue_at(tokens, i, "attribution")
        if cue is not None:
            return i, i + len(cue.phrase)
    return None


def attributed(state, trigger) -> bool:
    """"قصفت القوات بلدة، بحسب المرصد" / "بحسب بيان الجماعة، قصفت ...": the narrator's events in a
    sentence that names its source are reported; the attribution's own words (حسبما أفاد) are not."""
    span = attribution(state.sentence.tokens)
    if span is None:
        return False
    start, end = span
    return not start <= trigger.start <= end  # the attribution word, or the speech verb right after it


def spare_wisher(state, index: int) -> None:
    """"شدد لافروف على ضرورة انسحاب القوات": who demands an act is not who is to do it; an agent
    the demanded act took from the nearest earlier speech or appeal verb's actor is dropped."""
    event = state.triggers[index].event
    if "+scope-" in event.rule:
        return
    for earlier in reversed(state.triggers[:index]):
        if earlier.frame.speech and earlier.event is not None and earlier.event.agents:
            if set(event.agents) & set(earlier.event.agents):
                event.agents = [k for k in event.agents if k not in earlier.event.agents]
                event.rule = event.rule.replace("+pro-drop", "") + "+not-wisher"
            return


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
        elif attributed(state, trigger):
            event.modality = "Reported"
        if governor is not None and governor.frame.scope_agent and (not event.agents or "+pro-drop" in event.rule):
            source = governor.event.agents if governor.frame.scope_agent == "agent" else governor.event.targets
            if source:
                event.agents = [k for k in source if k not in event.targets]
                event.rule = event.rule.replace("+pro-drop", "") + f"+scope-{governor.frame.scope_agent}"
        elif governor is not None and threatened_object(state, governor, trigger):
            event.targets = event.agents + [k for k in event.targets if k not in event.agents]
            event.agents = list(governor.event.agents)
            event.rule += "+threatener"
        if event.modality == "Demanded" and event.agents:
            spare_wisher(state, index)
