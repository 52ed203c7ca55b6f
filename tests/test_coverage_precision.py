"""Frames precision (H9): the sense a frame word has in the sentence. Each sentence is our own,
written after structures seen in news and in the GSR sentences; the right event must be there
(with its modality) and the wrong reading absent."""
from __future__ import annotations

from datetime import date

import pytest

PUBLISHED = date(2024, 6, 2)


def events(text: str):
    from kg.extract.pipeline import extract
    from kg.model import Document

    return extract(Document(id="prec", text=text, date=PUBLISHED)).events


def by_trigger(text: str, word: str) -> set[str]:
    """Event types whose trigger contains `word`."""
    return {e.type for e in events(text) if word in e.trigger}


def asserted(text: str) -> set[str]:
    return {e.type for e in events(text) if e.modality in ("Asserted", "Reported")}


# (sentence, trigger word, the event it must give, an event it must not give)
SENSES = [
    ("وحذر الأمين العام للأمم المتحدة الأطراف السودانية، مؤكدا أن الوضع خطير.", "حذر", "Warning", "Statement"),
    ("وقال المتحدث باسم الجيش إن قواته سترد بقوة، محذرا الحوثيين.", "محذرا", "Warning", "Statement"),
    ("رفض الجيش السوداني الانسحاب من مدينة الفاشر.", "رفض", "Rejection", "Denial"),
    ("رفضت حركة حماس المقترح الإسرائيلي الأخير.", "رفضت", "Rejection", "Denial"),
    ("ضربت إسرائيل بصواريخ مواقع للحوثيين في الحديدة.", "ضربت", "Attack", "Statement"),
    ("هاجمت قوات الدعم السريع مدينة الفاشر فجر الأحد.", "هاجمت", "Attack", "Statement"),
    ("شن الجيش الإسرائيلي هجوما على مخيم جنين.", "شن", "Attack", "AirStrike"),
    # a bombing named by its device, then "targeted": one event of the finer class (violence.tsv)
    ("قتل 12 شخصا في هجوم انتحاري استهدف سوقا في بغداد.", "استهدف", "SuicideBombing", "Statement"),
    ("استهدفت قوات الدعم السريع حي الدرجة الأولى الذي لجأ إليه النازحون في الفاشر.", "استهدفت", "Attack", "Statement"),
    # a protest whose only named participant is its place (the protesters are no actor node)
    ("تظاهر آلاف السودانيين في الخرطوم للمطالبة بوقف الحرب.", "تظاهر", "PeacefulProtest", "Statement"),
]


@pytest.mark.parametrize("text, word, right, wrong", SENSES, ids=[f"{w}->{r}" for _, w, r, _ in SENSES])
def test_frame_word_in_its_sense(text, word, right, wrong):
    found = by_trigger(text, word)
    assert right in found, found
    assert wrong not in found, found


# (sentence, an event it must not assert): figurative, verbal, defused, refused, warned-of
NOT_ASSERTED = [
    ("يحفظ التلاميذ في السودان جدول الضرب في المدرسة.", "Attack"),
    ("تهدف هذه الجماعات إلى ضرب الاستقرار في العراق.", "Attack"),
    ("تستهدف الحكومة تحقيق نمو اقتصادي في السودان.", "Attack"),
    ("خطفت المطربة السودانية الأضواء في مهرجان الخرطوم.", "Abduction"),
    ("بدأت في روما محاكمة عشرة ضباط في قضية اختطاف الصحافي السوداني عام 2019.", "Abduction"),
    ("يدرس البنتاغون خيار شن ضربات جوية على مواقع الحوثيين في اليمن.", "AirStrike"),
    ("هاجم زعيم المعارضة سياسة الحكومة الإسرائيلية في خطاب أمام الكنيست.", "Attack"),
    ("شن رئيس الوزراء الإسرائيلي هجوما لاذعا على المعارضة.", "Attack"),
    ("شنت الشرطة المصرية حملة اعتقالات واسعة في القاهرة.", "Attack"),
    ("فككت الشرطة العراقية سيارة مفخخة في بغداد.", "CarBombing"),
    ("رفض الجيش السوداني الانسحاب من مدينة الفاشر.", "Withdrawal"),
    ("حذر الجيش الأمريكي الحوثيين من إطلاق الصواريخ على السفن في البحر الأحمر.", "MissileAttack"),
]


@pytest.mark.parametrize("text, forbidden", NOT_ASSERTED, ids=[f"{f}: {t[:20]}" for t, f in NOT_ASSERTED])
def test_no_such_event_asserted(text, forbidden):
    assert forbidden not in asserted(text)


def test_refused_withdrawal_is_denied_not_dropped():
    """The refused act stays as an event with its modality (the refuser's), not an asserted fact."""
    found = [e for e in events("رفض الجيش السوداني الانسحاب من مدينة الفاشر.") if e.type == "Withdrawal"]
    assert found and all(e.modality == "Denied" for e in found)
