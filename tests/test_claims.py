"""Claims that are claims: a speech verb or an attribution governs them; the speaker is its
subject or source (unnamed sources too); scare quotes and quoted names are no claims."""
from __future__ import annotations

from datetime import date

from kg.extract.pipeline import extract
from kg.model import Document


def run(text: str):
    return extract(Document("t", text, date=date(2024, 5, 20)))


def quotes(extraction) -> set[str]:
    return {c.quote for c in extraction.claims}


def test_a_short_scare_quote_after_a_threat_is_no_claim():
    x = run('وتوعد المتحدث باسم الجماعة العميد سامر حداد الولايات المتحدة بـ"رد موجع" على الغارات الأخيرة.')
    assert "رد موجع" not in quotes(x)


def test_a_quoted_name_is_a_name_not_a_claim():
    x = run('وأعلنت جماعة «نصرة الإسلام والمسلمين» مسؤوليتها عن الهجوم على الثكنة.')
    assert "نصرة الإسلام والمسلمين" not in quotes(x)


def test_a_quotation_no_speech_verb_governs_is_no_claim():
    x = run('واندلعت اشتباكات عنيفة قرب ما يعرف بـ"مثلث الموت الواقع جنوب العاصمة" منذ أيام.')
    assert x.claims == []


def test_a_complement_that_is_one_quotation_is_the_claim():
    x = run('وقال المتحدث باسم الجيش العميد سامر حداد إن "القوات صدت الهجوم على المواقع الأمامية".')
    (claim,) = x.claims
    assert claim.quote == "القوات صدت الهجوم على المواقع الأمامية"
    assert x.entities[claim.speaker].name_ar == "سامر حداد"


def test_a_short_whole_complement_is_still_a_claim_and_the_next_complement_too():
    x = run('وقال وزير الدفاع سامر حداد إن "الطاقم بخير" وأن السفينة تواصل رحلتها إلى الميناء.')
    assert {"الطاقم بخير", "السفينة تواصل رحلتها إلى الميناء"} <= quotes(x)
    assert not any(q.startswith("الطاقم بخير\"") for q in quotes(x))  # no claim running across the mark


def test_an_unnamed_official_is_his_own_source_with_his_state():
    x = run("وقال مسؤول فلسطيني إن المفاوضات متعثرة منذ أسابيع.")
    (claim,) = x.claims
    speaker = x.entities[claim.speaker]
    assert speaker.type == "Person" and speaker.country == "Palestine"
    assert claim.speaker != "Palestine"


def test_a_source_in_a_movement_is_part_of_it_not_the_movement_nor_the_agency():
    x = run("ونقلت وكالة رويترز عن مصدر في حركة حماس أن الوفد سيصل إلى القاهرة غداً.")
    (claim,) = x.claims
    speaker = x.entities[claim.speaker]
    assert speaker.type == "Person" and speaker.part_of == "Hamas"
    assert claim.speaker not in ("Hamas", "Reuters")
    assert claim.quote == "الوفد سيصل إلى القاهرة غداً"  # not "مصدر في حركة حماس أن ..."


def test_an_attribution_governs_the_clause_before_it():
    x = run("قتل خمسة مدنيين في قصف على بلدة حدودية، بحسب وزارة الصحة السورية.")
    (claim,) = x.claims
    assert claim.speaker == "Syria_MinistryOfHealth"
    assert claim.rule == "claim:attribution" and claim.quote.startswith("قتل خمسة مدنيين")


def test_each_speech_verb_governs_only_its_own_region():
    x = run('وأكدت أذربيجان أنها "حققت كل أهدافها" عند الحدود، وعصراً أعلنت وزارة الدفاع الأرمينية أن '
            '"العدو يحاول مواصلة تقدمه رغم التراجع".')
    by_quote = {c.quote: c.speaker for c in x.claims}
    assert by_quote.get("حققت كل أهدافها") == "Azerbaijan"
    assert not any("العدو" in q for q, s in by_quote.items() if s == "Azerbaijan")


def test_a_long_quoted_name_after_a_speech_verb_is_no_claim():
    x = run('وأعلنت «جماعة نصرة الإسلام والمسلمين» في بيان مقتل جنديين في هجوم على الثكنة.')
    assert not any("نصرة الإسلام" in q for q in quotes(x))


def test_an_eyewitness_is_his_own_speaker():
    x = run("وقال شاهد عيان إن الطائرات قصفت السوق. وقال شاهد عيان آخر إن القصف استمر ساعة.")
    speakers = [c.speaker for c in x.claims]
    assert len(speakers) == 2 and len(set(speakers)) == 2
    assert all(x.entities[s].type == "Person" and x.entities[s].role == "Witness" for s in speakers)


