"""Run one SPARQL query on the embedded store, on RDF files or on a remote endpoint.

Why one entry point: the same query must give the same answer wherever the data lives. Every
back end sees the default graph as the union of the named graphs, and gets the project's
prefixes when the query does not declare them. The back ends are registered by name (READERS),
and the command line's choice of one comes from there.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

from kg.errors import InputError, QueryError
from kg.store.prefixes import missing_prefixes, with_prefixes
from kg.store.results import Answer, oxigraph_answer, rdflib_answer
from kg.store.syntax import check_query

MAX_QUERY_FILE = 1_000_000


def read_query_file(path: str | Path) -> str:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such query file")
    if path.stat().st_size > MAX_QUERY_FILE:
        raise InputError(f"{path}: too large for a query ({path.stat().st_size} bytes)")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a UTF-8 text file") from None


def settle(answer: Answer, stream: bool) -> Answer:
    """Rows as a list, unless the caller prints them as they come (stream)."""
    if not stream:
        answer.rows = list(answer.rows)
    return answer


def on_store(store_path: str | Path | None, query: str, stream: bool = False, allow_service: bool = False,
             timeout: float | None = None) -> Answer:
    from kg.store.embedded import open_store

    check_query(query, missing_prefixes(query), allow_service)
    store, _ = open_store(store_path, create=False)
    try:
        result = store.query(query, prefixes=missing_prefixes(query), use_default_graph_as_union=True)
        return settle(oxigraph_answer(result), stream)
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:300]}") from None


def on_files(paths: list[str | Path], query: str, stream: bool = False, allow_service: bool = False,
             timeout: float | None = None) -> Answer:
    from kg.store.files import parse_rdf_dataset

    check_query(query, missing_prefixes(query), allow_service)
    dataset = parse_rdf_dataset(paths)
    try:
        with warnings.catch_warnings():  # rdflib's evaluator uses its own deprecated Dataset API
            warnings.simplefilter("ignore", DeprecationWarning)
            return settle(rdflib_answer(dataset.query(with_prefixes(query))), stream)
    except Exception as exc:  # rdflib raises parser- and evaluator-specific types
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:300]}") from None


def on_endpoint(url: str, query: str, timeout: float = 60.0, stream: bool = False,
                allow_service: bool = False) -> Answer:
    from kg.store.sparql_client import query_endpoint

    form = check_query(query, missing_prefixes(query), allow_service)
    return query_endpoint(url, with_prefixes(query), form, timeout)


def endpoint_reader(url: str, query: str, stream: bool = False, allow_service: bool = False,
                    timeout: float | None = None) -> Answer:
    return on_endpoint(url, query, timeout or 60.0, stream, allow_service)


# name -> runner(where, query, stream=, allow_service=, timeout=): `kg query --store/--data/--endpoint`
READERS: dict[str, Callable[..., Answer]] = {"store": on_store, "data": on_files, "endpoint": endpoint_reader}


def run_on(backend: str, where, query: str, **options) -> Answer:
    """Run the query on the back end registered as `backend` (store, data, endpoint)."""
    return READERS[backend](where, query, **options)
