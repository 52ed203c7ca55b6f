"""Numbers in digits (Latin or Arabic-Indic, with thousands separators) and in words.

"١٤" -> 14, "6,650" -> 6650, "أربعة آلاف" -> 4000, "ثلاثة وعشرين" -> 23, "نحو ثلاثين" -> 30
(approximate). Vague counts (عشرات، مئات) give no number. The vocabulary is `kg/data/numbers.tsv`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from kg.data import alternatives, read_tsv
from kg.extract.phrases import PhraseIndex
from kg.model import Sentence
from kg.text.normalize import normalize_phrase

DIGITS = re.compile(r"[0-9٠-٩]{1,3}(?:[,٬][0-9٠-٩]{3})+(?![0-9٠-٩])|[0-9٠-٩]+[,][0-9٠-٩]{1,2}(?![0-9٠-٩])"
                    r"|[0-9٠-٩]+(?:[.٫][0-9٠-٩]+)?")  # a comma before 1-2 digits: a decimal (11,5 مليون)
LATIN = str.maketrans("٠١٢٣٤٥٦٧٨٩٫٬", "0123456789.,")
MAX_DIGITS = 15  # no count has more; a longer run is an id or junk
GLUED = re.compile(r"[A-Za-z]")  # digits inside a Latin code ("1e5", "F16") are no count


@dataclass(frozen=True)
class NumberWord:
    value: int
    kind: str


@dataclass(frozen=True)
class Number:
    value: int
    start: int  # character offsets in the document
    end: int
    token_start: int  # token indices in the sentence, end exclusive
    token_end: int
    approximate: bool = False


@lru_cache(maxsize=1)
def number_words() -> PhraseIndex[NumberWord]:
    index: PhraseIndex[NumberWord] = PhraseIndex()
    for row in read_tsv("numbers.tsv"):
        for form in alternatives(row["word"]):
            index.add(normalize_phrase(form), NumberWord(int(row["value"]), row["kind"]))
    return index


def token_at(sentence: Sentence, offset: int, starts: list[int] | None = None) -> int:
    """The token covering a document offset, or -1 (binary search: linear in the sentence)."""
    starts = starts if starts is not None else [t.start for t in sentence.tokens]
    i = bisect_right(starts, offset) - 1
    if i >= 0 and sentence.tokens[i].start <= offset < sentence.tokens[i].end:
        return i
    return -1


def find_numbers(sentence: Sentence) -> list[Number]:
    """Every number in a sentence, left to right."""
    found: list[Number] = []
    covered: set[int] = set()
    starts = [t.start for t in sentence.tokens]
    for m in DIGITS.finditer(sentence.text):
        raw = m.group().translate(LATIN)
        raw = raw.replace(",", ".") if re.search(r",[0-9]{1,2}$", raw) else raw.replace(",", "")
        start, end = sentence.start + m.start(), sentence.start + m.end()
        t0, t1 = token_at(sentence, start, starts), token_at(sentence, end - 1, starts)
        if "." in raw and t0 >= 0:  # a decimal, and the scale after it (1.5 مليون), is no count
            scale = scale_word_at(sentence, t1 + 1)
            covered.update(range(t0, scale.end if scale is not None else t1 + 1))
        if "." in raw or len(raw) > MAX_DIGITS or any(
                GLUED.fullmatch(sentence.text[i:i + 1]) for i in (m.start() - 1, m.end()) if i >= 0):
            continue  # decimals, digit runs too long for a count and parts of codes are not counts
        if t0 < 0:
            continue
        if after_code(sentence, t0, m.start()):
            covered.update(range(t0, t1 + 1))
            continue  # "إم 23", "M-23", "إف 16": digits naming a group or a weapon with a letter
        if is_clock_time(sentence.text, m.start(), m.end()):
            covered.update(range(t0, t1 + 1))
            continue
        value, t_end = int(raw), t1 + 1
        scale = scale_word_at(sentence, t_end)
        if scale is not None:
            value, t_end = value * scale.value.value, scale.end
        end = sentence.tokens[t_end - 1].end
        found.append(Number(value, start, end, t0, t_end, approx_before(sentence, t0)))
        covered.update(range(t0, t_end))
    index = number_words()
    i = 0
    tokens = sentence.tokens
    while i < len(tokens):
        if i in covered:
            i += 1
            continue
        value, end = read_number_words(index, tokens, i)
        if end > i:
            found.append(Number(value, tokens[i].start, tokens[end - 1].end, i, end, approx_before(sentence, i)))
            i = end
        else:
            i = index.next_start(tokens, i + 1)
    return sorted(found, key=lambda n: n.start)


def after_code(sentence: Sentence, t0: int, start: int) -> bool:
    """The digits follow a letter's name (إم، إف) or a Latin letter and a space or hyphen."""
    text = sentence.text
    if start >= 2 and text[start - 1] in " -" and GLUED.fullmatch(text[start - 2]):
        return True
    if t0 > 0:
        match = number_words().match_at(sentence.tokens, t0 - 1)
        return bool(match) and match[0].value.kind == "code" and match[0].end == t0
    return False


