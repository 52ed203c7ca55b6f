"""Where an event happened (kg/extract/places.py): the place after a locative in the event's own
clause becomes its `location`; a place there only because of the locative is no target. The
sentences are written for these tests; each reproduces a structure of real news that had no place."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import extract
from kg.model import Document


def events(text: str, types: set[str] | None = None):
    found = extract(Document("t", text, date=date(2024, 5, 20)), strict=True).events
    return [e for e in found if types is None or e.type in types]


def one(text: str, event_type: str):
    found = events(text, {event_type})
    assert len(found) == 1, [(e.type, e.trigger, e.agents, e.targets, e.location) for e in found]
    return found[0]


@pytest.mark.parametrize("text, event_type, place", [
    # في + city, a direction phrase after it: the first place
    ("قصفت المدفعية الإسرائيلية منازل في خان يونس جنوب قطاع غزة.", "Shelling", "Khan_Younis"),
    # an event noun after a light verb, the target common noun after على, the place after في
    ("شنت طائرات حربية إسرائيلية سلسلة غارات على سلسلة الجبال الشرقية في سهل البقاع.", "AirStrike", "Bekaa"),
    # ب on the head noun of the place
    ("اندلعت اشتباكات عنيفة بمدينة الفاشر بين الجيش وقوات الدعم السريع.", "ArmedClash", "El_Fasher"),
    # a direction word by itself after the object
    ("اقتحمت قوات الاحتلال مخيم جنين شمال الضفة الغربية.", "Attack", "West_Bank"),
    # في + head noun
    ("نشرت بعثة الأمم المتحدة قوات في مدينة ساكي.", "Deployment", "Sake"),
    # a meeting takes its place too
    ("التقى وزير الخارجية المصري نظيره القطري في الدوحة.", "DiplomaticContact", "Doha"),
])
def test_the_place_after_a_locative_is_the_location(text, event_type, place):
    assert one(text, event_type).location == place


def test_a_place_after_ala_is_the_target_and_the_one_after_fi_the_location():
    strike = one("شنت إسرائيل غارات على رفح في جنوب قطاع غزة.", "AirStrike")
    assert strike.targets == ["Rafah"] and strike.location == "Gaza_Strip"


def test_the_object_of_the_verb_stays_the_target_and_gives_no_location():
    shelling = one("قصفت الطائرات الإسرائيلية مدينة رفح.", "Shelling")
    assert shelling.targets == ["Rafah"] and shelling.location == ""


def test_a_locative_place_is_no_target_beside_a_real_one():
    clash = one("اندلعت اشتباكات عنيفة بمدينة الفاشر بين الجيش وقوات الدعم السريع.", "ArmedClash")
    assert "El_Fasher" not in clash.targets and clash.location == "El_Fasher"


def test_a_place_is_not_taken_past_the_next_event():
    # the place after the strike is the strike's, not the casualty count's before it
    strike = one("قتل خمسة أشخاص في غارة إسرائيلية على بلدة في جنوب لبنان.", "AirStrike")
    assert strike.location == "South_Lebanon"


def test_speech_acts_take_no_place():
    appeal = one("دعا الأمين العام للأمم المتحدة إلى وقف الحرب في السودان.", "Appeal")
    assert appeal.location == ""


def test_ties_take_no_place():
    ties = events("اقتحمت قوات الاحتلال مخيم جنين شمال الضفة الغربية.", {"PlaceWithin"})
    assert ties and all(t.location == "" for t in ties)


def test_a_destination_is_no_location():
    withdrawal = events("انسحبت القوات الروسية من مدينة خيرسون إلى الضفة الشرقية.", None)
    assert all(e.location != "Kherson" for e in withdrawal)


def test_the_location_reaches_the_graph():
    from kg.graph.build import extraction_graph
    from sparql_helpers import ask

    text = "قصفت المدفعية الإسرائيلية منازل في خان يونس جنوب قطاع غزة."
    graph = extraction_graph(extract(Document("t", text, date=date(2024, 5, 20))))
    assert ask(graph, "?e a kg:Shelling ; kg:location kgr:Khan_Younis .")


def test_a_place_is_no_target_of_an_attack_that_names_no_attacker():
    attack = one("تعرضت حافلة ركاب أمس لهجوم في تيتاو.", "Attack")
    assert attack.targets == [] and attack.location == "Titao"


def test_with_no_other_target_the_place_stays_the_object_of_the_direct_relation():
    # gold sets read "the army shelled positions in Kharkiv and Sumy" as attacks Kharkiv, attacks Sumy
    shelling = one("قصفت القوات الروسية مواقع في مدينتي خاركيف وسومي.", "Shelling")
    assert shelling.location == "Kharkiv" and shelling.targets == ["Kharkiv", "Sumy"]


def test_a_casualty_count_takes_the_place_of_the_strike_that_caused_it():
    found = events("قتل ثلاثة مدنيين جراء قصف مدفعي على منزل في مخيم النصيرات.", {"CasualtyReport", "Shelling"})
    assert {e.type: e.location for e in found} == {"CasualtyReport": "Nuseirat", "Shelling": "Nuseirat"}


def test_a_village_east_of_a_city_is_placed_in_the_region_named_next():
    strike = one("واستهدفت طائرة مسيرة قرية صغيرة شرقي مدينة الأبيض، في ولاية شمال كردفان.", "DroneStrike")
    assert strike.location == "North_Kordofan"


def test_talks_take_no_place_named_before_them():
    ceasefire = one("وفد حماس في القاهرة يتسلم مقترحا جديدا لوقف إطلاق النار", "Ceasefire")
    assert ceasefire.location == ""


def test_a_visit_is_not_placed_through_the_talks_it_attends():
    visit = one("ووصلت إلى مدينة شرم الشيخ، اليوم، الوفود المشاركة في مفاوضات وقف إطلاق النار في غزة.", "Visit")
    assert visit.location == ""
