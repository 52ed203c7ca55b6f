"""No document crashes the extractor: real newswire sentences and mutated articles of our own.

The mutations are the hostile cases seen in real input: shuffled words, text cut at every kind of
position, unbalanced quotes, long digit runs, bidi controls, Persian letters, presentation forms
(text copied from PDFs). Each document goes through extraction and the graph stage; any exception
fails the test with the document that caused it (the build would skip it; here it is a bug).
"""
from __future__ import annotations

import json
import os
import random
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from conftest import ARTICLES, ROOT, SEED
from kg.model import Document

GSR = Path(os.environ.get("KG_GSR_DIR", ROOT.parent / "shared" / "gsr"))
SEED_DATE = date(2022, 9, 14)
MUTATED_PER_KIND = 180  # x 12 kinds, truncations at every position class: about 3,300 documents
BIDI = ["\u202e", "\u202d", "\u200f", "\u200e", "\u2066", "\u2067", "\u2069", "\u061c", "\u200d", "\u200c", "\ufeff"]
PERSIAN = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "ه": "ە", "٠": "۰", "١": "۱", "٢": "۲", "٣": "۳", "٥": "۵"})
QUOTES = ["«", "»", '"', "“", "”", "'", "(", ")"]
DIGIT_RUNS = ["12345678901234567890", "9" * 400, "1e5", "1e400", "٣" * 60, "0" * 30, "10.5.2022", "3,000,000,000,000",
              "99999", "-7", "2022-13-45", "٢٠٢٢/٠٩/٣١", "00:99", "25:61"]
HOSTILE_SNIPPETS = [
    "رئيس وقود وقف المتحدث وقف", "في 10 أيار 12345678901234567890.", "في 10 أيار 99999.", "قتل 1e5 جندي.",
    "قال «", "»", "المتحدث باسم", "وزير الخارجية", "أعلن وقف إطلاق النار", "قتل " + "9" * 400 + " جندي.",
    "في الثامن من رمضان 99999999999999", "الساعة 99:99", "أمس اليوم نفسه", "و", "ال", "لل",
]


