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


@per_sentence
def sentence_masks(tokens: list[Token], generation: int) -> list[int]:
    """Each token's mask: one lookup a token for every table taking part."""
    masks, compute = STARTS.masks, STARTS.mask
    out = []
    for token in tokens:
        mask = masks.get(token.norm)
        out.append(compute(token.norm) if mask is None else mask)
    return out


@per_sentence
def table_positions(tokens: list[Token], bit: int, generation: int) -> tuple[int, ...]:
    return tuple(i for i, mask in enumerate(sentence_masks(tokens, generation)) if mask & bit)


def positions(tokens: list[Token], table: Table) -> tuple[int, ...]:
    """The tokens of a sentence at which a phrase of `table` may begin, in order."""
    bit = STARTS.bit(table)
    return table_positions(tokens, bit, STARTS.generation)
