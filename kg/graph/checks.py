"""SHACL validation of a whole corpus, document by document: the shapes (`ontology/shapes.ttl`, as
kg/graph/ontology.py loads them) compiled once into plain Python checks over each document's
triples (pyoxigraph terms, as `kg build` streams them).

pyshacl takes seconds per document; this takes about a millisecond, so `kg build` validates
every document by default. It implements the SHACL Core constraints the shapes use (targets
sh:targetClass, through the ontology's rdfs:subClassOf as pyshacl's ont_graph does, and
sh:targetSubjectsOf; sh:nodeKind, sh:minCount, sh:maxCount, sh:datatype, sh:class, sh:in,
sh:pattern, sh:minInclusive, sh:maxInclusive, sh:lessThanOrEquals, sh:equals; predicate and
sequence paths) and refuses, at load, a shape that uses anything else (so a new constraint in
shapes.ttl cannot be skipped silently). tests/test_checks.py checks it reports what pyshacl
reports.

Scope, as a streamed corpus allows: every node minted under a document is checked with all of
its triples (they are all in that document). A shared node (an actor or place) is checked in
full in the document that describes it (where its rdf:type and labels are written); in other
documents only the per-value constraints apply to the triples it is the subject of there
(kg:states, direct relations), since counting its values would need the whole corpus. sh:class
looks the value's types up in the document, in the shared nodes described so far, and in the
ontology.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from pyoxigraph import BlankNode, Literal, NamedNode

from kg.graph.iri import document_of

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
XSD = "http://www.w3.org/2001/XMLSchema#"
KNOWN = {f"{SH}{name}" for name in (
    "targetClass", "targetSubjectsOf", "property", "path", "message", "nodeKind", "minCount", "maxCount",
    "datatype", "class", "in", "pattern", "flags", "minInclusive", "maxInclusive", "lessThanOrEquals",
    "equals", "name", "description", "severity", "order", "group")}
NODE_KINDS = {
    "IRI": (NamedNode,), "Literal": (Literal,), "BlankNode": (BlankNode,),
    "BlankNodeOrIRI": (BlankNode, NamedNode), "BlankNodeOrLiteral": (BlankNode, Literal),
    "IRIOrLiteral": (NamedNode, Literal),
}
VERDICTS = 20_000  # cached value verdicts per property check, at most (then the cache starts again)
INTEGER = re.compile(r"^[+-]?[0-9]+$")
DECIMAL = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")
NUMERIC = {f"{XSD}{name}" for name in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")}


WELL_FORMED: dict[tuple[str, str], bool] = {}


def well_formed(literal: Literal) -> bool:
    """Is the lexical form valid for its datatype (the datatypes the graphs use)?"""
    key = (literal.value, literal.datatype.value)
    known = WELL_FORMED.get(key)
    if known is None:
        if len(WELL_FORMED) > 100_000:
            WELL_FORMED.clear()
        known = WELL_FORMED[key] = lexical_ok(*key)
    return known


def lexical_ok(value: str, kind: str) -> bool:
    try:
        if kind in (f"{XSD}integer", f"{XSD}int", f"{XSD}long", f"{XSD}nonNegativeInteger"):
            return bool(INTEGER.match(value))
        if kind == f"{XSD}decimal":
            return bool(DECIMAL.match(value))
        if kind == f"{XSD}date":
            date.fromisoformat(value)
            return len(value) == 10
        if kind == f"{XSD}dateTime":
            datetime.fromisoformat(value.replace("Z", "+00:00"))
            return "T" in value
        if kind == f"{XSD}boolean":
            return value in ("true", "false", "1", "0")
    except ValueError:
        return False
    return True


def number(term) -> Decimal | None:
    if not isinstance(term, Literal) or term.datatype.value not in NUMERIC:
        return None
    try:
        return Decimal(term.value)
    except InvalidOperation:
        return None


def comparable(term):
    """A literal's value for sh:lessThanOrEquals / ranges: a number, a date, or None."""
    found = number(term)
    if found is not None:
        return found
    if isinstance(term, Literal) and term.datatype.value in (f"{XSD}date", f"{XSD}dateTime") and well_formed(term):
        return term.value
    return None


