"""The gazetteer of today's conflicts: every row well-formed, a sample of actors per region found
with the right key, type and country in sentences written for these tests, office-holders
resolved by date with national holders before sub-national ones, and aliases that are also
common words kept from firing."""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from kg.data import DATA_DIR, alternatives, read_tsv, read_tsv_path
from kg.extract.gazetteer import load_gazetteer, parse_year_or_date
from kg.extract.pipeline import extract
from kg.model import Document
from kg.text.normalize import normalize_phrase

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = DATA_DIR / "gazetteer"
EXTRA_ROLES = {"capital", "Sultan", "Chairperson"}  # roles no title phrase gives, held as data
DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


def ontology_classes() -> set[str]:
    text = (ROOT / "ontology" / "kg.ttl").read_text(encoding="utf-8")
    return set(re.findall(r"^kg:([A-Z]\w*)\b", text, flags=re.M))


def all_rows() -> list[tuple[str, dict[str, str]]]:
    return [(f"{path.name}:{getattr(row, 'where', '')}", row)
            for path in sorted(GAZETTEER.glob("*.tsv")) for row in read_tsv_path(path) if row.get("key")]


ROWS = all_rows()
KEYS = {row["key"]: row for _, row in ROWS}


def test_keys_are_unique_across_files():
    seen: dict[str, list[str]] = defaultdict(list)
    for where, row in ROWS:
        seen[row["key"]].append(where)
    assert not {k: w for k, w in seen.items() if len(w) > 1}


def test_types_are_ontology_classes():
    classes = ontology_classes()
    assert {row["type"] for _, row in ROWS} <= classes


def test_qids_look_like_wikidata_ids_and_are_not_shared():
    qids: dict[str, list[str]] = defaultdict(list)
    for where, row in ROWS:
        if row.get("qid"):
            assert re.fullmatch(r"Q[1-9]\d*", row["qid"]), where
            qids[row["qid"]].append(row["key"])
    assert not {q: k for q, k in qids.items() if len(k) > 1}


def test_country_is_a_state_and_part_of_is_a_known_key():
    for where, row in ROWS:
        if row.get("country"):
            assert KEYS.get(row["country"], {}).get("type") == "State", (where, row["country"])
        if row.get("part_of"):
            assert row["part_of"] in KEYS and row["part_of"] != row["key"], (where, row["part_of"])


def test_roles_are_title_roles_and_tenures_are_dates_in_order():
    roles = {r["role"] for r in read_tsv("titles.tsv")} | EXTRA_ROLES
    for where, row in ROWS:
        if row.get("role"):
            assert row["role"] in roles, (where, row["role"])
        start, end = row.get("valid_from", ""), row.get("valid_to", "")
        for value in (start, end):
            assert not value or (DATE.match(value) and parse_year_or_date(value)), (where, value)
        if start and end:
            assert parse_year_or_date(start) <= parse_year_or_date(end), where


def home_state(key: str) -> str:
    row = KEYS[key]
    return key if row["type"] == "State" else row.get("country", "")


def test_names_are_arabic_and_a_shared_name_is_of_two_states():
    """A name may stand for two entities only when they are of different states (عمان: Oman and
    Amman), which the document then tells apart; never two entities of one state."""
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for where, row in ROWS:
        names = alternatives(row["names_ar"])
        assert names, where
        for name in names:
            assert not re.search(r"[A-Za-z]", name), (where, name)
            owners[normalize_phrase(name)].add(row["key"])
    shared = {" ".join(n): k for n, k in owners.items() if len(k) > 1}
    assert all(len({home_state(k) for k in keys}) == len(keys) and all(map(home_state, keys))
               for keys in shared.values()), shared


def mentions(text: str, when: date = date(2025, 6, 1)) -> dict[str, object]:
    """Entity key -> entity for every name-like mention of the sentence."""
    x = extract(Document("t", text, date=when))
    return {m.entity: x.entities[m.entity] for m in x.mentions if m.kind in ("name", "alias", "title")}


