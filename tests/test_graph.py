"""Graph stage: ontology and code agree, IRIs are safe, outputs parse back, SHACL catches errors."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.extract.pipeline import extract
from kg.graph.build import extraction_graph
from kg.graph.iri import document_iri, document_of, entity_iri
from kg.graph.namespace import KG
from kg.graph.ontology import ontology
from kg.graph.vocabulary import actor_classes, event_kinds, place_classes, relation_kinds
from kg.model import Document


def test_every_term_the_code_uses_is_defined_with_both_labels():
    onto = ontology()
    for name in (*actor_classes(), *place_classes(), *event_kinds(), "Claim", "Document", "Sentence", "Mention"):
        assert (KG[name], RDF.type, OWL.Class) in onto, name
    for name in relation_kinds():
        assert (KG[name], RDF.type, OWL.ObjectProperty) in onto, name
    for term in [*map(KG.__getitem__, event_kinds()), *map(KG.__getitem__, relation_kinds())]:
        languages = {label.language for label in onto.objects(term, RDFS.label)}
        assert {"ar", "en"} <= languages, term


def test_every_term_in_a_built_graph_is_in_the_ontology(seed_graph):
    onto = ontology()
    defined = {s for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(str(KG))}
    used = {p for p in seed_graph.predicates() if str(p).startswith(str(KG))}
    used |= {o for o in seed_graph.objects(None, RDF.type) if str(o).startswith(str(KG))}
    assert used <= defined, used - defined


def test_iris_from_text_are_percent_encoded():
    nasty = 'x> } "y"\n{ DROP ALL }'
    iri = str(document_iri(nasty))
    assert not any(c in iri for c in '<>"{} \n')
    assert document_of(iri + "/e/1-Attack") == iri
    assert document_of(str(entity_iri("Armenia"))) is None


def test_hostile_document_id_and_title_round_trip_through_turtle():
    doc = Document(id='bad> id "}\nx', text='عنوان <script>alert(1)</script> "}>\n\nقصفت روسيا أوكرانيا.',
                   title='عنوان <script>alert(1)</script> "}>')
    graph = extraction_graph(extract(doc))
    back = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert len(back) == len(graph)
    ids = {str(o) for o in back.objects(None, KG.docId)}
    assert ids == {doc.id}


def test_all_formats_parse_back(tmp_path, seed_graph):
    from kg.export.rdf import write_graph

    for fmt, parse_as in (("turtle", "turtle"), ("nt", "nt"), ("json-ld", "json-ld")):
        path = write_graph(seed_graph, tmp_path / f"g.{fmt}", fmt)
        assert len(Graph().parse(path, format=parse_as)) == len(seed_graph)
    assert "@prefix kg: <https://w3id.org/kg-arabic-news/ontology#>" in (tmp_path / "g.turtle").read_text()


def test_shapes_report_a_broken_graph(seed_graph):
    from kg.graph.validate import validate

    broken = Graph()
    for triple in seed_graph:
        broken.add(triple)
    event = next(seed_graph.subjects(KG.relation, None))
    broken.remove((event, KG.rule, None))
    broken.add((event, KG.confidence, Literal(1.5)))
    result = validate(broken)
    assert not result.conforms
    assert any(str(event) in line for line in result.violations)


def test_networkx_view_puts_claims_between_speakers_and_events(seed_graph):
    from kg.export.network import to_networkx

    net = to_networkx(seed_graph)
    claims = [n for n, d in net.nodes(data=True) if d.get("cls") == "Claim"]
    assert claims
    speaker_edges = [(u, v) for u, v, k in net.edges(keys=True) if k == "says"]
    assert any(v in claims for _, v in speaker_edges)
    assert all(net.nodes[n]["label_ar"] for n in net.nodes)


def test_json_ld_reads_as_plain_json_and_round_trips(tmp_path, seed_graph):
    import json

    from rdflib.compare import isomorphic

    from kg.export.rdf import write_graph

    path = write_graph(seed_graph, tmp_path / "g.jsonld", "json-ld")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"]["agent"] == {"@id": "kg:agent", "@type": "@id"}
    events = [n for n in document["@graph"] if n.get("@type") == "CasualtyReport"]
    assert any(e.get("agent") == "kgr:Nikol_Pashinyan" for e in events)
    assert any(e.get("occursOn") == "2022-09-13" for e in events)
    assert all(isinstance(e["trigger"], dict) and e["trigger"]["@language"] == "ar" for e in events)
    back = Graph().parse(path, format="json-ld")
    assert isomorphic(back, seed_graph)


def test_article_url_is_an_iri_when_it_is_one():
    from kg.graph.build import url_term

    assert url_term('https://example.org/a b"}>').value == "https://example.org/a%20b%22%7D%3E"
    assert url_term("no url at all").datatype.value.endswith("#anyURI")


def test_compact_provenance_keeps_every_fact_sourced_without_mention_nodes(tmp_path):
    """kg build --provenance compact: no kg:Mention nodes, each sentence names its actors
    (kg:mentions), and every event and claim still says where it was read and by which rule."""
    from pathlib import Path

    from kg.build import build

    articles = Path(__file__).parent / "corpus_gold" / "articles.jsonl"  # with merges (kg:evidence)
    graphs = {}
    for mode in ("full", "compact"):
        summary = build(articles, tmp_path / mode, html=False, progress=False, provenance=mode)
        assert not summary.violations, summary.violations[:3]
        graphs[mode] = Graph().parse(tmp_path / mode / "graph.ttl")
        counted = [int(n) for n in graphs[mode].objects(None, URIRef("http://rdfs.org/ns/void#triples"))]
        assert counted == [len(graphs[mode])] == [summary.triples], mode  # the description counts what is written
    full, compact = graphs["full"], graphs["compact"]
    assert not list(compact.subjects(RDF.type, KG.Mention)) and not list(compact.triples((None, KG.evidence, None)))
    assert list(full.triples((None, KG.evidence, None)))  # the merges' evidence points at mention nodes
    assert len(compact) < 0.75 * len(full)
    named = {(full.value(m, KG.sentence), full.value(m, KG.refersTo)) for m in full.subjects(RDF.type, KG.Mention)}
    assert set(compact.subject_objects(KG.mentions)) == named
    facts = [*compact.subjects(RDF.type, KG.Claim), *compact.subjects(KG.trigger, None)]
    assert len(facts) > 100
    for fact in facts:
        for prop in (KG.document, KG.sentence, KG.charStart, KG.charEnd, KG.rule, KG.confidence):
            assert compact.value(fact, prop) is not None, (fact, prop)


SWAP_TEXT = "روسيا وأوكرانيا تتبادلان الأسرى\nتبادلت روسيا وأوكرانيا عشرات الأسرى يوم الأحد بوساطة تركية.\n"


def test_each_event_names_the_objects_of_the_facts_it_writes(seed_graph):
    """fact_sources reads a fact's sources on its events: agents x kg:factObject, but self-pairs,
    are exactly the direct triples; a symmetric relation's agents are each other's objects."""
    from datetime import date

    from kg.graph.project import direct_triples

    swap = extraction_graph(extract(Document(id="swap", text=SWAP_TEXT, title=SWAP_TEXT.split("\n")[0],
                                             date=date(2023, 1, 8))))
    for graph in (seed_graph, swap):
        relations = set(graph.objects(None, KG.relation))
        facts = {(s, p, o) for p in relations for s, o in graph.subject_objects(p)}
        sourced = set()
        for event, relation in graph.subject_objects(KG.relation):
            objects = set(graph.objects(event, KG.factObject))
            sourced |= {(a, relation, o) for a in graph.objects(event, KG.agent) for o in objects if a != o}
        assert facts and sourced == facts
    russia, ukraine = URIRef(entity_iri("Russia")), URIRef(entity_iri("Ukraine"))
    exchange = next(e for e in swap.subjects(KG.relation, KG.exchangesPrisonersWith))
    assert set(swap.objects(exchange, KG.factObject)) == {russia, ukraine}
    assert direct_triples("accuses", ["A", "B"], ["A"], None, "e") == [("B", "accuses", "A")]  # none to itself
