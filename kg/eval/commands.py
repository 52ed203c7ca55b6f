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
        "JSON files (tests/gold format) or devset folders (NN_slug.expect.json beside NN_slug.txt).",
    )
    e.add_argument("gold", nargs="+", help="a folder of gold .json files, or one such file")
    e.add_argument("--json", action="store_true", help="print the results as JSON")
    e.add_argument("--no-errors", action="store_true", help="print the scores only, not the misses")
    runners["eval"] = run_eval


def run_eval(args: argparse.Namespace) -> int:
    import json

    from kg.eval.gold import load_gold_dir
    from kg.eval.report import json_report, text_report
    from kg.eval.run import evaluate

    golds = [gold for path in args.gold for gold in load_gold_dir(path)]
    results = evaluate(golds)
    if args.json:
        print(json.dumps(json_report(results), ensure_ascii=False, indent=2))
    else:
        print(text_report(results, errors=not args.no_errors))
    return 0
