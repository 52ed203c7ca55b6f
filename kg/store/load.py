"""`kg load`: RDF files -> the store's layout (kg.store.partition) -> a back end, streamed.

Why two passes: the first only parses (a file that is missing, not RDF, or broken half-way
stops the load before anything is written) and notes where each graph ends; the second parses
again and hands each graph to the back end as soon as it is complete, so memory stays that of
one document for a build written document by document. Each unit is one transaction on the
embedded store and one request to a server, so an interrupted load leaves every document
either as it was or fully replaced.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from kg.errors import KgError, StoreError
from kg.store.backends import Writer, writer_class
from kg.store.files import iter_quads, rdf_files
from kg.store.partition import Survey, survey_files, units


class LoadInterrupted(KgError):
    """Ctrl-C or SIGTERM during a load: what was committed stays, the rest is as it was."""

    exit_code = 130


@dataclass
class LoadSummary:
    files: int
    graphs: int  # named graphs replaced
    triples: int  # triples written
    target: str
    total: tuple[int, int] | None = None  # (quads, named graphs) in the store afterwards
    done: str = "replaced"
    skipped: list[Path] = field(default_factory=list)

    def line(self) -> str:
        text = (f"read {self.files} file{'s' if self.files != 1 else ''}: {self.graphs} named "
                f"graph{'s' if self.graphs != 1 else ''} {self.done}, {self.triples} triples -> {self.target}")
        if self.total:
            text += f" (store: {self.total[0]} quads in {self.total[1]} named graphs)"
        if self.skipped:
            text += f"; skipped older copies: {', '.join(str(p) for p in self.skipped)}"
        return text


@dataclass
class Plan:
    files: list[Path]
    survey: Survey
    skipped: list[Path]

    def quads(self) -> Iterator:
        return chain.from_iterable(iter_quads(path) for path in self.files)


def plan(paths: list[str | Path]) -> Plan:
    skipped: list[Path] = []
    files = rdf_files(paths, skipped)
    return Plan(files, survey_files(files, iter_quads), skipped)


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM stops a load like Ctrl-C does: between two transactions, with a message."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def write_all(load: Plan, writer: Writer) -> tuple[int, int]:
    """Hand every unit to the writer; (named graphs replaced, triples written). A writer that
    holds units back (the embedded store's batches) commits them in `finish`, and says in
    `committed` how many named graphs are in the store so far."""
    total = len(load.survey.last_graph)
    graphs = triples = 0

    def done() -> int:
        return writer.committed() if hasattr(writer, "committed") else graphs

    try:
        with sigterm_as_interrupt():
            for unit in units(load.quads(), load.survey):
                writer.write(unit)
                graphs += unit.graph is not None
                triples += unit.size()
            if hasattr(writer, "finish"):
                writer.finish()
    except KeyboardInterrupt:
        raise LoadInterrupted(f"{writer.target}: interrupted after {done()} of {total} named graphs; each "
                              "document is as it was or fully replaced (load again to finish)") from None
    except OSError as exc:
        reason = exc.strerror or " ".join(str(exc).split())[:200] or type(exc).__name__
        raise StoreError(f"{writer.target}: write failed after {done()} of {total} named graphs ({reason}); "
                         "each document is as it was or fully replaced") from None
    return graphs, triples


def load_to(paths: list[str | Path], backend: str, **options) -> LoadSummary:
    """Load the files with the back end registered under `backend` (kg.store.backends)."""
    load = plan(paths)
    writer = writer_class(backend).open(inputs=load.files, **options)
    try:
        graphs, triples = writer.run(load)
    finally:
        total = writer.close()
    return LoadSummary(len(load.files), graphs, triples, writer.target, total, writer.done, load.skipped)


def load_into_store(paths: list[str | Path], store_path: str | Path | None) -> LoadSummary:
    return load_to(paths, "embedded", store=store_path)


def write_nquads(paths: list[str | Path], out: str | Path) -> LoadSummary:
    """The layout as one N-Quads file, for a server's own bulk loader."""
    return load_to(paths, "nquads", out=out)


def load_into_endpoint(paths: list[str | Path], endpoints, via: str, timeout: float) -> LoadSummary:
    return load_to(paths, via, endpoints=endpoints, timeout=timeout)

