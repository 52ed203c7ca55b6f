"""Dates and clock times, resolved against the publication date.

"13 أيلول/سبتمبر" (year from the publication date), "الثلاثاء" / "ليلة الاثنين" (the last such
day on or before publication), "أمس", "اليوم نفسه" (the date last mentioned), Hijri dates
("الثامن من رمضان ١٤٤٥", tabular calendar), and "الساعة 08:00". Vocabulary: `kg/data/dates.tsv`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from kg.data import alternatives, read_tsv
from kg.extract.numbers import ordinal_at
from kg.extract.phrases import PhraseIndex
from kg.lang import ar
from kg.model import Sentence
from kg.text.normalize import normalize_phrase

D = ar.DIGIT_CLASS
CLOCK = re.compile(rf"(?<![{D}])([{D}]{{1,2}})[:.]([{D}]{{2}})(?![{D}])")
LATIN = ar.TO_LATIN_DIGITS
FUTURE_SLACK = timedelta(days=7)
PRECISION = {"weekday": "weekday", "relative": "relative", "same": "relative"}  # date word kind -> Event.date_precision


@dataclass(frozen=True)
class DateWord:
    kind: str
    value: int


@dataclass(frozen=True)
class DateMention:
    value: date
    start: int
    end: int
    token_start: int
    token_end: int
    precision: str = "day"  # "day" (a day of a month), "weekday", "relative" (from publication or the last date)


@lru_cache(maxsize=1)
def date_words() -> PhraseIndex[DateWord]:
    index: PhraseIndex[DateWord] = PhraseIndex()
    for row in read_tsv("dates.tsv"):
        for form in alternatives(row["word"]):
            index.add(normalize_phrase(form), DateWord(row["kind"], int(row["value"])))
    return index


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Tabular Islamic calendar (may differ by a day from sighting-based dates)."""
    julian_day = (day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354
                  + (3 + 11 * year) // 30 + 1948439 - 1)
    return date.fromordinal(julian_day - 1721425 + 1)


def year_for(month: int, day: int, published: date) -> date | None:
    try:
        candidate = date(published.year, month, day)
    except ValueError:
        return None
    if candidate > published + FUTURE_SLACK:
        candidate = candidate.replace(year=published.year - 1)
    return candidate


def int_token(sentence: Sentence, i: int) -> int | None:
    if 0 <= i < len(sentence.tokens):
        word = sentence.tokens[i].norm
        if word.isdigit():
            return int(word)
    return None


def find_dates(sentence: Sentence, published: date | None, last: date | None) -> list[DateMention]:
    """Dates in a sentence, in order; `last` is the date mentioned most recently before it."""
    found: list[DateMention] = []
    tokens = sentence.tokens
    index = date_words()
    i = 0
    while i < len(tokens):
        match = index.match_at(tokens, i)
        if not match:
            i = index.next_start(tokens, i + 1)
            continue
        word, end = match[0].value, match[0].end
        value, start = None, i
        if word.kind in ("month", "hijri"):
            day = int_token(sentence, i - 1)
            start = i - 1
            if day is None:
                day = ordinal_at(sentence, i - 2) if i >= 2 and tokens[i - 1].norm == ar.word("from") else None
                start = i - 2
            if day is None:
                day = ordinal_at(sentence, i - 1)
                start = i - 1
            # "أيلول/سبتمبر": skip the second month name
            if end < len(tokens):
                second = index.match_at(tokens, end)
                if second and second[0].value.kind == word.kind:
                    end = second[0].end
            year = int_token(sentence, end)
            if year is not None and 1000 <= year <= 2100 or (year is not None and word.kind == "hijri"):
                end += 1
            if day is not None and 1 <= day <= 31:
                value = resolve_day(word, day, year, published)
        elif word.kind == "weekday" and published is not None:
            value = published - timedelta(days=(published.weekday() - word.value) % 7)
        elif word.kind == "relative" and published is not None:
            value = published + timedelta(days=word.value)
        elif word.kind == "same" and last is not None:
            value = last + timedelta(days=word.value)
        if value is not None:
            start = max(start, 0)
            found.append(DateMention(value, tokens[start].start, tokens[end - 1].end, start, end,
                                     PRECISION.get(word.kind, "day")))
            last = value
        i = end
    return found


def resolve_day(word: DateWord, day: int, year: int | None, published: date | None) -> date | None:
    try:
        if word.kind == "hijri":
            if year is None:
                return None
            return hijri_to_gregorian(year, word.value, day)
        if year is not None:
            return date(year, word.value, day)
    except (ValueError, OverflowError):  # a year of 20 digits is no date
        return None
    return year_for(word.value, day, published) if published else None


def find_clock_time(sentence: Sentence) -> tuple[time, int] | None:
    """A clock time ("الساعة 08:00") and its document offset."""
    m = CLOCK.search(sentence.text)
    if not m:
        return None
    hour, minute = int(m.group(1).translate(LATIN)), int(m.group(2).translate(LATIN))
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute), sentence.start + m.start()


def combine(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock)
