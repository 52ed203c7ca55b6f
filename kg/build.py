"""`kg build`: read -> extract -> graph -> validate -> export, streaming, with progress and counts.

Triples stream from the extractor straight into a Rust serialiser (pyoxigraph), so memory stays
flat however many articles come in. SHACL validation checks every document's triples as they
pass (kg/graph/checks.py: the shapes compiled once to Python checks; `validate_limit` stops after
that many) and names the document of each violation; the HTML page draws the first `html_limit`
documents, or those `html_select` chooses (a page of a whole large corpus helps nobody).

Each document is extracted (and turned into triples) inside a guard: a document that raises is
skipped and named in the summary, so one bad sentence never costs the rest of a corpus. The
outputs are written under hidden temporary names and renamed over the old ones together at the
end, so OUT/ holds either the previous build or the complete new one.
"""
from __future__ import annotations

import os
import re
import secrets
import signal
import threading
from collections import deque
from itertools import islice
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import NamedNode

from kg.errors import InputError, KgError
from kg.graph.iri import BASE
from kg.model import Document, Extraction

DOC_PREFIX = f"{BASE}doc/"  # every node minted for a document is under it (kg.graph.iri.document_of)
CHUNK = 16  # documents a worker extracts per task
IN_FLIGHT = 4  # tasks per worker submitted ahead of the writer
VALIDATE_LIMIT = None  # every document (kg/graph/checks.py: about a millisecond each)
HTML_LIMIT = 100
SHOWN_FAILURES = 20
TEMP_NAME = re.compile(r"^\.(?:graph|corpus-state)\.[\w.-]*\.tmp$")
OUR_TEMP = re.compile(r"^\.(?P<name>(?:graph|corpus-state)\.\w+)\.(?P<pid>\d+)\.\w+\.tmp$")


@dataclass(frozen=True)
class Failure:
    """A document whose extraction or graph raised: skipped, named, and the build goes on."""

    id: str
    origin: str
    error: str  # one line: the exception type and message

    def line(self) -> str:
        return f"{self.origin or '(given)'}: document {self.id!r}: {self.error}"


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
    skipped: list[str] = field(default_factory=list)  # inputs refused by the reader
    failed: list[Failure] = field(default_factory=list)  # documents whose extraction raised
    violations: list[str] = field(default_factory=list)  # each names its document
    violated: int = 0  # documents with a violation
    validated: int = 0
    in_html: int = 0
    html_selected: int = 0  # documents the --html-select selection chose (all of them without one)
    html_scope: str = ""  # what the page holds, in words (it says so under its title)
    outputs: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # outputs of an earlier build not rewritten
    corpus: list[str] = field(default_factory=list)  # what the corpus stage merged (kg.corpus)

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
            if self.violations and self.violated:
                verdict += f" in {self.violated} of {self.validated} documents"
                scope = "" if self.validated == self.documents else f" (the first {self.validated} validated)"
            out.append(f"SHACL: {verdict}{scope}")
        if self.html_scope and self.html_scope != f"{self.documents} documents":
            out.append(f"HTML: {self.html_scope[0].lower()}{self.html_scope[1:]}")
        if self.skipped:
            out.append(f"skipped inputs: {len(self.skipped)}")
        if self.failed:
            out.append(f"failed documents: {len(self.failed)}")
            out.extend(f"  {failure.line()}" for failure in self.failed[:SHOWN_FAILURES])
            if len(self.failed) > SHOWN_FAILURES:
                out.append(f"  ... and {len(self.failed) - SHOWN_FAILURES} more")
        out.extend(self.corpus)
        out.append(f"time: {self.seconds:.2f} s")
        out.extend(f"wrote {path}" for path in self.outputs)
        out.extend(f"removed {path} (from an earlier build)" for path in self.removed)
        return out

    @property
    def complete(self) -> bool:
        """Every input became part of the graph."""
        return not self.skipped and not self.failed


