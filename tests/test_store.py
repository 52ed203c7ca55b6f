"""The embedded store and file back ends: partitioning, loading, atomicity, querying, bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.graph.iri import document_iri
from kg.graph.namespace import KG, KGR

SEED_DOC = str(document_iri("000_7f990094a9bbc95a"))
ACTORS = ox.NamedNode(str(KGR["graph/actors"]))
RELATIONS = ox.NamedNode(str(KGR["graph/relations"]))
NASTY_ID = 'x>"}\nid 1'
NASTY_TITLE = 'عنوان "}> \n} ; DROP ALL #'
NASTY_TEXT = """أذربيجان تعلن مقتل 80 جندياً أرمينياً
وأعلنت وزارة الدفاع الأذربيجانية في 13 أيلول عن مقتل 80 جندياً أرمينياً عند الحدود.
واتهمت أذربيجان أرمينيا بانتهاك وقف إطلاق النار.
ونفت أرمينيا هذه الاتهامات ووصفتها بأنها "كاذبة".
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def json_rows(capsys, *argv: str) -> list[dict[str, str]]:
    code, out, err = run(capsys, *argv, "-o", "json")
    assert code == 0, err
    data = json.loads(out)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def store_quads(path: Path) -> set:
    store = ox.Store(str(path))
    try:
        return set(store)
    finally:
        del store


def kg_command() -> list[str]:
    script = Path(sys.executable).parent / "kg"
    return [str(script)] if script.exists() else [sys.executable, "-m", "kg.cli"]


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: ")
    return lines[0]


@pytest.fixture(scope="session")
def nasty_ttl(tmp_path_factory) -> Path:
    """A document whose id and title hold `>`, `"`, `}` and newlines, built by the real pipeline."""
    from kg.export.rdf import write_graph
    from kg.extract.pipeline import extract
    from kg.graph.build import extraction_graph
    from kg.model import Document

    doc = Document(id=NASTY_ID, text=NASTY_TEXT, title=NASTY_TITLE, date=date(2022, 9, 14))
    return write_graph(extraction_graph(extract(doc)), tmp_path_factory.mktemp("nasty") / "graph.ttl")


@pytest.fixture()
def store(tmp_path) -> Path:
    return tmp_path / "store"


# --- partitioning -----------------------------------------------------------------------------

def quads_of(graph) -> list[ox.Quad]:
    return list(ox.parse(graph.serialize(format="nt"), format=ox.RdfFormat.N_TRIPLES))


def test_seed_layout_stores_each_fact_once(seed_graph):
    from kg.store.partition import ACTORS_GRAPH, RELATIONS_GRAPH, split_quads

    graphs = split_quads(quads_of(seed_graph))
    assert set(graphs) == {ox.NamedNode(SEED_DOC), ACTORS_GRAPH, RELATIONS_GRAPH}
    assert sum(len(t) for t in graphs.values()) == len(seed_graph)  # no triple in two graphs
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    assert all(t.predicate != label or "/doc/" in t.subject.value for t in graphs[ox.NamedNode(SEED_DOC)])
    assert {t.predicate for t in graphs[RELATIONS_GRAPH]} >= {ox.NamedNode(str(KG.supplies)), ox.NamedNode(str(KG.accuses))}


def test_layout_shares_actors_and_relations_across_articles(seed_graph, nasty_ttl):
    from rdflib import Graph

    from kg.store.partition import ACTORS_GRAPH, RELATIONS_GRAPH, split_quads

    both = Graph()
    both += seed_graph
    both.parse(nasty_ttl)
    graphs = split_quads(quads_of(both))
    seed, nasty = ox.NamedNode(SEED_DOC), ox.NamedNode(str(document_iri(NASTY_ID)))
    assert set(graphs) == {seed, nasty, ACTORS_GRAPH, RELATIONS_GRAPH}
    armenia_label = ox.Triple(ox.NamedNode(str(KGR.Armenia)), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                              ox.Literal("Armenia", language="en"))
    assert armenia_label in graphs[ACTORS_GRAPH] and armenia_label not in graphs[seed] | graphs[nasty]
    # a relation both articles imply is stored once, in the relations graph
    accuses = ox.Triple(ox.NamedNode(str(KGR.Azerbaijan)), ox.NamedNode(str(KG.accuses)), ox.NamedNode(str(KGR.Armenia)))
    assert accuses in graphs[RELATIONS_GRAPH] and accuses not in graphs[seed] | graphs[nasty]
    # what points at an article's own nodes stays in that article
    assert all(doc_node_in(t, SEED_DOC) for t in graphs[seed])
    # nothing is lost and nothing is doubled: the graphs partition the merged file
    union = [t for triples in graphs.values() for t in triples]
    assert len(union) == len(set(union)) == len({ox.Triple(q.subject, q.predicate, q.object) for q in quads_of(both)})


