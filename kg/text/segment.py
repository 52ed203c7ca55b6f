"""Sentence splitting and word tokenisation that keep character offsets into the original text.

A sentence ends at . ! ? ؟ (with any closing quotes or brackets after it) followed by a space, a
line break, the end of the text, or directly by a letter ("الحرب.وقال"، "الساعة 12.30.وقال": news
copy often loses the space). It does not end inside a number (3.5), after an abbreviation (a
one-letter word, or one of `kg/data/abbreviations.tsv`: "د. أحمد"، "أ.ف.ب"; an era after a year
does end one: "1187 م. وأعلنت"), inside an acronym of spelled Latin letters (`kg/data/letter_names.tsv`:
"إف.إم"، "بي.بي.سي"), after the number of a numbered brief ("1. مقتل خمسة"), inside a quotation
that closes on the same line («لن نتراجع. سنواصل القتال»: the speaker's words stay one sentence),
or at an ellipsis ("..." "…": a pause) unless a new statement follows it (`sentence-opener` of
kg/lang/ar/words.tsv: "... وقال الوزير"). A line break or a bullet (•) always ends one.
"""
from __future__ import annotations

import re
from dataclasses import fields
from functools import lru_cache

from kg.data import read_tsv
from kg.model import Sentence, Token
from kg.text.memo import per_sentence
from kg.text.normalize import normalize_word

# A word: letters/digits plus Arabic diacritics and tatweel, so offsets cover the whole word.
WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")
BULLETS = "•▪◾■●◆►"
CANDIDATE = re.compile(r"\.{2,}|…|[.!?؟]+[\"'»”)\]]*|\n+|[" + BULLETS + "]")
CLOSERS = "\"'»”)]"
ABBREVIATION_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640.]+$")  # the word before a period, diacritics kept
ELLIPSIS = ("..", "…")
QUOTE_PAIRS = {"«": "»", "“": "”"}  # opening -> closing mark; '"' closes itself
MAX_QUOTE = 1000  # characters: a longer "quotation" is two stray marks, not words held together
NUMBER_BEFORE = re.compile(r"[0-9\u0660-\u0669]\s*$")
LINE = re.compile(r"[^\n]+")
STRAIGHT_QUOTE = re.compile('"')
NUMBERED_ITEM = re.compile(r"(?:^|\n)[ \t]*[0-9\u0660-\u0669]{1,2}$")  # "1." opening a line of a brief


@lru_cache(maxsize=1)
def letter_names() -> frozenset[str]:
    return frozenset(normalize_word(r["form"]) for r in read_tsv("letter_names.tsv"))


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    return frozenset(r["form"].replace(".", "").lower() for r in read_tsv("abbreviations.tsv"))


@lru_cache(maxsize=1)
def eras() -> frozenset[str]:
    """Abbreviations that follow a year (هـ، م، ق.م): their period may end a sentence."""
    return frozenset(r["form"].replace(".", "").lower() for r in read_tsv("abbreviations.tsv") if r.get("kind") == "era")


@lru_cache(maxsize=1)
def sentence_openers() -> frozenset[str]:
    from kg.lang import ar

    return ar.keys("sentence-opener")


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


GAPS: dict[tuple[str, tuple[str, ...]], bool] = {}  # (text between two words, marks) -> holds one


@per_sentence
def punctuated(sentence: Sentence, marks: tuple[str, ...]) -> tuple[bool, ...]:
    """Per token i, does the text between token i-1 and token i hold one of `marks` (False for
    the first token)? Once per sentence: the clause segmenter and the sentence view both ask, and
    the same few gaps (" ", "، ", ". ") recur, so each is looked at once."""
    tokens, text, offset = sentence.tokens, sentence.text, sentence.start
    flags = [False] * len(tokens)
    for i in range(1, len(tokens)):
        gap = text[tokens[i - 1].end - offset:tokens[i].start - offset]
        known = GAPS.get((gap, marks))
        if known is None:
            if len(GAPS) >= 100_000:
                GAPS.clear()
            known = GAPS[(gap, marks)] = any(m in gap for m in marks)
        flags[i] = known
    return tuple(flags)


