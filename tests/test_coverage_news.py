"""Relation coverage on real-news structures (issue 11). Each sentence is written for
these tests and reproduces a structure of published news that gave a wrong or no event before."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.pipeline import extract
from kg.model import Document


def events(text: str, kind: str):
    found = extract(Document("t", text, date=date(2025, 5, 20)), strict=True).events
    return [e for e in found if e.type == kind]


def roles(text: str, kind: str):
    return [(e.agents, e.targets) for e in events(text, kind)]


# -- delegations: "وفد من X"، "وفد أمريكي"، "وفد برئاسة X" are subjects and visitors ----------------
def test_a_delegation_of_a_movement_is_the_movements_visit():
    """"التقى وفد من حركة X برئاسة فلان مسؤولين": the movement meets; its leader is no target."""
    found = roles("التقى وفد من حركة حماس برئاسة خليل الحية مسؤولين مصريين في القاهرة.", "DiplomaticContact")
    assert found and found[0][0] == ["Hamas"] and "Khalil_al_Hayya" not in found[0][1]


def test_a_delegation_led_by_a_minister_is_the_ministers_visit():
    """"زار وفد برئاسة الوزير فلان مدينة": the leader named after برئاسة is the visitor."""
    assert roles("زار وفد برئاسة وزير الخارجية السوري أسعد الشيباني العاصمة الروسية موسكو.", "Visit")[0][0] \
        == ["Asaad_al_Shaibani"]


def test_a_delegation_by_nisba_is_its_states():
    assert roles("وزار وفد إسرائيلي برئاسة رون ديرمر واشنطن لبحث الهدنة.", "Visit")[0][0] == ["Israel"]


def test_a_hosted_delegation_is_the_guest():
    """"استقبل الوزير X وفداً من حركة Y": Y visits X."""
    assert roles("استقبل وزير الخارجية المصري بدر عبد العاطي وفدا من حركة حماس في القاهرة.", "Visit") \
        == [(["Hamas"], ["Badr_Abdelatty"])]


def test_a_hosted_delegation_led_by_someone_is_his_visit():
    assert roles("واستقبل الرئيس اللبناني جوزاف عون وفدا برئاسة المبعوث الأمريكي توم باراك.", "Visit") \
        == [(["Tom_Barrack"], ["Joseph_Aoun"])]


def test_a_delegation_arriving_for_talks_is_a_visit():
    assert roles("ووصل وفد من حركة حماس إلى القاهرة لإجراء محادثات مع الوسطاء.", "Visit") == [(["Hamas"], ["Cairo"])]


def test_a_toll_reaching_a_number_is_no_visit():
    """"وصل عدد القتلى إلى 40": a count arriving at a number, even beside a visit."""
    found = events("ووصل عدد القتلى إلى 40 خلال زيارة المبعوث إلى المنطقة.", "Visit")
    assert [e.trigger for e in found if e.trigger == "ووصل"] == []


# -- accepting: an Agreement only with an object that can be accepted ------------------------------
def test_accepting_a_mediation_is_an_agreement():
    assert roles("وقبلت الحكومة السودانية الوساطة التركية لإنهاء الحرب.", "Agreement")[0][0] == ["Sudanese_Government"]


def test_before_is_no_acceptance():
    """"قبل أن يغادر" (before he left) spells the same letters as قَبِلَ (accepted)."""
    assert events("وقبل أن يغادر الوسيط القطري الدوحة، قال إن الهدنة صامدة.", "Agreement") == []


# -- partitive targets: the place a part of which is struck or taken -------------------------------
def test_shelling_parts_of_a_town_targets_the_town():
    assert roles("وقصف الجيش الإسرائيلي أجزاء واسعة من بلدة الخيام فجر اليوم.", "Shelling") == [(["IDF"], ["Khiam"])]


def test_taking_most_of_a_city_targets_the_city():
    assert roles("وسيطرت حركة إم 23 على معظم أحياء مدينة غوما.", "TerritoryCapture")[0][1] == ["Goma"]


def test_taking_the_larger_part_of_a_town_targets_the_town():
    assert roles("واستولت قوات الدعم السريع على القسم الأكبر من بلدة بارا.", "TerritoryCapture")[0][1] == ["Bara_Sudan"]


def test_a_hosted_delegation_after_a_day_name_is_the_guest():
    assert roles("واستقبل الرئيس التركي رجب طيب أردوغان، الثلاثاء، وفدا من حركة حماس في إسطنبول.", "Visit") \
        == [(["Hamas"], ["Recep_Tayyip_Erdogan"])]


# -- word senses: a politician's attack on a government is criticism ------------------------------
def test_a_politician_attacking_the_government_is_criticism():
    text = "وهاجم زعيم المعارضة الإسرائيلية يائير لابيد الحكومة الإسرائيلية بشدة."
    assert events(text, "Attack") == []
    assert roles(text, "Condemnation") == [(["Yair_Lapid"], ["Israeli_Government"])]


def test_a_leader_launching_an_attack_on_a_rival_is_criticism():
    assert events("وشن الرئيس الأمريكي دونالد ترامب هجوما على جو بايدن خلال تجمع انتخابي.", "Attack") == []


def test_gunmen_attacking_a_village_stay_an_attack():
    assert roles("وهاجم مسلحون من حركة الشباب قرية في إقليم شبيلي السفلى.", "Attack")[0][0] == ["Al_Shabaab"]


def test_a_commander_attacking_a_city_stays_an_attack():
    assert [e.type for e in events("وهاجم قائد قوات الدعم السريع محمد حمدان دقلو مدينة الفاشر.", "Attack")] == ["Attack"]


# -- gazetteer growth: names of today's conflicts that real news gives -----------------------------
def keys(text: str) -> set[str]:
    return {m.entity for m in extract(Document("t", text, date=date(2025, 9, 1)), strict=True).mentions}


def test_sources_and_leaders_of_todays_conflicts_are_known():
    assert "Sudan_Doctors_Network" in keys("وقالت شبكة أطباء السودان إن 15 مدنيا قتلوا في قصف على الفاشر.")
    assert {"Noureddine_al_Baba", "Anas_Khattab"} <= keys(
        "وقال نور الدين البابا إن وزير الداخلية أنس حسان خطاب زار السويداء.")
    assert "Mahmoud_Hamza" in keys("وقال آمر اللواء 444 قتال محمود حمزة إن قواته انتشرت في طرابلس.")


def test_a_somali_town_is_not_the_yemeni_port():
    """"عدن يابال" (Somalia) is one name, not Aden followed by a word."""
    assert roles("وسيطر مقاتلو حركة الشباب على أجزاء من بلدة عدن يابال.", "TerritoryCapture") == \
        [(["Al_Shabaab"], ["Adan_Yabaal"])]


def test_under_the_command_of_is_a_lead_marker():
    found = [(e.agents, e.targets) for e in extract(Document("t", "وانتشرت قوات جهاز الردع بإمرة عبد الرؤوف كارة في طرابلس.",
                                                             date=date(2025, 9, 1)), strict=True).events
             if e.type == "Leadership"]
    assert (["Abdel_Raouf_Kara"], ["Radaa"]) in found


# -- clashes between forces named by their owner, fire exchanged with the other side -------------
def test_a_clash_between_forces_loyal_to_someone_is_his():
    assert roles("واندلعت اشتباكات عنيفة بين القوات الموالية للدبيبة وقوات جهاز الردع في طرابلس.", "ArmedClash") \
        == [(["Abdul_Hamid_Dbeibah"], ["Radaa"])]


def test_fire_exchanged_with_the_other_side_targets_it():
    assert roles("وتبادل اللواء 444 قتال إطلاق النار مع جهاز الردع قرب مطار معيتيقة.", "Shelling")[0] \
        == (["Brigade_444"], ["Radaa"])


def test_fire_exchanged_by_members_of_a_force_is_the_forces():
    assert roles("وتبادل عناصر من اللواء 444 قتال إطلاق النار مع عناصر من جهاز الردع.", "Shelling")[0] \
        == (["Brigade_444"], ["Radaa"])


PAIRS = [
    # "بين قوات سوريا الديمقراطية (قسد) وقوات الحكومة": the bracketed alias is no end of the list
    ("ودارت اشتباكات عنيفة بين قوات سوريا الديمقراطية (قسد) وقوات الحكومة السورية في حلب.",
     "ArmedClash", [(["SDF"], ["Syrian_Government"])]),
    # the second party introduced again with بين
    ("واندلعت معارك ضارية بين الجيش الصومالي وبين مقاتلي حركة الشباب.",
     "ArmedClash", [(["Somali_National_Army"], ["Al_Shabaab"])]),
    # "بين X من جهة، وY من جهة أخرى", X named by what it belongs to past its nisba
    ("واندلعت اشتباكات بين الفصائل السورية المسلحة التابعة للحكومة السورية المؤقتة من جهة، "
     "ومسلحي مجلس منبج العسكري من جهة أخرى.", "ArmedClash", [(["Syrian_Interim_Government"], ["Manbij_Council"])]),
    # -- a phone call named as a noun is the call of the verb's actor; a received call is the sender's
    ("وشدد وزير الخارجية العراقي فؤاد حسين، في اتصال هاتفي مع نظيره التركي هاكان فيدان، على رفض القصف.",
     "PhoneCall", [(["Fuad_Hussein"], ["Hakan_Fidan"])]),
    ("وأجرى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا مع الرئيس الأمريكي دونالد ترامب.",
     "PhoneCall", [(["Abdel_Fattah_el_Sisi"], ["Donald_Trump"])]),
    ("تلقى الأمير فيصل بن فرحان بن عبدالله وزير الخارجية السعودي، اليوم الجمعة، اتصالا هاتفيا "
     "من وزير الخارجية الأمريكي أنتوني بلينكن.", "PhoneCall", [(["Antony_Blinken"], ["Faisal_bin_Farhan"])]),
]


@pytest.mark.parametrize("text, kind, expected", PAIRS)
def test_the_two_parties_of_a_clash_or_a_call(text: str, kind: str, expected):
    assert roles(text, kind) == expected
# -- the source a report is attributed to is not the actor of what the speaker says ----------------
def test_a_wire_source_is_not_the_speakers_pronoun():
    """"بحسب وكالة رويترز، قال الجيش X إنه قصف": the army shelled, not the agency."""
    assert roles("وبحسب وكالة رويترز، قال الجيش الإسرائيلي إنه قصف مواقع في جنوب لبنان.", "Shelling")[0][0] == ["IDF"]


def test_according_to_a_wire_the_air_force_downed_drones():
    found = events("ووفقا لرويترز، أعلنت القوات الجوية الأوكرانية أنها أسقطت 563 طائرة مسيرة.", "Interception")
    assert [e.agents for e in found] == [["Ukraine_AirForce"]]


# -- air raids and reported strikes as Lebanese and Syrian wire copy writes them -------------------
def test_an_air_raid_verb_is_an_air_strike():
    assert roles("وأغار الطيران الحربي الإسرائيلي فجر اليوم على بلدة الخيام.", "AirStrike") == [(["Israel"], ["Khiam"])]


def test_two_strikes_by_a_dual_nisba():
    found = roles("وأعلنت وزارة الصحة استشهاد اثنين في غارتين إسرائيليتين على جنوب لبنان.", "AirStrike")
    assert found and found[0][0] == ["Israel"]


def test_a_reported_targeting_is_the_reporters_attack():
    assert roles("وأعلن حزب الله استهداف تجمع لجنود إسرائيليين في محيط موقع الضهيرة.", "Attack")[0][0] == ["Hezbollah"]


def test_a_threatened_targeting_is_no_attack():
    found = events("وهددت إسرائيل أمس باستهداف القيادة السياسية لحركة حماس.", "Attack")
    assert all(e.modality == "Hypothetical" for e in found)


def test_hostages_held_after_a_number():
    """"واحتجزت 68 رهينة": hostage taking, not an arrest."""
    assert [e.agents for e in events("ورفضت الجبهة الشعبية لتحرير فلسطين الهدنة واحتجزت 68 رهينة من الأجانب في فندقين.", "HostageTaking")] \
        == [["PFLP"]]


def test_a_spokespersons_reported_act_is_his_bodys():
    """"أعلن المتحدث العسكري للحوثيين فلان استهداف X"، "قال المتحدث باسم الجيش إنه قصف": the body acts."""
    assert roles("وأعلن المتحدث العسكري للحوثيين يحيى سريع استهداف مدينة إيلات بطائرات مسيرة.", "Attack")[0] \
        == (["Houthis"], ["Eilat"])
    assert roles("وقال المتحدث باسم الجيش الإسرائيلي إنه قصف مواقع في جنوب لبنان.", "Shelling")[0][0] == ["IDF"]
