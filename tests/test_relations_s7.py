"""Relations between actors already found (issue 11, session 7): ministerial posts, messages and
condolences, meetings between two named parties, backing and leadership phrases read from real news
structures. Sentences written for these tests."""
from __future__ import annotations

from datetime import date

from kg.extract.pipeline import extract
from kg.model import Document


def run(text: str):
    return extract(Document("t", text, date=date(2024, 5, 20)))


def facts(text: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(e.type, tuple(e.agents), tuple(e.targets)) for e in run(text).events}


def person(text: str, surface: str) -> str:
    return next(m.entity for m in run(text).mentions if m.surface == surface)


def test_a_minister_holds_a_post_in_his_state():
    found = facts("وقال وزير الدفاع الإسرائيلي يوآف غالانت إن الجيش سيواصل عملياته.")
    assert ("MinisterialPost", ("Yoav_Gallant",), ("Israel",)) in found


def test_a_minister_of_a_state_named_after_his_title():
    text = "وحضر اللقاء وزير خارجية إثيوبيا تايي أسقسلاسي."
    assert ("MinisterialPost", (person(text, "تايي أسقسلاسي"),), ("Ethiopia",)) in facts(text)


def test_a_title_before_another_persons_name_is_not_the_next_persons():
    text = "وحضر اللقاء الرئيس الكيني وليام روتو، والمستشار سامي الخطيب."
    found = facts(text)
    assert ("Leadership", ("William_Ruto",), ("Kenya",)) in found
    assert ("Leadership", (person(text, "سامي الخطيب"),), ("Kenya",)) not in found
