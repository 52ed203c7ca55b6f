"""Throughput and peak memory of each stage, on corpora of N varied articles.

    python bench/throughput.py                       # quick: --sizes 200 1000 (about 3 minutes)
    python bench/throughput.py --sizes 1000 10000    # the scaling run (about 10 minutes)

Each size gets its own corpus (bench/corpus.py) and each stage runs in a fresh process on one
core (bench/stage.py): the text floor (camel-tools normalise + tokenise the same texts: what
any Arabic pipeline pays, so the ratio to it is a figure that survives a busy machine);
extraction alone; then `kg build`'s streaming path, extraction -> graph triples -> SHACL checks
-> Turtle, with each stage's time taken apart; `kg build` itself with every default (-j 1, SHACL
on every document, the page; with --jobs N also at N workers); the HTML page of the first --html-docs
documents (what `kg build` draws); loading the Turtle file into the embedded store as `kg load`
does (kg.store.load.load_into_store: one named graph per document; only up to --store-cap
articles, as it held ~5 GB at 1k articles when measured), and, as the floor to compare with,
pyoxigraph's raw bulk loader. Then `kg --help` is timed, best of 5, and the targets are printed
with PASS/MISS beside the figures. Stage times are CPU seconds of the stage's process where
measured (wall seconds beside them: on a shared machine the CPU time is the steadier figure);
run it with `nice -n 10` and note the load average it prints.

A stage process that runs out of --stage-memory-gb or --stage-timeout is stopped and reported,
so a scaling run cannot take the machine down.
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
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import base_articles, seed_chars, write_corpus  # noqa: E402

TARGET_RATE = 300  # seed-sized articles/s, extraction + graph, one core (issue #13; 500 ideally)
TARGET_MB = 1024  # peak memory at 10k articles
TARGET_HELP_S = 1.5
STAGES = ("text floor", "extract", "extract+graph", "shacl", "turtle", "html", "kg build", "kg build -j",
          "store", "store (bulk)")
FIRST_RESULT = {"floor": "text floor", "extract": "extract", "build": "extract+graph", "kgbuild": "kg build",
                "store": "store", "bulk": "store (bulk)"}


@dataclass(frozen=True)
class Limits:
    html_docs: int
    store_cap: int
    jobs: int
    timeout: float | None
    memory_gb: float


def physical_gb() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30


def rss_gb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    line = next((line for line in status.splitlines() if line.startswith("VmRSS:")), "VmRSS: 0 kB")
    return int(line.split()[1]) / 2**20


def child(args: list[str], limits: Limits) -> dict:
    """Run bench/stage.py pinned to one core and watched: its last stdout line is the JSON result.

    Memory is watched from outside (resident size, every 0.2 s) rather than capped with
    RLIMIT_AS, because the store's RocksDB reserves far more address space than it uses.
    """
    command = [sys.executable, str(HERE / "stage.py"), *args]
    if shutil.which("taskset") and "-j" not in args:
        command = ["taskset", "-c", "0", *command]
    key = FIRST_RESULT[args[0]]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, text=True)
        started = time.monotonic()
        stopped = ""
        while process.poll() is None:
            if rss_gb(process.pid) > limits.memory_gb:
                stopped = f"stopped: resident memory over --stage-memory-gb {limits.memory_gb:g}"
            elif limits.timeout and time.monotonic() - started > limits.timeout:
                stopped = f"stopped after --stage-timeout {limits.timeout:g} s"
            if stopped:
                process.kill()
                process.wait()
                return {key: {"stopped": stopped}}
            time.sleep(0.2)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            last = (err.read().strip().splitlines() or ["no message"])[-1]
            return {key: {"stopped": f"failed: {last[:160]}"}}
        return json.loads(out.read().strip().splitlines()[-1])


def measure(size: int, work: Path, seed: int, limits: Limits, bases) -> dict:
    corpus = write_corpus(work / f"corpus-{size}.jsonl", size, seed, bases)
    out = work / f"out-{size}"
    out.mkdir(exist_ok=True)
    results = child(["floor", str(corpus)], limits)
    results.update(child(["extract", str(corpus)], limits))
    html = ["--html", "--html-docs", str(limits.html_docs)] if limits.html_docs else []
    results.update(child(["build", str(corpus), str(out), *html], limits))
    results.update(child(["kgbuild", str(corpus), str(work / f"kgbuild-{size}"), *html], limits))
    if limits.jobs > 1:
        parallel = child(["kgbuild", str(corpus), str(work / f"kgbuild-{size}"), *html, "-j", str(limits.jobs)], limits)
        results["kg build -j"] = parallel["kg build"]
    graph = out / "graph.ttl"
    if "stopped" in results["extract+graph"] or not graph.exists():
        return results
    for mode in ("store", "bulk") if size <= limits.store_cap else ("bulk",):
        store = work / f"{mode}-{size}"
        results.update(child([mode, str(graph), str(store)], limits))
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
    return f"{count / seconds:.1f}" if seconds > 0 and count else "-"


def why_not_run(stage: str, size: int, results: dict, limits: Limits) -> str:
    if "stopped" in results.get("extract+graph", {}):
        return "not run"
    if stage == "html" and not limits.html_docs:
        return "not run: --html-docs 0"
    if stage == "store" and size > limits.store_cap:
        return f"not run: over --store-cap {limits.store_cap}"
    return "not run"


def table(size: int, results: dict, limits: Limits) -> list[str]:
    lines = [f"\n{size} articles (seconds: CPU seconds where measured, else wall; rates from them)",
             f"  {'stage':<14}{'seconds':>9}{'wall s':>8}{'articles/s':>12}{'sentences/s':>13}{'triples/s':>11}"
             f"{'peak RSS MB':>13}{'x floor':>9}"]
    floor = seconds_of(results.get("text floor"))
    for stage in STAGES:
        r = results.get(stage)
        if r is None or "stopped" in r:
            if stage == "kg build -j" and limits.jobs <= 1:
                continue
            lines.append(f"  {stage:<14}   ({r['stopped'] if r else why_not_run(stage, size, results, limits)})")
            continue
        s = seconds_of(r)
        wall = r.get("seconds") if "cpu_seconds" in r else r.get("wall_seconds_with_shacl_and_turtle")
        ratio = f"{s / floor:9.1f}" if floor and stage in ("extract", "extract+graph", "shacl", "kg build") else ""
        lines.append(f"  {stage:<14}{s:9.2f}{(f'{wall:.2f}' if wall else ''):>8}{rate(r.get('articles', size), s):>12}"
                     f"{rate(r.get('sentences', 0), s):>13}{rate(r.get('triples', 0), s):>11}{r['peak_mb']:13.0f}{ratio}")
    build = results["extract+graph"]
    if "stopped" not in build:
        lines.append(f"  (extract+graph = extraction {build['extract_seconds']:.2f} s + graph "
                     f"{build['graph_seconds']:.2f} s; {build['triples']} triples; "
                     f"Turtle {results['turtle']['bytes'] / 1e6:.1f} MB)")
    return lines


def seconds_of(result: dict | None) -> float:
    if not result or "stopped" in result:
        return 0.0
    return result.get("cpu_seconds", result["seconds"])


def growth(all_results: dict[int, dict]) -> list[str]:
    sizes = sorted(all_results)
    lines = []
    for small, large in zip(sizes, sizes[1:]):
        lines.append(f"\ngrowth {small} -> {large} articles (x{large / small:g}); per article 1.00 = linear")
        for stage in STAGES:
            a, b = all_results[small].get(stage), all_results[large].get(stage)
            if a and b and "stopped" not in a and "stopped" not in b:
                if stage == "html" and a.get("articles") == b.get("articles"):
                    lines.append(f"  {stage:<14} (the same {a['articles']} documents on the page at both sizes)")
                    continue
                ratio = seconds_of(b) / seconds_of(a)
                lines.append(f"  {stage:<14} time x{ratio:6.2f}   per article x{ratio / (large / small):5.2f}")
    return lines


def verdict(ok: bool | None) -> str:
    return "n/a " if ok is None else ("PASS" if ok else "MISS")


def targets(all_results: dict[int, dict], help_s: float) -> list[str]:
    measured = [r["extract+graph"] for _, r in sorted(all_results.items()) if "stopped" not in r["extract+graph"]]
    largest = measured[-1] if measured else None
    per_seed = largest["chars"] / largest["seconds"] / seed_chars() if largest else 0.0
    rate_line = (f"{per_seed:.0f} seed-sized articles/s at {largest['articles']} articles (target >= {TARGET_RATE}; "
                 f"{largest['articles'] / largest['seconds']:.0f} corpus articles/s; seed = {seed_chars()} chars)"
                 if largest else "not measured")
    ten_k = all_results.get(10000)
    build_line, build_ok = memory_line(ten_k, ("extract", "extract+graph", "shacl", "turtle", "html", "kg build"))
    store_line, store_ok = memory_line(ten_k, ("store",))
    if ten_k and "store" not in ten_k and "peak_mb" in ten_k.get("store (bulk)", {}):
        store_line = f"kg load not run (over --store-cap); raw bulk loader {ten_k['store (bulk)']['peak_mb']:.0f} MB"
    size = max((n for n, r in all_results.items() if "stopped" not in r["extract+graph"]), default=None)
    facts = []
    if size is not None:
        r = all_results[size]
        floor = seconds_of(r.get("text floor"))
        if floor:
            facts.append(f"  ----  extraction + graph = {largest['seconds'] / floor:.1f} x the camel-tools text floor "
                         f"(extraction alone {seconds_of(r.get('extract')) / floor:.1f} x) at {size} articles")
        shacl = r.get("shacl")
        if shacl and "stopped" not in shacl and shacl.get("articles"):
            facts.append(f"  ----  SHACL checks: {shacl['seconds'] / shacl['articles'] * 1000:.1f} ms a document, "
                         f"{shacl['articles']} documents, {shacl['violations']} violations")
    return [
        "\ntargets",
        *facts,
        f"  {verdict(per_seed >= TARGET_RATE if largest else None)}  extraction + graph, one core: {rate_line}",
        f"  {verdict(build_ok)}  10k articles, peak memory of kg build's path: {build_line} (target < {TARGET_MB} MB)",
        f"  {verdict(store_ok)}  10k articles, peak memory of kg load: {store_line} (target < {TARGET_MB} MB)",
        f"  {verdict(help_s < TARGET_HELP_S)}  kg --help: {help_s:.3f} s best of 5 (target < {TARGET_HELP_S} s)",
    ]


def memory_line(results: dict | None, stages: tuple[str, ...]) -> tuple[str, bool | None]:
    """The largest peak RSS among `stages` at 10k articles, and whether it meets the target."""
    if not results:
        return "not measured (run --sizes 1000 10000)", None
    runs = {s: results[s] for s in stages if s in results}
    peaks = [r["peak_mb"] for r in runs.values() if "peak_mb" in r]
    stopped = [s for s, r in runs.items() if "stopped" in r]
    if not peaks and not stopped:
        return "not measured", None
    line = f"{max(peaks):.0f} MB" if peaks else "no stage finished"
    line += f"; stopped: {', '.join(stopped)}" if stopped else ""
    return line, bool(peaks) and max(peaks) < TARGET_MB and not stopped


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                if line.startswith("model name")), "") if cpuinfo.exists() else platform.processor()
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), {physical_gb():.0f} GB RAM, "
            f"Python {platform.python_version()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000], help="corpus sizes (default: 200 1000)")
    parser.add_argument("--html-docs", type=int, default=100,
                        help="documents on the HTML page, as kg build --html-docs (default: 100; 0: no page)")
    parser.add_argument("--store-cap", type=int, default=1000,
                        help="largest corpus to load the `kg load` way (default: 1000; the bulk loader always runs)")
    parser.add_argument("--stage-timeout", type=float, help="stop a stage process after this many seconds")
    parser.add_argument("--stage-memory-gb", type=float, default=round(physical_gb() * 0.8, 1),
                        help="stop a stage process whose resident memory passes this (default: 80%% of RAM)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the corpus variations")
    parser.add_argument("--jobs", type=int, default=0,
                        help="also time kg build with this many workers (default: 0, not run)")
    parser.add_argument("--json", type=Path, help="also write all figures to this JSON file")
    parser.add_argument("--keep", type=Path, help="keep corpora and outputs in this folder (default: a temp dir)")
    args = parser.parse_args()
    limits = Limits(args.html_docs, args.store_cap, args.jobs, args.stage_timeout, args.stage_memory_gb)

    print(f"machine: {machine()}; each stage in a fresh process on one core; "
          f"load average at start {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("peak RSS: ru_maxrss of that process; extract+graph and turtle are one streamed pass (as kg build), "
          "html comes after it in the same process")
    bases = base_articles()
    all_results: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for size in sorted(args.sizes):
            all_results[size] = measure(size, work, args.seed, limits, bases)
            print("\n".join(table(size, all_results[size], limits)), flush=True)
    print("\n".join(growth(all_results)))
    print(f"load average at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    help_s = kg_help_seconds()
    print("\n".join(targets(all_results, help_s)))
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "sizes": all_results, "kg_help_seconds": help_s},
                                        indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
