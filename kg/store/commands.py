"""CLI commands of the store stage: `kg load` and `kg query`.

Only argument parsing lives here, and nothing heavy is imported at module level, so `kg --help`
stays instant; the runners import the work when they run.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from kg.errors import InputError

# Shipped in the package (kg/queries: a link to the top-level queries/ in the repository, a copy in a wheel).
QUERIES_DIR = next((d for d in (Path(__file__).resolve().parents[1] / "queries",
                                Path(__file__).resolve().parents[2] / "queries") if d.is_dir()),
                   Path(__file__).resolve().parents[1] / "queries")
ENDPOINT_HELP = ("base URL of a SPARQL 1.1 server; queries go to BASE/query, updates to BASE/update and "
                 "Graph Store Protocol requests to BASE/store (Oxigraph's layout). Basic auth from "
                 "$KG_ENDPOINT_USER / $KG_ENDPOINT_PASSWORD")


def positive_seconds(value: str) -> float:
    """--timeout: a number of seconds above 0 (0 would mean "wait for ever", which no one wants)."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not 0 < seconds < float("inf"):
        raise argparse.ArgumentTypeError("must be more than 0 seconds")
    return seconds


def load_choices() -> list[str]:
    """`--via` choices: the remote writers registered in kg.store.backends (cheap to import)."""
    from kg.store.backends import remote_writers

    return remote_writers()


def output_choices() -> list[str]:
    from kg.store.output import FORMATS

    return list(FORMATS)


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", metavar="DIR", help="embedded store directory "
                        "(default: $XDG_DATA_HOME/kg/store, else ~/.local/share/kg/store)")


def add_commands(subparsers, runners) -> None:
    """Add `load` and `query` to the `kg` parser and register their runners."""
    load = subparsers.add_parser(
        "load", help="add built graphs to the embedded store or a SPARQL server, one named graph per document",
        description="Load RDF files (.ttl, .nt, .jsonld, or .nq/.trig whose named graphs are kept) into the "
        "embedded store, or push them to a remote SPARQL 1.1 server. Each document goes into its own "
        "named graph (its IRI, kgr:doc/ID), replaced as a whole, so loading an article again does not "
        "duplicate its facts; shared actor descriptions and direct relations are stored once, in "
        "kgr:graph/actors and kgr:graph/relations. Each document is written in one transaction: an "
        "interrupted load leaves every document as it was or fully replaced.")
    load.add_argument("files", nargs="+", metavar="FILE", help="RDF files, or folders of them (e.g. out/)")
    add_store_option(load)
    load.add_argument("--endpoint", metavar="URL", help=ENDPOINT_HELP)
    load.add_argument("--update-endpoint", metavar="URL", help="SPARQL Update URL (default: BASE/update)")
    load.add_argument("--store-endpoint", metavar="URL", help="Graph Store Protocol URL (default: BASE/store)")
    from kg.cli import LazyChoices

    load.add_argument("--via", choices=LazyChoices(load_choices), metavar="WRITER", default=None,
                      help="remote only: update = one SPARQL Update request per document (default when an "
                      "update URL is known; keeps the shared graphs exact); gsp = one Graph Store Protocol "
                      "PUT per document graph (default with only --store-endpoint)")
    load.add_argument("--timeout", type=positive_seconds, default=60.0,
                      help="seconds for each HTTP request as a whole (default: 60)")
    from kg.cli import Deprecated

    load.add_argument("-o", "--out", dest="nquads", metavar="FILE", help="write the named graphs to an N-Quads file instead of "
                      "loading them (for a big server's own bulk loader)")
    load.add_argument("-f", "--format", choices=["nquads"], default="nquads", help="format of -o/--out (nquads)")
    load.add_argument("--nquads", dest="nquads", metavar="FILE", action=Deprecated, new="-o/--out", help=argparse.SUPPRESS)
    runners["load"] = run_load

    query = subparsers.add_parser(
        "query", help="run a SPARQL query on the store, on RDF files or on a SPARQL endpoint",
        description="Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) from a file or -e. The "
        "project's prefixes (kg, kgr, schema, prov, skos, rdfs, xsd, wd, ...) are declared for you when "
        "the query does not declare them. The default graph is the union of all named graphs. A NAME "
        "that is not a file is looked up in the shipped queries/ folder (e.g. kg query who_said_what).")
    query.add_argument("query_file", nargs="?", metavar="QUERY", help="a .rq file, or the name of a shipped query")
    query.add_argument("-e", "--execute", metavar="SPARQL", help="the query text itself")
    add_store_option(query)
    query.add_argument("--data", action="append", metavar="FILE",
                       help="query RDF files instead of the store (rdflib; repeat for several)")
    query.add_argument("--endpoint", metavar="URL", help=ENDPOINT_HELP)
    query.add_argument("--query-endpoint", metavar="URL", help="SPARQL query URL (default: BASE/query)")
    from kg.cli import Deprecated

    query.add_argument("-f", "--format", dest="output", choices=LazyChoices(output_choices), metavar="FORMAT",
                       default="table",
                       help="table (default), csv, tsv, json (SPARQL JSON results), turtle (CONSTRUCT/DESCRIBE)")
    query.add_argument("-o", "--out", metavar="FILE", help="write the results to FILE instead of stdout")
    query.add_argument("--output", dest="output", choices=LazyChoices(output_choices), action=Deprecated,
                       new="-f/--format", metavar="FORMAT",
                       help=argparse.SUPPRESS)
    query.add_argument("--width", type=int, default=60, help="table: cut cells to this many columns (0: never)")
    query.add_argument("--timeout", type=positive_seconds, default=60.0,
                       help="seconds the query may take, on the store, the files or an endpoint (default: 60)")
    query.add_argument("--allow-service", action="store_true",
                       help="let the query call other endpoints with SERVICE (refused by default)")
    runners["query"] = run_query


