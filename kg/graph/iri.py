"""Deterministic IRIs: the same thing gets the same IRI in every run and every document, so
graphs built apart merge by union. Every piece taken from text is percent-encoded, so no name
can break out of an IRI in Turtle or SPARQL (`>`, `"`, `}`, spaces, newlines...)."""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from kg.graph.namespace import KGR

BASE = str(KGR)


def safe(part: str) -> str:
    return quote(part, safe="")


@lru_cache(maxsize=100_000)
def entity_iri(key: str) -> str:
    return BASE + safe(key)


def document_iri(doc_id: str) -> str:
    return f"{BASE}doc/{safe(doc_id)}"


def sentence_iri(doc_id: str, index: int) -> str:
    return f"{document_iri(doc_id)}/s{index}"


def mention_iri(doc_id: str, start: int, end: int, key: str) -> str:
    return f"{document_iri(doc_id)}/m/{start}-{end}/{safe(key)}"


def event_iri(doc_id: str, event_id: str) -> str:
    return f"{document_iri(doc_id)}/e/{safe(event_id)}"


def claim_iri(doc_id: str, claim_id: str) -> str:
    return f"{document_iri(doc_id)}/c/{safe(claim_id)}"


def document_of(iri: str) -> str | None:
    """The document IRI a minted node belongs to (None for shared actors and places)."""
    prefix = f"{BASE}doc/"
    if not iri.startswith(prefix):
        return None
    rest = iri[len(prefix):]
    return prefix + rest.split("/", 1)[0]
