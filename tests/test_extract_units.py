"""Extractor components on small sentences: numbers, dates, entities, titles, casualties, claims."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract.dates import find_clock_time, find_dates, hijri_to_gregorian
from kg.extract.gazetteer import load_gazetteer, nisba_forms
from kg.extract.numbers import find_numbers
from kg.extract.pipeline import extract
from kg.model import Document
from kg.text.normalize import normalize_phrase
from kg.text.segment import split_sentences


def sentence(text: str):
    return split_sentences(text)[0]


def run(text: str, published: date | None = date(2024, 5, 20)):
    return extract(Document("t", text, date=published))


@pytest.mark.parametrize("text, values", [
    ("قُتل ١٤ شخصاً", [14]),
    ("نزح 6,650 شخصا", [6650]),
    ("سحب أربعة آلاف جندي", [4000]),
    ("ثلاثة وعشرين مدنيا", [23]),
    ("مليوني نازح", [2000000]),
    ("الساعة 08:00 صباحا", []),
])
def test_numbers(text, values):
    assert [n.value for n in find_numbers(sentence(text))] == values


def test_approximate_numbers_are_marked():
    (number,) = find_numbers(sentence("أصيب نحو ثلاثين آخرين"))
    assert number.value == 30 and number.approximate


def test_dates_resolve_against_publication():
    published = date(2022, 9, 14)  # a Wednesday
    found = find_dates(sentence("في 13 أيلول/سبتمبر وليلة الاثنين وأمس"), published, None)
    assert [d.value for d in found] == [date(2022, 9, 13), date(2022, 9, 12), date(2022, 9, 13)]
    same = find_dates(sentence("وفي مساء اليوم نفسه"), published, date(2022, 9, 13))
    assert [d.value for d in same] == [date(2022, 9, 13)]
    assert find_dates(sentence("في 13 أيار/مايو 2023"), None, None)[0].value == date(2023, 5, 13)
    assert find_dates(sentence("في 13 أيلول"), None, None) == []  # no year known: no date


def test_hijri_dates():
    assert hijri_to_gregorian(1445, 9, 8) == date(2024, 3, 18)
    found = find_dates(sentence("الموافق الثامن من رمضان ١٤٤٥ للهجرة"), None, None)
    assert found[0].value == date(2024, 3, 18)


def test_clock_time():
    clock, _ = find_clock_time(sentence("منذ الساعة 08:00 في يوم 13 أيلول"))
    assert (clock.hour, clock.minute) == (8, 0)


def test_nisba_forms_cover_gender_number_and_article():
    forms = {" ".join(f) for f in nisba_forms(normalize_phrase("أرميني"))}
    assert {"ارميني", "ارمينيه", "الارمينيه", "ارمينيا", "ارمينيين", "الارمينيون"} <= forms


def test_gazetteer_covers_the_world():
    gaz = load_gazetteer()
    states = [e for e in gaz.entities.values() if e.type == "State"]
    assert len(states) >= 193
    capitals = {e.capital_of for e in gaz.entities.values() if e.capital_of}
    assert {s.key for s in states} <= capitals
    assert gaz.entities["Sudan"].qid == "Q1049"


def test_clitics_on_names_and_nisba():
    x = run("وأكدت والولايات المتحدة وللأمم المتحدة أن الجيش السوداني قصف مواقع لقوات الدعم السريع.")
    keys = {m.entity for m in x.mentions}
    assert {"United_States", "UN", "Sudanese_Armed_Forces", "RSF"} <= keys


def test_institution_of_a_state_from_its_nisba():
    x = run("أعلنت وزارة الدفاع الأرمينية مقتل جنديين.")
    ministry = x.entities["Armenia_MinistryOfDefence"]
    assert ministry.type == "Ministry" and ministry.country == "Armenia" and ministry.minted


def test_unknown_person_after_title_becomes_an_entity():
    x = run("وقال المتحدث باسم الشرطة الصومالية عبد الفتاح آدم حسن للصحافيين إن الهجوم انتهى.")
    person = next(e for e in x.entities.values() if e.type == "Person")
    assert person.name_ar == "عبد الفتاح آدم حسن" and person.role == "Spokesperson" and person.country == "Somalia"
    assert person.minted
    assert x.claims and x.claims[0].speaker == person.key


def test_title_and_state_resolve_to_the_office_holder_of_the_date():
    x = run("ودعا وزير الخارجية الأميركي إلى التهدئة.", published=date(2022, 9, 14))
    assert x.events[0].agents == ["Antony_Blinken"]
    x = run("ودعا وزير الخارجية الأميركي إلى التهدئة.", published=date(2025, 6, 1))
    assert x.events[0].agents == ["Marco_Rubio"]


def test_surname_alone_refers_to_the_person_named_before():
    x = run("قال المتحدث باسم الجيش السوداني نبيل عبد الله إن الهجوم فشل. وأضاف عبد الله أن القوات تقدمت.")
    keys = [m.entity for m in x.mentions if m.rule.startswith("alias")]
    assert keys and keys[0].startswith("Person_")


def test_casualties_with_side_and_outcome():
    x = run("أعلنت وزارة الدفاع الأذربيجانية أن 50 جندياً أذربيجانياً قتلوا وأصيب نحو ثلاثين آخرين.")
    reports = {(e.count, e.casualty_type) for e in x.events if e.type == "CasualtyReport"}
    assert reports == {(50, "killed"), (30, "wounded")}
    killed = next(e for e in x.events if e.count == 50)
    assert killed.sides == ["Azerbaijan"] and killed.agents == ["Azerbaijan_MinistryOfDefence"]


def test_displacement_is_not_a_casualty():
    x = run("وأدى القتال إلى نزوح أكثر من ثمانية ملايين شخص.")
    assert not [e for e in x.events if e.type == "CasualtyReport"]


def test_quote_after_speaker_and_speaker_after_quote():
    x = run('"لن نتراجع"، قال الرئيس الأوكراني فولوديمير زيلينسكي. وأكد الكرملين أن "المحادثات مستمرة".')
    speakers = {c.quote: c.speaker for c in x.claims}
    assert speakers["لن نتراجع"] == "Volodymyr_Zelensky"
    assert speakers["المحادثات مستمرة"] == "Kremlin"


def test_pronoun_subject_carries_over_to_the_next_sentence():
    x = run("قال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الوضع خطير. وأضاف أن \"الحل سياسي\".")
    assert [c.speaker for c in x.claims if c.quote == "الحل سياسي"] == ["Antonio_Guterres"]


def test_negated_verbs_make_no_event():
    x = run("وقالت القوات الروسية إنها لم تستهدف المدنيين.")
    assert not [e for e in x.events if e.type == "Attack"]


def test_accusation_with_object_and_anaphor():
    x = run("اتهمت أذربيجان أرمينيا بانتهاك وقف إطلاق النار. ودعا غوتيريش البلدين إلى ضبط النفس.")
    accusation = next(e for e in x.events if e.type == "Accusation")
    assert accusation.agents == ["Azerbaijan"] and accusation.targets == ["Armenia"]
    appeal = next(e for e in x.events if e.type == "Appeal")
    assert set(appeal.targets) == {"Azerbaijan", "Armenia"}


def test_capital_stands_for_its_state_as_an_actor():
    x = run("وأرسلت موسكو أسلحة إلى باكو.")
    transfer = next(e for e in x.events if e.type == "ArmsTransfer")
    assert transfer.agents == ["Russia"] and transfer.targets == ["Azerbaijan"]


# -- declared components and the frames' agent table ---------------------------------------------
def test_pipeline_is_checked_when_built():
    from kg.extract.components import PipelineError, check_pipeline
    from kg.extract.pipeline import PIPELINE

    assert [c.name for c in check_pipeline(PIPELINE)] == list(PIPELINE)
    with pytest.raises(PipelineError, match="'frame_events' requires 'sentence.view'"):
        check_pipeline(["sentences", "entities", "frame_events"])
    with pytest.raises(PipelineError, match="unknown component 'nope'"):
        check_pipeline(["sentences", "nope"])


def test_components_keep_to_their_declarations(seed_document, seed_extraction):
    """A strict run fails if any step reads or writes a state field it did not declare."""
    strict = extract(seed_document, strict=True)
    loose = seed_extraction
    assert [(e.id, e.agents, e.targets) for e in strict.events] == [(e.id, e.agents, e.targets) for e in loose.events]
    assert strict.events and strict.claims


def test_a_component_touching_an_undeclared_field_fails():
    from kg.extract.components import Component, DocState, Guarded, PipelineError

    step = Component("peek", "document", ("document",), (), lambda doc: doc.events)
    with pytest.raises(PipelineError, match="'peek' reads undeclared field 'events'"):
        step.run(Guarded(DocState(Document("t", "نص"), None), "", step))


def test_unknown_frame_values_fail_with_file_and_line():
    from kg.data import Row
    from kg.errors import DataError
    from kg.extract.frames import check_frame_row

    row = Row(forms="قصف", event="Shelling", relation="", agent="subject", target="obj", target_kind="any",
              cue="", about="", speech="no", confidence="0.8")
    row.where = "frames/x.tsv:7"
    with pytest.raises(DataError, match=r"^frames/x.tsv:7: unknown agent 'subject'"):
        check_frame_row(row)
    row["agent"], row["governs"] = "subj", "Maybe"
    with pytest.raises(DataError, match=r"frames/x.tsv:7: unknown governs 'Maybe'"):
        check_frame_row(row)


def test_every_agent_word_of_the_frames_has_a_function():
    from kg.extract.events import AGENT_MODES
    from kg.extract.frames import frame_rows

    assert {row["agent"] for row in frame_rows()} <= set(AGENT_MODES)


class CountingTokens(list):
    """Tokens that count how often the matcher reads one (the work it does per position)."""

    reads = 0

    def __getitem__(self, index):
        CountingTokens.reads += 1
        return super().__getitem__(index)


def test_phrase_matcher_walks_a_trie_not_every_phrase_of_a_first_word():
    """1 000 titles that share their first word (وزير ...): finding the one at a token reads a few
    tokens, not one per phrase (the matcher once tried each phrase of the first word in turn)."""
    from kg.extract.phrases import PhraseIndex

    index: PhraseIndex[int] = PhraseIndex(enclitics=True)
    for n in range(1000):
        index.add(("وزير", f"شان{n}", "العام"), n)
    index.add(("وزير",), -1)
    tokens = CountingTokens(split_sentences("قال وزير شان999 العام إن")[0].tokens)
    CountingTokens.reads = 0
    found = index.match_at(tokens, 1)
    assert [(m.start, m.end, m.value, m.enclitic) for m in found] == [(1, 4, 999, False)]
    assert CountingTokens.reads < 20


def test_phrase_matcher_keeps_readings_order_and_enclitic_last_words():
    """The longest phrase wins; among equally long ones the first word's readings come in order
    (as written, then without proclitics) and phrases in the order added; the last word may carry
    a pronoun suffix (وحثه) only in an index that allows it, and so may the first word (flagged on a
    one-word phrase only)."""
    from kg.extract.phrases import PhraseIndex

    tokens = split_sentences("ووزير الدفاع وحثه على الهدنة")[0].tokens
    index: PhraseIndex[str] = PhraseIndex(enclitics=True)
    for phrase, value in [(("وزير",), "one"), (("وزير", "الدفاع"), "b"), (("ووزير", "الدفاع"), "a"),
                          (("وزير", "الدفاع"), "c"), (("حث",), "urge"), (("حث", "علي"), "urge-on")]:
        index.add(phrase, value)
    assert [(m.value, m.proclitic, m.end) for m in index.match_at(tokens, 0)] == [("a", "", 2), ("b", "و", 2),
                                                                                   ("c", "و", 2)]
    assert [(m.value, m.enclitic, m.end) for m in index.match_at(tokens, 2)] == [("urge-on", False, 4)]
    assert [(m.value, m.enclitic) for m in index.match_at(tokens[:3], 2)] == [("urge", True)]
    plain: PhraseIndex[str] = PhraseIndex()
    plain.add(("حث",), "urge")
    assert plain.match_at(tokens, 2) == []
    index.add(("حثه", "علي", "الهدنه"), "late")  # added after matching: found at once
    assert [m.value for m in index.match_at(tokens, 2)] == ["late"]
