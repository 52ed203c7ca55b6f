"""Matching keys for Arabic words, via camel-tools' normalisers.

A key is what text and lexicon entries are compared on: Unicode-normalised, diacritics and
tatweel removed, Alef variants -> ا, Alef maksura -> ي, Ta marbuta -> ه. Arabic-Indic digits
become ASCII so numbers compare too.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

TATWEEL = "\u0640"
PRESENTATION_FORM = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFE]+")
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@lru_cache(maxsize=200_000)
def normalize_word(word: str) -> str:
    """The matching key of one word (cached: news reuses its words)."""
    text = normalize_unicode(word).replace(TATWEEL, "")
    text = dediac_ar(text)
    text = normalize_alef_ar(text)
    text = normalize_alef_maksura_ar(text)
    text = normalize_teh_marbuta_ar(text)
    return text.translate(DIGITS)


@lru_cache(maxsize=100_000)
def normalize_phrase(phrase: str) -> tuple[str, ...]:
    """A multi-word lexicon entry as a tuple of word keys (cached: the readers key the same
    lexicon words and surfaces at every sentence)."""
    from kg.text.segment import WORD

    return tuple(normalize_word(m.group()) for m in WORD.finditer(phrase))


def dediacritize(text: str) -> str:
    """Text without diacritics or tatweel, spelling otherwise kept (for display labels)."""
    return dediac_ar(normalize_unicode(text)).replace(TATWEEL, "")


def fold_presentation_forms(text: str) -> str:
    """Arabic presentation forms (glyph codes from PDFs: U+FB50-FDFF, U+FE70-FEFE) as ordinary
    letters, by NFKC on those runs only (the rest of the text is left as it is)."""
    return PRESENTATION_FORM.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
