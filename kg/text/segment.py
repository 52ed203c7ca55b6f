"""Sentence splitting and word tokenisation that keep character offsets into the original text."""
from __future__ import annotations

import re

from kg.model import Sentence, Token
from kg.text.normalize import normalize_word

# A word: letters/digits plus Arabic diacritics and tatweel, so offsets cover the whole word.
WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")
# A sentence ends at . ! ? ؟ (not inside a number such as 3.5) or at a line break.
SENTENCE_END = re.compile(r"(?<!\d)[.!?؟](?!\d)[\"'»”)]*\s+|\n+")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [
        Token(m.group(), offset + m.start(), offset + m.end(), normalize_word(m.group()))
        for m in WORD.finditer(text)
    ]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their tokens; the headline (first line) is sentence 0."""
    sentences: list[Sentence] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        add_sentence(sentences, text, start, match.start() + len(match.group().rstrip()))
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
