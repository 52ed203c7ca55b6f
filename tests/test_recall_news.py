"""Relation recall on real-news structures (issue 11): two actors both named in a sentence and
joined by an act the frames did not read. The sentences are written for these tests; each
reproduces a structure of real news that gave no event before."""
from __future__ import annotations

from datetime import date

from kg.extract.pipeline import extract
from kg.model import Document


def events(text: str, kind: str):
    found = extract(Document("t", text, date=date(2024, 5, 20)), strict=True).events
    return [e for e in found if e.type == kind]


def test_host_receives_a_visitor_named_after_the_subject():
    visits = events("استقبل الرئيس عبد الفتاح السيسي صباح الأحد الرئيس التركي رجب طيب أردوغان في القاهرة.", "Visit")
    assert [(e.agents, e.targets) for e in visits] == [(["Recep_Tayyip_Erdogan"], ["Abdel_Fattah_el_Sisi"])]


def test_receiving_refugees_is_no_visit():
    assert events("استقبلت تركيا آلاف اللاجئين السوريين بحسب الرئيس رجب طيب أردوغان.", "Visit") == []


def test_battles_fought_against_a_named_force():
    clashes = events("تخوض القوات المسلحة السودانية معارك ضارية ضد قوات الدعم السريع قرب الفاشر.", "ArmedClash")
    assert [(e.agents, e.targets) for e in clashes] == [(["Sudanese_Armed_Forces"], ["RSF"])]


def test_proposal_received_from_mediators_named_by_their_nisbas():
    handovers = events("تسلم وفد حركة حماس في الدوحة ورقة جديدة من الوسطاء المصريين والقطريين حول التهدئة.",
                       "ProposalHandover")
    assert [(e.agents, e.targets) for e in handovers] == [(["Hamas"], ["Egypt", "Qatar"])]


def test_accusation_noun_names_the_accused_after_lam():
    accusations = events("وجاء ذلك عقب اتهام طهران للولايات المتحدة بتمويل الاحتجاجات.", "Accusation")
    assert [(e.agents, e.targets) for e in accusations] == [(["Iran"], ["United_States"])]


def test_ma_after_a_pronoun_is_which_not_a_negator():
    denials = events("وتتهم بغداد الحركة بإيواء مسلحين، وهو ما نفته أنقرة مراراً.", "Denial")
    assert [e.agents for e in denials] == [["Turkey"]]


def test_leaving_for_a_country_is_a_visit_to_it():
    visits = events("غادر الرئيس التركي رجب طيب أردوغان أنقرة صباح اليوم متوجها إلى قطر في زيارة رسمية.", "Visit")
    assert [(e.agents, e.targets) for e in visits] == [(["Recep_Tayyip_Erdogan"], ["Qatar"])]


def test_strike_named_as_the_means_of_a_killing_is_the_killers():
    strikes = events("وقتلت إسرائيل مساء الثلاثاء ثلاثة مسلحين في غارة على مدينة صيدا.", "AirStrike")
    assert [e.agents for e in strikes] == [["Israel"]]


def test_a_victim_of_a_passive_killing_is_no_striker():
    strikes = events("قتلت طفلة فلسطينية في غارة على خان يونس.", "AirStrike")
    assert [e.agents for e in strikes] == [[]]


def test_means_of_a_killing_after_an_object_with_a_relative_clause():
    strikes = events("وقتلت إسرائيل قائدا في حركة حماس التي تدير قطاع غزة وعددا من مرافقيه في غارة على خان يونس.",
                     "AirStrike")
    assert [e.agents for e in strikes] == [["Israel"]]


def test_coming_to_power_is_no_visit():
    assert events("ويحاول المجلس العسكري في مالي، الذي وصل إلى السلطة بعد انقلابين، احتواء العنف.", "Visit") == []


def test_security_forces_alone_disperse_protesters():
    dispersals = events("وأطلقت قوات الأمن الغاز المسيل للدموع على المتظاهرين قرب البرلمان في بغداد.",
                        "ProtestWithIntervention")
    assert dispersals and all(e.agents and "SecurityForces" in e.agents[0] for e in dispersals)
