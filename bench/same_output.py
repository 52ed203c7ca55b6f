"""Do two commits build the same graph? Sorted N-Triples of the same documents, compared set by set.

    python bench/same_output.py HEAD~1 HEAD          # two commits of this repository
    python bench/same_output.py main .               # a commit against the working tree

For each side the tree is exported (`git archive`, or the working tree for ".") and a fresh
process with it first on sys.path writes, per document, the sorted N-Triples of what `kg build`
writes for it (kg.build.corpus_triples: document triples and its actors' descriptions). The
documents: tests/articles, the seed, /work/shared/devset, every GSR sentence, tests/corpus_gold, tests/corpus_heldout and
--varied bench articles (bench/corpus.py, taken from the left side so both read the same texts).
Prints one line per set (documents, triples, documents that differ) and exits 1 on any
difference: a speed-up that changes output is not a speed-up. Exit status 0 means identical.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path("/work/shared")


def export(ref: str, into: Path) -> Path:
    """The tree of `ref` (or the working tree for ".") as a folder."""
    if ref == ".":
        return ROOT
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
    with tempfile.TemporaryFile() as handle:
        handle.write(archive)
        handle.seek(0)
        with tarfile.open(fileobj=handle) as tar:
            tar.extractall(into, filter="data")
    return into


def documents(varied: int) -> dict[str, list[dict]]:
    """The documents of each set, as JSON records (id, text, date) so both sides read the same."""
    sets: dict[str, list[dict]] = {}

    def txt(paths) -> list[dict]:
        out = []
        for path in sorted(paths):
            lines = path.read_text(encoding="utf-8").split("\n", 1)
            out.append({"id": path.stem, "title": lines[0], "text": path.read_text(encoding="utf-8"),
                        "date": "2024-01-01"})
        return out

    sets["articles+seed"] = txt(list((ROOT / "tests" / "articles").glob("*.txt")) + list((ROOT / "seeds").glob("*.txt")))
    for name in ("corpus_gold", "corpus_heldout"):
        sets[name] = [{"id": r["id"], "text": r["text"], "title": r.get("title", ""), "date": r.get("date", "2024-01-01")}
                      for r in map(json.loads, (ROOT / "tests" / name / "articles.jsonl").read_text(encoding="utf-8").splitlines())]
    sets["devset"] = txt((SHARED / "devset").glob("*.txt"))
    gsr = []
    for path in sorted((SHARED / "gsr").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            gsr.append({"id": f"{path.stem}-{record['id']}", "text": record["text"], "date": "2008-01-01"})
    sets["gsr"] = gsr
    if varied:
        sys.path.insert(0, str(ROOT / "bench"))
        from corpus import corpus

        sets["varied"] = [{"id": r["id"], "text": r["text"], "date": r.get("date", "2024-01-01")}
                          for r in corpus(varied)]
    return sets


def dump(tree: Path, sets_file: Path, out: Path) -> None:
    """Run the child: sorted N-Triples per document, one JSON line per document (set, id, digest, count)."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(sets_file), str(out)],
                   env=env, cwd=tree, check=True)


def child(sets_file: Path, out: Path) -> None:
    from datetime import date

    from kg.build import BuildSummary, corpus_triples
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.pipeline import extract
    from kg.model import Document

    import kg

    assert Path(kg.__file__).resolve().is_relative_to(Path.cwd().resolve()), kg.__file__
    load_gazetteer()
    sets = json.loads(sets_file.read_text(encoding="utf-8"))
    with out.open("w", encoding="utf-8") as handle:
        for name, records in sets.items():
            for record in records:
                document = Document(record["id"], record["text"], record.get("title", ""),
                                    date.fromisoformat(record["date"]))
                lines: list[str] = []
                for triple in corpus_triples([extract(document)], BuildSummary(), lambda e: None):
                    lines.append(str(triple))
                lines.sort()
                digest = hashlib.sha1("\n".join(lines).encode("utf-8")).hexdigest()
                handle.write(json.dumps({"set": name, "id": record["id"], "digest": digest, "triples": len(lines),
                                         "lines": lines}, ensure_ascii=False) + "\n")


def read(path: Path) -> dict[tuple[str, str], dict]:
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows[(row["set"], row["id"])] = row
    return rows


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]), Path(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("left")
    parser.add_argument("right")
    parser.add_argument("--varied", type=int, default=300, help="bench corpus articles (default: 300)")
    parser.add_argument("--show", type=int, default=3, help="differing documents to show a diff of")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sets_file = work / "sets.json"
        sets_file.write_text(json.dumps(documents(args.varied), ensure_ascii=False), encoding="utf-8")
        outputs = []
        for side, ref in (("left", args.left), ("right", args.right)):
            tree = export(ref, work / side)
            out = work / f"{side}.jsonl"
            dump(tree, sets_file, out)
            outputs.append(read(out))
        left, right = outputs
    different = 0
    shown = 0
    for name in dict.fromkeys(key[0] for key in left):
        keys = [key for key in left if key[0] == name]
        changed = [key for key in keys if left[key]["digest"] != right.get(key, {}).get("digest")]
        different += len(changed)
        print(f"{name:>14}: {len(keys):5} documents, {sum(left[k]['triples'] for k in keys):8} triples left, "
              f"{sum(right[k]['triples'] for k in keys if k in right):8} right, {len(changed)} differ")
        for key in changed[: max(0, args.show - shown)]:
            shown += 1
            a, b = set(left[key]["lines"]), set(right.get(key, {}).get("lines", []))
            print(f"  {key[1]}: -{len(a - b)} +{len(b - a)}")
            for line in sorted(a - b)[:3]:
                print(f"    - {line[:200]}")
            for line in sorted(b - a)[:3]:
                print(f"    + {line[:200]}")
    print("identical" if not different else f"{different} documents differ")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