def test_one_of_the_two_sources_is_the_source_named_before():
    x = run("وأفاد مصدران فلسطينيان مطلعان بأن الوفد غادر. وقال أحد المصدرين لوكالة فرانس برس إن "
            '"الوفد سيصل إلى القاهرة صباح غد للقاء المسؤولين".')
    (later,) = [c for c in x.claims if "القاهرة" in c.quote]
    speaker = x.entities[later.speaker]
    assert speaker.country == "Palestine" and speaker.role == "Source"
    assert later.speaker != "AFP" and speaker.part_of != "AFP"


def test_another_source_is_another_speaker():
    x = run('وقال مصدر فلسطيني إن "الوفد سيصل إلى القاهرة صباح غد للقاء المسؤولين". '
            'وقال مصدر فلسطيني آخر إن "الوسطاء يعملون على مقترح جديد لوقف إطلاق النار".')
    speakers = [c.speaker for c in x.claims]
    assert len(speakers) == 2 and speakers[0] != speakers[1]
    assert all(x.entities[s].country == "Palestine" for s in speakers)


def test_a_body_named_in_guillemets_is_the_speaker_not_a_quotation():
    x = run('وقالت «الأونروا» في بيان إن "الأوضاع في المخيمات تزداد سوءاً يوماً بعد يوم".')
    (claim,) = x.claims
    assert claim.speaker == "UNRWA"
    assert claim.quote == "الأوضاع في المخيمات تزداد سوءاً يوماً بعد يوم"


def test_a_continuation_keeps_the_speaker_not_the_last_actor_named():
    x = run("وقال المتحدث باسم الحكومة إن الرئيس محمود عباس التقى وزير الخارجية الأميركي أنتوني بلينكن. "
            'وأوضح أن "اللقاء بحث سبل وقف الحرب وإدخال المساعدات".')
    later = [c for c in x.claims if "اللقاء" in c.quote]
    assert all(c.speaker not in ("Mahmoud_Abbas", "Antony_Blinken") for c in later)


def test_the_source_quoted_by_an_agency_is_the_speaker_even_with_a_title():
    x = run("ونقلت وكالة رويترز عن وزير الخارجية المصري سامح شكري قوله إن بلاده ترفض أي تهجير للسكان.")
    (claim,) = x.claims
    assert claim.speaker == "Sameh_Shoukry"
    assert claim.quote == "بلاده ترفض أي تهجير للسكان"


def test_a_fronted_quotation_is_the_source_s_when_the_agency_is_named_after_it():
    x = run('"لن نقبل بتهجير السكان من أرضهم مهما اشتدت الضغوط"، نقلت وكالة رويترز عن وزير الخارجية المصري '
            'سامح شكري.')
    (claim,) = x.claims
    assert claim.speaker == "Sameh_Shoukry"
    assert claim.quote.startswith("لن نقبل بتهجير السكان")


def test_an_agency_is_not_the_speaker_of_the_unnamed_sources_it_quotes():
    x = run("ونقلت وكالة الأنباء الفلسطينية عن مصادر محلية أن قوات الاحتلال اقتحمت البلدة فجر اليوم.")
    assert not any(c.speaker in ("Palestine_NewsAgency", "WAFA") for c in x.claims)


def test_a_quotation_running_over_several_sentences_is_one_claim():
    x = run('وقال غوتيريش في كلمة أمام مجلس الأمن: "الأوضاع في القطاع لا تحتمل. على الحرب أن تتوقف الآن. '
            'لا يمكن للعالم أن يبقى متفرجاً". وأضاف أن المنظمة ستبقى في القطاع.')
    (quoted,) = [c for c in x.claims if "لا تحتمل" in c.quote]
    assert quoted.speaker == "Antonio_Guterres"
    assert quoted.quote.endswith("يبقى متفرجاً")
    assert any(c.quote == "المنظمة ستبقى في القطاع" and c.speaker == "Antonio_Guterres" for c in x.claims)


def test_a_fronted_quotation_of_several_sentences_is_the_speaker_s():
    x = run("«لا يوجد مكان آمن في القطاع. الناس يموتون كل يوم»، قال المفوض العام للأونروا فيليب لازاريني.")
    (claim,) = x.claims
    assert claim.speaker == "Philippe_Lazzarini" and claim.quote.startswith("لا يوجد مكان آمن")


def test_the_outlet_that_carried_a_statement_is_not_its_speaker():
    x = run('وقالت هيئة الأمن في بيان نقلته وكالة واس الرسمية، إن "الأجهزة المختصة أحبطت مخططاً لاستهداف المنشآت".')
    assert not any(c.speaker == "SPA" for c in x.claims)


