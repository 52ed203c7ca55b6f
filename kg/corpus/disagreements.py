"""Disagreements between sources about one event: each says who says what.

- count: the reports of one canonical casualty event give different numbers;
- blame: the reports of one hostile event name different, unrelated agents;
- denial: an actor denies an accusation made against it (or an attack attributed to it).

Sources disagree; the graph does not decide who is right. Each disagreement keeps every position
with its report (document, sentence, outlet, claim) so a reader can weigh them.
"""
from __future__ import annotations

from bisect import bisect_right
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
    for denial in sorted(denials, key=lambda e: e.ref):
        target = answered_unit(denial, index.near(denial), units, coref, hostile)
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
    """Units by date, so a denial is compared with the units of its days only (not the corpus)."""

    def __init__(self, units) -> None:
        spans = []
        for i, unit in enumerate(units):
            dates = [r.date for r in unit if r.date is not None]
            spans.append((min(dates) if dates else date.min, max(dates) if dates else date.max, i))
        self.spans = sorted(spans)
        self.starts = [s[0] for s in self.spans]

    def near(self, event: EventInfo) -> list[int]:
        if event.date is None:
            return sorted(s[2] for s in self.spans)
        low, high = event.date - REACH, event.date + REACH
        end = bisect_right(self.starts, high)
        return sorted(i for start, stop, i in self.spans[:end] if stop >= low)


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