# (sentence written for this test, key, type, country) per region
SAMPLES = [
    ("واستولى جيش أراكان على موقعين في راثيدونغ.", "Rathedaung", "City", "Myanmar"),
    ("وأدان سهيل أفريدي الهجوم على الشرطة في ديرا إسماعيل خان.", "Sohail_Afridi", "Person", "Pakistan"),
    ("وهاجم مسلحون مركز تدريب في ديرا إسماعيل خان.", "Dera_Ismail_Khan", "City", "Pakistan"),
    # sanctions bodies and people named in sanctions news (issue 11)
    ("وأدرج مكتب مراقبة الأصول الأجنبية التابع لوزارة الخزانة الأمريكية ثلاث شركات على القائمة.", "OFAC",
     "GovernmentBody", "United_States"),
    ("وقالت وزارة الخزانة الأميركية إنها جمدت أصول الشبكة.", "US_Treasury", "Ministry", "United_States"),
    ("واتهمت واشنطن المخابرات الجوية بتعذيب معتقلين.", "Syria_Air_Force_Intelligence", "GovernmentBody", "Syria"),
    ("وشملت العقوبات رامي مخلوف وقائد ميليشيا الدفاع الوطني في حمص.", "Rami_Makhlouf", "Person", "Syria"),
    ("وقتل عنصران من ميليشيا الدفاع الوطني في ريف حماة.", "Syria_National_Defence_Forces", "ArmedGroup", "Syria"),
    ("وأدرجت واشنطن صالح العاروري على قائمة الإرهاب.", "Saleh_al_Arouri", "Person", "Palestine"),
    ("وتبنت مجموعة عرين الأسود إطلاق النار على الحاجز.", "Lions_Den", "ArmedGroup", "Palestine"),
    ("وقالت المؤسسة الوطنية لحقوق الإنسان في ليبيا إنها وثقت الانتهاكات.", "Libya_National_Human_Rights_Institution",
     "Organisation", "Libya"),
    ("ودعا دولت بهتشلي إلى الإفراج عن أوجلان.", "Devlet_Bahceli", "Person", "Turkey"),
    # Sahel and Lake Chad
    ("هاجمت جماعة نصرة الإسلام والمسلمين موقعاً للجيش المالي قرب سيغو.", "Malian_Armed_Forces", "ArmedForce", "Mali"),
    ("هاجمت جماعة نصرة الإسلام والمسلمين موقعاً للجيش المالي قرب سيغو.", "Segou", "City", "Mali"),
    ("قُتل عشرة من متطوعي الدفاع عن الوطن في كمين قرب جيبو.", "VDP_Burkina", "ArmedForce", "Burkina_Faso"),
    ("وأعلن تنظيم داعش غرب أفريقيا مسؤوليته عن هجوم على مونغونو.", "Monguno", "City", "Nigeria"),
    # Horn of Africa
    ("وأعلنت الحكومة الفيدرالية الصومالية استعادة مدينة جوهر من مسلحي حركة الشباب.", "Somali_Federal_Government",
     "Government", "Somalia"),
    ("وأعلنت الحكومة الفيدرالية الصومالية استعادة مدينة جوهر من مسلحي حركة الشباب.", "Jowhar", "City", "Somalia"),
    ("وقصفت قوات الدعم السريع معسكر أبو شوك للنازحين، فيما قالت القوة المشتركة لحركات الكفاح المسلح إنها صدت الهجوم.",
     "Joint_Forces_Darfur", "ArmedGroup", "Sudan"),
    ("وقصفت قوات الدعم السريع معسكر أبو شوك للنازحين.", "Abu_Shouk_Camp", "City", "Sudan"),
    ("وتقدمت قوات الدفاع الوطني الإثيوبية نحو دبري ماركوس.", "Ethiopia_ArmedForces", "ArmedForce", "Ethiopia"),
    # Great Lakes
    ("وسيطرت حركة إم23 على مينوفا بعد انسحاب القوات المسلحة الكونغولية.", "FARDC", "ArmedForce", "DR_Congo"),
    ("وسيطرت حركة إم23 على مينوفا بعد انسحاب القوات المسلحة الكونغولية.", "Minova", "City", "DR_Congo"),
    # Libya
    ("واجتمع عقيلة صالح مع رئيس المجلس الأعلى للدولة في القاهرة.", "Aguila_Saleh", "Person", "Libya"),
    ("واندلعت اشتباكات في أبو سليم وسوق الجمعة بطرابلس.", "Souq_al_Juma", "City", "Libya"),
    # Yemen
    ("واستهدفت غارات ميناء رأس عيسى وقالت حكومة صنعاء إن ستة قتلوا.", "Houthi_Government", "Government", "Yemen"),
    ("واستهدفت غارات ميناء رأس عيسى وقالت حكومة صنعاء إن ستة قتلوا.", "Ras_Isa", "City", "Yemen"),
    # Syria
    ("وانتشرت قوات الأمن العام السوري في جرمانا وصحنايا.", "Syrian_General_Security", "ArmedForce", "Syria"),
    ("وانتشرت قوات الأمن العام السوري في جرمانا وصحنايا.", "Jaramana", "City", "Syria"),
    ("وقال الشيخ حكمت الهجري إن السويداء لن تقبل بذلك.", "Hikmat_al_Hijri", "Person", "Syria"),
    # Iraq
    ("وقالت خلية الإعلام الأمني إن الهجوم وقع قرب قاعدة عين الأسد.", "Security_Media_Cell", "GovernmentBody", "Iraq"),
    ("واستهدفت مسيّرة منزلاً في مخمور.", "Makhmour", "City", "Iraq"),
    # Lebanon
    ("واستهدفت غارة إسرائيلية بلدة عيتا الشعب في جنوب لبنان.", "Aita_al_Shaab", "City", "Lebanon"),
    ("وعقدت لجنة الميكانيزم اجتماعها في الناقورة.", "Ceasefire_Mechanism_Lebanon", "InternationalOrganisation",
     "Lebanon"),
    # Palestine and Israel
    ("واقتحمت قوات الاحتلال مخيم نور شمس في طولكرم.", "Nur_Shams_Camp", "City", "Palestine"),
    ("وقال الدفاع المدني في غزة إن طواقمه انتشلت جثامين من الشجاعية.", "Gaza_Civil_Defence", "GovernmentBody",
     "Palestine"),
    ("وقال الدفاع المدني في غزة إن طواقمه انتشلت جثامين من الشجاعية.", "Shujaiya", "City", "Palestine"),
    ("وسقط صاروخ قرب نيفاتيم.", "Nevatim", "City", "Israel"),
    # Iran
    ("وأطلقت القوة الجوفضائية التابعة للحرس الثوري صواريخ باليستية.", "IRGC_Aerospace_Force", "ArmedForce", "Iran"),
    # Ukraine and Russia
    ("وقصفت روسيا كريفي ريه في منطقة دنيبروبيتروفسك.", "Kryvyi_Rih", "City", "Ukraine"),
    ("وقصفت روسيا كريفي ريه في منطقة دنيبروبيتروفسك.", "Dnipropetrovsk_Oblast", "Region", "Ukraine"),
    ("وقال جهاز الأمن الفيدرالي الروسي إنه أحبط هجوماً.", "FSB", "GovernmentBody", "Russia"),
    # Caucasus
    ("وناقش الطرفان ممر زنغزور ومستقبل ناخيتشيفان.", "Nakhchivan", "Region", "Azerbaijan"),
    # Afghanistan, Pakistan, India
    ("وأعلنت حركة طالبان باكستان مسؤوليتها عن هجوم في ديرة إسماعيل خان.", "Dera_Ismail_Khan", "City", "Pakistan"),
    ("واتهمت الاستخبارات الباكستانية جماعة في راجوري بالتخطيط للهجوم.", "ISI", "GovernmentBody", "Pakistan"),
    # Thailand and Cambodia
    ("واشتبك الجيش التايلاندي مع القوات الكمبودية قرب معبد برياه فيهير.", "Thai_Army", "ArmedForce", "Thailand"),
    # Myanmar
    ("وسيطر تحالف الأخوة الثلاثة على لاشيو.", "Three_Brotherhood_Alliance", "ArmedGroup", "Myanmar"),
    ("وسيطر تحالف الأخوة الثلاثة على لاشيو.", "Lashio", "City", "Myanmar"),
    # added from held-out real news (sentences written for these tests)
    ("وقال رئيس حركة تجمع قوى تحرير السودان الطاهر حجر إن المدينة محاصرة.", "Al_Tahir_Hajar", "Person", "Sudan"),
    ("وقاتلت المقاومة الشعبية إلى جانب الجيش السوداني في الفاشر.", "Sudan_Popular_Resistance", "ArmedGroup", "Sudan"),
    ("وقصفت مسيرة حقل كورمور للغاز في إقليم كردستان.", "Khor_Mor_Gas_Field", "Place", "Iraq"),
    ("واشتبك مسلحو العشائر البدوية مع فصائل درزية في السويداء.", "Bedouin_Tribes_Suwayda", "ArmedGroup", "Syria"),
    ("وسقطت صواريخ على سيالكوت في إقليم البنجاب الباكستاني.", "Sialkot", "City", "Pakistan"),
    ("واشتبكت قوات الدفاع الشعبية مع الجيش في ولاية ساغاينغ بميانمار.", "PDF_Myanmar", "ArmedGroup", "Myanmar"),
    ("ودخل مقاتلو الحركة بلدة كيوانجا في إقليم شمال كيفو.", "Kiwanja", "City", "DR_Congo"),
    ("وقصفت المدفعية منطقة قيزان النجار جنوب خان يونس.", "Qizan_an_Najjar", "City", "Palestine"),
    ("وقصفت قوات الدعم السريع الأبيض عاصمة شمال كردفان بالمسيرات.", "El_Obeid", "City", "Sudan"),
    ("وفر آلاف النازحين من الفاشر إلى طويلة في شمال دارفور.", "Tawila", "City", "Sudan"),
    ("وقال اللواء عثمان عمليات إن قوات الدعم السريع تقدمت نحو بابنوسة.", "Osman_Operations", "Person", "Sudan"),
    ("وقال ليث البلعوس إن أبناء السويداء يرفضون السلاح المنفلت.", "Laith_al_Balous", "Person", "Syria"),
    # bodies that speak for a side, in several outlets (issue 11)
    ("وحذرت تنسيقية لجان المقاومة بالفاشر من حصار المدينة.", "El_Fasher_Resistance_Committees", "Organisation",
     "Sudan"),
    ("وأفاد المركز الإعلامي لقيادة محور تعز بأن المواجهات تجددت.", "Taiz_Axis_Media_Centre", "GovernmentBody",
     "Yemen"),
    # governments, forces, officials and outlets of current news, as outlets spell them (issue 11, session 11)
    ("وأعلنت وزارة الصحة التابعة لحكومة الوفاق الوطني في طرابلس مقتل خمسة.", "GNA_Libya", "Government", "Libya"),
    ("واندلعت اشتباكات بين قوة حماية طرابلس وقوات أخرى.", "Tripoli_Protection_Force", "ArmedGroup", "Libya"),
    ("وقال وزير الخارجية في حكومة صنعاء هشام شرف إن المبعوث مرحب به.", "Hisham_Sharaf", "Person", "Yemen"),
    ("ودعا شون سافيت الحركة إلى وقف الهجوم.", "Sean_Savett", "Person", "United_States"),
    ("وقال نائب رئيس الوزراء ديميكي ميكونين إن الوضع مقلق.", "Demeke_Mekonnen", "Person", "Ethiopia"),
    ("وفاز حزب الازدهار الحاكم بأغلبية المقاعد.", "Prosperity_Party", "Organisation", "Ethiopia"),
    ("وذكرت مؤسسة أمهرة الإعلامية أن المهاجمين من فانو.", "Amhara_Media_Corporation", "MediaOutlet", "Ethiopia"),
    ("واشتبك مسلحون مع جنود من قوة الدفاع الوطني الإثيوبية قرب البلدة.", "Ethiopia_ArmedForces", "ArmedForce", "Ethiopia"),
    ("وقال أدواي يوسف راغي إن القوات تقدمت.", "Odowaa_Yusuf_Rageh", "Person", "Somalia"),
    ("وقال المتحدث خين ثو خا إن الجماعة ستتعاون مع الجيران.", "Khine_Thu_Kha", "Person", "Myanmar"),
    ("وقالت نقابة أطباء السودان إن المستشفيات خرجت عن الخدمة.", "Sudan_Doctors_Syndicate", "Organisation", "Sudan"),
]


