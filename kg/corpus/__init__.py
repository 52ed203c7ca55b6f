"""The corpus stage: after every document is extracted, one graph of events, sources and disagreements.

    Corpus().add(summarise(extraction))  # per document, while the build streams
    result = corpus.merge()              # entity resolution, event coreference, disagreements
    corpus_triples(result)               # the extra triples, written after the documents

Per-document triples are never rewritten: a merged actor keeps its own IRI in its article and
gets `owl:sameAs` its canonical actor plus a kg:Resolution node saying which rule and mentions
merged it; reports keep their own event nodes, which a kg:CanonicalEvent links with kg:hasReport.
Everything is derived from sorted keys, so the same corpus in any order gives the same IRIs.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from kg.corpus.disagreements import DENIAL_CLASS, Disagreement, find_disagreements
from kg.corpus.entities import Actors, resolve
from kg.corpus.events import Cluster, Coreference, cluster_events
from kg.corpus.summary import (CANDIDATE_MODALITIES, DENIAL_MODALITY, DocSummary, EntityInfo, EventInfo,
                               MentionRef, summarise)

MENTIONS_PER_ACTOR = 6  # merge evidence kept per minted actor over the whole corpus

__all__ = ["Corpus", "CorpusResult", "CorpusStage", "DocSummary", "summarise", "merge", "corpus_triples"]


@dataclass
class CorpusResult:
    actors: Actors
    clusters: list[Cluster]
    units: list[tuple[EventInfo, ...]]  # the clusters' reports, then lone reports a disagreement needs
    disagreements: list[Disagreement]
    documents: dict[str, tuple[str, date | None]]  # doc id -> (outlet, publication date)
    collisions: list[str] = field(default_factory=list)  # minted keys one name gave to unrelated actors


@dataclass
class Corpus:
    """What the corpus stage keeps of each document while a build streams (compact summaries)."""

    entities: dict[str, EntityInfo] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    mentions: dict[str, list[MentionRef]] = field(default_factory=dict)
    events: list[EventInfo] = field(default_factory=list)
    documents: dict[str, tuple[str, date | None]] = field(default_factory=dict)
    descriptions: dict[str, dict[EntityInfo, int]] = field(default_factory=dict)  # minted key -> its descriptions

    def add(self, summary: DocSummary) -> None:
        self.documents[summary.doc] = (summary.source, summary.published)
        for entity in summary.entities:
            if not entity.minted:
                self.entities.setdefault(entity.key, entity)  # the gazetteer's: the same everywhere
                continue
            seen = self.descriptions.setdefault(entity.key, {})
            seen[entity] = seen.get(entity, 0) + 1
        for mention in summary.mentions:
            self.counts[mention.key] = self.counts.get(mention.key, 0) + 1
            kept = self.mentions.setdefault(mention.key, [])
            kept.append(mention)
            if len(kept) > MENTIONS_PER_ACTOR:
                kept.sort(key=lambda m: (m.doc, m.start))
                del kept[MENTIONS_PER_ACTOR:]
        self.events.extend(summary.events)

    def merge(self) -> CorpusResult:
        return merge_corpus(self)


def merge(summaries: Iterable[DocSummary]) -> CorpusResult:
    """Resolve actors, corefer events and find disagreements over a corpus of summaries."""
    corpus = Corpus()
    for summary in summaries:
        corpus.add(summary)
    return corpus.merge()


def coreference(actors: Actors) -> Coreference:
    from kg.graph.vocabulary import place_classes, vocabulary

    return Coreference(actors, place_classes(), vocabulary())


def merge_corpus(corpus: Corpus) -> CorpusResult:
    from kg.graph.vocabulary import event_kind

    for kept in corpus.mentions.values():
        kept.sort(key=lambda m: (m.doc, m.start))
    entities = dict(corpus.entities)
    collisions = []
    for key, seen in sorted(corpus.descriptions.items()):
        entities[key] = min(seen, key=lambda e: (-seen[e], e.richness()))  # the most documents' description
        if len({(e.type, e.country, e.part_of) for e in seen}) > 1:
            collisions.append(key)
    actors = resolve(entities, corpus.counts, corpus.mentions)
    coref = coreference(actors)
    clusters = cluster_events(corpus.events, coref)
    clustered = {r.ref for c in clusters for r in c.reports}
    lone = sorted((e for e in corpus.events if e.ref not in clustered and e.modality in CANDIDATE_MODALITIES
                   and e.type not in ("Event", "Statement")), key=lambda e: e.ref)
    units = [c.reports for c in clusters] + [(e,) for e in lone]
    denials = [e for e in corpus.events if e.modality == DENIAL_MODALITY
               or (e.modality in CANDIDATE_MODALITIES and coref.is_a(e.type, DENIAL_CLASS))]
    found = find_disagreements(units, coref, lambda t: event_kind(t).hostile, denials)
    used = {d.unit for d in found}
    keep = [i for i in range(len(units)) if i < len(clusters) or i in used]  # lone reports only if disputed
    renumber = {old: new for new, old in enumerate(keep)}
    found = [Disagreement(d.kind, renumber[d.unit], d.positions) for d in found]
    return CorpusResult(actors, clusters, [units[i] for i in keep], found, dict(sorted(corpus.documents.items())),
                        collisions)


def corpus_triples(result: CorpusResult):
    """The corpus graph's own triples (resolutions, canonical events, disagreements)."""
    from kg.corpus.graph import result_triples

    return result_triples(result)


