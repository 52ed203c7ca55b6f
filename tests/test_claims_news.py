"""Claims in the shapes real news takes (H1's judged errors, H12): speech words that continue the
last speaker, the speaker of a participle after a relayed source, relative clauses and asides
between a verb and its complement, one claim per complement, reported words that end where the
narrator or another speaker takes over, and the same source of an attribution. The sentences are
written for these tests; none is copied from an article."""
from __future__ import annotations

from datetime import date

from kg.extract.pipeline import extract
from kg.model import Document


def run(text: str):
    return extract(Document("t", text, date=date(2024, 5, 20)))


def claims_of(x):
    return [(x.entities[c.speaker].name_ar if c.speaker in x.entities else c.speaker, c.quote) for c in x.claims]


# -- speech words that continue the last speaker ----------------------------------------------------
def test_madaa_qaila_continues_the_last_speaker_with_a_quotation():
    x = run('وقال وزير الدفاع سامر حداد إن القوات صدت الهجوم. '
            'ومضى قائلاً: "سنواصل ملاحقة المتمردين حتى آخر معقل لهم".')
    assert ("سامر حداد", "سنواصل ملاحقة المتمردين حتى آخر معقل لهم") in claims_of(x)


def test_lafitan_ila_anna_is_a_second_claim_of_the_same_speaker():
    x = run('وقال وزير الدفاع سامر حداد إن المحادثات جارية في القاهرة، '
            'لافتًا إلى أن وفدي الطرفين موجودان في العاصمة منذ أسابيع.')
    got = claims_of(x)
    assert ("سامر حداد", "المحادثات جارية في القاهرة") in got
    assert ("سامر حداد", "وفدي الطرفين موجودان في العاصمة منذ أسابيع") in got


def test_mutabi_an_and_wa_nawwaha_continue_the_speaker():
    x = run('وقال وزير الدفاع سامر حداد إن الجيش استعاد المدينة، متابعاً: "لن نسمح بعودة المسلحين إليها أبداً". '
            'ونوه إلى أن القوات تواصل تمشيط الأحياء الشرقية.')
    got = claims_of(x)
    assert ("سامر حداد", "لن نسمح بعودة المسلحين إليها أبداً") in got
    assert ("سامر حداد", "القوات تواصل تمشيط الأحياء الشرقية") in got


def test_a_speech_word_as_a_plain_noun_says_nothing():
    x = run('وبحث الوزيران متابعة الملفات الإقليمية، ونوهت الحكومة بجهود الوسطاء.')
    assert x.claims == []


# -- who speaks ---------------------------------------------------------------------------------------
def test_a_participle_after_a_relayed_source_is_the_source_not_the_outlet():
    text = ('ونقلت الإخبارية السورية عن مصدر عسكري أن الانفجارات ناتجة عن تدريبات، '
            'مشيراً إلى أن التدريبات ترافقت مع انتشار أمني واسع في المدينة.')
    x = run(text)
    assert "Al_Ikhbariya" in x.entities  # the outlet is known; its source is not
    assert all(c.speaker != "Al_Ikhbariya" for c in x.claims), claims_of(x)
    y = run('وقال مصدر عسكري إن الانفجارات ناتجة عن تدريبات. ' + text)  # a source named before: it speaks
    speakers = {c.quote: c.speaker for c in y.claims}
    assert speakers["التدريبات ترافقت مع انتشار أمني واسع في المدينة"] == speakers["الانفجارات ناتجة عن تدريبات"]


def test_unnamed_officials_of_both_sides_are_not_the_last_speaker():
    x = run('وقالت مصادر عسكرية هندية إن القوات استهدفت نقاطا حدودية، '
            'وقال مسؤولون على الجانبين إن تبادل إطلاق النار تواصل لساعات.')
    speakers = {c.quote: c.speaker for c in x.claims}
    assert speakers.get("تبادل إطلاق النار تواصل لساعات") != speakers["القوات استهدفت نقاطا حدودية"]


