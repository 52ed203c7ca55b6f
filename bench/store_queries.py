"""Time every shipped query on an embedded store and on an Oxigraph server, at N synthetic articles.

    python bench/store_queries.py 1000 10000 [--work DIR] [--files] [--no-server] [--copy-store 10000]
                                  [--timeout 60] [--repeat 3]

For each size: builds N articles (bench/corpus.py, `kg build`), loads them into an embedded store
(`kg load --store`) and into an `oxigraph serve` started by the bench on a free local port
(`kg load --endpoint`, a SPARQL Update per document), then runs each queries/*.rq in its own
`kg query` process against both, and prints seconds (wall, and the embedded process's CPU
seconds: steadier on a shared machine; with --repeat N the minimum of N runs), rows and peak
memory per query, the ratio server/embedded, and the load average after each query. Embedded peak MB is the `kg query` process (ru_maxrss); server peak MB is
the server's resident high-water mark during that query (reset before it, /proc/PID/clear_refs).
"same" says whether the server's rows equal the embedded store's; with --files, also the rows of
`kg query --data` on the build (rdflib: slow on large builds). The first row, `(start-up)`, is an
empty query: the cost of a process and a store open, included in every other figure.
Builds, stores and the server's database are kept in --work and reused by the next run.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

CHILD = ("import resource, sys\nfrom kg.cli import main\ncode = main(sys.argv[1:])\n"
         "use = resource.getrusage(resource.RUSAGE_SELF)\n"
         "sys.stderr.write(f'MAXRSS {use.ru_maxrss} {use.ru_utime + use.ru_stime}\\n')\nsys.exit(code)")
EMPTY = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 0"


def kg(*argv: str, timeout: float = 7200) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run `kg …` in a child; (result, seconds, peak MB of that child). The child's CPU seconds
    (user + system: steadier than wall time on a shared machine) are in result.cpu."""
    started = time.perf_counter()
    try:
        result = subprocess.run([sys.executable, "-c", CHILD, *argv], capture_output=True, text=True,
                                timeout=timeout)
    except subprocess.TimeoutExpired:
        failed = subprocess.CompletedProcess(argv, -1, "", f"no answer in {timeout:.0f} s")
        failed.cpu = timeout
        return failed, timeout, -1
    seconds = time.perf_counter() - started
    lines = result.stderr.splitlines()
    last = lines[-1].split() if lines and lines[-1].startswith("MAXRSS") else None
    peak = int(last[1]) // 1024 if last else -1
    result.cpu = float(last[2]) if last else -1.0
    result.stderr = "\n".join(line for line in lines if not line.startswith("MAXRSS"))
    return result, seconds, peak


def prepare(size: int, work: Path) -> tuple[Path, Path]:
    """The build of `size` articles and its embedded store (made once, reused)."""
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
        print(f"embedded load: {seconds:.1f} s, peak {peak} MB: {result.stdout.strip()}", flush=True)
    return build / "graph.ttl", store


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def oxigraph_binary() -> str:
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        sys.exit("oxigraph (the server) is not installed: pip install oxigraph, or run with --no-server")
    return found


class Server:
    """`oxigraph serve` on a free local port, over a database directory; stopped on exit."""

    def __init__(self, location: Path, timeout: float):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{self.port}",
             "--union-default-graph", "--timeout-s", str(max(1, int(timeout)))], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while True:
            if self.process.poll() is not None:
                sys.exit(f"oxigraph serve stopped: {self.process.stderr.read().decode(errors='replace')[-300:]}")
            try:
                urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    sys.exit(f"oxigraph serve did not answer on {self.url} in 120 s")
                time.sleep(0.2)

    def reset_peak(self) -> None:
        try:
            Path(f"/proc/{self.process.pid}/clear_refs").write_text("5")
        except OSError:
            pass  # not Linux: the peak is then the server's since it started

    def peak_mb(self) -> int:
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
        except OSError:
            pass
        return -1

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def load_server(size: int, work: Path, graph: Path, store: Path, copy: bool, timeout: float) -> tuple[Path, Server]:
    """The server's database for `size` articles, loaded through `kg load --endpoint` once (or, with
    `copy`, a copy of the embedded store: the same Oxigraph database, without the HTTP load)."""
    location = work / f"server{size}"
    done = location / ".kg-loaded"
    if location.exists() and not done.exists():
        shutil.rmtree(location)  # a load that did not finish: start again
    if copy and not done.exists():
        shutil.copytree(store, location, ignore=shutil.ignore_patterns("LOCK"))
        done.write_text(f"copied from {store}\n")
        print(f"server database: a copy of {store}", flush=True)
    location.mkdir(parents=True, exist_ok=True)
    server = Server(location, timeout)  # the server stops a query kg gave up on, too
    if not done.exists():
        server.reset_peak()
        result, seconds, _ = kg("load", str(graph), "--endpoint", server.url, "--timeout", "600")
        if result.returncode:
            server.stop()
            sys.exit(result.stderr)
        done.write_text(result.stdout)
        print(f"server load: {seconds:.1f} s, server peak {server.peak_mb()} MB: {result.stdout.strip()}",
              flush=True)
    return location, server


