"""Casualty counts on the shapes of real-news errors (issue 10): the killed read as the
wounded named next, a death word the reader did not know, targets counted as soldiers, and a range
summed into one count. The sentences are written for these tests; none is copied from an article."""
from __future__ import annotations

from datetime import date

from kg.extract.pipeline import extract
from kg.model import Document


def counts(text: str) -> dict[int, str]:
    """count -> casualty type of every casualty report of the text."""
    found = extract(Document("t", text, date=date(2024, 5, 20))).events
    return {e.count: e.casualty_type for e in found if e.type == "CasualtyReport"}


def test_martyrs_before_the_wounded_are_killed():
    got = counts("وأعلنت وزارة الصحة ارتفاع حصيلة الضحايا إلى 40 شهيدا و120 جريحا.")
    assert got == {40: "killed", 120: "wounded"}, got


def test_a_toll_that_rose_to_n_martyrs_is_a_count():
    got = counts("وقالت الوزارة إن عدد الشهداء ارتفع إلى 22 شهيدا من بينهم امرأة، فيما أصيب 69 آخرون.")
    assert got.get(22) == "killed" and got.get(69) == "wounded", got


def test_two_martyrs_count_two():
    assert counts("وسقط شهيدان في القصف على المخيم.") == {2: "killed"}


def test_a_death_is_no_wound():
    got = counts("وأفادت وكالة الأنباء بوفاة 23 شخصا وإصابة 45 آخرين في الغارات.")
    assert got == {23: "killed", 45: "wounded"}, got


def test_targets_are_no_soldiers():
    got = counts("وقال الجيش إنه قصف 130 «هدفا عسكريا» في القطاع، ما أسفر عن 15 قتيلا.")
    assert got == {15: "killed"}, got


def test_a_range_is_one_count_not_a_sum():
    got = counts("وقالت الشرطة إن ما بين ثلاثة وسبعة جنود قتلوا في الكمين.")
    assert got == {3: "killed"}, got
    got = counts("وقالت الشرطة إن بين 30 و35 شخصا قتلوا في الانفجار.")
    assert got == {30: "killed"}, got


def test_a_compound_number_still_adds():
    assert counts("وقتل خمسة وعشرون شخصا في الهجوم على القرية.") == {25: "killed"}
    assert counts("وقتل مئة وعشرون مدنيا في القصف.") == {120: "killed"}
