"""Do rewritten shipped queries give the same rows as before? Old text (a git ref) against the
working tree's, on a store and on RDF files, rows compared as multisets, with in-process CPU s.

    python bench/same_rows.py main --store STORE [--data graph.ttl ...] [--only casualties_by_side ...]
                              [--repeat 3]

Why a bench and not only a test: the rows that matter are those of a 1,000- or 10,000-article
store, which no test builds. Exit 1 when any query's rows differ. Each query runs twice per back
end (old, new), interleaved `--repeat` times; the minimum CPU s is printed (the engine and the
conversion of its rows to Python terms, as `kg query` does before printing).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def old_text(ref: str, name: str) -> str | None:
    found = subprocess.run(["git", "-C", str(ROOT), "show", f"{ref}:queries/{name}.rq"], capture_output=True, text=True)
    return found.stdout if found.returncode == 0 else None


def timed(run, text: str) -> tuple[Counter, float]:
    started = time.process_time()
    rows = Counter(run(text))
    return rows, time.process_time() - started


def store_runner(path: Path):
    import pyoxigraph as ox

    from kg.store.prefixes import missing_prefixes
    from kg.store.results import oxigraph_answer

    store = ox.Store.read_only(str(path))

    def run(text: str):
        return oxigraph_answer(store.query(text, prefixes=missing_prefixes(text), use_default_graph_as_union=True)).rows
    return run


def files_runner(paths: list[Path]):
    from kg.store.files import parse_rdf_dataset
    from kg.store.prefixes import with_prefixes
    from kg.store.results import rdflib_answer

    dataset = parse_rdf_dataset(paths)

    def run(text: str):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return list(rdflib_answer(dataset.query(with_prefixes(text))).rows)
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ref", help="the git ref whose queries/*.rq are 'before'")
    parser.add_argument("--store", type=Path, action="append", default=[])
    parser.add_argument("--data", type=Path, action="append", default=[], help="RDF files (one rdflib dataset)")
    parser.add_argument("--only", nargs="*", help="query names (default: those that differ from REF)")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    names = args.only or [p.stem for p in sorted((ROOT / "queries").glob("*.rq"))
                          if old_text(args.ref, p.stem) != p.read_text(encoding="utf-8")]
    backends = [(f"store {s}", store_runner(s)) for s in args.store]
    if args.data:
        backends.append((f"files {len(args.data)}", files_runner(args.data)))
    differ = 0
    print(f"{'query':24} {'back end':40} {'rows':>7} {'before s':>9} {'after s':>8} same")
    for name in names:
        before, after = old_text(args.ref, name), (ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8")
        for label, run in backends:
            times = {"before": [], "after": []}
            rows = {}
            for _ in range(args.repeat):
                for side, text in (("before", before), ("after", after)):
                    if text is None:
                        continue
                    rows[side], seconds = timed(run, text)
                    times[side].append(seconds)
            same = rows.get("before") == rows.get("after")
            differ += not same
            best = {side: f"{min(t):.2f}" if t else "-" for side, t in times.items()}
            print(f"{name:24} {label[-40:]:40} {sum(rows['after'].values()):7d} {best['before']:>9} {best['after']:>8} "
                  f"{'yes' if same else 'NO'}", flush=True)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
