"""Clause segmentation: where each clause of a sentence starts and ends, and what opened it.

Roles are looked for in a trigger's own clause first, so "…، وموسكو تعلن…" does not give the
first verb Moscow as its object and "أعلن X أن Y قصف" does not make X the shelling's agent.
A clause opens at clause punctuation, at a subordinating word
(`kg/lang/ar/clauses.tsv`: أن، الذي، حيث، بعد أن، إذا…), at a verb joined by و/ف, at و + a
name + a verb (a new subject), and at a participle (موضحاً). One pass over the tokens: linear.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.extract.phrases import phrase_at, phrase_starts
from kg.text.segment import punctuated
from kg.lang import ar
from kg.model import Sentence

SVO_GAP = 1  # tokens (particles) allowed between a coordinated subject and its verb
PARENTHETICAL = 2  # words of a phrase between commas that opens no clause (، الأحد،)


@dataclass(frozen=True)
class Clause:
    start: int  # token index
    end: int  # token index, exclusive
    kind: str  # main | coordinate | complement | relative | adverbial | conditional | participle
    parent: int  # index of the clause it depends on (-1 for the first)
    opener: int  # token index of the word that opened it (-1 for punctuation or sentence start)


@lru_cache(maxsize=1)
def marker_index() -> dict[str, tuple[ar.ClauseMarker, ...]]:
    """Clause markers by their first word key."""
    index: dict[str, list[ar.ClauseMarker]] = {}
    for marker in ar.clause_markers():
        index.setdefault(marker.phrase[0], []).append(marker)
    return {k: tuple(v) for k, v in index.items()}


def marker_at(sentence: Sentence, i: int) -> ar.ClauseMarker | None:
    """The clause marker starting at token i (the first word may carry و/ف: وإذا، فإن)."""
    return phrase_at(sentence.tokens, i, marker_index(), ar.keys("coordinating-clitic"))


def punctuation_breaks(sentence: Sentence) -> set[int]:
    """Token indices preceded by clause punctuation."""
    return {i for i, flag in enumerate(punctuated(sentence, ar.words("clause-punctuation"))) if flag}


def segment(sentence: Sentence, openers: dict[int, str], regions: list[int]) -> list[Clause]:
    """Clauses of a sentence. `openers`: token index -> clause kind opened by the extractor's own
    knowledge (a coordinated verb, a participle, و + subject + verb); `regions`: per token, the
    quotation it is in (-1 outside). Quotation marks open no clause: a quoted name ("سي ستار")
    is part of its clause, and the finders keep to one quotation themselves."""
    tokens = sentence.tokens
    if not tokens:
        return []
    breaks = punctuation_breaks(sentence)
    may_open = set(phrase_starts(tokens, marker_index(), ar.keys("coordinating-clitic")))  # no marker elsewhere
    starts: list[tuple[int, str, int]] = [(0, "main", -1)]
    i = 1
    while i < len(tokens):
        marker = marker_at(sentence, i) if i in may_open else None
        if marker is not None:
            starts.append((i, marker.kind, i))
            i += len(marker.phrase)
            continue
        if i in openers:
            starts.append((i, openers[i], i))
        elif i in breaks:
            starts.append((i, "main", -1))
        i += 1
    if marker_at(sentence, 0) is not None:
        starts[0] = (0, marker_at(sentence, 0).kind, 0)
    starts = without_parentheticals(starts, len(tokens))
    clauses: list[Clause] = []
    for n, (start, kind, opener) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(tokens)
        if end > start:
            clauses.append(Clause(start, end, kind, len(clauses) - 1, opener))
    return clauses


def without_parentheticals(starts: list[tuple[int, str, int]], length: int) -> list[tuple[int, str, int]]:
    """"شنت قوات X، الأحد، هجوماً على Y": a short phrase between two commas (a day, a name in
    apposition) opens no clause, nor does the punctuation after it: the verb keeps its object."""
    kept: list[tuple[int, str, int]] = []
    n = 0
    while n < len(starts):
        start, kind, opener = starts[n]
        following = starts[n + 1] if n + 1 < len(starts) else None
        if kept and kind == "main" and opener < 0 and following is not None and following[1] == "main" \
                and following[2] < 0 and following[0] - start <= PARENTHETICAL:
            n += 2  # the phrase and the clause after it continue the clause before
            continue
        kept.append(starts[n])
        n += 1
    return kept


def clause_of_tokens(clauses: list[Clause], length: int) -> list[int]:
    """Per token, the index of its clause."""
    owner = [0] * length
    for n, clause in enumerate(clauses):
        for i in range(clause.start, clause.end):
            owner[i] = n
    return owner
