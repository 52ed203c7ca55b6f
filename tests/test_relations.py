"""Relations between actors already found (issue 11): ministerial posts, messages and
condolences, meetings between two named parties, backing and leadership phrases read from real news
structures. Sentences written for these tests."""
from __future__ import annotations

from datetime import date

from kg.extract.pipeline import extract
from kg.model import Document


def run(text: str):
    return extract(Document("t", text, date=date(2024, 5, 20)))


def facts(text: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(e.type, tuple(e.agents), tuple(e.targets)) for e in run(text).events}


def person(text: str, surface: str) -> str:
    return next(m.entity for m in run(text).mentions if m.surface == surface)


def test_a_minister_holds_a_post_in_his_state():
    found = facts("وقال وزير الدفاع الإسرائيلي يوآف غالانت إن الجيش سيواصل عملياته.")
    assert ("MinisterialPost", ("Yoav_Gallant",), ("Israel",)) in found


def test_a_minister_of_a_state_named_after_his_title():
    text = "وحضر اللقاء وزير خارجية إثيوبيا تايي أسقسلاسي."
    assert ("MinisterialPost", (person(text, "تايي أسقسلاسي"),), ("Ethiopia",)) in facts(text)


def test_a_title_before_another_persons_name_is_not_the_next_persons():
    text = "وحضر اللقاء الرئيس الكيني وليام روتو، والمستشار سامي الخطيب."
    found = facts(text)
    assert ("Leadership", ("William_Ruto",), ("Kenya",)) in found
    assert ("Leadership", (person(text, "سامي الخطيب"),), ("Kenya",)) not in found


def test_a_condolence_cable_to_a_titled_head_of_state():
    text = "وبعث الرئيس التركي رجب طيب أردوغان، مساء الأحد، برقية تعزية إلى الرئيس الروسي فلاديمير بوتين في ضحايا الهجوم."
    assert ("Condolence", ("Recep_Tayyip_Erdogan",), ("Vladimir_Putin",)) in facts(text)


def test_a_message_received_names_its_sender_past_the_receivers_titles():
    text = "تلقى الملك عبد الله الثاني، عاهل المملكة الأردنية الهاشمية، رسالة خطية من الرئيس المصري عبد الفتاح السيسي."
    assert ("Message", ("Abdel_Fattah_el_Sisi",), ("Abdullah_II",)) in facts(text)


def test_a_message_to_an_office_holder_named_with_his_body():
    text = "ووجه الرئيس الإيراني مسعود بزشكيان رسالة إلى الأمين العام للأمم المتحدة أنطونيو غوتيريش بشأن الهجمات."
    assert ("Message", ("Masoud_Pezeshkian",), ("Antonio_Guterres",)) in facts(text)


def test_congratulations_and_condolences_by_verb():
    assert ("Congratulation", ("Abdel_Fattah_el_Sisi",), ("Donald_Trump",)) in facts(
        "وهنأ الرئيس المصري عبد الفتاح السيسي الرئيس الأمريكي دونالد ترامب بفوزه في الانتخابات.")
    assert ("Condolence", ("Abdullah_II",), ("Recep_Tayyip_Erdogan",)) in facts(
        "وعزى العاهل الأردني الملك عبد الله الثاني الرئيس التركي رجب طيب أردوغان بضحايا الزلزال.")


def test_no_message_without_a_verb_of_sending_nor_from_reinforcements():
    assert not any(t == "Message" for t, _, _ in facts("وقال الرئيس التركي رجب طيب أردوغان في رسالة إن بلاده لن تتراجع."))
    assert not any(t in ("Message", "Condolence") for t, _, _ in facts("وبعث الجيش السوداني تعزيزات إلى مدينة الفاشر."))


def test_a_call_between_two_titled_leaders():
    text = "وأعلن الكرملين عن إجراء اتصال هاتفي بين الرئيس الروسي فلاديمير بوتين ورئيس الوزراء الإسرائيلي بنيامين نتنياهو."
    assert ("PhoneCall", ("Vladimir_Putin",), ("Benjamin_Netanyahu",)) in facts(text)


def test_a_meeting_between_a_minister_and_his_counterpart_past_forms_of_address():
    text = ("وجاء ذلك في لقاء بين وزير الشؤون الخارجية والتعاون الدولي الأردني معالي السيد أيمن الصفدي "
            "ونظيره المصري معالي السيد سامح شكري في عمّان.")
    assert ("DiplomaticContact", ("Ayman_Safadi",), ("Sameh_Shoukry",)) in facts(text)


def test_an_office_named_by_its_title_alone_after_min():
    text = "ولي العهد السعودي يتلقى رسالة خطية من رئيس وزراء إثيوبيا"
    found = facts(text)
    assert ("Message", ("Abiy_Ahmed",), ("Mohammed_bin_Salman",)) in found
    assert ("Leadership", ("Abiy_Ahmed",), ("Ethiopia",)) in found  # "رئيس وزراء" without ال is a prime minister


