"""Input sources: a .txt file (first line = headline), a folder of them, or JSONL.

Every problem becomes an `InputError` with a one-line message naming the path (and line for
JSONL). A source that holds several articles reports a bad one through `on_error` and goes on,
so one malformed line does not cost the rest. Ids are unique within one read: a second
article with an id already read is refused (it would merge into the first document's IRI).
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.model import Document

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# Publication dates a news article can have; outside them date arithmetic ("أمس", a weekday,
# a month without a year) would leave the calendar.
FIRST_DATE, LAST_DATE = date(1000, 1, 1), date(2999, 12, 31)
SURROGATE = re.compile(r"[\ud800-\udfff]")
# One article's size limit, in characters (about 2 MB of Arabic): news articles are a few
# thousand; a larger "article" is a corpus in one field, and extraction time grows with it.
MAX_ARTICLE_CHARS = 1_000_000
LIMIT_VARIABLE = "KG_MAX_ARTICLE_CHARS"


def article_limit() -> int:
    import os

    value = os.environ.get(LIMIT_VARIABLE, "")
    return int(value) if value.isdigit() and int(value) > 0 else MAX_ARTICLE_CHARS


def parse_date(value: str, where: str) -> date:
    """An ISO date (YYYY-MM-DD, or the date part of an ISO timestamp)."""
    try:
        return check_date(date.fromisoformat(str(value).strip()[:10]), where)
    except ValueError:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def check_date(value: date, where: str) -> date:
    if not FIRST_DATE <= value <= LAST_DATE:
        raise InputError(f"{where}: date {value.isoformat()} is out of range "
                         f"({FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()})")
    return value


def check_text(text: str, where: str) -> None:
    """Refuse text the extractor can do nothing with. Presentation forms (U+FB50-FDFF,
    U+FE70-FEFF, common in text copied from PDFs) count as Arabic: the matching keys fold them."""
    from kg.text.normalize import fold_presentation_forms

    if not text.strip():
        raise InputError(f"{where}: empty article (no text)")
    if len(text) > article_limit():
        raise InputError(f"{where}: article of {len(text):,} characters is over the limit of {article_limit():,} "
                         f"({LIMIT_VARIABLE}); split it into articles")
    if not ARABIC_LETTER.search(text) and not ARABIC_LETTER.search(fold_presentation_forms(text)):
        raise InputError(f"{where}: no Arabic text found")


def check_encodable(value: str, field: str, where: str) -> None:
    """A lone surrogate (JSON "\\ud800") cannot be written as UTF-8: refuse it here, by name."""
    bad = SURROGATE.search(value)
    if bad:
        raise InputError(f"{where}: {field} holds a lone surrogate U+{ord(bad.group()):04X} "
                         f"at character {bad.start()} (not valid Unicode text)")


def decode(raw: bytes, where: str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from None
    if "\x00" in text:
        raise InputError(f"{where}: binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_txt(path: Path, default_date: date | None) -> Document:
    """A plain-text article: the first non-empty line is the headline."""
    text = decode(path.read_bytes(), str(path))
    check_encodable(path.stem, "the file name", str(path))
    check_text(text, str(path))
    title = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return Document(id=path.stem, text=text, title=title, date=default_date, origin=str(path))


def document_from_json(record: object, where: str, default_date: date | None) -> Document:
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with 'id' and 'text'")
    missing = [k for k in ("id", "text") if not record.get(k)]
    if missing:
        raise InputError(f"{where}: missing field {', '.join(repr(m) for m in missing)}")
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(f"{where}: 'text' must be a string")
    for name in ("id", "text", "title", "url", "source", "date"):
        if record.get(name) is not None:
            check_encodable(str(record[name]), repr(name), where)
    title = str(record.get("title") or "").strip()
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    check_text(text, where)
    published = parse_date(record["date"], where) if record.get("date") else default_date
    return Document(
        id=str(record["id"]),
        text=text.replace("\r\n", "\n"),
        title=title or next((ln.strip() for ln in text.split("\n") if ln.strip()), ""),
        date=published,
        url=str(record.get("url") or ""),
        source=str(record.get("source") or ""),
        origin=where,
    )


def read_jsonl(
    path: Path, default_date: date | None, on_error: Callable[[InputError], None]
) -> Iterator[Document]:
    """One article per line; a bad line is reported with its number and skipped."""
    text = decode(path.read_bytes(), str(path))
    if not text.strip():
        raise InputError(f"{path}: empty file")
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: malformed JSON ({exc.msg} at column {exc.colno})") from None
            except RecursionError:
                raise InputError(f"{where}: JSON nested too deeply") from None
            yield document_from_json(record, where, default_date)
        except InputError as err:
            on_error(err)


def raise_error(err: InputError) -> None:
    raise err


def read_documents(
    path: str | Path,
    default_date: date | None = None,
    on_error: Callable[[InputError], None] = raise_error,
) -> Iterator[Document]:
    """Documents from a file or folder. Fatal problems raise; per-article ones go to `on_error`."""
    if default_date is not None:
        check_date(default_date, "--date")
    seen: dict[str, str] = {}
    for document in read_all(Path(path), default_date, on_error):
        first = seen.setdefault(document.id, document.origin)
        if first != document.origin:
            on_error(InputError(f"{document.origin}: duplicate id {document.id!r} (already read from "
                                f"{first}); skipped, give each article its own id"))
            continue
        yield document


def read_all(
    path: Path, default_date: date | None, on_error: Callable[[InputError], None]
) -> Iterator[Document]:
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES)
        if not files:
            raise InputError(f"{path}: folder holds no .txt or .jsonl articles")
        for file in files:
            try:
                yield from read_file(file, default_date, on_error)
            except InputError as err:
                on_error(err)
        return
    yield from read_file(path, default_date, on_error)


def read_file(
    path: Path, default_date: date | None, on_error: Callable[[InputError], None]
) -> Iterator[Document]:
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl(path, default_date, on_error)
        else:
            yield read_txt(path, default_date)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
