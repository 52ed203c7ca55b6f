"""Extraction -> RDF under the kg ontology (see `ontology/README.md` for the shape).

Each event and claim is a node of its own carrying its provenance (document, sentence,
character span, rule, confidence), and also writes the direct actor-to-actor triple it implies
(`kgr:Azerbaijan kg:accuses kgr:Armenia`), so simple questions need simple queries; the event
names each such triple's object (`kg:factObject`), so a fact's sources are read on its events.

Triples are made as pyoxigraph terms, which are cheap to create and stream straight into Rust
serialisers and stores; `extraction_graph` turns them into an rdflib Graph for the code that
wants one (SHACL, the HTML view, tests).
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Triple
from rdflib import Graph
from rdflib import Literal as RdfLiteral
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.graph.iri import claim_iri, document_iri, entity_iri, event_iri, mention_iri, sentence_iri
from kg.graph.namespace import KG, PREFIXES, SCHEMA, WD
from kg.graph.project import direct_triples
from kg.graph.vocabulary import UnknownTerm, event_kind, is_defined
from kg.model import Claim, Entity, Event, Extraction

TYPE = NamedNode(str(RDF.type))
LABEL = NamedNode(str(RDFS.label))
ALT_LABEL = NamedNode(str(SKOS.altLabel))
SAME_AS = NamedNode(str(OWL.sameAs))
INTEGER = NamedNode(str(XSD.integer))
DECIMAL = NamedNode(str(XSD.decimal))
DATE = NamedNode(str(XSD.date))
DATETIME = NamedNode(str(XSD.dateTime))
ANY_URI = NamedNode(str(XSD.anyURI))
STRING = str(XSD.string)
LANG_STRING = str(RDF.langString)


class Terms(dict):
    """Terms of one namespace as pyoxigraph NamedNodes, made once (KG_["agent"]); a name the
    namespace does not define raises `UnknownTerm` instead of minting a new IRI."""

    def __init__(self, namespace: str, known) -> None:
        super().__init__()
        self.namespace = namespace
        self.known = known

    def __missing__(self, name: str) -> NamedNode:
        if not self.known(name):
            raise UnknownTerm(f"{self.namespace}{name} is not a term the graph may use")
        node = self[name] = NamedNode(self.namespace + name)
        return node


SCHEMA_TERMS = frozenset({"NewsArticle", "headline", "datePublished", "url", "publisher"})
KG_ = Terms(str(KG), is_defined)
SCHEMA_ = Terms(str(SCHEMA), SCHEMA_TERMS.__contains__)


def node(iri: URIRef | str) -> NamedNode:
    return NamedNode(str(iri))


@lru_cache(maxsize=100_000)
def entity_node(key: str) -> NamedNode:
    return NamedNode(entity_iri(key))


@lru_cache(maxsize=100_000)
def integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=INTEGER)


@lru_cache(maxsize=1_000)
def decimal(value: float) -> Literal:
    return Literal(str(Decimal(str(round(value, 3)))), datatype=DECIMAL)


@lru_cache(maxsize=10_000)
def plain(text: str) -> Literal:
    return Literal(text)


class DocumentNodes:
    """The nodes one document's triples keep referring to, made once."""

    def __init__(self, doc_id: str, sentences: int) -> None:
        self.doc_id = doc_id
        self.document = NamedNode(document_iri(doc_id))
        self.sentences = [NamedNode(sentence_iri(doc_id, i)) for i in range(sentences)]

    def event(self, event_id: str) -> NamedNode:
        return NamedNode(event_iri(self.doc_id, event_id))

    def claim(self, claim_id: str) -> NamedNode:
        return NamedNode(claim_iri(self.doc_id, claim_id))

    def mention(self, start: int, end: int, key: str) -> NamedNode:
        return NamedNode(mention_iri(self.doc_id, start, end, key))


URL_SAFE = ":/?#[]@!$&'()*+,;=%-._~"


def url_term(url: str) -> NamedNode | Literal:
    """An article's URL as an IRI (characters an IRI may not hold percent-encoded), so linked-data
    tools can follow it; text that is no absolute URL stays an xsd:anyURI literal."""
    try:
        return NamedNode(quote(url.strip(), safe=URL_SAFE))
    except ValueError:
        return Literal(url, datatype=ANY_URI)


def ar(text: str) -> Literal:
    return Literal(text, language="ar")


