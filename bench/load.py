"""`kg load` into the embedded store: quads per second and peak memory, against pyoxigraph's own
bulk loader on the same file.

    nice -n 10 python bench/load.py 1000            # build 1,000 articles (bench/corpus.py), load
    nice -n 10 python bench/load.py 1000 --copies 10  # the same build ten times under other ids

Builds N synthetic articles once with `kg build -f nquads` (kept in --work), optionally makes a
bigger file from it by copying every document and corpus-stage node under new ids (`--copies K`:
K times the documents, the same shared actors; a 10,000-article load without a 10,000-article
build), then runs, each in its own child process, timing wall and CPU seconds and the child's
peak resident memory (ru_maxrss):

- `kg load FILE --store NEW` (a fresh store: the bulk path);
- `kg load FILE --store SAME` again (every document already there, unchanged: the diff path);
- pyoxigraph's `Store.bulk_load` of the same file into a fresh store (no layout, no
  transactions: the floor).
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

CHILD = ("import resource, sys, json, time\n"
         "started = time.perf_counter()\n"
         "code = 0\n"
         "if sys.argv[1] == 'raw':\n"
         "    import pyoxigraph as ox\n"
         "    store = ox.Store(sys.argv[3])\n"
         "    store.bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS)\n"
         "    store.flush()\n"
         "    print(len(store))\n"
         "else:\n"
         "    from kg.cli import main\n"
         "    code = main(sys.argv[1:])\n"
         "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
         "sys.stderr.write('USAGE ' + json.dumps({'cpu': usage.ru_utime + usage.ru_stime, "
         "'peak_mb': usage.ru_maxrss // 1024}) + '\\n')\n"
         "sys.exit(code)")


def child(*argv: str) -> dict:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CHILD, *argv], capture_output=True, text=True)
    wall = time.perf_counter() - started
    lines = result.stderr.splitlines()
    usage = json.loads(lines[-1][6:]) if lines and lines[-1].startswith("USAGE ") else {"cpu": -1, "peak_mb": -1}
    if result.returncode:
        sys.exit(f"{argv[0]} failed: {result.stderr.strip()[-500:]}")
    return {"wall": wall, **usage, "out": result.stdout.strip()}


def build(size: int, work: Path) -> Path:
    from corpus import write_corpus

    out = work / f"out{size}"
    if not (out / "graph.nq").exists():
        corpus = write_corpus(work / f"c{size}.jsonl", size)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "-f", "nquads",
                                 "--no-html", "--no-validate", "-q", "-j", "2"], capture_output=True, text=True)
        if result.returncode not in (0, 2):
            sys.exit(result.stderr)
        print(f"build {size} articles: {time.perf_counter() - started:.0f} s", flush=True)
    return out / "graph.nq"


def copies(source: Path, k: int) -> Path:
    """The build k times: copy c renames kgr:doc/ID to kgr:doc/cC-ID and kgr:corpus/X to
    kgr:corpus/cC-X (shared actors, relations and the ontology's terms stay as they are)."""
    if k <= 1:
        return source
    target = source.with_name(f"graph.x{k}.nq")
    if target.exists():
        return target
    doc = re.compile(rb"(/resource/(?:doc|corpus)/)")
    with open(target.with_suffix(".tmp"), "wb") as out:
        for c in range(k):
            with open(source, "rb") as handle:
                for line in handle:
                    out.write(doc.sub(rb"\g<1>c%d-" % c, line))
    target.with_suffix(".tmp").rename(target)
    return target


def report(name: str, quads: int, run: dict) -> None:
    print(f"{name:34} {run['wall']:8.1f} s wall {run['cpu']:8.1f} s cpu {quads / run['wall']:10,.0f} quads/s "
          f"({quads / run['cpu']:,.0f} per cpu-s)  peak {run['peak_mb']:5d} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench-load"))
    parser.add_argument("--no-raw", action="store_true", help="skip pyoxigraph's bulk_load")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    source = copies(build(args.size, args.work), args.copies)
    with open(source, "rb") as handle:
        quads = sum(1 for _ in handle)
    print(f"{source}: {quads:,} quads, {source.stat().st_size / 2**20:,.0f} MB", flush=True)
    store = args.work / "store"
    shutil.rmtree(store, ignore_errors=True)
    first = child("load", str(source), "--store", str(store))
    report(f"kg load, new store", quads, first)
    print("   ", first["out"])
    again = child("load", str(source), "--store", str(store))
    report(f"kg load again, unchanged", quads, again)
    shutil.rmtree(store, ignore_errors=True)
    if not args.no_raw:
        raw = child("raw", str(source), str(store))
        report("pyoxigraph bulk_load (floor)", quads, raw)
        print(f"    kg load / bulk_load: {raw['wall'] / first['wall']:.2f} of its speed (wall), "
              f"{raw['cpu'] / first['cpu']:.2f} (cpu)")
        shutil.rmtree(store, ignore_errors=True)


if __name__ == "__main__":
    main()
