"""Extraction time per MB for 1, 2 and 4 MB articles (issue 17.3): linear time shows as a flat
seconds-per-MB column. Articles are the repository's test articles repeated (no real news).

    python bench/extract_scaling.py [--sizes 1 2 4] [--line]   # --line: one sentence-free line
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def article(megabytes: float, one_line: bool) -> str:
    base = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "articles").glob("*.txt")))
    if one_line:
        base = base.replace("\n", " ").replace(".", "،")
    size = int(megabytes * 1_000_000)
    text = base
    while len(text.encode("utf-8")) < size:
        text += "\n" + base
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4])
    parser.add_argument("--line", action="store_true", help="one line, no sentence ends")
    args = parser.parse_args()
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.pipeline import extract
    from kg.model import Document

    gazetteer = load_gazetteer()
    extract(Document("warm", "قال الجيش إن القوات قصفت المدينة."), gazetteer)
    print(f"{'MB':>5} {'seconds':>9} {'s/MB':>7} {'events':>8}")
    for megabytes in args.sizes:
        text = article(megabytes, args.line)
        started = time.perf_counter()
        result = extract(Document("bench", text), gazetteer)
        seconds = time.perf_counter() - started
        print(f"{megabytes:>5g} {seconds:>9.2f} {seconds / megabytes:>7.2f} {len(result.events):>8}")


if __name__ == "__main__":
    main()
