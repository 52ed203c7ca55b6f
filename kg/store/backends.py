"""Store back ends, registered by name: where `kg load` writes and where `kg query` asks.

Why a registry (in the manner of rdflib's plugin.py): the command line takes its choices from
here and the load and query code never branch on a back end's name, so a new back end is one
class with `@register_writer` or `@register_reader`, nothing else.

A writer takes the layout (kg.store.partition) unit by unit: `open(inputs=…, **options)`,
`write(unit)` once per unit, `close()`; `run(load)` drives them (kg.store.load.write_all).
A reader answers a checked query: `answer(query, form, timeout)`.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar, Protocol

import pyoxigraph as ox

from kg.errors import InputError, StoreError
from kg.store.partition import ACTORS_GRAPH, RELATIONS_GRAPH, Unit


class Writer(Protocol):
    name: ClassVar[str]
    target: str
    done: str

    @classmethod
    def open(cls, inputs: list[Path], **options) -> Writer: ...

    def write(self, unit: Unit) -> None: ...

    def close(self) -> tuple[int, int] | None: ...

    def run(self, load) -> tuple[int, int]: ...


WRITERS: dict[str, type] = {}
READERS: dict[str, type] = {}


def register_writer(cls: type) -> type:
    WRITERS[cls.name] = cls
    return cls


def register_reader(cls: type) -> type:
    READERS[cls.name] = cls
    return cls


def writer_class(name: str) -> type:
    if name not in WRITERS:
        raise InputError(f"unknown store back end {name!r} (known: {', '.join(sorted(WRITERS))})")
    return WRITERS[name]


def remote_writers() -> list[str]:
    """The names `kg load --via` offers: the writers that talk to a server."""
    return [name for name, cls in WRITERS.items() if getattr(cls, "remote", False)]


class BaseWriter:
    done = "replaced"
    remote = False

    def run(self, load) -> tuple[int, int]:
        from kg.store.load import write_all

        return write_all(load, self)

    def close(self) -> tuple[int, int] | None:
        return None


@register_writer
class EmbeddedWriter(BaseWriter):
    """The embedded store: batches of whole units, each batch or update one atomic write
    (kg.store.writer.BulkWriter)."""

    name = "embedded"

    def __init__(self, store: ox.Store, path: Path) -> None:
        from kg.store.writer import BulkWriter

        self.store, self.target = store, str(path)
        self.bulk = BulkWriter(store)

    @classmethod
    def open(cls, inputs: list[Path], store: str | Path | None = None, **_) -> EmbeddedWriter:
        from kg.store.embedded import open_store

        return cls(*open_store(store, create=True))

    def write(self, unit: Unit) -> None:
        self.bulk.write(unit)

    def finish(self) -> None:
        self.bulk.flush()

    def committed(self) -> int:
        return self.bulk.committed

    def close(self) -> tuple[int, int] | None:
        from kg.store.writer import store_size

        try:
            self.store.flush()
            return store_size(self.store)
        except (OSError, RuntimeError):
            return None
        finally:
            del self.store, self.bulk


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


@register_writer
class NquadsWriter(BaseWriter):
    """An N-Quads file of the layout, written atomically (for a server's own bulk loader)."""

    name = "nquads"
    done = "written"

    def __init__(self, out: Path) -> None:
        self.out, self.target, self.stream = out, str(out), None

    @classmethod
    def open(cls, inputs: list[Path], out: str | Path = "", **_) -> NquadsWriter:
        out = Path(out)
        if out.is_dir():
            raise InputError(f"{out}: is a folder; give the N-Quads file to write")
        for path in inputs:
            if same_file(out, path):
                raise InputError(f"{out}: is also an input file; write the N-Quads elsewhere")
        return cls(out)

    def write(self, unit: Unit) -> None:
        ox.serialize(unit.quads(), self.stream, format=ox.RdfFormat.N_QUADS)

    def run(self, load) -> tuple[int, int]:
        from kg.io import write_atomic
        done: list[tuple[int, int]] = []

        def write(stream) -> None:
            self.stream = stream
            done.append(BaseWriter.run(self, load))

        try:
            write_atomic(self.out, write)
        except OSError as exc:
            raise StoreError(f"{self.out}: cannot write ({exc.strerror or exc})") from None
        return done[0]


class RemoteWriter(BaseWriter):
    """A writer to one URL of a server; subclasses name which (`url_of`) and what to say without it."""

    remote = True
    url_of: ClassVar[str] = ""  # attribute of the Endpoints
    missing: ClassVar[str] = ""

    def __init__(self, endpoints, timeout: float) -> None:
        self.endpoints, self.timeout = endpoints, timeout

    @classmethod
    def open(cls, inputs: list[Path], endpoints=None, timeout: float = 60.0, **_) -> RemoteWriter:
        url = getattr(endpoints, cls.url_of, None) if endpoints is not None else None
        if not url:
            raise InputError(cls.missing)
        writer = cls(endpoints, timeout)
        writer.target = url
        return writer


@register_writer
class UpdateWriter(RemoteWriter):
    """SPARQL Update: one request per unit, the same update the embedded store runs, so a
    transactional server (Oxigraph, Fuseki/TDB2, GraphDB) keeps the same layout, atomically
    per document."""

    name = "update"
    url_of = "update"
    missing = "no SPARQL Update URL: give --endpoint BASE or --update-endpoint URL"

    def write(self, unit: Unit) -> None:
        from kg.store.remote import post_update
        from kg.store.update import unit_update

        text = unit_update(unit)
        if text:
            post_update(self.endpoints.update, text, self.timeout)


@register_writer
class GspWriter(RemoteWriter):
    """Graph Store Protocol: PUT each document graph (replacing it); the shared graphs and the
    default graph get POSTed additions at the end (the protocol cannot replace part of a
    graph, so stale relations and old labels are removed only by the update back end)."""

    name = "gsp"
    url_of = "store"
    missing = "no Graph Store Protocol URL: give --endpoint BASE or --store-endpoint URL"

    def write(self, unit: Unit) -> None:
        from kg.store.remote import post_graph, put_graph

        if unit.graph is not None:
            put_graph(self.endpoints.store, unit.graph, unit.triples, self.timeout)
        descriptions = [t for triples in unit.actors.values() for t in triples] + list(unit.corpus or ())
        for graph, triples in ((RELATIONS_GRAPH, unit.relations), (ACTORS_GRAPH, descriptions),
                               (ox.DefaultGraph(), unit.default)):
            if triples:
                post_graph(self.endpoints.store, graph, triples, self.timeout)
