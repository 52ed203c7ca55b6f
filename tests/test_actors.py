"""Actors: entities found by names, titles and descriptions, and the minted people behind titles."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import extract
from kg.model import Document


def run(text: str, published: date | None = date(2024, 5, 20)):
    return extract(Document("t", text, date=published))


@pytest.mark.parametrize("text", [
    # a minted person's alias right after a second title: the alias is not in the gazetteer
    "وزير الدفاع أحمد مختار ان بلاده اعتقلت ذكير الرحمن الاخوي قائد عمليات تنظيم عسكر طيبة. "
    "وقال وزير الدفاع مختار إن التحقيق مستمر.",
    "رئيس وقود وقف المتحدث وقف",
])
def test_title_before_a_minted_name_does_not_crash(text):
    extraction = run(text)
    for mention in extraction.mentions:
        assert mention.entity in extraction.entities


def test_minted_person_after_title_keeps_the_name():
    extraction = run("قال وزير الدفاع أحمد مختار إن القوات اعتقلت قائد العمليات.")
    names = {e.name_ar for e in extraction.entities.values() if e.minted and e.type == "Person"}
    assert "أحمد مختار" in names
