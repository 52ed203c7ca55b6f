"""The corpus stage (issue 14): cross-document actors, canonical events, disagreements.

Most tests run on the gold set in tests/corpus_gold (33 articles written for the project: five
events reported by several outlets, and distractors that must stay apart)."""
from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kg.corpus import Corpus, CorpusStage, corpus_triples, merge, summarise
from kg.corpus.entities import SURNAME_RULE, resolve
from kg.corpus.events import dates_meet
from kg.corpus.names import STAGES, name_key, rule_between
from kg.corpus.score import bcubed, load_gold, pairwise, score
from kg.corpus.summary import DocSummary, EntityInfo, EventInfo, MentionRef
from kg.model import Document

GOLD = Path(__file__).parent / "corpus_gold"
KG = "https://w3id.org/kg-arabic-news/ontology#"


@pytest.fixture(scope="module")
def extractions():
    from kg.extract.pipeline import extract
    from kg.read import read_documents

    documents = list(read_documents(GOLD / "articles.jsonl", None, lambda error: None))
    return {d.id: extract(d) for d in documents}


def run(extractions, seed: int | None = None):
    order = sorted(extractions)
    if seed is not None:
        random.Random(seed).shuffle(order)
    return merge(summarise(extractions[i]) for i in order)


@pytest.fixture(scope="module")
def result(extractions):
    return run(extractions)


@pytest.fixture(scope="module")
def graph(result):
    from kg.graph.build import new_graph, to_rdflib

    g = new_graph()
    for t in corpus_triples(result):
        g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return g


def values(graph, subject, prop):
    from rdflib import URIRef

    return list(graph.objects(subject, URIRef(KG + prop)))


def of_class(graph, cls):
    from rdflib import RDF, URIRef

    return list(graph.subjects(RDF.type, URIRef(KG + cls)))


# --- determinism ------------------------------------------------------------------------------

def test_same_iris_whatever_the_document_order(extractions, result):
    first = {str(t) for t in corpus_triples(result)}
    for seed in (1, 2, 3):
        assert {str(t) for t in corpus_triples(run(extractions, seed))} == first
    assert any("corpus/event/" in t for t in first)


def test_reversed_stream_same_canonical_actors(extractions):
    forward, backward = run(extractions), merge(summarise(extractions[i]) for i in sorted(extractions, reverse=True))
    assert forward.actors.canonical == backward.actors.canonical
    assert forward.actors.canonical  # something was merged


# --- entity resolution ------------------------------------------------------------------------

def info(key, name, minted=True, **kw) -> EntityInfo:
    return EntityInfo(key=key, type=kw.pop("type", "Person"), name_ar=name, minted=minted, **kw)


def summary_of(doc: str, *entities: EntityInfo) -> DocSummary:
    mentions = tuple(MentionRef(doc, 0, 5, e.key, e.name_ar) for e in entities if e.minted)
    return DocSummary(doc, "", None, entities, mentions, ())


def test_gazetteer_actors_are_never_merged(extractions, result):
    minted = {k for x in extractions.values() for k, e in x.entities.items() if e.minted}
    assert result.actors.merges
    assert all(m.member in minted and m.canonical in minted for m in result.actors.merges)
    # two gazetteer entries with one name stay two, and a minted namesake joins neither
    merged = merge([summary_of("d1", info("Gaz_A", "خالد الموسوي", minted=False)),
                    summary_of("d2", info("Gaz_B", "خالد الموسوى", minted=False)),
                    summary_of("d3", info("Person_x", "خالد الموسوي"))])
    assert merged.actors.merges == []


def test_spelling_title_and_compound_variants_merge():
    assert rule_between("يحيى المؤيد", "يحيي المؤيد") == "orthography"
    assert rule_between("عبد الرحمن الجيلاني", "عبدالرحمن الجيلاني") == "compound-name"
    assert rule_between("العقيد خالد الموسوي", "خالد الموسوي") == "title-dropped"
    assert rule_between("بنيامين نتنياهو", "بنيامين نتانياهو") == "spelling-variant"
    assert rule_between("خالد الموسوي", "أحمد الموسوي") == ""
    assert name_key("الشيخ خالد الموسوي") == name_key("خالد الموسوي")


