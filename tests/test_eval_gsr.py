"""`kg eval` on GSR sentence sets: format detection, family classes from the ontology, the counts.

The fixture sentences are written for these tests (the shape of ../shared/gsr records, not its text).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDFS, SKOS

from kg.cli import main
from kg.eval import gsr
from kg.graph.namespace import KG
from kg.model import Document, Event, Extraction, Mention, Sentence

ROOT = Path(__file__).resolve().parents[1]
PLOVER = Namespace("https://w3id.org/kg-arabic-news/plover/")

RECORDS = [
    {"id": "t-1", "event_type": "ASSAULT", "label": "yes", "accept": 3, "reject": 0,
     "text": "قصفت القوات الإسرائيلية مخيم جباليا شمال قطاع غزة فجر اليوم.",
     "spans": [{"source_actor": ["القوات", "الإسرائيلية"], "verb": ["قصفت"], "target_actor": ["مخيم", "جباليا"]}]},
    {"id": "t-2", "event_type": "ASSAULT", "label": "yes", "accept": 2, "reject": 1,
     "text": "وسمع السكان أصوات انفجارات بعيدة طوال الليل."},
    {"id": "t-3", "event_type": "ASSAULT", "label": "easy no", "accept": 0, "reject": 3,
     "text": "افتتح وزير التعليم مدرسة جديدة في العاصمة صباح الأحد."},
    {"id": "t-4", "event_type": "ASSAULT", "label": "easy no", "accept": 0, "reject": 3,
     "text": "ناقش البرلمان مشروع قانون الموازنة العامة للعام المقبل."},
    {"id": "t-5", "event_type": "ASSAULT", "label": "difficult no", "accept": 1, "reject": 2,
     "text": "وتحدث التقرير عن تاريخ طويل من التوتر بين البلدين."},
    {"id": "t-6", "event_type": "PROTEST", "label": "ambiguous", "accept": 2, "reject": 1,
     "text": "وتجمع عشرات الأشخاص أمام مبنى البلدية."},
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


# -- families from the ontology -------------------------------------------------------------------

def subclasses(graph: Graph, root: str) -> set[str]:
    found, todo = {root}, [root]
    while todo:
        parent = todo.pop()
        for child in graph.subjects(RDFS.subClassOf, KG[parent]):
            name = str(child)[len(str(KG)):]
            if name not in found:
                found.add(name)
                todo.append(name)
    return found


def test_assault_family_holds_the_violent_classes_and_not_the_others():
    from kg.graph.ontology import ontology

    classes = set(gsr.family_classes()["ASSAULT"])
    assert {"Attack", "Shelling", "AirStrike", "ArmedClash"} <= classes
    assert subclasses(ontology(), "Attack") <= classes  # every subclass of Attack, from the ontology
    assert not {"Statement", "Ceasefire", "Appeal", "Denial", "Condemnation"} & classes


def test_protest_family_is_the_protest_classes():
    from kg.graph.ontology import ontology

    if (KG.Protest, None, None) not in ontology():
        pytest.skip("no kg:Protest class in the ontology yet")
    classes = set(gsr.family_classes()["PROTEST"])
    assert "Protest" in classes and not classes & set(gsr.family_classes()["ASSAULT"]) - {"ExcessiveForceAgainstProtesters"}


def test_subclasses_inherit_a_family_unless_they_match_another():
    KG = Namespace(str(globals()["KG"]))  # an open namespace: these toy classes are not in the ontology
    graph = Graph()
    graph.add((KG.Violence, SKOS.closeMatch, PLOVER.ASSAULT))
    graph.add((KG.Bombing, RDFS.subClassOf, KG.Violence))
    graph.add((KG.CarBomb, RDFS.subClassOf, KG.Bombing))  # two levels down
    graph.add((KG.Siege, RDFS.subClassOf, KG.Violence))
    graph.add((KG.Siege, SKOS.closeMatch, PLOVER.COERCE_blockade))  # its own match overrides
    graph.add((KG.Drone, SKOS.exactMatch, PLOVER.ASSAULT_aerial))  # a mode names its family
    graph.add((KG.March, SKOS.closeMatch, PLOVER.PROTEST_demo))
    graph.add((KG.Other, SKOS.closeMatch, URIRef("https://example.org/ASSAULT")))  # not PLOVER
    graph.add((KG.Loop, RDFS.subClassOf, KG.Loop))
    result = gsr.classes_by_family(graph, {"ASSAULT": "ASSAULT", "PROTEST": "PROTEST"}, {"Clash": {"ASSAULT"}})
    assert set(result["ASSAULT"]) == {"Violence", "Bombing", "CarBomb", "Drone", "Clash"}
    assert result["PROTEST"] == ("March",)


# -- counting, with a stand-in extractor ----------------------------------------------------------

def fake_extract(document: Document, gazetteer=None) -> Extraction:
    """An attack on 't-1' (agent mention on the annotated words) and on 't-3' (a false positive)."""
    text = document.text
    sentence = Sentence(0, 0, len(text), text)
    events, mentions, entities = [], [], {}
    if text.startswith("قصفت"):
        start = text.index("القوات")
        mentions.append(Mention("IDF", 0, start, start + len("القوات الإسرائيلية"), "القوات الإسرائيلية", "t", 1.0))
        events.append(Event("e1", "Shelling", "attacks", 0, 0, 4, "قصفت", "t", 1.0, agents=["IDF"], targets=["Gaza"]))
    elif text.startswith("افتتح"):
        events.append(Event("e2", "Attack", "attacks", 0, 0, 5, "افتتح", "t", 1.0))
    elif text.startswith("ناقش"):
        events.append(Event("e3", "Attack", "attacks", 0, 0, 4, "ناقش", "t", 1.0, modality="Planned"))
    return Extraction(document, [sentence], entities, mentions, events, [])


def test_counts_rates_and_span_agreement(monkeypatch, tmp_path):
    import kg.extract.pipeline

    monkeypatch.setattr(kg.extract.pipeline, "extract", fake_extract)
    result = gsr.evaluate_gsr([write_jsonl(tmp_path / "mini.jsonl", RECORDS)])
    assault = result.families["ASSAULT"]
    assert assault.counts == {"yes": 2, "easy no": 2, "difficult no": 1, "ambiguous": 0}
    assert assault.detected == {"yes": 1, "easy no": 1, "difficult no": 0, "ambiguous": 0}  # a Planned event is no detection
    assert assault.rate("yes") == 0.5 and assault.rate("easy no") == 0.5 and assault.rate("difficult no") == 0.0
    assert assault.precision == 0.5 and assault.f1 == pytest.approx(0.5)
    assert (assault.agent.agreed, assault.agent.judged) == (1, 1)  # the agent mention is on the annotated words
    assert (assault.target.agreed, assault.target.judged) == (0, 1)  # "Gaza" has no mention on مخيم جباليا
    assert [m.split(":")[0] for m in assault.misses] == ["t-2"]
    assert [m.split(":")[0] for m in assault.false_positives] == ["t-3"]
    assert assault.by_class == {"Shelling": {"yes": 1, "easy no": 0, "difficult no": 0, "ambiguous": 0},
                                "Attack": {"yes": 0, "easy no": 1, "difficult no": 0, "ambiguous": 0}}
    assert result.families["PROTEST"].counts["ambiguous"] == 1


def test_a_sentence_the_extractor_fails_on_is_counted_not_fatal(monkeypatch, tmp_path):
    import kg.extract.pipeline

    def fragile(document, gazetteer=None):
        if "انفجارات" in document.text:
            raise ValueError("boom")
        return fake_extract(document)

    monkeypatch.setattr(kg.extract.pipeline, "extract", fragile)
    result = gsr.evaluate_gsr([write_jsonl(tmp_path / "mini.jsonl", RECORDS)])
    assert len(result.failures) == 1 and "t-2" in result.failures[0] and "boom" in result.failures[0]
    assert result.families["ASSAULT"].counts["yes"] == 2


# -- the command, with the real extractor ---------------------------------------------------------

def test_kg_eval_detects_the_format_of_a_folder(capsys, tmp_path):
    write_jsonl(tmp_path / "assault.jsonl", RECORDS[:5])
    write_jsonl(tmp_path / "protest.jsonl", RECORDS[5:])
    assert main(["eval", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "ASSAULT [" in out and "PROTEST [" in out
    assert "recall on yes" in out and "false positives easy no" in out and "span agreement" in out


def test_kg_eval_gsr_json(capsys, tmp_path):
    path = write_jsonl(tmp_path / "assault.jsonl", RECORDS[:5])
    assert main(["eval", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    family = data["gsr"]["families"]["ASSAULT"]
    assert family["sentences"] == {"yes": 2, "easy no": 2, "difficult no": 1, "ambiguous": 0}
    assert "Shelling" in family["classes"]
    assert family["detected"]["yes"] >= 1  # قصفت القوات الإسرائيلية مخيم جباليا
    assert family["detected"]["easy no"] == 0  # a school opened, a budget debated
    assert {"recall", "fp_easy_no", "fp_difficult_no", "precision", "f1", "agent_agreement"} <= set(family)


def one_line_error(capsys, argv: list[str]) -> str:
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("kg: ") and "Traceback" not in err
    return err


@pytest.mark.parametrize("change, field", [
    ({"label": "maybe"}, "'label'"),
    ({"text": 5}, "'text'"),
    ({"text": ""}, "'text'"),
    ({"spans": {"source_actor": []}}, "'spans'"),
    ({"spans": [{"source_actor": "القوات"}]}, "'source_actor'"),
    ({"id": {"a": 1}}, "'id'"),
])
def test_broken_gsr_record_names_file_line_and_field(capsys, tmp_path, change, field):
    path = write_jsonl(tmp_path / "g.jsonl", [RECORDS[0], {**RECORDS[2], **change}])
    err = one_line_error(capsys, ["eval", str(path)])
    assert "g.jsonl:2" in err and field in err


def test_broken_json_line_in_gsr(capsys, tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(RECORDS[0], ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    assert "g.jsonl:2" in one_line_error(capsys, ["eval", str(path)])
    path.write_text(json.dumps(RECORDS[0], ensure_ascii=False) + "\n" + "[" * 100_000 + "]" * 100_000 + "\n",
                    encoding="utf-8")
    assert "nested too deeply" in one_line_error(capsys, ["eval", str(path)])


def test_gsr_through_the_real_command(tmp_path):
    path = write_jsonl(tmp_path / "g.jsonl", [RECORDS[0], {**RECORDS[2], "label": "maybe"}])
    run = subprocess.run([sys.executable, "-m", "kg.cli", "eval", str(path)], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert run.returncode == 2 and "Traceback" not in run.stderr and "g.jsonl:2" in run.stderr