@pytest.mark.parametrize("text, key, type_, country", SAMPLES)
def test_actor_found_with_type_and_country(text, key, type_, country):
    found = mentions(text)
    assert key in found, sorted(found)
    assert found[key].type == type_ and found[key].country == country


def test_part_of_links_branches_to_their_parent():
    gaz = load_gazetteer()
    assert gaz.entities["JNIM"].part_of == "Al_Qaeda"
    assert gaz.entities["Al_Shabaab"].part_of == "Al_Qaeda"
    assert gaz.entities["ISWAP"].part_of == "ISIS"
    assert gaz.entities["IRGC_Aerospace_Force"].part_of == "IRGC"
    assert gaz.entities["Abu_Salim"].part_of == "Tripoli"


@pytest.mark.parametrize("role, scope, when, holder", [
    ("President", "Iraq", date(2020, 6, 1), "Barham_Salih"),       # not the Kurdistan Region's president
    ("Prime Minister", "Iraq", date(2021, 3, 1), "Mustafa_al_Kadhimi"),  # not the KRG's prime minister
    ("Prime Minister", "Iraq", date(2024, 3, 1), "Mohammed_Shia_al_Sudani"),
    ("President", "Yemen", date(2020, 6, 1), "Abdrabbuh_Mansur_Hadi"),  # not the Houthi council's head
    ("President", "Yemen", date(2023, 6, 1), "Rashad_al_Alimi"),
    ("Prime Minister", "Libya", date(2019, 6, 1), "Fayez_al_Sarraj"),
    ("Prime Minister", "Libya", date(2024, 6, 1), "Abdul_Hamid_Dbeibah"),  # not the eastern government's
    ("Defence Minister", "Mali", date(2024, 6, 1), "Sadio_Camara"),
    ("Defence Minister", "Ukraine", date(2024, 6, 1), "Rustem_Umerov"),
    ("Defence Minister", "Ukraine", date(2022, 6, 1), "Oleksii_Reznikov"),
    ("Army Chief", "United_States", date(2025, 6, 1), "Dan_Caine"),
    ("President", "Syria", date(2023, 6, 1), "Bashar_al_Assad"),
    ("Prime Minister", "Syria", date(2025, 1, 15), "Mohammed_al_Bashir"),
])
def test_office_holder_by_date(role, scope, when, holder):
    entity = load_gazetteer().office_holder(role, scope, when)
    assert entity is not None and entity.key == holder


