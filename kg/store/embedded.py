"""The embedded store: pyoxigraph's on-disk store in a directory, no server needed.

Why a directory under $XDG_DATA_HOME: the store outlives one `kg build` output folder, so many
runs over many articles accumulate in one place that every `kg query` sees by default.

Only opening the store lives here, so `kg query --store` imports no layout code (the layout asks
the ontology, parsed by rdflib, for its terms); writing it is kg.store.writer.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import struct
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError


def default_store_path() -> Path:
    """$XDG_DATA_HOME/kg/store, else ~/.local/share/kg/store."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kg" / "store"


def one_line(error: BaseException, limit: int = 200) -> str:
    return " ".join(str(error).split())[:limit]


def lock_holder(path: Path) -> int | None:
    """The pid of another process holding the store's RocksDB lock (a POSIX record lock on
    LOCK), or None. F_GETLK only asks; it takes no lock."""
    try:
        fd = os.open(path / "LOCK", os.O_RDWR)
    except OSError:
        return None
    try:
        query = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
        kind, _, _, _, pid = struct.unpack("hhqqi", answer)
        return pid if kind != fcntl.F_UNLCK and pid > 0 else None
    except OSError:
        return None
    finally:
        os.close(fd)


def create_store(path: Path) -> None:
    """Make a new, empty store at `path` in one rename: a kill half-way through creating it
    leaves a hidden temporary folder beside it, never a half-made store at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".creating", dir=path.parent))
    try:
        store = ox.Store(str(temp))
        store.flush()
        del store
        if path.is_dir():
            path.rmdir()  # empty (checked by the caller)
        os.rename(temp, path)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


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
        if not is_store:
            try:
                create_store(path)
            except OSError:
                if not (path / "CURRENT").is_file():
                    raise  # (else another process made the store meanwhile: open it, or say it is in use)
        return ox.Store(str(path)), path
    except (OSError, RuntimeError) as exc:
        holder = lock_holder(path)
        if holder is not None:
            raise StoreError(f"{path}: store is in use by another process (pid {holder}); "
                             "wait for it to finish, or stop it") from None
        if isinstance(exc, RuntimeError):  # RocksDB reports corruption as a RuntimeError
            raise StoreError(f"{path}: cannot open store, it is damaged ({one_line(exc)}); "
                             "restore a backup or load into a new store") from None
        raise StoreError(f"{path}: cannot open store ({one_line(exc)})") from None
