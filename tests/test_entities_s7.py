"""Session 7 entity recall (issue 11): people named after a common noun for a person (victims listed
with their ages), compound given names written together, towns listed after a dual or plural head.
Sentences written for these tests, in the shape real news gives them."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import extract
from kg.model import Document


def mentions(text: str) -> dict[str, object]:
    """Surface -> entity of every mention that is not a qualifier."""
    x = extract(Document("t", text, date=date(2025, 6, 1)))
    return {m.surface: x.entities[m.entity] for m in x.mentions if m.kind != "qualifier"}


@pytest.mark.parametrize("text, name", [
    ("وفي طولكرم استشهد الشاب راكان صبحي عمر الخطيب (21 عاماً) برصاص الجنود.", "راكان صبحي عمر الخطيب"),
    ("وأعلنت الوزارة وفاة الطفل أيهم ناصر البدوي (12 عاماً) متأثراً بجروحه.", "أيهم ناصر البدوي"),
    ("وتوفي الفتى قصي جمال حمدان، بعد إصابته في الرأس.", "قصي جمال حمدان"),
    ("وقالت إن الطفل أمير سامر عودة استشهد في المخيم.", "أمير سامر عودة"),
    ("واعتقلت الشرطة المواطن بكر خليل منصور في القرية.", "بكر خليل منصور"),
])
def test_a_person_named_after_a_common_noun_for_a_person(text, name):
    found = mentions(text)
    assert name in found, found
    assert found[name].type == "Person" and found[name].minted


@pytest.mark.parametrize("text", [
    "وأصيب الطفل بجروح خطيرة في الرأس.",
    "وكان الشاب المصاب ينقل إلى المستشفى.",
    "وقال المواطن إن القصف لم يتوقف.",
    "وتعرض الأسير لاعتداء داخل السجن.",
])
def test_no_person_after_the_noun_without_a_name(text):
    assert not [e for e in mentions(text).values() if e.type == "Person"]


def test_the_conjoined_noun_is_no_part_of_the_name():
    found = mentions("وأصيب الطفل سامر خليل وشقيقه في القصف.")
    assert "سامر خليل" in found and not any("وشقيقه" in surface for surface in found)


def test_a_gazetteer_person_with_the_compound_written_together():
    found = mentions("وأعلن رئيس الحكومة عبدالحميد الدبيبة حل الجهاز.")
    assert found["عبدالحميد الدبيبة"].key == "Abdul_Hamid_Dbeibah"


def test_two_towns_after_a_dual_head_are_two():
    found = mentions("وانفجرت عبوة بين مدينتي كوندوغا ويامبارا يوم الأحد.")
    assert "كوندوغا" in found and "ويامبارا" in found
    assert found["كوندوغا"].key != found["ويامبارا"].key


def test_a_quoted_list_of_villages_is_a_list():
    found = mentions('وانتشرت القوات في قرى "شقرة وقولو" غرب المدينة.')
    assert "شقرة" in found and "وقولو" in found and "شقرة وقولو" not in found
