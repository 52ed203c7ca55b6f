"""Claims and unnamed sources on the shapes of real-news errors (issue 10): an official
described by an adjective is no official of the body named after him (the verb's object), and an
unnamed source or officer speaks before his verb as after it. The sentences are written for these
tests; none is copied from an article."""
from __future__ import annotations

from datetime import date

from kg.extract.pipeline import extract
from kg.model import Document


def run(text: str):
    return extract(Document("t", text, date=date(2024, 5, 20)))


def test_the_body_after_an_official_and_his_adjective_is_the_object():
    x = run("قال الجيش السوداني إنه صد هجوما على المدينة، فيما اتهم مسؤول حكومي قوات الدعم السريع "
            "بتعمد قصف مراكز الإيواء.")
    accusations = [e for e in x.events if e.type == "Accusation"]
    assert accusations, [(e.type, e.agents) for e in x.events]
    agent = x.entities[accusations[0].agents[0]]
    assert agent.minted and not agent.key.startswith("RSF"), agent.key
    assert accusations[0].targets == ["RSF"], accusations[0].targets
    y = run("وقال مسؤول كبير في حركة حماس إن الحركة ستسلم ردها على المقترح.")  # a preposition: his body
    assert [c.speaker for c in y.claims] and y.claims[0].speaker.startswith("Hamas_"), [c.speaker for c in y.claims]


def test_an_unnamed_source_before_his_verb_speaks():
    x = run("وكان مصدر أمني قد كشف أن انتحاريا استخدم سيارة مفخخة في الهجوم على الحاجز.")
    assert [c.quote for c in x.claims] == ["انتحاريا استخدم سيارة مفخخة في الهجوم على الحاجز"], x.claims
    assert x.entities[x.claims[0].speaker].minted


def test_an_unnamed_officer_speaks_for_his_force():
    x = run("وقال ضابط في الجيش العراقي، طلب عدم كشف هويته، إن جنديين قتلا في الهجوم.")
    assert x.claims, x.claims
    speaker = x.entities[x.claims[0].speaker]
    assert speaker.minted and speaker.key.startswith("Iraqi_Armed_Forces"), speaker.key


def test_an_attribution_inside_another_ones_source_says_nothing():
    x = run("وقتل في الهجوم 15 شخصا بينهم أربعة عمال، بحسب حصيلة جديدة أعلنها الأحد متحدث باسم وزارة "
            "الداخلية بحسب قناة الجزيرة.")
    assert all("متحدث باسم" not in c.quote for c in x.claims), [(c.speaker, c.quote) for c in x.claims]


def test_the_words_before_a_second_attribution_begin_after_the_first_source():
    x = run("وقتل في الهجوم 15 شخصا، بحسب وزارة الصحة، وأصيب 20 آخرون بجروح خطيرة، بحسب قناة الجزيرة.")
    quotes = {c.quote for c in x.claims}
    assert "وأصيب 20 آخرون بجروح خطيرة" in quotes, quotes


def test_a_quotation_holds_the_quoted_names_inside_it():
    x = run('وقالت كتائب القسام في بيان: "تمكن مقاتلونا من إصابة مروحية إسرائيلية من نوع "أباتشي" '
            'بصاروخ "سام 7" شرق مخيم البريج".')
    assert [c.quote for c in x.claims] == [
        'تمكن مقاتلونا من إصابة مروحية إسرائيلية من نوع "أباتشي" بصاروخ "سام 7" شرق مخيم البريج'], x.claims
    y = run('وقال المتحدث باسم الجيش الإسرائيلي إن "الجيش صد الهجوم على المعبر" وإن "المسلحين تكبدوا خسائر فادحة".')
    assert len(y.claims) >= 1 and all('"' not in c.quote for c in y.claims), [c.quote for c in y.claims]


def test_a_quoted_time_or_concession_is_no_claim():
    x = run('وكانت قوات الدعم السريع قد أعلنت هدنة لمدة 72 ساعة، غير أن الجيش السوداني اتهمها بخرقها '
            '"بعد أقل من ثلاث ساعات" على دخولها حيز التنفيذ.')
    assert not x.claims, [(c.speaker, c.quote) for c in x.claims]
    y = run('وكان رئيس الوزراء الإسرائيلي بنيامين نتنياهو قد تعهد بشن هجوم بري على رفح "مهما كانت الضغوط الدولية".')
    assert not y.claims, [(c.speaker, c.quote) for c in y.claims]
    z = run('وقال نتنياهو: "بعد أن فشلت المفاوضات، لن نعود إلى الطاولة".')  # after a colon: words said
    assert [c.quote for c in z.claims] == ["بعد أن فشلت المفاوضات، لن نعود إلى الطاولة"], z.claims


def test_however_ends_the_reported_words():
    x = run("وأعلن الجيش الإسرائيلي أن قواته قتلت ثلاثة مسلحين، إلا أن حركة حماس نفت ذلك.")
    assert [c.quote for c in x.claims] == ["قواته قتلت ثلاثة مسلحين"], [c.quote for c in x.claims]