def test_country_or_body_that_differ_keep_namesakes_apart():
    merged = merge([summary_of("d1", info("P1", "خالد الموسوي", country="Sudan", part_of="RSF")),
                    summary_of("d2", info("P2", "خالد الموسوى", country="Iraq", part_of="Iraqi_Government")),
                    summary_of("d3", info("P3", "خالد الموسوى", country="Sudan"))])
    assert merged.actors.canonical == {"P3": "P1"}


def test_unnamed_office_holder_joins_the_one_named_holder():
    named = info("P_named", "سليمان ديارا", country="Mali", part_of="Mali_Army", role="Spokesperson")
    holder = replace(info("Mali_Army_Spokesperson_1", "المتحدث باسم الجيش المالي", country="Mali",
                          part_of="Mali_Army", role="Spokesperson"), holder=True)
    merged = merge([summary_of("d1", holder), summary_of("d2", named), summary_of("d3", holder)])
    assert merged.actors.canonical == {"Mali_Army_Spokesperson_1": "P_named"}
    assert [m.rule for m in merged.actors.merges] == ["role-holder"]
    rival = info("P_rival", "أحمد توري", country="Mali", part_of="Mali_Army", role="Spokesperson")
    assert merge([summary_of("d1", holder), summary_of("d2", named), summary_of("d3", rival)]).actors.canonical == {}


def test_surname_joins_the_one_full_name_it_can_belong_to():
    full = info("P_full", "خالد الموسوي", country="Sudan", part_of="RSF")
    short = info("P_short", "الموسوي", country="Sudan", part_of="RSF")
    merged = merge([summary_of("d1", full), summary_of("d2", short)])
    assert merged.actors.canonical == {"P_short": "P_full"}
    assert merged.actors.merges[0].rule == SURNAME_RULE
    other = info("P_other", "أحمد الموسوي", country="Sudan", part_of="RSF")
    ambiguous = merge([summary_of("d1", full), summary_of("d2", short), summary_of("d3", other)])
    assert "P_short" not in ambiguous.actors.canonical


def test_every_merge_is_explained_in_the_graph(result, graph):
    rules = set(STAGES) | {SURNAME_RULE, "role-holder"}
    for merge_ in result.actors.merges:
        assert merge_.rule in rules
        docs = {m.doc for m in merge_.evidence}
        assert {m.key for m in merge_.evidence} == {merge_.member, merge_.canonical}, merge_
        assert docs
    members = [m.member for m in result.actors.merges]
    assert len(members) == len(set(members))  # each actor merged once
    resolutions = of_class(graph, "Resolution")
    assert len(resolutions) == len(result.actors.merges)
    for node in resolutions:
        assert values(graph, node, "rule") and values(graph, node, "evidence")
        assert values(graph, node, "mergedEntity") and values(graph, node, "canonicalEntity")


def test_entity_resolution_is_deterministic_on_synthetic_order():
    entities = [info(f"P{i}", name, country="Sudan") for i, name in
                enumerate(["خالد الموسوي", "خالد الموسوى", "العقيد خالد الموسوي"])]
    forward = resolve({e.key: e for e in entities}, {}, {})
    backward = resolve({e.key: e for e in reversed(entities)}, {}, {})
    assert forward.canonical == backward.canonical and len(set(forward.canonical.values())) == 1


# --- event coreference ------------------------------------------------------------------------

def event(doc="d", id_="1-AirStrike", type_="AirStrike", family="ViolenceFamily", when=date(2024, 5, 14),
          precision="day", **kw) -> EventInfo:
    base = dict(doc=doc, id=id_, type=type_, family=family, modality="Asserted", agents=(), targets=(),
                places=(), context=(), date=when, precision=precision, count=None, casualty_type="",
                sides=(), sentence=1, claims=(), source="")
    base.update(kw)
    return EventInfo(**base)


