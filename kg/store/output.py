"""Printing answers: an aligned table for people, CSV/TSV for spreadsheets, SPARQL JSON for programs.

Why these choices: the table shortens IRIs with the project prefixes and cuts long quotes so
it fits a terminal; CSV and TSV hold plain values (no quoting of IRIs, TSV escapes tabs and
newlines as \\t and \\n); JSON is the W3C SPARQL 1.1 Query Results JSON format, unchanged.
Text from articles never reaches a terminal raw: control characters (ESC, BEL …) and bidi
overrides are written as \\x1b, \\u202e … in the table, CSV and TSV. Rows are printed as they
come (the table measures its columns on the first rows), so a large answer never sits in memory.
The formats are registered by name (FORMATS); `kg query -o` takes its choices from there.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from itertools import chain

from kg.errors import InputError
from kg.store.results import Answer, Term

TABLE_SAMPLE = 1000  # rows the table measures its column widths on

# C0 controls but tab/newline/return, DEL, C1 controls, bidi embeddings/overrides/isolates.
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """The text with terminal control and bidi override characters made visible (\\x1b, \\u202e)."""
    def visible(match: re.Match) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return UNSAFE.sub(visible, text)


def compact(iri: str, prefixes: dict[str, str]) -> str:
    """kgr:Armenia for the full IRI when a prefix covers it (longest namespace wins)."""
    best = max((ns for ns in prefixes.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{iri}>"
    name = next(p for p, ns in prefixes.items() if ns == best)
    return f"{name}:{iri[len(best):]}"


def plain(term: Term | None) -> str:
    if term is None:
        return ""
    return f"_:{term.value}" if term.kind == "bnode" else term.value


def cell(term: Term | None, prefixes: dict[str, str]) -> str:
    if term is None:
        return ""
    text = compact(term.value, prefixes) if term.kind == "uri" else plain(term)
    return safe(" ".join(text.split()))


def width(text: str) -> int:
    """Columns a string takes in a terminal (Arabic marks take none, CJK takes two)."""
    total = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def clip(text: str, limit: int) -> str:
    if limit <= 0 or width(text) <= limit:
        return text
    out = ""
    for char in text:
        if width(out + char) > limit - 1:
            break
        out += char
    return out + "…"


def pad(text: str, size: int) -> str:
    return text + " " * (size - width(text))


def rows_text(answer: Answer, prefixes: dict[str, str], max_width: int) -> Iterator[list[str]]:
    for row in answer.rows:
        yield [clip(cell(term, prefixes), max_width) for term in row]


def table(answer: Answer, prefixes: dict[str, str], max_width: int) -> Iterator[str]:
    """Aligned columns measured on the first TABLE_SAMPLE rows; later wider cells are cut to fit."""
    if answer.form == "ask":
        yield "true" if answer.boolean else "false"
        return
    header = answer.variables
    rows = rows_text(answer, prefixes, max_width)
    sample = [row for _, row in zip(range(TABLE_SAMPLE), rows)]
    sizes = [max([width(name)] + [width(row[i]) for row in sample]) for i, name in enumerate(header)]
    yield " | ".join(pad(name, size) for name, size in zip(header, sizes)).rstrip()
    yield "-+-".join("-" * size for size in sizes)
    count = 0
    for row in sample:
        count += 1
        yield " | ".join(pad(value, size) for value, size in zip(row, sizes)).rstrip()
    for row in rows:
        count += 1
        yield " | ".join(pad(clip(value, size), size) for value, size in zip(row, sizes)).rstrip()
    yield f"({count} row{'s' if count != 1 else ''})"


TSV_ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def tsv(answer: Answer, prefixes: dict[str, str], max_width: int) -> Iterator[str]:
    if answer.form == "ask":
        yield "true" if answer.boolean else "false"
        return
    yield "\t".join(answer.variables)
    for row in answer.rows:
        yield "\t".join(safe(plain(term).translate(TSV_ESCAPE)) for term in row)


def csv_rows(answer: Answer, prefixes: dict[str, str], max_width: int) -> Iterator[str]:
    if answer.form == "ask":
        yield "true" if answer.boolean else "false"
        return
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="")
    for values in chain([answer.variables], ([safe(plain(term)) for term in row] for row in answer.rows)):
        writer.writerow(values)
        yield out.getvalue()
        out.seek(0)
        out.truncate()


JSON_CACHED = 1 << 16  # terms whose JSON is remembered while writing one answer


def json_term(term: Term) -> dict:
    data = {"type": term.kind, "value": term.value}
    if term.lang:
        data["xml:lang"] = term.lang
    elif term.datatype:
        data["datatype"] = term.datatype
    return data


def sparql_json(answer: Answer, prefixes: dict[str, str] | None = None, max_width: int = 0) -> Iterator[str]:
    """W3C SPARQL JSON results, one binding per line (valid JSON, easy to read and to grep)."""
    if answer.form == "ask":
        yield json.dumps({"head": {}, "boolean": bool(answer.boolean)})
        return
    head = json.dumps({"vars": answer.variables}, ensure_ascii=False)
    keys = [json.dumps(name, ensure_ascii=False) + ": " for name in answer.variables]
    written: dict[Term, str] = {}  # a term's JSON, made once: values repeat from row to row
    first = True
    for row in answer.rows:
        cells = []
        for key, term in zip(keys, row):
            if term is not None:
                text = written.get(term)
                if text is None:
                    if len(written) >= JSON_CACHED:
                        written.clear()
                    text = written[term] = json.dumps(json_term(term), ensure_ascii=False)
                cells.append(key + text)
        binding = "{" + ", ".join(cells) + "}"  # what json.dumps writes for the row's dict
        if first:
            yield f'{{"head": {head},\n "results": {{"bindings": ['
            first = False
            yield "  " + binding
        else:
            yield ", " + binding
    yield f'{{"head": {head}, "results": {{"bindings": []}}}}' if first else " ]}}"


def turtle(answer: Answer, prefixes: dict[str, str], max_width: int = 0) -> Iterator[str]:
    import pyoxigraph as ox

    if answer.form != "graph":
        raise InputError("--output turtle is for CONSTRUCT and DESCRIBE queries")

    def node(term: Term):
        if term.kind == "uri":
            return ox.NamedNode(term.value)
        if term.kind == "bnode":
            return ox.BlankNode(term.value)
        if term.lang:
            return ox.Literal(term.value, language=term.lang)
        return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype) if term.datatype else None)

    triples = [ox.Triple(node(s), node(p), node(o)) for s, p, o in answer.rows]
    yield ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8").rstrip("\n")


Renderer = Callable[[Answer, dict[str, str], int], Iterator[str]]
FORMATS: dict[str, Renderer] = {"table": table, "csv": csv_rows, "tsv": tsv, "json": sparql_json, "turtle": turtle}


def render_lines(answer: Answer, fmt: str, prefixes: dict[str, str], max_width: int = 60) -> Iterator[str]:
    """The answer in one of FORMATS, line by line as the rows come."""
    if fmt not in FORMATS:
        raise InputError(f"unknown output format {fmt!r} (known: {', '.join(FORMATS)})")
    return FORMATS[fmt](answer, prefixes, max_width)


def render(answer: Answer, fmt: str, prefixes: dict[str, str], max_width: int = 60) -> str:
    return "\n".join(render_lines(answer, fmt, prefixes, max_width))