def is_clock_time(text: str, start: int, end: int) -> bool:
    return (end < len(text) and text[end] == ":") or (start > 0 and text[start - 1] == ":")


def scale_word_at(sentence: Sentence, i: int):
    """A scale word (ألف، آلاف، مليون) at token i, multiplying the digits before it."""
    if i < len(sentence.tokens):
        match = number_words().match_at(sentence.tokens, i)
        if match and match[0].value.kind in ("scale", "plural"):
            return match[0]
    return None


def approx_before(sentence: Sentence, i: int) -> bool:
    return approx_start(sentence, i) < i


def approx_start(sentence: Sentence, i: int) -> int:
    """Where a hedge right before token i begins ("أكثر من 20"), or i if there is none."""
    index = number_words()
    for back in (1, 2, 3, 4):
        if i - back < 0:
            break
        match = index.match_at(sentence.tokens, i - back)
        if match and match[0].value.kind == "approx" and match[0].end == i:
            return i - back
    return i


def read_number_words(index: PhraseIndex[NumberWord], tokens, i: int) -> tuple[int, int]:
    """Parse a run of number words starting at i: (value, end token). end == i if none."""
    total, current, k, seen, previous = 0, 0, i, False, ""
    while k < len(tokens):
        match = index.match_at(tokens, k)
        if not match:
            break
        word = match[0].value
        if word.kind == "dual":
            if seen:
                break
            return 2, duals_end(index, tokens, match[0].end)
        if word.kind in ("approx", "vague", "ordinal", "code") or (word.kind == "plural" and not current):
            break  # "آلاف الأشخاص": a plural scale with no number before it is a vague count
        if seen and match[0].proclitic not in ("و", "") :
            break
        if seen and match[0].proclitic == "و" and not joins(previous, word.kind):
            break  # "بين أربعة وثمانية جنود": a range or a list of two counts, not 12
        if word.kind == "hundred" and word.value == 100 and 0 < current < 10 and previous == "unit":
            current *= 100  # "ثلاث مئة" = 300, as "ثلاثمئة"
        elif word.kind in ("scale", "plural"):
            current = (current or 1) * word.value
            total += current
            current = 0
        else:
            current += word.value
        seen, previous = True, word.kind
        k = match[0].end
    if not seen:
        return 0, i
    return total + current, k


SUM_AFTER = {"unit": ("ten",), "ten": ("unit",), "hundred": ("unit", "ten"),
             "scale": ("unit", "ten", "hundred"), "plural": ("unit", "ten", "hundred")}


def joins(previous: str, kind: str) -> bool:
    """Does "و" + a number word of `kind` add to a number whose last word was `previous`? Only a
    ten after a unit (خمسة وعشرون) or a smaller order after a larger one (مئة وعشرة، ألف وخمسمئة);
    two units or two tens (أربعة وثمانية، عشرين وثلاثين) are two numbers."""
    return kind in SUM_AFTER.get(previous, ())


def duals_end(index: PhraseIndex[NumberWord], tokens, k: int) -> int:
    """Past the duals agreeing with a dual noun ("بطائرتين مسيرتين": one count of 2)."""
    while k < len(tokens):
        match = index.match_at(tokens, k)
        if not match or match[0].value.kind != "dual" or match[0].proclitic:
            return k
        k = match[0].end
    return k


def ordinal_at(sentence: Sentence, i: int) -> int | None:
    match = number_words().match_at(sentence.tokens, i)
    if match and match[0].value.kind == "ordinal":
        return match[0].value.value
    return None
