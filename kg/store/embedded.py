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
from kg.store.update import replace_update


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


def replace_graphs(store: ox.Store, graphs: Partition) -> None:
    """Replace each named graph as a whole, all in one transaction (all or nothing)."""
    if not graphs:
        return
    try:
        store.update(replace_update(graphs))
    except (OSError, SyntaxError, RuntimeError, ValueError) as exc:
        message = " ".join(str(exc).split())[:300]
        raise StoreError(f"load failed, store left unchanged ({message})") from None
    store.flush()


def store_size(store: ox.Store) -> tuple[int, int]:
    """(quads, named graphs) now in the store."""
    return len(store), sum(1 for _ in store.named_graphs())
