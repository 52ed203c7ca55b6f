"""The scoring code on tiny hand-made cases: spans, proclitics, matching, metrics, graph paths."""
from __future__ import annotations

import pytest

from kg.eval.gold import GoldArticle, GoldClaim, GoldEntity, GoldRelation
from kg.eval.match import claim_score, entity_link_score, entity_map, entity_span_score, relation_score
from kg.eval.metrics import Score, matched_score, micro, set_score
from kg.eval.spans import canonical, gold_spans, occurrences
from kg.model import Claim, Document, Entity, Event, Extraction, Mention, Sentence


def extraction(text: str, mentions=(), entities=(), events=(), claims=()) -> Extraction:
    document = Document(id="t", text=text)
    return Extraction(document, [Sentence(0, 0, len(text), text)], {e.key: e for e in entities},
                      list(mentions), list(events), list(claims))


def mention(text: str, surface: str, entity: str, kind: str = "name", proclitic: str = "", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(entity, 0, start, start + len(surface), surface, "test", 1.0, kind, proclitic=proclitic)


def gold(entities, relations=(), claims=()) -> GoldArticle:
    article = GoldArticle("t", None, None, None, "gold")  # type: ignore[arg-type]
    article.entities = {e.key: e for e in entities}
    article.relations, article.claims = list(relations), list(claims)
    return article


ARMENIA = GoldEntity("ARM", "State", "Q399", ("Armenia",), ("أرمينيا",))
UN = GoldEntity("UN", "InternationalOrganisation", "Q1065", ("United Nations",), ("الأمم المتحدة",))


# -- metrics ------------------------------------------------------------------------------------

def test_score_perfect_miss_and_false_positive():
    assert set_score({1, 2}, {1, 2}).f1 == 1.0
    missed = set_score({1, 2}, {1})
    assert (missed.tp, missed.fn, missed.fp, missed.precision, missed.recall) == (1, 1, 0, 1.0, 0.5)
    extra = set_score({1}, {1, 2})
    assert (extra.fp, extra.precision, extra.recall) == (1, 0.5, 1.0)
    assert extra.f1 == pytest.approx(2 / 3)
    assert set_score(set(), set()).f1 == 1.0  # nothing to find, nothing found
    assert set_score({1}, set()).f1 == 0.0


def test_optional_items_are_neither_hits_nor_errors():
    score = set_score({1}, {1, 9}, optional={9})
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)


def test_micro_average_sums_counts():
    total = micro([Score(tp=1, fp=1, fn=0), Score(tp=3, fp=0, fn=4)])
    assert (total.tp, total.fp, total.fn) == (4, 1, 4)
    assert total.precision == pytest.approx(0.8) and total.recall == pytest.approx(0.5)


def test_recall_only_scores_have_no_precision():
    score = Score(tp=2, fn=2, recall_only=True)
    assert score.precision is None and score.f1 is None and score.recall == 0.5


def test_matching_finds_the_largest_pairing_not_the_greedy_one():
    # greedy would give ("A", any) the prediction ("A", "B") and leave ("A", "B") unmatched
    gold_items = [("A", None), ("A", "B")]
    predicted = [("A", "B"), ("A", "C")]
    score = matched_score(gold_items, predicted, lambda g, p: g[0] == p[0] and g[1] in (None, p[1]), str, str)
    assert (score.tp, score.fn, score.fp) == (2, 0, 0)


# -- spans and proclitics -----------------------------------------------------------------------

def test_occurrences_strip_proclitics_and_respect_word_ends():
    text = "قصفت أذربيجان وأرمينيا، ثم بأرمينيا. جنود أرمينياً وأرمينياتي"
    spans = occurrences(text, "أرمينيا")
    assert [text[s:e] for s, e in spans] == ["أرمينيا", "أرمينيا"]
    assert text[spans[0][0] - 1] == "و" and text[spans[1][0] - 1] == "ب"


def test_occurrences_of_assimilated_article_start_after_the_first_lam():
    text = "دعا الأمين العام للأمم المتحدة والأمم المتحدة"
    spans = occurrences(text, "الأمم المتحدة")
    assert len(spans) == 2
    first = spans[0]
    assert text[first[0] - 1:first[1]] == "للأمم المتحدة" and text[first[0]:first[1]] == "لأمم المتحدة"


def test_occurrences_ignore_diacritics_and_alef_forms():
    text = "وقُتل جنود في ارمينيا"
    assert len(occurrences(text, "أرمينيا")) == 1
    assert len(occurrences(text, "قتل")) == 1


