"""Event detection against GSR sentence sets (`../shared/gsr/*.jsonl`), per event family.

Why: sentences annotated by several people for one PLOVER event type (ASSAULT, PROTEST) say
whether the extractor finds that kind of event where people did ("yes") and stays quiet where
all of them rejected it ("easy no") or most did ("difficult no"). Which kg classes count for a
family comes from the ontology (PLOVER SKOS matches, inherited by subclasses) and a small data
table (`kg/data/eval/gsr_families.tsv`), not from code.

A record (one JSON object a line)::

    {"id": "…", "event_type": "ASSAULT", "label": "yes" | "easy no" | "difficult no" | "ambiguous",
     "accept": 3, "reject": 0, "text": "…",
     "spans": [{"source_actor": ["…"], "verb": ["…"], "target_actor": ["…"], …}]}   # optional

A sentence is *detected* for its family when the extractor gives it an asserted or reported event
of one of the family's classes. Recall is over "yes"; the false-positive rate over "easy no" and
"difficult no" apart; precision and F1 count detections on both kinds of "no" as false positives;
"ambiguous" is reported, not scored. Span agreement: among detected sentences whose annotators
marked a source (target) actor, the share where the words of one of the event's agent (target)
mentions overlap the words some annotator marked.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError

LABELS = ("yes", "easy no", "difficult no", "ambiguous")
DETECTING_MODALITIES = frozenset({"Asserted", "Reported"})
MATCH_PREDICATES = ("exactMatch", "closeMatch", "broadMatch", "narrowMatch")
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
FAMILIES_FILE = "eval/gsr_families.tsv"
MAX_LINE = 1_000_000  # characters: a GSR record is one sentence
SNIPPET = 90
FAILURES_SHOWN = 20  # in the text report; --json lists them all


@dataclass(frozen=True)
class GsrRecord:
    id: str
    family: str
    label: str
    text: str
    source: str  # "file:line", for messages
    spans: tuple[dict, ...] = ()


@dataclass
class SpanScore:
    agreed: int = 0
    judged: int = 0

    @property
    def rate(self) -> float | None:
        return self.agreed / self.judged if self.judged else None


@dataclass
class FamilyResult:
    family: str
    classes: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    detected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    agent: SpanScore = field(default_factory=SpanScore)
    target: SpanScore = field(default_factory=SpanScore)
    misses: list[str] = field(default_factory=list)  # "yes" sentences not detected
    false_positives: list[str] = field(default_factory=list)  # detections on "easy no"
    by_class: dict[str, dict[str, int]] = field(default_factory=dict)  # class -> label -> sentences detected

    def rate(self, label: str) -> float | None:
        return self.detected[label] / self.counts[label] if self.counts[label] else None

    @property
    def precision(self) -> float | None:
        found = self.detected["yes"] + self.detected["easy no"] + self.detected["difficult no"]
        return self.detected["yes"] / found if found else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.rate("yes")
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class GsrResult:
    files: list[str]
    families: dict[str, FamilyResult]
    failures: list[str] = field(default_factory=list)  # sentences the extractor failed on


# -- reading ------------------------------------------------------------------------------------

def first_record(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    return json.loads(line[:MAX_LINE])
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    return None


def is_gsr_file(path: Path) -> bool:
    """A .jsonl file whose first record has the GSR fields."""
    record = first_record(path) if path.suffix.lower() == ".jsonl" and path.is_file() else None
    return isinstance(record, dict) and {"event_type", "label", "text"} <= set(record)


def gsr_files(path: str | Path) -> list[Path]:
    """The GSR files at `path` (one file, or a folder holding them), or [] when it is not GSR."""
    path = Path(path)
    if path.is_dir():
        return [p for p in sorted(path.glob("*.jsonl")) if is_gsr_file(p)]
    return [path] if is_gsr_file(path) else []


def checked_spans(value: object, where: str) -> tuple[dict, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(s, dict) for s in value):
        raise InputError(f"{where}: 'spans' must be a list of objects")
    for span in value:
        for key in ("source_actor", "target_actor", "verb"):
            words = span.get(key, [])
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise InputError(f"{where}: 'spans' field '{key}' must be a list of words")
    return tuple(value)


def parse_record(line: str, where: str) -> GsrRecord:
    if len(line) > MAX_LINE:
        raise InputError(f"{where}: record longer than {MAX_LINE} characters")
    try:
        data = json.loads(line)
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply") from None
    except ValueError as exc:
        raise InputError(f"{where}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise InputError(f"{where}: expected a JSON object")
    for key in ("event_type", "label", "text"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise InputError(f"{where}: field '{key}' must be a non-empty string")
    if data["label"] not in LABELS:
        raise InputError(f"{where}: field 'label' is {data['label']!r}, not one of {', '.join(LABELS)}")
    record_id = data.get("id", where)
    if not isinstance(record_id, (str, int)) or isinstance(record_id, bool):
        raise InputError(f"{where}: field 'id' must be a string")
    return GsrRecord(str(record_id), data["event_type"].strip().upper(), data["label"], data["text"], where,
                     checked_spans(data.get("spans"), where))


def load_gsr(path: str | Path) -> list[GsrRecord]:
    """Every record of one GSR file, checked: a problem is an InputError naming file, line and field."""
    path = Path(path)
    records = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    records.append(parse_record(line, f"{path}:{number}"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    if not records:
        raise InputError(f"{path}: no GSR records")
    return records


# -- families from the ontology -------------------------------------------------------------------

def local_name(iri: str) -> str:
    return iri.rstrip("/#").replace("#", "/").rsplit("/", 1)[-1]


def plover_family(iri: str, families: dict[str, str]) -> str | None:
    """The family a PLOVER concept IRI belongs to (ASSAULT for plover:ASSAULT_aerial; a concept the
    table does not list is its own family, so a class matched to it leaves its parents' family)."""
    if "plover" not in iri.lower():
        return None
    concept = local_name(iri).split("_")[0].upper()
    return families.get(concept, concept)


def family_table() -> tuple[dict[str, str], dict[str, set[str]]]:
    """(PLOVER concept -> family, root class -> families) from the data table."""
    from kg.data import alternatives, data_files, read_tsv_path

    by_concept: dict[str, str] = {}
    roots: dict[str, set[str]] = {}
    for path in data_files(FAMILIES_FILE):
        for row in read_tsv_path(path):
            family = row.get("family", "").strip().upper()
            if not family:
                continue
            for concept in alternatives(row.get("plover", "")) or [family]:
                by_concept[concept.upper()] = family
            for cls in alternatives(row.get("classes", "")):
                roots.setdefault(cls, set()).add(family)
    return by_concept, roots


def classes_by_family(graph, by_concept: dict[str, str], roots: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    """Family -> kg class local names: a class's own PLOVER matches (or table roots) decide; a class
    without them takes its parents' families, so subclasses inherit unless they say otherwise."""
    from kg.graph.namespace import KG

    kg = str(KG)
    own: dict[str, set[str]] = {}
    parents: dict[str, set[str]] = {}
    for s, p, o in graph:
        s, p, o = str(s), str(p), str(o)
        if not s.startswith(kg):
            continue
        name = s[len(kg):]
        if p == RDFS_SUBCLASS and o.startswith(kg):
            parents.setdefault(name, set()).add(o[len(kg):])
        elif p.startswith(SKOS) and p[len(SKOS):] in MATCH_PREDICATES:
            family = plover_family(o, by_concept)
            if family:
                own.setdefault(name, set()).add(family)
    for cls, families in roots.items():
        own.setdefault(cls, set()).update(families)

    memo: dict[str, frozenset] = {}

    def families_of(cls: str, path: frozenset) -> frozenset:
        if cls in own:
            return frozenset(own[cls])
        if cls not in memo:
            found: set[str] = set()
            for parent in parents.get(cls, ()):
                if parent not in path:  # a cycle in rdfs:subClassOf adds nothing
                    found |= families_of(parent, path | {cls})
            memo[cls] = frozenset(found)
        return memo[cls]

    result: dict[str, set[str]] = {f: set() for f in set(by_concept.values())}
    for cls in set(parents) | set(own):
        for family in families_of(cls, frozenset()) & result.keys():
            result[family].add(cls)
    return {f: tuple(sorted(c)) for f, c in result.items()}


@lru_cache(maxsize=1)
def family_classes() -> dict[str, tuple[str, ...]]:
    """Family -> kg event classes, from the ontology and `kg/data/eval/gsr_families.tsv`."""
    from kg.graph.ontology import ontology

    return classes_by_family(ontology(), *family_table())


# -- scoring --------------------------------------------------------------------------------------

def word_spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Character spans of each annotated word where it stands in the sentence (every occurrence)."""
    from kg.eval.spans import fold

    folded = fold(text)
    spans = []
    for word in words:
        key = fold(word.strip()).text
        if not key:
            continue
        at = folded.text.find(key)
        while at >= 0:
            spans.append((folded.index[at], folded.index[at + len(key) - 1] + 1))
            at = folded.text.find(key, at + 1)
    return spans


def overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


def role_spans(extraction, events, role: str) -> list[tuple[int, int]]:
    keys = {k for e in events for k in getattr(e, role)}
    sentences = {e.sentence for e in events}
    return [(m.start, m.end) for m in extraction.mentions if m.entity in keys and m.sentence in sentences]


def score_spans(result: FamilyResult, record: GsrRecord, extraction, events) -> None:
    for score, role, key in ((result.agent, "agents", "source_actor"), (result.target, "targets", "target_actor")):
        gold = [word_spans(record.text, span.get(key, [])) for span in record.spans]
        gold = [g for g in gold if g]
        if not gold:
            continue
        score.judged += 1
        predicted = role_spans(extraction, events, role)
        score.agreed += any(overlaps(predicted, g) for g in gold)


def describe(record: GsrRecord, events) -> str:
    text = " ".join(record.text.split())
    text = text if len(text) <= SNIPPET else text[:SNIPPET] + "…"
    found = ", ".join(f"{e.type} «{e.trigger}»" for e in events)
    return f"{record.id}: {text}" + (f" | {found}" if found else "")


def evaluate_gsr(paths: list[Path]) -> GsrResult:
    from kg.extract.pipeline import extract
    from kg.model import Document

    classes = family_classes()
    result = GsrResult([str(p) for p in paths], {})
    for path in paths:
        for record in load_gsr(path):
            family = result.families.setdefault(
                record.family, FamilyResult(record.family, classes.get(record.family, ())))
            family.counts[record.label] += 1
            try:
                extraction = extract(Document(id=record.id.replace("/", "_") or "gsr", text=record.text))
            except Exception as exc:  # noqa: BLE001 - one bad sentence must not stop the evaluation
                result.failures.append(f"{record.source} ({record.id}): {type(exc).__name__}: {exc}"[:300])
                continue
            events = [e for e in extraction.events
                      if e.type in family.classes and e.modality in DETECTING_MODALITIES]
            if events:
                family.detected[record.label] += 1
                for name in {e.type for e in events}:
                    counts = family.by_class.setdefault(name, dict.fromkeys(LABELS, 0))
                    counts[record.label] += 1
                if record.spans:
                    score_spans(family, record, extraction, events)
            if record.label == "yes" and not events:
                family.misses.append(describe(record, events))
            elif record.label == "easy no" and events:
                family.false_positives.append(describe(record, events))
    return result


# -- reporting ------------------------------------------------------------------------------------

def cell(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def fraction(family: FamilyResult, label: str) -> str:
    return f"{cell(family.rate(label))} ({family.detected[label]}/{family.counts[label]})"


def span_text(score: SpanScore) -> str:
    return f"{cell(score.rate)} ({score.agreed}/{score.judged})"


def text_report(result: GsrResult, errors: bool = True) -> str:
    lines = [f"GSR: {', '.join(result.files)}"]
    for name, f in sorted(result.families.items()):
        shown = ", ".join(f.classes[:8]) + (f", … ({len(f.classes)} classes)" if len(f.classes) > 8 else "")
        lines.append(f"{name} [{shown or 'no kg class for this family'}]")
        lines.append(f"  recall on yes            {fraction(f, 'yes')}")
        lines.append(f"  false positives easy no  {fraction(f, 'easy no')}")
        lines.append(f"  false positives diff. no {fraction(f, 'difficult no')}")
        lines.append(f"  detected on ambiguous    {fraction(f, 'ambiguous')}")
        lines.append(f"  precision {cell(f.precision)}  recall {cell(f.rate('yes'))}  F1 {cell(f.f1)}")
        lines.append(f"  span agreement: agent {span_text(f.agent)}, target {span_text(f.target)}")
        ranked = sorted(f.by_class.items(), key=lambda kv: (-kv[1]["yes"] - kv[1]["easy no"], kv[0]))
        if ranked:
            lines.append("  by class (yes / easy no / difficult no): " + ", ".join(
                f"{name} {c['yes']}/{c['easy no']}/{c['difficult no']}" for name, c in ranked))
    if result.failures:
        lines.append(f"extractor failed on {len(result.failures)} sentences:")
        lines.extend(f"  {failure}" for failure in result.failures[:FAILURES_SHOWN])
    if errors:
        for name, f in sorted(result.families.items()):
            if f.misses:
                lines.append(f"\n{name}: missed 'yes' sentences")
                lines.extend(f"  miss: {m}" for m in f.misses)
            if f.false_positives:
                lines.append(f"\n{name}: detections on 'easy no' sentences")
                lines.extend(f"  false positive: {m}" for m in f.false_positives)
    return "\n".join(lines)


def rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def json_report(result: GsrResult) -> dict:
    return {
        "files": result.files,
        "failures": result.failures,
        "families": {
            name: {"classes": list(f.classes), "sentences": f.counts, "detected": f.detected,
                   "recall": rounded(f.rate("yes")), "fp_easy_no": rounded(f.rate("easy no")),
                   "fp_difficult_no": rounded(f.rate("difficult no")), "ambiguous_detected": rounded(f.rate("ambiguous")),
                   "precision": rounded(f.precision), "f1": rounded(f.f1),
                   "agent_agreement": {"agreed": f.agent.agreed, "judged": f.agent.judged, "rate": rounded(f.agent.rate)},
                   "target_agreement": {"agreed": f.target.agreed, "judged": f.target.judged,
                                        "rate": rounded(f.target.rate)},
                   "by_class": f.by_class, "misses": f.misses, "false_positives": f.false_positives}
            for name, f in sorted(result.families.items())
        },
    }
