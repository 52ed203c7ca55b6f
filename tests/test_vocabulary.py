"""The ontology decides: terms are closed, annotations are inherited, one projection of events to
direct triples, and a new event type (with a new relation) is data only."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.graph.namespace import KG, KGR
from kg.graph.project import direct_triples
from kg.graph.vocabulary import UnknownTerm, event_kind, event_kinds, modalities, node_style, relation_kinds

ROOT = Path(__file__).resolve().parents[1]


def test_a_misspelt_term_fails_instead_of_minting_an_iri():
    assert str(KG.agent).endswith("#agent")
    with pytest.raises(UnknownTerm):
        KG.agnet  # noqa: B018
    with pytest.raises(UnknownTerm):
        KG["Shellling"]
    from kg.graph.build import KG_

    with pytest.raises(UnknownTerm):
        KG_["casualtyCont"]


def test_annotations_are_inherited_unless_a_subclass_overrides_them():
    shelling, attack = event_kind("Shelling"), event_kind("Attack")
    assert shelling.relation == "attacks" and shelling.hostile and shelling.family == "ViolenceFamily"
    assert shelling.colour == attack.colour
    assert event_kind("Address").speaker_fills_agent  # its own annotation
    assert not event_kind("Statement").speaker_fills_agent
    assert event_kind("DiplomaticContact").speaker_fills_agent and not event_kind("Summons").speaker_fills_agent
    assert node_style("Ministry")[1] == "square" and node_style("Shelling") == (attack.colour, "ellipse")
    with pytest.raises(UnknownTerm):
        event_kind("Shellling")


def test_only_asserted_and_reported_events_yield_direct_triples():
    assert {m for m, yields in modalities().items() if yields} == {"Asserted", "Reported"}
    assert direct_triples("attacks", ["A"], ["B"], None, "e") == [("A", "attacks", "B")]
    assert direct_triples("attacks", ["A"], ["B"], None, "e", "Reported") == [("A", "attacks", "B")]
    for modality in ("Demanded", "Proposed", "Planned", "Denied", "Conditional", "Hypothetical"):
        assert direct_triples("withdrawsFrom", ["A"], ["B"], None, "e", modality) == []
    with pytest.raises(UnknownTerm):
        direct_triples("attacks", ["A"], ["B"], None, "e", "Rumoured")


def test_the_object_of_a_relation_follows_its_range_and_annotations():
    assert relation_kinds()["declares"].object_is_event
    assert direct_triples("declares", ["Russia"], ["Armenia"], None, "e") == [("Russia", "declares", "e")]
    assert direct_triples("violates", ["Armenia"], [], "ceasefire", "e") == [("Armenia", "violates", "ceasefire")]
    assert direct_triples("attacks", ["A"], [], None, "e") == [("A", "attacks", "e")]  # kg:eventAsObject
    assert direct_triples("contacts", ["A"], [], None, "e") == []  # a contact needs a party
    assert direct_triples("attacks", [], ["B"], None, "e") == []  # no agent, no direct triple


def test_coordinated_agents_of_a_symmetric_relation_relate_to_each_other():
    assert relation_kinds()["clashesWith"].symmetric and not relation_kinds()["attacks"].symmetric
    assert direct_triples("clashesWith", ["India", "Pakistan"], [], None, "e") == [
        ("India", "clashesWith", "Pakistan"), ("Pakistan", "clashesWith", "India")]
    assert direct_triples("clashesWith", ["India"], ["Pakistan"], None, "e") == [("India", "clashesWith", "Pakistan")]
    assert direct_triples("attacks", ["India", "Pakistan"], [], None, "e") == [("India", "attacks", "e"),
                                                                              ("Pakistan", "attacks", "e")]


def test_every_event_class_has_a_family_and_labels():
    for name, kind in event_kinds().items():
        assert kind.label_en and kind.label_ar, name
        assert kind.colour.startswith("#"), name


NEW_TYPE = """\
@prefix kg:   <https://w3id.org/kg-arabic-news/ontology#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

kg:CyberIntrusion a owl:Class ;
    rdfs:label "Cyber intrusion"@en , "اختراق إلكتروني"@ar ;
    rdfs:subClassOf kg:Event ;
    kg:eventFamily kg:ViolenceFamily ;
    kg:hostile true ;
    kg:impliesRelation kg:hacks .

kg:hacks a owl:ObjectProperty ;
    rdfs:label "hacks"@en , "يخترق"@ar ;
    rdfs:domain kg:Actor ;
    kg:agentLabel "hacks"@en ;
    kg:targetLabel "hacked"@en .
