"""Recall on real news (issue #11): bare forms of bodies named before, place heads in spans."""
from __future__ import annotations

from datetime import date

from kg.extract.pipeline import extract
from kg.model import Document


def run(text: str):
    return extract(Document("t", text, date=date(2024, 5, 20)))


def spans(x, key: str) -> list[str]:
    return [m.surface for m in x.mentions if m.entity == key]


def test_bare_police_after_the_named_police_is_that_police():
    x = run("فرقت الشرطة الإيطالية تجمعا في روما. وقالت الشرطة إنها اعتقلت عشرة أشخاص.")
    police = next(m.entity for m in x.mentions if m.surface == "الشرطة الإيطالية")
    assert spans(x, police) == ["الشرطة الإيطالية", "الشرطة"]


def test_bare_police_with_no_police_named_before_names_nobody():
    x = run("التقى الرئيس التونسي وزير الخارجية. وقالت الشرطة إن الطريق مغلق.")
    assert not any(m.surface == "الشرطة" for m in x.mentions)


def test_bare_security_forces_are_not_the_police_named_before():
    x = run("فرقت الشرطة الإيطالية تجمعا في روما. وقالت قوات الأمن إنها اعتقلت عشرة أشخاص.")
    assert not any(m.surface == "قوات الأمن" for m in x.mentions)
