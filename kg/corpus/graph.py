"""The corpus graph: resolutions of minted actors, canonical events with their reports, and
disagreements, as triples under `kgr:corpus/` (terms: the corpus section of ontology/kg.ttl).

IRIs are hashes of sorted member ids, so they do not depend on the order documents came in.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Triple

from kg.corpus import CorpusResult
from kg.corpus.disagreements import Disagreement
from kg.corpus.entities import Merge
from kg.corpus.summary import EventInfo
from kg.graph.build import DATE, KG_, LABEL, SAME_AS, TYPE, entity_node, integer, plain
from kg.graph.iri import BASE, claim_iri, document_iri, event_iri, mention_iri, safe

TAB = "\t"
PRECISION_RANK = {"day": 0, "relative": 1, "weekday": 2, "document": 3, "": 4}


def digest(parts) -> str:
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def report_node(report: EventInfo) -> NamedNode:
    return NamedNode(event_iri(report.doc, report.id))


def canonical_node(reports: tuple[EventInfo, ...]) -> NamedNode:
    return NamedNode(f"{BASE}corpus/event/{digest(r.doc + TAB + r.id for r in reports)}")


def result_triples(result: CorpusResult) -> Iterator[Triple]:
    for merge in result.actors.merges:
        yield from resolution_triples(merge)
    canon = result.actors.canon
    nodes = [canonical_node(unit) for unit in result.units]
    for index, cluster in enumerate(result.clusters):
        yield from canonical_triples(nodes[index], cluster.reports, canon)
    for disagreement in result.disagreements:
        yield from disagreement_triples(disagreement, nodes[disagreement.unit], result, canon)


def resolution_triples(merge: Merge) -> Iterator[Triple]:
    subject = NamedNode(f"{BASE}corpus/resolution/{safe(merge.member)}")
    member, head = entity_node(merge.member), entity_node(merge.canonical)
    yield Triple(member, SAME_AS, head)
    yield Triple(subject, TYPE, KG_["Resolution"])
    yield Triple(subject, KG_["mergedEntity"], member)
    yield Triple(subject, KG_["canonicalEntity"], head)
    yield Triple(subject, KG_["rule"], plain(merge.rule))
    yield Triple(subject, LABEL, Literal(f"{merge.member_name} = {merge.canonical_name} ({merge.rule})", language="ar"))
    for mention in merge.evidence:
        yield Triple(subject, KG_["evidence"], NamedNode(mention_iri(mention.doc, mention.start, mention.end,
                                                                     mention.key)))


def best_date(reports: tuple[EventInfo, ...]):
    """The most frequent date among the most precise reports (ties: the earliest), and its precision."""
    dated = [r for r in reports if r.date is not None]
    if not dated:
        return None, ""
    top = min(PRECISION_RANK.get(r.precision, 4) for r in dated)
    dates = Counter(r.date for r in dated if PRECISION_RANK.get(r.precision, 4) == top)
    value = min(dates, key=lambda d: (-dates[d], d))
    return value, next(r.precision for r in dated if PRECISION_RANK.get(r.precision, 4) == top)


def canonical_triples(subject: NamedNode, reports: tuple[EventInfo, ...], canon) -> Iterator[Triple]:
    classes = Counter(r.type for r in reports)
    main = min(classes, key=lambda t: (-classes[t], t))
    yield Triple(subject, TYPE, KG_["CanonicalEvent"])
    yield Triple(subject, KG_["eventClass"], KG_[main])
    count = sum(1 for _ in reports)
    yield Triple(subject, LABEL, Literal(f"{main} ({count} reports)", language="en"))
    for agent in sorted({canon(a) for r in reports if r.family != "CasualtyFamily" for a in r.agents}):
        yield Triple(subject, KG_["agent"], entity_node(agent))
    for target in sorted({canon(t) for r in reports for t in r.targets}):
        yield Triple(subject, KG_["target"], entity_node(target))
    for place in sorted({canon(p) for r in reports for p in r.places}):
        yield Triple(subject, KG_["location"], entity_node(place))
    for side in sorted({canon(s) for r in reports for s in r.sides}):
        yield Triple(subject, KG_["casualtySide"], entity_node(side))
    when, precision = best_date(reports)
    if when is not None:
        yield Triple(subject, KG_["occursOn"], Literal(when.isoformat(), datatype=DATE))
        yield Triple(subject, KG_["datePrecision"], plain(precision))
        dates = sorted(r.date for r in reports if r.date is not None)
        yield Triple(subject, KG_["earliestDate"], Literal(dates[0].isoformat(), datatype=DATE))
        yield Triple(subject, KG_["latestDate"], Literal(dates[-1].isoformat(), datatype=DATE))
    counts = [r.count for r in reports if r.count is not None]
    if counts:
        yield Triple(subject, KG_["minCount"], integer(min(counts)))
        yield Triple(subject, KG_["maxCount"], integer(max(counts)))
    types = sorted({r.casualty_type for r in reports if r.casualty_type})
    for kind in types:
        yield Triple(subject, KG_["casualtyType"], plain(kind))
    yield Triple(subject, KG_["reportCount"], integer(count))
    yield Triple(subject, KG_["sourceCount"], integer(len({r.source or r.doc for r in reports})))
    for report in reports:
        yield Triple(subject, KG_["hasReport"], report_node(report))
        yield Triple(report_node(report), KG_["reportOf"], subject)
    for doc in sorted({r.doc for r in reports}):
        yield Triple(subject, KG_["reportedBy"], NamedNode(document_iri(doc)))


def disagreement_triples(disagreement: Disagreement, about: NamedNode, result: CorpusResult,
                         canon) -> Iterator[Triple]:
    ids = [disagreement.kind] + [f"{p.stance}\t{p.report.doc}\t{p.report.id}" for p in disagreement.positions]
    subject = NamedNode(f"{BASE}corpus/disagreement/{digest(ids)}")
    yield Triple(subject, TYPE, KG_["Disagreement"])
    yield Triple(subject, TYPE, KG_[disagreement.kind])
    unit = result.units[disagreement.unit]
    yield Triple(subject, KG_["concerns"], about if len(unit) > 1 else report_node(unit[0]))
    yield Triple(subject, LABEL, Literal(label(disagreement), language="en"))
    for n, position in enumerate(disagreement.positions):
        held = NamedNode(f"{subject.value}/p{n}")
        report = position.report
        yield Triple(subject, KG_["position"], held)
        yield Triple(held, TYPE, KG_["Position"])
        yield Triple(held, KG_["stance"], plain(position.stance))
        yield Triple(held, KG_["report"], report_node(report))
        yield Triple(held, KG_["document"], NamedNode(document_iri(report.doc)))
        if report.source:
            yield Triple(held, KG_["source"], plain(report.source))
        speakers = [s for _, s in report.claims] or (list(report.agents) if position.stance != "blames" else [])
        for speaker in sorted({canon(s) for s in speakers}):
            yield Triple(held, KG_["heldBy"], entity_node(speaker))
        for claim_id, _ in report.claims:
            yield Triple(held, KG_["inClaim"], NamedNode(claim_iri(report.doc, claim_id)))
        if position.count is not None:
            yield Triple(held, KG_["statesCount"], integer(position.count))
        for actor in position.blames:
            yield Triple(held, KG_["blames"], entity_node(actor))


def label(disagreement: Disagreement) -> str:
    positions = disagreement.positions
    if disagreement.kind == "CountDisagreement":
        return "counts differ: " + ", ".join(f"{p.count} ({p.report.source or p.report.doc})" for p in positions)
    if disagreement.kind == "BlameDisagreement":
        return "blame differs: " + ", ".join(f"{'/'.join(p.blames)} ({p.report.source or p.report.doc})"
                                             for p in positions)
    return "accused and denied: " + ", ".join(f"{p.stance} ({p.report.source or p.report.doc})" for p in positions)