def test_date_windows_follow_precision():
    exact = event(when=date(2024, 5, 14))
    assert dates_meet(exact, event(when=date(2024, 5, 15)))
    assert not dates_meet(exact, event(when=date(2024, 5, 17)))
    assert dates_meet(exact, event(when=date(2024, 5, 16), precision="relative"))  # "أمس" is a day either way
    assert dates_meet(exact, event(when=date(2024, 5, 17), precision="document"))  # published 3 days later
    assert not dates_meet(exact, event(when=date(2024, 5, 20), precision="document"))


def test_canonical_event_with_count_range_and_reports(result, graph, extractions):
    canonical = of_class(graph, "CanonicalEvent")
    assert len(canonical) == len(result.clusters) >= 5
    casualty = [c for c in canonical if values(graph, c, "minCount")]
    widest = max(casualty, key=lambda c: len(values(graph, c, "hasReport")))
    low, high = int(values(graph, widest, "minCount")[0]), int(values(graph, widest, "maxCount")[0])
    assert low < high
    reports = values(graph, widest, "hasReport")
    assert len({str(r).split("/e/")[0] for r in reports}) >= 4  # from at least four articles
    counts = []
    for report in reports:
        doc, event_id = str(report).split("/doc/")[1].split("/e/")
        found = [e for e in extractions[doc].events if e.id == event_id]
        assert found, report  # each report is a document's own event, with its sentence and span
        counts.append(found[0].count)
    assert min(counts) == low and max(counts) == high
    assert len(values(graph, widest, "reportedBy")) == len({str(r).split("/e/")[0] for r in reports})


def test_distractors_stay_alone(result):
    clustered = {r.doc for c in result.clusters for r in c.reports}
    for cluster in result.clusters:
        docs = {r.doc for r in cluster.reports}
        assert not (len(docs) > 1 and any(d.startswith("x") for d in docs)), cluster
    assert clustered & {"a01", "a02", "a03"}


def test_different_towns_same_day_do_not_merge():
    from kg.corpus import coreference
    from kg.corpus.entities import Actors

    actors = Actors({"Nyala": EntityInfo("Nyala", "City", country="Sudan"),
                     "El_Fasher": EntityInfo("El_Fasher", "City", country="Sudan"),
                     "Sudan": EntityInfo("Sudan", "State")})
    coref = coreference(actors)
    a = event(doc="d1", places=("Nyala",))
    assert coref.judge(a, event(doc="d2", places=("Nyala",), type_="Shelling")).score >= 3
    assert not coref.judge(a, event(doc="d2", places=("El_Fasher",))).ok
    assert not coref.judge(a, event(doc="d2", places=("Nyala",), when=date(2024, 4, 2))).ok


def test_undated_reports_and_two_counts_in_one_sentence_stay_apart():
    from kg.corpus import coreference
    from kg.corpus.entities import Actors

    coref = coreference(Actors({"Nyala": EntityInfo("Nyala", "City", country="Sudan")}))
    a = event(doc="d1", places=("Nyala",))
    assert not coref.judge(a, event(doc="d2", places=("Nyala",), when=None, precision="")).ok
    killed = dict(type_="CasualtyReport", family="CasualtyFamily", casualty_type="killed", places=("Nyala",))
    assert not coref.judge(event(id_="1-C", count=15, **killed), event(id_="9-C", count=3, **killed)).ok
    assert coref.judge(event(id_="1-C", count=15, **killed), event(doc="d2", id_="9-C", count=22, **killed)).ok


