"""Extraction -> rdflib Graph under the kg ontology (see `ontology/README.md` for the shape).

Each event and claim is a node of its own carrying its provenance (document, sentence,
character span, rule, confidence), and also writes the direct actor-to-actor triple it implies
(`kgr:Azerbaijan kg:accuses kgr:Armenia`), so simple questions need simple queries.
"""
from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.graph.iri import claim_iri, document_iri, entity_iri, event_iri, mention_iri, sentence_iri
from kg.graph.namespace import KG, PREFIXES, SCHEMA, WD
from kg.graph.ontology import cameo_codes
from kg.model import Claim, Entity, Event, Extraction

# Relations whose object may be the event itself when no target was found.
EVENT_OBJECT_RELATIONS = {"declares", "reportsCasualties", "denies", "violates", "attacks", "condemns",
                          "threatens", "deploysTo", "withdrawsFrom", "supports", "intercepts"}


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("skos", SKOS)
    graph.bind("owl", OWL)
    return graph


def ar(text: str) -> Literal:
    return Literal(text, lang="ar")


def decimal(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 3))), datatype=XSD.decimal)


def integer(value: int) -> Literal:
    return Literal(int(value), datatype=XSD.integer)


def add_entity(graph: Graph, entity: Entity) -> None:
    node = entity_iri(entity.key)
    graph.add((node, RDF.type, KG[entity.type]))
    if entity.name_ar:
        graph.add((node, RDFS.label, ar(entity.name_ar)))
    if entity.name_en:
        graph.add((node, RDFS.label, Literal(entity.name_en, lang="en")))
    for alias in entity.aliases_ar:
        graph.add((node, SKOS.altLabel, ar(alias)))
    if entity.qid:
        graph.add((node, KG.wikidata, WD[entity.qid]))
        graph.add((node, OWL.sameAs, WD[entity.qid]))
    if entity.country and entity.country != entity.key:
        graph.add((node, KG.country, entity_iri(entity.country)))
    if entity.part_of and entity.part_of != entity.key:
        graph.add((node, KG.partOf, entity_iri(entity.part_of)))
    if entity.capital_of:
        graph.add((node, KG.capitalOf, entity_iri(entity.capital_of)))
    if entity.type in ("City", "Region") and entity.country:
        graph.add((node, KG.locatedIn, entity_iri(entity.country)))
    if entity.role:
        graph.add((node, KG.role, Literal(entity.role, lang="en")))
    if entity.role_ar:
        graph.add((node, KG.role, ar(entity.role_ar)))


def add_provenance(graph: Graph, node: URIRef, doc_id: str, sentence: int, start: int, end: int,
                   rule: str, confidence: float) -> None:
    graph.add((node, KG.document, document_iri(doc_id)))
    graph.add((node, KG.sentence, sentence_iri(doc_id, sentence)))
    graph.add((node, KG.charStart, integer(start)))
    graph.add((node, KG.charEnd, integer(end)))
    graph.add((node, KG.rule, Literal(rule)))
    graph.add((node, KG.confidence, decimal(confidence)))


