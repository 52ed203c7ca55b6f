"""CLI commands of the store stage: `kg load` and `kg query`.

Only argument parsing lives here, and nothing heavy is imported at module level, so `kg --help`
stays instant; the runners import the work when they run.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from kg.errors import InputError

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"
ENDPOINT_HELP = ("base URL of a SPARQL 1.1 server; queries go to BASE/query, updates to BASE/update and "
                 "Graph Store Protocol requests to BASE/store (Oxigraph's layout). Basic auth from "
                 "$KG_ENDPOINT_USER / $KG_ENDPOINT_PASSWORD")


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
        "duplicate its facts. The embedded load is one transaction: if it fails the store is unchanged.")
    load.add_argument("files", nargs="+", metavar="FILE", help="RDF files, or folders of them (e.g. out/)")
    add_store_option(load)
    load.add_argument("--endpoint", metavar="URL", help=ENDPOINT_HELP)
    load.add_argument("--update-endpoint", metavar="URL", help="SPARQL Update URL (default: BASE/update)")
    load.add_argument("--store-endpoint", metavar="URL", help="Graph Store Protocol URL (default: BASE/store)")
    load.add_argument("--via", choices=["gsp", "update"], default="gsp",
                      help="remote only: gsp = one HTTP PUT per named graph (default); update = one SPARQL "
                      "Update request for everything (atomic on transactional servers; for servers without "
                      "the Graph Store Protocol)")
    load.add_argument("--timeout", type=float, default=60.0, help="seconds per HTTP request (default: 60)")
    load.add_argument("--nquads", metavar="FILE", help="write the named graphs to an N-Quads file instead of "
                      "loading them (for a big server's own bulk loader)")
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
    query.add_argument("-o", "--output", choices=["table", "csv", "tsv", "json", "turtle"], default="table",
                       help="table (default), csv, tsv, json (SPARQL JSON results), turtle (CONSTRUCT/DESCRIBE)")
    query.add_argument("--width", type=int, default=60, help="table: cut cells to this many columns (0: never)")
    query.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for an endpoint (default: 60)")
    runners["query"] = run_query


def remote_requested(args: argparse.Namespace, *options: str) -> bool:
    return any(getattr(args, option, None) for option in options)


def run_load(args: argparse.Namespace) -> int:
    from kg.store.endpoints import resolve
    from kg.store.load import load_into_endpoint, load_into_store, write_nquads

    remote = remote_requested(args, "endpoint", "update_endpoint", "store_endpoint")
    if sum(bool(x) for x in (remote, args.store, args.nquads)) > 1:
        raise InputError("give only one of --store, --endpoint (or --update-/--store-endpoint), --nquads")
    if args.nquads:
        summary = write_nquads(args.files, args.nquads)
    elif remote:
        endpoints = resolve(args.endpoint, update=args.update_endpoint, store=args.store_endpoint)
        summary = load_into_endpoint(args.files, endpoints, args.via, args.timeout)
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
    from kg.store.output import render
    from kg.store.prefixes import project_prefixes
    from kg.store.query import on_endpoint, on_files, on_store

    text, source = query_text(args)
    chosen = [name for name, on in (("--store", args.store), ("--data", args.data),
                                    ("--endpoint", args.endpoint or args.query_endpoint)) if on]
    if len(chosen) > 1:
        raise InputError(f"give only one of --store, --data, --endpoint (got {', '.join(chosen)})")
    try:
        if args.data:
            answer = on_files(args.data, text)
        elif args.endpoint or args.query_endpoint:
            answer = on_endpoint(resolve(args.endpoint, query=args.query_endpoint).query, text, args.timeout)
        else:
            answer = on_store(args.store, text)
    except QueryError as error:
        if source == "-e" or str(error).startswith(("http://", "https://")):
            raise
        raise QueryError(f"{source}: {error}") from None
    emit(render(answer, args.output, project_prefixes(), args.width))
    return 0


def emit(text: str) -> None:
    """Print, quietly stopping when the reader goes away (`kg query … | head`)."""
    import os
    import sys

    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
