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
    """Remember `function(first, *rest)` by the identity of `first` and the value of `rest`
    (hashable): what is asked of one sentence at several of its tokens is kept with it."""
    memo: dict[int, tuple[object, dict[tuple, R]]] = {}

    @wraps(function)
    def remembered(first, *rest):
        kept = memo.get(id(first))
        if kept is None or kept[0] is not first:
            if len(memo) >= KEPT:
                memo.clear()
            kept = memo[id(first)] = (first, {})
        values = kept[1]
        if rest in values:
            return values[rest]
        value = values[rest] = function(first, *rest)
        return value

    remembered.cache_clear = memo.clear  # type: ignore[attr-defined]
    return remembered
