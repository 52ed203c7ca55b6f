"""The shipped queries/: documented, parseable, and giving the expected answers on the seed."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
SEED_DOC = "https://w3id.org/kg-arabic-news/resource/doc/000_7f990094a9bbc95a"
RIVAL_TEXT = """أذربيجان تعلن مقتل 80 جندياً أرمينياً
وأعلنت وزارة الدفاع الأذربيجانية في 13 أيلول عن مقتل 80 جندياً أرمينياً عند الحدود.
واتهمت أذربيجان أرمينيا بانتهاك وقف إطلاق النار.
ونفت أرمينيا هذه الاتهامات ووصفتها بأنها "كاذبة".
"""


def rows(answer) -> list[dict[str, str]]:
    return [{name: term.value for name, term in zip(answer.variables, row) if term is not None} for row in answer.rows]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, seed_ttl) -> Path:
    from kg.store.load import load_into_store

    path = tmp_path_factory.mktemp("queries") / "store"
    load_into_store([seed_ttl], path)
    return path


@pytest.fixture(scope="module")
def rival_ttl(tmp_path_factory) -> Path:
    """A second article in which Azerbaijan gives another count for Armenia's dead, and Armenia denies."""
    from kg.export.rdf import write_graph
    from kg.extract.pipeline import extract
    from kg.graph.build import extraction_graph
    from kg.model import Document

    doc = Document(id="rival_report", text=RIVAL_TEXT, title=RIVAL_TEXT.split("\n")[0], date=date(2022, 9, 14))
    return write_graph(extraction_graph(extract(doc)), tmp_path_factory.mktemp("rival") / "graph.ttl")


def ask(store: Path, name: str) -> list[dict[str, str]]:
    from kg.store.query import on_store, read_query_file

    return rows(on_store(store, read_query_file(ROOT / "queries" / f"{name}.rq")))


def test_at_least_ten_queries_each_documented():
    from kg.store.prefixes import missing_prefixes
    from kg.store.syntax import check_query

    assert len(QUERIES) >= 10
    for path in QUERIES:
        text = path.read_text(encoding="utf-8")
        header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
        assert text.startswith("# ") and "Answers:" in header and "Columns:" in header, path.name
        assert check_query(text, missing_prefixes(text)) == "select", path.name
        select = re.search(r"SELECT(.*?)WHERE", text, re.S).group(1)
        for column in re.findall(r"\?(\w+)(?![^(]*\))|AS \?(\w+)\)", select):
            name = column[0] or column[1]
            assert re.search(rf"#\s+{name}\s", header), f"{path.name}: column {name} not described"


def test_who_said_what(seed_store):
    answer = ask(seed_store, "who_said_what")
    pashinyan = [r for r in answer if r["speaker"] == "Nikol Pashinyan"]
    assert {r["quote"] for r in pashinyan} >= {"للأسف ليست الحصيلة النهائية"}
    assert any("مقتل 49 جندياً" in r["quote"] and r["date"] == "2022-09-13" for r in pashinyan)
    assert {"António Guterres", "Emmanuel Macron", "Azerbaijan Ministry of Defence"} <= {r["speaker"] for r in answer}
    assert all(r["document"] == SEED_DOC for r in answer)


def test_casualties_by_side(seed_store):
    answer = ask(seed_store, "casualties_by_side")
    single = {(r.get("side"), r["casualties"], r.get("type"), r.get("reporter"), r.get("date"))
              for r in answer if r["sidesInReport"] == "1"}
    assert ("Armenia", "49", "killed", "Nikol Pashinyan", "2022-09-13") in single
    assert ("Azerbaijan", "50", "killed", "Azerbaijan Ministry of Defence", "2022-09-13") in single
    combined = {(r["side"], r["casualties"]) for r in answer if r["sidesInReport"] == "2"}
    assert combined == {("Armenia", "100"), ("Azerbaijan", "100")}


def test_accusations(seed_store):
    pairs = {(r["accuser"], r["accused"]) for r in ask(seed_store, "accusations")}
    assert ("Azerbaijan", "Armenia") in pairs
    assert ("Azerbaijan Ministry of Defence", "Armenia") in pairs


