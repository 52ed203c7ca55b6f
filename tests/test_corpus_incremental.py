"""The corpus stage kept right when articles come later (issue 14): `kg build NEW --add-to OUT`
merges the new articles with OUT's corpus state, and `kg load` of it replaces the store's whole
corpus stage, so the store ends as a load of one build of all the articles would leave it."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.graph.iri import BASE
from kg.graph.namespace import KG

GOLD = Path(__file__).parent / "corpus_gold" / "articles.jsonl"
FIRST = ("a01", "a02")  # two reports of the air strike on the Nyala market
LATER = ("a03", "x01")  # a third report of it, and the same kind of strike in El Fasher that day
DATASET = BASE + "dataset/"  # each build's VoID description (its own counts and time)


def articles(tmp_path: Path, name: str, ids) -> Path:
    rows = {json.loads(line)["id"]: line for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()}
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(rows[i] + "\n" for i in ids), encoding="utf-8")
    return path


def kg(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def build(capsys, source: Path, out: Path, *extra) -> str:
    code, text, err = kg(capsys, "build", source, "-o", out, "-q", "--no-html", "-j", "1", *extra)
    assert code == 0, err
    return text


def load(capsys, graph: Path, store: Path) -> None:
    code, _, err = kg(capsys, "load", graph, "--store", store)
    assert code == 0, err


def contents(store_path: Path) -> set[ox.Quad]:
    store = ox.Store(str(store_path))
    try:
        return {q for q in store if not (isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(DATASET))}
    finally:
        del store


def canonical_reports(quads: set[ox.Quad]) -> dict[str, set[str]]:
    reports: dict[str, set[str]] = {}
    for q in quads:
        if q.predicate.value == str(KG.hasReport):
            reports.setdefault(q.subject.value, set()).add(q.object.value)
    return reports


def docs_of(reports: set[str]) -> set[str]:
    return {r.split("/doc/")[1].split("/")[0] for r in reports}


def nyala(reports: dict[str, set[str]]) -> dict[str, set[str]]:
    """The canonical events with a report in a01 (the strike, its dead)."""
    return {e: r for e, r in reports.items() if any("/doc/a01/" in x for x in r)}


def test_adding_articles_later_gives_the_store_of_one_build(capsys, tmp_path):
    first, later = articles(tmp_path, "first", FIRST), articles(tmp_path, "later", LATER)
    union = articles(tmp_path, "union", FIRST + LATER)
    build(capsys, first, tmp_path / "a")
    assert (tmp_path / "a" / "corpus-state.jsonl").is_file()
    store = tmp_path / "store"
    load(capsys, tmp_path / "a" / "graph.ttl", store)
    before = nyala(canonical_reports(contents(store)))
    assert before and all(docs_of(r) == {"a01", "a02"} for r in before.values())
    assert [r for r in before.values() if any(x.endswith("-AirStrike") for x in r)]

    text = build(capsys, later, tmp_path / "b", "--add-to", tmp_path / "a")
    assert "from the earlier state" in text
    graph_b = (tmp_path / "b" / "graph.ttl").read_text(encoding="utf-8")
    assert "/doc/a01>" not in graph_b.replace("/doc/a01/", "")  # a01's own graph is not written again
    load(capsys, tmp_path / "b" / "graph.ttl", store)
    incremental = contents(store)
    after = nyala(canonical_reports(incremental))
    strike = [r for r in after.values() if any(x.endswith("-AirStrike") for x in r)]
    assert len(strike) == 1 and docs_of(strike[0]) == {"a01", "a02", "a03"}  # the strike: 3 articles report it
    assert not set(before) & set(after)  # the old canonical events (their IRIs changed) are gone
    assert not any("/doc/x01/" in x for r in after.values() for x in r)  # El Fasher stays apart

    build(capsys, union, tmp_path / "full")
    full_store = tmp_path / "full-store"
    load(capsys, tmp_path / "full" / "graph.ttl", full_store)
    full = contents(full_store)
    assert canonical_reports(incremental) == canonical_reports(full)
    assert incremental == full


def test_files_loaded_together_take_the_last_corpus_stage(capsys, tmp_path):
    build(capsys, articles(tmp_path, "first", FIRST), tmp_path / "a")
    build(capsys, articles(tmp_path, "later", LATER), tmp_path / "b", "--add-to", tmp_path / "a")
    build(capsys, articles(tmp_path, "union", FIRST + LATER), tmp_path / "full")
    code, _, err = kg(capsys, "load", tmp_path / "a" / "graph.ttl", tmp_path / "b" / "graph.ttl",
                      "--store", tmp_path / "together")
    assert code == 0, err
    load(capsys, tmp_path / "full" / "graph.ttl", tmp_path / "full-store")
    assert contents(tmp_path / "together") == contents(tmp_path / "full-store")


def test_sparql_update_path_replaces_the_corpus_stage_too(capsys, tmp_path):
    """What a server gets (kg load --via update: one update per unit) ends as the embedded load."""
    from kg.store.load import plan
    from kg.store.partition import units
    from kg.store.update import unit_update

    build(capsys, articles(tmp_path, "first", FIRST), tmp_path / "a")
    build(capsys, articles(tmp_path, "later", LATER), tmp_path / "b", "--add-to", tmp_path / "a")
    server = ox.Store()
    for graph in (tmp_path / "a" / "graph.ttl", tmp_path / "b" / "graph.ttl"):
        load(capsys, graph, tmp_path / "store")
        laid = plan([graph])
        for unit in units(laid.quads(), laid.survey):
            if text := unit_update(unit):
                server.update(text)
    mine = {q for q in server if not q.subject.value.startswith(DATASET)}
    assert mine == contents(tmp_path / "store")
    assert len([r for r in canonical_reports(mine).values() if any(x.endswith("-AirStrike") for x in r)]) == 1


def test_state_of_the_union_is_written_and_an_id_given_again_replaces_its_line(capsys, tmp_path):
    first = articles(tmp_path, "first", FIRST)
    again = articles(tmp_path, "again", ("a02", "a03"))
    build(capsys, first, tmp_path / "a")
    build(capsys, again, tmp_path / "b", "--add-to", tmp_path / "a" / "corpus-state.jsonl")
    lines = (tmp_path / "b" / "corpus-state.jsonl").read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line)["doc"] for line in lines[1:]]
    assert sorted(docs) == ["a01", "a02", "a03"]


def test_single_article_then_one_more_merges(capsys, tmp_path):
    build(capsys, articles(tmp_path, "one", ("a01",)), tmp_path / "a")
    assert "CanonicalEvent" not in (tmp_path / "a" / "graph.ttl").read_text(encoding="utf-8")
    text = build(capsys, articles(tmp_path, "two", ("a02",)), tmp_path / "b", "--add-to", tmp_path / "a")
    assert "corpus:" in text and "canonical events (0" not in text


def test_reloading_one_article_keeps_the_corpus_stage(capsys, tmp_path):
    build(capsys, articles(tmp_path, "first", FIRST), tmp_path / "a")
    store = tmp_path / "store"
    load(capsys, tmp_path / "a" / "graph.ttl", store)
    stage = nyala(canonical_reports(contents(store)))
    build(capsys, articles(tmp_path, "one", ("a01",)), tmp_path / "one", "--no-merge")
    load(capsys, tmp_path / "one" / "graph.ttl", store)
    assert nyala(canonical_reports(contents(store))) == stage  # a file without a corpus stage leaves it


def test_resolution_sameas_survives_the_actor_described_again(capsys, tmp_path):
    from kg.store.partition import is_corpus

    sameas = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")
    actor, other = ox.NamedNode(BASE + "Someone"), ox.NamedNode(BASE + "Someone_Else")
    wikidata = ox.NamedNode("http://www.wikidata.org/entity/Q1")
    assert is_corpus(ox.Triple(actor, sameas, other))
    assert not is_corpus(ox.Triple(actor, sameas, wikidata))


@pytest.mark.parametrize("content, says", [
    (None, "no corpus state"),
    ("", "empty corpus state"),
    ("{not json\n", "line 1"),
    ('{"format": "kg-corpus-state", "version": 0}\n', "not a corpus state of this kg version"),
    ("HEADER" + '{"doc": "a01"}\n', "line 2: broken corpus state"),
])
def test_missing_or_broken_state_is_one_line_exit_2(capsys, tmp_path, content, says):
    from kg.corpus.state import header_line

    old = tmp_path / "old"
    old.mkdir()
    if content is not None:
        text = content.replace("HEADER", header_line().decode("utf-8"))
        (old / "corpus-state.jsonl").write_text(text, encoding="utf-8")
    code, out, err = kg(capsys, "build", articles(tmp_path, "later", LATER), "-o", tmp_path / "b", "-q",
                        "--no-html", "--add-to", old)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: ") and says in lines[0], err
    assert "Traceback" not in err
    assert not (tmp_path / "b" / "graph.ttl").exists()


def test_add_to_refuses_no_merge(capsys, tmp_path):
    code, _, err = kg(capsys, "build", articles(tmp_path, "later", LATER), "-o", tmp_path / "b", "-q",
                      "--add-to", tmp_path, "--no-merge")
    assert code == 2 and "--no-merge" in err and len(err.strip().splitlines()) == 1
