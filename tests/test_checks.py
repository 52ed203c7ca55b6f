"""The compiled SHACL checks (kg/graph/checks.py) report what pyshacl reports, and kg build
validates every document with them, naming the document of each violation."""
from __future__ import annotations

import json

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from conftest import SEED, SEED_DATE

KG = "https://w3id.org/kg-arabic-news/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@pytest.fixture(scope="module")
def seed_triples() -> list[Triple]:
    from kg.build import extract_one
    from kg.graph.build import extraction_triples
    from kg.read import read_documents

    extraction = extract_one(next(read_documents(SEED, SEED_DATE)))
    return list(dict.fromkeys(extraction_triples(extraction)))


def subject_of(triples, predicate: str, index: int = 0):
    return [t.subject for t in triples if t.predicate.value == KG + predicate][index]


def breakages(triples: list[Triple]) -> list[Triple]:
    """The seed's graph with one violation of each kind of constraint the shapes use."""
    event = subject_of(triples, "relation")
    mention = subject_of(triples, "refersTo")
    sentence = subject_of(triples, "inDocument")
    claim = subject_of(triples, "claimedBy")
    actor = next(t.subject for t in triples if t.predicate.value == "http://www.w3.org/2000/01/rdf-schema#label")
    drop = {(event.value, KG + "rule"), (claim.value, KG + "claimedBy")}
    broken = [t for t in triples if (t.subject.value, t.predicate.value) not in drop]
    broken += [
        Triple(event, NamedNode(KG + "confidence"), Literal("1.5", datatype=NamedNode(XSD + "decimal"))),  # maxInclusive
        Triple(event, NamedNode(KG + "casualtyType"), Literal("injured")),  # sh:in
        Triple(event, NamedNode(KG + "modality"), NamedNode(KG + "Assertedd")),  # sh:class (and maxCount)
        Triple(event, NamedNode(KG + "eventCode"), NamedNode("https://example.org/cameo/19")),  # sh:pattern
        Triple(mention, NamedNode(KG + "surface"), Literal("x")),  # datatype langString (and maxCount)
        Triple(mention, NamedNode(KG + "sentence"), NamedNode(KG + "nowhere")),  # class, maxCount, equals path
        Triple(sentence, NamedNode(KG + "index"), Literal("-1", datatype=NamedNode(XSD + "integer"))),  # minInclusive
        Triple(sentence, NamedNode(KG + "charStart"), Literal("999999", datatype=NamedNode(XSD + "integer"))),
        Triple(actor, NamedNode(KG + "country"), NamedNode(KG + "Nowhere")),  # sh:class kg:State
        Triple(actor, NamedNode(KG + "wikidata"), NamedNode("http://www.wikidata.org/entity/X1")),  # pattern
        Triple(actor, NamedNode(KG + "attacks"), Literal("them")),  # a direct relation's object: an IRI
    ]
    return broken


def pyshacl_lines(triples: list[Triple]) -> set[tuple[str, str]]:
    from rdflib import Graph

    from kg.graph.build import to_rdflib
    from kg.graph.validate import validate

    graph = Graph()
    for t in triples:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return {focus_and_message(line) for line in validate(graph).violations}


def focus_and_message(line: str) -> tuple[str, str]:
    focus, _, rest = line.partition(" ")
    return focus, rest.split(": ", 1)[1]


def test_the_seed_conforms(seed_triples):
    from kg.graph.checks import compiled

    assert compiled().check(seed_triples) == []


def test_the_same_violations_as_pyshacl(seed_triples):
    from kg.graph.checks import compiled

    broken = breakages(seed_triples)
    ours = {focus_and_message(line) for line in compiled().check(broken)}
    theirs = pyshacl_lines(broken)
    assert len(theirs) >= 11
    assert ours == theirs


def test_an_unknown_constraint_is_refused():
    from rdflib import Graph

    from kg.graph.checks import Shapes
    from kg.graph.ontology import ontology

    shapes = Graph().parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:uniqueLang true ] .""",
                           format="turtle")
    with pytest.raises(ValueError, match="uniqueLang"):
        Shapes(shapes, ontology())


def corpus(path, n: int) -> None:
    seed = SEED.read_text(encoding="utf-8")
    path.write_text("\n".join(json.dumps({"id": f"d{i:02d}", "text": seed, "date": "2022-09-14"}, ensure_ascii=False)
                              for i in range(n)), encoding="utf-8")


def test_a_violation_in_the_30th_document_is_reported(tmp_path, monkeypatch, capsys):
    """Every document is validated by default (the old default stopped at 25), and the
    violation names its document."""
    import kg.graph.build
    from kg.cli import main

    corpus(tmp_path / "in.jsonl", 32)
    real = kg.graph.build.document_triples

    def one_bad(extraction, *rest):
        for triple in real(extraction, *rest):
            if extraction.document.id == "d29" and triple.predicate.value == KG + "rule":
                continue  # kg:rule is required on every mention, event and claim
            yield triple

    monkeypatch.setattr(kg.graph.build, "document_triples", one_bad)
    code = main(["build", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out"), "-q", "--no-html", "-j", "1"])
    out = capsys.readouterr().out
    assert code == 2
    assert "SHACL: " in out and "violations in 1 of 32 documents" in out
    shown = [line for line in out.splitlines() if line.startswith("  SHACL:")]
    assert shown and all("document 'd29'" in line and "kg:rule" in line for line in shown)


def test_validate_docs_still_limits(tmp_path, capsys):
    from kg.cli import main

    corpus(tmp_path / "in.jsonl", 3)
    code = main(["build", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out"), "-q", "--no-html",
                 "--validate-docs", "2", "-j", "1"])
    assert code == 0
    assert "SHACL: conforms (first 2 of 3 documents)" in capsys.readouterr().out
