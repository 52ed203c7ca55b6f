"""One benchmark run in a fresh process, so its peak memory (ru_maxrss) is its own.

    python bench/stage.py extract CORPUS.jsonl            extraction alone (results dropped)
    python bench/stage.py build CORPUS.jsonl OUT [--html]  extract+graph, then Turtle, then HTML
    python bench/stage.py store GRAPH.ttl STORE_DIR        `kg load` into the embedded store
    python bench/stage.py bulk GRAPH.ttl STORE_DIR         pyoxigraph bulk load (the baseline)

Prints one JSON object. Peak RSS is read after each stage, so for `build` it is the peak of the
process up to and including that stage (graph building holds the whole graph, as `kg build` does).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def documents(corpus: str) -> list:
    from kg.read import read_documents

    return list(read_documents(corpus))


def run_extract(args: argparse.Namespace) -> dict:
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.pipeline import extract

    docs = documents(args.input)
    load_gazetteer()  # a one-off start-up cost, not per-article work
    sentences = 0
    started = time.perf_counter()
    for doc in docs:
        sentences += len(extract(doc).sentences)
    seconds = time.perf_counter() - started
    return {"extract": {"seconds": seconds, "articles": len(docs), "sentences": sentences,
                        "chars": sum(len(d.text) for d in docs), "peak_mb": peak_mb()}}


def run_build(args: argparse.Namespace) -> dict:
    from kg.export.rdf import write_graph
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.pipeline import extract
    from kg.graph.build import extraction_graph, new_graph

    docs = documents(args.input)
    load_gazetteer()
    graph = new_graph()
    sentences, extract_s, graph_s = 0, 0.0, 0.0
    for doc in docs:  # streamed like `kg build`: each extraction goes into the graph, then is dropped
        t0 = time.perf_counter()
        extraction = extract(doc)
        t1 = time.perf_counter()
        extraction_graph(extraction, graph)
        graph_s += time.perf_counter() - t1
        extract_s += t1 - t0
        sentences += len(extraction.sentences)
    triples = len(graph)
    result = {"extract+graph": {"seconds": extract_s + graph_s, "extract_seconds": extract_s,
                                "graph_seconds": graph_s, "articles": len(docs), "sentences": sentences,
                                "chars": sum(len(d.text) for d in docs), "triples": triples,
                                "peak_mb": peak_mb()}}
    out = Path(args.out)
    started = time.perf_counter()
    path = write_graph(graph, out / "graph.ttl")
    result["turtle"] = {"seconds": time.perf_counter() - started, "articles": len(docs), "sentences": sentences,
                        "triples": triples, "bytes": path.stat().st_size, "peak_mb": peak_mb()}
    if args.html:
        from kg.export.html import write_html
        from kg.export.network import to_networkx

        started = time.perf_counter()
        page = write_html(to_networkx(graph), out / "graph.html")
        result["html"] = {"seconds": time.perf_counter() - started, "articles": len(docs), "sentences": sentences,
                          "triples": triples, "bytes": page.stat().st_size, "peak_mb": peak_mb()}
    return result


def run_store(args: argparse.Namespace) -> dict:
    """`kg load`'s own path: one named graph per document, replaced in one transaction."""
    from kg.store.load import load_into_store

    started = time.perf_counter()
    summary = load_into_store([args.input], args.out)
    quads = summary.total[0] if summary.total else summary.triples
    return {"store": {"seconds": time.perf_counter() - started, "triples": quads, "peak_mb": peak_mb()}}


def run_bulk(args: argparse.Namespace) -> dict:
    """The floor to compare with: pyoxigraph's bulk loader, default graph, no partitioning."""
    from pyoxigraph import RdfFormat, Store

    started = time.perf_counter()
    store = Store(args.out)
    store.bulk_load(path=args.input, format=RdfFormat.TURTLE)
    store.flush()
    return {"store (bulk)": {"seconds": time.perf_counter() - started, "triples": len(store), "peak_mb": peak_mb()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["extract", "build", "store", "bulk"])
    parser.add_argument("input")
    parser.add_argument("out", nargs="?", default=".")
    parser.add_argument("--html", action="store_true")
    args = parser.parse_args()
    run = {"extract": run_extract, "build": run_build, "store": run_store, "bulk": run_bulk}[args.mode]
    print(json.dumps(run(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
