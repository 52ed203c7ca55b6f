"""Name keys for comparing minted actors across documents, in stages, so a merge can say which
step made two names equal: orthography (kg.text.normalize), spelling variants
(kg/data/spelling.tsv), compound names written apart or together, and a leading title or
honorific (kg/data/titles.tsv, kg/data/corpus/names.tsv)."""
from __future__ import annotations

from functools import lru_cache

from kg.data import alternatives, read_tsv
from kg.text.normalize import normalize_phrase, normalize_word

# The stages, in the order they are applied; a merge's rule is the first stage at which the two
# names became equal.
STAGES = ("same-name", "orthography", "spelling-variant", "compound-name", "title-dropped")


@lru_cache(maxsize=1)
def spelling_map() -> dict[str, str]:
    """Word key -> the smaller key of its spelling family (both spellings map to one form)."""
    families: dict[str, set[str]] = {}
    for row in read_tsv("spelling.tsv"):
        a, b = normalize_word(row["a"]), normalize_word(row["b"])
        family = families.get(a, {a}) | families.get(b, {b})
        for word in family:
            families[word] = family
    return {word: min(family) for word, family in families.items()}


@lru_cache(maxsize=1)
def joins() -> frozenset[str]:
    return frozenset(normalize_word(r["word"]) for r in read_tsv("corpus/names.tsv") if r["kind"] == "join")


@lru_cache(maxsize=1)
def leading_words() -> frozenset[tuple[str, ...]]:
    """Phrases that may stand before a name without being part of it: titles, ranks, honorifics."""
    phrases = {normalize_phrase(r["word"]) for r in read_tsv("corpus/names.tsv") if r["kind"] == "honorific"}
    for row in read_tsv("titles.tsv"):
        phrases.update(normalize_phrase(form) for form in alternatives(row["ar"]))
    return frozenset(p for p in phrases if p)


def join_compounds(words: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for word in words:
        if out and out[-1] in joins():
            out[-1] += word
        else:
            out.append(word)
    return tuple(out)


def strip_leading(words: tuple[str, ...]) -> tuple[str, ...]:
    """Drop leading titles and honorifics (longest first), keeping at least one word."""
    phrases = sorted(leading_words(), key=len, reverse=True)
    changed = True
    while changed and len(words) > 1:
        changed = False
        for phrase in phrases:
            if len(phrase) < len(words) and words[:len(phrase)] == phrase:
                words, changed = words[len(phrase):], True
                break
    return words


def name_keys(name: str) -> tuple[tuple[str, ...], ...]:
    """The name's key after each stage of `STAGES` (the last is the one names are grouped by)."""
    raw = tuple(name.split())
    ortho = tuple(normalize_word(w) for w in raw)
    spelled = tuple(spelling_map().get(w, w) for w in ortho)
    joined = join_compounds(spelled)
    return raw, ortho, spelled, joined, strip_leading(joined)


def rule_between(a: str, b: str) -> str:
    """The first stage at which names a and b have the same key ("" if none)."""
    for stage, key_a, key_b in zip(STAGES, name_keys(a), name_keys(b)):
        if key_a == key_b:
            return stage
    return ""


def name_key(name: str) -> tuple[str, ...]:
    return name_keys(name)[-1]