@dataclass
class PropertyCheck:
    path: tuple[str, ...]  # predicate IRIs, in sequence
    message: str
    min_count: int | None = None
    max_count: int | None = None
    node_kind: tuple | None = None
    datatype: str | None = None
    classes: tuple[str, ...] = ()
    allowed: frozenset | None = None  # sh:in, as (kind, value, datatype-or-language) keys
    pattern: re.Pattern | None = None
    min_inclusive: Decimal | None = None
    max_inclusive: Decimal | None = None
    less_or_equal: tuple[str, ...] = ()
    equals: tuple[str, ...] = ()

    counts: bool = False  # needs every value of the focus node (only known where the node is described)
    per_value: bool = False  # has constraints on each value alone (their verdicts are cached by term)
    verdicts: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.counts = self.min_count is not None or self.max_count is not None or bool(self.less_or_equal or self.equals)
        self.per_value = bool(self.node_kind or self.datatype or self.allowed is not None or self.pattern is not None
                              or self.min_inclusive is not None or self.max_inclusive is not None)

    @property
    def label(self) -> str:
        return "/".join(compact(step) for step in self.path)


@dataclass(eq=False)
class NodeShape:
    name: str
    classes: tuple[str, ...] = ()
    subjects_of: tuple[str, ...] = ()
    node_kind: tuple | None = None
    message: str = ""
    properties: list[PropertyCheck] = field(default_factory=list)


def compact(iri: str) -> str:
    """kg:rule for the ontology's IRI (the project's prefixes), else the IRI."""
    from kg.graph.namespace import PREFIXES

    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)) and prefix:
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return iri


def term_key(term) -> tuple:
    if isinstance(term, Literal):
        return ("literal", term.value, term.language or term.datatype.value)
    return ("node", term.value, "")


