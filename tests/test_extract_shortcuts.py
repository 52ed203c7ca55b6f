"""Work the extractor does once instead of at every token or every question gives what the plain walk gave."""
from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from kg.extract import claims, phrases
from kg.extract.components import modality
from kg.extract.pipeline import extract
from kg.model import Document
from kg.text.segment import tokenize

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "tests" / "articles").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))


def facts(path: Path) -> tuple[list, list]:
    text = path.read_text(encoding="utf-8")
    result = extract(Document(path.stem, text, text.split("\n", 1)[0], date(2024, 1, 1)))
    return [asdict(e) for e in result.events], [asdict(c) for c in result.claims]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_trigger_walk_and_speaker_memo_change_no_fact(path, monkeypatch):
    fast = facts(path)
    every = lambda self, tokens: tuple(range(len(tokens)))  # noqa: E731  (a walk over every token)
    monkeypatch.setattr(phrases.PhraseIndex, "start_positions", every)
    monkeypatch.setattr(phrases.PhraseList, "start_positions", every)
    monkeypatch.setattr(claims.ClaimReader, "speaker", claims.ClaimReader.read_speaker)
    assert facts(path) == fast
    assert fast[0]


def test_cues_before_a_trigger_are_the_cues_found_word_by_word():
    tokens = tokenize("ومن المقرر أن تبدأ المحادثات إذا وافق الطرفان على ذلك")
    found = [modality.cue_at(tokens, i) for i in range(len(tokens))]
    plain = [phrases.phrase_at(tokens, i, modality.cues_by_first_word(), modality.ar.words("coordinating-clitic"))
             for i in range(len(tokens))]
    assert found == plain
    assert any(found)
