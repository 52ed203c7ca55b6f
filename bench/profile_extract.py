"""Where extraction (and optionally graph building) spends its time: cProfile over N varied articles.

    python bench/profile_extract.py                  # extraction of 200 articles, top 10
    python bench/profile_extract.py --graph --top 20 # extraction + graph triples (kg build's path)
    python bench/profile_extract.py --graph --validate  # ... and the SHACL checks
    python bench/profile_extract.py --rdflib         # extraction + the rdflib graph (the HTML page's path)

Prints the top functions by cumulative time and by own time (the hot spots to work on).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--graph", action="store_true",
                        help="profile graph triples too, as kg build makes them (kg.build.corpus_triples)")
    parser.add_argument("--validate", action="store_true", help="with --graph: the SHACL checks too")
    parser.add_argument("--rdflib", action="store_true", help="profile the rdflib graph (the HTML page's path)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from kg.build import BuildSummary, corpus_triples
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.pipeline import extract
    from kg.graph.build import extraction_graph, new_graph
    from kg.read.sources import document_from_json

    documents = [document_from_json(r, r["id"], None) for r in corpus(args.articles, args.seed)]
    load_gazetteer()
    graph = new_graph()
    checker = None
    if args.validate:
        from kg.graph.checks import CorpusChecker

        checker = CorpusChecker()
    profiler = cProfile.Profile()
    profiler.enable()
    extractions = (extract(document) for document in documents)
    if args.graph:
        for _ in corpus_triples(extractions, BuildSummary(), lambda extraction: None, checker=checker):
            pass
    else:
        for extraction in extractions:
            if args.rdflib:
                extraction_graph(extraction, graph)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = max(row[3] for row in stats.stats.values())
    for column, title in ((3, "cumulative"), (2, "own")):
        print(f"== top {args.top} by {title} time, {args.articles} articles"
              + (" (extract + graph)" if args.graph else " (extract + rdflib graph)" if args.rdflib else "") + f"; total {total:.2f} s")
        print(f"{'calls':>10} {'own s':>8} {'cum s':>8}  function")
        rows = sorted(stats.stats.items(), key=lambda item: item[1][column], reverse=True)
        for (path, line, name), (_, calls, own, cumulative, _) in rows[: args.top]:
            where = f"{Path(path).parent.name}/{Path(path).name}:{line}" if line else "built-in"
            print(f"{calls:>10} {own:8.2f} {cumulative:8.2f}  {name}  ({where})")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
