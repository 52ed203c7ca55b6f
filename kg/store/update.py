"""One SPARQL Update per unit of the layout, built from terms, never from strings.

Why one update per document: an update is one transaction (in pyoxigraph and in servers that
run an update atomically), so "drop the document's graph, insert its new triples, keep the shared
relations graph in step" happens entirely or not at all: a load killed at any point leaves each
document as it was or as the new file has it. Terms are written by pyoxigraph's N-Triples
serialiser, which escapes every literal and only accepts valid IRIs, so text from articles
cannot break out of the data block.
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.graph.namespace import KG
from kg.store.partition import ACTORS_GRAPH, AGENT, RELATION, RELATIONS_GRAPH, TARGET, Unit, corpus_filter


def ntriples(triples: Iterable[ox.Triple]) -> str:
    """N-Triples lines (also valid inside a SPARQL INSERT DATA block)."""
    return ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def quads_block(quads: Iterable[ox.Quad]) -> str:
    """Quads as the body of an INSERT DATA / DELETE DATA block: `GRAPH <g> { … }` per graph."""
    by_graph: dict = {}
    for q in quads:
        by_graph.setdefault(q.graph_name, []).append(ox.Triple(q.subject, q.predicate, q.object))
    parts = []
    for graph, triples in by_graph.items():
        body = ntriples(triples)
        parts.append(body if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph} {{\n{body}}}\n")
    return "".join(parts)


def stating_modalities() -> tuple[str, ...]:
    """The kg:Modality individuals whose events state their direct relation (the ontology's
    kg:yieldsDirectRelation): an event with another modality does not keep one alive."""
    from kg.graph.vocabulary import modalities

    return tuple(str(KG[name]) for name, yields in sorted(modalities().items()) if yields)


def stale_relations(graph: ox.NamedNode) -> str:
    """Delete the relations the graph's old events implied that no event elsewhere still states
    (for servers; MINUS, because engines evaluate FILTER NOT EXISTS over GRAPH ?g very slowly)."""
    allowed = ", ".join(f"<{m}>" for m in stating_modalities())
    return (f"DELETE {{ GRAPH {RELATIONS_GRAPH} {{ ?s ?p ?o }} }} WHERE {{\n"
            f"  GRAPH {graph} {{ ?e {AGENT} ?s ; {RELATION} ?p ; {TARGET} ?o }}\n"
            f"  GRAPH {RELATIONS_GRAPH} {{ ?s ?p ?o }}\n"
            f"  MINUS {{ GRAPH ?g {{ ?x {AGENT} ?s ; {RELATION} ?p ; {TARGET} ?o .\n"
            f"    OPTIONAL {{ ?x <{KG.modality}> ?m }} }}\n"
            f"    FILTER (?g != {graph} && (!BOUND(?m) || ?m IN ({allowed}))) }}\n}}")


def supported_elsewhere(graph: ox.NamedNode, relation: ox.Triple) -> str:
    """ASK whether an event outside `graph` states the relation (the embedded store's check)."""
    allowed = ", ".join(f"<{m}>" for m in stating_modalities())
    s, p, o = relation.subject, relation.predicate, relation.object
    return (f"ASK {{ GRAPH ?g {{ ?x {AGENT} {s} ; {RELATION} {p} ; {TARGET} {o} . "
            f"OPTIONAL {{ ?x <{KG.modality}> ?m }} }} "
            f"FILTER (?g != {graph} && (!BOUND(?m) || ?m IN ({allowed}))) }}")


def replace_actors(subjects: Iterable[ox.NamedNode]) -> str:
    values = " ".join(str(s) for s in subjects)
    return (f"DELETE {{ GRAPH {ACTORS_GRAPH} {{ ?s ?p ?o }} }} WHERE {{ VALUES ?s {{ {values} }} "
            f"GRAPH {ACTORS_GRAPH} {{ ?s ?p ?o }} FILTER (!{corpus_filter()}) }}")  # (a resolution's sameAs stays)


def replace_corpus() -> str:
    """Delete the whole corpus stage (kg.store.partition.is_corpus), which the unit then inserts anew."""
    return (f"DELETE {{ GRAPH {ACTORS_GRAPH} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {ACTORS_GRAPH} {{ ?s ?p ?o }} "
            f"FILTER {corpus_filter()} }}")


def unit_update(unit: Unit, stale: list[ox.Triple] | None = None) -> str:
    """The update that writes one unit: stale relations out (the given ones, else found by the
    update itself), the graph dropped, actors replaced subject by subject, then every new triple
    in one INSERT DATA."""
    operations = []
    if stale:
        operations.append(f"DELETE DATA {{ GRAPH {RELATIONS_GRAPH} {{\n{ntriples(stale)}}} }}")
    elif unit.document and stale is None:
        operations.append(stale_relations(unit.graph))
    if unit.graph is not None:
        operations.append(f"DROP SILENT GRAPH {unit.graph}")
    if unit.actors:
        operations.append(replace_actors(unit.actors))
    if unit.corpus is not None:
        operations.append(replace_corpus())
    blocks = []
    if unit.graph is not None and unit.triples:
        blocks.append(f"GRAPH {unit.graph} {{\n{ntriples(unit.triples)}}}\n")
    if unit.relations:
        blocks.append(f"GRAPH {RELATIONS_GRAPH} {{\n{ntriples(unit.relations)}}}\n")
    descriptions = [t for triples in unit.actors.values() for t in triples] + list(unit.corpus or ())
    if descriptions:
        blocks.append(f"GRAPH {ACTORS_GRAPH} {{\n{ntriples(descriptions)}}}\n")
    if unit.default:
        blocks.append(ntriples(unit.default))
    if blocks:
        operations.append("INSERT DATA {\n" + "".join(blocks) + "}")
    return " ;\n".join(operations)
