"""`kg build --dask`: the build beyond one machine, on a Dask distributed cluster.

Extraction is a pure map over documents, so the documents are cut into shards and each shard is
extracted, turned into triples and checked against the SHACL shapes on a worker, which sends
back its N-Quads; the client writes them as OUT/shards/part-NNNNN.nq as they arrive. The quads
are laid out in the store's named graphs (docs/store.md: one graph per document, the actors'
descriptions in kgr:graph/actors, actor-to-actor relations in kgr:graph/relations), so the
shards load as they are: `kg load OUT/shards/*.nq`, or a bulk loader (oxigraph, Jena TDB2,
QLever: docs/performance.md). A shard describes each actor it mentions once; two shards may both
describe one actor, and a store keeps one copy (a quad is stored once).

What it does not do: the corpus stage (merging actors and events across documents, canonical
events, disagreements) needs every document at once, so it is not run (as `--no-merge`); nor
the HTML page. Workers need the kg package (the same version) and, if the build uses one,
the same $KG_BASE_IRI and $KG_DATA_PATH: a LocalCluster (`--dask local`) inherits them.

Dask is an optional dependency: `pip install 'dask[distributed]'`.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg.errors import InputError, KgError
from kg.model import Document

SHARD_SIZE = 200  # documents a task extracts (about 30 MB of N-Quads)
SHARD_NAME = "part-{:05d}.nq"


@dataclass
class ShardResult:
    """What a worker sends back for one shard (plain data: it crosses the network)."""

    index: int
    nquads: bytes
    documents: int = 0
    quads: int = 0
    violations: list[str] = field(default_factory=list)  # each names its document
    violated: int = 0
    failed: list[str] = field(default_factory=list)  # Failure.line() of each document that raised
    seconds: float = 0.0


@dataclass
class DistributedSummary:
    documents: int = 0
    quads: int = 0
    shards: int = 0
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    violated: int = 0
    validated: bool = True
    workers: int = 0
    seconds: float = 0.0
    worker_seconds: float = 0.0
    outputs: list[Path] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"documents: {self.documents}", f"quads: {self.quads} in {self.shards} shards",
               f"workers: {self.workers}"]
        if self.validated:
            out.append("SHACL: conforms" if not self.violations else
                       f"SHACL: {len(self.violations)} violations in {self.violated} of {self.documents} documents")
        if self.skipped:
            out.append(f"skipped inputs: {len(self.skipped)}")
        if self.failed:
            out.append(f"failed documents: {len(self.failed)}")
            out.extend(f"  {line}" for line in self.failed[:20])
        out.append(f"time: {self.seconds:.2f} s ({self.worker_seconds:.2f} s of work on the workers)")
        out.append(f"wrote {len(self.outputs)} shards under {self.outputs[0].parent}" if self.outputs else "wrote nothing")
        return out

    @property
    def complete(self) -> bool:
        return not self.skipped and not self.failed


def layout(triples: Iterable) -> Iterator:
    """Quads in the store's layout (kg.store.partition: the graph kg load would put each triple in)."""
    import pyoxigraph as ox

    from kg.store.partition import ACTOR, ACTORS_GRAPH, GRAPH, LINK, RELATIONS_GRAPH, known_relations, locate

    relations = known_relations()
    default = ox.DefaultGraph()
    for t in triples:
        kind, key, _ = locate(ox.Quad(t.subject, t.predicate, t.object, default))
        if kind == GRAPH:
            graph = ox.NamedNode(key)
        elif kind == ACTOR:
            graph = ACTORS_GRAPH
        elif kind == LINK:
            graph = RELATIONS_GRAPH if t.predicate in relations else ACTORS_GRAPH
        else:
            graph = default
        yield ox.Quad(t.subject, t.predicate, t.object, graph)


