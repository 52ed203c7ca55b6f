"""One shape for query answers, whatever ran the query (pyoxigraph, rdflib or a remote server).

Why: the three back ends return different objects; turning them into the same plain rows is
what lets the output be identical, and lets the tests compare the back ends row for row.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from pyoxigraph import BlankNode, NamedNode
from pyoxigraph import Literal as OxLiteral

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class Term(NamedTuple):
    """An RDF term as in the SPARQL JSON results format: kind is uri, literal or bnode.
    A named tuple: made once per cell of an answer (160,000 for fact_sources on 1,000 articles),
    which a tuple does in a third of a frozen dataclass's time."""

    kind: str
    value: str
    lang: str = ""
    datatype: str = ""  # empty for plain and language-tagged strings


@dataclass
class Answer:
    """SELECT rows (None for unbound), an ASK boolean, or CONSTRUCT/DESCRIBE triples as rows."""

    form: str  # select, ask or graph
    variables: list[str] = field(default_factory=list)
    rows: Iterable[tuple[Term | None, ...]] = field(default_factory=list)  # a list, or a stream
    boolean: bool | None = None


GRAPH_VARIABLES = ["subject", "predicate", "object"]


def literal(value: str, lang: str | None = None, datatype: str | None = None) -> Term:
    datatype = "" if (lang or not datatype or datatype in (XSD_STRING, RDF_LANG_STRING)) else datatype
    return Term("literal", value, (lang or "").lower(), datatype)


def from_oxigraph(term: object) -> Term | None:
    """Why by exact type, with the common IRI and plain-string cases first: this runs once per
    cell (86,000 cells for who_said_what on 1,000 articles), a third of a query's time in Python."""
    if term is None:
        return None
    kind = type(term)
    if kind is NamedNode:
        return Term("uri", term.value)
    if kind is OxLiteral:
        lang, datatype = term.language, term.datatype.value
        if lang:
            return Term("literal", term.value, lang.lower(), "")
        return Term("literal", term.value, "", "" if datatype == XSD_STRING else datatype)
    if kind is BlankNode:
        return Term("bnode", term.value)
    return Term("triple", str(term))


def from_rdflib(term: object) -> Term | None:
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return Term("uri", str(term))
    if isinstance(term, BNode):
        return Term("bnode", str(term))
    if isinstance(term, Literal):
        return literal(str(term), term.language, str(term.datatype) if term.datatype else None)
    return Term("triple", str(term))


def from_json(binding: dict | None) -> Term | None:
    """A term from the SPARQL 1.1 Query Results JSON format."""
    if binding is None:
        return None
    kind = binding.get("type", "literal")
    if kind == "typed-literal":  # SPARQL 1.0 servers (older Virtuoso)
        kind = "literal"
    if kind == "literal":
        return literal(binding.get("value", ""), binding.get("xml:lang"), binding.get("datatype"))
    return Term(kind, binding.get("value", ""))


CACHED_TERMS = 1 << 16  # terms remembered while converting one answer (then forgotten, and again)


def oxigraph_rows(solutions: Iterable) -> Iterable[tuple[Term | None, ...]]:
    """Rows of pyoxigraph solutions, in variable order. Why a cache: labels, relations, articles
    and rules repeat from row to row, and a dictionary look-up is cheaper than a new Term."""
    cache: dict[object, Term | None] = {}
    for solution in solutions:
        row = []
        for term in solution:
            found = cache.get(term, cache)
            if found is cache:
                if len(cache) >= CACHED_TERMS:
                    cache.clear()
                found = cache[term] = from_oxigraph(term)
            row.append(found)
        yield tuple(row)


def oxigraph_answer(result: object) -> Answer:
    """Answer from pyoxigraph's QuerySolutions, QueryBoolean or QueryTriples."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return Answer("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return Answer("select", names, oxigraph_rows(result))
    rows = ((from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object)) for t in result)
    return Answer("graph", list(GRAPH_VARIABLES), rows)


def rdflib_answer(result: object) -> Answer:
    """Answer from an rdflib query Result."""
    if result.type == "ASK":
        return Answer("ask", boolean=bool(result.askAnswer))
    if result.type == "SELECT":
        names = [str(v) for v in result.vars]
        rows = (tuple(from_rdflib(row[i]) for i in range(len(names))) for row in result)
        return Answer("select", names, rows)
    rows = (tuple(from_rdflib(term) for term in triple) for triple in result.graph)
    return Answer("graph", list(GRAPH_VARIABLES), rows)


def json_answer(data: dict) -> Answer:
    """Answer from a SPARQL 1.1 Query Results JSON document."""
    if "boolean" in data:
        return Answer("ask", boolean=bool(data["boolean"]))
    names = list(data.get("head", {}).get("vars", []))
    rows = [tuple(from_json(b.get(name)) for name in names) for b in data.get("results", {}).get("bindings", [])]
    return Answer("select", names, rows)
