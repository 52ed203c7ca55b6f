"""A precision check a person does: every extracted event and claim beside its sentence, then the score.

Why by hand: on real news there is no gold, and precision ("is what we extracted right?") can
only be judged by reading the sentence. This script makes that reading fast and the counting exact.

    python bench/judge.py list ARTICLES [--dates index.tsv] [-o judge.tsv] [--format tsv|md]
                               [--sample-events N --sample-claims N --seed S | --same-sentences OLD.tsv]
                               [--carry OLD.tsv ...] [--unjudged]
    python bench/judge.py score judge.tsv [--json]

ARTICLES is a folder of .txt / .jsonl articles (or one file), read as `kg build` reads them.
`--dates` is a TSV with `file` and `date` columns (the publication date each article is built with).

The TSV has one row per event or claim. A person fills in:
  verdict      events: right (every role right) | partly (the event is there, a role is wrong or
               missing) | wrong (no such event in the sentence);  claims: right | wrong
  agent_ok, target_ok, type_ok, modality_ok   y | n | empty (not applicable); claims: speaker_ok, quote_ok
  error        kinds of error, separated by ';' (free tags, counted by `score`)
  missed       facts of the sentence the extractor did not get, separated by ';' (recall notes)
`--carry OLD.tsv` copies the judgement of the same fact (same article and sentence, type, modality, count
and roles by their Arabic names - not their keys, which change cosmetically; or same speaker name and quote)
from an earlier judged file, so a re-run judges only what changed. `--same-sentences OLD.tsv` lists, instead of
a new random sample, what is extracted now from the sentences of an earlier sample (a paired before/after;
`--before ALL.tsv`, the full listing it was drawn from, leaves out the facts of those sentences not sampled then).
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

COLUMNS = ("item", "doc", "kind", "sentence", "type", "modality", "agents", "targets", "place", "count",
           "trigger", "rule", "confidence", "speaker", "quote", "verdict", "agent_ok", "target_ok", "type_ok",
           "modality_ok", "speaker_ok", "quote_ok", "error", "missed", "note", "text")
JUDGED = ("verdict", "agent_ok", "target_ok", "type_ok", "modality_ok", "speaker_ok", "quote_ok", "error",
          "missed", "note")
EVENT_VERDICTS = {"r": "right", "right": "right", "p": "partly", "partly": "partly", "w": "wrong", "wrong": "wrong"}
CLAIM_VERDICTS = {"r": "right", "right": "right", "w": "wrong", "wrong": "wrong"}
ROLE_COLUMNS = {"event": ("agent_ok", "target_ok", "type_ok", "modality_ok"), "claim": ("speaker_ok", "quote_ok")}
QUOTE_CHARS = 160


def clean(value: object) -> str:
    """One TSV cell: no tabs or line breaks inside."""
    return " ".join(str(value).split()) if value is not None else ""


def actor(extraction, key: str) -> str:
    """An entity key with its Arabic name, so the judge sees which actor was meant."""
    entity = extraction.entities.get(key)
    name = entity.name_ar if entity and entity.name_ar else ""
    return f"{key} ({name})" if name and name != key else key


def read_dates(path: str | None) -> dict[str, date]:
    if not path:
        return {}
    dates: dict[str, date] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            try:
                dates[Path(row["file"]).stem] = date.fromisoformat(row["date"][:10])
            except (KeyError, ValueError, TypeError):
                continue
    return dates


def documents(path: str, dates: dict[str, date]):
    """Each document with its own date when the dates file has one."""
    from dataclasses import replace

    from kg.read import read_documents

    for document in read_documents(path):
        day = dates.get(document.id) or dates.get(Path(document.origin.split(":")[0]).stem)
        yield replace(document, date=day) if day and not document.date else document


def event_row(extraction, event) -> dict:
    sentence = extraction.sentences[event.sentence]
    return {"item": f"{extraction.document.id}:E:{event.id}", "doc": extraction.document.id, "kind": "event",
            "sentence": event.sentence, "type": event.type, "modality": event.modality,
            "agents": "; ".join(actor(extraction, a) for a in event.agents),
            "targets": "; ".join(actor(extraction, t) for t in event.targets),
            "place": actor(extraction, event.location) if event.location else "",
            "count": "" if event.count is None else f"{event.count} {event.casualty_type}".strip(),
            "trigger": event.trigger, "rule": event.rule, "confidence": f"{event.confidence:.2f}",
            "text": sentence.text}


def claim_row(extraction, claim) -> dict:
    sentence = extraction.sentences[claim.sentence]
    quote = claim.quote if len(claim.quote) <= QUOTE_CHARS else claim.quote[:QUOTE_CHARS] + "…"
    return {"item": f"{extraction.document.id}:C:{claim.id}", "doc": extraction.document.id, "kind": "claim",
            "sentence": claim.sentence, "speaker": actor(extraction, claim.speaker) if claim.speaker else "",
            "quote": quote, "rule": claim.rule, "confidence": f"{claim.confidence:.2f}", "text": sentence.text}


def rows_of(path: str, dates: dict[str, date]) -> list[dict]:
    from kg.extract.pipeline import extract

    rows: list[dict] = []
    for document in documents(path, dates):
        extraction = extract(document)
        rows.extend(event_row(extraction, e) for e in extraction.events)
        rows.extend(claim_row(extraction, c) for c in extraction.claims)
    return [{c: clean(r.get(c, "")) for c in COLUMNS} for r in rows]


def sample(rows: list[dict], events: int | None, claims: int | None, seed: int) -> list[dict]:
    """A random sample of each kind (all of a kind when its size is not given), in document order."""
    chooser = random.Random(seed)
    keep: set[str] = set()
    for kind, size in (("event", events), ("claim", claims)):
        items = [r["item"] for r in rows if r["kind"] == kind]
        keep.update(items if size is None or size >= len(items) else chooser.sample(items, size))
    return [r for r in rows if r["item"] in keep]


def same_sentences(rows: list[dict], old_path: str, before_path: str | None = None) -> tuple[list[dict], int]:
    """The rows of the sentences an earlier sample judged, and how many of its facts are gone.

    A random sample of a changed listing is another sample (one event more anywhere reshuffles it), so a
    before/after comparison re-lists the same sentences instead: every fact now extracted from a sentence
    the old sample had a row of, of the same kind; the old facts with no row now were dropped by the code.
    With the full listing the old sample was drawn from (`before`), a fact of those sentences that was
    extracted then but not sampled stays out: what is left is the old sample as it is now plus what the
    code added since."""
    old = read_tsv(old_path)
    where = {(r["doc"], r["kind"], r["text"] or r["sentence"]) for r in old}
    kept = [r for r in rows if (r["doc"], r["kind"], r["text"] or r["sentence"]) in where]
    if before_path:
        sampled = {identity(r) for r in old}
        unsampled = {identity(r) for r in read_tsv(before_path)} - sampled
        kept = [r for r in kept if identity(r) not in unsampled]
    now = {identity(r) for r in kept}
    return kept, sum(1 for r in old if identity(r) not in now)


def label(actor_cell: str) -> str:
    """The Arabic name of one listed actor ("Key (name)" -> name; a bare key stays as it is).

    Keys are IRI-like and change cosmetically between runs (Source_388c2f25 -> Source_388c2f25_Eskry)
    while the actor the judge saw - its Arabic name - is the same."""
    cell = actor_cell.strip()
    if cell.endswith(")") and " (" in cell:
        return cell[cell.index(" (") + 2:-1].strip()
    return cell


def labels(cell: str) -> tuple[str, ...]:
    """The actors of a role column by name, in a fixed order (the order of roles is no part of the fact)."""
    return tuple(sorted(label(part) for part in cell.split("; ") if part.strip()))


def identity(row: dict) -> tuple:
    """What makes two rows the same fact for carrying a verdict over: article, sentence, type, modality and
    the roles by their Arabic names (ids, keys and triggers may change between runs)."""
    sentence = row["text"] or row["sentence"]
    if row["kind"] == "claim":
        return (row["doc"], "claim", sentence, labels(row["speaker"]), row["quote"])
    return (row["doc"], "event", sentence, row["type"], row["modality"], labels(row["agents"]),
            labels(row["targets"]), labels(row["place"]), row["count"])


def read_tsv(path: str) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [{c: (r.get(c) or "") for c in COLUMNS} for r in csv.DictReader(handle, delimiter="\t")]


def carry(rows: list[dict], old_path: str) -> int:
    old = {identity(r): r for r in read_tsv(old_path) if r["verdict"]}
    carried = 0
    for row in rows:
        judged = old.get(identity(row))
        if judged and not row["verdict"]:
            row.update({c: judged[c] for c in JUDGED})
            carried += 1
    return carried


def write_tsv(rows: list[dict], out) -> None:
    writer = csv.DictWriter(out, COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    writer.writerows(rows)


def write_markdown(rows: list[dict], out) -> None:
    """Per article, per sentence: the sentence, then what was extracted from it, with a verdict box."""
    doc, sentence = None, None
    for row in rows:
        if row["doc"] != doc:
            doc, sentence = row["doc"], None
            out.write(f"\n## {doc}\n")
        if row["sentence"] != sentence:
            sentence = row["sentence"]
            out.write(f"\n> [{sentence}] {row['text']}\n\n")
        if row["kind"] == "event":
            roles = f"agents: {row['agents'] or '-'}; targets: {row['targets'] or '-'}"
            extra = "".join(f"; {k}: {row[k]}" for k in ("place", "count") if row[k])
            out.write(f"- [{row['verdict'] or ' '}] **{row['type']}** ({row['modality']}) {roles}{extra}; "
                      f"trigger «{row['trigger']}», {row['rule']}, {row['confidence']} `{row['item']}`\n")
        else:
            out.write(f"- [{row['verdict'] or ' '}] **claim** {row['speaker'] or '-'}: «{row['quote']}» "
                      f"({row['rule']}, {row['confidence']}) `{row['item']}`\n")


@dataclass
class Tally:
    judged: int = 0
    right: int = 0
    partly: int = 0
    wrong: int = 0

    def add(self, verdict: str) -> None:
        self.judged += 1
        setattr(self, verdict, getattr(self, verdict) + 1)

    def summary(self) -> dict:
        n = self.judged or 1
        return {"judged": self.judged, "right": self.right, "partly": self.partly, "wrong": self.wrong,
                "precision": round(self.right / n, 3), "at_least_partly": round((self.right + self.partly) / n, 3)}


def score(rows: list[dict]) -> dict:
    """Precision from a judged file: all roles right, at least partly right, per role, per type, error kinds."""
    result: dict = {}
    problems: list[str] = []
    for kind, verdicts in (("event", EVENT_VERDICTS), ("claim", CLAIM_VERDICTS)):
        tally, by_type, roles, errors, missed = Tally(), {}, {}, Counter(), Counter()
        for row in rows:
            if row["kind"] != kind or not row["verdict"].strip():
                continue
            verdict = verdicts.get(row["verdict"].strip().lower())
            if verdict is None:
                problems.append(f"{row['item']}: verdict {row['verdict']!r} is not one of {sorted(set(verdicts.values()))}")
                continue
            tally.add(verdict)
            if kind == "event":
                by_type.setdefault(row["type"], Tally()).add(verdict)
            for column in ROLE_COLUMNS[kind]:
                mark = row[column].strip().lower()
                if mark in ("y", "n"):
                    ok, total = roles.get(column, (0, 0))
                    roles[column] = (ok + (mark == "y"), total + 1)
            errors.update(e.strip() for e in row["error"].split(";") if e.strip())
            missed.update(m.strip().split(":")[0] for m in row["missed"].split(";") if m.strip())
        result[kind + "s"] = {
            **tally.summary(),
            "roles": {c: {"right": ok, "judged": total, "precision": round(ok / total, 3)}
                      for c, (ok, total) in roles.items()},
            "by_type": {t: s.summary() for t, s in sorted(by_type.items())},
            "errors": dict(errors.most_common()),
            "missed": dict(missed.most_common()),
        }
        result[kind + "s"]["unjudged"] = sum(1 for r in rows if r["kind"] == kind and not r["verdict"].strip())
    result["problems"] = problems
    return result


def text_score(result: dict) -> str:
    lines = []
    for kind in ("events", "claims"):
        s = result[kind]
        lines.append(f"{kind}: {s['judged']} judged ({s['unjudged']} not): right {s['right']}, "
                     + (f"partly {s['partly']}, " if kind == "events" else "")
                     + f"wrong {s['wrong']}; precision (all roles right) {s['precision']:.2f}"
                     + (f", at least partly right {s['at_least_partly']:.2f}" if kind == "events" else ""))
        for column, r in s["roles"].items():
            lines.append(f"  {column:<12} {r['right']}/{r['judged']} = {r['precision']:.2f}")
        if kind == "events":
            for name, t in s["by_type"].items():
                lines.append(f"  {name:<22} {t['right']}/{t['judged']} right, {t['partly']} partly, {t['wrong']} wrong")
        for error, count in s["errors"].items():
            lines.append(f"  error {error}: {count}")
        for miss, count in s["missed"].items():
            lines.append(f"  missed {miss}: {count}")
    lines.extend(f"problem: {p}" for p in result["problems"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    lister = commands.add_parser("list", help="build the articles and list every event and claim for judging")
    lister.add_argument("articles")
    lister.add_argument("--dates", help="TSV with file and date columns")
    lister.add_argument("-o", "--output", help="write here (default: standard output)")
    lister.add_argument("--format", choices=("tsv", "md"), default="tsv")
    lister.add_argument("--sample-events", type=int)
    lister.add_argument("--sample-claims", type=int)
    lister.add_argument("--seed", type=int, default=1)
    lister.add_argument("--carry", action="append", default=[],
                        help="an earlier judged TSV: copy verdicts of identical rows (repeatable)")
    lister.add_argument("--same-sentences", metavar="OLD.tsv",
                        help="list what is extracted now from the sentences of an earlier sample (before/after)")
    lister.add_argument("--before", metavar="ALL.tsv",
                        help="with --same-sentences: the full listing the old sample was drawn from")
    lister.add_argument("--unjudged", action="store_true", help="write only the rows still without a verdict")
    scorer = commands.add_parser("score", help="precision from a judged TSV")
    scorer.add_argument("judged")
    scorer.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from kg.errors import InputError

    try:
        if args.command == "score":
            result = score(read_tsv(args.judged))
            print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else text_score(result))
            return 0
        rows = rows_of(args.articles, read_dates(args.dates))
        if args.same_sentences:
            rows, gone = same_sentences(rows, args.same_sentences, args.before)
            print(f"{gone} facts of {args.same_sentences} are no longer extracted", file=sys.stderr)
        else:
            rows = sample(rows, args.sample_events, args.sample_claims, args.seed)
        for old in args.carry:
            print(f"carried {carry(rows, old)} verdicts from {old}", file=sys.stderr)
        if args.unjudged:
            rows = [r for r in rows if not r["verdict"]]
        write = write_tsv if args.format == "tsv" else write_markdown
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as handle:
                write(rows, handle)
        else:
            write(rows, sys.stdout)
        events = sum(r["kind"] == "event" for r in rows)
        print(f"{events} events, {len(rows) - events} claims", file=sys.stderr)
        return 0
    except (InputError, OSError) as exc:
        print(f"judge: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
