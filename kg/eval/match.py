"""Scoring one extraction against one gold article (gold format): entities, relations, claims.

Gold keys ("Pashinyan") are not the extractor's keys ("Nikol_Pashinyan"), so each gold entity
is mapped to the predicted entities that share its Wikidata QID, an English name, an Arabic
name or alias, or a mention span the gold marks as one of its names.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from kg.eval.gold import GoldArticle, GoldClaim, GoldRelation
from kg.eval.metrics import Score, matched_score, set_score
from kg.eval.spans import canonical, fold, fold_form, gold_spans, occurrences
from kg.graph.project import direct_triples
from kg.model import Claim, Event, Extraction, Mention

COUNTED_KINDS = frozenset({"name", "title", "qualifier", "alias"})  # not nisba, not anaphor
QUOTE_OVERLAP = 0.5
SNIPPET = 40


def snippet(extraction: Extraction, start: int, end: int) -> str:
    """The sentence around a span, trimmed, with the span in [brackets]."""
    text = extraction.document.text
    sentence = next((s for s in extraction.sentences if s.start <= start < s.end), None)
    lo, hi = (sentence.start, sentence.end) if sentence else (0, len(text))
    left = max(lo, start - SNIPPET)
    right = min(hi, end + SNIPPET)
    body = f"{text[left:start]}[{text[start:end]}]{text[end:right]}".replace("\n", " ")
    return ("…" if left > lo else "") + body + ("…" if right < hi else "")


def counted(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.kind in COUNTED_KINDS]


def predicted_spans(extraction: Extraction) -> dict[tuple[int, int], set[str]]:
    """Canonical span -> entity keys, for name-like mentions."""
    text = extraction.document.text
    spans: dict[tuple[int, int], set[str]] = {}
    for mention in counted(extraction.mentions):
        spans.setdefault(canonical(text, mention.start, mention.end, mention.proclitic), set()).add(mention.entity)
    return spans


@lru_cache(maxsize=1)
def place_heads() -> tuple[str, ...]:
    """Head words of a place's name (ولاية، إقليم، منطقة، محافظة: kg/data/name_rules.tsv `region-head`),
    folded, each with the space after it."""
    from kg.data import read_tsv

    return tuple(fold_form(r["form"]) + " " for r in read_tsv("name_rules.tsv") if r["kind"] == "region-head")


def without_head(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span without a leading place head word: "ولاية بورنو" and "بورنو" are one name here, as a
    proclitic is (the gold sets differ: realgold writes the head, tests/gold and devset do not)."""
    start, end = span
    folded = fold(text[start:end])
    for head in place_heads():
        if folded.text.startswith(head) and len(folded.text) > len(head):
            return start + folded.index[len(head)], end
    return span


