"""The seed article (Armenia–Azerbaijan, September 2022): the facts the project started from."""
from __future__ import annotations

import pytest

from sparql_helpers import ask, select

FACTS = {
    "Pashinyan addresses the Armenian parliament": """
        kgr:Nikol_Pashinyan kg:addresses ?p . ?p a kg:Parliament ; kg:country kgr:Armenia .""",
    "Pashinyan reports 49 Armenian soldiers killed on 13 September": """
        kgr:Nikol_Pashinyan kg:reportsCasualties ?e . ?e a kg:CasualtyReport ; kg:casualtyCount 49 ;
        kg:casualtyType "killed" ; kg:casualtySide kgr:Armenia ; kg:occursOn "2022-09-13"^^xsd:date .""",
    "Azerbaijan's defence ministry claims 50 Azerbaijani soldiers killed": """
        ?c a kg:Claim ; kg:claimedBy ?mod ; kg:asserts ?e . ?mod a kg:Ministry ; kg:country kgr:Azerbaijan .
        ?e a kg:CasualtyReport ; kg:casualtyCount 50 ; kg:casualtySide kgr:Azerbaijan .""",
    "Azerbaijan's defence ministry accuses Armenia": """
        ?mod a kg:Ministry ; kg:country kgr:Azerbaijan ; kg:accuses kgr:Armenia .""",
    "Russia declares a ceasefire from 08:00 on 13 September": """
        kgr:Russia kg:declares ?e . ?e a kg:Ceasefire ; kg:occursOn "2022-09-13"^^xsd:date ;
        kg:occursAt "2022-09-13T08:00:00"^^xsd:dateTime .""",
    "Azerbaijan accuses Armenia of violating the ceasefire": """
        kgr:Azerbaijan kg:accuses kgr:Armenia . kgr:Armenia kg:violates ?ceasefire .
        ?ceasefire a kg:Ceasefire . ?v a kg:CeasefireViolation ; kg:agent kgr:Armenia ; kg:partOfEvent ?ceasefire .""",
    "the EU demands an end to the fighting": """
        ?e a kg:Appeal ; kg:agent kgr:EU ; kg:about "وقف القتال"@ar .""",
    "Charles Michel mediates between Armenia and Azerbaijan": """
        kgr:Charles_Michel kg:mediatesBetween kgr:Armenia, kgr:Azerbaijan .""",
    "Blinken contacts both sides": """
        kgr:Antony_Blinken kg:contacts kgr:Armenia, kgr:Azerbaijan .""",
    "Blinken urges both sides (لحثهم: purpose clause with an object pronoun)": """
        kgr:Antony_Blinken kg:callsOn kgr:Armenia, kgr:Azerbaijan .""",
    "Guterres calls on both countries": """
        kgr:Antonio_Guterres kg:callsOn kgr:Armenia, kgr:Azerbaijan .""",
    "Macron calls on and phones Aliyev": """
        kgr:Emmanuel_Macron kg:callsOn kgr:Ilham_Aliyev ; kg:contacts kgr:Ilham_Aliyev .""",
    "Turkey's government supplies weapons to Azerbaijan (Baku)": """
        ?t kg:supplies kgr:Azerbaijan ; kg:partOf kgr:Turkey . ?e a kg:ArmsTransfer ; kg:agent ?t ;
        kg:about ?what . FILTER(CONTAINS(STR(?what), "الأسلحة"))""",
    "Azerbaijan shells Armenia": "kgr:Azerbaijan kg:attacks kgr:Armenia .",
    "entities are linked to Wikidata": """
        kgr:Armenia kg:wikidata wd:Q399 . kgr:Azerbaijan kg:wikidata wd:Q227 . kgr:Russia kg:wikidata wd:Q159 .""",
    "Yerevan is Armenia's capital": "kgr:Yerevan kg:capitalOf kgr:Armenia .",
}


@pytest.mark.parametrize("name", list(FACTS))
def test_seed_fact(seed_graph, name):
    assert ask(seed_graph, FACTS[name]), name


def test_pashinyan_quote_is_his_claim(seed_graph):
    rows = select(seed_graph, """SELECT ?q WHERE { ?c kg:claimedBy kgr:Nikol_Pashinyan ; kg:quote ?q }""")
    assert "للأسف ليست الحصيلة النهائية" in {str(q) for (q,) in rows}


def test_every_event_and_claim_has_full_provenance(seed_graph, seed_document):
    rows = select(seed_graph, """
        SELECT ?n ?doc ?s ?start ?end ?rule ?conf WHERE {
          { ?n a kg:Claim } UNION { ?n kg:relation ?r } UNION { ?n a kg:Mention }
          ?n kg:document ?doc ; kg:sentence ?s ; kg:charStart ?start ; kg:charEnd ?end ;
             kg:rule ?rule ; kg:confidence ?conf .
          ?s kg:inDocument ?doc }""")
    assert len(rows) > 50
    for _, _, _, start, end, rule, conf in rows:
        assert 0 <= int(start) < int(end) <= len(seed_document.text)
        assert str(rule) and 0 < float(conf) <= 1


def test_trigger_spans_point_at_the_trigger(seed_extraction):
    text = seed_extraction.document.text
    for event in seed_extraction.events:
        assert text[event.start:event.end] == event.trigger
    for claim in seed_extraction.claims:
        assert text[claim.start:claim.end].strip() == claim.quote or claim.quote in text[claim.start:claim.end]


def test_seed_graph_conforms_to_shapes(seed_graph):
    from kg.graph.validate import validate

    result = validate(seed_graph)
    assert result.conforms, result.violations[:5]
