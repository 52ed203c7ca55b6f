"""Claims and ties on the shapes of session 8's real-news misses (issues 10 and 11): a second speech
verb in one sentence has its own speaker. The sentences are written for these tests; none is copied
from an article."""
from __future__ import annotations

from datetime import date

from kg.extract.pipeline import extract
from kg.model import Document


def run(text: str):
    return extract(Document("t", text, date=date(2025, 3, 1)))


def speakers(x) -> list[tuple[str, str]]:
    return [(c.speaker, c.quote) for c in x.claims]


def test_a_second_speech_verb_after_a_comma_has_its_own_speaker():
    x = run("وقالت كييف إن قواتها صدت الهجوم، وقالت وزارة الدفاع الروسية إنها سيطرت على القرية.")
    said = dict((q, s) for s, q in speakers(x))
    assert said.get("قواتها صدت الهجوم") == "Ukraine", speakers(x)
    assert said.get("سيطرت على القرية") == "Russian_Ministry_of_Defence", speakers(x)
    y = run("وقال الجيش السوداني إن قواته صدت الهجوم، وأعلنت حركة حماس أنها استهدفت دبابة.")
    assert ("Hamas", "استهدفت دبابة") in speakers(y), speakers(y)


def test_a_joined_speech_verb_without_a_subject_goes_on_with_the_speaker():
    x = run("وأضافت القيادة المركزية الأميركية أن الهجوم لم يتسبب في أضرار، وقالت إن الصاروخ سقط في البحر.")
    assert {s for s, _ in speakers(x)} == {"CENTCOM"}, speakers(x)


def test_a_verb_that_takes_an_object_keeps_the_first_subject():
    x = run("وأدان وزير الخارجية المصري الهجوم على المدينة، وحث المجتمع الدولي على التحرك.")
    appeals = [e for e in x.events if e.type == "Appeal"]
    assert appeals and appeals[0].agents == ["Badr_Abdelatty"], [(e.type, e.agents) for e in x.events]
    assert appeals[0].targets == ["International_Community"], appeals[0].targets
