"""The corpus state: every document's compact summary (kg.corpus.summary.DocSummary) as JSON
Lines, written by `kg build` beside the graph (OUT/corpus-state.jsonl) so that a later
`kg build NEW -o OUT2 --add-to OUT` merges the old documents with the new ones without
extracting the old ones again (docs/corpus.md, "Adding articles later").

Why JSON and per-document lines: the state is read by a later process (no pickle: a file from
elsewhere must not run code), and a document id given again replaces its line as a whole (the
Corpus aggregates counts across documents, which could not be taken apart again).

Line 1 is a header naming the format, its version and each record's fields; then one line per
document: {"doc", "source", "published", "entities": [[…]], "mentions": [[…]], "events": [[…]]},
the inner lists in the header's field order.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from datetime import date
from pathlib import Path

from kg.corpus.summary import DocSummary, EntityInfo, EventInfo, MentionRef
from kg.errors import InputError

STATE_NAME = "corpus-state.jsonl"
FORMAT = "kg-corpus-state"
VERSION = 1
RECORDS = {"entities": EntityInfo, "mentions": MentionRef, "events": EventInfo}


def field_names(cls) -> list[str]:
    return [f.name for f in fields(cls)]


def header() -> dict:
    return {"format": FORMAT, "version": VERSION, "fields": {k: field_names(c) for k, c in RECORDS.items()}}


def plain(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return value


def summary_line(summary: DocSummary) -> bytes:
    record = {"doc": summary.doc, "source": summary.source, "published": plain(summary.published)}
    for key, cls in RECORDS.items():
        record[key] = [[plain(getattr(item, name)) for name in field_names(cls)] for item in getattr(summary, key)]
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def header_line() -> bytes:
    return json.dumps(header(), separators=(",", ":")).encode("utf-8") + b"\n"


def day(value) -> date | None:
    return None if value is None else date.fromisoformat(value)


def event_of(values: list) -> EventInfo:
    data = dict(zip(field_names(EventInfo), values, strict=True))
    for name in ("agents", "targets", "places", "context", "sides"):
        data[name] = tuple(data[name])
    data["claims"] = tuple(tuple(c) for c in data["claims"])
    data["date"] = day(data["date"])
    return EventInfo(**data)


def summary_of(record: dict) -> DocSummary:
    return DocSummary(
        doc=record["doc"], source=record["source"], published=day(record["published"]),
        entities=tuple(EntityInfo(*values) for values in record["entities"]),
        mentions=tuple(MentionRef(*values) for values in record["mentions"]),
        events=tuple(event_of(values) for values in record["events"]))


def state_path(place: str | Path) -> Path:
    """The state of a build folder (or the state file itself)."""
    place = Path(place)
    return place / STATE_NAME if place.is_dir() else place


def read_state(place: str | Path) -> dict[str, DocSummary]:
    """Every document's summary, by document id (a later line of one id replaces an earlier one).
    A missing, unreadable or broken state is one InputError naming the file and the line."""
    path = state_path(place)
    if not path.exists():
        hint = " (a build writes it unless --no-merge is given)" if Path(place).is_dir() else ""
        raise InputError(f"{path}: no corpus state here{hint}")
    summaries: dict[str, DocSummary] = {}
    try:
        with open(path, "rb") as stream:
            for number, line in enumerate(stream, 1):
                try:
                    record = json.loads(line)
                    if number == 1:
                        if record != header():
                            found = record.get("version") if isinstance(record, dict) else None
                            raise InputError(f"{path}: not a corpus state of this kg version "
                                             f"(header {FORMAT} v{VERSION} expected, found v{found})")
                        continue
                    summary = summary_of(record)
                except InputError:
                    raise
                except (ValueError, TypeError, KeyError, AttributeError) as error:
                    text = " ".join(str(error).split())[:120]
                    raise InputError(f"{path}: line {number}: broken corpus state ({type(error).__name__}: "
                                     f"{text})") from None
                summaries[summary.doc] = summary
    except OSError as error:
        raise InputError(f"{path}: cannot read the corpus state ({error.strerror or error})") from None
    if not summaries and path.stat().st_size == 0:
        raise InputError(f"{path}: empty corpus state (no header line)")
    return summaries


def write_state(stream, summaries: Iterable[DocSummary], spooled=None) -> None:
    """The header, then the given summaries, then the lines already spooled (a binary file)."""
    stream.write(header_line())
    for summary in summaries:
        stream.write(summary_line(summary))
    if spooled is not None:
        spooled.seek(0)
        while chunk := spooled.read(1 << 20):
            stream.write(chunk)
