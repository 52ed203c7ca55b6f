"""Entity recall (issue 11): people named after a common noun for a person (victims listed
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


@pytest.mark.parametrize("text, name, type_", [
    ("ووقع الانفجار في منطقة كرماشي، وأسفر عن مقتل اثنين.", "كرماشي", "Region"),
    ("وامتدت الغارات إلى ولاية نوريستو شرق البلاد.", "نوريستو", "Region"),
    ("واشتعلت النيران بمنطقة بورادي على ضفة النهر.", "بورادي", "Region"),
    ("وسيطر المسلحون على نقطة في منطقة تانكوري بولاية ديدوغو.", "تانكوري", "Region"),
])
def test_an_area_named_after_its_type_noun(text, name, type_):
    found = mentions(text)
    assert name in found, found
    assert found[name].type == type_ and found[name].minted


@pytest.mark.parametrize("text", [
    "وطالبت موسكو بإقامة منطقة نفوذ روسية في البحر.",
    "وأعلنت أنقرة إقامة منطقة عازلة على الحدود.",
    "وقال إن ولاية البعثة تنتهي في ديسمبر.",
    "ووقع الهجوم في منطقة تقع على بعد 40 كيلومتراً من المدينة.",
    "وتقع منطقة الحدود تحت سيطرة الجيش.",
])
def test_no_area_from_a_common_word(text):
    assert not [e for e in mentions(text).values() if e.minted and e.type == "Region"]


def test_two_provinces_after_a_dual_head():
    found = mentions("وامتدت الغارات إلى ولايتي نوريستو وباكارا، وأسفرت عن إصابة أربعة.")
    assert found["نوريستو"].type == "Region" and found["وباكارا"].type == "Region"


def test_a_site_named_by_a_compound_name():
    found = mentions("واقتحم المسلحون مدرسة أبو طالب في المدينة.")
    assert found["مدرسة أبو طالب"].type == "Place"


@pytest.mark.parametrize("text, surface", [
    ("ونفذت العملية وحدات من اللواء السابع التابع للجيش.", "اللواء السابع"),
    ("واشتبك عناصر اللواء 93 مشاة مع المسلحين.", "اللواء 93 مشاة"),
    ("وانسحبت الفرقة الخامسة من المدينة.", "الفرقة الخامسة"),
    ("وتتبع الكتيبة لفرقة 12 أبريل.", "لفرقة 12 أبريل"),
])
def test_a_military_unit_named_by_its_number(text, surface):
    found = mentions(text)
    assert found[surface].type == "ArmedForce" and found[surface].minted


def test_a_rank_before_a_name_is_no_unit():
    found = mentions("وقال اللواء أحمد سليمان إن القوات تقدمت.")
    assert not [e for e in found.values() if e.type == "ArmedForce"]
    assert found["أحمد سليمان"].type == "Person"


def test_gazetteer_rows_of_this_session():
    found = mentions("وقالت شركة أمبري البريطانية إن الناقلة أصيبت قبالة الحديدة، ونقلت قناة أفغانستان "
                     "إنترناشيونال أن الغارات طالت ولاية كونر.")
    assert {e.key for e in found.values()} >= {"Ambrey", "Afghanistan_International", "Kunar"}
    assert "Afghanistan" not in {e.key for e in found.values()}


def test_a_long_name_closed_by_a_comma():
    found = mentions("وأعلن الجيش مقتل القيادي في الحركة، أحمد شيخ نور عدو غالي، في عملية عسكرية.")
    assert found["أحمد شيخ نور عدو غالي"].type == "Person"


def test_a_long_reading_stops_at_a_conjoined_word():
    found = mentions("وقتل عمر وزوجته خولة زيتاوي، في القصف.")
    assert not any("زيتاوي" in surface for surface in found)


def test_a_company_named_in_quotes():
    found = mentions('وتدير الناقلة شركة "ماراجو مارين سولوشنز" الهندية.')
    entity = next(e for s, e in found.items() if "ماراجو" in s)
    assert entity.type == "Organisation" and entity.minted


def test_short_rsf_in_news_of_sudan_only():
    sudan = mentions("وقال الجيش السوداني إن قوات الدعم انتشرت في قرى غرب الفاشر.")
    assert sudan["قوات الدعم"].key == "RSF"
    other = mentions("وقالت وزارة الدفاع الأوكرانية إن قوات الدعم وصلت إلى خاركيف.")
    assert "RSF" not in {e.key for e in other.values()}


def test_areas_listed_after_a_plural_head():
    found = mentions("وتركزت الاشتباكات في مناطق كوراشي ولاستو وتيغادو، بالإضافة إلى مناطق أخرى.")
    assert all(found[s].type == "Region" for s in ("كوراشي", "ولاستو", "وتيغادو"))


@pytest.mark.parametrize("text", [
    "وما زالت الحركة تسيطر على مناطق ريفية واسعة وتنفذ هجمات.",
    "وسيطر الجيش على مناطق سيطرة المتمردين.",
    "وتشهد مناطق متفرقة اشتباكات متقطعة.",
])
def test_no_areas_from_a_plural_head_and_adjectives(text):
    assert not [e for e in mentions(text).values() if e.minted and e.type == "Region"]


def test_a_group_head_before_a_known_group_is_part_of_its_name():
    found = mentions("وتدور معارك بين ميليشيات جبهة فانو المسلحة والقوات الحكومية.")
    assert found["جبهة فانو"].key == "Fano"


def test_an_unknown_name_set_off_before_a_title_is_a_person():
    found = mentions("وقال كياو ثونغا، المتحدث باسم الجماعة، إن الطائرات قصفت القرية.")
    assert found["كياو ثونغا"].type == "Person" and found["كياو ثونغا"].minted


def test_a_common_phrase_before_a_comma_and_a_title_is_no_person():
    found = mentions("ودخلت الخطة حيز التنفيذ، رئيس الحكومة قال ذلك.")
    assert "حيز التنفيذ" not in found
