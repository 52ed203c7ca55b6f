"""The shared start pass (kg.extract.starts) and the phrase lists answer as a walk over every token would."""
from __future__ import annotations

from kg.extract.phrases import PhraseIndex, phrase_at, phrase_list
from kg.text.normalize import normalize_phrase
from kg.text.segment import tokenize

SENTENCE = "وقالت وزارة الدفاع إن قوات مكافحة الشغب فرقت المحتجين في محيط المدينة بالقرب من الحدود"


def index_of(*phrases: str, enclitics: bool = False) -> PhraseIndex:
    index: PhraseIndex = PhraseIndex(enclitics=enclitics)
    for n, phrase in enumerate(phrases):
        index.add(normalize_phrase(phrase), n)
    return index


def test_start_positions_are_where_match_at_finds_anything():
    tokens = tokenize(SENTENCE)
    ministries = index_of("وزارة الدفاع", "المدينة", "الحدود")
    crowds = index_of("المحتجين", "قوات", enclitics=True)
    for index in (ministries, crowds):
        found = [i for i in range(len(tokens)) if index.match_at(tokens, i)]
        assert set(found) <= set(index.start_positions(tokens))
        assert index.start_positions(tokens) == tuple(i for i in range(len(tokens)) if index.begins(tokens[i].norm))
    assert [tokens[i].text for i in ministries.start_positions(tokens)] == ["وزارة", "المدينة", "الحدود"]
    assert ministries.next_start(tokens, 2) == 11
    assert ministries.next_start(tokens, len(tokens)) == len(tokens)


def test_a_phrase_added_later_is_found_in_a_sentence_asked_before():
    tokens = tokenize(SENTENCE)
    index = index_of("الحدود")
    assert [tokens[i].text for i in index.start_positions(tokens)] == ["الحدود"]
    index.add(normalize_phrase("المدينة"), 9)
    assert [tokens[i].text for i in index.start_positions(tokens)] == ["المدينة", "الحدود"]
    assert [m.value for m in index.find_all(tokens)] == [9, 0]


def test_phrase_list_takes_the_first_phrase_in_its_order_and_ends_where_a_phrase_ends():
    tokens = tokenize(SENTENCE)
    idle = phrase_list(tuple(normalize_phrase(p) for p in ("مكافحة", "مكافحة الشغب فرقت", "مكافحة الشغب")))
    at = next(i for i, t in enumerate(tokens) if t.text == "مكافحة")
    assert idle.first_at(tokens, at) == at + 1  # the first listed, though a longer one follows
    assert idle.first_at(tokens, at + 1) == 0
    near = phrase_list(tuple(normalize_phrase(p) for p in ("في محيط", "بالقرب من")))
    ends = [k for k in range(len(tokens) + 2) if near.ends_at(tokens, k)]
    assert [tokens[k - 1].text for k in ends] == ["محيط", "من"]


def test_phrase_at_follows_a_new_index_and_the_proclitics_it_is_given():
    class Entry:
        def __init__(self, phrase: str) -> None:
            self.phrase = normalize_phrase(phrase)

    tokens = tokenize("وإذا قالت")
    first = {"اذا": (Entry("اذا"),)}
    assert phrase_at(tokens, 0, first, ("و",)).phrase == ("اذا",)
    assert phrase_at(tokens, 0, first, ("ف",)) is None  # the same index, other proclitics
    assert phrase_at(tokens, 0, {"اذا": (Entry("اذا قالت"),)}, ("و",)).phrase == ("اذا", "قالت")


def test_phrase_starts_are_where_phrase_at_may_find_an_entry():
    class Entry:
        def __init__(self, phrase: str) -> None:
            self.phrase = normalize_phrase(phrase)

    from kg.extract.phrases import phrase_starts

    tokens = tokenize("وإذا قالت الوزارة إن القوات فرقت المحتجين فإن ذلك يعني إذا")
    index = {"اذا": (Entry("اذا قالت"),), "ان": (Entry("ان"),)}
    starts = phrase_starts(tokens, index, ("و", "ف"))
    assert [tokens[i].text for i in starts] == ["وإذا", "إن", "فإن", "إذا"]
    found = [i for i in range(len(tokens)) if phrase_at(tokens, i, index, ("و", "ف"))]
    assert set(found) <= set(starts) and found != starts  # the last إذا begins an entry that does not fit
    assert phrase_starts(tokens, index, ()) == [starts[1], starts[3]]  # no proclitic allowed: not وإذا، فإن
