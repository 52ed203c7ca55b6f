"""Numbers and casualty counts as news writes them (own sentences reproducing real-news structures)."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.numbers import find_numbers
from kg.extract.pipeline import extract
from kg.model import Document
from kg.text.segment import split_sentences


def values(text: str) -> list[int]:
    return [n.value for n in find_numbers(split_sentences(text)[0])]


def casualties(text: str) -> list[tuple[int, str]]:
    extraction = extract(Document("t", "عنوان\n\n" + text, date=date(2024, 5, 20)))
    return sorted((e.count, e.casualty_type) for e in extraction.events if e.type == "CasualtyReport")


@pytest.mark.parametrize("text, expected", [
    ("جرح ثلاث مئة شخص وعاد مئة وثلاثة", [300, 103]),  # a unit before مئة multiplies it; after it, adds
    ("وصل خمسة آلاف وثلاث مئة لاجئ", [5300]),
    ("قتل أكثر من 40 ألفاً منذ بدء النزاع", [40000]),  # the accusative ألفاً
    ("وصل مئة وعشرين ألفا", [120000]),
    ("خرج آلاف المحتجين إلى الشوارع", []),  # a plural scale alone is a vague count
    ("تجمع مئات الأشخاص أمام المبنى", []),
    ("وصل ثلاثة آلاف جندي بينما نزح ملايين السكان", [3000]),
    ('هاجمت جماعة "إم 23" البلدة', []),  # digits after a letter's name make a group's name
    ("حلقت طائرة F 16 وطائرة إف 35 فوق المدينة", []),
    ("ضربت الجماعة الميناء بطائرتين مسيرتين وصاروخ", [2]),  # a dual noun counts 2, with its agreeing dual
    ("انتزع المسلحون موقعين عسكريين وقريتين", [2, 2]),
    ("قدمت اليابان منحة بقيمة 7,5 مليون دولار", []),  # a decimal comma, and the scale after a decimal
    ("بلغت الكلفة 2.5 مليار دولار", []),
])
def test_number_words_and_codes(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("وأعلنت الشرطة أن شخصين قتلا في الانفجار.", [(2, "killed")]),  # a dual verb says killed
    ("وقال مسؤول إن طفلين أصيبا في القصف.", [(2, "wounded")]),
    ("وقصفت الطائرات السوق فقتلت 12 شخصا وأصابت أكثر من 40 آخرين.", [(12, "killed"), (40, "wounded")]),
    ("وأصيب ثلاثُ مئةٍ آخرون في التفجير.", [(300, "wounded")]),
    ("وأسفرت أعمال العنف منذ عام 2015 عن مقتل أكثر من 40 ألفاً.", [(40000, "killed")]),  # cue, hedge, count
    # a recalled toll is killed beside another count, and alone recalls an earlier event
    ("وقع تفجير في السوق راح ضحيته أكثر من مئة شخص وأصيب ثلاث مئة آخرون.", [(100, "killed"), (300, "wounded")]),
    ("وقالت الشرطة إن الهجوم الذي أودى بحياة ستة أشخاص وجرح آخرين وقع العام الماضي.", []),
])
def test_casualty_counts_and_types(text, expected):
    assert casualties(text) == expected


def quantities(text: str) -> list[tuple[str, int]]:
    extraction = extract(Document("t", "عنوان\n\n" + text, date=date(2024, 5, 20)))
    return [(e.type, e.quantity) for e in extraction.events if e.quantity is not None]


@pytest.mark.parametrize("text", [
    "واقترحت مصر هدنة لستين يوما بين إسرائيل وحماس.",  # a duration is no quantity
    "وأعلنت إسرائيل وحماس هدنة لمدة 48 ساعة.",
    "ونفذ الجيش السوداني هجوما بمسيرة على إحدى البلدات.",  # إحدى: one of, no count
])
def test_no_quantity(text):
    assert quantities(text) == []


def test_a_dual_is_the_quantity_of_its_event():
    assert quantities("وقال الحوثيون إنهم استهدفوا سفينة بطائرتين مسيرتين.") == [("Attack", 2)]