def test_the_same_source_of_an_attribution_is_the_one_named_last():
    x = run('ذكرت وكالة رويترز أن الهجوم وقع ليلا. '
            'وأكدت التقارير "مقتل 12 شرطيا و5 جنود في الهجوم"، بحسب المصدر نفسه.')
    got = claims_of(x)
    assert got and all(speaker == "رويترز" for speaker, _ in got), got
    assert not any(quote.startswith("التقارير") for _, quote in got)


# -- what is said -------------------------------------------------------------------------------------
def test_a_relative_clause_after_the_subject_is_not_the_complement():
    x = run('أفاد مصدر عسكري رفيع من قيادة الفرقة الثالثة، الذي فضل عدم الكشف عن هويته، لموقع "النيل اليوم"، '
            'بأن القوات المسلحة تمكنت من صد الهجوم بعد معارك عنيفة.')
    assert [q for _, q in claims_of(x)] == ["القوات المسلحة تمكنت من صد الهجوم بعد معارك عنيفة"]


def test_two_quotations_in_one_sentence_are_two_claims_not_the_first_twice():
    x = run('وقال المسؤول الذي طلب عدم ذكر اسمه إن "الوفد تسلم مقترحا جديدا من الوسطاء لوقف النار"، '
            'موضحا أن المقترح "يستند إلى خطة سابقة تنص على هدنة طويلة".')
    quotes = [q for _, q in claims_of(x)]
    assert quotes == ["الوفد تسلم مقترحا جديدا من الوسطاء لوقف النار", "يستند إلى خطة سابقة تنص على هدنة طويلة"]


def test_reported_words_end_where_another_speaker_answers():
    x = run('وأعلنت الهند أنها ردت بعملية ضربت أهدافا دقيقة، لكن باكستان نفت توغل القوات الهندية.')
    assert ("الهند", "ردت بعملية ضربت أهدافا دقيقة") in claims_of(x)


def test_a_claim_of_responsibility_ends_before_the_means_it_was_made_by():
    x = run('وأكدت حركة الشباب مسؤوليتها عن الهجمات على القاعدة من خلال نشر لقطات فيديو تظهر مقاتليها.')
    assert [q for _, q in claims_of(x)] == ["الهجمات على القاعدة"]


def test_unquoted_words_after_a_colon_are_what_the_speaker_says():
    x = run('وقال وزير الدفاع سامر حداد إن الوساطة منحازة. '
            'وزاد: إذا مضت الوساطة في هذا الاتجاه فسنعتبرها وساطة غير نزيهة.')
    assert ("سامر حداد", "إذا مضت الوساطة في هذا الاتجاه فسنعتبرها وساطة غير نزيهة") in claims_of(x)


def test_the_accused_named_right_after_the_verb_is_not_the_speaker():
    x = run('والتقى مسعد بولس وزير الخارجية أمس. وقال وزير الدفاع سامر حداد إن الوساطة منحازة. '
            'واتهم بولس بأنه يريد «فرض بعض الشروط علينا من الخارج».')
    assert ("سامر حداد", "فرض بعض الشروط علينا من الخارج") in claims_of(x)
    y = run('واتهم الجيش السوداني قوات الدعم السريع بأنها تريد «إشعال الحرب في كل المدن من جديد».')
    assert [c.speaker for c in y.claims] == ["Sudanese_Armed_Forces"]  # the accuser named first speaks


def test_a_participle_that_describes_a_noun_says_nothing():
    x = run('ووفقا للمصادر المحلية، بدأ الاشتباك بعد إطلاق صاروخ على الحدود. '
            'ولم ترد في التقرير الأصلي تفاصيل مؤكدة عن وقوع ضحايا أو أضرار مادية من الجانبين.')
    assert not any("وقوع ضحايا" in c.quote for c in x.claims)
    y = run('وقال وزير الدفاع سامر حداد مؤكدا أن القوات ستواصل العمليات في الشمال.')
    assert ("سامر حداد", "القوات ستواصل العمليات في الشمال") in claims_of(y)


