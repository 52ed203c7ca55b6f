"""`kg build --html-select`: the page draws the documents chosen by actor, date range or id, and
says which selection and how many of how many documents it holds."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date

import pytest

from conftest import SEED
from kg.errors import InputError
from kg.export.html import parse_selection

OTHER = "قال وزير الخارجية الروسي إن القوات الروسية قصفت مدينة خاركيف أمس."


def page_docs(page: str) -> set[str]:
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1))
    return {iri.rsplit("/", 1)[1] for iri in data["docs"]}


def scope(page: str) -> str:
    return re.search(r'<p id="scope"[^>]*>(.*?)</p>', page).group(1)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("select")
    seed = SEED.read_text(encoding="utf-8")
    rows = [{"id": "a1", "text": seed, "date": "2022-09-14"},
            {"id": "a2", "text": seed, "date": "2022-10-01"},
            {"id": "b1", "text": OTHER, "date": "2022-10-02"},
            {"id": "b2", "text": OTHER, "date": "2023-01-05"}]
    path = folder / "in.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def build(corpus, tmp_path, *options: str) -> tuple[str, str]:
    from kg.build import build as run

    summary = run(corpus, tmp_path / "out", progress=False, validate=False, jobs=1,
                  html_select=list(options) or None)
    return (tmp_path / "out" / "graph.html").read_text(encoding="utf-8"), "\n".join(summary.lines())


def test_the_syntax():
    chosen = parse_selection("actor=Q123,Hamas,date=2024-01-01..2024-02-01,ids=a,b")
    assert chosen.actors == ("Q123", "Hamas") and chosen.ids == ("a", "b")
    assert (chosen.since, chosen.until) == (date(2024, 1, 1), date(2024, 2, 1))
    assert chosen.given == "actor=Q123,Hamas,date=2024-01-01..2024-02-01,ids=a,b"
    assert parse_selection("date=2024-01-01..").until is None
    assert parse_selection("date=..2024-01-01").since is None
    one_day = parse_selection("date=2024-01-05")
    assert one_day.since == one_day.until == date(2024, 1, 5)
    assert parse_selection(["ids=a", "actor=Q1"]).given == "actor=Q1,ids=a"


@pytest.mark.parametrize("spec, message", [
    ("Q123", "is not KEY=VALUE"),
    ("who=Q123", "unknown key 'who'"),
    ("actor=", "empty value for actor"),
    ("ids=a,,b", "empty value for ids"),
    ("date=2024-13-01..", "not a date"),
    ("date=2024-02-01..2024-01-01", "ends before it begins"),
    ("date=..", "neither end"),
    ("date=2024-01-01,2024-02-01", "one range"),
])
def test_bad_syntax_is_an_input_error(spec, message):
    with pytest.raises(InputError, match=re.escape(message)):
        parse_selection(spec)


def test_bad_syntax_on_the_command_line_is_one_line_exit_2(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SEED), "-o", str(tmp_path / "out"),
                             "--html-select", "date=2024-02-30"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "kg: build: argument --html-select: '2024-02-30' is not a date (YYYY-MM-DD) in date=2024-02-30 "
        "(see kg build --help)"]
    assert not (tmp_path / "out").exists()


def test_select_by_ids(corpus, tmp_path):
    page, summary = build(corpus, tmp_path, "ids=a2,b1")
    assert page_docs(page) == {"a2", "b1"}
    assert scope(page) == "Selection ids=a2,b1: 2 of 4 documents"
    assert "HTML: selection ids=a2,b1: 2 of 4 documents" in summary


def test_select_by_actor_and_date(corpus, tmp_path):
    page, _ = build(corpus, tmp_path, "actor=Q399,date=2022-09-20..")  # Armenia, only in the seed's copies
    assert page_docs(page) == {"a2"}
    assert scope(page) == "Selection actor=Q399,date=2022-09-20..: 1 of 4 documents"
    by_name, _ = build(corpus, tmp_path, "actor=armenia")
    assert page_docs(by_name) == {"a1", "a2"}
    by_arabic, _ = build(corpus, tmp_path, "actor=أرمينيا", "date=..2022-09-30")
    assert page_docs(by_arabic) == {"a1"}


def test_html_docs_caps_the_selection(corpus, tmp_path):
    from kg.build import build as run

    run(corpus, tmp_path / "out", progress=False, validate=False, jobs=1, html_select="date=2022-10-01..",
        html_limit=2)
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert page_docs(page) == {"a2", "b1"}
    assert scope(page) == "Selection date=2022-10-01..: 3 of 4 documents (the first 2 drawn: --html-docs 2)"


def test_without_a_selection_the_page_says_first_n(corpus, tmp_path):
    from kg.build import build as run

    run(corpus, tmp_path / "out", progress=False, validate=False, jobs=1, html_limit=3)
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert scope(page) == "First 3 of 4 documents" and len(page_docs(page)) == 3


def test_nothing_selected_still_writes_a_page_that_says_so(corpus, tmp_path):
    page, summary = build(corpus, tmp_path, "ids=zz")
    assert page_docs(page) == set() and scope(page) == "Selection ids=zz: 0 of 4 documents"
