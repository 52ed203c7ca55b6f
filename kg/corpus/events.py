"""Event coreference across documents: several reports of one event become one canonical event.

Two reports may be one event when they are of one family (the ontology's kg:eventFamily) and of
compatible classes, their dates overlap (each date is a window that widens as its precision falls:
an exact day, "أمس" or a weekday, the publication date alone), and nothing they name contradicts
the other: not two different towns, not two unrelated targets, not killed against wounded. They
are one when, besides, enough names agree (a score over shared towns, targets, agents, sides).

Reports are clustered by complete link: a report joins a cluster only if it is compatible with
every report already in it, best-scoring pairs first, ties broken by the reports' ids. The input is
sorted first, so the clusters do not depend on document order. Blocking by (family, place or
actor) keeps the number of compared pairs small on a large corpus.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from kg.data import alternatives, read_tsv

from kg.corpus.entities import Actors
from kg.corpus.summary import CANDIDATE_MODALITIES, EventInfo

# Days either side of a date, by how it was found; two reports may be one event when their windows
# come within TOLERANCE days of each other (outlets in other time zones, a night strike).
WINDOW = {"day": 0, "relative": 1, "weekday": 1}
DOCUMENT_LAG = 3  # a report with no date of its own happened up to this many days before publication
TOLERANCE = timedelta(days=1)
DATED = frozenset(WINDOW)  # precisions that name a day of their own (not the publication date)
MERGE_SCORE = 3  # evidence needed to call two compatible reports one event
SPECIFIC_PLACE = 2  # same town, region or camp
COARSE_PLACE = 1  # same country only
SHARED_ACTOR = 2
RELATED_ACTOR = 1
SAME_CLASS = 1
SAME_DAY = 1
AGENT_CONFLICT = -1  # different agents in one town: one event, blamed on different actors
REPORTER_FAMILIES = frozenset({"CasualtyFamily"})  # the agent is whoever reports, not who acted
GENERIC_CLASSES = frozenset({"Event", "Statement"})  # too vague to stand for one event
COARSE_PLACES = ("State", "Region")  # place classes too wide to tell two events apart or together
STATE_SIDE = ("Person", "GovernmentBody", "ArmedForce")  # actor classes that speak for their state
ROOT_CLASSES = frozenset({"Event", "Tie"})  # a parent below these makes two classes one kind of event


@lru_cache(maxsize=1)
def same_event_pairs() -> tuple[tuple[str, str], ...]:
    """Class pairs that may name one event (kg/data/corpus/classes.tsv), checked against the ontology."""
    from kg.graph.vocabulary import check_term

    pairs = []
    for row in read_tsv("corpus/classes.tsv"):
        check_term("event", row["class"], getattr(row, "where", "corpus/classes.tsv"))
        for other in alternatives(row["same_event_as"]):
            check_term("event", other, getattr(row, "where", "corpus/classes.tsv"))
            pairs.append((row["class"], other))
    return tuple(pairs)


@lru_cache(maxsize=1)
def mutual_classes() -> tuple[str, ...]:
    """Classes whose agents are all its sides (kg/data/corpus/mutual.tsv)."""
    from kg.graph.vocabulary import check_term

    for row in read_tsv("corpus/mutual.tsv"):
        check_term("event", row["class"], getattr(row, "where", "corpus/mutual.tsv"))
    return tuple(row["class"] for row in read_tsv("corpus/mutual.tsv"))


@dataclass(frozen=True)
class Verdict:
    ok: bool
    score: int = 0
    blame: bool = False  # compatible although their agents differ


NO = Verdict(False)


def window(event: EventInfo) -> tuple[date, date] | None:
    if event.date is None:
        return None
    if event.precision == "document":
        return event.date - timedelta(days=DOCUMENT_LAG), event.date
    slack = timedelta(days=WINDOW.get(event.precision, 1))
    return event.date - slack, event.date + slack


def dates_meet(a: EventInfo, b: EventInfo) -> bool:
    """Their windows come within TOLERANCE of each other; an undated report (no date in its sentence
    and no publication date) meets nothing: it gives no evidence of when."""
    wa, wb = window(a), window(b)
    if wa is None or wb is None:
        return False
    return wa[0] <= wb[1] + TOLERANCE and wb[0] <= wa[1] + TOLERANCE


class Coreference:
    """Pairwise compatibility and evidence between two reports, given the resolved actors."""

    def __init__(self, actors: Actors, place_types: frozenset[str], vocabulary) -> None:
        self.actors = actors
        self.place_types = place_types
        self.is_a = vocabulary.is_a  # is_a(class, ancestor) from the ontology
        self.ancestors = vocabulary.ancestors
        self._fits: dict[tuple[str, str], bool] = {}

    def side(self, key: str) -> str:
        """The state a person, government body or state army speaks for (itself for an armed group,
        an international body or a place without a state)."""
        key = self.actors.canon(key)
        for _ in range(6):
            info = self.actors.infos.get(key)
            if info is None or info.type == "State" or not any(self.is_a(info.type, c) for c in STATE_SIDE):
                return key
            parent = info.part_of or info.country
            if not parent:
                return key
            key = self.actors.canon(parent)
        return key

    def canon(self, keys: Iterable[str]) -> set[str]:
        return {self.actors.canon(k) for k in keys}

    def specific(self, key: str) -> bool:
        """A town, camp or district (a state or a region the size of the Gaza Strip is no evidence
        that two reports are of one strike)."""
        kind = self.actors.type_of(key)
        return kind in self.place_types and kind not in COARSE_PLACES

    def places(self, a: EventInfo, b: EventInfo) -> int | None:
        """Evidence from places: None if they name different towns (or unrelated countries)."""
        pa, pb = self.canon(a.places or a.context), self.canon(b.places or b.context)
        if not pa or not pb:
            return 0
        sa, sb = {p for p in pa if self.specific(p)}, {p for p in pb if self.specific(p)}
        if sa and sb:
            if any(self.actors.related(x, y) for x in sa for y in sb):
                return SPECIFIC_PLACE
            return None
        if sa or sb:  # a town on one side, only states on the other: the town must be in one of them
            towns, states = (sa, pb) if sa else (sb, pa)
            return COARSE_PLACE if any(self.actors.related(t, s) for t in towns for s in states) else None
        if any(self.actors.related(x, y) for x in pa for y in pb):
            return COARSE_PLACE
        return None

    def roles(self, xs: Iterable[str], ys: Iterable[str]) -> int | None:
        """Evidence from two sets of actors: shared, related, none named, or None (conflict)."""
        xa, ya = self.canon(xs), self.canon(ys)
        if not xa or not ya:
            return 0
        if xa & ya:
            return SHARED_ACTOR
        if any(self.actors.related(x, y) for x in xa for y in ya):
            return RELATED_ACTOR
        return None

    def classes_fit(self, a: EventInfo, b: EventInfo) -> bool:
        """One family, and the same class, one under the other, a common parent below kg:Event,
        or a pair from kg/data/corpus/classes.tsv (a violation reported as an attack)."""
        if a.family != b.family or a.type in GENERIC_CLASSES or b.type in GENERIC_CLASSES:
            return False
        if a.type == b.type or a.family in REPORTER_FAMILIES:
            return True
        key = (a.type, b.type) if a.type < b.type else (b.type, a.type)
        fit = self._fits.get(key)
        if fit is None:
            fit = self._fits[key] = self.related_classes(a.type, b.type)
        return fit

    def mutual(self, cls: str) -> bool:
        return any(self.is_a(cls, m) for m in mutual_classes())

    def related_classes(self, x: str, y: str) -> bool:
        up_x, up_y = set(self.ancestors(x)) - ROOT_CLASSES, set(self.ancestors(y)) - ROOT_CLASSES
        if up_x & up_y:
            return True
        return any((self.is_a(x, p) and self.is_a(y, q)) or (self.is_a(y, p) and self.is_a(x, q))
                   for p, q in same_event_pairs())

    def judge(self, a: EventInfo, b: EventInfo) -> Verdict:
        if not self.classes_fit(a, b) or not dates_meet(a, b):
            return NO
        if a.casualty_type and b.casualty_type and a.casualty_type != b.casualty_type:
            return NO
        if a.doc == b.doc and a.sentence == b.sentence and None not in (a.count, b.count) and a.count != b.count:
            return NO  # two numbers in one sentence count two things (soldiers and civilians)
        place = self.places(a, b)
        targets = self.roles(a.targets, b.targets)
        if place is None or targets is None:
            return NO
        score = place + targets + (SAME_CLASS if a.type == b.type else 0)
        if a.date and b.date and a.date == b.date and a.precision in DATED and b.precision in DATED:
            score += SAME_DAY
        blame = False
        if a.family in REPORTER_FAMILIES:
            sides = self.roles(a.sides, b.sides)
            if sides is None:
                return NO
            score += min(sides, RELATED_ACTOR)
        else:
            agents = self.roles(a.agents, b.agents)
            if agents is None and (self.mutual(a.type) or self.mutual(b.type)):
                agents = 0
            if agents is None:
                if place < SPECIFIC_PLACE:
                    return NO
                blame, agents = True, AGENT_CONFLICT
            score += agents
        return Verdict(True, score, blame)


@dataclass(frozen=True)
class Cluster:
    """Reports of one event (sorted), and whether sources blame different actors."""

    reports: tuple[EventInfo, ...]


def anchors(event: EventInfo, coref: Coreference) -> set[str]:
    """Names a report shares with its other reports: blocking keys (places, targets, actors)."""
    keys = coref.canon(event.places or event.context) | coref.canon(event.targets) | coref.canon(event.sides)
    if event.family not in REPORTER_FAMILIES:
        keys |= coref.canon(event.agents)
    return keys | {coref.side(k) for k in keys}


def candidates(events: list[EventInfo], coref: Coreference) -> list[tuple[int, int]]:
    """Index pairs worth judging: same family, a shared anchor, dates within reach."""
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, event in enumerate(events):
        for anchor in anchors(event, coref):
            blocks.setdefault((event.family, anchor), []).append(i)
    reach = timedelta(days=2 * max(WINDOW.values()) + DOCUMENT_LAG) + TOLERANCE
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        members.sort(key=lambda i: (events[i].date or date.min, i))
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                if events[i].date and events[j].date and events[j].date - events[i].date > reach:
                    break
                pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def cluster_events(events: Iterable[EventInfo], coref: Coreference) -> list[Cluster]:
    """Clusters of two or more reports, in a canonical order (by their first report)."""
    reports = sorted((e for e in events if e.modality in CANDIDATE_MODALITIES and e.type not in GENERIC_CLASSES),
                     key=lambda e: e.ref)
    judged: dict[tuple[int, int], Verdict] = {}
    scored = []
    for i, j in candidates(reports, coref):
        verdict = coref.judge(reports[i], reports[j])
        judged[(i, j)] = verdict
        if verdict.ok and verdict.score >= MERGE_SCORE:
            scored.append((-verdict.score, i, j))
    scored.sort()
    home = list(range(len(reports)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(reports))}

    def fits(x: int, y: int) -> bool:
        pair = (min(x, y), max(x, y))
        verdict = judged.get(pair)
        if verdict is None:
            verdict = judged[pair] = coref.judge(reports[pair[0]], reports[pair[1]])
        return verdict.ok

    for _, i, j in scored:
        ci, cj = home[i], home[j]
        if ci == cj or not all(fits(x, y) for x in members[ci] for y in members[cj]):
            continue
        keep, gone = min(ci, cj), max(ci, cj)
        for x in members[gone]:
            home[x] = keep
        members[keep].extend(members.pop(gone))
    return [Cluster(tuple(sorted((reports[i] for i in m), key=lambda e: e.ref)))
            for _, m in sorted(members.items()) if len(m) > 1]
