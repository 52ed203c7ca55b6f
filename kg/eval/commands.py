"""CLI commands of the evaluation stage: `kg eval GOLD... [--json]`.

Heavy imports stay inside the runner so `kg --help` answers at once.
"""
from __future__ import annotations

import argparse


def add_commands(subparsers, runners) -> None:
    """Add this stage's subcommands to the `kg` parser and register their runners."""
    e = subparsers.add_parser(
        "eval", help="score the extractor against gold annotations (precision, recall, F1)",
        description="Build each annotated article with its gold date and print precision, recall and F1 for "
        "entities (exact span), linked entities (Wikidata QIDs), relations and claims, per article and "
        "micro-averaged, then every miss and false positive with its sentence. Takes folders of gold "
        "JSON files (tests/gold format) or devset folders (NN_slug.expect.json beside NN_slug.txt). A GSR sentence "
        "set (.jsonl with event_type, label, text; or a folder of them, e.g. ../shared/gsr) is detected and "
        "scored per event family: recall on 'yes', false positives on 'easy no' and 'difficult no', F1, and "
        "agent/target span agreement.",
    )
    e.add_argument("gold", nargs="+", help="a folder of gold .json files, or one such file; or GSR .jsonl sets")
    from kg.cli import Deprecated

    e.add_argument("-f", "--format", choices=["text", "json"], default="text", help="text (default) or json")
    e.add_argument("-o", "--out", metavar="FILE", help="write the report to FILE instead of stdout")
    e.add_argument("--json", dest="format", action=Deprecated, nargs=0, const="json", new="-f json",
                   help=argparse.SUPPRESS)
    e.add_argument("--no-errors", action="store_true", help="print the scores only, not the misses")
    runners["eval"] = run_eval


def run_eval(args: argparse.Namespace) -> int:
    import json

    from kg.eval import gsr
    from kg.eval.gold import load_gold_dir
    from kg.eval.report import json_report, text_report
    from kg.eval.run import evaluate

    gsr_paths = {path: gsr.gsr_files(path) for path in args.gold}
    golds = [gold for path in args.gold if not gsr_paths[path] for gold in load_gold_dir(path)]
    gsr_result = gsr.evaluate_gsr([f for files in gsr_paths.values() for f in files]) if any(gsr_paths.values()) else None
    results = evaluate(golds) if golds else []
    if args.format == "json":
        report = json_report(results) if golds else {}
        if gsr_result:
            report["gsr"] = gsr.json_report(gsr_result)
        text = json.dumps(report, ensure_ascii=False, indent=2)
    else:
        parts = [text_report(results, errors=not args.no_errors)] if golds else []
        if gsr_result:
            parts.append(gsr.text_report(gsr_result, errors=not args.no_errors))
        text = "\n\n".join(parts)
    from kg.cli import write_result

    write_result(text, args.out)
    return 0