class CorpusStage:
    """The hook `kg build` uses: observe each document as it streams, then, after the last one,
    yield the corpus graph's triples (nothing for a single document: its output stays as it was).

    `base` is the state of an earlier build (kg.corpus.state.read_state, `kg build --add-to`):
    its documents join the merge unless the new input gives a document of the same id again,
    and `write_state` writes the union (the old summaries kept, then the new ones)."""

    def __init__(self, base: dict[str, DocSummary] | None = None, evidence: bool = True) -> None:
        import tempfile

        self.evidence = evidence  # kg:evidence of merges (mention nodes; not with compact provenance)

        self.corpus = Corpus()
        self.result: CorpusResult | None = None
        self.triples = 0
        self.base = base or {}
        self.kept: list[DocSummary] = []  # the base's documents the new input did not replace
        self.new: set[str] = set()
        self.spool = tempfile.TemporaryFile()  # the new documents' summaries, as state lines

    def observe(self, extraction) -> None:
        from kg.corpus.state import summary_line

        summary = summarise(extraction)
        self.corpus.add(summary)
        self.new.add(summary.doc)
        self.spool.write(summary_line(summary))

    def after(self, stream, documents) -> Iterator:
        """`stream`'s triples, then the corpus triples if the documents (counted while streaming,
        `documents()`, plus those of the base still in the state) are more than one."""
        yield from stream
        self.kept = [s for doc, s in sorted(self.base.items()) if doc not in self.new]
        for summary in self.kept:
            self.corpus.add(summary)
        self.base = {}
        if documents() + len(self.kept) < 2:
            return
        self.result = self.corpus.merge()
        self.corpus = Corpus()  # the summaries are no longer needed
        triples = dict.fromkeys(corpus_triples(self.result))
        if not self.evidence:
            from kg.graph.build import KG_

            triples = {t: None for t in triples if t.predicate != KG_["evidence"]}
        self.triples = len(triples)
        yield from triples

    def write_state(self, handle) -> None:
        from kg.corpus.state import write_state

        write_state(handle, self.kept, self.spool)

    def close(self) -> None:
        self.spool.close()

    def lines(self) -> list[str]:
        if self.result is None:
            return []
        result = self.result
        reports = sum(len(c.reports) for c in result.clusters)
        line = (f"corpus: {len(result.clusters)} canonical events ({reports} reports), "
                f"{len(result.actors.merges)} actors merged, {len(result.disagreements)} disagreements")
        if self.kept:
            line += f" over {len(result.documents)} documents ({len(self.kept)} from the earlier state)"
        return [line]
