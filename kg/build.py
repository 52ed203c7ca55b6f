"""`kg build`: read -> extract -> graph -> validate -> export, with progress and summary counts."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.model import Document, Extraction


@dataclass
class BuildSummary:
    documents: int = 0
    sentences: int = 0
    entities: int = 0
    mentions: int = 0
    relations: int = 0
    claims: int = 0
    triples: int = 0
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    validated: bool = False
    outputs: list[Path] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"documents: {self.documents}",
            f"sentences: {self.sentences}",
            f"entities: {self.entities} ({self.mentions} mentions)",
            f"relations: {self.relations}",
            f"claims: {self.claims}",
            f"triples: {self.triples}",
        ]
        if self.validated:
            out.append("SHACL: conforms" if not self.violations else f"SHACL: {len(self.violations)} violations")
        if self.skipped:
            out.append(f"skipped inputs: {len(self.skipped)}")
        out.append(f"time: {self.seconds:.2f} s")
        out.extend(f"wrote {path}" for path in self.outputs)
        return out


def extract_one(document: Document) -> Extraction:
    from kg.extract.pipeline import extract

    return extract(document)


def extract_all(documents: Iterable[Document], jobs: int = 1) -> Iterator[Extraction]:
    """Extraction is pure, so documents map over a process pool when jobs > 1."""
    if jobs <= 1:
        for document in documents:
            yield extract_one(document)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(extract_one, documents, chunksize=8)


def build(
    source: str | Path,
    out_dir: str | Path,
    published: date | None = None,
    formats: tuple[str, ...] = ("turtle",),
    html: bool = True,
    validate: bool = True,
    jobs: int = 1,
    progress: bool = True,
    on_error: Callable[[InputError], None] | None = None,
) -> BuildSummary:
    from tqdm import tqdm

    from kg.export.rdf import extension, write_graph
    from kg.graph.build import extraction_graph, new_graph

    started = time.perf_counter()
    summary = BuildSummary()

    def skip(error: InputError) -> None:
        summary.skipped.append(str(error))
        if on_error:
            on_error(error)

    documents = list(__import__("kg.read", fromlist=["read_documents"]).read_documents(source, published, skip))
    if not documents:
        raise InputError(summary.skipped[0] if len(summary.skipped) == 1 else f"{source}: no readable article")
    graph = new_graph()
    entity_keys: set[str] = set()
    bar = tqdm(total=len(documents), unit="doc", desc="extract", disable=not progress, file=sys.stderr)
    for extraction in extract_all(documents, jobs):
        extraction_graph(extraction, graph)
        summary.documents += 1
        summary.sentences += len(extraction.sentences)
        summary.mentions += len(extraction.mentions)
        summary.relations += len(extraction.events)
        summary.claims += len(extraction.claims)
        entity_keys.update(extraction.entities)
        bar.update(1)
    bar.close()
    summary.entities = len(entity_keys)
    summary.triples = len(graph)
    if validate:
        from kg.graph.validate import validate as shacl

        result = shacl(graph)
        summary.validated = True
        summary.violations = result.violations
    out_dir = Path(out_dir)
    for fmt in formats:
        summary.outputs.append(write_graph(graph, out_dir / f"graph{extension(fmt)}", fmt))
    if html:
        from kg.export.html import write_html
        from kg.export.network import to_networkx

        summary.outputs.append(write_html(to_networkx(graph), out_dir / "graph.html"))
    summary.seconds = time.perf_counter() - started
    return summary
