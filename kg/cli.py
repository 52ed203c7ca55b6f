"""The `kg` command line: argument parsing and error reporting only (the work lives elsewhere).

Imports are lazy so `kg --help` answers at once (camel-tools pulls in heavy modules).

One vocabulary of flags in every command: `-o/--out` is where results go, `-f/--format` is the
format. Every error is one line `kg: ...` on stderr with a documented exit status (no traceback;
set KG_DEBUG=1 to see one for an unexpected error).
"""
from __future__ import annotations

import argparse
import os
import re
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from kg.errors import InputError, KgError

EXIT_DONE, EXIT_ERROR, EXIT_INPUT = 0, 1, 2  # 2: bad input, some input skipped, or SHACL violations
# The RDF formats `kg build` writes when kg/export/formats.py (the registry) is not there yet.
FALLBACK_FORMATS = ("turtle", "ttl", "nt", "ntriples", "json-ld", "jsonld")
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def iso_date(value: str) -> date:
    from kg.read.sources import check_date

    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None
    try:
        return check_date(parsed, value)
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error).replace(f"{value}: date ", "", 1)) from None


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def cores() -> int:
    """The cores this process may run on (its CPU affinity; a container's share, not the host's)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def html_selection(value: str) -> str:
    """--html-select: checked as the option is read (bad syntax: one line, exit 2); parsed again
    with the other terms by kg.build."""
    from kg.export.html import parse_selection

    try:
        parse_selection(value)
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("--html-select: ")) from None
    return value


def rdf_formats() -> tuple[str, ...]:
    """Format names from the export registry (kg/export/formats.py) when it exists."""
    try:
        from kg.export.formats import names
    except ImportError:
        return FALLBACK_FORMATS
    return names()  # quad formats (nquads, trig) carry the store's named graphs (docs/store.md)


class LazyChoices(Sequence):
    """argparse choices read from a registry on first use (checking a value, printing that command's
    help), so `kg --help` does not import the modules that fill the registry. Give a metavar too:
    argparse would otherwise list the choices while the parser is built."""

    def __init__(self, load: Callable[[], Iterable[str]]) -> None:
        self.load, self.loaded = load, None

    def items(self) -> list[str]:
        if self.loaded is None:
            self.loaded = list(self.load())
        return self.loaded

    def __getitem__(self, index):
        return self.items()[index]

    def __len__(self) -> int:
        return len(self.items())

    def __contains__(self, value: object) -> bool:
        return value in self.items()


class Deprecated(argparse.Action):
    """An old flag spelling: still works for one release, with a warning naming the new one."""

    def __init__(self, option_strings, dest, new: str = "", append: bool = False, **kwargs) -> None:
        self.new, self.append = new, append
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        warn(f"{option_string} is deprecated and will be removed in the next release; use {self.new}")
        if self.nargs == 0:
            values = self.const
        if self.append:
            values = [*(getattr(namespace, self.dest, None) or []), values]
        setattr(namespace, self.dest, values)


def warn(message: str) -> None:
    print(f"kg: warning: {printable(message)}", file=sys.stderr)


def printable(text: str) -> str:
    """A message safe for a terminal: control, bidi-override and lone-surrogate characters escaped."""
    return UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


class Parser(argparse.ArgumentParser):
    """Usage errors as one line too (argparse prints the whole usage block by default)."""

    def error(self, message: str):
        command = self.prog.removeprefix("kg").strip()
        self.exit(EXIT_INPUT, f"kg: {command + ': ' if command else ''}{printable(message)} "
                  f"(see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="kg",
        description="Knowledge graphs from Arabic conflict and diplomacy news: actors, events, "
        "who said what, as RDF under the kg conflict ontology.",
        epilog="exit status: 0 done; 1 other error; 2 bad input, some input skipped or SHACL violations; "
        "3 bad query; 4 store or endpoint error",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__import__('kg').__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    b = commands.add_parser(
        "build", help="extract a graph from articles and write Turtle (etc.) and an HTML page",
        description="Read articles (a .txt file whose first line is the headline, a folder of them, or "
        "JSONL with id, text and optional title, date, url, source per line), extract actors, events "
        "and claims, validate the graph against the SHACL shapes and write OUT/graph.ttl (and other "
        "formats) plus OUT/graph.html. A bad JSONL line or file, a duplicate id, or a document the "
        "extractor fails on is reported and skipped; the exit status is then 2 (also when SHACL finds "
        "violations, unless --allow-violations). The outputs replace the previous build's together.",
    )
    b.add_argument("input", help="a .txt or .jsonl file, or a folder of them")
    b.add_argument("-o", "--out", default="out", help="output folder (default: out)")
    b.add_argument("--date", type=iso_date, help="publication date YYYY-MM-DD for articles that give none "
                   "(resolves '13 أيلول', 'أمس', 'ليلة الاثنين')")
    b.add_argument("-f", "--format", action="append", choices=rdf_formats(),
                   help="RDF format to write; repeat for several (default: turtle)")
    b.add_argument("--no-html", action="store_true", help="do not write graph.html")
    b.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    b.add_argument("--allow-violations", action="store_true",
                   help="exit 0 even when SHACL finds violations (they are still printed)")
    b.add_argument("--validate-docs", type=positive_int, default=None, metavar="N",
                   help="validate only the first N documents against the SHACL shapes (default: every document; "
                   "the shapes run compiled, about a millisecond a document; violations are listed by document)")
    b.add_argument("--html-docs", type=positive_int, default=100, metavar="N",
                   help="draw at most N documents in graph.html: the first N, or the first N that --html-select "
                   "chooses (default: 100)")
    b.add_argument("--html-select", action="append", metavar="SPEC", type=html_selection,
                   help="draw the documents SPEC chooses (e.g. actor=Q123,date=2024-01-01..2024-02-01 or "
                   "ids=a,b). SPEC is KEY=VALUE terms joined by commas; KEY is actor (Wikidata id, gazetteer "
                   "key, English or Arabic name), date (FROM..TO inclusive; either end may be left out; or one "
                   "day) or ids (document ids); a word without '=' is one more value of the key before it. "
                   "Values of one key are alternatives, different keys must all hold; repeat the option to "
                   "add terms. The page says which selection and how many of how many documents it holds "
                   "(docs/explorer.md)")
    b.add_argument("-j", "--jobs", type=positive_int, default=None,
                   help=f"worker processes for extraction (default: the cores this process may use, {cores()} here)")
    b.add_argument("--no-merge", action="store_true", help="keep articles apart: no cross-document merging of "
                   "actors and events, no canonical events or disagreements (docs/corpus.md)")
    b.add_argument("--add-to", metavar="OUT", help="add the input's articles to the earlier build in OUT "
                   "without extracting OUT's articles again: the corpus stage merges them with OUT's (read "
                   "from OUT/corpus-state.jsonl, which every build writes unless --no-merge; an article id "
                   "given again replaces OUT's), and -o gets the new articles' graphs, the corpus stage of "
                   "the union and the union's state. kg load of it replaces the store's whole corpus stage "
                   "(docs/corpus.md)")
    b.add_argument("--base", metavar="IRI", help="base IRI for minted resources (documents, events, actors), "
                   "an absolute http(s) IRI ending in / or # (default: $KG_BASE_IRI, else "
                   "https://w3id.org/kg-arabic-news/resource/); keep KG_BASE_IRI set for kg load and kg query")
    b.add_argument("--provenance", choices=["full", "compact"], default="full",
                   help="full (default): a kg:Mention node for every name found, with its span, rule and "
                   "confidence; compact: no mention nodes (about 40 %% fewer triples), each sentence lists the "
                   "actors and places it names (kg:mentions) and events and claims keep their own document, "
                   "sentence, span, rule and confidence (ontology/README.md)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.add_argument("--dask", metavar="SCHEDULER", help="extract on a Dask distributed cluster (a scheduler "
                   "address tcp://HOST:8786, or 'local' for a LocalCluster of -j workers here) and write "
                   "N-Quads shards OUT/shards/part-NNNNN.nq in the store's layout, each document checked "
                   "against the SHACL shapes on its worker; no corpus stage and no HTML page "
                   "(pip install 'dask[distributed]'; docs/performance.md)")
    b.add_argument("--shard-size", type=positive_int, default=200, metavar="N",
                   help="with --dask: documents per task and per shard file (default: 200)")

    for module in COMMAND_MODULES:
        __import__(module, fromlist=["add_commands"]).add_commands(commands, RUNNERS)

    s = commands.add_parser("stats", help="graph statistics of a built graph (networkx view)",
                            description="Print node and edge counts by class and the most connected actors.")
    s.add_argument("graph", help="an RDF file written by kg build (.ttl, .nt, .jsonld)")
    s.add_argument("-o", "--out", metavar="FILE", help="write the statistics to FILE instead of stdout")
    s.add_argument("-f", "--format", choices=["text", "json"], default="text", help="text (default) or json")
    return parser


def base_option(argv: list[str]) -> str | None:
    """`--base IRI`, read before the parser is built: the graph modules mint every IRI (in this
    process and in the workers) from $KG_BASE_IRI, which must be set before they load."""
    for index, word in enumerate(argv):
        if word == "--base" and index + 1 < len(argv):
            return argv[index + 1]
        if word.startswith("--base="):
            return word.split("=", 1)[1]
    return None


def report_skipped(error: InputError) -> None:
    print(f"kg: skipped: {printable(str(error))}", file=sys.stderr)


def finish_build(summary, args: argparse.Namespace) -> int:
    """Print a build's summary and its first SHACL violations; exit 2 when input was skipped or
    (unless --allow-violations) the shapes found violations. Both build paths end here."""
    for line in summary.lines():
        print(printable(line))
    for violation in summary.violations[:20]:
        print(f"  SHACL: {printable(violation)}")
    if not summary.complete:
        return EXIT_INPUT
    return EXIT_INPUT if summary.violations and not args.allow_violations else EXIT_DONE


def run_distributed(args: argparse.Namespace) -> int:
    from kg.distributed import build_distributed

    summary = build_distributed(args.input, args.out, scheduler=args.dask, workers=args.jobs or cores(),
                                shard_size=args.shard_size, published=args.date, validate=not args.no_validate,
                                on_error=report_skipped)
    return finish_build(summary, args)


def run_build(args: argparse.Namespace) -> int:
    from kg.build import build

    if args.dask:
        if args.add_to:
            raise InputError("--add-to needs the corpus stage, which --dask does not run")
        if args.provenance != "full":
            raise InputError("--provenance compact is not available with --dask yet")
        return run_distributed(args)

    def failed(failure) -> None:
        print(f"kg: skipped: {printable(failure.line())}", file=sys.stderr)

    summary = build(
        args.input, args.out, published=args.date, formats=tuple(args.format or ["turtle"]),
        html=not args.no_html, validate=not args.no_validate, jobs=args.jobs or cores(),
        progress=not args.quiet, on_error=report_skipped, validate_limit=args.validate_docs, html_limit=args.html_docs,
        on_failure=failed, merge=not args.no_merge, html_select=args.html_select, add_to=args.add_to,
        provenance=args.provenance,
    )
    return finish_build(summary, args)


def run_stats(args: argparse.Namespace) -> int:
    import json

    from kg.export.network import graph_stats, to_networkx
    from kg.store.files import parse_rdf_file

    stats = graph_stats(to_networkx(parse_rdf_file(args.graph)))
    if args.format == "json":
        text = json.dumps(stats, ensure_ascii=False, indent=2, default=str)
    else:
        lines = [f"nodes: {stats['nodes']}", f"edges: {stats['edges']}",
                 f"weakly connected components: {stats['components']}", "by class:"]
        lines += [f"  {cls or '(untyped)'}: {count}" for cls, count in stats["by_class"].items()]
        lines.append("most connected:")
        lines += [f"  {label}: {degree}" for label, degree in stats["most_connected"]]
        text = "\n".join(lines)
    write_result(text, args.out)
    return EXIT_DONE


def write_result(text: str, out: str | None) -> None:
    """Print a command's result, or write it to the -o/--out file (atomically)."""
    with results_to(out):
        print(text)