def test_ceasefires(seed_store):
    answer = ask(seed_store, "ceasefires")
    declared = [r for r in answer if r["action"] == "declared"]
    assert [(r["actor"], r["date"], r["time"]) for r in declared] == [("Russia", "2022-09-13", "2022-09-13T08:00:00")]
    violated = [r for r in answer if r["action"] == "violated"]
    assert [(r["actor"], r["ceasefire"]) for r in violated] == [("Armenia", declared[0]["event"])]


def test_international_appeals(seed_store):
    answer = ask(seed_store, "international_appeals")
    callers = {r["caller"] for r in answer}
    assert {"António Guterres", "Emmanuel Macron", "European Union"} <= callers
    assert "Nikol Pashinyan" not in callers  # Armenia's prime minister is a party, not international
    assert {r["addressee"] for r in answer if r["caller"] == "António Guterres"} == {"Armenia", "Azerbaijan"}
    assert any(r["caller"] == "European Union" and r.get("about") == "وقف القتال" for r in answer)


def test_arms_transfers(seed_store):
    answer = ask(seed_store, "arms_transfers")
    assert [(r["supplier"], r["recipient"]) for r in answer] == [("Turkey Government", "Azerbaijan")]
    assert "جلبت الحكومة التركية" in answer[0]["sentence"]


def test_actors_by_country(seed_store):
    answer = ask(seed_store, "actors_by_country")
    found = {(r["country"], r["actor"], r["class"]) for r in answer}
    assert {("Armenia", "Nikol Pashinyan", "Person"), ("Armenia", "Armenia Ministry of Defence", "Ministry"),
            ("Azerbaijan", "Ilham Aliyev", "Person"), ("Turkey", "Turkey Government", "Government"),
            ("France", "Emmanuel Macron", "Person"), ("Armenia", "Armenia", "State")} <= found
    assert not any(r["actor"] in ("Yerevan", "Baku") for r in answer)  # places are not actors
    pashinyan = next(r for r in answer if r["actor"] == "Nikol Pashinyan")
    assert pashinyan["role"] == "Prime Minister" and int(pashinyan["mentions"]) >= 1


def test_timeline(seed_store):
    answer = ask(seed_store, "timeline")
    dates = [r["date"] for r in answer]
    assert dates == sorted(dates) and dates[0] == "2022-09-12"
    assert (answer[0]["event"], answer[0]["actor"], answer[0]["target"]) == ("Shelling", "Azerbaijan", "Armenia")
    ceasefire = next(r for r in answer if r["event"] == "Ceasefire")
    assert ceasefire["actor"] == "Russia" and ceasefire["time"] == "2022-09-13T08:00:00"


def test_contradicting_claims(seed_store, seed_ttl, rival_ttl, tmp_path):
    from kg.store.load import load_into_store

    assert ask(seed_store, "contradicting_claims") == []  # 49 Armenian vs 50 Azerbaijani dead: different sides
    both = tmp_path / "store"
    load_into_store([seed_ttl, rival_ttl], both)
    answer = ask(both, "contradicting_claims")
    counts = {(r["about"], r["source1"], r["says1"], r["source2"], r["says2"])
              for r in answer if r["kind"] == "casualty count"}
    assert ("Armenia", "Nikol Pashinyan", "49 killed", "Azerbaijan Ministry of Defence", "80 killed") in counts
    denials = [r for r in answer if r["kind"] == "denial"]
    assert [(r["about"], r["source1"], r["source2"]) for r in denials] == [("Armenia", "Azerbaijan", "Armenia")]
    assert "نفت أرمينيا" in denials[0]["says2"]