def test_a_short_quotation_after_an_agency_is_its_name_not_a_claim():
    x = run("وذكرت وكالة «يو كاي إم تي أو» البريطانية أن سفينة تعرضت لهجوم قبالة السواحل.")
    assert not any("إم تي" in c.quote for c in x.claims)


def test_a_quoted_outlet_between_the_verb_and_its_complement():
    x = run('وأفاد شهود عيان لموقع "دارفور24" بأن القصف استهدف السوق الرئيسي في المدينة.')
    (claim,) = x.claims
    assert claim.quote == "القصف استهدف السوق الرئيسي في المدينة"
    assert x.entities[claim.speaker].role == "Witness"


def test_what_a_body_announces_after_an_is_its_claim_not_a_source():
    x = run("وأعلن الجيش السوداني عن نجاحه في صد هجوم شنته قوات الدعم السريع على مدينة الفاشر.")
    (claim,) = x.claims
    assert claim.speaker == "Sudanese_Armed_Forces"


def test_a_verb_with_its_own_unknown_subject_does_not_continue_the_last_speaker():
    x = run('وقال الرئيس الأميركي جو بايدن إن "المحادثات تتقدم بشكل جيد نحو اتفاق". '
            "وقال مسؤولان عسكريان إن القوات كانت في طريقها إلى المنطقة الحدودية لاعتقال مطلوب.")
    assert not any(c.speaker == "Joe_Biden" and "القوات" in c.quote for c in x.claims)


def test_a_continued_speaker_named_inside_the_words_is_not_the_speaker():
    x = run('واتهم الوزير مسعد بولس بأنه يريد "فرض بعض الشروط على الحكومة السودانية". '
            'وقال: "نخشى أن يكون مسعد بولس عقبة أمام السلام الذي يريده الشعب".')
    assert not any(c.speaker == "Massad_Boulos" and "عقبة" in c.quote for c in x.claims)


def test_a_place_inside_an_unknown_outlet_s_quoted_name_does_not_speak():
    x = run('وبحسب موقع "أخبار ليبيا"، تفجرت الأزمة بعد أن قدمت حكومة عبدالحميد الدبيبة سبعة شروط للفصائل. '
            "وقال إن من أبرز هذه الشروط تسليم السجن إلى وزارة العدل.")
    assert not any(c.speaker == "Libya" for c in x.claims)


def test_reported_words_end_before_a_coordinated_verb_after_a_comma():
    x = run("أعرب مجلس الأمن الدولي عن قلقه الشديد إزاء تزايد الضحايا في القطاع، وجدد دعوته إلى وقف فوري للقتال.")
    (claim,) = [c for c in x.claims if "قلقه" in c.quote]
    assert "وجدد" not in claim.quote and claim.quote.endswith("في القطاع")


def test_reported_words_end_before_the_narrator_s_wa_dhalika():
    x = run('وأعلنت حركة الشباب مسؤوليتها عن هجوم آخر استهدف قاعدة للجيش يوم الأحد، وذلك من خلال بيان مقتضب.')
    assert not any("بيان مقتضب" in c.quote for c in x.claims)


def test_an_attribution_after_a_speech_verb_governs_only_the_words_after_that_verb():
    x = run("وأكدت التقارير مقتل خمسة جنود في الهجوم على الثكنة، بحسب وزارة الصحة السورية.")
    assert not any(c.rule == "claim:attribution" and "وأكدت" in c.quote for c in x.claims)


def test_a_negated_speech_verb_makes_no_claim():
    x = run("ولم يؤكد الرئيس الأميركي جو بايدن أن الاتفاق سيوقع هذا الأسبوع.")
    assert not any("سيوقع" in c.quote for c in x.claims)



def test_an_unnamed_resident_ends_the_last_speaker_s_turn():
    x = run('وقال الرئيس الأميركي جو بايدن إن "المحادثات تتقدم بشكل جيد". وقال أحد سكان القرية إن القصف دمر منزله. '
            'وقال لوكالة فرانس برس "لم يبق لنا شيء في هذه القرية".')
    assert not any(c.speaker == "Joe_Biden" and "لم يبق" in c.quote for c in x.claims)


def test_an_unknown_source_of_an_attribution_ends_the_last_speaker_s_turn():
    x = run('وقال الرئيس الأميركي جو بايدن إن "المحادثات تتقدم بشكل جيد". وقصفت طائرة القرية بعد الظهر، وفقاً لكو زاو تون، '
            "وهو مقاتل من القرية. وأضاف أن عشرة أشخاص قتلوا في القصف.")
    assert not any(c.speaker == "Joe_Biden" and "عشرة" in c.quote for c in x.claims)
