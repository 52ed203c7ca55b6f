"""Document steps around the text and the actors: sentences, entities (H2's public functions)."""
from __future__ import annotations

from kg.extract.components import factory
from kg.extract.entities import read_entities
from kg.text.segment import split_sentences


@factory("sentences", "document", requires=("document",), assigns=("sentences",))
def sentences(doc) -> None:
    """A quotation that runs over several full stops is one sentence: kg.text.segment keeps it so."""
    doc.sentences = split_sentences(doc.document.text)


@factory("entities", "document", requires=("sentences", "gazetteer", "document"),
         assigns=("entities", "mentions_by_sentence"))
def entities(doc) -> None:
    found = read_entities(doc.sentences, doc.gazetteer, doc.document.date)
    by_sentence: dict = {}
    for mention in found.mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    doc.entities = found
    doc.mentions_by_sentence = by_sentence
