"""The project's SPARQL prefixes, added to a query that uses them without declaring them.

Why: `kg query -e 'SELECT ?s WHERE { ?s a kg:Claim }'` should just work, on any back end. The
missing declarations go in front of the query's first line, so line numbers in error messages
still point at the user's text.
"""
from __future__ import annotations

import re


def project_prefixes() -> dict[str, str]:
    """Prefix -> namespace IRI: the ontology's own plus the standard vocabularies it uses."""
    from kg.graph.prefixes import NAMESPACES

    return dict(NAMESPACES)


def declared_prefixes(query: str) -> set[str]:
    """Prefix names the query declares itself (`PREFIX kg: <…>`, any case)."""
    return set(re.findall(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*|)\s*:", query))


def missing_prefixes(query: str) -> dict[str, str]:
    declared = declared_prefixes(query)
    return {name: iri for name, iri in project_prefixes().items() if name not in declared}


def with_prefixes(query: str) -> str:
    """The query with the undeclared project prefixes declared on its first line."""
    missing = missing_prefixes(query)
    if not missing:
        return query
    return " ".join(f"PREFIX {name}: <{iri}>" for name, iri in missing.items()) + " " + query
