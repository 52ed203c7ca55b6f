"""Nicknames and kunyas (issue 11, entities): "فلان المعروف بـ"أبو فلان"", "الملقب بأبي فلان", "المكنى
"أبو فلان"" name a person: the one named right before (an alias of that node), else a new person.
Sentences written for these tests, in the shapes of Syrian, Iraqi and Sudanese security news."""
from __future__ import annotations

import pytest

from kg import api


def mentions(text: str) -> list[tuple[str, str, str]]:
    x = api.extract(api.document(text, date="2025-03-01"))
    return [(m.surface, m.kind, m.entity) for m in x.mentions if m.kind in ("name", "alias", "title", "qualifier")]


@pytest.mark.parametrize("text, name, nick", [
    ('وقتل القيادي في الجماعة عمر الحلبي المعروف بـ"أبو حمزة الشامي" في الغارة.', "عمر الحلبي", "أبو حمزة الشامي"),
    ('وقال إن العميد مالك عبد الرحيم، الملقب بـ"أبو شنب"، قاد الهجوم.', "مالك عبد الرحيم", "أبو شنب"),
    ('واعتقلت القوات خالد الدليمي الملقب "الذئب" في حي الدورة.', "خالد الدليمي", "الذئب"),
])
def test_a_nickname_after_a_name_is_an_alias_of_that_person(text, name, nick):
    found = mentions(text)
    person = [e for s, k, e in found if s == name]
    assert person, found
    assert (nick, "alias", person[0]) in found, found


@pytest.mark.parametrize("text, nick", [
    ('وألقت الشرطة القبض على الرجل الملقب بـ"أبي ياسر" داخل إحدى الشقق.', "أبي ياسر"),
    ('الرجل، المكنى "أبو جعفر"، اعتقل في المطار.', "أبو جعفر"),
])
def test_a_nickname_alone_names_a_new_person(text, nick):
    x = api.extract(api.document(text, date="2025-03-01"))
    hits = [m for m in x.mentions if m.surface == nick]
    assert hits and x.entities[hits[0].entity].type == "Person", [(m.surface, m.kind) for m in x.mentions]


def test_a_kunya_without_quotes_after_its_preposition():
    x = api.extract(api.document("وأكد البيان أن المطلوب الملقب بأبي عمار تسلل إلى المدينة.", date="2025-03-01"))
    hits = [m for m in x.mentions if m.rule == "discovery:nickname"]
    assert hits and x.entities[hits[0].entity].name_ar == "أبي عمار", [(m.surface, m.rule) for m in x.mentions]


@pytest.mark.parametrize("text", [
    "ومن المعروف أن الحركة تنشط في المنطقة منذ سنوات.",
    "وقال القائد المعروف بتشدده إن القتال سيستمر.",
])
def test_no_name_after_a_naming_word_without_a_quote_or_kunya(text):
    x = api.extract(api.document(text, date="2025-03-01"))
    assert not [m for m in x.mentions if m.rule == "discovery:nickname"]


def test_a_famous_surname_after_another_given_name_is_a_new_person():
    x = api.extract(api.document(
        "وأعلن الجيش اعتقال الشاب جبريل الزبيدي في مدينة جنين. وقال البيان إن الزبيدي ناشط في كتيبة جنين.",
        date="2025-03-01"))
    found = {(m.surface, m.entity) for m in x.mentions if m.kind in ("name", "alias")}
    keys = {e for s, e in found if s in ("جبريل الزبيدي", "الزبيدي")}
    assert "Aidarous_al_Zubaidi" not in keys, found
    assert len(keys) == 1 and x.entities[keys.pop()].name_ar == "جبريل الزبيدي", found


def test_the_famous_person_named_in_full_keeps_his_surname():
    x = api.extract(api.document("وقال رئيس المجلس الانتقالي عيدروس الزبيدي إن القوات تقدمت. وأضاف الزبيدي أن المعارك مستمرة.",
                                 date="2025-03-01"))
    assert {m.entity for m in x.mentions if m.surface in ("عيدروس الزبيدي", "الزبيدي")} == {"Aidarous_al_Zubaidi"}