def doc_node_in(t: ox.Triple, doc: str) -> bool:
    return any(isinstance(n, ox.NamedNode) and n.value.startswith(doc) for n in (t.subject, t.object))


def test_layout_sends_unplaceable_triples_to_the_default_graph():
    from kg.store.partition import split_quads

    onto = ox.Quad(ox.NamedNode(str(KG.Claim)), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                   ox.Literal("claim", language="en"))
    named = ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
                    ox.Literal("o"), ox.NamedNode("http://example.org/g"))
    graphs = split_quads([onto, named])
    assert ox.DefaultGraph() in graphs and ox.NamedNode("http://example.org/g") in graphs


# --- loading ----------------------------------------------------------------------------------

def test_load_twice_does_not_duplicate(capsys, seed_ttl, seed_graph, store):
    code, out, _ = run(capsys, "load", seed_ttl, "--store", store)
    assert code == 0 and "1 named graph replaced" in out
    first = store_quads(store)
    assert len(first) == len(seed_graph)
    assert {q.graph_name for q in first} == {ox.NamedNode(SEED_DOC), ACTORS, RELATIONS}
    assert run(capsys, "load", seed_ttl, "--store", store)[0] == 0
    assert store_quads(store) == first


def test_reload_replaces_the_document_as_a_whole(capsys, seed_ttl, store, tmp_path):
    run(capsys, "load", seed_ttl, "--store", store)
    text = seed_ttl.read_text(encoding="utf-8")
    edited = tmp_path / "edited.ttl"
    edited.write_text(text.replace("kg:casualtyCount 49", "kg:casualtyCount 48"), encoding="utf-8")
    assert run(capsys, "load", edited, "--store", store)[0] == 0
    counts = {r["n"] for r in json_rows(capsys, "query", "--store", store, "-e",
                                        "SELECT ?n WHERE { ?e kg:casualtyCount ?n }")}
    assert "48" in counts and "49" not in counts