def rows(output: str) -> list:
    bindings = json.loads(output)["results"]["bindings"]
    return sorted(json.dumps(b, sort_keys=True, ensure_ascii=False) for b in bindings)


def run(argv: list[str], timeout: float, repeat: int = 1) -> tuple[list | None, float, int, str, float]:
    """(rows, wall s, peak MB, error, CPU s) of `kg query …`: the minimum over `repeat` runs."""
    best = None
    for _ in range(repeat):
        result, seconds, peak = kg(*argv, "-f", "json", "--timeout", str(timeout), timeout=timeout + 60)
        if result.returncode:
            return None, seconds, peak, result.stderr.strip()[:60], result.cpu
        found = (rows(result.stdout), seconds, peak, "", result.cpu)
        best = found if best is None else (found[0], min(best[1], seconds), max(best[2], peak), "", min(best[4], result.cpu))
    return best


def bench(size: int, args: argparse.Namespace) -> None:
    graph, store = prepare(size, args.work)
    server = None if args.no_server else load_server(size, args.work, graph, store, size in args.copy_store,
                                                     args.timeout)[1]
    try:
        print(f"\n{size} articles (load average {os.getloadavg()[0]:.1f} at start)")
        print(f"{'query':24} {'embedded s':>10} {'CPU s':>6} {'MB':>5} {'rows':>6} | {'server s':>8} {'MB':>5} "
              f"{'ratio':>5} same{'  files' if args.files else ''}  load")
        queries = [("(start-up)", ["-e", EMPTY])] + [(p.stem, [str(p)]) for p in sorted((ROOT / "queries").glob("*.rq"))]
        for name, query in queries:
            found, seconds, peak, error, cpu = run(["query", *query, "--store", str(store)], args.timeout, args.repeat)
            line = f"{name:24} {seconds:10.2f} {cpu:6.2f} {peak:5d} " + (f"{len(found):6d}" if found is not None else f"{'-':>6}")
            if server is not None:
                server.reset_peak()
                remote, rseconds, _, rerror, _ = run(["query", *query, "--endpoint", server.url], args.timeout, args.repeat)
                same = "-" if found is None or remote is None else ("yes" if remote == found else "NO")
                line += f" | {rseconds:8.2f} {server.peak_mb():5d} {rseconds / seconds:5.2f} {same:>4}"
                error = error or rerror
            if args.files and name != "(start-up)":
                on_files, _, _, ferror, _ = run(["query", *query, "--data", str(graph)], args.files_timeout)
                line += "  " + ("-" if on_files is None else "yes" if on_files == found else "NO")
            print(line + f"  {os.getloadavg()[0]:.1f}" + (f"  {error}" if error else ""), flush=True)
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
    finally:
        if server is not None:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", type=int, nargs="+", help="numbers of articles, e.g. 1000 10000")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench-store"))
    parser.add_argument("--no-server", action="store_true", help="only the embedded store")
    parser.add_argument("--copy-store", type=int, nargs="*", default=[], metavar="SIZE",
                        help="at these sizes, serve a copy of the embedded store instead of loading over HTTP")
    parser.add_argument("--files", action="store_true", help="also compare the rows with kg query --data")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per query (store, server)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per query; the minimum is printed")
    parser.add_argument("--files-timeout", type=float, default=3600, help="seconds per query on files")
    args = parser.parse_args()
    for size in args.sizes:
        bench(size, args)


if __name__ == "__main__":
    main()