def nested_qualifiers(extraction: Extraction, matched: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Spans of qualifier mentions (what a title or body is of: "حكومة [دمشق]") inside a longer
    predicted name that the gold lists: part of that name, like a gold span nested in another."""
    text = extraction.document.text
    inner = set()
    for mention in extraction.mentions:
        if mention.kind != "qualifier":
            continue
        span = canonical(text, mention.start, mention.end, mention.proclitic)
        if any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in matched):
            inner.add(span)
    return inner


def entity_span_score(gold: GoldArticle, extraction: Extraction) -> Score:
    text = extraction.document.text
    required, optional = gold_spans(text, {k: e.ar for k, e in gold.entities.items()})
    required = {without_head(text, s) for s in required}
    optional = {without_head(text, s) for s in optional} - required
    spans = set(predicted_spans(extraction))
    optional |= {without_head(text, s) for s in nested_qualifiers(extraction, spans & (required | optional))}
    predicted = {without_head(text, s) for s in spans}

    def describe(span: tuple[int, int]) -> str:
        return snippet(extraction, *span)

    return set_score(required, predicted, describe, optional)


def linked_qids(extraction: Extraction) -> set[str]:
    """QIDs of the entities the document names (a nisba or anaphor alone does not name one)."""
    keys = {m.entity for m in counted(extraction.mentions)}
    return {extraction.entities[k].qid for k in keys if k in extraction.entities and extraction.entities[k].qid}


def entity_link_score(gold: GoldArticle, extraction: Extraction) -> Score:
    """Gold QIDs against predicted ones; a predicted actor the gold lists without a QID is not judged."""
    gold_qids = {e.qid: k for k, e in gold.entities.items() if e.qid}
    predicted = linked_qids(extraction)
    names = {e.qid: k for k, e in extraction.entities.items() if e.qid}
    mapping = entity_map(gold, extraction)
    predicted = capitals_as_states(gold, extraction, mapping, predicted)
    unjudged = {extraction.entities[k].qid for g, keys in mapping.items() if not gold.entities[g].qid
                for k in keys if extraction.entities[k].qid}
    return set_score(set(gold_qids), predicted, lambda q: f"{q} ({gold_qids.get(q) or names.get(q, '')})",
                     optional=unjudged - set(gold_qids))


def capitals_as_states(gold: GoldArticle, extraction: Extraction, mapping: dict[str, set[str]],
                       predicted: set[str]) -> set[str]:
    """A capital the gold lists as a form of its state ("اتهام كابول لإسلام أباد": Afghanistan's name)
    links to the state: the mention names the state, the city's QID is no error and no hit."""
    entities = extraction.entities
    result = set(predicted)
    for key, g in gold.entities.items():
        for k in mapping.get(key, ()):
            city = entities.get(k)
            state = entities.get(city.capital_of) if city is not None and city.capital_of else None
            if state is None or not g.qid or state.qid != g.qid or not city.qid:
                continue
            if not any(city.qid == other.qid for other in gold.entities.values()) and used_as_state(extraction, k):
                result.discard(city.qid)
                result.add(state.qid)
    return result


@lru_cache(maxsize=1)
def locative_words() -> frozenset[str]:
    """Prepositions after which a name is where something happened (kg/lang/ar/locatives.tsv)."""
    from pathlib import Path

    from kg.data import read_tsv_path
    from kg.text.normalize import normalize_word

    rows = read_tsv_path(Path(__file__).resolve().parents[1] / "lang" / "ar" / "locatives.tsv")
    return frozenset(normalize_word(r["form"]) for r in rows if r["kind"] == "preposition")


def used_as_state(extraction: Extraction, key: str) -> bool:
    """Some counted mention of the city is no place: not after a locative (في كابول) nor with ب (بكابول)."""
    for mention in counted(extraction.mentions):
        if mention.entity != key:
            continue
        tokens = extraction.sentences[mention.sentence].tokens
        from kg.text.clitics import proclitic_variants

        before = tokens[mention.token_start - 1].norm if mention.token_start else ""
        if not any(stem in locative_words() for stem, _ in proclitic_variants(before)) \
                and not mention.proclitic.endswith("ب"):
            return True
    return False


def entity_map(gold: GoldArticle, extraction: Extraction) -> dict[str, set[str]]:
    """Gold key -> predicted entity keys that stand for the same actor."""
    text = extraction.document.text
    by_span = predicted_spans(extraction)
    result: dict[str, set[str]] = {}
    for key, g in gold.entities.items():
        english = {n.casefold() for n in g.en}
        arabic = {fold_form(a) for a in g.ar}
        keys = {k for k, e in extraction.entities.items()
                if (g.qid and e.qid == g.qid) or (e.name_en and e.name_en.casefold() in english)
                or any(fold_form(a) in arabic for a in (e.name_ar, *e.aliases_ar) if a)}
        for form in g.ar:
            for span in occurrences(text, form):
                keys |= by_span.get(span, set())
        result[key] = keys
    return result


@dataclass(frozen=True)
class PredictedRelation:
    agent: str
    relation: str
    target: str | None
    count: int | None
    event: Event


def predicted_relations(extraction: Extraction) -> list[PredictedRelation]:
    """(agent, relation, target) per event, one per distinct tuple: the direct triples the graph gets."""
    seen: dict[tuple, PredictedRelation] = {}
    for event in extraction.events:
        count = event.count if event.relation == "reportsCasualties" else None
        # an event node as object (a ceasefire, a casualty report) matches a gold relation with any object
        for agent, relation, target in direct_triples(event.relation, event.agents, event.targets, None, None,
                                                      event.modality):
            seen.setdefault((agent, relation, target, count), PredictedRelation(agent, relation, target, count, event))
    return list(seen.values())


def relation_score(gold: GoldArticle, extraction: Extraction, mapping: dict[str, set[str]]) -> Score:
    def fits(g: GoldRelation, p: PredictedRelation) -> bool:
        return (p.relation == g.p and p.agent in mapping.get(g.s, ())
                and (g.o is None or p.target in mapping.get(g.o, ()))
                and (g.count is None or p.count == g.count))

    def describe_gold(g: GoldRelation) -> str:
        count = f" (count {g.count})" if g.count is not None else ""
        return f"{g.s} {g.p} {g.o or '*'}{count}"

    def describe_predicted(p: PredictedRelation) -> str:
        count = f" (count {p.count})" if p.count is not None else ""
        where = snippet(extraction, p.event.start, p.event.end)
        return f"{p.agent} {p.relation} {p.target or '-'}{count} | {where}"

    specific_first = sorted(gold.relations, key=lambda g: (g.o is None, g.count is None))
    # ties between actors (kg:Tie classes, H2) are not annotated in the gold files: not scored here
    predicted = [p for p in predicted_relations(extraction) if not is_tie(p.event.type)]
    return matched_score(specific_first, predicted, fits, describe_gold, describe_predicted)


def is_tie(event_type: str) -> bool:
    from kg.graph.vocabulary import UnknownTerm, event_kind

    try:
        return event_kind(event_type).tie
    except UnknownTerm:
        return False


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shorter = min(a[1] - a[0], b[1] - b[0])
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) / shorter if shorter > 0 else 0.0


def text_overlap(a: str, b: str) -> float:
    """Longest common stretch of the folded texts, over the shorter one (quotes not found verbatim)."""
    a, b = fold_form(a), fold_form(b)
    if not a or not b:
        return 0.0
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size / min(len(a), len(b))


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    folded, key = fold(text), fold_form(quote)
    spans, at = [], folded.text.find(key) if key else -1
    while at >= 0:
        spans.append((folded.index[at], folded.index[at + len(key) - 1] + 1))
        at = folded.text.find(key, at + 1)
    return spans


def claim_score(gold: GoldArticle, extraction: Extraction, mapping: dict[str, set[str]]) -> Score:
    text = extraction.document.text
    located = {id(g): quote_spans(text, g.quote) for g in gold.claims}

    def fits(g: GoldClaim, p: Claim) -> bool:
        if p.speaker not in mapping.get(g.speaker, ()):
            return False
        spans = located[id(g)]
        if spans:
            return max(overlap(s, (p.start, p.end)) for s in spans) >= QUOTE_OVERLAP
        return text_overlap(g.quote, p.quote) >= QUOTE_OVERLAP

    return matched_score(gold.claims, extraction.claims, fits,
                         lambda g: f"{g.speaker}: «{g.quote[:90]}»",
                         lambda p: f"{p.speaker}: «{p.quote[:90]}»")
