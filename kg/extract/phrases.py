"""One phrase matcher for every lexicon: gazetteer names, nisbas, titles, institutions, triggers.

Phrases are tuples of word keys. The first word of a match may carry proclitics (و، ب، لل…)
and, where asked, the last may carry a pronoun suffix; the other words match exactly.
Longest match wins, and the word as written beats a clitic-stripped reading.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Generic, TypeVar

from kg.model import Token
from kg.text.clitics import enclitic_variants, ends_with_ta_marbuta, proclitic_variants
from kg.extract.starts import positions

T = TypeVar("T")


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    start: int  # token index
    end: int  # token index, exclusive
    value: T
    proclitic: str
    enclitic: bool = False  # the last word carries a pronoun suffix (وحثه، بانتهاكه)


def match(start: int, end: int, value, proclitic: str, enclitic: bool) -> PhraseMatch:
    """A PhraseMatch made without the frozen dataclass's __init__ (five object.__setattr__ calls;
    matches are made by the hundred thousand)."""
    made = object.__new__(PhraseMatch)
    made.__dict__.update(start=start, end=end, value=value, proclitic=proclitic, enclitic=enclitic)
    return made


assert [f.name for f in fields(PhraseMatch)] == ["start", "end", "value", "proclitic", "enclitic"], \
    "phrases.match builds PhraseMatch by its fields: keep them in step"


class Node:
    """A trie node: the next word keys, and the phrases that end here as (order added, phrase, value)."""

    __slots__ = ("children", "ends")

    def __init__(self) -> None:
        self.children: dict[str, Node] = {}
        self.ends: list[tuple[int, tuple[str, ...], object]] = []


class PhraseIndex(Generic[T]):
    """Phrases in a trie of word keys (one walk over the following tokens finds every phrase that
    starts at a token, whatever its length); each phrase keeps a payload of any type. `by_first`
    (first word key -> phrases, longest first) is kept for callers that look up first words."""

    def __init__(self, enclitics: bool = False) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        self.enclitics = enclitics
        self.longest = 0
        self.starts: dict[str, bool] = {}
        self.roots: dict[str, Node] = {}
        self.firsts: dict[object, tuple[tuple[str, str, Node], ...]] = {}  # a token's readings that begin phrases
        self.added = 0

    def add(self, phrase: tuple[str, ...], value: T) -> None:
        if not phrase:
            return
        entries = self.by_first.setdefault(phrase[0], [])
        if any(p == phrase and v == value for p, v in entries):
            return
        entries.append((phrase, value))
        entries.sort(key=lambda e: len(e[0]), reverse=True)
        node = self.roots.get(phrase[0])
        if node is None:
            node = self.roots[phrase[0]] = Node()
        for word in phrase[1:]:
            child = node.children.get(word)
            if child is None:
                child = node.children[word] = Node()
            node = child
        node.ends.append((self.added, phrase, value))
        self.added += 1
        self.longest = max(self.longest, len(phrase))
        self.starts.clear()
        self.firsts.clear()

    def __contains__(self, phrase: tuple[str, ...]) -> bool:
        return any(p == phrase for p, _ in self.by_first.get(phrase[0], ())) if phrase else False

    def match_at(self, tokens: list[Token], i: int) -> list[PhraseMatch[T]]:
        """All phrases starting at token i with the longest length found, best reading first
        (readings of the first word in `proclitic_variants` order, then the order phrases were added)."""
        token = tokens[i]
        word = token.norm
        readings = self.firsts.get(word)
        if readings is None:
            readings = self.firsts[word] = self.readings(word, False)
        if not readings:  # most words start no phrase
            return []
        enclitics = self.enclitics
        if enclitics and word[-1] == "ه" and ends_with_ta_marbuta(token.text):
            # a written ة (normalised to ه) is no pronoun suffix: fewer readings (a subset)
            readings = self.firsts.get(word + "\x00")
            if readings is None:
                readings = self.firsts[word + "\x00"] = self.readings(word, True)
        best: list[PhraseMatch[T]] = []
        best_len = 0
        remaining = len(tokens) - i
        new = object.__new__
        for stem, proclitic, first, root in readings:
            length = 0
            hits: list = []  # (node, enclitic) of the longest phrases from this reading
            if root.ends:
                length, hits = 1, [(root, first != stem)]
            children, k = root.children, 1
            while children and k < remaining:
                following = tokens[i + k]
                if enclitics:  # the last word of a phrase may carry a pronoun suffix
                    for variant in enclitic_variants(following.norm, ends_with_ta_marbuta(following.text))[1:]:
                        child = children.get(variant)
                        if child is not None and child.ends:
                            if k + 1 > length:
                                length, hits = k + 1, []
                            hits.append((child, True))
                node = children.get(following.norm)
                if node is None:
                    break
                k += 1
                if node.ends:
                    if k > length:
                        length, hits = k, []
                    hits.append((node, False))
                children = node.children
            if not length or length < best_len:
                continue
            if length > best_len:
                best, best_len = [], length
            end = i + length
            if len(hits) == 1:  # (match() inlined: a match is made per phrase found, by the hundred thousand)
                node, enclitic = hits[0]
                for _, _, value in node.ends:
                    made = new(PhraseMatch)
                    made.__dict__.update(start=i, end=end, value=value, proclitic=proclitic, enclitic=enclitic)
                    best.append(made)
            else:
                ends = sorted(((entry, enclitic) for node, enclitic in hits for entry in node.ends),
                              key=lambda e: e[0][0])
                best.extend(match(i, end, entry[2], proclitic, enclitic) for entry, enclitic in ends)
        return best

    def start_positions(self, tokens: list[Token]) -> tuple[int, ...]:
        """The tokens at which a phrase of this index may begin, in order (one pass a sentence)."""
        return positions(tokens, self)

    def next_start(self, tokens: list[Token], i: int) -> int:
        """The first token from i on where a phrase of this index may begin (one of its readings
        starts a phrase), or len(tokens): a reader that walks a sentence asks `match_at` only
        there, instead of at every word (most words begin no phrase of a given table)."""
        starts = positions(tokens, self)
        k = bisect_left(starts, i)
        return starts[k] if k < len(starts) else len(tokens)

    def readings(self, word: str, ta_marbuta: bool) -> tuple[tuple[str, str, Node], ...]:
        """(stem, proclitic, first word key, trie root) for each reading of a token that begins a phrase."""
        out = []
        for stem, proclitic in proclitic_variants(word):
            firsts = enclitic_variants(stem, ta_marbuta) if self.enclitics else (stem,)
            for first in firsts:
                root = self.roots.get(first)
                if root is not None:
                    out.append((stem, proclitic, first, root))
        return tuple(out)

    def begins(self, word: str) -> bool:
        """Does some reading of this word key begin a phrase? (kg.extract.starts asks it once a word)"""
        found = self.firsts.get(word)
        if found is None:
            found = self.firsts[word] = self.readings(word, False)
        return bool(found)

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

    def find_all(self, tokens: list[Token]) -> list[PhraseMatch[T]]:
        """Non-overlapping matches, left to right, longest first at each position."""
        found: list[PhraseMatch[T]] = []
        after = 0
        for i in positions(tokens, self):
            if i < after:
                continue
            matches = self.match_at(tokens, i)
            if matches:
                found.extend(matches)
                after = matches[0].end
        return found




FIRST_ENTRIES: dict[int, tuple[dict, object, dict[str, tuple]]] = {}  # id(index) -> index, proclitics, word -> entries
KEPT_INDEXES = 64


def phrase_at(tokens: list[Token], i: int, index: dict, proclitics) -> object | None:
    """The first entry of `index` (first word key -> entries with a `phrase` tuple of word keys)
    whose phrase starts at token i; the first word may carry one of `proclitics` (و/ف: وإذا، فإن).
    Clause markers and modality cues are found this way, at every token: the entries a word may
    begin (in the order its readings and the index give them) are worked out once per word and
    index (the indexes are the readers' cached tables, not changed once made)."""
    word = tokens[i].norm
    kept = FIRST_ENTRIES.get(id(index))  # first_entries, inlined: asked at every token
    known = kept[2] if kept is not None and kept[0] is index and kept[1] is proclitics \
        else first_entries(index, proclitics)
    entries = known.get(word)
    if entries is None:
        entries = entries_of(word, known, index, proclitics)
    if not entries:
        return None
    left = len(tokens) - i
    second = tokens[i + 1].norm if left > 1 else None
    for entry in entries:
        phrase = entry.phrase
        n = len(phrase)
        if n == 1:
            return entry
        if n <= left and phrase[1] == second \
                and all(tokens[i + k].norm == phrase[k] for k in range(2, n)):  # most entries fail at the second word
            return entry
    return None


def phrase_starts(tokens: list[Token], index: dict, proclitics) -> list[int]:
    """The tokens at which `phrase_at` may find an entry of `index` (a reading of the word begins
    one), in order: a reader that asks at every token of a sentence asks only there."""
    known = first_entries(index, proclitics)
    found = []
    for i, token in enumerate(tokens):
        entries = known.get(token.norm)
        if entries is None:
            entries = entries_of(token.norm, known, index, proclitics)
        if entries:
            found.append(i)
    return found


def first_entries(index: dict, proclitics) -> dict[str, tuple]:
    """Word key -> the entries of `index` it may begin, for these proclitics (filled as asked)."""
    kept = FIRST_ENTRIES.get(id(index))
    if kept is None or kept[0] is not index or kept[1] is not proclitics:
        if len(FIRST_ENTRIES) >= KEPT_INDEXES:
            FIRST_ENTRIES.clear()
        kept = FIRST_ENTRIES[id(index)] = (index, proclitics, {})
    return kept[2]


def entries_of(word: str, known: dict[str, tuple], index: dict, proclitics) -> tuple:
    entries = known[word] = tuple(entry for stem, proclitic in proclitic_variants(word)
                                  if not proclitic or proclitic in proclitics for entry in index.get(stem, ()))
    return entries


class PhraseList:
    """A fixed list of phrases (tuples of word keys) asked about at every token: indexed once by
    first and by last word, so a token that begins (or ends) none of them costs one lookup instead
    of a loop over the whole list."""

    def __init__(self, phrases: tuple[tuple[str, ...], ...]) -> None:
        self.by_first: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for order, phrase in enumerate(p for p in phrases if p):
            self.by_first.setdefault(phrase[0], []).append((order, phrase))
        self.known = frozenset(p for p in phrases if p)
        self.lasts = frozenset(p[-1] for p in self.known)
        self.lengths = tuple(sorted({len(p) for p in self.known}))
        self.added = len(self.known)  # fixed: kg.extract.starts need not start its masks afresh

    def begins(self, word: str) -> bool:
        """Does some reading of this word key (proclitics stripped) begin a phrase of the list?"""
        return any(stem in self.by_first for stem, _ in proclitic_variants(word))

    def start_positions(self, tokens: list[Token]) -> tuple[int, ...]:
        """The tokens at which `first_at` may find a phrase, in order (one pass a sentence)."""
        return positions(tokens, self)

    def first_at(self, tokens: list[Token], i: int) -> int:
        """Where the first phrase of the list (in its order) starting at token i ends, or 0; the
        first word may carry proclitics (stripped as `proclitic_variants` does), the others not."""
        best_order, best_end = len(self.known) + 1, 0
        n = len(tokens)
        for stem, _ in proclitic_variants(tokens[i].norm):
            for order, phrase in self.by_first.get(stem, ()):
                if order >= best_order:
                    break
                end = i + len(phrase)
                if end <= n and all(tokens[i + k].norm == phrase[k] for k in range(1, len(phrase))):
                    best_order, best_end = order, end
                    break
        return best_end

    def ends_at(self, tokens: list[Token], end: int) -> bool:
        """Does a phrase of the list, word for word, end right before token `end`?"""
        if not 0 < end <= len(tokens) or tokens[end - 1].norm not in self.lasts:
            return False
        known = self.known
        for n in self.lengths:
            if n > end:
                break
            if tuple(t.norm for t in tokens[end - n:end]) in known:
                return True
        return False


@lru_cache(maxsize=64)
def phrase_list(phrases: tuple[tuple[str, ...], ...]) -> PhraseList:
    """The index of a list of phrases (kept: the lists are the readers' cached word lists)."""
    return PhraseList(phrases)