def test_title_and_nisba_resolve_to_the_holder_of_the_day():
    assert "Salifou_Mody" in mentions("وقال وزير الدفاع النيجري إن الجيش صد الهجوم.", date(2024, 6, 1))
    assert "Michel_Menassa" in mentions("وزار وزير الدفاع اللبناني الجنوب.", date(2025, 6, 1))
    assert "Maurice_Slim" in mentions("وزار وزير الدفاع اللبناني الجنوب.", date(2023, 6, 1))


@pytest.mark.parametrize("text, key", [
    ("وقال سليمان إن الأمر انتهى.", "Lyman"),                            # ليمان inside a given name
    ("ويفهم المرء المغازي العميقة للكلمات.", "Maghazi"),                  # المغازي = meanings
    ("وحققت الشركة أرباحاً على المدى القصير.", "Qusayr"),                 # القصير = short
    ("وبلغ الإنفاق الحد الأقصى المسموح به.", "Al_Aqsa_Mosque"),           # الأقصى = maximum
    ("وقضت المحكمة في جوهر القضية.", "Jowhar"),                           # جوهر = essence
    ("وخرج الشباب العاطلون عن العمل إلى الشوارع.", "Al_Shabaab"),          # الشباب = young people
    ("وزار السياح تمثال أبو الهول.", "Al_Hol_Camp"),                      # أبو الهول = the Sphinx
    ("وفاز الفريق في الدوري المحلي.", "Dori"),                            # الدوري = league
    ("وقال المخرج ديريك إن الفيلم جاهز.", "Malikiyah"),                  # Derek, not Derik
    ("وتعرضت القاعدة العسكرية لهجوم بالصواريخ.", "Al_Qaeda"),             # القاعدة = the base
    ("وسيعقد مجلس الأمن جلسة طارئة.", "Russian_Security_Council"),       # the UN council
    ("وبدأ العام الهجري الجديد أمس.", "Hikmat_al_Hijri"),                 # الهجري = Hijri
    ("وتحدث الخبراء عن حرب هجينة ونظام هجين.", "Hajin"),                   # هجين = hybrid
    ("ونُقل الجرحى جوياً إلى العاصمة.", "Jwaya"),                          # جوياً = by air
    ("وأظهر القائد نفاذ البصيرة.", "Al_Busayrah"),                        # البصيرة = insight
    ("وقال زعيم روحاني للطائفة إن الأمر خطير.", "Hassan_Rouhani"),        # روحاني = spiritual
    ("وقال إن الخلاف ينبع من سوء الفهم.", "Yanbu"),                      # ينبع = stems from
    ("وعقد المجلس الأعلى للدولة في موريتانيا اجتماعاً.", "High_Council_of_State_Libya"),  # not Libya's
    ("ورفع المتظاهرون العلم الأبيض في ساحة المدينة الأوكرانية.", "El_Obeid"),  # الأبيض = white
    ("وقال إن الطريق طويلة أمام المفاوضين في جنيف.", "Tawila"),               # طويلة = long
    ("وقدمت الدول المانحة دعماً مالياً للحكومة اللبنانية.", "Mali"),           # مالياً = financial
])
def test_common_word_does_not_fire(text, key):
    assert key not in mentions(text)