@contextmanager
def results_to(out: str | None) -> Iterator[None]:
    """What the block prints goes to the -o/--out file instead of stdout: written under a hidden
    temporary name and renamed over FILE only when the block succeeds (errors name FILE)."""
    if not out:
        yield
        return
    target = Path(out)
    if target.is_dir():
        raise InputError(f"{target}: is a folder; -o/--out takes a file name here")
    temp = target.parent / f".{target.name}.{os.getpid()}.tmp"
    saved = sys.stdout
    try:
        with open(temp, "w", encoding="utf-8") as handle:
            sys.stdout = handle
            try:
                yield
            finally:
                sys.stdout = saved
        os.replace(temp, target)
    except OSError as error:
        raise KgError(f"{target}: cannot write ({error.strerror or error})") from None
    finally:
        temp.unlink(missing_ok=True)
    print(f"wrote {target}", file=sys.stderr)


def format_given_as_out(args: argparse.Namespace, formats: Iterable[str], dest: str = "format") -> None:
    """The old `kg query -o csv` (-o was the format): a bare format name given to -o/--out is taken
    as the format, with a warning, for one release. (-o ./csv writes a file named csv.)"""
    if args.out and args.out in set(formats):
        warn(f"-o {args.out} as a format is deprecated and will be removed in the next release; "
             f"use -f {args.out} (-o/--out is now the file the results go to)")
        setattr(args, dest, args.out)
        args.out = None


