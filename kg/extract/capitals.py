"""A capital named by its description: "العاصمة الأوكرانية" is Kyiv, as the gazetteer's capitals say.

Why: news names a struck or besieged capital by the capital word and its state's nisba ("هاجمت
طائرات روسية العاصمة الأوكرانية"، "تعرضت العاصمة الأوكرانية، كييف، لهجوم"); read as a nisba the
phrase made the state the target. Here the phrase is a name of the city for the event roles: the
capital word (name_rules.tsv capital-word) right before a state's nisba, and the city whose
gazetteer row is that state's capital.
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.gazetteer import Gazetteer
from kg.model import Mention, Sentence
from kg.text.clitics import proclitic_variants

CAPITAL_RULE = "capital-description"


def capital_descriptions(gazetteer: Gazetteer, sentence: Sentence, mentions: list[Mention],
                         state_of) -> list[Mention]:
    """Mentions of capitals named "العاصمة + nisba" in the sentence, spanning both words, with the
    capital word's proclitic (بالعاصمة، والعاصمة); `state_of` maps a nisba's entity to its state."""
    words = gazetteer.joined_keys("capital-word")
    capitals = gazetteer.capital_of_state()
    tokens = sentence.tokens
    taken = {i for m in mentions if m.kind != "nisba" for i in range(m.token_start, m.token_end)}
    found = []
    for nisba in mentions:
        k = nisba.token_start - 1
        if nisba.kind != "nisba" or nisba.proclitic or k < 0 or k in taken:
            continue
        reading = next(((stem, clitic) for stem, clitic in proclitic_variants(tokens[k].norm) if stem in words), None)
        capital = capitals.get(state_of(nisba.entity) or "")
        if reading is None or capital is None:
            continue
        found.append(replace(nisba, entity=capital, start=tokens[k].start, token_start=k, kind="name",
                             proclitic=reading[1], rule=CAPITAL_RULE,
                             surface=sentence.text[tokens[k].start - sentence.start:nisba.end - sentence.start]))
    return found
