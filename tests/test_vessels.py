"""Named ships (kg:Vessel): the thing an attack, a seizure or a missile at sea hits, not the sea it
sails, the port it nears or the flag it flies. Sentences written for these tests, in the shapes of
Red Sea, Gulf and Black Sea shipping news (a kind noun, a cargo word, a quoted name)."""
from __future__ import annotations

import pytest

from kg import api
from kg.graph.vocabulary import actor_classes, place_classes, thing_classes


def extraction(text: str):
    return api.extract(api.document(text, date="2024-06-13"))


def vessels(x) -> dict[str, str]:
    return {key: e.name_ar for key, e in x.entities.items() if e.type == "Vessel"}


def test_a_vessel_is_a_named_thing_neither_actor_nor_place():
    assert "Vessel" in thing_classes()
    assert "Vessel" not in actor_classes() | place_classes()


@pytest.mark.parametrize("text, name, event, agent, place", [
    ('استهدف الحوثيون ناقلة النفط "نجمة الشمال" قرب ميناء المكلا اليمني.', "نجمة الشمال", "Attack", "Houthis", "Mukalla"),
    ('وقالت هيئة عمليات التجارة البحرية البريطانية إن السفينة «ستار أيرس» تعرضت لهجوم بصاروخ في البحر الأحمر.',
     "ستار أيرس", "Attack", None, "Red_Sea"),
    ('واحتجزت القوات البحرية الإيرانية ناقلة النفط "نيوفي" في مضيق هرمز.', "نيوفي", "Seizure", "Iran_Navy", "Strait_of_Hormuz"),
])
def test_the_ship_is_the_target_and_its_sea_the_place(text, name, event, agent, place):
    x = extraction(text)
    ships = vessels(x)
    assert list(ships.values()) == [name]  # the quoted name alone: the kind and cargo words are no part of it
    (key,) = ships
    hits = [e for e in x.events if e.type == event and key in e.targets]
    assert hits, [(e.type, e.agents, e.targets) for e in x.events]
    assert hits[0].location == place
    assert place not in hits[0].targets
    if agent:
        assert hits[0].agents == [agent]


def test_a_seized_tanker_stays_a_seizure_not_an_arrest():
    x = extraction('واحتجزت القوات البحرية الإيرانية ناقلة النفط "نيوفي" في مضيق هرمز.')
    assert {e.type for e in x.events} == {"Seizure"}


@pytest.mark.parametrize("text", [
    'وقال المتحدث إن السفينة "تعرضت لأضرار طفيفة" ولم يصب أحد من طاقمها.',
    'وأضاف أن الناقلة "لم تعد صالحة للإبحار".',
    'وأكد القائد أن المدمرة "في طريقها إلى الميناء".',
])
def test_quoted_words_after_a_ship_noun_that_open_a_clause_are_no_ship(text):
    assert vessels(extraction(text)) == {}


def test_the_graph_types_the_ship_and_links_the_attack_to_it(tmp_path):
    x = extraction('استهدف الحوثيون السفينة "ماجيك سيز" التي ترفع علم ليبيريا في البحر الأحمر.')
    graph = api.to_graph(x)
    assert api.validate(graph) == []
    rows = list(graph.query("""
        PREFIX kg: <https://w3id.org/kg-arabic-news/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?name WHERE { ?e a kg:Attack ; kg:target ?ship . ?ship a kg:Vessel ; rdfs:label ?name .
                             ?actor kg:attacks ?ship }"""))
    assert [str(r.name) for r in rows] == ["ماجيك سيز"]