def remote_requested(args: argparse.Namespace, *options: str) -> bool:
    return any(getattr(args, option, None) for option in options)


def run_load(args: argparse.Namespace) -> int:
    from kg.store.endpoints import resolve
    from kg.store.load import load_into_endpoint, load_into_store, write_nquads

    remote = remote_requested(args, "endpoint", "update_endpoint", "store_endpoint")
    if sum(bool(x) for x in (remote, args.store, args.nquads)) > 1:
        raise InputError("give only one of --store, --endpoint (or --update-/--store-endpoint), --nquads")
    if args.via and not remote:
        raise InputError("--via is for a remote server: give --endpoint (or --update-/--store-endpoint)")
    if args.nquads:
        summary = write_nquads(args.files, args.nquads)
    elif remote:
        endpoints = resolve(args.endpoint, update=args.update_endpoint, store=args.store_endpoint)
        via = args.via or ("update" if endpoints.update else "gsp")
        summary = load_into_endpoint(args.files, endpoints, via, args.timeout)
    else:
        summary = load_into_store(args.files, args.store)
    print(summary.line())
    return 0


def query_text(args: argparse.Namespace) -> tuple[str, str]:
    """(query text, where it came from) from -e or a file or a shipped query name."""
    from kg.store.query import read_query_file

    if args.execute is not None and args.query_file:
        raise InputError("give a query file or -e SPARQL, not both")
    if args.execute is not None:
        return args.execute, "-e"
    if not args.query_file:
        raise InputError("no query: give a .rq file or -e 'SELECT ...'")
    path = Path(args.query_file)
    if not path.exists() and path.parent == Path(".") and QUERIES_DIR.is_dir():
        shipped = QUERIES_DIR / (path.name if path.suffix == ".rq" else path.name + ".rq")
        if shipped.is_file():
            path = shipped
    return read_query_file(path), str(path)


def run_query(args: argparse.Namespace) -> int:
    from kg.errors import QueryError
    from kg.store.endpoints import resolve
    from kg.store.query import run_on

    from kg.cli import format_given_as_out, results_to

    format_given_as_out(args, output_choices(), dest="output")
    text, source = query_text(args)
    chosen = [name for name, on in (("--store", args.store), ("--data", args.data),
                                    ("--endpoint", args.endpoint or args.query_endpoint)) if on]
    if len(chosen) > 1:
        raise InputError(f"give only one of --store, --data, --endpoint (got {', '.join(chosen)})")
    if args.data:
        backend, where = "data", args.data
    elif args.endpoint or args.query_endpoint:
        backend, where = "endpoint", resolve(args.endpoint, query=args.query_endpoint).query
    else:
        backend, where = "store", args.store
    with deadline(None if backend == "endpoint" else args.timeout):  # a request has its own deadline
        try:
            answer = run_on(backend, where, text, stream=True, allow_service=args.allow_service, timeout=args.timeout)
            with results_to(args.out):
                emit(answer, args.output, args.width)
        except QueryError as error:
            if source == "-e" or str(error).startswith(("http://", "https://", "cannot reach")):
                raise
            raise QueryError(f"{source}: {error}") from None
    return 0


class deadline:
    """`kg query --timeout`: a query still running at the deadline ends the process with one line.

    Why a process exit: the store's engine (Rust) and rdflib cannot be interrupted half-way
    through a join, and a query only reads, so stopping it leaves nothing behind."""

    def __init__(self, seconds: float | None) -> None:
        import threading

        self.seconds = seconds
        self.timer = threading.Timer(seconds, self.expire) if seconds else None
        if self.timer:
            self.timer.daemon = True

    def expire(self) -> None:
        import os
        import sys

        try:
            sys.stdout.flush()
        except (OSError, ValueError):
            pass
        os.write(2, f"kg: query stopped after {self.seconds:g} s (--timeout)\n".encode())
        os._exit(4)

    def __enter__(self) -> "deadline":
        if self.timer:
            self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.timer:
            self.timer.cancel()


def emit(answer, fmt: str, width: int) -> None:
    """Print the answer line by line as its rows come, quietly stopping when the reader goes
    away (`kg query … | head`); an error while rows are read is one line like any other."""
    import os
    import sys

    from kg.errors import KgError, QueryError
    from kg.store.output import render_lines
    from kg.store.prefixes import project_prefixes

    try:
        for line in render_lines(answer, fmt, project_prefixes(), width):
            sys.stdout.write(line + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except KgError:
        raise
    except (OSError, ValueError, RuntimeError) as exc:  # the engine failing mid-stream
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:300]}") from None