def test_a_town_and_states_must_agree():
    from kg.corpus import coreference
    from kg.corpus.entities import Actors

    actors = Actors({"Nyala": EntityInfo("Nyala", "City", country="Sudan"), "Sudan": EntityInfo("Sudan", "State"),
                     "Chad": EntityInfo("Chad", "State")})
    coref = coreference(actors)
    town = event(doc="d1", places=("Nyala",))
    assert coref.places(town, event(doc="d2", places=("Sudan",))) == 1
    assert coref.places(town, event(doc="d2", places=("Chad",))) is None


def test_unnamed_sources_are_never_merged():
    witness = replace(info("W1", "شهود عيان"), anonymous=True)
    other = replace(info("W2", "شهود عيان"), anonymous=True)
    assert merge([summary_of("d1", witness), summary_of("d2", other)]).actors.merges == []


# --- disagreements ----------------------------------------------------------------------------

def test_disagreement_nodes_say_who_says_what(result, graph):
    kinds = {d.kind for d in result.disagreements}
    assert kinds == {"CountDisagreement", "BlameDisagreement", "DenialDisagreement"}
    for node in of_class(graph, "Disagreement"):
        positions = values(graph, node, "position")
        assert len(positions) >= 2 and values(graph, node, "concerns")
        for position in positions:
            assert values(graph, position, "stance") and values(graph, position, "report")
            assert values(graph, position, "document")
    counts = [d for d in result.disagreements if d.kind == "CountDisagreement"]
    assert all(len({p.count for p in d.positions}) >= 2 for d in counts)
    denial = [d for d in result.disagreements if d.kind == "DenialDisagreement"]
    assert all({"denies"} < {p.stance for p in d.positions} for d in denial)


def test_disagreements_query_returns_them(tmp_path, graph):
    from kg.store.query import on_files, read_query_file

    path = tmp_path / "corpus.ttl"
    graph.serialize(path, format="turtle")
    query = read_query_file(Path(__file__).parents[1] / "queries" / "disagreements.rq")
    answer = on_files([path], query)
    rows = [dict(zip(answer.variables, (t.value if t is not None else None for t in row))) for row in answer.rows]
    assert {r["disagreement"] for r in rows} == {str(d) for d in of_class(graph, "Disagreement")}
    assert {r["kind"] for r in rows} == {"CountDisagreement", "BlameDisagreement", "DenialDisagreement"}
    assert any(r["count"] for r in rows) and any(r["blamed"] for r in rows) and any(r["source"] for r in rows)


# --- the gold set's figures -------------------------------------------------------------------

def test_cluster_scores_above_their_floors(extractions, result):
    report = score(load_gold(GOLD), extractions, result)
    assert report.events.pairwise_p >= 0.9 and report.events.pairwise_r >= 0.8
    assert report.events.bcubed_p >= 0.9 and report.events.bcubed_r >= 0.8
    assert report.entities.bcubed_p >= 0.85 and report.entities.bcubed_r >= 0.85
    assert report.disagreements_found == report.disagreements
    assert report.gazetteer_merges == 0
    assert report.events.found_rows >= 0.6 * report.events.gold_rows


def test_held_out_set_above_the_floors():
    from kg.extract.pipeline import extract
    from kg.read import read_documents

    folder = Path(__file__).parent / "corpus_heldout"
    documents = list(read_documents(folder / "articles.jsonl", None, lambda error: None))
    extractions = {d.id: extract(d) for d in documents}
    report = score(load_gold(folder), extractions, merge(summarise(extractions[d.id]) for d in documents))
    assert report.events.pairwise_p >= 0.9 and report.events.pairwise_r >= 0.8
    assert report.disagreements_found == report.disagreements and report.gazetteer_merges == 0