class Shapes:
    """The shapes compiled once; `check` runs them over one document's triples."""

    def __init__(self, shapes_graph, ontology_graph) -> None:
        from rdflib import RDF, RDFS, BNode, URIRef
        from rdflib import Literal as RdfLiteral
        from rdflib.collection import Collection
        from rdflib.namespace import SH as RSH

        def text(node) -> str:
            values = [str(v) for v in shapes_graph.objects(node, RSH.message)]
            return sorted(values)[0] if values else ""

        def one(node, prop):
            return shapes_graph.value(node, RSH[prop])

        def oxi(value):
            if isinstance(value, URIRef):
                return NamedNode(str(value))
            if isinstance(value, RdfLiteral):
                if value.language:
                    return Literal(str(value), language=value.language)
                return Literal(str(value), datatype=NamedNode(str(value.datatype or f"{XSD}string")))
            raise ValueError(f"sh:in member {value!r} is not an IRI or literal")

        def unknown(node) -> None:
            for prop in shapes_graph.predicates(node, None):
                if str(prop).startswith(SH) and str(prop) not in KNOWN:
                    raise ValueError(f"{node}: {prop} is not implemented by kg.graph.checks")

        def path_of(node) -> tuple[str, ...]:
            if isinstance(node, URIRef):
                return (str(node),)
            if isinstance(node, BNode) and shapes_graph.value(node, RDF.first) is not None:
                steps = list(Collection(shapes_graph, node))
                if all(isinstance(step, URIRef) for step in steps):
                    return tuple(str(step) for step in steps)
            raise ValueError(f"sh:path {node}: only predicate and sequence paths are implemented")

        def kind(node):
            if node is None:
                return None
            return NODE_KINDS[str(node).removeprefix(SH)]

        def decimal(node):
            return None if node is None else Decimal(str(node))

        self.shapes: list[NodeShape] = []
        for shape in sorted(set(shapes_graph.subjects(RDF.type, RSH.NodeShape))
                            | set(shapes_graph.subjects(RSH.targetClass, None))
                            | set(shapes_graph.subjects(RSH.targetSubjectsOf, None))):
            unknown(shape)
            compiled = NodeShape(str(shape), tuple(sorted(str(c) for c in shapes_graph.objects(shape, RSH.targetClass))),
                                 tuple(sorted(str(p) for p in shapes_graph.objects(shape, RSH.targetSubjectsOf))),
                                 kind(one(shape, "nodeKind")), text(shape))
            for prop in shapes_graph.objects(shape, RSH.property):
                unknown(prop)
                members = one(prop, "in")
                pattern = one(prop, "pattern")
                flags = str(one(prop, "flags") or "")
                compiled.properties.append(PropertyCheck(
                    path=path_of(one(prop, "path")), message=text(prop),
                    min_count=None if one(prop, "minCount") is None else int(one(prop, "minCount")),
                    max_count=None if one(prop, "maxCount") is None else int(one(prop, "maxCount")),
                    node_kind=kind(one(prop, "nodeKind")),
                    datatype=None if one(prop, "datatype") is None else str(one(prop, "datatype")),
                    classes=tuple(sorted(str(c) for c in shapes_graph.objects(prop, RSH["class"]))),
                    allowed=None if members is None else frozenset(
                        term_key(oxi(m)) for m in Collection(shapes_graph, members)),
                    pattern=None if pattern is None else re.compile(
                        str(pattern), re.IGNORECASE if "i" in flags else 0),
                    min_inclusive=decimal(one(prop, "minInclusive")), max_inclusive=decimal(one(prop, "maxInclusive")),
                    less_or_equal=tuple(str(p) for p in shapes_graph.objects(prop, RSH.lessThanOrEquals)),
                    equals=tuple(str(p) for p in shapes_graph.objects(prop, RSH.equals)),
                ))
            compiled.properties.sort(key=lambda p: (p.label, p.message))
            self.shapes.append(compiled)
        # the class hierarchy (every class's superclasses, itself included) and the ontology's own typed terms
        parents: dict[str, set[str]] = {}
        for sub, sup in ontology_graph.subject_objects(RDFS.subClassOf):
            if isinstance(sub, URIRef) and isinstance(sup, URIRef):
                parents.setdefault(str(sub), set()).add(str(sup))
        self.parents = parents
        self.ontology_types: dict[str, set[str]] = {}
        for node, cls in ontology_graph.subject_objects(RDF.type):
            if isinstance(node, URIRef) and isinstance(cls, URIRef):
                self.ontology_types.setdefault(str(node), set()).add(str(cls))
        self.by_class: dict[str, list[NodeShape]] = {}
        self.by_subject_of: dict[str, list[NodeShape]] = {}
        for shape in self.shapes:
            for cls in shape.classes:
                self.by_class.setdefault(cls, []).append(shape)
            for prop in shape.subjects_of:
                self.by_subject_of.setdefault(prop, []).append(shape)

    @lru_cache(maxsize=None)  # noqa: B019 - one Shapes per process
    def superclasses(self, cls: str) -> frozenset[str]:
        seen, todo = {cls}, [cls]
        while todo:
            for parent in self.parents.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return frozenset(seen)

    @lru_cache(maxsize=None)  # noqa: B019
    def expand(self, types: frozenset[str]) -> frozenset[str]:
        """Types with all their superclasses."""
        return frozenset(s for t in types for s in self.superclasses(t))

    @lru_cache(maxsize=None)  # noqa: B019
    def shapes_for_types(self, types: frozenset[str]) -> tuple[NodeShape, ...]:
        found: dict[str, NodeShape] = {}
        for cls in types:
            for sup in self.superclasses(cls):
                for shape in self.by_class.get(sup, ()):
                    found[shape.name] = shape
        return tuple(found.values())

    def check(self, triples: Iterable, shared_types: dict[str, frozenset[str]] | None = None) -> list[str]:
        """Violations among `triples` (one document's, with the shared nodes it describes), each
        as `focus path: message`. `shared_types` holds the types of the shared nodes described
        by earlier documents; the ones described here are added to it."""
        shared_types = {} if shared_types is None else shared_types
        index: dict[str, dict[str, list]] = {}
        nodes: dict[str, object] = {}
        types: dict[str, set[str]] = {}
        for subject, predicate, obj in triples:
            focus = subject.value
            props = index.get(focus)
            if props is None:
                props = index[focus] = {}
                nodes[focus] = subject
            predicate = predicate.value
            found = props.get(predicate)
            if found is None:
                props[predicate] = [obj]
            else:
                found.append(obj)
            if predicate == RDF_TYPE and isinstance(obj, NamedNode):
                types.setdefault(focus, set()).add(obj.value)
        for node, found in types.items():
            if document_of(node) is None:
                shared_types[node] = frozenset(found) | shared_types.get(node, frozenset())

        def types_of(value) -> frozenset[str]:
            if not isinstance(value, NamedNode):
                return frozenset()
            here = types.get(value.value)
            if here is not None:
                return frozenset(here)
            return shared_types.get(value.value) or frozenset(self.ontology_types.get(value.value, ()))

        def classes_of(value) -> frozenset[str]:
            return self.expand(types_of(value))

        def values(focus: str, path: tuple[str, ...]) -> list:
            current = [nodes[focus]]
            for step in path:
                following = []
                for node in current:
                    if isinstance(node, Literal):
                        continue
                    following.extend(index.get(node.value, {}).get(step, ()))
                current = list({term_key(v): v for v in following}.values())
            return current

        violations: list[str] = []
        for focus in index:
            own = types.get(focus)
            described = own is not None or document_of(focus) is not None  # all of its triples are here
            shapes = dict.fromkeys(self.shapes_for_types(frozenset(own or types_of(nodes[focus]))))
            for predicate in index[focus]:
                for shape in self.by_subject_of.get(predicate, ()):
                    shapes[shape] = None
            for shape in shapes:
                self.check_node(shape, focus, nodes[focus], described, values, classes_of, violations, index[focus])
        return sorted(set(violations))

    def check_node(self, shape: NodeShape, focus: str, term, described: bool, values, types_of,
                   violations: list[str], own: dict) -> None:
        if shape.node_kind and not isinstance(term, shape.node_kind):
            violations.append(f"{focus} : {shape.message or 'node kind'}")
        for check in shape.properties:
            if check.counts and not described:
                continue
            if len(check.path) == 1:
                found = own.get(check.path[0])
                if not found:  # the common case: an optional property the node does not have
                    if check.min_count and described:
                        violations.append(f"{focus} {check.label}: {check.message}")
                    continue
            else:
                found = values(focus, check.path)
            if not problems(check, found, lambda p: values(focus, (p,)), types_of):
                continue
            violations.append(f"{focus} {check.label}: {check.message}")


