"""Extraction CPU time of two commits on the same varied articles, interleaved batch by batch.

    python bench/compare_extract.py main .                 # main against the working tree
    python bench/compare_extract.py HEAD~1 HEAD --articles 1000 --batch 25 --passes 2

One worker process per side (each with its own tree first on sys.path, the gazetteer loaded
before timing) and one for the text floor (camel-tools normalise + tokenise the same texts)
extract the same articles in the same order, a batch at a time, the three taking turns (the
order of the two sides swapped every batch): a load from other processes that rises and falls
falls on all three alike, which separate runs minutes apart cannot promise on a shared machine.
Each worker reports the CPU time of its batches (time.process_time). With --passes 2 the
articles are extracted twice and only the second pass counts (warm caches, as in a long build).
Prints CPU seconds, seed-sized articles/s per core, the ratio to the floor, and right/left.
Check that the two build the same graph with bench/same_output.py first.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import seed_chars, write_corpus  # noqa: E402
from same_output import export  # noqa: E402

WORKER = r"""
import json, sys, time
mode, corpus = sys.argv[1], sys.argv[2]
from kg.read import read_documents
docs = list(read_documents(corpus))
if mode == "floor":
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                             normalize_teh_marbuta_ar, normalize_unicode)
    def run(doc):
        simple_word_tokenize(normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(
            dediac_ar(normalize_unicode(doc.text))))))
else:
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.pipeline import extract
    load_gazetteer()
    run = extract
print("ready", flush=True)
for line in sys.stdin:
    start, end = map(int, line.split())
    cpu = time.process_time()
    for doc in docs[start:end]:
        run(doc)
    print(time.process_time() - cpu, flush=True)
"""


class Worker:
    """A process that extracts (or floors) batches of the corpus on request and says how long each took."""

    def __init__(self, tree: Path, mode: str, corpus: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(tree))
        self.process = subprocess.Popen([sys.executable, "-c", WORKER, mode, str(corpus)], env=env, cwd=tree,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout.readline().strip() == "ready"

    def batch(self, start: int, end: int) -> float:
        self.process.stdin.write(f"{start} {end}\n")
        self.process.stdin.flush()
        return float(self.process.stdout.readline())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("left")
    parser.add_argument("right")
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--batch", type=int, default=25, help="articles per turn")
    parser.add_argument("--passes", type=int, default=1, help="extract the articles this often; the last pass counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = write_corpus(work / "corpus.jsonl", args.articles)
        chars = sum(len(json.loads(line)["text"]) for line in corpus.read_text(encoding="utf-8").splitlines())
        trees = {"left": export(args.left, work / "left"), "right": export(args.right, work / "right")}
        load = os.getloadavg()[0]
        workers = {"floor": Worker(trees["left"], "floor", corpus),
                   "left": Worker(trees["left"], "extract", corpus), "right": Worker(trees["right"], "extract", corpus)}
        totals = dict.fromkeys(workers, 0.0)
        turn = 0
        for pass_ in range(args.passes):
            for start in range(0, args.articles, args.batch):
                order = ("floor", "left", "right") if turn % 2 == 0 else ("floor", "right", "left")
                turn += 1
                for side in order:
                    seconds = workers[side].batch(start, start + args.batch)
                    if pass_ == args.passes - 1:
                        totals[side] += seconds
        for worker in workers.values():
            worker.close()
    per_seed = chars / seed_chars()
    print(f"{args.articles} articles ({per_seed:.0f} seed-sized), batches of {args.batch}, pass {args.passes} of "
          f"{args.passes}, load average {load:.1f} -> {os.getloadavg()[0]:.1f}")
    for side, ref in (("floor", "camel-tools normalise + tokenise"), ("left", args.left), ("right", args.right)):
        seconds = totals[side]
        ratio = f", {seconds / totals['floor']:.1f} x floor" if side != "floor" else ""
        print(f"  {side:>5} ({ref}): {seconds:.2f} s CPU, {per_seed / seconds:.1f} seed-sized articles/s{ratio}")
    print(f"  right/left CPU: {totals['right'] / totals['left']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
