"""Which phrase tables may begin a phrase at each token: one pass a sentence for all of them.

The readers walk every token of a sentence asking one table each (date words, number words, tie
markers, casualty words...), and at most tokens the answer is "nothing starts here". A word's
answer for every table at once is a bit mask, worked out once per word key; a sentence's masks
are one dictionary lookup a token, kept with the sentence; each table's start positions are then
read off the masks. A table takes part once it is asked (`positions`); adding a phrase to one
that takes part starts the masks afresh.
"""
from __future__ import annotations

from typing import Protocol

from kg.model import Token
from kg.text.memo import per_sentence

MAX_TABLES = 60  # bits of a mask; past that the tables are registered afresh


class Table(Protocol):
    """What a phrase table gives: its count of phrases and whether a word key begins one."""

    added: int

    def begins(self, word: str) -> bool: ...


class Starts:
    """The tables taking part, their bits, and each word key's mask."""

    def __init__(self) -> None:
        self.tables: dict[int, tuple[Table, int, int]] = {}  # id -> (table, bit, phrases when masks were made)
        self.masks: dict[str, int] = {}
        self.generation = 0  # changes whenever the masks are started afresh

    def bit(self, table: Table) -> int:
        entry = self.tables.get(id(table))
        if entry is not None and entry[0] is table and entry[2] == table.added:
            return entry[1]
        if entry is None or entry[0] is not table:
            if len(self.tables) >= MAX_TABLES:
                self.tables.clear()
            taken = {bit for _, bit, _ in self.tables.values()}
            bit = next(1 << n for n in range(MAX_TABLES) if 1 << n not in taken)
        else:
            bit = entry[1]
        self.tables[id(table)] = (table, bit, table.added)
        self.masks.clear()
        self.generation += 1
        return bit

    def mask(self, word: str) -> int:
        mask = 0
        for table, bit, _ in self.tables.values():
            if table.begins(word):
                mask |= bit
        self.masks[word] = mask
        return mask


STARTS = Starts()


LAST: list = [None, -1, {}]  # the sentence asked last: its tokens, the generation, its starts


@per_sentence
def sentence_starts(tokens: list[Token], generation: int) -> dict[int, tuple[int, ...]]:
    """Each table's bit -> the tokens at which it may begin: one pass a sentence for every table
    taking part (one mask lookup a token; a word that begins nothing costs no more)."""
    masks, compute = STARTS.masks, STARTS.mask
    found: dict[int, list[int]] = {}
    for i, token in enumerate(tokens):
        mask = masks.get(token.norm)
        if mask is None:
            mask = compute(token.norm)
        while mask:
            low = mask & -mask
            at = found.get(low)
            if at is None:
                found[low] = [i]
            else:
                at.append(i)
            mask ^= low
    return {bit: tuple(at) for bit, at in found.items()}


def positions(tokens: list[Token], table: Table) -> tuple[int, ...]:
    """The tokens of a sentence at which a phrase of `table` may begin, in order."""
    bit = STARTS.bit(table)
    last = LAST
    if last[0] is not tokens or last[1] != STARTS.generation:  # the readers ask of one sentence in a row
        last[0], last[1], last[2] = tokens, STARTS.generation, sentence_starts(tokens, STARTS.generation)
    return last[2].get(bit, ())
