"""`kg eval` on the repository's gold files: quality floors, the CLI, and bad input.

The floors are what the extractor reached when they were set, less 0.02: raise them when the
extractor gets better, so a regression cannot pass unnoticed.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"

FLOORS = {"entities": 0.92, "linked": 0.95, "relations": 0.63, "claims": 0.57}  # measured 0.946 0.973 0.639 0.533 (session 3); claims 0.581 (session 5, h33); relations 0.655 (session 5, h34)


@pytest.fixture(scope="module")
def report() -> dict:
    from kg.eval.gold import load_gold_dir
    from kg.eval.report import json_report
    from kg.eval.run import evaluate

    return json_report(evaluate(load_gold_dir(GOLD)))


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_micro_f1_stays_above_its_floor(report, category):
    f1 = report["micro"][category]["f1"]
    assert f1 >= FLOORS[category], f"{category}: micro F1 {f1:.3f} fell below {FLOORS[category]}"


def test_every_gold_article_is_scored(report):
    names = {a["name"] for a in report["articles"]}
    assert names == {p.stem for p in GOLD.glob("*.json")}
    for article in report["articles"]:
        assert set(article["scores"]) == {"entities", "linked", "relations", "claims"}


def test_cli_prints_scores_and_errors(capsys):
    assert main(["eval", str(GOLD / "gaza_rafah.json")]) == 0
    out = capsys.readouterr().out
    assert "micro-average over 1 articles" in out
    assert "entities (exact span)" in out and "claims" in out


def test_cli_json(capsys):
    assert main(["eval", str(GOLD / "gaza_rafah.json"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["micro"]) == {"entities", "linked", "relations", "claims"}
    assert {"precision", "recall", "f1", "tp", "fp", "fn"} <= set(data["micro"]["claims"])
    assert isinstance(data["articles"][0]["scores"]["relations"]["misses"], list)


def one_line_error(capsys, argv: list[str]) -> str:
    code = main(argv)
    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and err.startswith("kg: ") and "Traceback" not in err
    return err


def test_missing_gold_folder(capsys, tmp_path):
    err = one_line_error(capsys, ["eval", str(tmp_path / "nowhere")])
    assert "nowhere" in err


def test_empty_gold_folder(capsys, tmp_path):
    assert "no gold files" in one_line_error(capsys, ["eval", str(tmp_path)])


def test_broken_json_names_the_file(capsys, tmp_path):
    (tmp_path / "bad.json").write_text('{"article": "x.txt", "entities": [', encoding="utf-8")
    err = one_line_error(capsys, ["eval", str(tmp_path)])
    assert "bad.json" in err and "not valid JSON" in err


@pytest.mark.parametrize("content, message", [
    ({"entities": [], "relations": []}, "no 'article'"),
    ({"article": "missing.txt", "entities": [], "relations": []}, "not found"),
    ({"article": "a.txt", "entities": [{"key": "A"}], "relations": [{"s": "B", "p": "x"}]}, "'B'"),
    ({"article": "a.txt", "entities": "nope", "relations": []}, "'entities' must be a list"),
])
def test_malformed_gold_names_the_file(capsys, tmp_path, content, message):
    (tmp_path / "a.txt").write_text("عنوان\n\nقال الرئيس", encoding="utf-8")
    (tmp_path / "g.json").write_text(json.dumps(content), encoding="utf-8")
    err = one_line_error(capsys, ["eval", str(tmp_path / "g.json")])
    assert "g.json" in err and message in err


def test_bad_input_through_the_real_command(tmp_path):
    """No traceback reaches the terminal, and the exit status says it failed."""
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kg.cli", "eval", str(tmp_path)], capture_output=True,
                         text=True, cwd=ROOT, timeout=60)
    assert run.returncode == 2
    assert run.stderr.strip().startswith("kg: ") and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("content, field", [
    ({"article": "a.txt", "entities": [{"key": "A", "ar": 5}], "relations": []}, "'ar'"),
    ({"article": "a.txt", "entities": [{"key": "A", "en": {"x": 1}}], "relations": []}, "'en'"),
    ({"article": "a.txt", "entities": [{"key": "A", "ar": ["ا", 7]}], "relations": []}, "'ar'"),
    ({"entities": [{"key": "A"}], "relations": [{"s": "A", "kw": 5}], "numbers": []}, "'kw'"),
    ({"article": "a.txt", "entities": [{"key": "A"}], "relations": [{"s": "A", "p": "attacks", "o": ["a"]}]}, "'o'"),
    ({"article": "a.txt", "entities": [{"key": "A"}], "relations": [{"s": "A", "p": "attacks", "side": {}}]}, "'side'"),
    ({"article": "a.txt", "entities": [{"key": "A"}], "relations": [{"s": "A", "p": "attacks", "count": 1e400}]},
     "'count'"),
    ({"article": "a.txt", "entities": [{"key": "A"}], "relations": [], "numbers": [1e400]}, "'numbers'"),
    ({"article": 5, "entities": [], "relations": []}, "'article'"),
])
def test_broken_gold_field_is_one_line_naming_file_and_field(capsys, tmp_path, content, field):
    """Issue 17 item 9: wrong types in a gold file are refused in one line, never a traceback."""
    (tmp_path / "a.txt").write_text("عنوان\n\nقال الرئيس", encoding="utf-8")
    (tmp_path / "a.expect.json").write_text("{}", encoding="utf-8")
    name = "a.expect.json" if "numbers" in content and "article" not in content else "g.json"
    (tmp_path / name).write_text(json.dumps(content), encoding="utf-8")
    err = one_line_error(capsys, ["eval", str(tmp_path / name)])
    assert name in err and field in err


def test_deeply_nested_gold_json_is_refused_in_one_line(capsys, tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    err = one_line_error(capsys, ["eval", str(tmp_path / "deep.json")])
    assert "deep.json" in err and "nested too deeply" in err


def test_broken_gold_through_the_real_command_exits_2(tmp_path):
    (tmp_path / "a.txt").write_text("عنوان\n\nقال الرئيس", encoding="utf-8")
    (tmp_path / "g.json").write_text('{"article": "a.txt", "entities": [{"key": "A"}], "relations": '
                                     '[{"s": "A", "p": "attacks", "count": 1e400}]}', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kg.cli", "eval", str(tmp_path / "g.json")], capture_output=True,
                         text=True, cwd=ROOT, timeout=60)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "g.json" in run.stderr and "count" in run.stderr
