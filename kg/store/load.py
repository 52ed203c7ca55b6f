"""`kg load`: RDF files -> one named graph per document -> the embedded store or a remote server.

Why everything is read before anything is written: a file that is missing, not RDF, or broken
half-way stops the load before the store is touched, and the write itself is one transaction.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.store.endpoints import Endpoints
from kg.store.files import read_quads, rdf_files
from kg.store.partition import Partition, split_quads


@dataclass
class LoadSummary:
    files: int
    graphs: int  # named graphs replaced
    triples: int  # triples written (counted once per graph)
    target: str
    total: tuple[int, int] | None = None  # (quads, named graphs) in the store afterwards
    done: str = "replaced"

    def line(self) -> str:
        text = (f"read {self.files} file{'s' if self.files != 1 else ''}: {self.graphs} named "
                f"graph{'s' if self.graphs != 1 else ''} {self.done}, {self.triples} triples -> {self.target}")
        if self.total:
            text += f" (store: {self.total[0]} quads in {self.total[1]} named graphs)"
        return text


def collect_graphs(paths: list[str | Path]) -> tuple[Partition, int]:
    """Named graph -> triples over all the files (graphs split across files are merged)."""
    files = rdf_files(paths)
    graphs: Partition = defaultdict(set)
    for path in files:
        for graph, triples in split_quads(read_quads(path)).items():
            if isinstance(graph, ox.BlankNode):
                raise InputError(f"{path}: a named graph has a blank-node name; give it an IRI")
            graphs[graph] |= triples
    return dict(graphs), len(files)


def count(graphs: Partition) -> tuple[int, int]:
    named = sum(1 for g in graphs if isinstance(g, ox.NamedNode))
    return named, sum(len(t) for t in graphs.values())


def load_into_store(paths: list[str | Path], store_path: str | Path | None) -> LoadSummary:
    from kg.store.embedded import open_store, replace_graphs, store_size

    graphs, files = collect_graphs(paths)
    store, where = open_store(store_path, create=True)
    replace_graphs(store, graphs)
    named, triples = count(graphs)
    return LoadSummary(files, named, triples, str(where), store_size(store))


def write_nquads(paths: list[str | Path], out: str | Path) -> LoadSummary:
    """The named graphs as one N-Quads file, for a server's own bulk loader."""
    from kg.io import write_atomic

    graphs, files = collect_graphs(paths)
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for graph, triples in graphs.items() for t in triples]
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    write_atomic(out, lambda stream: stream.write(data))
    named, triples = count(graphs)
    return LoadSummary(files, named, triples, str(out), done="written")


def load_into_endpoint(paths: list[str | Path], endpoints: Endpoints, via: str, timeout: float) -> LoadSummary:
    from kg.store.remote import push_gsp, push_update

    graphs, files = collect_graphs(paths)
    if via == "update":
        push_update(endpoints, graphs, timeout)
        target = endpoints.update
    else:
        push_gsp(endpoints, graphs, timeout)
        target = endpoints.store
    named, triples = count(graphs)
    return LoadSummary(files, named, triples, target)
