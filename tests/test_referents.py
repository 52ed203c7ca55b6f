"""Referents: an office and its holders are different nodes. A former, acting, regional
or municipal holder is never the state's current office-holder, and a place's own authorities are
not the national government. Each sentence is written to reproduce a structure seen in real news."""
from __future__ import annotations

from datetime import date

from kg.extract.pipeline import extract
from kg.model import Document


def run(text: str, published: date | None = date(2025, 8, 20)):
    return extract(Document("t", text, date=published))


def entity_of(x, surface: str):
    mention = next(m for m in x.mentions if m.surface == surface)
    return x.entities[mention.entity]


def keys(x) -> set[str]:
    return {m.entity for m in x.mentions}


def test_an_acting_minister_named_by_qaim_bi_amal_is_not_the_holder_nor_a_town():
    x = run("وقال القائم بأعمال وزير الخارجية الأمريكي إن واشنطن تدعم الحل.")
    assert "Marco_Rubio" not in keys(x) and "Al_Qaim" not in keys(x)
    acting = entity_of(x, "القائم بأعمال وزير الخارجية الأمريكي")
    assert acting.minted and acting.country == "United_States" and acting.role == "Foreign Minister"
    # alone, with the article, it is a chargé d'affaires: an ambassador's role
    x = run("واستدعت الخارجية الباكستانية القائم بالأعمال الهندي للاحتجاج.")
    assert entity_of(x, "القائم بالأعمال الهندي").role == "Ambassador"


def test_an_acting_prime_minister_is_not_the_prime_minister():
    x = run("وقال القائم بأعمال رئيس الوزراء الإسرائيلي إن الحكومة لن تتراجع.")
    assert "Benjamin_Netanyahu" not in keys(x) and "Al_Qaim" not in keys(x)


def test_a_dismissed_or_appointed_holder_is_not_the_gazetteer_holder():
    x = run("وقال الرئيس السوري المخلوع إنه غادر البلاد.")
    assert "Ahmed_al_Sharaa" not in keys(x)
    deposed = entity_of(x, "الرئيس السوري المخلوع")
    assert deposed.minted and deposed.country == "Syria"
    assert "Pete_Hegseth" not in keys(run("وقال وزير الدفاع الأمريكي المكلف إن القوات جاهزة."))


def test_a_sudanese_wali_is_the_states_governor():
    x = run("وأعلن والي الخرطوم أحمد عثمان حمزة أن الخدمات ستعود.")
    person = entity_of(x, "أحمد عثمان حمزة")
    assert person.role == "Governor" and person.part_of == "Khartoum" and person.country == "Sudan"
    unnamed = entity_of(run("وقال والي شمال دارفور إن القصف مستمر."), "والي شمال دارفور")
    assert unnamed.part_of == "North_Darfur" and unnamed.role == "Governor"


def test_a_mayor_and_a_governor_of_one_place_are_two_people():
    x = run("وقال رئيس بلدية خاركيف إن القصف قتل ثلاثة. وقال حاكم خاركيف إن الدفاعات أسقطت مسيرات.")
    mayor, governor = entity_of(x, "رئيس بلدية خاركيف"), entity_of(x, "حاكم خاركيف")
    assert mayor.key != governor.key and mayor.role == "Mayor" and governor.role == "Governor"


def test_the_head_of_a_regional_government_is_its_prime_minister():
    x = run("وقال رئيس حكومة إقليم كردستان إن الغارات التركية قتلت مدنيين.")
    assert "Masrour_Barzani" in keys(x) and "Nechirvan_Barzani" not in keys(x)


def test_the_president_of_a_region_is_the_regions_not_the_states():
    x = run("وقال رئيس إقليم كردستان إن الغارات التركية قتلت مدنيين.")
    president = entity_of(x, "رئيس إقليم كردستان")
    assert president.key == "Nechirvan_Barzani"
    assert "Abdul_Latif_Rashid" not in keys(x)


def test_the_states_government_after_a_region_is_its_own():
    x = run("ووصل المسلحون إلى ولاية كانو. وقالت حكومة الولاية إن القصف دمر المستشفى.")
    government = entity_of(x, "حكومة الولاية")
    assert government.part_of == "Kano" and government.country == "Nigeria"
    assert government.key != "Nigeria_Government"


