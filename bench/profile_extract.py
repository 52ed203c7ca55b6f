"""Where extraction (and optionally graph building) spends its time: cProfile over N varied articles.

    python bench/profile_extract.py                  # extraction of 200 articles, top 10
    python bench/profile_extract.py --graph --top 20 # extraction + graph building

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
    parser.add_argument("--graph", action="store_true", help="profile graph building too")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.pipeline import extract
    from kg.graph.build import extraction_graph, new_graph
    from kg.read.sources import document_from_json

    documents = [document_from_json(r, r["id"], None) for r in corpus(args.articles, args.seed)]
    load_gazetteer()
    graph = new_graph()
    profiler = cProfile.Profile()
    profiler.enable()
    for document in documents:
        extraction = extract(document)
        if args.graph:
            extraction_graph(extraction, graph)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = max(row[3] for row in stats.stats.values())
    for column, title in ((3, "cumulative"), (2, "own")):
        print(f"== top {args.top} by {title} time, {args.articles} articles"
              + (" (extract + graph)" if args.graph else "") + f"; total {total:.2f} s")
        print(f"{'calls':>10} {'own s':>8} {'cum s':>8}  function")
        rows = sorted(stats.stats.items(), key=lambda item: item[1][column], reverse=True)
        for (path, line, name), (_, calls, own, cumulative, _) in rows[: args.top]:
            where = f"{Path(path).parent.name}/{Path(path).name}:{line}" if line else "built-in"
            print(f"{calls:>10} {own:8.2f} {cumulative:8.2f}  {name}  ({where})")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