def test_an_attribution_opening_the_sentence_governs_the_clause_after_it():
    x = run("وبحسب مسؤول في الرئاسة الأوكرانية، فإن كييف طلبت منظومات دفاع جوي إضافية.")
    assert [c.quote for c in x.claims] == ["كييف طلبت منظومات دفاع جوي إضافية"], x.claims
    assert x.claims[0].speaker.startswith("Ukrainian_Presidential_Office"), x.claims[0].speaker
    y = run("وبحسب الجيش الإسرائيلي، قتل ثلاثة مسلحين في الاشتباك، فيما قالت حركة حماس إن القتلى مدنيون.")
    assert {c.speaker: c.quote for c in y.claims} == {"IDF": "قتل ثلاثة مسلحين في الاشتباك",
                                                      "Hamas": "القتلى مدنيون"}, y.claims


def test_a_place_in_a_dateline_is_no_speaker():
    x = run("صنعاء/وكالات- قالت شركة أمبري البريطانية للأمن البحري، إن سفينة شحن أبلغت عن تعرضها لهجوم.")
    assert all(c.speaker != "Yemen" for c in x.claims), [(c.speaker, c.quote) for c in x.claims]
    y = run("الخرطوم/سونا- قال الجيش السوداني إن قواته صدت هجوما على المدينة.")
    assert [c.speaker for c in y.claims] == ["Sudanese_Armed_Forces"], y.claims


def test_another_speaker_or_an_attribution_ends_the_reported_words():
    x = run("وقال متحدث باسم وزارة الدفاع البريطانية إن هذه الادعاءات غير صحيحة، لكن هيئة عمليات التجارة "
            "البحرية البريطانية قالت إن السلطات تحقق في حادثة قرب عدن.")
    assert "هذه الادعاءات غير صحيحة" in [c.quote for c in x.claims], [c.quote for c in x.claims]
    y = run("أعلن الحوثيون، اليوم الأربعاء، مسؤوليتهم عن الهجوم على سفينة تجارية قبالة اليمن، "
            "بحسب ما ذكرت قناة الجزيرة.")
    assert all("بحسب" not in c.quote for c in y.claims), [c.quote for c in y.claims]
    z = run("وأعلن حزب الله عن تبنيه لإطلاق الصواريخ نحو إسرائيل، وأفيد بإطلاق عدد من الصواريخ على نقطة عسكرية.")
    assert all("وأفيد" not in c.quote for c in z.claims), [c.quote for c in z.claims]


def test_a_quotation_after_the_verb_of_a_complement_is_its_object():
    x = run('وقال الجيش الإسرائيلي إن مقاتلاته قصفت موقعا لحزب الله، مضيفا أن طيرانه قصف أيضا '
            '"بنى تحتية إرهابية في منطقة الخيام".')
    assert 'طيرانه قصف أيضا "بنى تحتية إرهابية في منطقة الخيام"' in [c.quote for c in x.claims], \
        [c.quote for c in x.claims]


def test_more_unnamed_sources_speak_for_their_state_or_body():
    x = run("وقال مصدران أمنيان مصريان إن إسرائيل وافقت على المقترح.")
    assert [c.speaker[:6] for c in x.claims] == ["Egypt_"], [c.speaker for c in x.claims]
    y = run("وقال دبلوماسي فرنسي إن باريس ستدعم القرار في مجلس الأمن.")
    assert [c.speaker[:7] for c in y.claims] == ["France_"], [c.speaker for c in y.claims]


def test_what_someone_will_say_is_not_said_yet():
    x = run("ونقلت القناة 12 الإسرائيلية عن مصادر أن المبعوث الأمريكي ستيف ويتكوف سيؤكد خلال محادثاته "
            "في إسرائيل أن اتفاق إنهاء الحرب ما يزال ساريا.")
    assert all(c.speaker != "Steve_Witkoff" for c in x.claims), [(c.speaker, c.quote) for c in x.claims]
    assert x.claims  # the sources' words still are a claim
    y = run("وسوف يعلن الرئيس الأمريكي دونالد ترامب أن الاتفاق دخل حيز التنفيذ.")
    assert not y.claims, [(c.speaker, c.quote) for c in y.claims]
    z = run("وقال الجيش الإسرائيلي إن قواته ستواصل العمليات في رفح.")  # a future inside the words: said
    assert [c.speaker for c in z.claims] == ["IDF"]


def test_wa_adafa_goes_on_with_the_source_quoted_or_the_speaker_not_a_verb_inside_the_words():
    x = run("ونقلت وكالة رويترز عن مسؤول في حركة حماس قوله إن الحركة سلمت ردها، وأضاف أن الوفد سيعود إلى الدوحة.")
    assert {c.speaker for c in x.claims} == {x.claims[0].speaker} and x.claims[0].speaker.startswith("Hamas_"), \
        [(c.speaker, c.quote) for c in x.claims]
    y = run("وقال وزير الخارجية المصري سامح شكري إن مصر ترفض التهجير، وأضاف أن القاهرة ستواصل جهودها.")
    assert {c.speaker for c in y.claims} == {"Sameh_Shoukry"}, [(c.speaker, c.quote) for c in y.claims]