def test_scores_count_what_they_should():
    labels = {1: ("a", "x"), 2: ("a", "x"), 3: ("b", "x"), 4: ("b", "y")}
    assert pairwise(labels) == (1 / 3, 1 / 2)
    precision, recall = bcubed(labels)
    assert round(precision, 3) == round((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, 3)
    assert round(recall, 3) == round((1 + 1 + 0.5 + 0.5) / 4, 3)


def test_gold_set_is_big_enough():
    articles = (GOLD / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    gold = json.loads((GOLD / "clusters.json").read_text(encoding="utf-8"))
    assert len(articles) >= 30
    multi = [c for c in {r["cluster"] for r in gold["events"]}
             if len({r["doc"] for r in gold["events"] if r["cluster"] == c}) >= 3]
    assert len(multi) >= 5


# --- kg build ---------------------------------------------------------------------------------

def built(tmp_path: Path, documents, merge_: bool) -> str:
    from kg.build import build

    out = tmp_path / ("merged" if merge_ else "apart") / "out"  # same folder name: the dataset metadata names it
    build(documents, out, html=False, validate=False, progress=False, merge=merge_)
    return (out / "graph.ttl").read_text(encoding="utf-8")


def gold_documents(*ids: str) -> list[Document]:
    from kg.read import read_documents

    found = {d.id: d for d in read_documents(GOLD / "articles.jsonl", None, lambda error: None)}
    return [found[i] for i in ids]


def test_no_merge_keeps_articles_apart(tmp_path):
    documents = gold_documents("a01", "a02", "a05")
    merged, apart = built(tmp_path, documents, True), built(tmp_path, documents, False)
    assert "kg:CanonicalEvent" in merged and "kg:Resolution" in merged
    assert "corpus/" not in apart and "kg:CanonicalEvent" not in apart
    counts = ("void:", "dcterms:created")  # the dataset metadata counts the corpus triples too, and
    # the two builds' creation times differ whenever a second boundary falls between them
    assert {l for l in apart.splitlines() if not l.strip().startswith(counts)} <= set(merged.splitlines())


def test_one_document_output_is_unchanged(tmp_path):
    documents = gold_documents("a01")

    def timeless(text: str) -> list[str]:  # the two builds' creation times differ across a second boundary
        return [line for line in text.splitlines() if not line.strip().startswith("dcterms:created")]

    merged, apart = built(tmp_path, documents, True), built(tmp_path, documents, False)
    assert "dcterms:created" in merged and timeless(merged) == timeless(apart)


def test_stage_summary_line(extractions):
    stage = CorpusStage()
    for doc_id in ("a01", "a02"):
        stage.observe(extractions[doc_id])
    triples = list(stage.after(iter(()), lambda: 2))
    assert triples and stage.lines()[0].startswith("corpus: ")
    single = CorpusStage()
    single.observe(extractions["a01"])
    assert list(single.after(iter(()), lambda: 1)) == [] and single.lines() == []


def test_corpus_keeps_compact_summaries(extractions):
    corpus = Corpus()
    for extraction in extractions.values():
        corpus.add(summarise(extraction))
    assert not hasattr(corpus, "extractions")
    assert all(isinstance(e, EventInfo) for e in corpus.events)
    assert all(len(kept) <= 6 for kept in corpus.mentions.values())
    same = replace(corpus.events[0])
    assert same == corpus.events[0]


def test_explorer_view_of_canonical_events(tmp_path):
    from rdflib import Graph

    from kg.corpus.view import canonical_events

    out = tmp_path / "out"
    from kg.build import build

    build(gold_documents("a01", "a02", "a03", "a04", "a05", "a06", "x01"), out, html=False, validate=False,
          progress=False)
    graph = Graph().parse(out / "graph.ttl")
    events = canonical_events(graph)
    casualty = [e for e in events if e["minCount"] is not None]
    assert casualty and casualty[0]["minCount"] < casualty[0]["maxCount"]
    widest = max(casualty, key=lambda e: len(e["reports"]))
    assert {r["source"] for r in widest["reports"]} >= {"رويترز", "سودان تربيون"}
    assert all(r["sentence"] for r in widest["reports"])
    kinds = {d["kind"] for e in events for d in e["disagreements"]}
    assert "CountDisagreement" in kinds
    assert not any(r["document"].endswith("/x01") for e in events for r in e["reports"])  # El Fasher stays apart