def test_backing_named_by_an_adverbial_nisba():
    assert ("Backing", ("RSF",), ("United_Arab_Emirates",)) in facts(
        "واتهمت الحكومة قوات الدعم السريع المدعومة إماراتياً بقصف مخيم للنازحين.")


def test_an_outlet_close_to_a_state_and_an_indefinite_marker_after_wahiya():
    assert ("Affiliation", ("Al_Mayadeen",), ("Iran",)) in facts("ونقلت قناة الميادين المقربة من إيران عن مصدر أن الهجوم وقع فجراً.")
    assert ("Backing", ("Kataib_Hezbollah",), ("Iran",)) in facts(
        "وقالت كتائب حزب الله، وهي جماعة مدعومة من إيران، إنها استهدفت القاعدة.")


def test_an_unnamed_militia_named_after_the_marker():
    text = 'وأعلنت ميليشيا مسلحة موالية لإيران، تطلق على نفسها اسم "المقاومة الإسلامية في العراق"، استهداف قاعدة أميركية.'
    assert ("Affiliation", ("Islamic_Resistance_in_Iraq",), ("Iran",)) in facts(text)


def test_a_lead_verb_names_the_leader_and_his_body():
    assert ("Leadership", ("Mohamed_Hamdan_Dagalo",), ("RSF",)) in facts(
        "ويرأس الفريق أول محمد حمدان دقلو قوات الدعم السريع منذ تأسيسها.")
    found = facts("وترأس الرئيس المصري عبد الفتاح السيسي اجتماعاً لمجلس الأمن القومي.")
    assert not any(t == "Leadership" and a == ("Abdel_Fattah_el_Sisi",) and o != ("Egypt",) for t, a, o in found)


def test_a_call_with_an_unnamed_counterpart_reaches_his_state():
    found = facts("أجرى وزير الخارجية المصري بدر عبد العاطي اتصالاً هاتفياً مع نظيره الإيراني تناول خلاله الأوضاع في غزة.")
    assert ("PhoneCall", ("Badr_Abdelatty",), ("Iran",)) in found


def test_a_received_call_is_a_phone_call():
    assert ("PhoneCall", ("Emmanuel_Macron",), ("Abdel_Fattah_el_Sisi",)) in facts(
        "وتلقى الرئيس عبد الفتاح السيسي اتصالاً هاتفياً من الرئيس الفرنسي إيمانويل ماكرون.")


def test_two_parties_sign_once():
    found = facts("ووقعت مصر والصومال مذكرة تفاهم في القاهرة أمس.")
    assert ("AgreementSigning", ("Egypt",), ("Somalia",)) in found
    assert not any(t == "Agreement" for t, _, _ in found)  # the memorandum is the signing's, not a second fact
    assert ("AgreementSigning", ("Iraq",), ("Egypt",)) in facts(
        "وشهد رئيسا الوزراء التوقيع على عدد من مذكرات التفاهم بين العراق ومصر.")


def test_an_explosion_that_occurred_is_no_signing():
    found = facts("ووقع انفجار في مقديشو رغم اتفاقية التعاون الأمني بين الصومال وكينيا.")
    assert not any(t == "AgreementSigning" for t, _, _ in found)


def test_a_coup_led_by_a_named_officer_is_his():
    found = facts("وقاد العقيد أسيمي غويتا انقلاباً على الرئيس المالي في أغسطس 2020.")
    assert any(t == "Coup" and a == ("Assimi_Goita",) for t, a, _ in found)


def test_the_ambassador_of_a_king_named_by_his_title():
    text = "وحضر اللقاء سفير خادم الحرمين الشريفين لدى الأردن الدكتور سامي الخطيب."
    assert ("Envoy", (person(text, "سامي الخطيب"),), ("Salman_bin_Abdulaziz",)) in facts(text)


def test_a_title_of_the_source_before_an_inna_is_not_the_leaders():
    text = "وقالت وسائل إعلام عبرية إن رئيس حكومة إسرائيل بنيامين نتنياهو قرر تأجيل العملية العسكرية."
    assert ("Leadership", ("Benjamin_Netanyahu",), ("Israel",)) in facts(text)


def test_the_given_name_izzat_is_no_condolence():
    found = facts("وقال القيادي في حركة حماس عزت الرشق إن الحركة ملتزمة بالاتفاق.")
    assert not any(t == "Condolence" for t, _, _ in found)


def test_here_is_no_congratulation():
    for text in ("فهنا الحكومة المصرية تريد تهدئة الأوضاع مع إسرائيل.", "ومن هنا يبدأ الجيش السوداني هجومه على المدينة."):
        assert not any(t == "Congratulation" for t, _, _ in facts(text))
