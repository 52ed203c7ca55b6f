"""Kinds of sentence behind the GSR figures (issue 11, `kg eval ../shared/gsr`): one sentence of our
own per kind of thing the frames, the casualty reader and the ontology annotations detect or veto.
The sentences reproduce structures of news reports; none is taken from the GSR."""
from __future__ import annotations

import pytest

from kg.extract.pipeline import extract
from kg.model import Document


def events(text: str):
    return extract(Document(id="kinds", text=text), strict=True).events


def kinds(text: str) -> set[tuple[str, str]]:
    return {(e.type, e.modality) for e in events(text)}


def types(text: str) -> set[str]:
    return {e.type for e in events(text)}


# -- attacks that name no actor stand alone (kg:standsWithoutParticipants on the class) ------------

@pytest.mark.parametrize("text, kind", [
    # a bombing verb whose subject is the bomber, no gazetteer actor in the sentence
    ("وفجر انتحاري حزاما ناسفا قرب مخبز في ضاحية المدينة.", ("Bombing", "Asserted")),
    ("وفجرت عبوة ناسفة مركبة للدورية على الطريق الساحلي.", ("Bombing", "Asserted")),
    # shooting by unnamed gunmen
    ("وشوهد مسلحون ملثمون يطلقون النار على سيارة الإسعاف قرب الجسر.", ("ArmedAttack", "Asserted")),
])
def test_agentless_attack_of_a_standing_class_is_kept(text, kind):
    assert kind in kinds(text)


def test_agentless_verbal_attack_is_not_kept():
    """kg:Attack does not stand alone: "شنّ هجوماً" on a person names no armed actor."""
    assert not types("وشن النائب المستقل هجوما حادا على الوزير في الجلسة.") & {"Attack", "AirStrike"}


# -- senses that are no attack -------------------------------------------------------------------

def test_shooting_in_the_air_is_no_armed_attack():
    assert "ArmedAttack" not in types("وأطلق أنصار المرشح النار في الهواء ابتهاجا بفوزه في القرية.")


def test_dawn_is_no_bombing():
    """فجر + a day word is dawn: no Bombing from "فجر الخميس" (a fire was set, nothing exploded)."""
    assert "Bombing" not in types("وأضرم مجهولون فجر الخميس النار في مخزن للحبوب ما أدى إلى مقتل شخص.")
