"""`kg build --dask`: the same document-level graph, written as N-Quads shards by Dask workers
(a LocalCluster of two threads here)."""
from __future__ import annotations

import json

import pytest

import distributed  # noqa: F401  (the [test] extra installs it: a missing one fails, not skips)

import pyoxigraph as ox  # noqa: E402

from conftest import SEED  # noqa: E402

OTHER = "قال وزير الخارجية الروسي إن القوات الروسية قصفت مدينة خاركيف أمس."


def corpus(path, n: int = 5) -> None:
    seed = SEED.read_text(encoding="utf-8")
    rows = [{"id": f"d{i}", "text": seed if i % 2 == 0 else OTHER, "date": "2022-09-14"} for i in range(n)]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")


def test_shards_hold_the_graph_kg_build_writes(tmp_path):
    from kg.build import build
    from kg.distributed import build_distributed

    corpus(tmp_path / "in.jsonl")
    summary = build_distributed(tmp_path / "in.jsonl", tmp_path / "dist", workers=2, shard_size=2, processes=False)
    assert summary.documents == 5 and summary.shards == 3 and summary.violations == [] and summary.complete
    names = sorted(p.name for p in (tmp_path / "dist" / "shards").iterdir())
    assert names == ["part-00000.nq", "part-00001.nq", "part-00002.nq"]
    quads = set()
    for name in names:
        quads.update(ox.parse(path=str(tmp_path / "dist" / "shards" / name), format=ox.RdfFormat.N_QUADS))
    build(tmp_path / "in.jsonl", tmp_path / "one", formats=("nt",), html=False, jobs=1, progress=False, merge=False)
    single = {ox.Triple(t.subject, t.predicate, t.object)
              for t in ox.parse(path=str(tmp_path / "one" / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
              if "/dataset/" not in t.subject.value}
    assert {ox.Triple(q.subject, q.predicate, q.object) for q in quads} == single
    doc_graph = next(q.graph_name for q in quads if q.subject.value.endswith("/doc/d3"))
    assert doc_graph.value.endswith("/doc/d3")  # the store's layout: one named graph per document
    assert any(q.graph_name.value.endswith("/graph/actors") for q in quads)


def test_a_violation_is_named_by_document(tmp_path, monkeypatch):
    import kg.graph.build
    from kg.distributed import build_distributed

    corpus(tmp_path / "in.jsonl", 4)
    real = kg.graph.build.document_triples

    def one_bad(extraction):
        for triple in real(extraction):
            if not (extraction.document.id == "d2" and triple.predicate.value.endswith("#rule")):
                yield triple

    monkeypatch.setattr(kg.graph.build, "document_triples", one_bad)
    summary = build_distributed(tmp_path / "in.jsonl", tmp_path / "dist", workers=2, shard_size=2, processes=False)
    assert summary.violations and all(line.startswith("document 'd2'") for line in summary.violations)
    assert summary.violated == 1


def test_an_unreachable_scheduler_is_one_line(tmp_path, capsys):
    from kg.cli import main

    corpus(tmp_path / "in.jsonl", 1)
    code = main(["build", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out"), "--dask", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and err[0].startswith("kg: --dask tcp://127.0.0.1:9: cannot reach the scheduler")