"""
FRAME_HEADER = "forms\tevent\trelation\tagent\ttarget\ttarget_kind\tcue\tabout\tspeech\tconfidence\n"


def build(tmp_path: Path, data: Path, article: str) -> subprocess.CompletedProcess:
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    env = {**os.environ, "KG_DATA_PATH": str(data)}
    return subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path / "a.txt"), "-o",
                           str(tmp_path / "out"), "--date", "2024-05-02"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_a_new_event_type_and_relation_are_data_only(tmp_path):
    data = tmp_path / "data"
    (data / "ontology").mkdir(parents=True)
    (data / "frames").mkdir()
    (data / "ontology" / "cyber.ttl").write_text(NEW_TYPE, encoding="utf-8")
    (data / "frames" / "cyber.tsv").write_text(
        FRAME_HEADER + "اخترق|اخترقت|يخترق|تخترق\tCyberIntrusion\t\tsubj\tobj\tactor\t\t\tno\t0.7\n", encoding="utf-8")
    result = build(tmp_path, data, "عنوان\n\nاخترقت روسيا أوكرانيا أمس بحسب مسؤولين.\n")
    assert result.returncode == 0, result.stderr
    assert "SHACL: conforms" in result.stdout
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    new_class, new_relation = URIRef(str(KG) + "CyberIntrusion"), URIRef(str(KG) + "hacks")  # not in this process's ontology
    assert len(set(graph.subjects(RDF.type, new_class))) == 1
    assert (URIRef(KGR + "Russia"), new_relation, URIRef(KGR + "Ukraine")) in graph
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert '"hacks"' in page and event_kind("Attack").colour in page


@pytest.mark.parametrize("row, says", [
    ("اخترق\tCyberIntrushon\t\tsubj\tobj\tactor\t\t\tno\t0.7\n", "'CyberIntrushon' is not an event class"),
    ("اخترق\tAttack\thackz\tsubj\tobj\tactor\t\t\tno\t0.7\n", "'hackz' is not a relation property"),
])
def test_an_unknown_frames_value_fails_with_file_and_line(tmp_path, row, says):
    data = tmp_path / "data"
    (data / "frames").mkdir(parents=True)
    (data / "frames" / "bad.tsv").write_text(FRAME_HEADER + "# a comment\n" + row, encoding="utf-8")
    result = build(tmp_path, data, "عنوان\n\nاخترقت روسيا أوكرانيا.\n")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"bad.tsv:3: {says}" in result.stderr


def test_an_unknown_gazetteer_type_fails_with_file_and_line(tmp_path):
    folder = tmp_path / "gaz"
    folder.mkdir()
    (folder / "mine.tsv").write_text("key\ttype\tnames_ar\nX_Body\tGoverment\tهيئة اكس\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("عنوان\n\nقصفت روسيا أوكرانيا.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o")],
                            capture_output=True, text=True, env={**os.environ, "KG_GAZETTEER_PATH": str(folder)},
                            cwd=ROOT, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "mine.tsv:2: 'Goverment' is not an entity class of the ontology" in result.stderr


def test_a_class_that_stands_alone_keeps_its_events_without_named_participants():
    """kg:standsWithoutParticipants (on kg:Protest and on bombings, shootings, assassinations and
    abductions, not on the generic kg:Attack nor on kg:ViolentDemonstration): "the thousands
    demonstrated" is a protest though no actor is named; "unknown aircraft attacked" (a generic attack) is not kept;
    gunmen are an actor of their own (a kg:Crowd), so "gunmen attacked" is kept with them as its agent."""
    from datetime import date

    from kg.extract.pipeline import extract
    from kg.model import Document

    def events(sentence: str) -> list:
        return extract(Document("a", "عنوان\n\n" + sentence, date=date(2024, 5, 2))).events

    assert event_kind("PeacefulProtest").stands_alone and not event_kind("Attack").stands_alone
    assert not event_kind("ViolentDemonstration").stands_alone
    protest = [e for e in events("وتظاهر الآلاف أمس احتجاجا على غلاء الأسعار.") if e.type == "PeacefulProtest"]
    assert len(protest) == 1 and protest[0].agents == [] and str(protest[0].date) == "2024-05-01"
    assert events("وهاجمت طائرات مجهولة قرية أمس.") == []
    assert [e.agents[0].split("_")[0] for e in events("وهاجم مسلحون قرية أمس.")] == ["Gunmen"]
    assert [e.agents[0].split("_")[0] for e in events("وأحرق مجهولون سيارات أمس.")] == ["Gunmen"]