def is_boundary(text: str, match: re.Match) -> bool:
    """Does this run of punctuation end a sentence?"""
    mark = match.group()
    if mark.startswith("\n") or mark in BULLETS:
        return True
    if mark.startswith(ELLIPSIS):
        return opens_statement(text, match.end())
    after = text[match.end():match.end() + 1]
    if after and not (after.isspace() or is_arabic_letter(after)):
        return False  # "3.5"، ".com"، "?!" ...
    if mark.startswith("."):
        before = text[max(0, match.start() - 16):match.start()]
        word = ABBREVIATION_WORD.search(before)
        if word:
            letters = re.sub(r"[.\u064B-\u065F\u0670\u0640]", "", word.group())
            if ends_era(before[:word.start()], letters, after):
                return True  # "1187 م. وأعلنت"، "القرن الثالث ق.م. وقال"
            if len(letters) == 1 and letters.isalpha() or letters.lower() in abbreviations():
                return False
            if "." in word.group() and not after.isspace() and not letters.isdigit():
                return False  # "أ.ف.ب" (but "الساعة 12.30.وقال" ends)
            if not after.isspace() and in_spelled_acronym(text, match, word.group()):
                return False  # "إف.إم"، "بي.بي.سي"
            if letters.isdigit() and NUMBERED_ITEM.search(text[max(0, match.start() - 8):match.start()]):
                return False  # "1. مقتل خمسة": the number of an item of a brief
    return True


def ends_era(before: str, letters: str, after: str) -> bool:
    """An era abbreviation after a year, followed by a space, ends its sentence; a one-letter one
    (م، هـ) only right after a number ("م. خالد" is an engineer)."""
    if not after.isspace() or letters.lower() not in eras():
        return False
    return len(letters) > 1 or bool(NUMBER_BEFORE.search(before))


def opens_statement(text: str, end: int) -> bool:
    """Does a new statement begin after the ellipsis ending at `end` ("... وقال الوزير")?"""
    following = WORD.match(text, end + len(text[end:]) - len(text[end:].lstrip()))
    return bool(following) and normalize_word(following.group()) in sentence_openers()


def quotations(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the quotation marks that close on the same line within
    MAX_QUOTE characters («…»، “…”، and "…" paired in turn on each line)."""
    spans = []
    for opening, closing in QUOTE_PAIRS.items():
        for m in re.finditer(re.escape(opening), text):
            close = text.find(closing, m.end(), m.end() + MAX_QUOTE)
            if close != -1 and "\n" not in text[m.end():close] and opening not in text[m.end():close]:
                spans.append((m.start(), close))
    for line in LINE.finditer(text):
        marks = [m.start() for m in STRAIGHT_QUOTE.finditer(text, line.start(), line.end())]  # (not a loop over characters)
        spans.extend((a, b) for a, b in zip(marks[::2], marks[1::2]) if b - a <= MAX_QUOTE)
    return spans


def inside_quotation(spans: list[tuple[int, int]], match: re.Match) -> bool:
    """A full stop inside a quotation (not one whose closing mark it takes with it: «…نتراجع.»)."""
    return any(a < match.start() and match.end() <= b for a, b in spans)


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
    spans: list[tuple[int, int]] | None = None  # quotations, found once a text has a full stop to check
    for match in CANDIDATE.finditer(text):
        if not is_boundary(text, match):
            continue
        mark = match.group()
        if not mark.startswith("\n") and mark not in BULLETS:
            spans = quotations(text) if spans is None else spans
            if inside_quotation(spans, match):
                continue
        add_sentence(sentences, text, start, match.start() if mark in BULLETS else match.end())
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
