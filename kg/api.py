"""The Python API: what `kg build` does, one step at a time, for programs and notebooks.

    import kg
    doc = kg.document("عنوان\\n\\nقصفت روسيا مدينة خاركيف أمس.", id="a1", date="2024-05-20")
    extraction = kg.extract(doc)            # Mentions, Events, Claims with provenance
    graph = kg.to_graph(extraction)         # an rdflib Graph (or a list of Extractions: the corpus)
    dataset = kg.to_dataset([extraction])   # a pyoxigraph Dataset, one named graph per document
    summary = kg.build("seeds/", "out/")    # the whole CLI build: files, SHACL, HTML

Every function takes and returns the dataclasses of `kg.model`; nothing here touches the
terminal. Bad input raises `kg.errors.InputError` (one-line message); `build` and `extract_many`
skip a document the extractor fails on and name it, like the CLI.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.model import Document, Extraction

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Graph

    from kg.build import BuildSummary, Failure

__all__ = ["document", "read", "extract", "extract_many", "to_graph", "to_dataset", "validate", "build"]


def as_date(value: date | str | None, where: str = "date") -> date | None:
    from kg.read.sources import check_date, parse_date

    if value is None or isinstance(value, date):
        return check_date(value, where) if value else None
    return parse_date(value, where)


def document(text: str, id: str = "doc", title: str = "", date: date | str | None = None,
             url: str = "", source: str = "") -> Document:
    """A Document from a string, checked as the reader checks a file (not empty, some Arabic, valid
    Unicode). Without a title the first non-empty line is the headline, as in a .txt file."""
    from kg.read.sources import check_encodable, check_text

    where = f"document {id!r}"
    for name, value in (("id", id), ("text", text), ("title", title), ("url", url), ("source", source)):
        if not isinstance(value, str):
            raise InputError(f"{where}: {name} must be a string, not {type(value).__name__}")
        check_encodable(value, name, where)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    check_text(text, where)
    headline = title or next((line.strip() for line in text.split("\n") if line.strip()), "")
    return Document(id=id, text=text, title=headline, date=as_date(date, where), url=url, source=source,
                    origin=where)


def read(path: str | Path, date: date | str | None = None,
         on_error: Callable[[InputError], None] | None = None) -> list[Document]:
    """Documents of a .txt file, a .jsonl file or a folder of them (as `kg build` reads them).
    A bad JSONL line or file goes to `on_error` (default: raise it)."""
    from kg.read import read_documents
    from kg.read.sources import raise_error

    return list(read_documents(path, as_date(date, "--date"), on_error or raise_error))


def extract(doc: Document | str) -> Extraction:
    """Entities, events and claims of one document (a string is made a Document first)."""
    from kg.extract.pipeline import extract as run

    return run(document(doc) if isinstance(doc, str) else doc)


def extract_many(documents: Iterable[Document], jobs: int = 1,
                 on_failure: Callable[[Failure], None] | None = None) -> Iterator[Extraction]:
    """Extractions of a corpus (in order, over `jobs` processes); a document the extractor fails
    on is skipped and passed to `on_failure` (a `kg.build.Failure`: id, origin, one-line error)."""
    from contextlib import closing

    from kg.build import Failure, extract_all

    with closing(extract_all(documents, jobs)) as items:  # closed with this generator: the pool stops
        for item in items:
            if isinstance(item, Failure):
                if on_failure:
                    on_failure(item)
                continue
            yield item


def corpus_triples(extractions: Extraction | Iterable[Extraction]) -> Iterator:
    """pyoxigraph triples of one Extraction or of a corpus, each actor described once."""
    from kg.build import BuildSummary, corpus_triples as stream

    items = [extractions] if isinstance(extractions, Extraction) else extractions
    yield from stream(items, BuildSummary(), lambda extraction: None)


def to_graph(extractions: Extraction | Iterable[Extraction]) -> Graph:
    """An rdflib Graph (project prefixes bound) of one Extraction or a whole corpus: graphs of
    documents merge by union because IRIs are deterministic."""
    from kg.graph.build import new_graph, to_rdflib

    graph = new_graph()
    graph.addN((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object), graph)
               for t in corpus_triples(extractions))
    return graph


def to_dataset(extractions: Extraction | Iterable[Extraction]) -> pyoxigraph.Dataset:
    """A pyoxigraph Dataset laid out as `kg load` stores it: each document's nodes in its own named
    graph (the document IRI), shared actors in kgr:graph/actors, direct relations in kgr:graph/relations."""
    import pyoxigraph as ox

    from kg.store.partition import split_quads

    partition = split_quads(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                            for t in corpus_triples(extractions))
    return ox.Dataset(ox.Quad(t.subject, t.predicate, t.object, name)
                      for name, triples in partition.items() for t in triples)


def validate(graph: Graph) -> list[str]:
    """SHACL violations of a graph against the project's shapes, one line each (empty: conforms)."""
    from kg.graph.validate import validate as shacl

    return shacl(graph).violations


def build(source: str | Path | Iterable[Document], out: str | Path, date: date | str | None = None,
          formats: tuple[str, ...] = ("turtle",), html: bool = True, validate: bool = True, jobs: int = 1,
          on_error: Callable[[InputError], None] | None = None,
          on_failure: Callable[[Failure], None] | None = None, **options) -> BuildSummary:
    """What `kg build` does: read (a path, or Documents), extract, validate, write OUT/graph.* and
    OUT/graph.html. Returns the summary (counts, skipped inputs, failed documents, violations)."""
    from kg.build import build as run

    return run(source, out, published=as_date(date, "--date"), formats=tuple(formats), html=html,
               validate=validate, jobs=jobs, progress=False, on_error=on_error, on_failure=on_failure, **options)
