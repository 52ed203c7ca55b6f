"""Build each gold article with its gold date and score every category.

Categories: entities (exact span), linked (QIDs), relations, claims for the gold format;
entities, linked, relation paths (recall only) and numbers for the devset format.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.eval.gold import DEVSET, GoldArticle
from kg.eval.metrics import Score, micro
from kg.model import Extraction

CATEGORIES = ("entities", "linked", "relations", "claims", "relation_paths", "numbers")


@dataclass
class ArticleResult:
    name: str
    format: str
    scores: dict[str, Score] = field(default_factory=dict)


def extract_article(gold: GoldArticle) -> Extraction:
    from kg.extract.pipeline import extract
    from kg.read import read_documents

    document = next(read_documents(gold.article, gold.date))
    return extract(document)


def score_article(gold: GoldArticle, extraction: Extraction) -> ArticleResult:
    from kg.eval.match import claim_score, entity_link_score, entity_map, entity_span_score, relation_score

    result = ArticleResult(gold.name, gold.format)
    result.scores["entities"] = entity_span_score(gold, extraction)
    result.scores["linked"] = entity_link_score(gold, extraction)
    if gold.format == DEVSET:
        from kg.eval.paths import number_score, relation_path_score
        from kg.graph.build import extraction_graph

        graph = extraction_graph(extraction)
        result.scores["relation_paths"] = relation_path_score(gold, graph)
        result.scores["numbers"] = number_score(gold, graph)
    else:
        mapping = entity_map(gold, extraction)
        result.scores["relations"] = relation_score(gold, extraction, mapping)
        result.scores["claims"] = claim_score(gold, extraction, mapping)
    return result


def evaluate(golds: list[GoldArticle]) -> list[ArticleResult]:
    return [score_article(gold, extract_article(gold)) for gold in golds]


def micro_scores(results: list[ArticleResult]) -> dict[str, Score]:
    """Micro-averaged scores per category, over the articles that have the category."""
    totals = {}
    for category in CATEGORIES:
        scores = [r.scores[category] for r in results if category in r.scores]
        if scores:
            totals[category] = micro(scores)
    return totals
