"""Actors: the pair a dual anaphor stands for, crowds, namesakes, eval conventions."""
from __future__ import annotations

from datetime import date

from kg.extract.pipeline import extract
from kg.model import Document


def run(text: str, published: date | None = date(2025, 8, 20)):
    return extract(Document("t", text, date=published))


def pair(x, surface: str) -> set[str]:
    return {m.entity for m in x.mentions if m.surface == surface and m.kind == "anaphor"}


def test_the_two_sides_are_the_two_joined_in_their_sentence():
    # a capital joined by و to an armed group stands for its state; the city of the signing is no party
    x = run("ووقّعت الخرطوم وقوات الدعم السريع اتفاقاً في جدة، أكّد فيه الطرفان التزامهما بالهدنة.")
    assert pair(x, "الطرفان") == {"Sudan", "RSF"}


def test_the_two_sides_are_the_pair_of_an_earlier_sentence_not_the_speakers_city():
    x = run("وأكد المبعوث الأمريكي أن الجيش السوداني وقوات الدعم السريع وافقا على هدنة. "
            "وقال المبعوث في القاهرة إن ممثلي الطرفين يجتمعون في واشنطن.")
    assert pair(x, "الطرفين") == {"Sudanese_Armed_Forces", "RSF"}


def test_a_list_of_mediators_is_no_pair():
    x = run("وأكد المبعوث أن الجيش السوداني وقوات الدعم السريع وافقا على خطة تضم الولايات المتحدة ومصر "
            "والإمارات. وقال إن ممثلي الطرفين وصلوا.")
    assert pair(x, "الطرفين") == {"Sudanese_Armed_Forces", "RSF"}


def test_the_two_countries_again_are_the_pair_resolved_before():
    x = run("وبحث وزير الخارجية المصري مع نظيره السعودي العلاقات بين البلدين. "
            "وتناول الاتصال الأوضاع في غزة والتعاون بين البلدين.")
    pairs = [{m.entity for m in x.mentions if m.sentence == s and m.surface == "البلدين"} for s in (0, 1)]
    assert pairs == [{"Egypt", "Saudi_Arabia"}, {"Egypt", "Saudi_Arabia"}]


def test_the_two_countries_are_the_pair_between_which_ties_broke():
    x = run("وأعربت الخارجية السعودية عن أسفها لتدهور العلاقات بين الأشقاء في كل من المغرب والجزائر. "
            "وأعربت الخارجية السعودية عن أملها في عودة العلاقات بين البلدين.")
    assert {m.entity for m in x.mentions if m.sentence == 1 and m.surface == "البلدين"} == {"Morocco", "Algeria"}


def test_the_two_sides_of_a_sentence_naming_an_army_and_a_group():
    # the state after "في شرق" is a place, an unnamed source is no party
    x = run("وقصفت غارات إسرائيلية مواقع لحزب الله في شرق لبنان، كما أفاد مصدر مقرب من الحزب، بعد مقتل "
            "جندي إسرائيلي وعنصرين من حزب الله، كما أعلن الجانبان.")
    assert pair(x, "الجانبان") == {"Israel", "Hezbollah"}


def test_the_two_sides_of_a_call_are_the_two_officials():
    x = run("وأجرى وزير الخارجية السعودي اتصالاً بالمبعوث الأمريكي إلى سوريا توم باراك، حيث ناقش الطرفان "
            "الأوضاع في سوريا.")
    assert pair(x, "الطرفان") == {"Faisal_bin_Farhan", "Tom_Barrack"}


def crowds(x) -> dict[str, object]:
    return {k: e for k, e in x.entities.items() if e.type == "Crowd"}


def test_protesters_are_one_crowd_of_the_article():
    x = run("وأطلقت الشرطة الغاز المسيل للدموع لتفريق المحتجين في العاصمة. ورشق محتجون الشرطة بالحجارة.")
    found = crowds(x)
    assert len(found) == 1
    key = next(iter(found))
    assert [m.surface for m in x.mentions if m.entity == key] == ["المحتجين", "محتجون"]


