"""One phrase matcher for every lexicon: gazetteer names, nisbas, titles, institutions, triggers.

Phrases are tuples of word keys. The first word of a match may carry proclitics (و، ب، لل…)
and, where asked, the last may carry a pronoun suffix; the other words match exactly.
Longest match wins, and the word as written beats a clitic-stripped reading.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from kg.model import Token
from kg.text.clitics import enclitic_variants, ends_with_ta_marbuta, proclitic_variants

T = TypeVar("T")


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    start: int  # token index
    end: int  # token index, exclusive
    value: T
    proclitic: str
    enclitic: bool = False  # the last word carries a pronoun suffix (وحثه، بانتهاكه)


class PhraseIndex(Generic[T]):
    """Phrases indexed by their first word key; each phrase keeps a payload of any type."""

    def __init__(self, enclitics: bool = False) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        self.enclitics = enclitics
        self.longest = 0
        self.starts: dict[str, bool] = {}

    def add(self, phrase: tuple[str, ...], value: T) -> None:
        if not phrase:
            return
        entries = self.by_first.setdefault(phrase[0], [])
        if any(p == phrase and v == value for p, v in entries):
            return
        entries.append((phrase, value))
        entries.sort(key=lambda e: len(e[0]), reverse=True)
        self.longest = max(self.longest, len(phrase))
        self.starts.clear()

    def __contains__(self, phrase: tuple[str, ...]) -> bool:
        return any(p == phrase for p, _ in self.by_first.get(phrase[0], ())) if phrase else False

    def match_at(self, tokens: list[Token], i: int) -> list[PhraseMatch[T]]:
        """All phrases starting at token i with the longest length found, best reading first."""
        token = tokens[i]
        word = token.norm
        known = self.starts.get(word)  # may_start, inlined: most words start no phrase
        if known is None:
            known = self.starts[word] = self.compute_may_start(word)
        if not known:
            return []
        best: list[PhraseMatch[T]] = []
        best_len = 0
        by_first = self.by_first
        remaining = len(tokens) - i
        for stem, proclitic in proclitic_variants(word):
            firsts = enclitic_variants(stem, ends_with_ta_marbuta(token.text)) if self.enclitics else (stem,)
            for first in firsts:
                entries = by_first.get(first)
                if not entries:
                    continue
                for phrase, value in entries:
                    n = len(phrase)
                    if n < best_len or n > remaining:
                        continue
                    if n > 1 and not self.rest_matches(phrase, tokens, i):
                        continue
                    if n > best_len:
                        best, best_len = [], n
                    enclitic = first != stem if n == 1 else tokens[i + n - 1].norm != phrase[-1]
                    best.append(PhraseMatch(i, i + n, value, proclitic, enclitic))
        return best

    def may_start(self, word: str) -> bool:
        """Cheap test: could any reading of this word begin a phrase? (most words: no; cached)"""
        known = self.starts.get(word)
        if known is None:
            known = self.starts[word] = self.compute_may_start(word)
        return known

    def compute_may_start(self, word: str) -> bool:
        by_first = self.by_first
        for stem, _ in proclitic_variants(word):
            if stem in by_first:
                return True
            if self.enclitics and any(v in by_first for v in enclitic_variants(stem)[1:]):
                return True
        return False

    def rest_matches(self, phrase: tuple[str, ...], tokens: list[Token], i: int) -> bool:
        if tokens[i + 1].norm != phrase[1] and not (self.enclitics and len(phrase) == 2):
            return False  # the usual answer, found on the second word
        for k in range(1, len(phrase)):
            word = tokens[i + k].norm
            if word == phrase[k]:
                continue
            if (self.enclitics and k == len(phrase) - 1
                    and phrase[k] in enclitic_variants(word, ends_with_ta_marbuta(tokens[i + k].text))):
                continue
            return False
        return True

    def find_all(self, tokens: list[Token]) -> list[PhraseMatch[T]]:
        """Non-overlapping matches, left to right, longest first at each position."""
        found: list[PhraseMatch[T]] = []
        i = 0
        while i < len(tokens):
            matches = self.match_at(tokens, i)
            if matches:
                found.extend(matches)
                i = matches[0].end
            else:
                i += 1
        return found


def phrase_at(tokens: list[Token], i: int, index: dict, proclitics) -> object | None:
    """The first entry of `index` (first word key -> entries with a `phrase` tuple of word keys)
    whose phrase starts at token i; the first word may carry one of `proclitics` (و/ف: وإذا، فإن).
    Clause markers and modality cues are found this way."""
    for stem, proclitic in proclitic_variants(tokens[i].norm):
        if proclitic and proclitic not in proclitics:
            continue
        for entry in index.get(stem, ()):
            n = len(entry.phrase)
            if i + n <= len(tokens) and all(tokens[i + k].norm == entry.phrase[k] for k in range(1, n)):
                return entry
    return None
