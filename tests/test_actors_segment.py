"""Sentence splitting that survives real copy: missing spaces, ellipses, abbreviations, numbers."""
from __future__ import annotations

import pytest

from kg.text.segment import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("قتل 12 شخصا في الهجوم.وقال الجيش إن الوضع هادئ.وأضاف أن التحقيق جار",
     ["قتل 12 شخصا في الهجوم.", "وقال الجيش إن الوضع هادئ.", "وأضاف أن التحقيق جار"]),
    ("قال إن الوضع صعب... لكنه مستقر. ثم غادر", ["قال إن الوضع صعب... لكنه مستقر.", "ثم غادر"]),
    ("وقال د. أحمد علي إن 5 قتلوا. ونقلت أ.ف.ب عن مصدر أن الهجوم انتهى",
     ["وقال د. أحمد علي إن 5 قتلوا.", "ونقلت أ.ف.ب عن مصدر أن الهجوم انتهى"]),
    ("وقع الهجوم في عام 2024. وقال المتحدث \"لن نتراجع.\" ثم غادر",
     ["وقع الهجوم في عام 2024.", "وقال المتحدث \"لن نتراجع.\"", "ثم غادر"]),
    ("وقتل 19 شخصًا. وأعلنت الهند أنها ردت", ["وقتل 19 شخصًا.", "وأعلنت الهند أنها ردت"]),
    ("ارتفعت النسبة إلى 3.5 في المئة. وزار الموقع www.example.com أمس",
     ["ارتفعت النسبة إلى 3.5 في المئة.", "وزار الموقع www.example.com أمس"]),
])
def test_sentence_boundaries(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start:s.end] == s.text
