"""Work done once per sentence: a pure function of a token list (or a sentence), remembered for
the last few lists it was asked about, so a reader that asks it at every event or token of a
sentence pays for it once. Keyed by identity (token lists and sentences are not changed once
made); the objects are held, so an id is never another object's."""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

R = TypeVar("R")
KEPT = 8  # sentences remembered; the readers work on one sentence at a time


def per_sentence(function: Callable[..., R]) -> Callable[..., R]:
    """Remember `function(first, *rest)` by the identity of `first` and the value of `rest`."""
    memo: dict[tuple, tuple[object, R]] = {}

    @wraps(function)
    def remembered(first, *rest):
        key = (id(first), *rest)
        hit = memo.get(key)
        if hit is not None and hit[0] is first:
            return hit[1]
        if len(memo) >= KEPT:
            memo.clear()
        value = function(first, *rest)
        memo[key] = (first, value)
        return value

    remembered.cache_clear = memo.clear  # type: ignore[attr-defined]
    return remembered