def one_line(error: BaseException) -> str:
    """An exception as one short line: its type and the first line of its message."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    message = message if len(message) <= 200 else message[:200] + "…"
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def extract_one(document: Document) -> Extraction:
    from kg.extract.pipeline import extract

    return extract(document)


def extract_guarded(document: Document) -> Extraction | Failure:
    """Extraction of one document, any exception turned into a Failure (picklable, for workers)."""
    try:
        return extract_one(document)
    except KgError:
        raise  # a broken data file (DataError) is not the document's fault: stop the build
    except Exception as error:  # noqa: BLE001 - a bug on one document must not abort the corpus
        return Failure(document.id, document.origin, one_line(error))


def extract_batch(documents: list[Document]) -> list[Extraction | Failure]:
    return [extract_guarded(document) for document in documents]


def batched(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def extract_all(documents: Iterable[Document], jobs: int = 1) -> Iterator[Extraction | Failure]:
    """Extraction is pure, so documents map over a process pool when jobs > 1, in order, with at
    most IN_FLIGHT batches of CHUNK documents per worker submitted and not yet written (pool.map
    would submit the whole corpus and hold every finished extraction the writer has not reached)."""
    if isinstance(documents, list):
        jobs = min(jobs, len(documents))  # one document: no pool to start
    if jobs <= 1:
        for document in documents:
            yield extract_guarded(document)
        return
    from concurrent.futures.process import BrokenProcessPool

    batches = batched(documents, CHUNK)
    pool = None
    try:
        with signals_held():  # see signals_held: an interrupt here would leave the pool half-started
            pool = ProcessPoolExecutor(max_workers=jobs, initializer=worker_signals)
            first = next(batches, None)
            pending = deque([pool.submit(extract_batch, first)] if first is not None else [])
        pending.extend(pool.submit(extract_batch, batch) for batch in islice(batches, jobs * IN_FLIGHT - 1))
        while pending:  # a bounded window: results never pile up while the main process writes
            done = pending.popleft().result()
            following = next(batches, None)
            if following is not None:
                pending.append(pool.submit(extract_batch, following))
            yield from done
    except BrokenProcessPool:
        raise KgError("a worker process died during extraction (out of memory?); "
                      "run with -j 1 to find the document") from None
    finally:  # on an interrupt, queued batches are dropped rather than extracted for nobody
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def signals_held() -> Iterator[None]:
    """Defer SIGINT/SIGTERM while a process pool starts. The first submit forks the workers and
    starts the pool's manager thread; a KeyboardInterrupt raised in there leaves a worker the pool
    never registered (the exit then waits on it for ever) or a thread shutdown() cannot join.
    Handlers, not the signal mask: a process-directed signal goes to any thread that does not
    block it, so masking the main thread alone defers nothing. A signal that arrives meanwhile is
    handled as soon as the block ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []
    previous = {number: signal.signal(number, lambda signum, frame: arrived.append(signum))
                for number in HELD_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for number in dict.fromkeys(arrived):
            handler = previous[number]
            if callable(handler):
                handler(number, None)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(number)


HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def worker_signals() -> None:
    """A worker is forked inside signals_held and would inherit its deferring handlers: give it
    the usual ones back (SIGTERM ends it outright: the pool terminates workers with SIGTERM)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)


def corpus_triples(extractions: Iterable[Extraction | Failure], summary: BuildSummary,
                   on_document: Callable[[Extraction], None],
                   on_failure: Callable[[Failure], None] | None = None, checker=None,
                   provenance: str = "full") -> Iterator:
    """Every document's triples once, and each actor's description once for the whole corpus.
    A document whose triples cannot be made is skipped whole (nothing of it is written).
    `checker` (kg.graph.checks.CorpusChecker) validates each document's triples as they pass;
    `provenance` is kg.graph.build.document_triples's ("compact": no mention nodes)."""
    from kg.graph.build import document_triples, entity_triples

    described: set[str] = set()
    shared: set = set()  # direct relations between actors already written by an earlier document
    for extraction in extractions:
        if isinstance(extraction, Failure):
            fail(summary, extraction, on_failure)
            continue
        counted = False
        try:
            triples = dict.fromkeys(document_triples(extraction, provenance))  # ordered: a subject's triples stay together
            new = [key for key in extraction.entities if key not in described]
            for key in new:
                triples.update(dict.fromkeys(entity_triples(extraction.entities[key])))
            facts = [t for t in triples if is_shared_fact(t)]  # actor-to-actor facts: once a corpus
            for triple in facts:
                if triple in shared:
                    del triples[triple]
            summary.documents += 1  # before on_document: it samples the first N documents
            counted = True
            on_document(extraction)
        except Exception as error:  # noqa: BLE001 - same guard as extraction
            summary.documents -= counted
            fail(summary, Failure(extraction.document.id, extraction.document.origin, one_line(error)), on_failure)
            continue
        described.update(new)
        shared.update(facts)  # those deleted above were in it already
        if checker is not None and checker.wants():
            checker.document(extraction.document.id, triples)
            summary.validated = checker.checked
        summary.sentences += len(extraction.sentences)
        summary.mentions += len(extraction.mentions)
        summary.relations += len(extraction.events)
        summary.claims += len(extraction.claims)
        summary.triples += len(triples)
        yield from triples
    summary.entities = len(described)


def is_shared_fact(triple) -> bool:
    """A triple between two shared resources (kgr:Russia kg:attacks kgr:Ukraine), which several
    documents may imply: written once, so the printed count is the file's count of distinct triples."""
    obj = triple.object  # (document_of(iri) is None: iri is not under BASE/doc/)
    return isinstance(obj, NamedNode) and not obj.value.startswith(DOC_PREFIX) \
        and not triple.subject.value.startswith(DOC_PREFIX)


def fail(summary: BuildSummary, failure: Failure, on_failure: Callable[[Failure], None] | None) -> None:
    summary.failed.append(failure)
    if on_failure:
        on_failure(failure)


class Outputs:
    """A build's files, written under hidden temporary names beside their targets and renamed over
    them together at the end (`commit`), or all removed on failure (`discard`). The temporary name
    carries the process id, so the next build can remove what a killed one left behind."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.staged: dict[Path, Path] = {}  # target -> temporary file

    def prepare(self) -> None:
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise KgError(f"{self.out_dir}: cannot create the output folder ({error.strerror})") from None
        if not self.out_dir.is_dir():
            raise KgError(f"{self.out_dir}: not a folder")
        remove_leftovers(self.out_dir)

    def write(self, name: str, writer: Callable[[BinaryIO], None]) -> Path:
        """Write one output to its temporary file; errors name the target, not the temporary."""
        target = self.out_dir / name
        temp = self.out_dir / f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        self.staged[target] = temp
        try:
            with open(temp, "wb") as handle:
                writer(handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, 0o666 & ~current_umask())
        except OSError as error:
            raise KgError(f"{target}: cannot write ({error.strerror or error})") from None
        return temp

    def commit(self) -> tuple[list[Path], list[Path]]:
        """Rename every staged file over its target; remove outputs of an earlier build that this
        one did not write (they would describe another corpus). Returns (written, removed)."""
        for target, temp in self.staged.items():
            try:
                os.replace(temp, target)
            except OSError as error:
                raise KgError(f"{target}: cannot replace ({error.strerror})") from None
        removed = []
        for name in output_names():
            old = self.out_dir / name
            if old not in self.staged and old.is_file():
                old.unlink()
                removed.append(old)
        written = list(self.staged)
        self.staged = {}
        return written, removed

    def discard(self) -> None:
        for temp in self.staged.values():
            temp.unlink(missing_ok=True)
        self.staged = {}


def output_names() -> list[str]:
    """Every file a build can write into OUT/ (one build's set replaces the previous build's set)."""
    from kg.export.formats import FORMATS

    from kg.corpus.state import STATE_NAME

    return sorted({f"graph{fmt.extension}" for fmt in FORMATS.values() if not fmt.datasets}
                  | {"graph.html", STATE_NAME})


def remove_leftovers(out_dir: Path) -> None:
    """Temporary outputs of builds that were killed (their process is gone) are removed."""
    for path in out_dir.iterdir():
        if not TEMP_NAME.match(path.name):
            continue
        ours = OUR_TEMP.match(path.name)
        if ours and process_alive(int(ours.group("pid"))):
            continue
        path.unlink(missing_ok=True)


def process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a leftover of an earlier process that had our pid
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OverflowError:
        return False
    return True


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_corpus(source: str | Path | Iterable[Document], published: date | None,
                skip: Callable[[InputError], None]) -> list[Document]:
    """Documents from a path (file or folder) or given directly (the Python API)."""
    from kg.read import read_documents

    if isinstance(source, (str, Path)):
        return list(read_documents(source, published, skip))
    return list(source)


def read_articles(source: str | Path | Iterable[Document], published: date | None, skipped: list[str],
                  on_error: Callable[[InputError], None] | None = None) -> list[Document]:
    """The documents to build, each unreadable one noted in `skipped` (and passed to `on_error`);
    none at all is an error: the one reason when there is one, else "no readable article"."""
    def skip(error: InputError) -> None:
        skipped.append(str(error))
        if on_error:
            on_error(error)

    documents = read_corpus(source, published, skip)
    if not documents:
        if len(skipped) == 1:
            raise InputError(skipped[0])
        raise InputError(f"{source if isinstance(source, (str, Path)) else 'input'}: no readable article")
    return documents


def preload() -> None:
    """Read the data files before any document (so a malformed row stops the build at once, with its
    file and line, and forked workers share what was read)."""
    import kg.corpus.graph  # noqa: F401 - imported now, not half-way through the stream: an
    import kg.graph.metadata  # noqa: F401 - interrupt inside an import's exec'd dataclass code makes
    from kg.extract.pipeline import extract  # CPython end by SIGINT even once it is caught (not 130)

    extract(Document(id="preload", text="قال وزير الخارجية إن الجيش قصف المدينة في 13 أيلول."))


def build(
    source: str | Path | Iterable[Document],
    out_dir: str | Path,
    published: date | None = None,
    formats: tuple[str, ...] = ("turtle",),
    html: bool = True,
    validate: bool = True,
    jobs: int = 1,
    progress: bool = True,
    on_error: Callable[[InputError], None] | None = None,
    validate_limit: int | None = VALIDATE_LIMIT,
    html_limit: int = HTML_LIMIT,
    on_failure: Callable[[Failure], None] | None = None,
    merge: bool = True,
    html_select=None,
    add_to: str | Path | None = None,
    provenance: str = "full",
) -> BuildSummary:
    """Build OUT/graph.* from a path or from Documents; what `kg build` runs. `html_select` (a
    kg.export.html.Selection, or its text `actor=Q123,date=..2024-02-01`) chooses the documents
    the page draws (at most `html_limit` of them) instead of the first `html_limit`.

    With the corpus stage on (`merge`), OUT/corpus-state.jsonl keeps every document's summary;
    `add_to` (an earlier build's folder or its state file) merges its documents with the new ones:
    OUT then holds the new documents' graphs and the corpus stage of the union (docs/corpus.md).
    `provenance` "compact" writes no mention nodes (kg.graph.build.document_triples), nor the
    corpus stage's kg:evidence, which points at them; the page is drawn in full either way."""
    from tqdm import tqdm

    from kg.graph.build import PROVENANCE, extraction_graph, new_graph

    if provenance not in PROVENANCE:
        raise InputError(f"provenance must be one of {', '.join(PROVENANCE)}, not {provenance!r}")
    started = time.perf_counter()
    summary = BuildSummary()
    if add_to is not None and not merge:
        raise InputError("--add-to merges with an earlier build's corpus stage; it cannot go with --no-merge")
    base = None
    if add_to is not None:  # read first: a missing or broken state stops the build before any work
        from kg.corpus.state import read_state

        base = read_state(add_to)
    if isinstance(html_select, (str, list, tuple)):
        from kg.export.html import parse_selection

        html_select = parse_selection(html_select)

    documents = read_articles(source, published, summary.skipped, on_error)
    preload()
    outputs = Outputs(Path(out_dir))
    outputs.prepare()
    checker = None
    if validate:
        from kg.graph.checks import CorpusChecker

        checker = CorpusChecker(validate_limit)
    shown = new_graph()
    bar = tqdm(total=len(documents), unit="doc", desc="build", disable=not progress, file=sys.stderr)
    stage = corpus_stage(merge, base, evidence=provenance != "compact")  # a merge's evidence is mention nodes

    def on_document(extraction: Extraction) -> None:
        if stage:
            stage.observe(extraction)
        if html and (html_select is None or html_select.matches(extraction)):
            summary.html_selected += 1
            if summary.html_selected <= html_limit:
                extraction_graph(extraction, shown)
                summary.in_html += 1
        bar.update(1)

    def failed(failure: Failure) -> None:
        bar.update(1)
        if on_failure:
            on_failure(failure)

    extractions = extract_all(documents, jobs)
    try:
        stream = corpus_triples(extractions, summary, on_document, failed, checker, provenance)
        if stage:  # after the documents: merged actors, canonical events, disagreements (kg.corpus)
            stream = stage.after(stream, lambda: summary.documents)
        stream = with_dataset_metadata(stream, summary, stage, source, Path(out_dir))
        write_outputs(outputs, stream, formats, summary, shown if html else None, checker, stage,
                      (html_select, html_limit))
        if stage:
            from kg.corpus.state import STATE_NAME

            outputs.write(STATE_NAME, stage.write_state)
            summary.triples += stage.triples
            summary.corpus = stage.lines()
        bar.close()
        if not summary.documents:
            raise KgError(f"no document could be built ({len(summary.failed)} failed; first: "
                          f"{summary.failed[0].line() if summary.failed else 'none'})")
        summary.outputs, summary.removed = outputs.commit()
    finally:  # close the extraction first: it stops the worker pool even while an interrupted
        extractions.close()  # serializer or traceback still holds the stream (else exit waits on workers)
        bar.close()
        outputs.discard()
        if stage:
            stage.close()
    summary.seconds = time.perf_counter() - started
    return summary


def with_dataset_metadata(stream: Iterator, summary: BuildSummary, stage, source, out_dir: Path) -> Iterator:
    """The graph, then its VoID/DCAT description (kg/graph/metadata.py), made once the counts are known."""
    from kg.graph.metadata import DatasetInfo, dataset_triples

    yield from stream
    name = Path(source).name if isinstance(source, (str, Path)) else "documents"

    def described(triples: int) -> list:
        return list(dataset_triples(DatasetInfo(
            name=out_dir.resolve().name or "out", source=name, documents=summary.documents, triples=triples,
            entities=summary.entities, events=summary.relations, claims=summary.claims)))

    before = summary.triples + (stage.triples if stage else 0)
    metadata = described(before + len(described(before)))  # void:triples counts these triples too
    summary.triples += len(metadata)
    yield from metadata


def corpus_stage(merge: bool, base=None, evidence: bool = True):
    """The cross-document stage (`--no-merge` turns it off: articles stay apart); `base`, the
    summaries of an earlier build (`--add-to`), joins the merge."""
    if not merge:
        return None
    from kg.corpus import CorpusStage

    return CorpusStage(base, evidence)


def write_outputs(outputs: Outputs, stream: Iterator, formats: tuple[str, ...], summary: BuildSummary,
                  shown, checked, stage=None, selected=(None, HTML_LIMIT)) -> None:
    """The first format streams from the extractor (validated document by document on the way,
    `checked`); the others are converted from it; then the HTML page."""
    import pyoxigraph

    from kg.export.rdf import extension, oxigraph_format, serialize_stream

    first_format, *other_formats = dict.fromkeys(formats)
    first = outputs.write(f"graph{extension(first_format)}",
                          lambda handle: serialize_stream(stream, handle, first_format))
    for fmt in other_formats:
        def convert(handle: BinaryIO, fmt: str = fmt) -> None:
            with open(first, "rb") as source:
                serialize_stream(pyoxigraph.parse(source, oxigraph_format(first_format)), handle, fmt)

        outputs.write(f"graph{extension(fmt)}", convert)
    if checked is not None:
        summary.violations = checked.violations()
        summary.violated = len(checked.by_document)
    if shown is not None:
        from kg.export.html import render_html, scope_line
        from kg.export.network import add_triples, to_networkx

        if stage is not None and stage.result is not None:  # canonical events, merges, disagreements
            from kg.corpus import corpus_triples

            add_triples(shown, corpus_triples(stage.result))
        selection, limit = selected
        summary.html_scope = scope_line(summary.in_html, summary.html_selected, summary.documents, selection, limit)
        page = render_html(to_networkx(shown), scope=summary.html_scope).encode("utf-8")
        outputs.write("graph.html", lambda handle: handle.write(page))

__import__("kg").callable_module(__name__, "build")  # kg.build(...) is kg.api.build (see kg/__init__.py)
