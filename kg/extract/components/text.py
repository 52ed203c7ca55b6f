"""Document steps around the text and the actors: sentences, entities (H2's public functions)."""
from __future__ import annotations

from kg.extract.components import factory
from kg.extract.entities import read_entities
from kg.model import Sentence
from kg.text.segment import split_sentences, tokenize

QUOTED_SENTENCES = 5  # a quotation left open is closed within this many sentences of the same line, or is a stray mark


@factory("sentences", "document", requires=("document",), assigns=("sentences",))
def sentences(doc) -> None:
    doc.sentences = join_quoted(split_sentences(doc.document.text), doc.document.text)


def open_quote(text: str) -> bool:
    """Does this text leave a quotation open (« without », an odd number of ", “ without ”)?"""
    return text.count("«") > text.count("»") or text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def join_quoted(sentences: list[Sentence], text: str) -> list[Sentence]:
    """One sentence for a quotation that runs over several (قال: "… . … ."، «… . …»، قال X): the
    sentences from the one that opens it to the one that closes it, on the same line."""
    joined: list[Sentence] = []
    i = 0
    while i < len(sentences):
        first, last = sentences[i], i
        if open_quote(first.text):
            for j in range(i + 1, min(len(sentences), i + QUOTED_SENTENCES)):
                if "\n" in text[first.start:sentences[j].start]:
                    break
                if not open_quote(text[first.start:sentences[j].end]):
                    last = j
                    break
        end = sentences[last].end
        chunk = text[first.start:end]
        joined.append(Sentence(len(joined), first.start, end, chunk, tokenize(chunk, first.start)) if last > i
                      else Sentence(len(joined), first.start, first.end, first.text, first.tokens))
        i = last + 1
    return joined


@factory("entities", "document", requires=("sentences", "gazetteer", "document"),
         assigns=("entities", "mentions_by_sentence"))
def entities(doc) -> None:
    found = read_entities(doc.sentences, doc.gazetteer, doc.document.date)
    by_sentence: dict = {}
    for mention in found.mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    doc.entities = found
    doc.mentions_by_sentence = by_sentence
