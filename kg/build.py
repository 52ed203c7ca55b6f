"""`kg build`: read -> extract -> graph -> validate -> export, streaming, with progress and counts.

Triples stream from the extractor straight into a Rust serialiser (pyoxigraph), so memory stays
flat however many articles come in. SHACL validation (pyshacl, slow) checks the first
`validate_limit` documents, each with the actors it refers to; the HTML page shows the first
`html_limit` documents (a page of a whole large corpus helps nobody).
"""
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

VALIDATE_LIMIT = 25
HTML_LIMIT = 100


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
    validated: int = 0
    in_html: int = 0
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
            scope = "" if self.validated == self.documents else f" (first {self.validated} of {self.documents} documents)"
            verdict = "conforms" if not self.violations else f"{len(self.violations)} violations"
            out.append(f"SHACL: {verdict}{scope}")
        if self.in_html and self.in_html < self.documents:
            out.append(f"HTML: first {self.in_html} of {self.documents} documents")
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
        yield from pool.map(extract_one, documents, chunksize=16)


def corpus_triples(extractions: Iterable[Extraction], summary: BuildSummary,
                   on_document: Callable[[Extraction], None]) -> Iterator:
    """Every document's triples once, and each actor's description once for the whole corpus."""
    from kg.graph.build import document_triples, entity_triples

    described: set[str] = set()
    for extraction in extractions:
        triples = dict.fromkeys(document_triples(extraction))  # ordered: a subject's triples stay together
        for key, entity in extraction.entities.items():
            if key not in described:
                described.add(key)
                triples.update(dict.fromkeys(entity_triples(entity)))
        summary.documents += 1
        summary.sentences += len(extraction.sentences)
        summary.mentions += len(extraction.mentions)
        summary.relations += len(extraction.events)
        summary.claims += len(extraction.claims)
        summary.triples += len(triples)
        on_document(extraction)
        yield from triples
    summary.entities = len(described)


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
    validate_limit: int = VALIDATE_LIMIT,
    html_limit: int = HTML_LIMIT,
) -> BuildSummary:
    from tqdm import tqdm

    from kg.export.files import write_atomic
    from kg.export.rdf import extension, serialize_stream, convert_file
    from kg.graph.build import extraction_graph, new_graph
    from kg.read import read_documents

    started = time.perf_counter()
    summary = BuildSummary()

    def skip(error: InputError) -> None:
        summary.skipped.append(str(error))
        if on_error:
            on_error(error)

    documents = list(read_documents(source, published, skip))
    if not documents:
        raise InputError(summary.skipped[0] if len(summary.skipped) == 1 else f"{source}: no readable article")
    out_dir = Path(out_dir)
    checked = new_graph()
    shown = new_graph()
    bar = tqdm(total=len(documents), unit="doc", desc="build", disable=not progress, file=sys.stderr)

    def on_document(extraction: Extraction) -> None:
        if validate and summary.documents <= validate_limit:
            extraction_graph(extraction, checked)
            summary.validated = summary.documents
        if html and summary.documents <= html_limit:
            extraction_graph(extraction, shown)
            summary.in_html = summary.documents
        bar.update(1)

    stream = corpus_triples(extract_all(documents, jobs), summary, on_document)
    first_format, *other_formats = dict.fromkeys(formats)
    first = write_atomic(out_dir / f"graph{extension(first_format)}",
                         lambda handle: serialize_stream(stream, handle, first_format))
    bar.close()
    summary.outputs.append(first)
    for fmt in other_formats:
        summary.outputs.append(convert_file(first, first_format, out_dir / f"graph{extension(fmt)}", fmt))
    if validate:
        from kg.graph.validate import validate as shacl

        summary.violations = shacl(checked).violations
    if html:
        from kg.export.html import write_html
        from kg.export.network import to_networkx

        summary.outputs.append(write_html(to_networkx(shown), out_dir / "graph.html"))
    summary.seconds = time.perf_counter() - started
    return summary
