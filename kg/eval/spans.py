"""Character spans of names in the article, compared without their proclitics.

Why: gold lists a name once ("الأمم المتحدة"); the text writes it "والأمم المتحدة" or "للأمم
المتحدة". Both sides are brought to the span of the name itself: it starts after the proclitic
letters (و، ف، ب، ل، ك, or a conjunction plus a preposition) and ends at its last letter. For
"لل" + a name in "ال" the name is taken to start at the second lam ("ل" + "لأمم المتحدة"),
which is where the extractor's `Mention.proclitic == "ل"` puts it too.

Matching is on a folded view of the text: diacritics and tatweel dropped, Alef forms -> ا,
ى -> ي, ة -> ه, so a vowelled or differently spelled form is still found.
"""
from __future__ import annotations

from dataclasses import dataclass

DIACRITICS = frozenset(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640"}
TANWEEN = frozenset("\u064B\u064C\u064D")
FOLD = str.maketrans("أإآٱىة", "اااايه")
PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
LAM_PROCLITICS = frozenset({"ل", "ول", "فل"})  # before the assimilated article: لل، ولل، فلل


@dataclass(frozen=True)
class Folded:
    """`text` folded for matching, with the original offset of each folded character."""

    text: str
    index: tuple[int, ...]


def fold(text: str) -> Folded:
    chars, index = [], []
    for i, ch in enumerate(text):
        if ch not in DIACRITICS:
            chars.append(ch.translate(FOLD))
            index.append(i)
    return Folded("".join(chars), tuple(index))


def fold_form(form: str) -> str:
    return fold(form.strip()).text


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in DIACRITICS


def word_start(folded: str, i: int) -> int:
    while i > 0 and folded[i - 1].isalnum():
        i -= 1
    return i


def ends_word(text: str, end: int) -> bool:
    """No letter (or tanween: an adjective, not a name) right after `end` in the original text."""
    while end < len(text) and text[end] in DIACRITICS and text[end] not in TANWEEN:
        end += 1
    return end >= len(text) or not (text[end].isalnum() or text[end] in TANWEEN)


def occurrences(text: str, form: str, folded: Folded | None = None) -> list[tuple[int, int]]:
    """Spans (without proclitic) of each occurrence of `form` as a whole word in `text`."""
    folded = folded or fold(text)
    key = fold_form(form)
    if not key:
        return []
    searches = [(key, PROCLITICS)]
    if key.startswith("ال") and len(key) > 2:
        searches.append((key[1:], LAM_PROCLITICS))  # للأمم = ل + لأمم
    spans = []
    for needle, allowed in searches:
        at = folded.text.find(needle)
        while at >= 0:
            end = folded.index[at + len(needle) - 1] + 1
            if folded.text[word_start(folded.text, at):at] in allowed and ends_word(text, end):
                spans.append((folded.index[at], end))
            at = folded.text.find(needle, at + 1)
    return sorted(spans)


def skip_letters(text: str, start: int, count: int) -> int:
    """The offset after `count` letters from `start`, diacritics not counted."""
    while count > 0 and start < len(text):
        if text[start] not in DIACRITICS:
            count -= 1
        start += 1
    while start < len(text) and text[start] in DIACRITICS:
        start += 1
    return start


def canonical(text: str, start: int, end: int, proclitic: str = "") -> tuple[int, int]:
    """A predicted span without its proclitic letters and trailing diacritics."""
    letters = len(proclitic) - 1 if proclitic.endswith("لل") else len(proclitic)
    start = skip_letters(text, start, letters)
    while end > start and text[end - 1] in DIACRITICS:
        end -= 1
    return start, end


def gold_spans(text: str, forms_by_key: dict[str, tuple[str, ...]]) -> tuple[set, set]:
    """(required, optional) gold spans: a span inside a longer gold span is optional.

    "الأمم المتحدة" inside "بعثة الأمم المتحدة ..." or "الجيش" inside "الجيش الإسرائيلي" is part of
    a longer name: finding it is not required, and not an error either.
    """
    folded = fold(text)
    spans = {span for forms in forms_by_key.values() for form in forms for span in occurrences(text, form, folded)}
    nested = {s for s in spans if any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)}
    return spans - nested, nested
