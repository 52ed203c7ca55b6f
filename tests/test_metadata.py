"""Each build describes itself (VoID/DCAT), so a graph loaded elsewhere says where it came from."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from kg.graph.namespace import KG, KGR

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_a_build_writes_its_dataset_description(tmp_path):
    from datetime import date

    from kg.build import build
    from kg.graph.metadata import ontology_version

    summary = build(SEEDS, tmp_path / "seedgraph", published=date(2022, 9, 14), html=False, validate=False,
                    progress=False, merge=False)
    graph = Graph().parse(tmp_path / "seedgraph" / "graph.ttl")
    dataset = URIRef(KGR + "dataset/seedgraph")
    assert (dataset, RDF.type, VOID.Dataset) in graph and (dataset, RDF.type, DCAT.Dataset) in graph
    assert graph.value(dataset, KG.documentCount).toPython() == summary.documents == 1
    assert graph.value(dataset, VOID.triples).toPython() == summary.triples
    assert graph.value(dataset, KG.claimCount).toPython() == summary.claims
    assert graph.value(dataset, KG.ontologyVersion) == Literal(ontology_version())
    assert str(graph.value(dataset, DCTERMS.source)) == "seeds"  # a name, never a local path
    assert graph.value(dataset, DCTERMS.created) is not None


def run_kg(*args: str, env: dict | None = None):
    import os
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_build_mints_under_the_users_base_iri(tmp_path):
    result = run_kg("build", str(SEEDS), "-o", str(tmp_path / "g"), "--date", "2022-09-14", "--no-html", "-q",
                    "--base", "https://example.org/my-kg/")
    assert result.returncode == 0, result.stderr
    graph = Graph().parse(tmp_path / "g" / "graph.ttl")
    minted = {str(s) for s in graph.subjects() if "kg-arabic-news/resource/" in str(s) or "example.org" in str(s)}
    assert minted and all(iri.startswith("https://example.org/my-kg/") for iri in minted)
    assert (URIRef("https://example.org/my-kg/Armenia"), RDF.type, KG.State) in graph


def test_a_bad_base_iri_is_one_line():
    for args, env in ((("--base", "ftp://x/"), {}), ((), {"KG_BASE_IRI": "no base"})):
        result = run_kg("build", str(SEEDS), "-o", "/nonexistent/never", *args, env=env)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert result.stderr.count("\n") == 1 and "base IRI" in result.stderr


def test_the_printed_triple_count_is_the_files_distinct_count(tmp_path):
    import json

    from kg.build import build

    text = (SEEDS / "000_7f990094a9bbc95a.txt").read_text(encoding="utf-8")
    corpus = tmp_path / "three.jsonl"  # three articles naming the same actors and relations
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": text, "date": "2022-09-14"}, ensure_ascii=False) + "\n"
                              for i in range(3)), encoding="utf-8")
    summary = build(corpus, tmp_path / "g", html=False, validate=False, progress=False)
    assert summary.triples == len(Graph().parse(tmp_path / "g" / "graph.ttl"))


def test_quad_formats_carry_the_store_layout_and_load_like_turtle(tmp_path):
    import pyoxigraph as ox

    from kg.build import build

    build(SEEDS, tmp_path / "g", published=__import__("datetime").date(2022, 9, 14), formats=("nquads", "turtle"),
          html=False, validate=False, progress=False)
    quads = list(ox.parse(path=str(tmp_path / "g" / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    assert graphs == {KGR + "doc/000_7f990094a9bbc95a", KGR + "graph/actors", KGR + "graph/relations"}
    assert not [q for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    armenia = ox.NamedNode(KGR + "Armenia")
    assert {q.graph_name.value for q in quads if q.subject == armenia and q.object == ox.NamedNode(str(KG.State))} \
        == {KGR + "graph/actors"}
    stores = {}
    for name in ("graph.nq", "graph.ttl"):
        result = run_kg("load", str(tmp_path / "g" / name), "--store", str(tmp_path / f"store-{name}"))
        assert result.returncode == 0, result.stderr
        stores[name] = ox.Store(str(tmp_path / f"store-{name}"))
    assert set(stores["graph.nq"]) == set(stores["graph.ttl"])  # the same quads, graph by graph