def entity_triples(entity: Entity) -> Iterator[Triple]:
    """What the graph says about an actor or place (the same in every document)."""
    subject = entity_node(entity.key)
    yield Triple(subject, TYPE, KG_[entity.type])
    if entity.name_ar:
        yield Triple(subject, LABEL, ar(entity.name_ar))
    if entity.name_en:
        yield Triple(subject, LABEL, Literal(entity.name_en, language="en"))
    for alias in entity.aliases_ar:
        yield Triple(subject, ALT_LABEL, ar(alias))
    if entity.qid:
        yield Triple(subject, KG_["wikidata"], node(WD[entity.qid]))
        yield Triple(subject, SAME_AS, node(WD[entity.qid]))
    if entity.country and entity.country != entity.key:
        yield Triple(subject, KG_["country"], entity_node(entity.country))
    if entity.part_of and entity.part_of != entity.key:
        yield Triple(subject, KG_["partOf"], entity_node(entity.part_of))
    if entity.capital_of:
        yield Triple(subject, KG_["capitalOf"], entity_node(entity.capital_of))
    if entity.type in ("City", "Region") and entity.country:
        yield Triple(subject, KG_["locatedIn"], entity_node(entity.country))
    if entity.role:
        yield Triple(subject, KG_["role"], Literal(entity.role, language="en"))
    if entity.role_ar:
        yield Triple(subject, KG_["role"], ar(entity.role_ar))


def provenance(subject: NamedNode, nodes: DocumentNodes, sentence: int, start: int, end: int, rule: str,
               confidence: float) -> Iterator[Triple]:
    yield Triple(subject, KG_["document"], nodes.document)
    yield Triple(subject, KG_["sentence"], nodes.sentences[sentence])
    yield Triple(subject, KG_["charStart"], integer(start))
    yield Triple(subject, KG_["charEnd"], integer(end))
    yield Triple(subject, KG_["rule"], plain(rule))
    yield Triple(subject, KG_["confidence"], decimal(confidence))


def event_triples(nodes: DocumentNodes, event: Event) -> Iterator[Triple]:
    subject = nodes.event(event.id)
    kind = event_kind(event.type)
    yield Triple(subject, TYPE, KG_[event.type])
    yield Triple(subject, KG_["modality"], KG_[event.modality])
    for agent in event.agents:
        yield Triple(subject, KG_["agent"], entity_node(agent))
    for target in event.targets:
        yield Triple(subject, KG_["target"], entity_node(target))
    if event.location:
        yield Triple(subject, KG_["location"], entity_node(event.location))
    if event.date:
        yield Triple(subject, KG_["occursOn"], Literal(event.date.isoformat(), datatype=DATE))
    if event.time:
        yield Triple(subject, KG_["occursAt"], Literal(event.time.isoformat(), datatype=DATETIME))
    if event.count is not None:
        yield Triple(subject, KG_["casualtyCount"], integer(event.count))
    if event.quantity is not None:
        yield Triple(subject, KG_["quantity"], integer(event.quantity))
    if event.casualty_type:
        yield Triple(subject, KG_["casualtyType"], plain(event.casualty_type))
    if event.running_total:
        yield Triple(subject, KG_["runningTotal"], Literal(True))
    for side in event.sides:
        yield Triple(subject, KG_["casualtySide"], entity_node(side))
    if event.victim:
        yield Triple(subject, KG_["victim"], ar(event.victim))
    if event.about:
        yield Triple(subject, KG_["about"], ar(event.about))
    if event.part_of_event:
        yield Triple(subject, KG_["partOfEvent"], nodes.event(event.part_of_event))
    if kind.cameo:
        yield Triple(subject, KG_["eventCode"], node(kind.cameo))
    yield Triple(subject, KG_["trigger"], ar(event.trigger))
    yield from provenance(subject, nodes, event.sentence, event.start, event.end, event.rule, event.confidence)
    if not event.relation:
        return
    yield Triple(subject, KG_["relation"], KG_[event.relation])
    part_of = nodes.event(event.part_of_event) if event.part_of_event else None
    facts = direct_triples(event.relation, [entity_node(a) for a in event.agents],
                           [entity_node(t) for t in event.targets], part_of, subject, event.modality)
    for agent, relation, obj in facts:
        yield Triple(agent, KG_[relation], obj)
    for obj in dict.fromkeys(obj for _, _, obj in facts):  # the facts are agents x these, but self-pairs
        yield Triple(subject, KG_["factObject"], obj)


