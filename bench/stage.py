"""One benchmark run in a fresh process, so its peak memory (ru_maxrss) is its own.

    python bench/stage.py extract CORPUS.jsonl            extraction alone (results dropped)
    python bench/stage.py build CORPUS.jsonl OUT [--html]  extract+graph+Turtle streamed (as kg build), HTML
    python bench/stage.py store GRAPH.ttl STORE_DIR        `kg load` into the embedded store
    python bench/stage.py bulk GRAPH.ttl STORE_DIR         pyoxigraph bulk load (the baseline)

Prints one JSON object. Peak RSS is read after each stage, so for `build` it is the peak of the
process up to and including that stage (`kg build` streams triples to the serialiser, so it holds
one document at a time; the HTML page holds its first documents only).
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
    """`kg build`'s own streaming path: extraction -> triples -> Turtle, one pass, constant memory.
    The three stages interleave per document; each one's time is measured on its own."""
    from kg.build import BuildSummary, corpus_triples
    from kg.io import write_atomic
    from kg.export.rdf import serialize_stream
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.pipeline import extract

    docs = documents(args.input)
    load_gazetteer()
    timing = {"extract": 0.0, "graph": 0.0}
    html_docs = []

    def timed_extractions():
        for doc in docs:
            t0 = time.perf_counter()
            extraction = extract(doc)
            timing["extract"] += time.perf_counter() - t0
            yield extraction

    def timed(triples):
        iterator = iter(triples)
        while True:
            t0 = time.perf_counter()
            chunk = [t for _, t in zip(range(4096), iterator)]
            timing["graph"] += time.perf_counter() - t0
            if not chunk:
                return
            yield from chunk

    summary = BuildSummary()
    keep = (lambda x: html_docs.append(x) if len(html_docs) < args.html_docs else None)
    out = Path(args.out)
    started = time.perf_counter()
    path = write_atomic(out / "graph.ttl", lambda handle: serialize_stream(
        timed(corpus_triples(timed_extractions(), summary, keep)), handle, "turtle"))
    total = time.perf_counter() - started
    # corpus_triples pulls extractions inside the timed chunks: take extraction out of "graph"
    timing["graph"] -= timing["extract"]
    result = {"extract+graph": {"seconds": timing["extract"] + timing["graph"], "extract_seconds": timing["extract"],
                                "graph_seconds": timing["graph"], "articles": summary.documents,
                                "sentences": summary.sentences, "chars": sum(len(d.text) for d in docs),
                                "triples": summary.triples, "peak_mb": peak_mb()}}
    result["turtle"] = {"seconds": total - timing["extract"] - timing["graph"], "articles": summary.documents,
                        "sentences": summary.sentences, "triples": summary.triples,
                        "bytes": path.stat().st_size, "peak_mb": peak_mb()}
    if args.html:
        from kg.export.html import write_html
        from kg.export.network import to_networkx
        from kg.graph.build import extraction_graph, new_graph

        started = time.perf_counter()
        graph = new_graph()
        for extraction in html_docs:
            extraction_graph(extraction, graph)
        page = write_html(to_networkx(graph), out / "graph.html")
        result["html"] = {"seconds": time.perf_counter() - started, "articles": len(html_docs),
                          "triples": len(graph), "bytes": page.stat().st_size, "peak_mb": peak_mb()}
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
    parser.add_argument("--html-docs", type=int, default=100, help="documents on the HTML page (as kg build)")
    args = parser.parse_args()
    run = {"extract": run_extract, "build": run_build, "store": run_store, "bulk": run_bulk}[args.mode]
    print(json.dumps(run(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
