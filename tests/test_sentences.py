"""Sentence splitting: real copy's ellipses before a new statement, era abbreviations,
times run into the next sentence, quotations that hold a full stop, inline bullets and numbered
briefs. Each text is written to reproduce a structure seen in real news."""
from __future__ import annotations

import pytest

from kg.text.segment import split_sentences


@pytest.mark.parametrize("text, expected", [
    # an ellipsis before a new statement ends the sentence; before a continuation it is a pause
    ("وانتهى الاجتماع دون اتفاق... وقال الوزير إن المحادثات ستستأنف.",
     ["وانتهى الاجتماع دون اتفاق...", "وقال الوزير إن المحادثات ستستأنف."]),
    ("وتواصل القصف طوال الليل…وأضاف المتحدث أن القوات صدت الهجوم",
     ["وتواصل القصف طوال الليل…", "وأضاف المتحدث أن القوات صدت الهجوم"]),
    # an era abbreviation after a number ends a sentence; a title's abbreviation before a name does not
    ("ويعود بناء القلعة إلى القرن الثالث ق.م. وقال الباحث إن القصف دمر جزءا منها.",
     ["ويعود بناء القلعة إلى القرن الثالث ق.م.", "وقال الباحث إن القصف دمر جزءا منها."]),
    ("ووقعت المعركة عام 1187 م. وقال م. خالد إن الجسر انهار.",
     ["ووقعت المعركة عام 1187 م.", "وقال م. خالد إن الجسر انهار."]),
    # a time or a date at the end of a sentence with no space after its full stop
    ("وبدأ القصف عند الساعة 12.30.وقال شاهد إن المنازل دمرت",
     ["وبدأ القصف عند الساعة 12.30.", "وقال شاهد إن المنازل دمرت"]),
    # a quotation that holds full stops stays in its sentence
    ("وقال القائد: «لن نتراجع. سنواصل القتال حتى النهاية». وأضاف أن قواته تقدمت.",
     ["وقال القائد: «لن نتراجع. سنواصل القتال حتى النهاية».", "وأضاف أن قواته تقدمت."]),
    ("وقالت الوزارة في بيان: \"قتل خمسة. وأصيب عشرة بجروح\". وتابعت أن الإسعاف وصل.",
     ["وقالت الوزارة في بيان: \"قتل خمسة. وأصيب عشرة بجروح\".", "وتابعت أن الإسعاف وصل."]),
    # ... and an unclosed one does not swallow the rest of the text
    ("وقال: «لن نتراجع. سنواصل». وقال «لن نتراجع. وأضاف أن القوات تقدمت.",
     ["وقال: «لن نتراجع. سنواصل».", "وقال «لن نتراجع.", "وأضاف أن القوات تقدمت."]),
    # inline bullets and numbered briefs
    ("أبرز التطورات: • مقتل خمسة في غارة على خان يونس • إصابة عشرة في رفح",
     ["أبرز التطورات:", "مقتل خمسة في غارة على خان يونس", "إصابة عشرة في رفح"]),
    ("1. مقتل خمسة في غارة\n2. إصابة عشرة في قصف", ["1. مقتل خمسة في غارة", "2. إصابة عشرة في قصف"]),
])
def test_sentence_boundaries_of_real_copy(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start:s.end] == s.text
