"""Proclitic and enclitic variants of a word key, so "والاتحاد" and "لأرمينيا" find their names.

Variants are tried in order (the word as written first), each with the proclitics it dropped.
The clitic inventory is data: `kg/data/clitics.tsv`.
"""
from __future__ import annotations

from functools import lru_cache

from kg.data import read_tsv
from kg.text.normalize import normalize_word

MIN_STEM = 2


@lru_cache(maxsize=1)
def clitic_inventory() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = read_tsv("clitics.tsv")
    pro = tuple(sorted({normalize_word(r["form"]) for r in rows if r["kind"] == "proclitic"}, key=len, reverse=True))
    enc = tuple(sorted({normalize_word(r["form"]) for r in rows if r["kind"] == "enclitic"}, key=len, reverse=True))
    return pro, enc


@lru_cache(maxsize=200_000)
def proclitic_variants(key: str) -> tuple[tuple[str, str], ...]:
    """(stem, proclitics) pairs: the word itself, then with و/ف and ب/ل/ك stripped, لل -> ال."""
    proclitics, _ = clitic_inventory()
    seen: dict[str, str] = {key: ""}
    frontier = [(key, "")]
    for _ in range(2):  # at most two proclitics: و + ب, ف + ل ...
        next_frontier = []
        for word, taken in frontier:
            for clitic in proclitics:
                if word.startswith(clitic) and len(word) - len(clitic) >= MIN_STEM:
                    stem = word[len(clitic):]
                    stems = [stem]
                    if clitic.endswith("ل") and stem.startswith("ل"):
                        stems.append("ا" + stem)  # لل + stem = ل + ال + stem
                    for candidate in stems:
                        if candidate not in seen:
                            seen[candidate] = taken + clitic
                            next_frontier.append((candidate, taken + clitic))
        frontier = next_frontier
    return tuple(seen.items())


@lru_cache(maxsize=200_000)
def enclitic_variants(key: str, ta_marbuta: bool = False) -> tuple[str, ...]:
    """The word and the word without a pronoun suffix (بانتهاكه -> انتهاك after proclitics).
    A word written with ة (إضافة) has no ه suffix: normalisation made its ة look like one."""
    _, enclitics = clitic_inventory()
    out = [key]
    for clitic in enclitics:
        if ta_marbuta and clitic == "ه":
            continue
        if key.endswith(clitic) and len(key) - len(clitic) >= MIN_STEM:  # حثهم -> حث
            out.append(key[: -len(clitic)])
    return tuple(out)


@lru_cache(maxsize=200_000)
def stems(key: str) -> tuple[str, ...]:
    """Every key the word may stand for with its proclitics and a pronoun suffix stripped, in
    order (the readers ask it of every token of a sentence: worked out once per word)."""
    return tuple(dict.fromkeys(variant for stem, _ in proclitic_variants(key) for variant in enclitic_variants(stem)))


@lru_cache(maxsize=200_000)
def ends_with_ta_marbuta(text: str) -> bool:
    letters = [c for c in text if "\u0621" <= c <= "\u064a"]
    return bool(letters) and letters[-1] == "ة"
