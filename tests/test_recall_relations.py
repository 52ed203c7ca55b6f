"""Relation recall on real-news structures (issue 11). The sentences are written for
these tests; each reproduces a structure of real news that gave no event before."""
from __future__ import annotations

from datetime import date

from kg.extract.pipeline import extract
from kg.model import Document


def events(text: str, kind: str):
    found = extract(Document("t", text, date=date(2024, 5, 20)), strict=True).events
    return [e for e in found if e.type == kind]


def test_seizure_verb_with_its_subject_between_it_and_ala():
    """"استولت جماعة X على مدينة Y": the subject stands between the verb and على."""
    captures = events("واستولت حركة الشباب والقوات الموالية لها على مدينة كيسمايو بعد معارك عنيفة.", "TerritoryCapture")
    assert [(e.agents, e.targets) for e in captures] == [(["Al_Shabaab"], ["Kismayo"])]


def test_seizing_power_stays_a_coup():
    """The coup frame (cue السلطة) is read before the capture frame for the same verb."""
    assert events("واستولت الحركة على السلطة في كيسمايو.", "TerritoryCapture") == []