def test_default_store_location_follows_xdg(capsys, seed_ttl, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    code, out, _ = run(capsys, "load", seed_ttl)
    assert code == 0 and str(tmp_path / "xdg" / "kg" / "store") in out
    assert json_rows(capsys, "query", "-e", "SELECT ?d WHERE { ?d a kg:Document }") == [{"d": SEED_DOC}]


def test_quads_formats_keep_their_named_graphs(capsys, store, tmp_path):
    trig = tmp_path / "data.trig"
    trig.write_text('<http://example.org/g1> { <http://example.org/a> <http://example.org/p> "one" . }\n'
                    '<http://example.org/g2> { <http://example.org/a> <http://example.org/p> "two" . }\n',
                    encoding="utf-8")
    nq = tmp_path / "data.nq"
    nq.write_text('<http://example.org/a> <http://example.org/p> "three" <http://example.org/g3> .\n', encoding="utf-8")
    assert run(capsys, "load", trig, nq, "--store", store)[0] == 0
    rows = json_rows(capsys, "query", "--store", store, "-e",
                     "SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?o")
    assert sorted((r["g"], r["o"]) for r in rows) == [
        ("http://example.org/g1", "one"), ("http://example.org/g2", "two"), ("http://example.org/g3", "three")]
    # the same files through rdflib give the same union
    files = json_rows(capsys, "query", "--data", trig, "--data", nq, "-e", "SELECT ?o WHERE { ?s ?p ?o }")
    assert sorted(r["o"] for r in files) == ["one", "three", "two"]


def test_json_ld_output_of_build_loads(capsys, seed_graph, store, tmp_path):
    from kg.export.rdf import write_graph

    path = write_graph(seed_graph, tmp_path / "graph.jsonld", "json-ld")
    assert run(capsys, "load", path, "--store", store)[0] == 0
    assert len(store_quads(store)) == len(seed_graph)


def test_nquads_dump_loads_to_the_same_store(capsys, seed_ttl, nasty_ttl, tmp_path):
    dump = tmp_path / "graphs.nq"
    code, out, _ = run(capsys, "load", seed_ttl, nasty_ttl, "--nquads", dump)
    assert code == 0 and "2 named graphs written" in out
    run(capsys, "load", dump, "--store", tmp_path / "a")
    run(capsys, "load", seed_ttl, nasty_ttl, "--store", tmp_path / "b")
    assert store_quads(tmp_path / "a") == store_quads(tmp_path / "b")
    code, _, err = run(capsys, "load", seed_ttl, "--store", tmp_path / "a", "--nquads", dump)
    assert code == 2 and "only one of" in err


def test_endpoint_urls_default_to_oxigraph_layout():
    from kg.store.endpoints import resolve

    urls = resolve("http://db:7878/")
    assert (urls.query, urls.update, urls.store) == ("http://db:7878/query", "http://db:7878/update", "http://db:7878/store")
    urls = resolve(None, query="http://db:7200/repositories/kg",
                   store="http://db:7200/repositories/kg/rdf-graphs/service")
    assert (urls.query, urls.update) == ("http://db:7200/repositories/kg", "")


# --- atomicity --------------------------------------------------------------------------------

def test_a_file_broken_half_way_leaves_the_store_unchanged(capsys, seed_ttl, store, tmp_path):
    run(capsys, "load", seed_ttl, "--store", store)
    before = store_quads(store)
    text = seed_ttl.read_text(encoding="utf-8")
    edited = tmp_path / "edited.ttl"
    edited.write_text(text.replace("kg:casualtyCount 49", "kg:casualtyCount 48"), encoding="utf-8")
    broken = tmp_path / "broken.ttl"
    broken.write_text(text[: len(text) // 2] + "\n<http://example.org/a> <http://example.org/b> \"open",
                      encoding="utf-8")
    code, _, err = run(capsys, "load", edited, broken, "--store", store)
    assert code == 2 and "broken.ttl: not valid turtle RDF" in err and "line" in err
    assert store_quads(store) == before


def test_a_failure_inside_the_write_leaves_each_document_old_or_new(capsys, seed_ttl, nasty_ttl, store, tmp_path,
                                                                    monkeypatch):
    import errno

    import kg.store.writer as writer

    run(capsys, "load", seed_ttl, nasty_ttl, "--store", store)
    before = store_quads(store)
    edited = tmp_path / "edited.ttl"
    edited.write_text(seed_ttl.read_text(encoding="utf-8").replace("kg:casualtyCount 49", "kg:casualtyCount 48"),
                      encoding="utf-8")
    real, calls = writer.BulkWriter.write, []

    def failing(self, unit):  # the disk fills up after the first document
        calls.append(unit)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, unit)

    monkeypatch.setattr(writer.BulkWriter, "write", failing)
    code, _, err = run(capsys, "load", nasty_ttl, edited, "--store", store)
    assert code == 4 and err.count("\n") == 1
    assert f"kg: {store}: write failed after 1 of 2 named graphs (No space left on device)" in err
    after = store_quads(store)
    assert after == before  # the first document was replaced by itself, the second is as it was
    monkeypatch.setattr(writer.BulkWriter, "write", real)
    assert run(capsys, "load", edited, "--store", store)[0] == 0
    assert store_quads(store) != before


# --- querying ---------------------------------------------------------------------------------

def test_store_and_file_answer_alike(capsys, seed_ttl, store):
    run(capsys, "load", seed_ttl, "--store", store)
    query = "SELECT ?who ?n WHERE { ?e a kg:CasualtyReport ; kg:agent ?who ; kg:casualtyCount ?n } ORDER BY ?n"
    on_store = json_rows(capsys, "query", "--store", store, "-e", query)
    on_file = json_rows(capsys, "query", "--data", seed_ttl, "-e", query)
    assert on_store == on_file
    assert {"who": str(KGR.Nikol_Pashinyan), "n": "49"} in on_store


def test_own_prefix_declaration_wins(capsys, seed_ttl):
    rows = json_rows(capsys, "query", "--data", seed_ttl, "-e",
                     "PREFIX kg: <http://example.org/other#> SELECT ?s WHERE { ?s a kg:Claim }")
    assert rows == []


def test_output_formats(capsys, seed_ttl):
    query = 'SELECT ?t WHERE { ?s kg:text ?t FILTER (CONTAINS(?t, "08:00")) }'
    code, out, _ = run(capsys, "query", "--data", seed_ttl, "-e", query, "-o", "csv")
    assert code == 0 and out.splitlines()[0] == "t" and "وقفاً لإطلاق النار" in out
    code, out, _ = run(capsys, "query", "--data", seed_ttl, "-e", query, "-o", "tsv")
    assert out.splitlines()[0] == "t" and '"بكثافة"' in out
    code, out, _ = run(capsys, "query", "--data", seed_ttl, "-e", query)
    assert out.splitlines()[0].startswith("t") and "(1 row)" in out
    code, out, _ = run(capsys, "query", "--data", seed_ttl, "-e", "ASK { kgr:Russia kg:declares ?e }")
    assert out.strip() == "true"
    code, out, _ = run(capsys, "query", "--data", seed_ttl, "-o", "turtle", "-e",
                       "CONSTRUCT { kgr:Turkey_Government kg:supplies ?x } WHERE { kgr:Turkey_Government kg:supplies ?x }")
    assert code == 0 and "kgr:Turkey_Government kg:supplies kgr:Azerbaijan" in out


def test_tsv_escapes_tabs_and_newlines(capsys, nasty_ttl):
    code, out, _ = run(capsys, "query", "--data", nasty_ttl, "-o", "tsv", "-e", "SELECT ?id WHERE { ?d kg:docId ?id }")
    assert code == 0 and out.splitlines() == ["id", 'x>"}\\nid 1']


# --- injection --------------------------------------------------------------------------------

def test_names_with_iri_and_string_delimiters_round_trip(capsys, nasty_ttl, store):
    assert run(capsys, "load", nasty_ttl, "--store", store)[0] == 0
    quads = store_quads(store)
    assert {q.graph_name for q in quads} == {ox.NamedNode(str(document_iri(NASTY_ID))), ACTORS, RELATIONS}
    query = "SELECT ?g ?id ?title WHERE { GRAPH ?g { ?d kg:docId ?id ; schema:headline ?title } }"
    for rows in (json_rows(capsys, "query", "--store", store, "-e", query),
                 json_rows(capsys, "query", "--data", nasty_ttl, "-e", query.replace("GRAPH ?g", ""))):
        assert [(r["id"], r["title"]) for r in rows] == [(NASTY_ID, NASTY_TITLE)]
    assert json_rows(capsys, "query", "--store", store, "-e", query)[0]["g"] == str(document_iri(NASTY_ID))


# --- bad input --------------------------------------------------------------------------------

def test_missing_and_non_rdf_files(capsys, store, tmp_path):
    code, _, err = run(capsys, "load", tmp_path / "nope.ttl", "--store", store)
    assert code == 2 and "nope.ttl: no such file" in err
    text = tmp_path / "article.txt"
    text.write_text("مقتل جندي", encoding="utf-8")
    code, _, err = run(capsys, "load", text, "--store", store)
    assert code == 2 and "unknown RDF file type .txt" in err
    fake = tmp_path / "fake.ttl"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    code, _, err = run(capsys, "load", fake, "--store", store)
    assert code == 2 and "fake.ttl: not valid turtle RDF" in err
    assert not store.exists() or not any(store.iterdir()) or store_quads(store) == set()


def test_query_errors(capsys, seed_ttl, store, tmp_path):
    code, _, err = run(capsys, "query", "--store", store, "-e", "SELECT ?s WHERE { ?s ?p ?o }")
    assert code == 4 and "no store here yet" in err
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?s\nWHERE {\n  ?s kg:agent ?o .\n} ORDER ?s\n", encoding="utf-8")
    code, _, err = run(capsys, "query", bad, "--data", seed_ttl)
    assert code == 3 and "bad.rq: syntax error at line 4, column" in err and "expected BY" in err
    code, _, err = run(capsys, "query", "--data", seed_ttl, "-e", "SELECT ?s WHERE {\n ?s zz:p ?o }")
    assert code == 3 and "line 2" in err and "undeclared prefix 'zz:'" in err
    code, _, err = run(capsys, "query", tmp_path / "missing.rq", "--data", seed_ttl)
    assert code == 2 and "missing.rq: no such query file" in err
    code, _, err = run(capsys, "query", "--data", seed_ttl, "-e", "INSERT DATA { <a:b> <a:c> <a:d> }")
    assert code == 3 and "SPARQL Update" in err


def test_store_in_use_or_not_a_store(capsys, seed_ttl, store, tmp_path):
    run(capsys, "load", seed_ttl, "--store", store)
    holder = subprocess.Popen([sys.executable, "-c", "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); "
                               "print('open', flush=True); sys.stdin.read()", str(store)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        code, _, err = run(capsys, "load", seed_ttl, "--store", store)
        assert code == 4 and f"store is in use by another process (pid {holder.pid})" in err
        code, _, err = run(capsys, "query", "--store", store, "-e", "ASK {}")
        assert code == 4 and f"(pid {holder.pid})" in err
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert run(capsys, "query", "--store", store, "-e", "ASK {}")[0] == 0
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "graph.html").write_text("<html></html>", encoding="utf-8")
    code, _, err = run(capsys, "load", seed_ttl, "--store", folder)
    assert code == 4 and "not a store" in err and sorted(p.name for p in folder.iterdir()) == ["graph.html"]
    code, _, err = run(capsys, "query", "--store", folder, "-e", "ASK {}")
    assert code == 4 and "no store here yet" in err and sorted(p.name for p in folder.iterdir()) == ["graph.html"]


def test_cli_errors_are_one_line_without_traceback(seed_ttl, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT * WHERE {\n  ?s ?p ?o\n", encoding="utf-8")
    result = subprocess.run([*kg_command(), "query", str(bad), "--data", str(seed_ttl)],
                            capture_output=True, text=True, timeout=60)
    line = one_line_error(result)
    assert result.returncode == 3 and "syntax error at line" in line and "column" in line
    result = subprocess.run([*kg_command(), "load", str(tmp_path / "none.ttl"), "--store", str(tmp_path / "s")],
                            capture_output=True, text=True, timeout=60)
    assert "none.ttl: no such file" in one_line_error(result)


def test_query_on_the_store_imports_no_rdflib(capsys, seed_ttl, store):
    """`kg query --store` reads no ontology and no RDF file: it must not pay rdflib's import (half
    a second of every query's start-up), nor the layout's ontology parse (a second more)."""
    assert main(["load", str(seed_ttl), "--store", str(store)]) == 0
    probe = ("import sys\nfrom kg.cli import main\n"
             f"code = main(['query', '-e', 'SELECT (COUNT(*) AS ?n) WHERE {{ ?s kg:agent ?o }}', '--store', {str(store)!r}])\n"
             "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('rdflib', 'pyshacl', 'camel_tools')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stdout + done.stderr


def test_rows_and_json_are_the_same_whatever_the_term_caches_hold(monkeypatch):
    """Terms and their JSON are cached while an answer is written; a cache that fills is emptied,
    never allowed to give one cell another's value."""
    import json

    import pyoxigraph as ox

    import kg.store.output as output
    import kg.store.results as results

    store = ox.Store()
    for i in range(5):
        store.add(ox.Quad(ox.NamedNode(f"urn:s{i % 2}"), ox.NamedNode("urn:p"), ox.Literal(f"قيمة {i}", language="ar")))
        store.add(ox.Quad(ox.NamedNode(f"urn:s{i % 2}"), ox.NamedNode("urn:q"), ox.Literal(str(i), datatype=ox.NamedNode(
            "http://www.w3.org/2001/XMLSchema#integer"))))
    query = "SELECT ?s ?o ?n WHERE { ?s <urn:p> ?o OPTIONAL { ?s <urn:q> ?n } } ORDER BY ?s ?o ?n"
    expected = [tuple(results.from_oxigraph(t) for t in solution) for solution in store.query(query)]
    monkeypatch.setattr(results, "CACHED_TERMS", 2)
    monkeypatch.setattr(output, "JSON_CACHED", 2)
    answer = results.oxigraph_answer(store.query(query))
    rows = list(answer.rows)
    assert rows == expected and len(rows) == 13  # 3 x 3 for s0, 2 x 2 for s1
    text = "\n".join(output.sparql_json(results.Answer("select", answer.variables, rows)))
    bindings = json.loads(text)["results"]["bindings"]
    assert [{k: v for k, v in b.items()} for b in bindings] == [
        {name: output.json_term(term) for name, term in zip(answer.variables, row) if term is not None} for row in rows]
