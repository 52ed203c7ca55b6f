"""The victims of an act are its target: "قتل ثلاثة جنود أميركيين في هجوم شنته الحركة".

Why: news names whom an attack hit through its toll ("مقتل 4 من عناصر الجيش في هجوم"، "هجوم ...
أسفر عن مقتل جنديين عراقيين"), so the attack's own clause holds no object; the casualty report
of the same sentence has the victims' side (their nisba, or من + the force). An act of violence
with no target takes the sides of a casualty report that it caused: the report's words lie right
before the act noun's cause preposition (قتل X في/جراء/إثر هجوم) or right after a result verb that
follows the act (هجوم ... أسفر عن/أدى إلى مقتل X), within LINK_REACH words. Words: kg/lang/ar/words.tsv
(toll-cause, toll-result).
"""
from __future__ import annotations

from kg.graph.vocabulary import event_kind, violence_family
from kg.lang import ar
from kg.model import Event, Sentence
from kg.text.clitics import proclitic_variants

LINK_REACH = 12  # words between a casualty count and the act that caused it
CAUSE_GAP = 2  # words between a result verb and the act noun after it (أسفر هجوم انتحاري)
ACT_PHRASE = 4  # words from the act noun to the act's trigger (بانفجار عبوة ناسفة استهدفت)


def victims_as_targets(sentence: Sentence, frame_events: list[Event], casualties: list[Event]) -> None:
    """Fill the targets of the sentence's targetless acts of violence from the tolls they caused."""
    tokens = sentence.tokens
    index = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    for act in frame_events:
        kind = event_kind(act.type)
        if act.targets or not kind.hostile or kind.family != violence_family() or act.start not in index:
            continue
        first = index[act.start]
        last = ends.get(act.end, first)
        sides: list[str] = []
        for toll in casualties:
            if not toll.sides or toll.start not in index or toll.end not in ends:
                continue
            if caused(tokens, index[toll.start], ends[toll.end], first, last, frame_events, act):
                sides += [s for s in toll.sides if s not in act.agents and s not in sides]
        if sides:
            act.targets = sides
            act.rule += "+victims"


def caused(tokens, toll_first: int, toll_last: int, act_first: int, act_last: int,
           events: list[Event], act: Event) -> bool:
    """The toll at tokens toll_first..toll_last was caused by the act at act_first..act_last."""
    if toll_last < act_first:  # "قتل X في هجوم": a cause preposition right before the act noun
        if act_first - toll_last > LINK_REACH:
            return False
        return cause_before(tokens, toll_last, act_first) and not other_act_between(events, act, tokens, toll_last, act_first)
    if act_last < toll_first:  # "هجوم ... أسفر عن مقتل X"
        if toll_first - act_last > LINK_REACH:
            return False
        # (or the act is the subject of the result verb before it: "أسفر هجوم انتحاري عن مقتل")
        return (any(is_result(tokens[k].norm) for k in range(act_last + 1, toll_first)) \
            or any(is_result(tokens[k].norm) for k in range(max(act_first - CAUSE_GAP, 0), act_first))) \
            and not other_act_between(events, act, tokens, act_last, toll_first)
    return False


def cause_before(tokens, toll_last: int, act_first: int) -> bool:
    """Between the toll and the act trigger, a cause preposition on or right before an act noun that
    the act's trigger is part of or follows closely ("في هجوم شنه"، "بانفجار عبوة ناسفة استهدفت")."""
    for k in range(act_first, max(toll_last, act_first - ACT_PHRASE - 1), -1):
        if has_cause_clitic(tokens[k].norm) and is_act_noun(tokens, k):
            return True
        if tokens[k].norm in ar.keys("toll-cause") and k + 1 <= act_first and is_act_noun(tokens, k + 1):
            return True
    return False


def is_act_noun(tokens, k: int) -> bool:
    """A hostile act's noun at token k: a hostile frame form (انفجار، غارة) or an act noun (هجوم)."""
    from kg.extract.frames import frame_index

    if any(stem in ar.keys("condemned-act") for stem, _ in proclitic_variants(tokens[k].norm)):
        return True
    return any(event_kind(m.value.event).hostile and event_kind(m.value.event).family == violence_family()
               for m in frame_index().match_at(tokens, k))


def is_result(word: str) -> bool:
    return any(stem in ar.keys("toll-result") for stem, _ in proclitic_variants(word))


def has_cause_clitic(word: str) -> bool:
    """"بهجوم"، "بانفجار": the act noun carries the cause preposition itself."""
    return any(clitic.endswith(tuple(ar.words("toll-cause-clitic"))) for _, clitic in proclitic_variants(word)[1:])


def other_act_between(events: list[Event], act: Event, tokens, first: int, last: int) -> bool:
    """Another event of violence between the toll and the act: the toll is that one's."""
    low, high = tokens[first].start, tokens[last].start
    return any(e is not act and low < e.start < high and event_kind(e.type).family == violence_family() for e in events)
