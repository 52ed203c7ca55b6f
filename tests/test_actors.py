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


def entity_of(extraction, surface: str):
    mention = next(m for m in extraction.mentions if m.surface == surface)
    return extraction.entities[mention.entity]


def test_a_former_president_is_not_the_current_office_holder():
    x = run("وقال الرئيس النيجيري السابق إن الانتخابات مزورة.")
    former = entity_of(x, "الرئيس النيجيري السابق")
    assert former.key != "Bola_Tinubu" and former.minted and former.country == "Nigeria"
    current = entity_of(run("وقال الرئيس النيجيري إن الانتخابات نزيهة."), "الرئيس النيجيري")
    assert current.key == "Bola_Tinubu"


def test_an_acting_minister_is_not_the_gazetteer_holder():
    x = run("وقال وزير الخارجية النيجيري بالإنابة إن الوفد سيزور أبوجا.")
    assert "Yusuf_Tuggar" not in {m.entity for m in x.mentions}


def test_unnamed_office_holders_are_nodes_of_their_own_document():
    one = run("وقال السفير التركي إن بلاده تدعم الحوار.")
    two = run("وقال السفير التركي إن بلاده تدعم الحوار بين الطرفين منذ البداية.")
    a, b = entity_of(one, "السفير التركي"), entity_of(two, "السفير التركي")
    assert a.role == b.role == "Ambassador" and a.country == "Turkey"
    assert a.key != b.key  # two articles, maybe two ambassadors: not one generic node


def test_a_citys_authorities_are_not_the_national_government():
    x = run("وقالت السلطات في غوما إن القصف أوقع قتلى.")
    local = entity_of(x, "السلطات في غوما")
    assert local.part_of == "Goma" and local.country == "DR_Congo"
    national = entity_of(run("وقالت السلطات في كينشاسا إن القصف مستمر."), "السلطات في كينشاسا")
    assert national.type == "Government" and national.country == "DR_Congo" and national.part_of != "Kinshasa"
    assert local.key != national.key


def test_the_two_sides_are_the_pair_named_right_after():
    x = run("وتتوسط مصر وقطر في المفاوضات. ودعا الرئيس الأميركي الطرفين (إسرائيل وحماس) إلى التوصل إلى اتفاق.")
    pair = {m.entity for m in x.mentions if m.surface == "الطرفين"}
    assert pair == {"Israel", "Hamas"}
    assert not pair & {"Egypt", "Qatar"}


def test_the_two_sides_are_the_pair_of_the_last_between():
    x = run("وزار الوزير مصر وقطر. وتتواصل المفاوضات غير المباشرة بين إسرائيل وحماس في القاهرة. "
            "ودعا بلينكن الطرفين إلى التوصل إلى اتفاق.")
    assert {m.entity for m in x.mentions if m.surface == "الطرفين"} == {"Israel", "Hamas"}


def test_a_rank_after_the_description_leads_to_the_name():
    x = run("وقال قائد خفر السواحل اليمني في قطاع البحر الأحمر العميد فؤاد الشعيبي إن الدوريات مستمرة.")
    person = entity_of(x, "فؤاد الشعيبي")
    assert person.type == "Person" and person.minted
    assert not any(m.entity.endswith("CoastGuard_Commander") for m in x.mentions)


def test_a_family_name_with_the_article_ends_the_name():
    x = run("ودان وزير الإعلام سامر الحداد هجوم الجماعة على الميناء.")
    assert entity_of(x, "سامر الحداد").name_ar == "سامر الحداد"


def test_an_adjective_of_a_delegation_is_no_title():
    x = run("وفد قيادي بحماس يتوجه الى القاهرة وسط كلام عن اقتراح هدنة جديد")
    assert not any(e.minted and e.type == "Person" for e in x.entities.values())
