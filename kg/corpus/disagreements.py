"""Disagreements between sources about one event: each says who says what.

- count: the reports of one canonical casualty event give different numbers;
- blame: the reports of one hostile event name different, unrelated agents;
- denial: an actor denies an accusation made against it (or an attack attributed to it).

Sources disagree; the graph does not decide who is right. Each disagreement keeps every position
with its report (document, sentence, outlet, claim) so a reader can weigh them.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from kg.corpus.events import DOCUMENT_LAG, TOLERANCE, WINDOW, Coreference, dates_meet
from kg.corpus.summary import DENIAL_MODALITY, EventInfo

COUNT, BLAME, DENIAL = "CountDisagreement", "BlameDisagreement", "DenialDisagreement"
ACCUSATION, DENIAL_CLASS = "Accusation", "Denial"
REACH = timedelta(days=2 * max(WINDOW.values()) + DOCUMENT_LAG) + 2 * TOLERANCE  # beyond it no dates meet


@dataclass(frozen=True)
class Position:
    """What one report says: a count, the actors it blames, or that it accuses or denies."""

    report: EventInfo
    stance: str  # "reports", "blames", "accuses", "denies"
    count: int | None = None
    blames: tuple[str, ...] = ()


@dataclass(frozen=True)
class Disagreement:
    kind: str
    unit: int  # index of the unit (canonical event or lone report) it is about
    positions: tuple[Position, ...]


def find_disagreements(units: list[tuple[EventInfo, ...]], coref: Coreference, hostile,
                       denials: list[EventInfo]) -> list[Disagreement]:
    """units: the canonical events' reports and the lone reports, in canonical order; hostile(type)
    says whether a class is hostile; denials: denial events and events reported as denied."""
    found = [d for i, unit in enumerate(units) for d in (count_disagreement(i, unit), blame_disagreement(i, unit, coref, hostile)) if d]
    found.extend(denial_disagreements(units, coref, hostile, denials))
    return found


def count_disagreement(index: int, unit: tuple[EventInfo, ...]) -> Disagreement | None:
    counted = [r for r in unit if r.count is not None]
    if len({r.count for r in counted}) < 2 or len({r.doc for r in counted}) < 2:
        return None
    return Disagreement(COUNT, index, tuple(Position(r, "reports", count=r.count) for r in counted))


def blame_disagreement(index: int, unit: tuple[EventInfo, ...], coref: Coreference, hostile) -> Disagreement | None:
    blamed = [r for r in unit if r.agents and hostile(r.type) and r.family != "CasualtyFamily"
              and not coref.mutual(r.type)]
    if len(blamed) < 2:
        return None
    sets = {tuple(sorted(coref.canon(r.agents))) for r in blamed}
    if not any(coref.roles(a, b) is None for a in sets for b in sets if a < b):
        return None
    return Disagreement(BLAME, index, tuple(Position(r, "blames", blames=tuple(sorted(coref.canon(r.agents))))
                                            for r in blamed))


def denial_disagreements(units, coref: Coreference, hostile, denials: list[EventInfo]) -> list[Disagreement]:
    """Each accusation (or hostile event) that a denial answers, with the accusers and the deniers."""
    answered: dict[int, list[EventInfo]] = {}
    index = UnitIndex(units)
    naming = units_by_actor(units, coref)
    for denial in sorted(denials, key=lambda e: e.ref):
        named = set().union(*(naming.get(k, ()) for k in actor_keys(coref.canon(denial.agents), coref)))
        near = [i for i in index.near(denial) if i in named]
        target = answered_unit(denial, near, units, coref, hostile)
        if target is not None:
            answered.setdefault(target, []).append(denial)
    out = []
    for index in sorted(answered):
        unit = units[index]
        stance = "accuses" if any(coref.is_a(r.type, ACCUSATION) for r in unit) else "blames"
        positions = [Position(r, stance, blames=tuple(sorted(coref.canon(r.targets if stance == "accuses"
                                                                          else r.agents)))) for r in unit]
        positions += [Position(d, "denies") for d in answered[index]]
        out.append(Disagreement(DENIAL, index, tuple(positions)))
    return out


class UnitIndex:
    """Units by date, so a denial is compared with the units of its days only (not the corpus).

    Units whose reports span at most `SHORT` are found by two binary searches on their first date
    (a unit ending after `low` began after `low - SHORT`); the few longer or undated ones are
    checked one by one. A scan of every earlier unit per denial made the stage quadratic."""

    SHORT = 2 * REACH

    def __init__(self, units) -> None:
        short, self.long = [], []
        for i, unit in enumerate(units):
            dates = [r.date for r in unit if r.date is not None]
            first, last = (min(dates), max(dates)) if dates else (date.min, date.max)
            (short if dates and last - first <= self.SHORT else self.long).append((first, last, i))
        self.short = sorted(short)
        self.starts = [s[0] for s in self.short]

    def near(self, event: EventInfo) -> list[int]:
        if event.date is None:
            return sorted([s[2] for s in self.short] + [s[2] for s in self.long])
        low, high = event.date - REACH, event.date + REACH
        begin = bisect_left(self.starts, low - self.SHORT) if low > date.min + self.SHORT else 0
        end = bisect_right(self.starts, high)
        found = [i for start, stop, i in self.short[begin:end] if stop >= low]
        found += [i for start, stop, i in self.long if start <= high and stop >= low]
        return sorted(found)


def actor_keys(keys: set[str], coref: Coreference) -> set[str]:
    """What `accused` can relate an actor by: itself and its ancestors (part of, country), and its
    side. Two related actors share one of these keys, and so do two of one side."""
    out: set[str] = set()
    for key in keys:
        out |= coref.actors.ancestors(key)
        out.add(coref.side(key))
    return out


def units_by_actor(units, coref: Coreference) -> dict[str, set[int]]:
    """The units that name an actor (as agent or target) under each of its keys, so a denial is
    weighed only against units that name someone related to the denier (not every unit of its days)."""
    naming: dict[str, set[int]] = {}
    for i, unit in enumerate(units):
        named = {k for report in unit for k in coref.canon(report.agents) | coref.canon(report.targets)}
        for key in actor_keys(named, coref):
            naming.setdefault(key, set()).add(i)
    return naming


def answered_unit(denial: EventInfo, near: list[int], units, coref: Coreference, hostile) -> int | None:
    """The unit a denial answers: an accusation against the denier, else (for a denied event or a
    bare denial) a hostile event attributed to the denier; accusations first, then one sharing the
    denial's document, then the most reported."""
    deniers = coref.canon(denial.agents)
    if not deniers:
        return None
    best = None
    for index in near:
        unit = units[index]
        first = unit[0]
        if any(r.ref == denial.ref for r in unit):
            continue
        if not any(dates_meet(denial, r) for r in unit):
            continue
        if denial.modality == DENIAL_MODALITY:
            fits = any(coref.judge(denial, r).ok for r in unit) and accused(unit, deniers, coref, agents=True)
        elif coref.is_a(first.type, ACCUSATION):
            fits = accused(unit, deniers, coref, agents=False)
        elif coref.is_a(denial.type, DENIAL_CLASS) and hostile(first.type) and first.family != "CasualtyFamily":
            fits = accused(unit, deniers, coref, agents=True) and coref.places(denial, first) is not None
        else:
            fits = False
        if not fits:
            continue
        rank = (not coref.is_a(first.type, ACCUSATION), not any(r.doc == denial.doc for r in unit), -len(unit), index)
        if best is None or rank < best[0]:
            best = (rank, index)
    return best[1] if best else None


def accused(unit, deniers: set[str], coref: Coreference, agents: bool) -> bool:
    """The unit names a denier as its target (an accusation) or as its agent (an attack)."""
    for report in unit:
        named = coref.canon(report.agents if agents else report.targets)
        if any(coref.actors.related(d, n) or coref.side(d) == coref.side(n) for d in deniers for n in named):
            return True
    return False
