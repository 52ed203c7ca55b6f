"""Throughput and peak memory of each stage, on corpora of N varied articles.

    python bench/throughput.py                       # quick: --sizes 200 1000 (a couple of minutes)
    python bench/throughput.py --sizes 1000 10000    # the scaling run (10k: ~15 min, several GB)

Each size gets its own corpus (bench/corpus.py) and each stage runs in a fresh process on one
core (bench/stage.py): extraction alone; extraction + graph building; Turtle export; HTML export
(only up to --html-cap articles: a page of more is not something anyone opens); loading the
Turtle file into the embedded store as `kg load` does (kg.store.load.load_into_store: one named
graph per document), and, as the floor to compare with, pyoxigraph's raw bulk loader. Then `kg --help` is timed, best of 5, and the targets are
printed with PASS/MISS beside the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import base_articles, seed_chars, write_corpus  # noqa: E402

TARGET_RATE = 200  # seed-sized articles/s, extraction + graph, one core
TARGET_MB = 1024  # peak memory at 10k articles
TARGET_HELP_S = 1.5
STAGES = ("extract", "extract+graph", "turtle", "html", "store", "store (bulk)")


RESULT_KEYS = {"extract": ["extract"], "build": ["extract+graph", "turtle", "html"], "store": ["store"],
               "bulk": ["store (bulk)"]}


def child(args: list[str], timeout: float | None = None) -> dict:
    """Run bench/stage.py pinned to one core; its last stdout line is the JSON result."""
    command = [sys.executable, str(HERE / "stage.py"), *args]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0", *command]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {key: {"timeout": timeout} for key in RESULT_KEYS[args[0]][:1]}
    if run.returncode != 0:
        raise SystemExit(f"bench: stage {args[0]} failed:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def measure(size: int, work: Path, seed: int, html_cap: int, bases, timeout: float | None) -> dict:
    corpus = write_corpus(work / f"corpus-{size}.jsonl", size, seed, bases)
    out = work / f"out-{size}"
    out.mkdir(exist_ok=True)
    results = child(["extract", str(corpus)], timeout)
    html = ["--html"] if size <= html_cap else []
    results.update(child(["build", str(corpus), str(out), *html], timeout))
    if not (out / "graph.ttl").exists():
        return results
    for mode in ("store", "bulk"):
        store = work / f"{mode}-{size}"
        results.update(child([mode, str(out / "graph.ttl"), str(store)], timeout))
        shutil.rmtree(store, ignore_errors=True)
    return results


def kg_help_seconds(runs: int = 5) -> float:
    script = Path(sys.executable).with_name("kg")
    command = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "kg.cli", "--help"]
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        best = min(best, time.perf_counter() - started)
    return best


def rate(count: float, seconds: float) -> str:
    return f"{count / seconds:10.1f}" if seconds > 0 and count else f"{'-':>10}"


def table(size: int, results: dict) -> list[str]:
    lines = [f"\n{size} articles",
             f"  {'stage':<15}{'seconds':>9}{'articles/s':>11}{'sentences/s':>12}{'triples/s':>11}{'peak RSS MB':>13}"]
    for stage in STAGES:
        r = results.get(stage)
        if r is None:
            over_cap = stage == "html" and "timeout" not in results["extract+graph"]
            lines.append(f"  {stage:<15}   (not run{': over --html-cap' if over_cap else ''})")
            continue
        if "timeout" in r:
            lines.append(f"  {stage:<15}   (stopped after --stage-timeout {r['timeout']:g} s)")
            continue
        seconds = r["seconds"]
        lines.append(f"  {stage:<15}{seconds:9.2f}{rate(r.get('articles', size), seconds):>11}"
                     f"{rate(r.get('sentences', 0), seconds):>12}{rate(r.get('triples', 0), seconds):>11}"
                     f"{r['peak_mb']:13.0f}")
    build = results["extract+graph"]
    if "timeout" in build:
        return lines
    lines.append(f"  (extract+graph = extraction {build['extract_seconds']:.2f} s + graph {build['graph_seconds']:.2f} s; "
                 f"{build['triples']} triples; Turtle {results['turtle']['bytes'] / 1e6:.1f} MB)")
    return lines


def growth(all_results: dict[int, dict]) -> list[str]:
    sizes = sorted(all_results)
    lines = []
    for small, large in zip(sizes, sizes[1:]):
        lines.append(f"\ngrowth {small} -> {large} articles (x{large / small:g}); 1.00 = linear")
        for stage in STAGES:
            a, b = all_results[small].get(stage), all_results[large].get(stage)
            if a and b and "timeout" not in a and "timeout" not in b:
                ratio = b["seconds"] / a["seconds"]
                lines.append(f"  {stage:<15} time x{ratio:6.2f}   per article x{ratio / (large / small):5.2f}")
    return lines


def verdict(ok: bool | None) -> str:
    return "n/a " if ok is None else ("PASS" if ok else "MISS")


def targets(all_results: dict[int, dict], help_s: float) -> list[str]:
    measured = [r["extract+graph"] for _, r in sorted(all_results.items()) if "timeout" not in r["extract+graph"]]
    largest = measured[-1] if measured else None
    per_seed = largest["chars"] / largest["seconds"] / seed_chars() if largest else 0.0
    ten_k = all_results.get(10000)
    peak = max(r.get("peak_mb", 0) for r in ten_k.values()) if ten_k else None
    rate_line = (f"{per_seed:.0f} seed-sized articles/s (target >= {TARGET_RATE}; "
                 f"{largest['articles'] / largest['seconds']:.0f} articles/s of the corpus, seed = {seed_chars()} chars)"
                 if largest else "not measured")
    return [
        "\ntargets",
        f"  {verdict(per_seed >= TARGET_RATE if largest else None)}  extraction + graph, one core: {rate_line}",
        f"  {verdict(None if peak is None else peak < TARGET_MB)}  10k articles, peak memory: "
        + (f"{peak:.0f} MB" if peak is not None else "not measured (run --sizes 1000 10000)")
        + f" (target < {TARGET_MB} MB)",
        f"  {verdict(help_s < TARGET_HELP_S)}  kg --help: {help_s:.3f} s best of 5 (target < {TARGET_HELP_S} s)",
    ]


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000], help="corpus sizes (default: 200 1000)")
    parser.add_argument("--html-cap", type=int, default=1000, help="largest corpus to export as HTML (default: 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the corpus variations")
    parser.add_argument("--json", type=Path, help="also write all figures to this JSON file")
    parser.add_argument("--stage-timeout", type=float, help="stop a stage process after this many seconds")
    parser.add_argument("--keep", type=Path, help="keep corpora and outputs in this folder (default: a temp dir)")
    args = parser.parse_args()

    print(f"machine: {machine()}; each stage in a fresh process on one core")
    print("peak RSS: ru_maxrss of that process; for turtle/html it includes the graph built before them")
    bases = base_articles()
    all_results: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for size in sorted(args.sizes):
            all_results[size] = measure(size, work, args.seed, args.html_cap, bases, args.stage_timeout)
            print("\n".join(table(size, all_results[size])), flush=True)
    print("\n".join(growth(all_results)))
    help_s = kg_help_seconds()
    print("\n".join(targets(all_results, help_s)))
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "sizes": all_results, "kg_help_seconds": help_s},
                                        indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