def test_a_clock_time_is_no_colon_opening_words():
    x = run('وأعلنت روسيا التوصل إلى هدنة إنسانية تبدأ الساعة 09:00 في يوم 13 أيلول، في حين استمر القصف.')
    assert not any(c.quote.startswith("00") for c in x.claims)


def test_an_attribution_after_a_subordinate_speech_clause_covers_the_main_clause():
    x = run('وقال مصدر عسكري إن الجيش يتقدم. '
            'وبعدما أعلن الأسبوع الماضي فتح طريقين حول المدينة، يواصل الجيش زحفه نحو العاصمة الإقليمية، '
            'بحسب المصدر العسكري.')
    quotes = [q for _, q in claims_of(x)]
    assert "يواصل الجيش زحفه نحو العاصمة الإقليمية" in quotes, quotes


def test_wa_adafa_continues_the_nearest_speaker_of_the_sentence():
    x = run('وقالت مصادر عسكرية هندية إن القوات استهدفت نقاطا حدودية، وقال وزير الدفاع الهندي أرون جايتلي '
            'للصحفيين: "ازداد هذا النوع من الانتهاكات مؤخرا"، وأضاف على هامش فعالية بحرية: '
            '"الجيش متيقظ وسوف يرد على أي انتهاك".')
    speakers = {c.quote: c.speaker for c in x.claims}
    assert speakers["الجيش متيقظ وسوف يرد على أي انتهاك"] == speakers["ازداد هذا النوع من الانتهاكات مؤخرا"]


def test_a_speech_noun_after_a_preposition_is_not_the_subjects():
    x = run('أعلن الجيش الباكستاني، أمس الجمعة، مقتل أحد جنوده في تبادل لإطلاق النار مع قوات هندية، '
            'وذلك بعد أيام من تحذير من أن التوتر في الإقليم قد يؤدي إلى اندلاع حرب بين الخصمين.')
    assert not any("التوتر في الإقليم" in c.quote for c in x.claims)


def test_an_an_inside_a_relative_clause_without_commas_is_not_the_complement():
    x = run('وقال وزير الدفاع سامر حداد الذي شغل مقعدا نيابيا عن المعارضة خلال مؤتمر صحافي '
            '"لقد انتهت الحرب ولن نعود إليها أبدا".')
    assert [q for _, q in claims_of(x)] == ["لقد انتهت الحرب ولن نعود إليها أبدا"]


def test_a_passive_speech_verb_borrows_no_speaker():
    x = run('وقال مصدر عسكري إن الغارات استهدفت مواقع المتمردين. '
            'وأُبلغ عن غارات أخرى منذ الزلزال في مناطق نائية من الإقليم.')
    assert not any(c.quote.startswith("غارات أخرى") for c in x.claims)


def test_an_indefinite_source_is_another_source_and_the_definite_one_points_back():
    """"مصادر محلية" then "مصدر عسكري": two sources; "وأضاف المصدر" is the nearest one named before;
    "نقلت الوكالة عن مصدر أمني أن …" has that source as speaker (before: the first source named)."""
    from kg import api

    text = ("عنوان\n\nوقالت مصادر محلية إن القصف استمر طوال الليل. وأفاد مصدر عسكري بأن الجيش صد الهجوم. "
            "وأضاف المصدر أن الخسائر كبيرة. ونقلت وكالة فرانس برس عن مصدر أمني أن المهاجمين فروا.")
    claims = api.extract(api.document(text, date="2025-10-01")).claims
    assert len(claims) == 4, [(c.speaker, c.quote) for c in claims]

    def speaker(start: str) -> str:
        return next(c.speaker for c in claims if c.quote.startswith(start))

    local, military, again, security = map(speaker, ("القصف", "الجيش", "الخسائر", "المهاجمين"))
    assert local != military and again == military and security not in (local, military)
