"""The `kg` command line: argument parsing and error reporting only (the work lives elsewhere).

Imports are lazy so `kg --help` answers at once (camel-tools pulls in heavy modules).
"""
from __future__ import annotations

import argparse
import sys
from datetime import date

from kg.errors import InputError, KgError


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Knowledge graphs from Arabic conflict and diplomacy news: actors, events, "
        "who said what, as RDF under the kg conflict ontology.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__import__('kg').__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    b = commands.add_parser(
        "build", help="extract a graph from articles and write Turtle (etc.) and an HTML page",
        description="Read articles (a .txt file whose first line is the headline, a folder of them, or "
        "JSONL with id, text and optional title, date, url, source per line), extract actors, events "
        "and claims, validate the graph against the SHACL shapes and write OUT/graph.ttl (and other "
        "formats) plus OUT/graph.html. A bad JSONL line or file is reported and skipped; the exit "
        "status is then 2.",
    )
    b.add_argument("input", help="a .txt or .jsonl file, or a folder of them")
    b.add_argument("-o", "--out", default="out", help="output folder (default: out)")
    b.add_argument("--date", type=iso_date, help="publication date YYYY-MM-DD for articles that give none "
                   "(resolves '13 أيلول', 'أمس', 'ليلة الاثنين')")
    b.add_argument("--format", action="append", choices=["turtle", "ttl", "nt", "json-ld", "jsonld"],
                   help="RDF format to write; repeat for several (default: turtle)")
    b.add_argument("--no-html", action="store_true", help="do not write graph.html")
    b.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    b.add_argument("--validate-docs", type=positive_int, default=25, metavar="N",
                   help="validate the first N documents against the SHACL shapes (default: 25; pyshacl is slow)")
    b.add_argument("--html-docs", type=positive_int, default=100, metavar="N",
                   help="show the first N documents in graph.html (default: 100)")
    b.add_argument("-j", "--jobs", type=positive_int, default=1, help="worker processes for extraction (default: 1)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    for module in COMMAND_MODULES:
        __import__(module, fromlist=["add_commands"]).add_commands(commands, RUNNERS)

    s = commands.add_parser("stats", help="graph statistics of a built graph (networkx view)",
                            description="Print node and edge counts by class and the most connected actors.")
    s.add_argument("graph", help="an RDF file written by kg build (.ttl, .nt, .jsonld)")
    return parser


def run_build(args: argparse.Namespace) -> int:
    from kg.build import build

    def report(error: InputError) -> None:
        print(f"kg: skipped: {error}", file=sys.stderr)

    summary = build(
        args.input, args.out, published=args.date, formats=tuple(args.format or ["turtle"]),
        html=not args.no_html, validate=not args.no_validate, jobs=args.jobs,
        progress=not args.quiet, on_error=report, validate_limit=args.validate_docs, html_limit=args.html_docs,
    )
    for line in summary.lines():
        print(line)
    for violation in summary.violations[:20]:
        print(f"  SHACL: {violation}")
    return 2 if summary.skipped else 0


def run_stats(args: argparse.Namespace) -> int:
    from kg.export.network import graph_stats, to_networkx
    from kg.store.files import parse_rdf_file

    stats = graph_stats(to_networkx(parse_rdf_file(args.graph)))
    print(f"nodes: {stats['nodes']}\nedges: {stats['edges']}\nweakly connected components: {stats['components']}")
    print("by class:")
    for cls, count in stats["by_class"].items():
        print(f"  {cls or '(untyped)'}: {count}")
    print("most connected:")
    for label, degree in stats["most_connected"]:
        print(f"  {label}: {degree}")
    return 0


COMMANDS = {"build": run_build, "stats": run_stats}
# Modules that add their own subcommands: each defines add_commands(subparsers, runners), which adds
# parsers (cheap: no heavy imports at module level) and registers a runner per command name.
COMMAND_MODULES: tuple[str, ...] = ("kg.store.commands", "kg.eval.commands")
RUNNERS: dict = {}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 1
    try:
        return {**COMMANDS, **RUNNERS}[args.command](args)
    except KgError as error:
        print(f"kg: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except OSError as error:
        print(f"kg: {error.filename or ''}: {error.strerror}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