COMMANDS = {"build": run_build, "stats": run_stats}
# Modules that add their own subcommands: each defines add_commands(subparsers, runners), which adds
# parsers (cheap: no heavy imports at module level) and registers a runner per command name.
COMMAND_MODULES: tuple[str, ...] = ("kg.store.commands", "kg.eval.commands")
RUNNERS: dict = {}


def terminate(signum, frame) -> None:
    """SIGTERM ends like Ctrl-C: finally blocks run, so temporary outputs are removed."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    base = base_option(argv)
    if base is not None:
        os.environ["KG_BASE_IRI"] = base
    try:
        parser = build_parser()  # loads the graph modules, which check $KG_BASE_IRI
    except KgError as error:
        print(f"kg: {printable(str(error))}", file=sys.stderr)
        return error.exit_code
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_ERROR
    signal.signal(signal.SIGTERM, terminate)
    try:
        return {**COMMANDS, **RUNNERS}[args.command](args)
    except KgError as error:
        print(f"kg: {printable(str(error))}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `kg stats … | head`: the reader went away, nothing to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_DONE
    except OSError as error:
        where = error.filename or "input/output"
        print(f"kg: {printable(str(where))}: {error.strerror or error}", file=sys.stderr)
        return EXIT_ERROR
    except RecursionError:
        print("kg: input nested too deeply", file=sys.stderr)
        return EXIT_INPUT
    except Exception as error:  # noqa: BLE001 - the promise: one line, never a traceback
        if os.environ.get("KG_DEBUG"):
            raise
        from kg.build import one_line

        print(f"kg: internal error: {printable(one_line(error))} (KG_DEBUG=1 shows the traceback)",
              file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
