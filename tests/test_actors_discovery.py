"""Entity discovery beyond the gazetteer: bodies by description, forces by owner, groups by head
noun or quotes, places by type noun, people by a given name; and what is not a name."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import extract
from kg.model import Document


def run(text: str):
    return extract(Document("t", text, date=date(2024, 5, 20)))


def found(text: str) -> dict[str, object]:
    """Surface -> entity of every mention that is not a qualifier."""
    x = run(text)
    return {m.surface: x.entities[m.entity] for m in x.mentions if m.kind != "qualifier"}


@pytest.mark.parametrize("text, surface, type_", [
    ("وقالت حكومة الوفاق الوطني إن الهدنة صامدة.", "حكومة الوفاق الوطني", "Government"),
    ("وأصدر المجلس الرئاسي قراراً بحل اللجنة.", "المجلس الرئاسي", "GovernmentBody"),
    ("واعتقل جهاز الحرس الرئاسي ثلاثة مطلوبين في المدينة.", "جهاز الحرس الرئاسي", "GovernmentBody"),  # (جهاز الردع is Radaa now)
    ("وتبنت جماعة أنصار الحق الهجوم على الثكنة.", "جماعة أنصار الحق", "ArmedGroup"),
    ('وأعلنت حركة "أحرار الجنوب" مسؤوليتها عن الهجوم.', 'أحرار الجنوب', "ArmedGroup"),  # the quoted words alone
    ("وقصفت الطائرات مستشفى الأمل في المدينة.", "مستشفى الأمل", "Place"),
    ("وتقدم المسلحون نحو بلدة كومبا فجراً.", "كومبا", "City"),
    ("وقصفت المدفعية مخيم الزهراء للاجئين.", "مخيم الزهراء", "Place"),
    ("وعاد آلاف النازحين إلى مخيم تاروبا.", "مخيم تاروبا", "Place"),
    ("وأصدر المجلس العسكري بياناً.", "المجلس العسكري", "GovernmentBody"),
])
def test_named_by_head_noun(text, surface, type_):
    entities = found(text)
    assert surface in entities, entities
    assert entities[surface].type == type_ and entities[surface].minted


def test_forces_named_by_their_region_are_part_of_it():
    entity = found("واشتبكت القوات الحكومية مع قوات تيغراي قرب الحدود.")["قوات تيغراي"]
    assert entity.type == "ArmedGroup" and entity.part_of == "Tigray" and entity.country == "Ethiopia"


def test_a_camp_named_by_its_city_is_part_of_the_city():
    x = run("وقتل ثلاثة في قصف على معسكر غوما ليلاً.")
    camp = next(x.entities[m.entity] for m in x.mentions if m.surface == "معسكر غوما")
    assert camp.type == "Place" and camp.part_of == "Goma"


def test_an_adjective_between_an_army_and_its_nisba():
    entities = found("واشتبك الجيش الاتحادي الإثيوبي مع المسلحين.")
    assert entities["الجيش الاتحادي الإثيوبي"].key == "Ethiopia_ArmedForces"


def test_a_trailing_nisba_gives_the_country():
    entity = found("وقالت هيئة عمليات التجارة البحرية البريطانية إن السفينة أصيبت.")[
        "هيئة عمليات التجارة البحرية البريطانية"]
    assert entity.country == "United_Kingdom"
    assert entity.key != "United_Kingdom_Navy"


def test_a_person_named_without_a_title():
    entity = found("في المقابل، اتهم لورانس كانيوكا القوات الحكومية بانتهاك الهدنة.")["لورانس كانيوكا"]
    assert entity.type == "Person" and entity.name_ar == "لورانس كانيوكا"


@pytest.mark.parametrize("text, not_a_name", [
    ("ونقل الجرحى إلى مستشفى ميداني قرب الحدود.", "مستشفى ميداني"),
    ("ولجأ السكان إلى مخيم للنازحين.", "مخيم للنازحين"),
    ("وهاجمت جماعة مسلحة القرية.", "جماعة مسلحة"),
    ("وقال إن جماعة مرتبطة بإيران تقف وراء الهجوم.", "جماعة مرتبطة"),
    ("وتقدمت القوات نحو بلدة ساكي الواقعة غرب المدينة.", "بلدة ساكي الواقعة"),
    ("وشهدت حركة السير ازدحاماً في المدينة.", "حركة السير"),
])
def test_descriptions_that_name_nothing(text, not_a_name):
    assert not any(not_a_name in surface for surface in found(text))


@pytest.mark.parametrize("text, surface, key", [
    ("وفرضت الخزانة الأميركية عقوبات على ثلاثة قادة في الجماعة.", "الخزانة الأميركية", "US_Treasury"),
    ("وقال حرس المجلس الرئاسي إنه أحبط هجوماً على المقر في طرابلس.", "حرس المجلس الرئاسي", "Libya_PresidentialGuard"),
    ("وأعلنت المديرية العامة للاستخبارات الليبية اعتقال خلية في العاصمة.", "المديرية العامة للاستخبارات الليبية",
     "Libya_Intelligence"),
    ("وداهم جهاز الأمن الوطني العراقي منازل مطلوبين في بغداد.", "جهاز الأمن الوطني العراقي", "Iraq_NationalSecurityService"),
])
def test_state_bodies_named_by_a_long_description(text, surface, key):
    assert found(text)[surface].key == key


def test_treasury_alone_is_no_person_and_a_public_treasury_no_body():
    entities = found("وقالت وزارة الخزانة إن العقوبات تستهدف شبكة تمويل. ويعاني البلد من عجز الخزانة العامة.")
    assert entities["وزارة الخزانة"].type == "Ministry"
    assert not any("الخزانة العامة" in s for s in entities)


def test_towns_listed_after_a_plural_head_are_each_a_town():
    entities = found("واعتقلت القوات شبانا من قرى وبلدات أم صفا والمغير وسلواد في رام الله.")
    towns = {entity.name_ar for entity in entities.values() if entity.type == "City" and entity.minted}
    assert {"أم صفا", "المغير", "سلواد"} <= towns


def test_adjectives_and_regions_after_a_plural_head_name_no_town():
    entities = found("وقصف الجيش قرى مكتظة بالسكان. وقتل مدنيون في قرى وبلدات الريف الغربي.")
    assert not any(entity.minted and entity.type == "City" for entity in entities.values())


@pytest.mark.parametrize("text, surface", [
    ("وقصفت الميليشيات منازل في مديرية التحيتا جنوبي الحديدة.", "التحيتا"),  # a Yemeni district
    ("واقتحمت القوات بلدة جماعين جنوبها فجراً.", "جماعين"),  # the direction is no part of the name
    ("وتجمع المحتجون في ميدان العباسية وسط القاهرة.", "ميدان العباسية"),
])
def test_districts_squares_and_towns_before_a_direction(text, surface):
    assert surface in found(text)


def test_a_battlefield_is_no_square():
    assert not any("ميدان" in surface for surface in found("وفر المقاتلون من ميدان المعركة."))


@pytest.mark.parametrize("text, not_a_name", [
    ("ثم انسحب المهاجمون باتجاه المناطق الصحراوية.", "الصحراوية"),  # desert, not the Sahrawi republic
    ("وقتل جنود في هجمات منسقة في أنحاء البلاد.", "أنحاء البلاد"),
])
def test_common_words_that_looked_like_names(text, not_a_name):
    assert not_a_name not in found(text)


def test_a_quoted_village_and_a_base_are_named():
    entities = found('وقصفت المدفعية قرية "زاو ما دت"، السبت. واحتل المهاجمون قاعدة جنالي في شبيلي السفلى.')
    assert entities["زاو ما دت"].type == "City" and entities["قاعدة جنالي"].type == "Place"


@pytest.mark.parametrize("text", ["وأنشأت الوزارة قاعدة بيانات للنازحين.", "وتتمتع الحركة بقاعدة شعبية واسعة.",
                                  "وهاجمت الطائرات قاعدة جوية قرب العاصمة."])
def test_a_base_that_is_no_name(text):
    assert not any("قاعدة" in surface for surface in found(text))


def test_a_relative_named_with_a_surname_remembered_from_another_person():
    x = run("وقالت مريم الخطيب إن الوضع صعب. وأكد سامي الخطيب أن القصف مستمر.")
    people = {m.surface: m.entity for m in x.mentions if x.entities[m.entity].type == "Person"}
    assert people.get("سامي الخطيب") and people["سامي الخطيب"] != people["مريم الخطيب"]


def test_a_quoted_newspaper_is_an_outlet_not_the_city_in_its_name():
    x = run('وذكرت صحيفة "بانكوك بوست" أن الجيش قد ينفذ انقلابا جديدا.')
    speakers = [x.entities[c.speaker] for c in x.claims]
    assert [e.type for e in speakers] == ["MediaOutlet"] and "بانكوك بوست" in speakers[0].name_ar, \
        [(e.key, e.type) for e in speakers]
    assert "Bangkok" not in x.entities, list(x.entities)


def test_a_quoted_military_post_is_no_outlet():
    assert not any(e.type == "MediaOutlet" for e in run('وقصفت المدفعية موقع "الراهب" العسكري.').entities.values())