def test_canonical_predicted_span_drops_the_proclitic():
    text = "وأرمينيا للأمم"
    assert canonical(text, 0, 8, "و") == (1, 8)
    assert text[slice(*canonical(text, 9, 14, "ل"))] == "لأمم"


def test_nested_gold_spans_are_optional():
    text = "بعثة الأمم المتحدة في الصومال"
    required, optional = gold_spans(text, {"M": ("بعثة الأمم المتحدة في الصومال",), "UN": ("الأمم المتحدة",)})
    assert [text[s:e] for s, e in required] == [text]
    assert [text[s:e] for s, e in optional] == ["الأمم المتحدة"]


def test_entity_spans_perfect_miss_false_positive_and_proclitic():
    text = "دعت الأمم المتحدة وأرمينيا إلى الهدوء في أرمينيا"
    entities = [Entity("Armenia", "State", qid="Q399"), Entity("UN", "InternationalOrganisation", qid="Q1065")]
    un = mention(text, "الأمم المتحدة", "UN")
    first = mention(text, "وأرمينيا", "Armenia", proclitic="و")
    second = mention(text, "أرمينيا", "Armenia", nth=1)
    g = gold([ARMENIA, UN])
    perfect = entity_span_score(g, extraction(text, [un, first, second], entities))
    assert (perfect.tp, perfect.fp, perfect.fn) == (3, 0, 0)
    missed = entity_span_score(g, extraction(text, [un, first], entities))
    assert (missed.tp, missed.fn) == (2, 1) and "[أرمينيا]" in missed.misses[0]
    wrong = mention(text, "الهدوء", "Armenia")
    nisba = mention(text, "أرمينيا", "Armenia", kind="nisba", nth=1)  # not counted: neither hit nor error
    extra = entity_span_score(g, extraction(text, [un, first, wrong, nisba], entities))
    assert (extra.tp, extra.fp, extra.fn) == (2, 1, 1)


def test_linked_entities_count_named_entities_only():
    text = "دعت الأمم المتحدة إلى الهدوء الأرميني"
    entities = [Entity("Armenia", "State", qid="Q399"), Entity("UN", "InternationalOrganisation", qid="Q1065")]
    mentions = [mention(text, "الأمم المتحدة", "UN"), mention(text, "الأرميني", "Armenia", kind="nisba")]
    score = entity_link_score(gold([ARMENIA, UN]), extraction(text, mentions, entities))
    assert (score.tp, score.fp, score.fn) == (1, 0, 1)


def test_linked_entities_the_gold_gives_no_qid_are_not_judged():
    text = "دعت الأمم المتحدة وروسيا إلى الهدوء"
    entities = [Entity("UN", "InternationalOrganisation", qid="Q1065", name_ar="الأمم المتحدة"),
                Entity("Russia", "State", qid="Q159", name_ar="روسيا")]
    mentions = [mention(text, "الأمم المتحدة", "UN"), mention(text, "وروسيا", "Russia", proclitic="و")]
    un_without_qid = GoldEntity("UN", "InternationalOrganisation", "", (), ("الأمم المتحدة",))
    score = entity_link_score(gold([un_without_qid]), extraction(text, mentions, entities))
    assert (score.tp, score.fp, score.fn) == (0, 1, 0)  # Russia is an error, the UN is not judged


# -- relations and claims -----------------------------------------------------------------------

def event(relation: str, agents, targets=(), count=None, start=0) -> Event:
    return Event("e", "Event", relation, 0, start, start + 1, "t", "test", 1.0, list(agents), list(targets), count=count)


def test_gold_keys_map_by_qid_english_or_arabic_name():
    text = "قال باشينيان"
    entities = [Entity("Nikol_Pashinyan", "Person", name_en="Nikol Pashinyan", name_ar="نيكول باشينيان",
                       aliases_ar=("باشينيان",)), Entity("Armenia", "State", qid="Q399")]
    g = gold([ARMENIA, GoldEntity("Pash", "Person", "", ("Nikol Pashinyan",), ()),
              GoldEntity("P2", "Person", "", (), ("باشينيان",))])
    mapping = entity_map(g, extraction(text, [], entities))
    assert mapping == {"ARM": {"Armenia"}, "Pash": {"Nikol_Pashinyan"}, "P2": {"Nikol_Pashinyan"}}