def test_the_citys_authorities_after_a_city_are_its_own():
    x = run("ووصل المسلحون إلى مدينة غوما. وقالت سلطات المدينة إن القصف دمر المستشفى.")
    authorities = entity_of(x, "سلطات المدينة")
    assert authorities.part_of == "Goma" and authorities.key != "DR_Congo_Government"


def test_the_governor_of_the_state_named_before_is_its_governor():
    x = run("ووصل المسلحون إلى ولاية بورنو. وقال حاكم الولاية إن القصف دمر المستشفى.")
    governor = entity_of(x, "حاكم الولاية")
    assert governor.part_of == "Borno" and governor.role == "Governor"


def test_a_ministry_of_a_regional_government_is_not_the_states():
    x = run("وقالت وزارة الصحة في حكومة إقليم كردستان إن ثلاثة قتلوا.")
    ministry = entity_of(x, "وزارة الصحة في حكومة إقليم كردستان")
    assert ministry.key != "Iraq_MinistryOfHealth" and ministry.part_of == "Kurdistan_Regional_Government"


def test_a_former_holders_role_says_former():
    x = run("وانتقد الرئيس النيجيري السابق أداء الحكومة.")
    former = entity_of(x, "الرئيس النيجيري السابق")
    assert former.role == "former President" and former.country == "Nigeria"
    named = entity_of(run("وقال محافظ نينوى السابق نوفل العاكوب إن الأمن مستتب."), "نوفل العاكوب")
    assert named.role == "former Governor" and named.part_of == "Nineveh"


def test_a_deputy_prime_minister_is_not_the_prime_minister():
    x = run("وقال نائب رئيس الوزراء الإسرائيلي إن الحكومة لن تتراجع.")
    assert "Benjamin_Netanyahu" not in keys(x)
    deputy = entity_of(x, "نائب رئيس الوزراء الإسرائيلي")
    assert deputy.role == "deputy Prime Minister" and deputy.country == "Israel"


def test_a_deputy_governor_is_not_the_governor_nor_a_direction():
    x = run("وهاجم مسلحون مقر مساعد حاكم ولاية أداماوا في شمال شرق نيجيريا.")
    deputy = entity_of(x, "مساعد حاكم ولاية أداماوا")
    assert deputy.role == "deputy Governor" and deputy.part_of == "Adamawa"
    assert not any(e.type == "Person" and "شمال" in e.name_ar for e in x.entities.values())


def test_a_title_after_a_new_name_is_that_persons_not_a_second_holder():
    x = run("وقال العميد نبيل عبد الله المتحدث باسم الجيش السوداني إن القوات صدت هجوما.")
    person = entity_of(x, "نبيل عبد الله")
    assert entity_of(x, "المتحدث باسم الجيش السوداني").key == person.key
    assert not any(e.role == "Spokesperson" and e.key != person.key for e in x.entities.values())


def test_a_predicate_noun_after_an_acting_title_is_no_name():
    x = run("وأوضح أن وزير الدفاع المكلف رجل عسكري قديم ينتمي إلى مدينة بني وليد.")
    assert not any(e.type == "Person" and e.minted and e.name_ar != "وزير الدفاع المكلف"
                   for e in x.entities.values())


def test_a_counties_government_named_before_is_its_own():
    x = run("وأعلن مسؤولون في حكومة مقاطعة باكتيا أن مسلحين نصبوا كمينا. وأضافت حكومة المقاطعة أن الحاكم نجا.")
    assert entity_of(x, "حكومة المقاطعة").part_of == "Paktia"
    assert not any(e.country == "" and e.type == "Government" for e in x.entities.values())


def test_the_authorities_of_a_county_we_do_not_know_are_not_the_states():
    x = run("وتقع المقاطعة في جنوب السودان. وقالت السلطات في مقاطعة فانيجار إن المهاجمين فروا.")
    assert "South_Sudan_Government" not in keys(x)
    police = run("وقالت الشرطة في ولاية الوحدة إن المهاجمين فروا.")  # a known state, its head word in its name
    assert entity_of(police, "الشرطة في ولاية الوحدة").part_of == "Unity_State"