def test_fact_sources(seed_store):
    answer = ask(seed_store, "fact_sources")
    supplies = [r for r in answer if (r["subject"], r["relation"], r["object"]) ==
                ("Turkey Government", "supplies", "Azerbaijan")]
    assert len(supplies) == 1
    source = supplies[0]
    assert source["document"] == SEED_DOC and source["rule"] == "frame:جلب" and source["confidence"] == "0.7"
    assert "جلبت الحكومة التركية" in source["text"] and source["sentence"] == "14"
    declares = [r for r in answer if (r["subject"], r["relation"]) == ("Russia", "declares")]
    assert [(r["object"], r["sentence"]) for r in declares] == [("Ceasefire", "6")]
    assert {r["relation"] for r in answer if r["subject"] == "Azerbaijan"} >= {"accuses", "attacks"}


def test_documents(seed_store):
    answer = ask(seed_store, "documents")
    assert len(answer) == 1
    doc = answer[0]
    assert (doc["document"], doc["id"], doc["published"]) == (SEED_DOC, "000_7f990094a9bbc95a", "2022-09-14")
    assert int(doc["events"]) > 10 and int(doc["claims"]) >= 8  # scare quotes (<= 3 words) are no claims


def test_actor_relations(seed_store):
    edges = {(r["subject"], r["relation"], r["object"]): r["articles"] for r in ask(seed_store, "actor_relations")}
    assert edges[("Azerbaijan", "accuses", "Armenia")] == "1"
    assert edges[("Turkey Government", "supplies", "Azerbaijan")] == "1"
    assert ("Charles Michel", "mediatesBetween", "Armenia") in edges