@pytest.mark.parametrize("text, surface, key", [
    ("ورصد مسؤول ليبي تعبئة كبيرة من قوات جهاز الردع في طرابلس.", "قوات جهاز الردع", "Radaa"),
    ("وأشادت الدول بجهود الأمين العام للأمم المتحدة، بان كي مون، لوقف إطلاق النار.", "بان كي مون", "Ban_Ki_moon"),
    ("وقال السفير أحمد ابو زيد، المتحدث باسم الخارجية المصرية، إن الاتصالات مستمرة.", "أحمد ابو زيد", "Ahmed_Abu_Zeid"),
    ("وقال وزير الدفاع الهندي أرون جايتلي إن الانتهاكات ازدادت.", "أرون جايتلي", "Arun_Jaitley"),
])
def test_actors_of_the_real_news_set_are_known(text, surface, key):
    x = extract(Document("t", text, date=date(2016, 6, 1)))
    found = {m.surface: m.entity for m in x.mentions}
    assert found.get(surface) == key, found


def test_the_deterrence_apparatus_is_radaa_only_in_a_libyan_article():
    x = extract(Document("t", "وقال الخبير إن جهاز الردع النووي يحمي البلاد من الهجمات.", date=date(2025, 6, 1)))
    assert "Radaa" not in {m.entity for m in x.mentions}