def claim_triples(nodes: DocumentNodes, claim: Claim) -> Iterator[Triple]:
    subject = nodes.claim(claim.id)
    yield Triple(subject, TYPE, KG_["Claim"])
    yield Triple(subject, KG_["claimedBy"], entity_node(claim.speaker))
    yield Triple(subject, KG_["quote"], ar(claim.quote))
    for event_id in claim.asserts:
        yield Triple(subject, KG_["asserts"], nodes.event(event_id))
    if claim.date:
        yield Triple(subject, KG_["claimDate"], Literal(claim.date.isoformat(), datatype=DATE))
    yield from provenance(subject, nodes, claim.sentence, claim.start, claim.end, claim.rule, claim.confidence)
    yield Triple(entity_node(claim.speaker), KG_["states"], subject)


PROVENANCE = ("full", "compact")  # kg build --provenance: a node per mention, or the sentence naming each actor


def document_triples(extraction: Extraction, sources: str = "full") -> Iterator[Triple]:
    """Everything minted under the document's IRI, plus the direct relations its events imply.
    `sources` "compact" (kg build --provenance) writes no kg:Mention nodes (nine triples each, over 40 % of a graph):
    each sentence says which actors and places it names (kg:mentions); events and claims keep
    their own document, sentence, span, rule and confidence either way."""
    doc = extraction.document
    nodes = DocumentNodes(doc.id, len(extraction.sentences))
    doc_node = nodes.document
    yield Triple(doc_node, TYPE, KG_["Document"])
    yield Triple(doc_node, TYPE, SCHEMA_["NewsArticle"])
    yield Triple(doc_node, KG_["docId"], Literal(doc.id))
    if doc.title:
        yield Triple(doc_node, SCHEMA_["headline"], ar(doc.title))
    if doc.date:
        yield Triple(doc_node, SCHEMA_["datePublished"], Literal(doc.date.isoformat(), datatype=DATE))
    if doc.url:
        yield Triple(doc_node, SCHEMA_["url"], url_term(doc.url))
    if doc.source:
        yield Triple(doc_node, SCHEMA_["publisher"], Literal(doc.source))
    for sentence in extraction.sentences:
        subject = nodes.sentences[sentence.index]
        yield Triple(subject, TYPE, KG_["Sentence"])
        yield Triple(subject, KG_["inDocument"], doc_node)
        yield Triple(subject, KG_["index"], integer(sentence.index))
        yield Triple(subject, KG_["text"], ar(sentence.text))
        yield Triple(subject, KG_["charStart"], integer(sentence.start))
        yield Triple(subject, KG_["charEnd"], integer(sentence.end))
    if sources == "compact":
        for sentence, key in dict.fromkeys((m.sentence, m.entity) for m in extraction.mentions):
            yield Triple(nodes.sentences[sentence], KG_["mentions"], entity_node(key))
        mentions = []
    else:
        mentions = extraction.mentions
    for mention in mentions:
        subject = nodes.mention(mention.start, mention.end, mention.entity)
        yield Triple(subject, TYPE, KG_["Mention"])
        yield Triple(subject, KG_["refersTo"], entity_node(mention.entity))
        yield Triple(subject, KG_["surface"], ar(mention.surface))
        yield from provenance(subject, nodes, mention.sentence, mention.start, mention.end,
                              mention.rule, mention.confidence)
    for event in extraction.events:
        yield from event_triples(nodes, event)
    for claim in extraction.claims:
        yield from claim_triples(nodes, claim)


def extraction_triples(extraction: Extraction) -> Iterator[Triple]:
    """One document's whole graph: its own nodes and the actors and places it refers to."""
    yield from document_triples(extraction)
    for entity in extraction.entities.values():
        yield from entity_triples(entity)


def new_graph() -> Graph:
    """An empty rdflib Graph with the project's prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("skos", SKOS)
    graph.bind("owl", OWL)
    return graph


def to_rdflib(term):
    if isinstance(term, NamedNode):
        return URIRef(term.value)
    if term.language:
        return RdfLiteral(term.value, lang=term.language)
    datatype = term.datatype.value
    return RdfLiteral(term.value, datatype=None if datatype == STRING else URIRef(datatype))


def extraction_graph(extraction: Extraction, graph: Graph | None = None) -> Graph:
    """Add one document's graph to `graph` (a new one by default) as rdflib terms."""
    graph = graph if graph is not None else new_graph()
    graph.addN((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object), graph)
               for t in set(extraction_triples(extraction)))
    return graph