def test_shipped_query_by_name(capsys, seed_store):
    from kg.cli import main

    assert main(["query", "arms_transfers", "--store", str(seed_store), "-o", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("supplier,recipient") and "Turkey Government,Azerbaijan" in out


def test_each_query_declares_its_prefixes_and_runs_in_other_engines(seed_store, seed_ttl):
    """Jena, Fuseki, GraphDB … get no prefix help: pyoxigraph and rdflib as they come must run each file."""
    import warnings

    import pyoxigraph as ox
    from rdflib import Dataset

    from kg.store.prefixes import declared_prefixes
    from kg.store.query import on_store
    from kg.store.results import oxigraph_answer, rdflib_answer

    dataset = Dataset(default_union=True)
    dataset.parse(seed_ttl, format="turtle")
    for path in QUERIES:
        text = path.read_text(encoding="utf-8")
        assert {"kg"} <= declared_prefixes(text), path.name
        expected = sorted(on_store(seed_store, text).rows, key=repr)
        memory = ox.Store()
        memory.load(path=str(seed_ttl), format=ox.RdfFormat.TURTLE)
        plain = oxigraph_answer(memory.query(text))  # no prefixes= argument
        assert sorted(plain.rows, key=repr) == expected, path.name
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            answer = rdflib_answer(dataset.query(text))
            assert sorted(answer.rows, key=repr) == expected, path.name


def test_union_of_the_store_holds_no_duplicate_triple(seed_ttl, rival_ttl, tmp_path):
    """Shared actor descriptions and relations are stored once, so the union default graph is a set."""
    import pyoxigraph as ox

    from kg.store.load import load_into_store

    path = tmp_path / "store"
    load_into_store([seed_ttl, rival_ttl], path)
    load_into_store([rival_ttl], path)  # a re-load changes nothing
    store = ox.Store(str(path))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    distinct = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    totals = [int(next(iter(store.query(q, use_default_graph_as_union=True)))["n"].value) for q in (count, distinct)]
    assert totals[0] == totals[1] == len(store)
    graphs = {q.graph_name.value for q in store}
    assert {"https://w3id.org/kg-arabic-news/resource/graph/actors",
            "https://w3id.org/kg-arabic-news/resource/graph/relations"} <= graphs
    del store


def test_shipped_queries_give_no_duplicate_row_without_distinct(seed_ttl, rival_ttl, tmp_path):
    """The layout stores each triple once, so queries without DISTINCT give each row once; a store
    that held the same triples in two graphs would repeat rows (the control below)."""
    from collections import Counter

    import pyoxigraph as ox

    from kg.store.load import load_into_store
    from kg.store.query import on_store, read_query_file

    path = tmp_path / "store"
    load_into_store([seed_ttl, rival_ttl], path)
    undistinct = [p for p in QUERIES if not re.search(r"^SELECT DISTINCT", p.read_text(encoding="utf-8"), re.M)]
    assert len(undistinct) >= 10
    answered = 0
    for query in undistinct:
        found = Counter(map(repr, on_store(path, read_query_file(query)).rows))
        assert max(found.values(), default=1) == 1, query.name
        answered += bool(found)
    assert answered >= len(undistinct) - 1  # disagreements needs the corpus stage
    doubled = ox.Store()  # control: the seed's triples in two graphs, as a naive one-graph-per-file load does
    for name in ("urn:a", "urn:b"):
        doubled.load(path=str(seed_ttl), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(name))
    text = (ROOT / "queries" / "who_said_what.rq").read_text(encoding="utf-8")
    answer = doubled.query(text, use_default_graph_as_union=True)
    counts = Counter(repr(list(row)) for row in answer)
    assert min(counts.values()) > 1  # every pattern matches twice: rows multiply


def test_fact_sources_gives_the_sources_of_a_symmetric_fact(tmp_path):
    """Russia and Ukraine exchanging prisoners, with no target: each direction is a fact, and the
    event is its source (found before only through kg:target, kg:partOfEvent or the event itself)."""
    from kg.export.rdf import write_graph
    from kg.extract.pipeline import extract
    from kg.graph.build import extraction_graph
    from kg.model import Document
    from kg.store.load import load_into_store

    text = "روسيا وأوكرانيا تتبادلان الأسرى\nتبادلت روسيا وأوكرانيا عشرات الأسرى يوم الأحد بوساطة تركية.\n"
    doc = Document(id="swap", text=text, title=text.split("\n")[0], date=date(2023, 1, 8))
    store = tmp_path / "store"
    load_into_store([write_graph(extraction_graph(extract(doc)), tmp_path / "graph.ttl")], store)
    rows = [(r["subject"], r["object"], r["sentence"]) for r in ask(store, "fact_sources")
            if r["relation"] == "exchangesPrisonersWith"]
    assert sorted(rows) == [("Russia", "Ukraine", "0"), ("Russia", "Ukraine", "1"),  # headline and text
                            ("Ukraine", "Russia", "0"), ("Ukraine", "Russia", "1")]


def test_large_queries_read_optional_properties_by_scan_not_per_row():
    """Oxigraph looks up a one-pattern OPTIONAL row by row (about as costly as reading 40 rows of
    a scan); the queries that return a row per claim or per supporting event read each optional
    property once in a subquery instead (docs/store.md: at 10,000 articles who_said_what 18.9 ->
    10.6 s CPU in process, timeline 15.8 -> 10.3 s)."""
    lookup = re.compile(r"OPTIONAL\s*\{\s*\?\w+\s+(?:a|[\w]*:\w+)\s+\?\w+\s*(?:FILTER[^}]*)?\}")
    for name in ("who_said_what", "fact_sources", "timeline"):
        text = "\n".join(line.split("#")[0] for line in (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8").splitlines())
        assert not lookup.findall(text), (name, lookup.findall(text))
        assert "{ SELECT ?sent ?text WHERE { ?sent kg:text ?text } }" in text or name != "fact_sources"


REWRITTEN = sorted(p.stem for p in (ROOT / "tests" / "queries_before").glob("*.rq"))


@pytest.mark.parametrize("name", REWRITTEN)
def test_rewritten_query_gives_the_rows_it_gave_before(name, seed_ttl, rival_ttl, tmp_path):
    """Rewrites for speed (docs/store.md) keep the rows: tests/queries_before holds each query as it
    was before its rewrite; both run on a store of the seed and a rival article, rows as multisets."""
    from collections import Counter

    from kg.store.load import load_into_store
    from kg.store.query import on_store, read_query_file

    path = tmp_path / "store"
    load_into_store([seed_ttl, rival_ttl], path)
    before = Counter(on_store(path, read_query_file(ROOT / "tests" / "queries_before" / f"{name}.rq")).rows)
    after = Counter(on_store(path, read_query_file(ROOT / "queries" / f"{name}.rq")).rows)
    assert before and after == before