# spellings of known envoys and of Gaza's media office in several outlets (issue 11): each is the
# known entity, and a comma-title before the envoy's name makes no second, generic envoy
@pytest.mark.parametrize("text, key", [
    ("وقال المبعوث الأممي إلى اليمن، هانز غروندبرغ، إن المحادثات متعثرة.", "Hans_Grundberg"),
    ("وقدم المبعوث الخاص لليمن هانس جروندبرج إحاطة للمجلس.", "Hans_Grundberg"),
    ("وأوضح مكتب غروندبيرغ أن الزيارة تأجلت.", "Hans_Grundberg"),
    ("وطالب مارتن جريفيثس بدعم المنظمات الإغاثية.", "Martin_Griffiths"),
    ("وقال مكتب الإعلام الحكومي بغزة إن القصف دمر عشرات المنازل.", "Gaza_Government_Media_Office"),
    ("وأفاد الإعلام الحكومي في غزة بأن عدد المفقودين ارتفع.", "Gaza_Government_Media_Office"),
    ("وسيخلف رمطان لعمامرة الألماني فولكر بيرثيس المستقيل من منصبه.", "Volker_Perthes"),
    ("وأبلغت الخارجية المبعوث رفض السودان لاتصال أنطونيو غوتيرش بحميدتي.", "Antonio_Guterres"),
    ("ووصل رمطان العمامرة إلى بورتسودان.", "Ramtane_Lamamra"),
    ("والتقى المبعوث عضو مجلس القيادة الرئاسي عبد الله العليمي في الرياض.", "Abdullah_al_Alimi_Bawazeer"),
    ("وشاركت جماعة دول شرق أفريقيا في القمة.", "EAC"),
    ("ونفذ الجيش عملية بالتنسيق مع بعثة الاتحاد الإفريقي لدعم الاستقرار في الصومال.", "AUSSOM"),
    ("وأعلنت جماعة جيش التحالف الوطني الديمقراطي في ميانمار الاستيلاء على لاوكاي.", "MNDAA"),
    ("ودعا غوتيريش إلى العمل مع منسقها الخاص نيقولاي ملادينوف.", "Nickolay_Mladenov"),
])
def test_outlet_spellings_of_known_actors(text, key):
    found = mentions(text)
    assert key in found, sorted(found)
    assert not [k for k in found if k.startswith(("UN_Envoy", "Person_"))], sorted(found)
