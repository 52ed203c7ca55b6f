"""The `kg build` command end to end, as a new user runs it, and its answers to bad input."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from conftest import SEED

KG = [sys.executable, "-m", "kg.cli"]


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    out = tmp_path_factory.mktemp("build")
    result = kg("build", str(SEED.parent), "-o", str(out), "--date", "2022-09-14", "-q",
                "--format", "turtle", "--format", "nt", "--format", "json-ld")
    return out, result


def test_build_writes_outputs_and_summary(built):
    out, result = built
    assert result.returncode == 0, result.stderr
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.html"):
        assert (out / name).stat().st_size > 0, name
    summary = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)
    assert summary["documents"] == "1"
    assert int(summary["sentences"]) >= 14
    assert int(summary["triples"]) == len(Graph().parse(out / "graph.ttl"))
    assert int(summary["claims"]) >= 8 and int(summary["relations"]) >= 15
    assert summary["SHACL"] == "conforms"


def test_every_format_holds_the_same_graph(built):
    from rdflib.compare import isomorphic

    out, _ = built
    turtle = Graph().parse(out / "graph.ttl")
    assert isomorphic(turtle, Graph().parse(out / "graph.nt", format="nt"))
    assert isomorphic(turtle, Graph().parse(out / "graph.jsonld", format="json-ld"))
    context = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))["@context"]
    assert context["kg"] == "https://w3id.org/kg-arabic-news/ontology#"


def test_html_page_is_offline(built):
    out, _ = built
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link)[^>]*(src|href)=[\"']?(https?:)?//", page)
    assert "vis.Network" in page


def test_jsonl_input_with_a_bad_line(tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    lines = [json.dumps({"id": "a", "text": seed, "date": "2022-09-14"}, ensure_ascii=False), "{oops",
             json.dumps({"id": "b", "text": seed.replace("أرمينيا", "جورجيا")}, ensure_ascii=False)]
    (tmp_path / "in.jsonl").write_text("\n".join(lines), encoding="utf-8")
    result = kg("build", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out"), "-q", "--no-html")
    assert result.returncode == 2
    assert f"{tmp_path / 'in.jsonl'}:2: malformed JSON" in result.stderr
    assert "documents: 2" in result.stdout
    assert (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "no such file"),
    ("empty.txt", b"", "empty article"),
    ("binary.txt", b"\xff\xfe\x00\xc3\x28", "not UTF-8"),
    ("english.txt", b"English only.", "no Arabic text"),
])
def test_bad_input_gives_one_line_and_nonzero_exit(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = kg("build", str(path), "-o", str(tmp_path / "out"), "-q")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("kg: ")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_bad_date_option_is_refused():
    result = kg("build", str(SEED), "--date", "14/09/2022")
    assert result.returncode == 2 and "not a date" in result.stderr


def test_every_command_has_help():
    top = kg("--help")
    assert top.returncode == 0
    commands = re.findall(r"^    (\w+)\s", top.stdout, flags=re.M)
    assert {"build", "stats"} <= set(commands)
    for command in commands:
        result = kg(command, "--help")
        assert result.returncode == 0 and "usage: kg " + command in result.stdout


def test_stats(built):
    out, _ = built
    result = kg("stats", str(out / "graph.ttl"))
    assert result.returncode == 0
    assert re.search(r"^nodes: \d+", result.stdout, flags=re.M) and "Claim:" in result.stdout
    bad = kg("stats", str(out / "nope.ttl"))
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