def gsr_sentences() -> list[tuple[str, str]]:
    sentences = []
    for path in sorted(GSR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                sentences.append((str(record["id"]), record["text"]))
    return sentences


def corpus_sentences() -> list[str]:
    """Sentences of the seed and the test articles: the material the mutations start from."""
    texts = [SEED.read_text(encoding="utf-8")] + [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    return [s.strip() for text in texts for s in re.split(r"(?<=[.!?؟])\s+|\n+", text) if len(s.strip()) > 3]


def presentation_map() -> dict[str, str]:
    """Ordinary Arabic letter -> one of its presentation forms (the inverse of NFKC)."""
    forms: dict[str, str] = {}
    for code in list(range(0xFE70, 0xFEFD)) + list(range(0xFB50, 0xFBB2)):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1:
            forms.setdefault(folded, chr(code))
    return forms


FORMS = presentation_map()


def cut_points(text: str) -> list[int]:
    """One cut of every position class: mid-word, word end, after a space, after a clitic letter,
    before/after punctuation, inside a quote, inside a number."""
    classes = [
        r"\w(?=\w)", r"\w(?=\W)", r"\s", r"(?<=\s)[وفبلك]", r"[.،,؛:!؟]", r"[«»\"“”]", r"\d(?=\d)", r"ال",
    ]
    points = []
    for pattern in classes:
        match = re.search(pattern, text)
        if match:
            points.append(match.end())
    return points


def mutations(rng: random.Random, sentences: list[str]) -> Iterator[tuple[str, str]]:
    """(kind, text) pairs: every kind of mutation applied to random sentences of the corpus."""
    def pick(n: int = 1) -> str:
        return " ".join(rng.choice(sentences) for _ in range(n))

    for _ in range(MUTATED_PER_KIND):
        words = pick(2).split()
        rng.shuffle(words)
        yield "shuffled", " ".join(words)
        text = pick(2)
        for point in cut_points(text):
            yield "truncated", text[:point]
        yield "truncated-start", text[rng.randrange(len(text)):]
        text = pick()
        yield "unbalanced-quotes", rng.choice(QUOTES) + text + rng.choice(QUOTES) * rng.randint(0, 3)
        words = pick().split()
        for _ in range(rng.randint(1, 3)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(DIGIT_RUNS))
        yield "digit-runs", " ".join(words)
        chars = list(pick())
        for _ in range(rng.randint(1, 6)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(BIDI))
        yield "bidi", "".join(chars)
        yield "persian", pick(2).translate(PERSIAN)
        text = pick()
        yield "presentation-forms", "".join(FORMS.get(c, c) if rng.random() < 0.8 else c for c in text)
        yield "hostile", " ".join(rng.choice(HOSTILE_SNIPPETS) for _ in range(rng.randint(1, 4))) + " " + pick()
        words = pick(3).split()
        yield "repeated", " ".join(words[i % len(words)] for i in range(rng.randint(1, 200)))
        yield "diacritics", "".join(c + "\u064b\u0651\u0670\u0640" * rng.randint(0, 2) for c in pick())
        yield "lines", "\n".join(pick().split()) + "\n\n\n" + "." * rng.randint(1, 30)


def run_all(documents: list[Document]) -> list[str]:
    """Extract and make the triples of each document; the failures, one line each."""
    from kg.build import one_line
    from kg.extract.pipeline import extract
    from kg.graph.build import document_triples

    failures = []
    for document in documents:
        try:
            for _ in document_triples(extract(document)):
                pass
        except Exception as error:  # noqa: BLE001 - collect them all, report at once
            failures.append(f"{document.id}: {one_line(error)}: {document.text[:120]!r}")
    return failures


@pytest.mark.skipif(not GSR.is_dir(), reason=f"{GSR} not present: the shared GSR sentences are not in this checkout")
def test_every_gsr_sentence_extracts():
    sentences = gsr_sentences()
    assert len(sentences) >= 2000
    documents = [Document(id=doc_id, text=text, date=SEED_DATE) for doc_id, text in sentences]
    failures = run_all(documents)
    assert not failures, f"{len(failures)} of {len(documents)} GSR sentences crash:\n" + "\n".join(failures[:20])


def test_mutated_documents_extract():
    rng = random.Random(20260212)
    documents = []
    kinds: dict[str, int] = {}
    for number, (kind, text) in enumerate(mutations(rng, corpus_sentences())):
        kinds[kind] = kinds.get(kind, 0) + 1
        published = rng.choice([SEED_DATE, None, date(1000, 1, 1), date(2999, 12, 31)])
        documents.append(Document(id=f"{kind}-{number}", text="عنوان\n" + text, date=published))
    assert len(documents) >= 2500 and len(kinds) >= 12
    failures = run_all(documents)
    assert not failures, f"{len(failures)} of {len(documents)} mutated documents crash:\n" + "\n".join(failures[:20])


def test_every_frame_form_at_the_edges_of_a_sentence():
    """Each trigger form of the frames alone, ending a sentence after a subject, and opening one: the
    readers look past a trigger for its objects and clause breaks, and must stop at the sentence's
    end ("الجيش أطلق صواريخ" once asked for a break after the last token)."""
    from kg.extract.frames import frame_rows
    from kg.data import alternatives

    forms = sorted({form for row in frame_rows() for form in alternatives(row["forms"])})
    assert len(forms) >= 1000
    documents = [Document(id=f"form-{n}-{shape}", text=text, date=SEED_DATE)
                 for n, form in enumerate(forms)
                 for shape, text in (("alone", form), ("last", f"الجيش {form}"), ("first", f"{form} الجيش."))]
    failures = run_all(documents)
    assert not failures, f"{len(failures)} of {len(documents)} sentences crash:\n" + "\n".join(failures[:20])