def test_relations_match_with_any_object_and_casualty_counts():
    entities = [Entity("Armenia", "State", qid="Q399"), Entity("UN", "InternationalOrganisation", qid="Q1065")]
    g = gold([ARMENIA, UN], [GoldRelation("UN", "callsOn", "ARM"), GoldRelation("UN", "callsOn", None),
                             GoldRelation("ARM", "reportsCasualties", None, count=49)])
    perfect = [event("callsOn", ["UN"], ["Armenia"]), event("callsOn", ["UN"]),
               event("reportsCasualties", ["Armenia"], count=49)]
    x = extraction("نص", [], entities, perfect)
    score = relation_score(g, x, entity_map(g, x))
    assert (score.tp, score.fp, score.fn) == (3, 0, 0)
    wrong_count = [event("callsOn", ["UN"], ["Armenia"]), event("reportsCasualties", ["Armenia"], count=50)]
    x = extraction("نص", [], entities, wrong_count)
    score = relation_score(g, x, entity_map(g, x))
    assert (score.tp, score.fp, score.fn) == (1, 1, 2)
    assert "count 50" in score.false_positives[0]


def test_claims_match_on_speaker_and_half_the_shorter_quote():
    text = 'وقال غوتيريش إن "على الطرفين وقف القتال فوراً" في بيان'
    quote = "على الطرفين وقف القتال فوراً"
    start = text.index(quote)
    entities = [Entity("UN", "InternationalOrganisation", qid="Q1065")]
    g = gold([UN], claims=[GoldClaim("UN", quote)])
    half = Claim("c", "UN", 0, start, start + 15, quote[:15], "test", 1.0)
    little = Claim("c", "UN", 0, start, start + 5, quote[:5], "test", 1.0)
    other_speaker = Claim("c", "Nobody", 0, start, start + len(quote), quote, "test", 1.0)
    for claim, expected in ((half, 1), (little, 1), (other_speaker, 0)):
        x = extraction(text, [], entities, claims=[claim])
        assert claim_score(g, x, entity_map(g, x)).tp == expected
    wide = Claim("c", "UN", 0, 0, len(text), text, "test", 1.0)  # the whole sentence, quote inside
    x = extraction(text, [], entities, claims=[wide])
    assert claim_score(g, x, entity_map(g, x)).tp == 1  # overlap is measured on the shorter of the two


def test_claims_fall_back_to_text_overlap_when_the_quote_is_not_verbatim():
    text = "قال غوتيريش كلاماً آخر"
    entities = [Entity("UN", "InternationalOrganisation", qid="Q1065")]
    g = gold([UN], claims=[GoldClaim("UN", "على الطرفين وقف القتال فوراً")])
    claim = Claim("c", "UN", 0, 0, 5, "على الطرفين وقف القتال", "test", 1.0)
    x = extraction(text, [], entities, claims=[claim])
    assert claim_score(g, x, entity_map(g, x)).tp == 1


# -- devset checks on the graph -----------------------------------------------------------------

def devset_graph():
    from kg.graph.build import extraction_graph

    text = "اتهمت أرمينيا أذربيجان بقتل 12 جندياً"
    entities = [Entity("Armenia", "State", name_en="Armenia", qid="Q399"),
                Entity("Azerbaijan", "State", name_en="Azerbaijan", name_ar="أذربيجان")]
    events = [event("accuses", ["Armenia"], ["Azerbaijan"]), event("reportsCasualties", ["Armenia"], count=12)]
    events[1].id = "e2"
    return extraction_graph(extraction(text, [], entities, events))


def test_devset_relations_hold_along_keyword_paths():
    from kg.eval.paths import number_score, relation_path_score

    azerbaijan = GoldEntity("AZ", "", "", ("azerbaijan",), ())
    armenia = GoldEntity("AM", "", "Q399", (), ())
    article = gold([azerbaijan, armenia], [GoldRelation("AM", kw=("accus",), o="AZ"),
                                          GoldRelation("AM", kw=("casualt",), o=None),
                                          GoldRelation("AZ", kw=("accus",), o=None),  # reversed edges count too
                                          GoldRelation("AM", kw=("mediat",), o="AZ")])
    graph = devset_graph()
    score = relation_path_score(article, graph)
    assert (score.tp, score.fn) == (3, 1) and score.misses[0].startswith("AM [mediat] AZ")
    article.numbers = [12, 7]
    numbers = number_score(article, graph)
    assert (numbers.tp, numbers.fn, numbers.fp) == (1, 1, 0)  # char offsets and indexes are not numbers


def test_devset_actor_class_names_do_not_satisfy_keywords():
    from kg.eval.paths import relation_path_score

    armenia = GoldEntity("AM", "", "Q399", (), ())
    article = gold([armenia], [GoldRelation("AM", kw=("state",), o=None)])
    assert relation_path_score(article, devset_graph()).tp == 0
