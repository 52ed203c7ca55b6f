"""bench/judge.py: the precision check a person does (list events and claims, then score verdicts)."""
from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = """قصف الجيش الإسرائيلي بلدة في جنوب لبنان

قصف الجيش الإسرائيلي بلدة الخيام في جنوب لبنان صباح الاثنين. وقال المتحدث باسم الجيش الإسرائيلي إن "الغارة استهدفت مخزن أسلحة تابعا لحزب الله في البلدة".
"""


@pytest.fixture(scope="module")
def judge():
    spec = importlib.util.spec_from_file_location("judge", ROOT / "bench" / "judge.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["judge"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def row(judge, **cells) -> dict:
    return {c: str(cells.get(c, "")) for c in judge.COLUMNS}


def test_score_counts_verdicts_roles_and_error_kinds(judge):
    rows = [
        row(judge, item="a:E:1", kind="event", type="Shelling", verdict="right", agent_ok="y", target_ok="y"),
        row(judge, item="a:E:2", kind="event", type="Shelling", verdict="p", agent_ok="n", target_ok="y",
            error="agent-other-clause; target-too-broad", missed="casualty:3 killed"),
        row(judge, item="a:E:3", kind="event", type="Attack", verdict="wrong", error="word-sense"),
        row(judge, item="a:E:4", kind="event", type="Attack"),  # not judged yet
        row(judge, item="a:C:1", kind="claim", verdict="r", speaker_ok="y"),
        row(judge, item="a:C:2", kind="claim", verdict="w", speaker_ok="n", error="claim-speaker-wrong"),
        row(judge, item="a:C:3", kind="claim", verdict="partly"),  # claims are right or wrong
    ]
    result = judge.score(rows)
    events, claims = result["events"], result["claims"]
    assert (events["judged"], events["right"], events["partly"], events["wrong"], events["unjudged"]) == (3, 1, 1, 1, 1)
    assert events["precision"] == pytest.approx(1 / 3, abs=1e-3) and events["at_least_partly"] == pytest.approx(2 / 3, abs=1e-3)
    assert events["roles"]["agent_ok"] == {"right": 1, "judged": 2, "precision": 0.5}
    assert events["roles"]["target_ok"]["precision"] == 1.0
    assert events["errors"] == {"agent-other-clause": 1, "target-too-broad": 1, "word-sense": 1}
    assert events["missed"] == {"casualty": 1}
    assert events["by_type"]["Shelling"]["right"] == 1 and events["by_type"]["Attack"]["wrong"] == 1
    assert (claims["judged"], claims["right"], claims["precision"]) == (2, 1, 0.5)
    assert result["problems"] and "a:C:3" in result["problems"][0]


def test_list_writes_every_event_and_claim_beside_its_sentence(judge, tmp_path, capsys):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "khiam.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "dates.tsv").write_text("file\tdate\nkhiam.txt\t2024-10-07\n", encoding="utf-8")
    out = tmp_path / "judge.tsv"
    assert judge.main(["list", str(tmp_path / "articles"), "--dates", str(tmp_path / "dates.tsv"), "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    assert {r["kind"] for r in rows} == {"event", "claim"}
    shelling = next(r for r in rows if r["type"] == "Shelling" and r["sentence"] == "1")
    assert shelling["text"].startswith("قصف الجيش الإسرائيلي بلدة الخيام") and shelling["verdict"] == ""
    assert "\t" not in shelling["text"] and shelling["rule"] and shelling["trigger"]
    claim = next(r for r in rows if r["kind"] == "claim")
    assert "الغارة استهدفت" in claim["quote"] and claim["speaker"]

    judged = tmp_path / "judged.tsv"
    for r in rows:
        r["verdict"] = "right" if r["item"] == shelling["item"] else ""
    with judged.open("w", encoding="utf-8", newline="") as handle:
        judge.write_tsv(rows, handle)
    again = tmp_path / "again.tsv"
    assert judge.main(["list", str(tmp_path / "articles"), "--dates", str(tmp_path / "dates.tsv"), "-o", str(again),
                       "--carry", str(judged)]) == 0
    assert judge.main(["list", str(tmp_path / "articles"), "-o", str(tmp_path / "rest.tsv"), "--carry", str(judged),
                       "--unjudged"]) == 0
    assert shelling["item"] not in (tmp_path / "rest.tsv").read_text(encoding="utf-8")
    carried = {r["item"]: r["verdict"] for r in csv.DictReader(again.open(encoding="utf-8"), delimiter="\t")}
    assert carried[shelling["item"]] == "right" and list(carried.values()).count("right") == 1

    assert judge.main(["list", str(tmp_path / "articles"), "--format", "md"]) == 0
    markdown = capsys.readouterr().out
    assert "## khiam" in markdown and "> [1] قصف الجيش الإسرائيلي بلدة الخيام" in markdown and "**Shelling**" in markdown

    assert judge.main(["score", str(judged), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["events"]["right"] == 1


def test_sample_is_a_seeded_subset_per_kind(judge):
    rows = [row(judge, item=f"d:E:{i}", kind="event") for i in range(30)] + \
           [row(judge, item=f"d:C:{i}", kind="claim") for i in range(10)]
    first = judge.sample(rows, 5, None, seed=3)
    assert sum(r["kind"] == "event" for r in first) == 5 and sum(r["kind"] == "claim" for r in first) == 10
    assert first == judge.sample(rows, 5, None, seed=3)
    assert first != judge.sample(rows, 5, None, seed=4)


def test_missing_articles_is_one_line(judge, tmp_path, capsys):
    assert judge.main(["list", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_carry_matches_the_fact_not_the_cosmetic_key(judge, tmp_path):
    text = "أفاد مصدر عسكري بأن طائرة مسيرة قصفت مدينة الدلنج."
    cells = dict(doc="007", kind="event", sentence="5", type="AirStrike", modality="Reported",
                 trigger="قصفت", text=text)
    old = [row(judge, item="007:E:1", agents="Source_388c2f25 (مصدر عسكري)", targets="Dilling (الدلنج)",
               verdict="partly", agent_ok="n", error="agent-is-reporter", **cells),
           row(judge, item="007:C:1", doc="007", kind="claim", sentence="5", text=text,
               speaker="Source_388c2f25 (مصدر عسكري)", quote="طائرة مسيرة قصفت مدينة الدلنج", verdict="right")]
    path = tmp_path / "old.tsv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        judge.write_tsv(old, handle)
    renamed = row(judge, item="007:E:9", agents="Source_388c2f25_Eskry (مصدر عسكري)",
                  targets="Dilling (الدلنج)", **{**cells, "trigger": "قصفت مدينة"})
    claim = row(judge, item="007:C:9", doc="007", kind="claim", sentence="5", text=text,
                speaker="Source_388c2f25_Eskry (مصدر عسكري)", quote="طائرة مسيرة قصفت مدينة الدلنج")
    other_agent = row(judge, item="007:E:10", agents="Source_aa11 (شهود عيان)", targets="Dilling (الدلنج)", **cells)
    other_type = row(judge, item="007:E:11", agents="Source_388c2f25_Eskry (مصدر عسكري)",
                     targets="Dilling (الدلنج)", **{**cells, "type": "Shelling"})
    other_sentence = row(judge, item="007:E:12", agents="Source_388c2f25_Eskry (مصدر عسكري)",
                         targets="Dilling (الدلنج)", **{**cells, "text": "قصفت طائرة مسيرة مدينة الدلنج."})
    rows = [renamed, claim, other_agent, other_type, other_sentence]
    assert judge.carry(rows, str(path)) == 2
    assert (renamed["verdict"], renamed["agent_ok"], renamed["error"]) == ("partly", "n", "agent-is-reporter")
    assert claim["verdict"] == "right"
    assert [r["verdict"] for r in (other_agent, other_type, other_sentence)] == ["", "", ""]


def test_same_sentences_relists_an_old_sample_and_counts_dropped_facts(judge, tmp_path):
    text, other = "قصف الجيش بلدة الخيام.", "وقال المتحدث إن الغارة أصابت مخزناً."
    old = [row(judge, item="a:E:1", doc="a", kind="event", type="Shelling", agents="IDF (الجيش)", text=text,
               verdict="right"),
           row(judge, item="a:E:2", doc="a", kind="event", type="Attack", agents="IDF (الجيش)", text=text,
               verdict="wrong")]
    path = tmp_path / "old.tsv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        judge.write_tsv(old, handle)
    now = [row(judge, item="a:E:7", doc="a", kind="event", type="Shelling", agents="IDF (الجيش)", text=text),
           row(judge, item="a:E:8", doc="a", kind="event", type="Shelling", agents="IDF (الجيش)",
               targets="Khiam (الخيام)", text=text),
           row(judge, item="a:E:9", doc="a", kind="event", type="Shelling", text=other),
           row(judge, item="a:C:1", doc="a", kind="claim", text=text, speaker="IDF (الجيش)", quote="قصف")]
    kept, gone = judge.same_sentences(now, str(path))
    assert [r["item"] for r in kept] == ["a:E:7", "a:E:8"] and gone == 1
    unsampled = row(judge, item="a:E:3", doc="a", kind="event", type="Shelling", agents="IDF (الجيش)",
                    targets="Khiam (الخيام)", text=text)
    before = tmp_path / "all.tsv"
    with before.open("w", encoding="utf-8", newline="") as handle:
        judge.write_tsv(old + [unsampled], handle)
    kept, gone = judge.same_sentences(now, str(path), str(before))
    assert [r["item"] for r in kept] == ["a:E:7"] and gone == 1
