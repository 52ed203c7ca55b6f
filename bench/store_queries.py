"""Time every shipped query on an embedded store of N synthetic articles (bench/corpus.py).

    python bench/store_queries.py 1000 [--work DIR] [--files] [--timeout 60]

Builds N articles (`kg build`), loads them (`kg load`), then runs each queries/*.rq in its own
process with `kg query --store` and reports seconds and peak memory (ru_maxrss of the child),
rows, and, with --files, whether the rows equal those of `kg query --data` on the build.
Why one process per query: peak memory is per query, and one slow query cannot hide another.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


CHILD = ("import resource, sys\nfrom kg.cli import main\ncode = main(sys.argv[1:])\n"
         "sys.stderr.write(f'MAXRSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')\nsys.exit(code)")


def kg(*argv: str, timeout: float = 3600) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run `kg …` in a child; (result, seconds, peak MB of that child)."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CHILD, *argv], capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - started
    lines = result.stderr.splitlines()
    peak = int(lines[-1].split()[1]) // 1024 if lines and lines[-1].startswith("MAXRSS") else -1
    result.stderr = "\n".join(line for line in lines if not line.startswith("MAXRSS"))
    return result, seconds, peak


def prepare(size: int, work: Path) -> tuple[Path, Path]:
    from corpus import write_corpus

    work.mkdir(parents=True, exist_ok=True)
    build, store = work / f"out{size}", work / f"store{size}"
    if not (build / "graph.ttl").exists():
        corpus = write_corpus(work / f"c{size}.jsonl", size)
        result, seconds, _ = kg("build", str(corpus), "-o", str(build), "--no-html", "--no-validate", "-q", "-j", "2")
        if result.returncode not in (0, 2):
            sys.exit(result.stderr)
        print(f"build {size} articles: {seconds:.1f} s", flush=True)
    if not (store / "CURRENT").exists():
        result, seconds, peak = kg("load", str(build / "graph.ttl"), "--store", str(store))
        if result.returncode:
            sys.exit(result.stderr)
        print(f"load: {seconds:.1f} s, peak {peak} MB: {result.stdout.strip()}", flush=True)
    return build / "graph.ttl", store


def rows(output: str) -> list:
    bindings = json.loads(output)["results"]["bindings"]
    return sorted(json.dumps(b, sort_keys=True, ensure_ascii=False) for b in bindings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench-store"))
    parser.add_argument("--files", action="store_true", help="also compare the rows with kg query --data")
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    graph, store = prepare(args.size, args.work)
    print(f"{'query':24} {'seconds':>8} {'peak MB':>8} {'rows':>7}  same as files")
    for path in sorted((ROOT / "queries").glob("*.rq")):
        result, seconds, peak = kg("query", str(path), "--store", str(store), "-f", "json",
                                   "--timeout", str(args.timeout))
        if result.returncode:
            print(f"{path.stem:24} {seconds:8.2f} {peak:8d}  failed: {result.stderr.strip()[:80]}", flush=True)
            continue
        found = rows(result.stdout)
        same = ""
        if args.files:
            on_files, _, _ = kg("query", str(path), "--data", str(graph), "-f", "json", "--timeout", "3600")
            same = "yes" if on_files.returncode == 0 and rows(on_files.stdout) == found else "NO"
        print(f"{path.stem:24} {seconds:8.2f} {peak:8d} {len(found):7d}  {same}", flush=True)


if __name__ == "__main__":
    main()
