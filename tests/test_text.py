"""Text stage: matching keys, offsets into the original text, sentences, clitics."""
from __future__ import annotations

from kg.text.clitics import enclitic_variants, proclitic_variants
from kg.text.normalize import normalize_word
from kg.text.segment import split_sentences, tokenize


def test_normalisation_removes_diacritics_and_unifies_letters():
    assert normalize_word("أَرْمِينِيَا") == normalize_word("ارمينيا") == "ارمينيا"
    assert normalize_word("إيران") == "ايران"
    assert normalize_word("مصطفى") == "مصطفي"
    assert normalize_word("الأمم المتحدة".split()[1]) == "المتحده"
    assert normalize_word("١٤٤٥") == "1445"
    assert normalize_word("قُتـــل") == "قتل"


def test_tokens_keep_offsets_into_original_text():
    text = "قالَ «أَرْمِينِيَا» 12"
    tokens = tokenize(text)
    assert [text[t.start:t.end] for t in tokens] == [t.text for t in tokens]
    assert [t.norm for t in tokens] == ["قال", "ارمينيا", "12"]


def test_sentences_split_on_stops_and_lines_not_numbers():
    text = "العنوان هنا\n\nقتل 3.5 شخص. وأضاف أن الوضع صعب! هل انتهى؟ نعم"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["العنوان هنا", "قتل 3.5 شخص.", "وأضاف أن الوضع صعب!", "هل انتهى؟", "نعم"]
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_proclitics_are_stripped_with_what_was_taken():
    variants = dict(proclitic_variants(normalize_word("والاتحاد")))
    assert variants["الاتحاد"] == "و"
    assert dict(proclitic_variants(normalize_word("لأرمينيا")))["ارمينيا"] == "ل"
    assert dict(proclitic_variants(normalize_word("للأمم")))["الامم"] == "ل"  # لل = ل + ال
    assert dict(proclitic_variants(normalize_word("وبالجيش")))["الجيش"] == "وب"
    assert proclitic_variants("باكو")[0] == ("باكو", "")  # the word as written comes first


def test_enclitics():
    assert "انتهاك" in enclitic_variants(normalize_word("انتهاكه"))
    assert "حث" not in enclitic_variants("حث")[1:]


def test_a_period_inside_a_spelled_latin_acronym_ends_no_sentence():
    """"راديو إف.إم)" and "بي.بي.سي" hold periods between Latin letter names written in Arabic
    (kg/data/letter_names.tsv); a missing space after a real sentence end still splits."""
    from kg.text.segment import split_sentences

    texts = [s.text for s in split_sentences("وبثت إذاعة محلية (راديو إف.إم) صورا للهجوم. وقال شاهد إن القصف استمر.")]
    assert texts == ["وبثت إذاعة محلية (راديو إف.إم) صورا للهجوم.", "وقال شاهد إن القصف استمر."]
    texts = [s.text for s in split_sentences("وقال الوزير إن.وأضاف أن الوضع خطير.")]
    assert len(texts) == 2


def test_tokens_made_without_init_are_ordinary_tokens():
    """tokenize builds tokens without the dataclass __init__ (for speed): they must still equal,
    hash, pickle and stay frozen like tokens made the ordinary way."""
    import pickle

    import pytest

    from kg.model import Token

    token = tokenize("قالَ أمس", 10)[0]
    assert token == Token("قالَ", 10, 14, "قال") and hash(token) == hash(Token("قالَ", 10, 14, "قال"))
    assert pickle.loads(pickle.dumps(token)) == token
    with pytest.raises(AttributeError):
        token.norm = "x"


def test_punctuated_marks_the_gaps_that_hold_a_mark_once_per_sentence():
    from kg.text.memo import per_sentence
    from kg.text.segment import punctuated

    sentence = split_sentences("قال الوزير، إن القوات انسحبت؛ ثم عادت")[0]
    assert punctuated(sentence, ("،", "؛")) == (False, False, True, False, False, True, False)
    assert punctuated(sentence, ("؛",)) == (False, False, False, False, False, True, False)
    calls = []

    @per_sentence
    def length(tokens):
        calls.append(1)
        return len(tokens)

    other = list(sentence.tokens)
    assert [length(sentence.tokens), length(sentence.tokens), length(other), length(sentence.tokens)] == [7, 7, 7, 7]
    assert len(calls) == 2  # once per list, by identity: an equal list is another sentence's
