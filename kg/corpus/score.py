"""Scoring the corpus stage against a gold set of clusters (tests/corpus_gold/README.md).

Pairwise precision/recall count the pairs of reports (or mentions) put together; B-cubed
averages, per element, how much of its system cluster is in its gold cluster (precision) and how
much of its gold cluster is in its system cluster (recall). Both are over the gold elements the
extractor found: the share it found is reported apart (coverage), so a missed event is an
extraction miss, not a merge error.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kg.corpus import CorpusResult
from kg.corpus.summary import CANDIDATE_MODALITIES
from kg.model import Extraction

GENERIC = ("Event", "Statement")


@dataclass
class Scores:
    pairwise_p: float
    pairwise_r: float
    bcubed_p: float
    bcubed_r: float
    elements: int
    gold_rows: int
    found_rows: int

    def line(self, name: str) -> str:
        return (f"{name}: pairwise P {self.pairwise_p:.3f} R {self.pairwise_r:.3f} | B-cubed P {self.bcubed_p:.3f} "
                f"R {self.bcubed_r:.3f} | {self.elements} elements, {self.found_rows}/{self.gold_rows} gold rows found")


@dataclass
class Report:
    events: Scores
    entities: Scores
    disagreements_found: int
    disagreements: int
    gazetteer_merges: int
    missing_disagreements: list[str] = field(default_factory=list)


def load_gold(folder: Path) -> dict:
    return json.loads((Path(folder) / "clusters.json").read_text(encoding="utf-8"))


def pairwise(labels: dict) -> tuple[float, float]:
    """labels: element -> (gold cluster, system cluster)."""
    items = sorted(labels.items(), key=lambda kv: str(kv[0]))
    both = sys_pairs = gold_pairs = 0
    for i, (_, (g1, s1)) in enumerate(items):
        for _, (g2, s2) in items[i + 1:]:
            same_sys, same_gold = s1 == s2, g1 == g2
            sys_pairs += same_sys
            gold_pairs += same_gold
            both += same_sys and same_gold
    return (both / sys_pairs if sys_pairs else 1.0), (both / gold_pairs if gold_pairs else 1.0)


def bcubed(labels: dict) -> tuple[float, float]:
    if not labels:
        return 1.0, 1.0
    by_sys: dict = {}
    by_gold: dict = {}
    for element, (gold, system) in labels.items():
        by_sys.setdefault(system, set()).add(element)
        by_gold.setdefault(gold, set()).add(element)
    precision = recall = 0.0
    for element, (gold, system) in labels.items():
        common = len(by_sys[system] & by_gold[gold])
        precision += common / len(by_sys[system])
        recall += common / len(by_gold[gold])
    return precision / len(labels), recall / len(labels)


def scores(labels: dict, rows: int, found: int) -> Scores:
    pp, pr = pairwise(labels)
    bp, br = bcubed(labels)
    return Scores(pp, pr, bp, br, len(labels), rows, found)


def sentence_of(extraction: Extraction, piece: str) -> int | None:
    return next((s.index for s in extraction.sentences if piece in s.text), None)


def event_labels(gold: dict, extractions: dict[str, Extraction], result: CorpusResult) -> tuple[dict, int]:
    """(doc, event id) -> (gold cluster, system cluster), and how many gold rows were found."""
    from kg.graph.vocabulary import event_kind

    system = {r.ref: f"c{i}" for i, c in enumerate(result.clusters) for r in c.reports}
    labels: dict = {}
    found = 0
    for row in gold["events"]:
        extraction = extractions.get(row["doc"])
        index = sentence_of(extraction, row["sentence"]) if extraction else None
        if index is None:
            continue
        hits = [e for e in extraction.events if e.sentence == index and event_kind(e.type).family == row["family"]
                and e.modality in CANDIDATE_MODALITIES and e.type not in GENERIC
                and (not row.get("trigger") or row["trigger"] in e.trigger)]
        found += bool(hits)
        for event in hits:
            ref = (row["doc"], event.id)
            labels.setdefault(ref, (row["cluster"], system.get(ref, f"lone:{ref}")))
    return labels, found


def entity_labels(gold: dict, extractions: dict[str, Extraction], result: CorpusResult) -> tuple[dict, int]:
    labels: dict = {}
    found = 0
    for row in gold["entities"]:
        extraction = extractions.get(row["doc"])
        if extraction is None:
            continue
        start = extraction.document.text.find(row["surface"])
        if start < 0:
            continue
        end = start + len(row["surface"])
        overlap = [(min(end, m.end) - max(start, m.start), extraction.entities[m.entity].minted, m.entity)
                   for m in extraction.mentions if m.start < end and m.end > start and m.entity in extraction.entities]
        if not overlap:
            continue
        found += 1
        key = max(overlap)[2]
        labels[(row["doc"], row["surface"])] = (row["cluster"], result.actors.canon(key))
    return labels, found


def disagreement_hits(gold: dict, labels: dict, result: CorpusResult) -> tuple[int, list[str]]:
    """How many gold disagreements the result has: one of that kind about a unit holding a report of
    the gold cluster."""
    gold_of = {ref: g for ref, (g, _) in labels.items()}
    hits, missing = 0, []
    for row in gold["disagreements"]:
        ok = any(d.kind == row["kind"] and any(gold_of.get(p.report.ref) == row["cluster"] for p in d.positions)
                 for d in result.disagreements)
        hits += ok
        if not ok:
            missing.append(f"{row['kind']} about {row['cluster']}")
    return hits, missing


def score(gold: dict, extractions: dict[str, Extraction], result: CorpusResult) -> Report:
    events, found_events = event_labels(gold, extractions, result)
    entities, found_entities = entity_labels(gold, extractions, result)
    hits, missing = disagreement_hits(gold, events, result)
    minted = {k for x in extractions.values() for k, e in x.entities.items() if e.minted}
    gazetteer = sum(1 for m in result.actors.merges if m.member not in minted or m.canonical not in minted)
    return Report(scores(events, len(gold["events"]), found_events),
                  scores(entities, len(gold["entities"]), found_entities),
                  hits, len(gold["disagreements"]), gazetteer, missing)
