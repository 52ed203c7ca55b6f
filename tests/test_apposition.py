"""Titles and names set off by commas, and where a name ends (issue 10: referents).

Sentences written for these tests, in the shapes real wire copy uses.
"""
from __future__ import annotations

from datetime import date

from kg.extract.pipeline import extract
from kg.model import Document


def run(text: str):
    return extract(Document("t", text, date=date(2025, 6, 1)))


def test_a_title_then_a_known_name_between_commas_is_that_person():
    x = run("وصرح عضو المجلس السياسي الأعلى للحوثيين، محمد علي الحوثي، بأن واشنطن عاجزة عن حماية سفنها.")
    assert [c.speaker for c in x.claims] == ["Mohammed_Ali_al_Houthi"], [(c.speaker, c.quote) for c in x.claims]
    assert not [k for k, e in x.entities.items() if e.type == "Person" and e.minted], list(x.entities)


def test_a_known_name_then_its_title_after_a_comma_mints_no_second_holder():
    x = run("وشارك في المحادثات ستيف ويتكوف، المبعوث الخاص للرئيس الأمريكي، إلى جانب الوسطاء.")
    envoys = [e for e in x.events if e.type == "Envoy"]
    assert [e.agents for e in envoys] == [["Steve_Witkoff"]], [(e.agents, e.targets, e.rule) for e in envoys]
    assert not [k for k, e in x.entities.items() if e.type == "Person" and e.minted], list(x.entities)


def test_a_known_name_then_a_title_without_comma_is_another_person():
    x = run("والتقى ترامب الرئيس الفرنسي في باريس.")
    leaders = {tuple(e.agents) for e in x.events if e.type == "Leadership"}
    assert ("Donald_Trump",) not in leaders, leaders


def test_a_name_ends_before_a_casualty_word():
    x = run("أعلن وزير الإعلام الباكستاني خالد تارار مقتل 36 مسلحا في الاشتباكات.")
    names = {e.name_ar for e in x.entities.values() if e.type == "Person"}
    assert names == {"خالد تارار"}, names


def test_a_theophoric_compound_is_one_given_name():
    x = run("أعلن وزير الإعلام الباكستاني عطاء الله تارار مقتل 36 مسلحا في الاشتباكات.")
    names = {e.name_ar for e in x.entities.values() if e.type == "Person"}
    assert names == {"عطاء الله تارار"}, names
    reports = [e for e in x.events if e.type == "CasualtyReport"]
    assert reports and all(x.entities[a].name_ar == "عطاء الله تارار" for e in reports for a in e.agents), reports


def test_a_title_ends_at_its_comma_and_a_time_phrase_is_no_name():
    x = run("وسيلتقي الرئيس الأمريكي ولي العهد السعودي، اليوم الثلاثاء في تمام الساعة 11 بالتوقيت المحلي لواشنطن.")
    names = {e.name_ar for e in x.entities.values() if e.type == "Person" and e.minted}
    assert not names, names


def test_a_second_title_of_another_state_is_another_person():
    x = run("وسيلتقي الرئيس الأمريكي ولي العهد السعودي في البيت الأبيض.")
    contacts = [(e.agents, e.targets) for e in x.events if e.type == "DiplomaticContact"]
    assert contacts == [(["Donald_Trump"], ["Mohammed_bin_Salman"])], contacts
    y = run("وقال قائد الجيش السوداني رئيس مجلس السيادة الفريق أول عبد الفتاح البرهان إن الحرب مستمرة.")
    assert [c.speaker for c in y.claims] == ["Abdel_Fattah_al_Burhan"]  # chained titles of one state stay his


def test_a_headline_phrase_after_a_title_is_no_name():
    x = run("سفيرة السعودية بواشنطن: زيارة ولي العهد فصل جديد ومهم في العلاقات")
    assert not [e.name_ar for e in x.entities.values() if e.type == "Person" and e.minted]