def add_event(graph: Graph, doc_id: str, event: Event) -> None:
    node = event_iri(doc_id, event.id)
    graph.add((node, RDF.type, KG[event.type]))
    for agent in event.agents:
        graph.add((node, KG.agent, entity_iri(agent)))
    for target in event.targets:
        graph.add((node, KG.target, entity_iri(target)))
    if event.location:
        graph.add((node, KG.location, entity_iri(event.location)))
    if event.date:
        graph.add((node, KG.occursOn, Literal(event.date, datatype=XSD.date)))
    if event.time:
        graph.add((node, KG.occursAt, Literal(event.time, datatype=XSD.dateTime)))
    if event.count is not None:
        graph.add((node, KG.casualtyCount, integer(event.count)))
    if event.casualty_type:
        graph.add((node, KG.casualtyType, Literal(event.casualty_type)))
    for side in event.sides:
        graph.add((node, KG.casualtySide, entity_iri(side)))
    if event.victim:
        graph.add((node, KG.victim, ar(event.victim)))
    if event.about:
        graph.add((node, KG.about, ar(event.about)))
    if event.part_of_event:
        graph.add((node, KG.partOfEvent, event_iri(doc_id, event.part_of_event)))
    code = cameo_codes().get(event.type)
    if code is not None:
        graph.add((node, KG.eventCode, code))
    graph.add((node, KG.trigger, Literal(event.trigger)))
    add_provenance(graph, node, doc_id, event.sentence, event.start, event.end, event.rule, event.confidence)
    if not event.relation:
        return
    relation = KG[event.relation]
    graph.add((node, KG.relation, relation))
    objects = [entity_iri(t) for t in event.targets]
    if event.relation == "violates" and event.part_of_event:
        objects = [event_iri(doc_id, event.part_of_event)]
    elif event.relation in ("declares", "reportsCasualties") or (not objects and event.relation in EVENT_OBJECT_RELATIONS):
        objects = [node]
    for agent in event.agents:
        for obj in objects:
            graph.add((entity_iri(agent), relation, obj))


def add_claim(graph: Graph, doc_id: str, claim: Claim) -> None:
    node = claim_iri(doc_id, claim.id)
    graph.add((node, RDF.type, KG.Claim))
    graph.add((node, KG.claimedBy, entity_iri(claim.speaker)))
    graph.add((node, KG.quote, ar(claim.quote)))
    for event_id in claim.asserts:
        graph.add((node, KG.asserts, event_iri(doc_id, event_id)))
    if claim.date:
        graph.add((node, KG.claimDate, Literal(claim.date, datatype=XSD.date)))
    add_provenance(graph, node, doc_id, claim.sentence, claim.start, claim.end, claim.rule, claim.confidence)
    graph.add((entity_iri(claim.speaker), KG.states, node))


def extraction_graph(extraction: Extraction, graph: Graph | None = None) -> Graph:
    """Add one document's facts to `graph` (a new one by default) and return it."""
    graph = graph if graph is not None else new_graph()
    doc = extraction.document
    doc_node = document_iri(doc.id)
    graph.add((doc_node, RDF.type, KG.Document))
    graph.add((doc_node, RDF.type, SCHEMA.NewsArticle))
    graph.add((doc_node, KG.docId, Literal(doc.id)))
    if doc.title:
        graph.add((doc_node, SCHEMA.headline, ar(doc.title)))
    if doc.date:
        graph.add((doc_node, SCHEMA.datePublished, Literal(doc.date, datatype=XSD.date)))
    if doc.url:
        graph.add((doc_node, SCHEMA.url, Literal(doc.url, datatype=XSD.anyURI)))
    if doc.source:
        graph.add((doc_node, SCHEMA.publisher, Literal(doc.source)))
    for sentence in extraction.sentences:
        node = sentence_iri(doc.id, sentence.index)
        graph.add((node, RDF.type, KG.Sentence))
        graph.add((node, KG.inDocument, doc_node))
        graph.add((node, KG["index"], integer(sentence.index)))
        graph.add((node, KG.text, ar(sentence.text)))
        graph.add((node, KG.charStart, integer(sentence.start)))
        graph.add((node, KG.charEnd, integer(sentence.end)))
    for entity in extraction.entities.values():
        add_entity(graph, entity)
    for mention in extraction.mentions:
        node = mention_iri(doc.id, mention.start, mention.end, mention.entity)
        graph.add((node, RDF.type, KG.Mention))
        graph.add((node, KG.refersTo, entity_iri(mention.entity)))
        graph.add((node, KG.surface, Literal(mention.surface)))
        add_provenance(graph, node, doc.id, mention.sentence, mention.start, mention.end,
                       mention.rule, mention.confidence)
    for event in extraction.events:
        add_event(graph, doc.id, event)
    for claim in extraction.claims:
        add_claim(graph, doc.id, claim)
    return graph
