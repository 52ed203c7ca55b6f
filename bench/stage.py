"""One benchmark run in a fresh process, so its peak memory (ru_maxrss) is its own.

    python bench/stage.py floor CORPUS.jsonl              the text floor: camel-tools normalise + tokenise
    python bench/stage.py extract CORPUS.jsonl            extraction alone (results dropped)
    python bench/stage.py build CORPUS.jsonl OUT [--html]  extract+graph+SHACL+Turtle streamed (as kg build), HTML
    python bench/stage.py kgbuild CORPUS.jsonl OUT [-j N]  kg.build.build itself (every default: SHACL, page)
    python bench/stage.py store GRAPH.ttl STORE_DIR        `kg load` into the embedded store
    python bench/stage.py bulk GRAPH.ttl STORE_DIR         pyoxigraph bulk load (the baseline)

Prints one JSON object; "seconds" is wall time, "cpu_seconds" the process's CPU time (on a
shared machine the steadier figure). Peak RSS is read after each stage, so for `build` it is the peak of the
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


def run_floor(args: argparse.Namespace) -> dict:
    """What any Arabic pipeline pays before reading a word: camel-tools' normalisers (Unicode,
    diacritics, alef, alef maksura, ta marbuta) and its word tokeniser over every text, uncached."""
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar,
                                             normalize_unicode)

    docs = documents(args.input)
    words = 0
    started, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        text = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(normalize_unicode(doc.text)))))
        words += len(simple_word_tokenize(text))
    return {"text floor": {"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu,
                           "articles": len(docs), "words": words, "chars": sum(len(d.text) for d in docs),
                           "peak_mb": peak_mb()}}


def run_kgbuild(args: argparse.Namespace) -> dict:
    """`kg build` as a user runs it (every default: SHACL on every document, the page), in process."""
    from kg.build import build

    started, cpu = time.perf_counter(), time.process_time()
    summary = build(args.input, args.out, progress=False, jobs=args.jobs, html=args.html, html_limit=args.html_docs)
    return {"kg build": {"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu,
                         "articles": summary.documents, "sentences": summary.sentences, "triples": summary.triples,
                         "violations": len(summary.violations), "jobs": args.jobs, "peak_mb": peak_mb()}}


def run_extract(args: argparse.Namespace) -> dict:
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.pipeline import extract

    docs = documents(args.input)
    load_gazetteer()  # a one-off start-up cost, not per-article work
    sentences = 0
    started, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        sentences += len(extract(doc).sentences)
    seconds = time.perf_counter() - started
    return {"extract": {"seconds": seconds, "cpu_seconds": time.process_time() - cpu, "articles": len(docs),
                        "sentences": sentences,
                        "chars": sum(len(d.text) for d in docs), "peak_mb": peak_mb()}}


def run_build(args: argparse.Namespace) -> dict:
    """`kg build`'s own streaming path: extraction -> triples -> Turtle, one pass, constant memory.
    The three stages interleave per document; each one's time is measured on its own."""
    from kg.build import BuildSummary, corpus_triples
    from kg.io import write_atomic
    from kg.export.rdf import serialize_stream
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.pipeline import extract

    from kg.graph.checks import CorpusChecker, compiled

    docs = documents(args.input)
    load_gazetteer()
    compiled()
    timing = {"extract": 0.0, "graph": 0.0, "validate": 0.0}
    html_docs = []

    class TimedChecker(CorpusChecker):
        def document(self, doc_id, triples):
            t0 = time.process_time()
            found = super().document(doc_id, triples)
            timing["validate"] += time.process_time() - t0
            return found

    checker = TimedChecker()

    def timed_extractions():  # CPU time: the steadier figure on a shared machine
        for doc in docs:
            t0 = time.process_time()
            extraction = extract(doc)
            timing["extract"] += time.process_time() - t0
            yield extraction

    def timed(triples):
        iterator = iter(triples)
        while True:
            t0 = time.process_time()
            chunk = [t for _, t in zip(range(4096), iterator)]
            timing["graph"] += time.process_time() - t0
            if not chunk:
                return
            yield from chunk

    summary = BuildSummary()
    keep = (lambda x: html_docs.append(x) if len(html_docs) < args.html_docs else None)
    out = Path(args.out)
    started, cpu = time.perf_counter(), time.process_time()
    path = write_atomic(out / "graph.ttl", lambda handle: serialize_stream(
        timed(corpus_triples(timed_extractions(), summary, keep, checker=checker)), handle, "turtle"))
    total = time.process_time() - cpu
    wall = time.perf_counter() - started
    # corpus_triples pulls extractions (and runs the checks) inside the timed chunks: take them out of "graph"
    timing["graph"] -= timing["extract"] + timing["validate"]
    result = {"extract+graph": {"seconds": timing["extract"] + timing["graph"], "extract_seconds": timing["extract"],
                                "graph_seconds": timing["graph"], "wall_seconds_with_shacl_and_turtle": wall,
                                "articles": summary.documents,
                                "sentences": summary.sentences, "chars": sum(len(d.text) for d in docs),
                                "triples": summary.triples, "peak_mb": peak_mb()}}
    result["shacl"] = {"seconds": timing["validate"], "articles": checker.checked, "triples": summary.triples,
                       "violations": len(checker.violations()), "peak_mb": peak_mb()}
    result["turtle"] = {"seconds": total - timing["extract"] - timing["graph"] - timing["validate"],
                        "articles": summary.documents,
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
    parser.add_argument("mode", choices=["floor", "extract", "build", "kgbuild", "store", "bulk"])
    parser.add_argument("input")
    parser.add_argument("out", nargs="?", default=".")
    parser.add_argument("--html", action="store_true")
    parser.add_argument("--html-docs", type=int, default=100, help="documents on the HTML page (as kg build)")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="kgbuild: worker processes (default: 1)")
    args = parser.parse_args()
    run = {"floor": run_floor, "extract": run_extract, "build": run_build, "kgbuild": run_kgbuild, "store": run_store,
           "bulk": run_bulk}[args.mode]
    print(json.dumps(run(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
