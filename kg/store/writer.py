"""Writing the embedded store: each unit of the layout (kg.store.partition) as one atomic write.

Why a load writes one transaction per document (kg.store.update): a crash, Ctrl-C or kill -9
at any moment leaves every document either as it was or fully replaced (RocksDB applies a
committed transaction from its write-ahead log on the next open, and never half of one).
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.store.partition import ACTORS_GRAPH, RELATIONS_GRAPH, Unit, corpus_filter, implied, is_corpus
from kg.store.update import quads_block, supported_elsewhere, unit_update

# Quads held back before one bulk write: far under the bulk loader's batch (1,000,000 quads), so
# one write is one atomic ingestion; large enough that its fixed cost is paid rarely.
BATCH_QUADS = 200_000
MAX_BATCH_QUADS = 500_000


def stale_relations(store: ox.Store, unit: Unit, old: Iterable[ox.Quad] | None = None) -> list[ox.Triple]:
    """Relations the document's old version implied that nothing else in the store states now.

    Read before the write, which is safe: the store is this process's alone while it loads (and
    the writer commits what it holds back before it asks)."""
    if not unit.document:
        return []
    if old is None:
        old = store.quads_for_pattern(None, None, None, unit.graph)
    keep = set(unit.relations)
    gone = implied(old) - implied(unit.content)  # what the new version still implies stays
    stale = []
    for s, p, o in sorted(gone, key=str):
        relation = ox.Triple(s, p, o)
        if relation in keep or ox.Quad(s, p, o, RELATIONS_GRAPH) not in store:
            continue
        if not bool(store.query(supported_elsewhere(unit.graph, relation))):
            stale.append(relation)
    return stale


def write_unit(store: ox.Store, unit: Unit) -> None:
    """One unit of the layout in one transaction (one SPARQL Update, as a server gets it)."""
    text = unit_update(unit, stale_relations(store, unit))
    if text:
        store.update(text)


def batch_size(default: int) -> int:
    """$KG_LOAD_BATCH quads per bulk write (tests set it small), kept under the bulk loader's own
    batch so that one write stays one atomic ingestion."""
    value = os.environ.get("KG_LOAD_BATCH", "")
    return min(int(value), MAX_BATCH_QUADS) if value.isdigit() and int(value) > 0 else default


@dataclass
class Change:
    """What writing a unit changes in the store: quads to add, quads to delete."""

    add: list[ox.Quad]
    delete: list[ox.Quad]


def graph_size(store: ox.Store, graph: ox.NamedNode) -> int:
    """Quads in one named graph, counted by the engine on encoded terms (no string is read)."""
    answer = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    return int(next(iter(answer))["n"].value)


def stored_corpus(store: ox.Store) -> set[ox.Quad]:
    """The corpus stage now in the store (kg.store.partition.is_corpus, in `kgr:graph/actors`)."""
    answer = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {ACTORS_GRAPH} {{ ?s ?p ?o }} FILTER {corpus_filter()} }}")
    return {ox.Quad(row["s"], row["p"], row["o"], ACTORS_GRAPH) for row in answer}


def change_of(store: ox.Store, unit: Unit, exists: bool) -> Change:
    """The unit against the store: the document graph and each actor's description become
    exactly the unit's (their old quads that the unit lacks are deleted), stale relations go,
    the rest is added. A document loaded again unchanged changes nothing."""
    add: list[ox.Quad] = []
    delete: list[ox.Quad] = []
    if unit.graph is not None:
        if exists and graph_size(store, unit.graph) == len(unit.content) and all(q in store for q in unit.content):
            pass  # loaded again unchanged: checked by lookups, without decoding the stored graph
        elif exists:
            old = set(store.quads_for_pattern(None, None, None, unit.graph))
            new = set(unit.content)
            add.extend(q for q in unit.content if q not in old)
            delete.extend(q for q in old if q not in new)
            if old != new:  # a document loaded again unchanged leaves every relation as it is
                delete.extend(ox.Quad(t.subject, t.predicate, t.object, RELATIONS_GRAPH)
                              for t in stale_relations(store, unit, old))
        else:
            add.extend(unit.content)
    for subject, triples in unit.actors.items():
        new_description = {ox.Quad(t.subject, t.predicate, t.object, ACTORS_GRAPH) for t in triples}
        old_description = {q for q in store.quads_for_pattern(subject, None, None, ACTORS_GRAPH)
                           if not is_corpus(q)}  # a resolution's sameAs is the corpus stage's
        add.extend(new_description - old_description)
        delete.extend(old_description - new_description)
    if unit.corpus is not None:  # the input's corpus stage replaces the store's as a whole
        old_corpus = stored_corpus(store)
        new_corpus = {ox.Quad(t.subject, t.predicate, t.object, ACTORS_GRAPH) for t in unit.corpus}
        add.extend(q for q in unit_quads(unit.corpus) if q not in old_corpus)
        delete.extend(sorted(old_corpus - new_corpus, key=str))
    shared = [ox.Quad(t.subject, t.predicate, t.object, RELATIONS_GRAPH) for t in unit.relations]
    shared += [ox.Quad(t.subject, t.predicate, t.object) for t in unit.default]
    add.extend(q for q in shared if q not in store)
    return Change(add, delete)


def unit_quads(triples: Iterable[ox.Triple]) -> list[ox.Quad]:
    return [ox.Quad(t.subject, t.predicate, t.object, ACTORS_GRAPH) for t in triples]


def change_update(change: Change) -> str:
    """One SPARQL Update (one transaction) applying a change that deletes."""
    return " ;\n".join(f"{verb} DATA {{\n{quads_block(quads)}}}"
                        for verb, quads in (("DELETE", change.delete), ("INSERT", change.add)) if quads)


class BulkWriter:
    """Writes units into the embedded store, each document old or new after any crash.

    Why two ways: a unit that only adds (a new document, an actor described as before) goes into
    a batch of whole units written with `bulk_extend`, which builds sorted files and hands them
    to RocksDB in one atomic ingestion (docs/load.md: a batch under the bulk loader's batch
    size is one `IngestExternalFiles` call, all column families or none); a unit that must delete
    (a document loaded again with changes, an actor whose description changed) is one SPARQL
    Update, one transaction, after the batch before it is committed. Either way a crash leaves
    each document as it was or fully replaced."""

    def __init__(self, store: ox.Store, batch: int = BATCH_QUADS) -> None:
        self.store, self.batch = store, batch_size(batch)
        self.pending: list[ox.Quad] = []
        self.pending_graphs = 0
        self.committed = 0  # named graphs written so far

    def write(self, unit: Unit) -> None:
        exists = unit.graph is not None and self.store.contains_named_graph(unit.graph)
        if exists:
            self.flush()  # the stale-relation check reads the store: it must hold every unit before
        change = change_of(self.store, unit, exists)
        if change.delete:
            self.flush()  # units are committed in order, so the store always holds a prefix of them
            self.store.update(change_update(change))
            self.committed += unit.graph is not None
        elif not change.add:
            self.committed += unit.graph is not None  # loaded again unchanged: already in the store
        else:
            self.pending.extend(change.add)
            self.pending_graphs += unit.graph is not None
            if len(self.pending) >= self.batch:
                self.flush()

    def flush(self) -> None:
        if self.pending:
            self.store.bulk_extend(self.pending)
            self.pending = []
        self.committed += self.pending_graphs
        self.pending_graphs = 0


def store_size(store: ox.Store) -> tuple[int, int]:
    """(quads, named graphs) now in the store."""
    return len(store), sum(1 for _ in store.named_graphs())