def run_shard(index: int, documents: list[Document], validate: bool = True) -> ShardResult:
    """One shard on a worker: extract, make triples, check them, serialise as N-Quads."""
    import pyoxigraph as ox

    from kg.build import Failure, extract_guarded, one_line, preload
    from kg.graph.build import document_triples, entity_triples

    started = time.process_time()
    preload()
    checker = None
    if validate:
        from kg.graph.checks import CorpusChecker

        checker = CorpusChecker()
    result = ShardResult(index, b"")
    described: set[str] = set()
    quads: dict = {}
    for document in documents:
        extraction = extract_guarded(document)
        if isinstance(extraction, Failure):
            result.failed.append(extraction.line())
            continue
        try:
            triples = dict.fromkeys(document_triples(extraction))
            new = [key for key in extraction.entities if key not in described]
            for key in new:
                triples.update(dict.fromkeys(entity_triples(extraction.entities[key])))
        except Exception as error:  # noqa: BLE001 - as kg build: one document never costs the shard
            result.failed.append(Failure(document.id, document.origin, one_line(error)).line())
            continue
        described.update(new)
        if checker is not None:
            checker.document(document.id, triples)
        quads.update(dict.fromkeys(layout(triples)))
        result.documents += 1
    result.quads = len(quads)
    result.nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) if quads else b""
    if checker is not None:
        result.violations = checker.violations()
        result.violated = len(checker.by_document)
    result.seconds = time.process_time() - started
    return result


def shards(documents: list[Document], size: int) -> list[list[Document]]:
    return [documents[i:i + size] for i in range(0, len(documents), size)]


def client_for(scheduler: str, workers: int, processes: bool = True):
    """A Dask client: `local` starts a LocalCluster of `workers` single-threaded workers here;
    anything else is a scheduler address (tcp://host:8786)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise KgError("kg build --dask needs Dask distributed: pip install 'dask[distributed]'") from None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                               dashboard_address=None, silence_logs=40)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout="5s"), None
    except (OSError, TimeoutError) as error:
        raise KgError(f"--dask {scheduler}: cannot reach the scheduler ({error})") from None


def build_distributed(source: str | Path | Iterable[Document], out_dir: str | Path, scheduler: str = "local",
                      workers: int = 2, shard_size: int = SHARD_SIZE, published: date | None = None,
                      validate: bool = True, processes: bool = True,
                      on_error: Callable[[InputError], None] | None = None,
                      progress: Callable[[ShardResult], None] | None = None) -> DistributedSummary:
    """Extract `source` on a Dask cluster into OUT/shards/part-*.nq (earlier shards there are
    replaced: the folder holds one build)."""
    from kg.build import read_articles

    started = time.perf_counter()
    summary = DistributedSummary(validated=validate)
    documents = read_articles(source, published, summary.skipped, on_error)
    folder = Path(out_dir) / "shards"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise KgError(f"{folder}: cannot create the output folder ({error.strerror})") from None
    for old in folder.glob("part-*.nq"):
        old.unlink()
    client, cluster = client_for(scheduler, workers, processes)
    try:
        from distributed import as_completed

        summary.workers = len(client.scheduler_info().get("workers", {})) or workers
        parts = shards(documents, shard_size)
        futures = [client.submit(run_shard, index, part, validate, pure=False) for index, part in enumerate(parts)]
        results: list[ShardResult] = []
        for future in as_completed(futures):
            try:
                result = future.result()
            except KgError:
                raise
            except Exception as error:  # noqa: BLE001 - a worker lost, a pickling failure: one line
                raise KgError(f"a Dask task failed: {type(error).__name__}: {error}") from None
            target = folder / SHARD_NAME.format(result.index)
            temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            temp.write_bytes(result.nquads)
            os.replace(temp, target)
            summary.outputs.append(target)
            results.append(result)
            future.release()
            if progress:
                progress(result)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for result in sorted(results, key=lambda r: r.index):
        summary.documents += result.documents
        summary.quads += result.quads
        summary.violations += result.violations
        summary.violated += result.violated
        summary.failed += result.failed
        summary.worker_seconds += result.seconds
    summary.shards = len(results)
    summary.outputs.sort()
    summary.seconds = time.perf_counter() - started
    if not summary.documents:
        raise KgError(f"no document could be built ({len(summary.failed)} failed)")
    return summary
