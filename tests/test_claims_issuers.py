"""Claims on real-news shapes of session 11 (issue 10): who speaks when an outlet's name is in
quotation marks, a statement named only by its state's adjective, a quoted description of a source,
a description in scare quotes. The sentences are written for these tests; none is copied from an article."""
from __future__ import annotations

from test_claims_speakers import run, said


def test_an_outlet_named_in_quotation_marks_relays_its_source():
    # the إن inside "سي إن إن" opens no words; the official quoted speaks, not the channel
    x = run('ونقلت شبكة "سي إن إن" عن مسؤول عسكري أمريكي، إن "صاروخين سقطا قرب قاعدة أمريكية شرق سوريا"، '
            'مضيفاً أنه لم يسفر عن إصابات.')
    got = said(x)
    assert "صاروخين سقطا قرب قاعدة أمريكية شرق سوريا" in got, got
    assert all(not q.startswith("إن") for q in got), got
    assert all(x.entities[c.speaker].name_ar != "سي إن إن" for c in x.claims if c.speaker in x.entities), got
    assert len(got) == 2 and len(set(got.values())) == 1, got


def test_a_statement_named_by_its_states_adjective_is_that_states():
    x = run('شنت طائرات أمريكية غارات على مواقع قرب البوكمال. '
            'وأفاد بيان عسكري سوري أن الغارات الأمريكية دمرت جسرا ومستودعا للوقود في المنطقة.')
    got = said(x)
    assert got, [(e.type, e.trigger, e.agents) for e in x.events]
    assert set(got.values()) == {x.entities["Syria"].name_ar}, got
    y = run('أغلقت السلطات معبر رفح. وقال بيان رسمي مصري إن المعبر سيفتح أمام الجرحى صباح الغد.')
    assert set(said(y).values()) == {y.entities["Egypt"].name_ar}, said(y)


def test_a_quoted_description_of_a_source_is_no_claim():
    x = run('نفت حركة حماس ما نشرته صحيفة محلية ونسبته إلى "مسؤول رفيع في الحركة" بشأن تغيير قيادتها.')
    assert not any("مسؤول رفيع" in c.quote for c in x.claims), said(x)
    y = run('ونقلت الصحيفة عما وصفته بـ"مصدر مطلع في الوزارة" قوله إن الوزير سيستقيل قريبا.')
    assert not any(c.quote == "مصدر مطلع في الوزارة" for c in y.claims), said(y)


def test_a_description_in_scare_quotes_is_no_claim():
    x = run('ووصفت وزارة الدفاع الروسية تلك الأنباء بأنها «مفبركة تماما»، مؤكدة أن قواتها لم تنسحب من المدينة.')
    got = said(x)
    assert "مفبركة تماما" not in got, got
    assert any("قواتها لم تنسحب" in q for q in got), got
