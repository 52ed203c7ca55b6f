"""The embedded store: pyoxigraph's on-disk store in a directory, no server needed.

Why a directory under $XDG_DATA_HOME: the store outlives one `kg build` output folder, so many
runs over many articles accumulate in one place that every `kg query` sees by default.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.store.partition import Partition


def default_store_path() -> Path:
    """$XDG_DATA_HOME/kg/store, else ~/.local/share/kg/store."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kg" / "store"


def open_store(path: str | Path | None, create: bool) -> tuple[ox.Store, Path]:
    """Open (or, when loading, create) the store; a missing store is an error for queries."""
    path = Path(path) if path else default_store_path()
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: not a store directory (it is a file)")
    is_store = (path / "CURRENT").is_file()  # RocksDB's marker file
    if not create and not is_store:
        raise StoreError(f"{path}: no store here yet (load a graph first: kg load out/graph.ttl --store {path})")
    if create and not is_store and path.is_dir() and any(path.iterdir()):
        raise StoreError(f"{path}: this folder holds other files, not a store; choose an empty or new folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path)), path
    except OSError as exc:
        message = " ".join(str(exc).split())
        if "lock" in message.lower():
            raise StoreError(f"{path}: store is in use by another process ({message[:200]})") from None
        raise StoreError(f"{path}: cannot open store ({message[:200]})") from None


BULK_FROM = 50_000  # above this many quads, RocksDB's bulk writer beats a transaction by far


def insert_quads(store: ox.Store, quads: list[ox.Quad]) -> None:
    """Add the quads: one transaction for a few, the bulk writer for many (replace_graphs rolls
    back by hand if either fails, so both leave the store as it was)."""
    if len(quads) < BULK_FROM:
        store.extend(quads)
    else:
        store.bulk_extend(quads)


def drop_graphs(store: ox.Store, names: list[ox.NamedNode]) -> None:
    """Empty the named graphs, in one transaction (the names are IRIs, written as terms)."""
    if names:
        store.update(" ;\n".join(f"DROP SILENT GRAPH {name}" for name in names))


def replace_graphs(store: ox.Store, graphs: Partition) -> None:
    """Replace each named graph as a whole: drop them, then add the new quads. If anything fails,
    the old graphs are put back and what was added is taken out, so the store is left as it was.
    (Quads go in as terms, never as one giant SPARQL text to parse.)"""
    if not graphs:
        return
    names = [graph for graph in graphs if isinstance(graph, ox.NamedNode)]
    previous = [quad for name in names for quad in store.quads_for_pattern(None, None, None, name)]
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for graph, triples in graphs.items() for t in triples]
    already = {quad for quad in quads if isinstance(quad.graph_name, ox.DefaultGraph) and quad in store}
    try:
        drop_graphs(store, names)
        insert_quads(store, quads)
    except (OSError, SyntaxError, RuntimeError, ValueError) as exc:
        rollback(store, names, previous, [q for q in quads if isinstance(q.graph_name, ox.DefaultGraph)], already)
        message = " ".join(str(exc).split())[:300]
        raise StoreError(f"load failed, store left unchanged ({message})") from None
    store.flush()


def rollback(store: ox.Store, names: list[ox.NamedNode], previous: list[ox.Quad], added_default: list[ox.Quad],
             already: set[ox.Quad]) -> None:
    """Put the replaced graphs back as they were and remove default-graph quads this load added."""
    drop_graphs(store, names)
    store.extend(previous)
    for quad in added_default:
        if quad not in already:
            store.remove(quad)
    store.flush()


def store_size(store: ox.Store) -> tuple[int, int]:
    """(quads, named graphs) now in the store."""
    return len(store), sum(1 for _ in store.named_graphs())