def problems(check: PropertyCheck, found: list, other, types_of) -> bool:
    """Does the value set `found` break any constraint of `check`?"""
    if check.min_count is not None and len(found) < check.min_count:
        return True
    if check.max_count is not None and len(found) > check.max_count:
        return True
    if check.per_value:  # each value's verdict on the constraints of one value alone, kept
        verdicts = check.verdicts
        for value in found:
            ok = verdicts.get(value)
            if ok is None:
                if len(verdicts) > VERDICTS:
                    verdicts.clear()
                ok = verdicts[value] = not value_problem(check, value)
            if not ok:
                return True
    if check.classes:
        for value in found:
            if not any(c in types_of(value) for c in check.classes):
                return True
    for prop in check.less_or_equal:
        for value in found:
            for bound in other(prop):
                a, b = comparable(value), comparable(bound)
                if a is None or b is None or type(a) is not type(b) or a > b:
                    return True
    for prop in check.equals:
        if {term_key(v) for v in found} != {term_key(v) for v in other(prop)}:
            return True
    return False


def value_problem(check: PropertyCheck, value) -> bool:
    """Does one value break a constraint that looks at it alone (kind, datatype, sh:in, pattern, range)?"""
    if True:
        if check.node_kind and not isinstance(value, check.node_kind):
            return True
        if check.datatype:
            if not isinstance(value, Literal):
                return True
            actual = RDF_LANGSTRING if value.language else value.datatype.value
            if actual != check.datatype or not well_formed(value):
                return True
        if check.allowed is not None and term_key(value) not in check.allowed:
            return True
        if check.pattern is not None and (isinstance(value, BlankNode) or not check.pattern.search(value.value)):
            return True
        if check.min_inclusive is not None or check.max_inclusive is not None:
            amount = number(value)
            if amount is None:
                return True
            if check.min_inclusive is not None and amount < check.min_inclusive:
                return True
            if check.max_inclusive is not None and amount > check.max_inclusive:
                return True
    return False


@lru_cache(maxsize=1)
def compiled() -> Shapes:
    """The project's shapes, with the ontology's class hierarchy and typed terms."""
    from kg.graph.ontology import ontology, shapes

    return Shapes(shapes(), ontology())


class CorpusChecker:
    """Validation of a streamed corpus: `document(...)` per document, violations kept by document."""

    def __init__(self, limit: int | None = None) -> None:
        self.shapes = compiled()
        self.shared_types: dict[str, frozenset[str]] = {}
        self.limit = limit
        self.checked = 0
        self.by_document: dict[str, list[str]] = {}

    def wants(self) -> bool:
        return self.limit is None or self.checked < self.limit

    def document(self, doc_id: str, triples: Iterable) -> list[str]:
        found = self.shapes.check(triples, self.shared_types)
        self.checked += 1
        if found:
            self.by_document[doc_id] = found
        return found

    def violations(self) -> list[str]:
        """Every violation as one line naming its document."""
        return [f"document {doc_id!r}: {compact(line.split(' ', 1)[0])} {line.split(' ', 1)[1]}"
                for doc_id, lines in self.by_document.items() for line in lines]
