"""Sentence splitting and word tokenisation that keep character offsets into the original text.

A sentence ends at . ! ? ؟ (with any closing quotes or brackets after it) followed by a space, a
line break, the end of the text, or directly by a letter ("الحرب.وقال": news copy often loses the
space). It does not end inside a number (3.5), after an abbreviation (a one-letter word, or one of
`kg/data/abbreviations.tsv`: "د. أحمد"، "أ.ف.ب"), inside an acronym of spelled Latin letters
(`kg/data/letter_names.tsv`: "إف.إم"، "بي.بي.سي"), or at an ellipsis ("..." "…": a pause), and a
line break always ends one.
"""
from __future__ import annotations

import re
from dataclasses import fields
from functools import lru_cache

from kg.data import read_tsv
from kg.model import Sentence, Token
from kg.text.normalize import normalize_word

# A word: letters/digits plus Arabic diacritics and tatweel, so offsets cover the whole word.
WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")
CANDIDATE = re.compile(r"\.{2,}|…|[.!?؟]+[\"'»”)\]]*|\n+")
CLOSERS = "\"'»”)]"
ABBREVIATION_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640.]+$")  # the word before a period, diacritics kept
ELLIPSIS = ("..", "…")


@lru_cache(maxsize=1)
def letter_names() -> frozenset[str]:
    return frozenset(normalize_word(r["form"]) for r in read_tsv("letter_names.tsv"))


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    return frozenset(r["form"].replace(".", "").lower() for r in read_tsv("abbreviations.tsv"))


TOKEN_FIELDS = tuple(f.name for f in fields(Token))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The words of `text` with offsets (plus `offset`) and keys. Tokens are made without the frozen
    dataclass's __init__ (four object.__setattr__ calls a word, a third of tokenising); if Token's
    fields ever change, the ordinary constructor is used."""
    if TOKEN_FIELDS != ("text", "start", "end", "norm"):
        return [Token(m.group(), offset + m.start(), offset + m.end(), normalize_word(m.group()))
                for m in WORD.finditer(text)]
    tokens = []
    append, new, key = tokens.append, object.__new__, normalize_word
    for m in WORD.finditer(text):
        word = m.group()
        start = offset + m.start()
        token = new(Token)
        token.__dict__.update(text=word, start=start, end=start + len(word), norm=key(word))
        append(token)
    return tokens


def is_boundary(text: str, match: re.Match) -> bool:
    """Does this run of punctuation end a sentence?"""
    mark = match.group()
    if mark.startswith("\n"):
        return True
    if mark.startswith(ELLIPSIS):
        return False
    after = text[match.end():match.end() + 1]
    if after and not (after.isspace() or is_arabic_letter(after)):
        return False  # "3.5"، ".com"، "?!" ...
    if mark.startswith("."):
        word = ABBREVIATION_WORD.search(text[max(0, match.start() - 16):match.start()])
        if word:
            letters = re.sub(r"[.\u064B-\u065F\u0670\u0640]", "", word.group())
            if len(letters) == 1 and letters.isalpha() or letters.lower() in abbreviations():
                return False
            if "." in word.group() and not after.isspace():
                return False  # "أ.ف.ب"
            if not after.isspace() and in_spelled_acronym(text, match, word.group()):
                return False  # "إف.إم"، "بي.بي.سي"
    return True


def in_spelled_acronym(text: str, match: re.Match, before: str) -> bool:
    """A period between two Latin letter names spelled in Arabic, with no space around it."""
    following = WORD.match(text, match.end())
    names = letter_names()
    return bool(following) and normalize_word(before.rsplit(".", 1)[-1]) in names \
        and normalize_word(following.group()) in names


def is_arabic_letter(char: str) -> bool:
    return "\u0621" <= char <= "\u064a" or "\u0671" <= char <= "\u06d3"


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their tokens; the headline (first line) is sentence 0."""
    sentences: list[Sentence] = []
    start = 0
    for match in CANDIDATE.finditer(text):
        if not is_boundary(text, match):
            continue
        add_sentence(sentences, text, start, match.end())
        start = match.end()
    add_sentence(sentences, text, start, len(text))
    return sentences


def add_sentence(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped or not WORD.search(stripped):
        return
    start += len(chunk) - len(chunk.lstrip())
    end = start + len(stripped)
    sentences.append(Sentence(len(sentences), start, end, stripped, tokenize(stripped, start)))
