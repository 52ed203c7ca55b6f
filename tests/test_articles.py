"""Generalisation: articles on other conflicts (Sudan, Gaza, Ukraine, Yemen, DR Congo) written for
these tests, each with specific triples the extractor must produce."""
from __future__ import annotations

import json
from functools import lru_cache

import pytest

from conftest import ARTICLES, GOLD
from sparql_helpers import ask


@lru_cache(maxsize=None)
def article_graph(name: str):
    from datetime import date

    from kg.extract.pipeline import extract
    from kg.graph.build import extraction_graph
    from kg.read import read_documents

    published = date.fromisoformat(json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))["date"])
    (document,) = read_documents(ARTICLES / f"{name}.txt", published)
    return extraction_graph(extract(document))


FACTS = [
    # Sudan: El Fasher
    ("sudan_elfasher", "the RSF declares a truce on 13 May", """
        kgr:RSF kg:declares ?e . ?e a kg:Ceasefire ; kg:occursOn "2024-05-13"^^xsd:date ."""),
    ("sudan_elfasher", "the army accuses the RSF of breaking it", """
        kgr:Sudanese_Armed_Forces kg:accuses kgr:RSF . kgr:RSF kg:violates ?c . ?c a kg:Ceasefire ."""),
    ("sudan_elfasher", "the health ministry accuses the RSF", """
        ?m a kg:Ministry ; kg:country kgr:Sudan ; kg:accuses kgr:RSF ."""),
    ("sudan_elfasher", "27 civilians killed", """
        ?e a kg:CasualtyReport ; kg:casualtyCount 27 ; kg:casualtyType "killed" ; kg:victim ?v ."""),
    ("sudan_elfasher", "the army spokesman, unknown to the gazetteer, claims 300 RSF dead", """
        ?p a kg:Person ; rdfs:label "نبيل عبد الله"@ar ; kg:role "Spokesperson"@en ;
           kg:reportsCasualties ?e . ?e kg:casualtyCount 300 .
        ?c kg:claimedBy ?p ; kg:asserts ?e ."""),
    ("sudan_elfasher", "the RSF denies", "kgr:RSF kg:denies ?x ."),
    ("sudan_elfasher", "Guterres calls for a cessation of hostilities", """
        ?e a kg:Appeal ; kg:agent kgr:Antonio_Guterres . ?c kg:claimedBy kgr:Antonio_Guterres ;
        kg:quote "وقف فوري للأعمال العدائية في الفاشر"@ar ; kg:asserts ?e ."""),
    # Ukraine: Kharkiv
    ("ukraine_kharkiv", "Germany supplies Ukraine", "kgr:Germany kg:supplies kgr:Ukraine ."),
    ("ukraine_kharkiv", "the Pentagon announces an aid package for Ukraine", "kgr:Pentagon kg:supplies kgr:Ukraine ."),
    ("ukraine_kharkiv", "Zelensky phones Biden", "kgr:Volodymyr_Zelensky kg:contacts kgr:Joe_Biden ."),
    ("ukraine_kharkiv", "Peskov denies", "kgr:Dmitry_Peskov kg:denies ?x ."),
    ("ukraine_kharkiv", "Russia's defence ministry claims 150 Ukrainian soldiers killed", """
        kgr:Russian_Ministry_of_Defence kg:reportsCasualties ?e . ?e kg:casualtyCount 150 ;
        kg:casualtySide kgr:Ukraine ."""),
    ("ukraine_kharkiv", "Peskov's quote is attributed to him", """
        ?c kg:claimedBy kgr:Dmitry_Peskov ; kg:quote "الجيش الروسي يضرب فقط البنى التحتية العسكرية"@ar ."""),
    # Gaza: Rafah
    ("gaza_rafah", "Hamas accuses Israel", "kgr:Hamas kg:accuses kgr:Israel ."),
    ("gaza_rafah", "Egypt mediates between Israel and Hamas", "kgr:Egypt kg:mediatesBetween kgr:Israel, kgr:Hamas ."),
    ("gaza_rafah", "Shoukry phones Blinken", "kgr:Sameh_Shoukry kg:contacts kgr:Antony_Blinken ."),
    ("gaza_rafah", "Guterres urges Israel", "kgr:Antonio_Guterres kg:callsOn kgr:Israel ."),
    ("gaza_rafah", "the Israeli army denies", "kgr:IDF kg:denies ?x ."),
    ("gaza_rafah", "the Israeli army reports two soldiers killed (a dual, no digits)", """
        kgr:IDF kg:reportsCasualties ?e . ?e kg:casualtyCount 2 ; kg:casualtyType "killed" ."""),
    # Yemen: Red Sea
    ("yemen_redsea", "CENTCOM strikes Houthi targets in Hodeidah", """
        kgr:CENTCOM kg:attacks kgr:Houthis . ?e kg:agent kgr:CENTCOM ; kg:target kgr:Houthis ; kg:location kgr:Hodeidah ."""),
    ("yemen_redsea", "the Houthis attack a ship in the Red Sea", "?e kg:agent kgr:Houthis ; kg:location kgr:Red_Sea ."),
    ("yemen_redsea", "Saree threatens the United States", "kgr:Yahya_Saree kg:threatens kgr:United_States ."),
    ("yemen_redsea", "Grundberg calls for restraint", """
        ?c kg:claimedBy kgr:Hans_Grundberg ; kg:quote "ممارسة أقصى درجات ضبط النفس"@ar ."""),
    ("yemen_redsea", "Arabic-Indic digits: 14 wounded", """
        ?e a kg:CasualtyReport ; kg:casualtyCount 14 ; kg:casualtyType "wounded" ."""),
    # DR Congo: Goma
    ("drc_goma", "M23 declares a ceasefire", "kgr:M23 kg:declares ?e . ?e a kg:Ceasefire ."),
    ("drc_goma", "the DR Congo accuses Rwanda", "kgr:DR_Congo kg:accuses kgr:Rwanda ."),
    ("drc_goma", "Angola's president, mandated by the African Union, mediates between the DR Congo and Rwanda",
     "kgr:Joao_Lourenco kg:mediatesBetween kgr:DR_Congo, kgr:Rwanda ."),
    ("drc_goma", "Kinshasa (the capital, standing for its state) accuses Rwanda in the headline", """
        ?e a kg:Accusation ; kg:agent kgr:DR_Congo ; kg:target kgr:Rwanda ; kg:sentence ?s .
        ?s kg:index 0 ."""),
    ("drc_goma", "the Congolese army clashes with M23", "?army kg:country kgr:DR_Congo ; kg:clashesWith kgr:M23 ."),
]


@pytest.mark.parametrize("article, name, where", FACTS, ids=[f"{a}: {n}" for a, n, _ in FACTS])
def test_article_fact(article, name, where):
    assert ask(article_graph(article), where), name


@pytest.mark.parametrize("article", sorted({a for a, _, _ in FACTS}))
def test_article_graph_conforms(article):
    from kg.graph.validate import validate

    result = validate(article_graph(article))
    assert result.conforms, result.violations[:5]