def test_settlers_named_by_a_nisba_later_are_the_same_crowd_of_that_state():
    x = run("مستوطنون يهاجمون قرية قرب نابلس\nوهاجم مستوطنون إسرائيليون القرية صباح اليوم.")
    found = crowds(x)
    assert len(found) == 1 and next(iter(found.values())).country == "Israel"


def test_the_crowds_of_two_articles_are_two_nodes():
    one = run("وتظاهر المحتجون أمام البرلمان.")
    two = run("وتظاهر المحتجون أمام السفارة.")
    assert set(crowds(one)) and set(crowds(one)).isdisjoint(crowds(two))


def test_the_number_of_protesters_is_no_actor():
    x = run("وقدر عدد المتظاهرين بالآلاف في الساحة. وهتف المتظاهرون ضد الحكومة.")
    assert [m.surface for m in x.mentions if m.entity in crowds(x)] == ["المتظاهرون"]


def test_a_crowd_is_an_actor_of_the_ontology_and_of_the_graph():
    import kg
    from kg.graph.vocabulary import actor_classes

    assert "Crowd" in actor_classes()
    graph = kg.to_graph(run("وتظاهر آلاف المحتجين في الخرطوم. وهاجم مستوطنون إسرائيليون قرية."))
    assert any("Crowd" in str(o) for o in graph.objects())
    assert kg.validate(graph) == []  # SHACL: a crowd's country is a state of the graph


def gold_of(entities: dict[str, tuple[str, tuple[str, ...]]]):
    from pathlib import Path

    from kg.eval.gold import GOLD, GoldArticle, GoldEntity

    return GoldArticle("t", Path("t.json"), Path("t.txt"), None, GOLD,
                       {k: GoldEntity(k, qid=q, ar=forms) for k, (q, forms) in entities.items()})


def test_eval_a_region_head_is_optional_like_a_proclitic():
    from kg.eval.match import entity_span_score

    x = run("وقتل مسلحون عشرة أشخاص في ولاية بورنو. وقال مسؤول إن الهجوم وقع في إقليم دارفور أمس.")
    score = entity_span_score(gold_of({"Borno": ("", ("ولاية بورنو",)), "Darfur": ("", ("دارفور",))}), x)
    assert (score.tp, score.fn) == (2, 0)


def test_eval_a_qualifier_inside_a_gold_body_name_is_part_of_it():
    from kg.eval.match import entity_span_score

    x = run("وقالت القوات إنها تعرضت لهجوم مدعوم من حكومة دمشق في ريف المدينة.")
    score = entity_span_score(gold_of({"DamascusGov": ("", ("حكومة دمشق",))}), x)
    assert (score.tp, score.fp) == (1, 0)


def test_eval_a_capital_the_gold_lists_for_its_state_links_to_the_state_unless_a_place():
    from kg.eval.match import entity_link_score

    gold = gold_of({"Afghanistan": ("Q889", ("أفغانستان", "كابول")), "Pakistan": ("Q843", ("باكستان", "إسلام آباد"))})
    actor = entity_link_score(gold, run("واتهمت كابول إسلام آباد بشن غارات جوية داخل أراضيها."))
    assert (actor.tp, actor.fp, actor.fn) == (2, 0, 0)
    place = entity_link_score(gold, run("وقال مسؤول في كابول إن الوفد سيصل. واتهمت باكستان الحركة بالهجوم."))
    assert "Q5838 (Kabul)" in place.false_positives


def person_key(x, surface: str) -> str:
    return next(m.entity for m in x.mentions if m.surface == surface)


def test_namesakes_of_two_countries_are_two_keys_one_of_the_same_body_one():
    rsf = run("وقال المتحدث باسم قوات الدعم السريع فيصل الحسيني إن قواته تقدمت.")
    again = run("واتهم المتحدث باسم قوات الدعم السريع فيصل الحسيني الجيش بقصف السوق.")
    iraq = run("وقال المتحدث باسم الحكومة العراقية فيصل الحسيني إن المشروع بدأ.")
    assert person_key(rsf, "فيصل الحسيني") == person_key(again, "فيصل الحسيني")
    assert person_key(rsf, "فيصل الحسيني") != person_key(iraq, "فيصل الحسيني")
