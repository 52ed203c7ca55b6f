"""Cross-document merge quality on the corpus gold set (tests/corpus_gold): pairwise and B-cubed
precision/recall of event and entity clusters, disagreements found, gazetteer merges (must be 0).

    python bench/corpus_merge.py                 # the repository's gold set
    python bench/corpus_merge.py --shuffle 7     # the same corpus in another order: same figures
    python bench/corpus_merge.py --json          # figures as JSON
    python bench/corpus_merge.py --clusters      # also list the system's clusters
    python bench/corpus_merge.py --scale 300     # merge time and memory on the set copied 300 times
                                                 # (each copy 40 days later: ~10k documents)
    python bench/corpus_merge.py --varied 1000 3000  # merge CPU on N varied articles (bench/corpus.py:
                                                 # actors swapped, own dates), and its growth
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.corpus import Corpus, summarise  # noqa: E402
from kg.corpus.score import load_gold, score  # noqa: E402
from kg.extract.pipeline import extract  # noqa: E402
from kg.read import read_documents  # noqa: E402

GOLD = ROOT / "tests" / "corpus_gold"


def run(folder: Path, shuffle: int | None = None):
    documents = list(read_documents(folder / "articles.jsonl", None, lambda error: None))
    if shuffle is not None:
        random.Random(shuffle).shuffle(documents)
    extractions = {d.id: extract(d) for d in documents}
    corpus = Corpus()
    for document in documents:
        corpus.add(summarise(extractions[document.id]))
    result = corpus.merge()
    return extractions, result, score(load_gold(folder), extractions, result)


def shifted(summary, copy: int):
    """The summary of a copy of a document, `copy` x 40 days later, under another id."""
    from dataclasses import replace
    from datetime import timedelta

    shift = timedelta(days=40 * copy)
    doc = f"{summary.doc}~{copy}"
    move = (lambda d: d + shift if d else d)
    return replace(summary, doc=doc, published=move(summary.published),
                   mentions=tuple(replace(m, doc=doc) for m in summary.mentions),
                   events=tuple(replace(e, doc=doc, date=move(e.date)) for e in summary.events))


def scale(folder: Path, copies: int) -> None:
    import resource

    from kg.corpus import corpus_triples

    documents = list(read_documents(folder / "articles.jsonl", None, lambda error: None))
    summaries = [summarise(extract(d)) for d in documents]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    corpus = Corpus()
    for copy in range(copies):
        for summary in summaries:
            corpus.add(shifted(summary, copy))
    added = time.perf_counter()
    cpu = time.process_time()
    result = corpus.merge()
    merged = time.perf_counter()
    cpu = time.process_time() - cpu
    triples = sum(1 for _ in corpus_triples(result))
    done = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"documents: {copies * len(summaries)}  events kept: {len(corpus.events)}")
    print(f"add: {added - started:.2f} s  merge: {merged - added:.2f} s ({cpu:.2f} s CPU)  triples: {triples} in {done - merged:.2f} s")
    print(f"canonical events: {len(result.clusters)}  disagreements: {len(result.disagreements)}  "
          f"merges: {len(result.actors.merges)}")
    print(f"peak memory: {peak / 1024:.0f} MB (before the corpus: {before / 1024:.0f} MB)")


def varied(sizes: list[int]) -> None:
    """The merge on the throughput corpus (dense dates, many actors): its CPU time per size and the
    growth factor against the size factor (linear = equal)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus as bench_corpus

    from kg.api import document

    records = list(bench_corpus.corpus(max(sizes)))
    summaries = [summarise(extract(document(r["text"], id=r["id"], title=r.get("title", ""), date=r.get("date"))))
                 for r in records]
    previous = None
    for size in sorted(sizes):
        corpus = Corpus()
        for summary in summaries[:size]:
            corpus.add(summary)
        cpu = time.process_time()
        result = corpus.merge()
        cpu = time.process_time() - cpu
        growth = f"  x{cpu / previous[1]:.1f} for x{size / previous[0]:.1f} documents" if previous else ""
        print(f"documents: {size}  units: {len(result.units)}  canonical events: {len(result.clusters)}  "
              f"disagreements: {len(result.disagreements)}  merge: {cpu:.2f} s CPU{growth}")
        previous = (size, cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--shuffle", type=int, help="shuffle the documents with this seed")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--clusters", action="store_true")
    parser.add_argument("--scale", type=int, metavar="N", help="time and memory of the merge on N copies of the set")
    parser.add_argument("--varied", type=int, nargs="+", metavar="N",
                        help="merge CPU time on N varied articles of bench/corpus.py, for each N")
    args = parser.parse_args()
    if args.varied:
        varied(args.varied)
        return 0
    if args.scale:
        scale(args.gold, args.scale)
        return 0
    started = time.perf_counter()
    extractions, result, report = run(args.gold, args.shuffle)
    seconds = time.perf_counter() - started
    if args.json:
        print(json.dumps(asdict(report), indent=1))
        return 0
    print(f"documents: {len(extractions)}  time: {seconds:.2f} s")
    print(report.events.line("events"))
    print(report.entities.line("entities"))
    print(f"disagreements: {report.disagreements_found}/{report.disagreements} gold found, "
          f"{len(result.disagreements)} in the graph")
    for missing in report.missing_disagreements:
        print(f"  missing: {missing}")
    print(f"gazetteer merges: {report.gazetteer_merges}")
    if args.clusters:
        from kg.corpus.score import event_labels
        labels, _ = event_labels(load_gold(args.gold), extractions, result)
        by_gold: dict = {}
        for ref, (gold, system) in sorted(labels.items()):
            by_gold.setdefault(gold, []).append(f"{ref[0]}/{ref[1]}={system}")
        for gold, items in sorted(by_gold.items()):
            print(f"gold {gold}: " + ", ".join(items))
        for cluster in result.clusters:
            print("cluster:", ", ".join(f"{r.doc}/{r.id}" for r in cluster.reports))
        for merge in result.actors.merges:
            print(f"merge: {merge.member_name} -> {merge.canonical_name} ({merge.rule})")
        for d in result.disagreements:
            print(f"{d.kind}: " + "; ".join(f"{p.stance} {p.report.doc}/{p.report.id} {p.count or ''} {p.blames}"
                                             for p in d.positions))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
