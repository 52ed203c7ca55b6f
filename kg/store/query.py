"""Run one SPARQL query on the embedded store, on RDF files or on a remote endpoint.

Why one entry point: the same query must give the same answer wherever the data lives. Every
back end sees the default graph as the union of the named graphs, and gets the project's
prefixes when the query does not declare them.
"""
from __future__ import annotations

import warnings
from pathlib import Path

from kg.errors import InputError, QueryError
from kg.store.prefixes import missing_prefixes, with_prefixes
from kg.store.results import Answer, oxigraph_answer, rdflib_answer
from kg.store.syntax import check_query


def read_query_file(path: str | Path) -> str:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such query file")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a UTF-8 text file") from None


def on_store(store_path: str | Path | None, query: str) -> Answer:
    from kg.store.embedded import open_store

    check_query(query, missing_prefixes(query))
    store, _ = open_store(store_path, create=False)
    try:
        result = store.query(query, prefixes=missing_prefixes(query), use_default_graph_as_union=True)
        return oxigraph_answer(result)
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:300]}") from None


def on_files(paths: list[str | Path], query: str) -> Answer:
    from kg.store.files import parse_rdf_dataset

    check_query(query, missing_prefixes(query))
    dataset = parse_rdf_dataset(paths)
    try:
        with warnings.catch_warnings():  # rdflib's evaluator uses its own deprecated Dataset API
            warnings.simplefilter("ignore", DeprecationWarning)
            return rdflib_answer(dataset.query(with_prefixes(query)))
    except Exception as exc:  # rdflib raises parser- and evaluator-specific types
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:300]}") from None


def on_endpoint(url: str, query: str, timeout: float) -> Answer:
    from kg.store.sparql_client import query_endpoint

    form = check_query(query, missing_prefixes(query))
    return query_endpoint(url, with_prefixes(query), form, timeout)
