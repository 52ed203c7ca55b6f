"""Tokens by character offset: which token starts at, follows or ends before an offset.

The readers ask a sentence's tokens about an event's offsets many times a sentence ("the two
words after the verb", "the word before the quotation"); a scan over the sentence for each
question is linear in it, where a binary search over its token starts and ends (worked out once
a sentence and kept with it) is not. Tokens are in text order and do not overlap, so starts and
ends both ascend.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from kg.model import Token
from kg.text.memo import per_sentence


@per_sentence
def starts(tokens: list[Token]) -> list[int]:
    return [t.start for t in tokens]


@per_sentence
def ends(tokens: list[Token]) -> list[int]:
    return [t.end for t in tokens]


def first_from(tokens: list[Token], offset: int) -> int:
    """The index of the first token starting at or after `offset` (len(tokens) if none)."""
    return bisect_left(starts(tokens), offset)


def following(tokens: list[Token], offset: int, count: int | None = None) -> list[Token]:
    """The tokens starting at or after `offset`, the first `count` of them (all if None):
    `[t for t in tokens if t.start >= offset][:count]`."""
    k = bisect_left(starts(tokens), offset)
    return tokens[k:] if count is None else tokens[k:k + count]


def after(tokens: list[Token], offset: int) -> list[Token]:
    """The tokens starting after `offset`: `[t for t in tokens if t.start > offset]`."""
    return tokens[bisect_right(starts(tokens), offset):]


def next_token(tokens: list[Token], offset: int) -> Token | None:
    """The first token starting at or after `offset`, or None."""
    k = bisect_left(starts(tokens), offset)
    return tokens[k] if k < len(tokens) else None


def preceding(tokens: list[Token], offset: int, count: int | None = None) -> list[Token]:
    """The tokens ending at or before `offset`, the last `count` of them (all if None):
    `[t for t in tokens if t.end <= offset][-count:]`."""
    k = bisect_right(ends(tokens), offset)
    return tokens[:k] if count is None else tokens[max(k - count, 0):k]


def index_at(tokens: list[Token], offset: int) -> int | None:
    """The index of the token starting exactly at `offset`, or None."""
    k = bisect_left(starts(tokens), offset)
    return k if k < len(tokens) and tokens[k].start == offset else None


def token_at(tokens: list[Token], offset: int) -> Token | None:
    """The token starting exactly at `offset`, or None."""
    k = index_at(tokens, offset)
    return tokens[k] if k is not None else None
