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


def test_a_defined_outlet_word_is_not_the_person_named_before_it():
    # the newspaper's reporter is named in the aside; the paper speaks, and it is no known outlet
    x = run('التقى وزير الخارجية الأردني أيمن الصفدي نظيره المصري. '
            'وفي المقابلة، التي أجراها مراسلها جون سميث، قالت الصحيفة إن الهدنة في الجنوب صامدة حتى الآن.')
    assert not any(x.entities[c.speaker].name_ar == "جون سميث" for c in x.claims if c.speaker in x.entities), said(x)
    y = run('قالت وكالة رويترز إن الجيش انسحب من البلدة. وأضافت الوكالة أن القتال توقف في المدينة.')
    assert set(said(y).values()) == {y.entities["Reuters"].name_ar}, said(y)


def test_an_imperfect_speech_verb_is_followed_by_its_participle():
    x = run('وقال مصدر في حركة حماس إن المفاوضات متعثرة. ويضيف المصدر ذاته أن الوسطاء يواصلون جهودهم في القاهرة، '
            'مؤكدا أن الضغوط الأمريكية على إسرائيل لم تنجح حتى الآن.')
    got = said(x)
    assert len(set(got.values())) == 1 and len(got) == 3, got


def test_an_attribution_after_a_relative_clause_verb_takes_the_main_clause():
    x = run('وقال المتحدث العسكري يحيى سريع إن قواته تقدمت. وخلال العملية التي وصفها بـ"النوعية"، '
            'سيطرت القوات على ثلاثة مواقع في جبهة العود، حسب العميد سريع.')
    got = said(x)
    assert any(q.startswith("سيطرت القوات") for q in got), got
    assert not any("النوعية" in q for q in got), got


def test_the_spokesman_of_a_person_is_his_not_the_states():
    x = run('أكد الرئيس الأمريكي السابق جورج بوش أنه لا يزال مقتنعا بقراره. '
            'وقال المتحدث باسم بوش إن الرئيس السابق ممتن للقوات الأمريكية.')
    speakers = [c.speaker for c in x.claims if "ممتن" in c.quote]
    assert len(speakers) == 1, said(x)
    spokesman = x.entities[speakers[0]]
    bush = next(k for k, e in x.entities.items() if e.name_ar == "جورج بوش")
    assert speakers[0] != bush and spokesman.part_of == bush, (speakers, spokesman)