def test_his_saying_ends_a_name_and_a_caretaker_government_is_no_person():
    x = run("ونقلت وكالة فرانس برس عن نائب المحافظ طاهر عبد الله قوله إن مسلحين دخلوا المبنى.")
    assert not any("قوله" in e.name_ar for e in x.entities.values())
    x = run("وقال رئيس حكومة تصريف الأعمال اللبنانية إن الجيش سينتشر.")
    assert not any(e.type == "Person" and "تصريف" in e.name_ar for e in x.entities.values())


def test_a_title_set_off_by_a_dash_is_the_named_persons_and_a_complementiser_no_name():
    x = run("صرح سيرغي فيرشينين - نائب وزير الخارجية الروسي بأن موقف روسيا لم يضعف.")
    person = entity_of(x, "سيرغي فيرشينين")
    assert entity_of(x, "نائب وزير الخارجية الروسي").key == person.key
    assert not any("بأن" in e.name_ar for e in x.entities.values())
    x = run("وقال مدير المكتب الإعلامي للواء 73 مشاة التابع للجيش، المنذر الخرطوش، إن الدفاعات تعمل.")
    assert not any("مشاة" in e.name_ar for e in x.entities.values() if e.type == "Person")


def test_an_interim_president_is_the_holder_of_the_office():
    x = run("وقال الرئيس السوري المؤقت إن الحكومة ستحمي الجميع.")
    assert "Ahmed_al_Sharaa" in keys(x)
    assert "Yusuf_Tuggar" not in keys(run("وقال وزير الخارجية النيجيري بالإنابة إن الوفد سيزور أبوجا."))


def test_a_rank_and_name_set_off_by_a_comma_name_the_titles_holder():
    x = run("وقرر والي الخرطوم الجديد، الفريق عبد الرحيم محمد حسين، استمرار الوزراء في أعمالهم.")
    wali = entity_of(x, "عبد الرحيم محمد حسين")
    assert wali.role == "Governor" and wali.part_of == "Khartoum"
    assert not any(e.role == "Governor" and e.key != wali.key for e in x.entities.values())


def test_a_bare_foreign_after_a_definite_noun_is_its_adjective_not_the_ministry():
    x = run("وأكد الوزير السعودي أن السياسة الخارجية للمملكة ثابتة وأن العلاقات الخارجية متينة.")
    assert not any(e.key.endswith("MinistryOfForeignAffairs") for e in x.entities.values()), keys(x)
    y = run("أدانت السعودية الهجوم. وقالت الخارجية في بيان إن المملكة تقف مع الصومال.")
    assert "Saudi_Arabia_MinistryOfForeignAffairs" in keys(y)


def test_an_indefinite_regional_minister_is_not_the_national_one():
    x = run("وقال وزير إعلام ولاية الخرطوم إن المدينة آمنة.")
    minister = entity_of(x, "وزير إعلام ولاية الخرطوم")
    assert minister.role == "Information Minister" and minister.key.startswith("Khartoum_"), minister
    y = run("وقال وزير خارجية مصر إن القاهرة ترفض التهجير.")  # a state after it: the national holder
    assert "Badr_Abdelatty" in keys(y)


def test_a_definite_or_indefinite_title_before_an_unknown_name_names_that_person():
    x = run("وقال الوزير جمال الفلاحي إن القوات تقدمت نحو المدينة.")
    assert entity_of(x, "جمال الفلاحي").role == "Minister"
    y = run("وقال متحدث الجيش العميد نبيل عبدالله في بيان إن القوات صدت الهجوم.")
    assert entity_of(y, "نبيل عبدالله").role == "Spokesperson"


def test_al_mustashar_before_a_name_with_no_state_is_an_honorific_not_the_chancellor():
    x = run("وقال المستشار محمد الحمصاني المتحدث باسم مجلس الوزراء المصري إن الحكومة ستواصل دعم الأسر.")
    assert entity_of(x, "محمد الحمصاني").role != "Chancellor"
    y = run("وقال المستشار الألماني إن برلين ستدعم كييف.")
    assert "Friedrich_Merz" in keys(y)
