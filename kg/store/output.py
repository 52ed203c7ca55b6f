"""Printing answers: an aligned table for people, CSV/TSV for spreadsheets, SPARQL JSON for programs.

Why these choices: the table shortens IRIs with the project prefixes and cuts long quotes so
it fits a terminal; CSV and TSV hold plain values (no quoting of IRIs, TSV escapes tabs and
newlines as \\t and \\n); JSON is the W3C SPARQL 1.1 Query Results JSON format, unchanged.
"""
from __future__ import annotations

import csv
import io
import json
import unicodedata

from kg.errors import InputError
from kg.store.results import Answer, Term

FORMATS = ("table", "csv", "tsv", "json", "turtle")


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
    return " ".join(text.split())


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


def table(answer: Answer, prefixes: dict[str, str], max_width: int) -> str:
    if answer.form == "ask":
        return "true" if answer.boolean else "false"
    header = answer.variables
    rows = [[clip(cell(term, prefixes), max_width) for term in row] for row in answer.rows]
    sizes = [max([width(name)] + [width(row[i]) for row in rows]) for i, name in enumerate(header)]
    lines = [" | ".join(pad(name, size) for name, size in zip(header, sizes)).rstrip(),
             "-+-".join("-" * size for size in sizes)]
    lines += [" | ".join(pad(value, size) for value, size in zip(row, sizes)).rstrip() for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def delimited(answer: Answer, tsv: bool) -> str:
    if answer.form == "ask":
        return "true" if answer.boolean else "false"
    out = io.StringIO()
    if tsv:
        escape = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
        out.write("\t".join(answer.variables) + "\n")
        for row in answer.rows:
            out.write("\t".join(plain(term).translate(escape) for term in row) + "\n")
    else:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(answer.variables)
        writer.writerows([plain(term) for term in row] for row in answer.rows)
    return out.getvalue().rstrip("\n")


def json_term(term: Term) -> dict:
    data = {"type": term.kind, "value": term.value}
    if term.lang:
        data["xml:lang"] = term.lang
    elif term.datatype:
        data["datatype"] = term.datatype
    return data


def sparql_json(answer: Answer) -> str:
    """W3C SPARQL JSON results, one binding per line (valid JSON, easy to read and to grep)."""
    if answer.form == "ask":
        return json.dumps({"head": {}, "boolean": bool(answer.boolean)})
    bindings = [json.dumps({name: json_term(term) for name, term in zip(answer.variables, row) if term is not None},
                           ensure_ascii=False) for row in answer.rows]
    head = json.dumps({"vars": answer.variables}, ensure_ascii=False)
    body = ",\n  ".join(bindings)
    return f'{{"head": {head},\n "results": {{"bindings": [\n  {body}\n ]}}}}' if bindings else \
        f'{{"head": {head}, "results": {{"bindings": []}}}}'


def turtle(answer: Answer, prefixes: dict[str, str]) -> str:
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
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8").rstrip("\n")


def render(answer: Answer, fmt: str, prefixes: dict[str, str], max_width: int = 60) -> str:
    """The answer as text in one of FORMATS."""
    if fmt == "table":
        return table(answer, prefixes, max_width)
    if fmt in ("csv", "tsv"):
        return delimited(answer, fmt == "tsv")
    if fmt == "json":
        return sparql_json(answer)
    return turtle(answer, prefixes)
