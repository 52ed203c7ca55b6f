"""The entity reader's shortcuts (words no reading begins at, a title's reach) skip only what would find nothing."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.extract import entities
from kg.extract.actors import discovery
from kg.extract.gazetteer import load_gazetteer
from kg.text.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
HELD = "وقال خالد برهوم، المتحدث باسم الشرطة، إن الوضع هادئ في المدينة"


def mentions(text: str) -> list[tuple]:
    doc = entities.read_entities(split_sentences(text), load_gazetteer(), date(2024, 1, 1))
    return [(m.entity, m.start, m.end, m.rule, m.kind) for m in doc.mentions]


def test_a_name_before_a_comma_and_a_title_is_within_the_title_reach():
    sentence = split_sentences(HELD)[0]
    doc = entities.DocumentEntities(load_gazetteer(), None, sentences=[sentence])
    reader = entities.EntityReader(doc, sentence)
    reach = reader.discoverer.title_within_reach()
    words = [t.text for t in sentence.tokens]
    assert [words[i] for i, r in enumerate(reach) if r] == ["وقال", "خالد"]
    assert any(m[3] == "discovery:before-title" and "خالد" in HELD[m[1]:m[2]] for m in mentions(HELD))


ARTICLES = sorted((ROOT / "tests" / "articles").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_the_shortcuts_change_no_mention(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    fast = mentions(text)
    monkeypatch.setattr(entities.EntityReader, "quiet", lambda self, word: False)
    monkeypatch.setattr(discovery.Discoverer, "title_within_reach", lambda self: [True] * len(self.ctx.tokens))
    assert mentions(text) == fast
    assert fast
