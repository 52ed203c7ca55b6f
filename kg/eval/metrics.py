"""Precision, recall and F1 from counts, and the matching that produces the counts.

Why counts and not ratios: micro-averaging sums true/false positives and misses over articles,
so a long article weighs more than a short one, as it should for corpus-level quality.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

G = TypeVar("G")
P = TypeVar("P")


@dataclass
class Score:
    """Counts for one category; `misses` and `false_positives` say which items, for a person."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    recall_only: bool = False  # the gold cannot judge predictions (devset keyword paths)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        if self.recall_only:
            return None
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: Score) -> Score:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.recall_only = self.recall_only or other.recall_only
        return self

    def summary(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": rounded(self.precision),
                "recall": rounded(self.recall), "f1": rounded(self.f1)}


def rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def micro(scores: Sequence[Score]) -> Score:
    total = Score()
    for score in scores:
        total += score
    return total


def set_score(gold: set, predicted: set, describe: Callable[[object], str] = str,
              optional: set | None = None) -> Score:
    """Exact set comparison; items in `optional` count neither as hits nor as errors."""
    optional = optional or set()
    score = Score(tp=len(gold & predicted))
    missed = sorted(gold - predicted)
    extra = sorted(predicted - gold - optional)
    score.fn, score.fp = len(missed), len(extra)
    score.misses = [describe(item) for item in missed]
    score.false_positives = [describe(item) for item in extra]
    return score


def max_matching(gold: Sequence[G], predicted: Sequence[P], fits: Callable[[G, P], bool]) -> dict[int, int]:
    """A largest one-to-one pairing gold index -> predicted index (Kuhn's augmenting paths).

    Why not greedy: a gold relation with any object ("o": null) must not take the only
    prediction that a more specific gold relation needs.
    """
    options = [[j for j, p in enumerate(predicted) if fits(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in sorted(range(len(gold)), key=lambda i: len(options[i])):  # the choosiest first, for the misses
        augment(i, set())
    return {i: j for j, i in owner.items()}


def matched_score(gold: Sequence[G], predicted: Sequence[P], fits: Callable[[G, P], bool],
                  describe_gold: Callable[[G], str], describe_predicted: Callable[[P], str]) -> Score:
    pairs = max_matching(gold, predicted, fits)
    used = set(pairs.values())
    score = Score(tp=len(pairs), fn=len(gold) - len(pairs), fp=len(predicted) - len(used))
    score.misses = [describe_gold(g) for i, g in enumerate(gold) if i not in pairs]
    score.false_positives = [describe_predicted(p) for j, p in enumerate(predicted) if j not in used]
    return score
