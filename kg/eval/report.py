"""Rendering evaluation results: a plain-text table with the errors listed, or JSON."""
from __future__ import annotations

from kg.eval.metrics import Score
from kg.eval.run import CATEGORIES, ArticleResult, micro_scores

LABELS = {
    "entities": "entities (exact span)",
    "linked": "entities (linked QIDs)",
    "relations": "relations",
    "claims": "claims",
    "relation_paths": "relations (graph paths, recall only)",
    "numbers": "numbers",
}


def cell(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def row(label: str, score: Score) -> str:
    return (f"  {label:<38} P {cell(score.precision)}  R {cell(score.recall)}  F1 {cell(score.f1)}"
            f"   (tp {score.tp}, fp {score.fp}, fn {score.fn})")


def text_report(results: list[ArticleResult], errors: bool = True) -> str:
    lines: list[str] = []
    for result in results:
        lines.append(f"{result.name} [{result.format}]")
        lines.extend(row(LABELS[c], result.scores[c]) for c in CATEGORIES if c in result.scores)
    lines.append(f"micro-average over {len(results)} articles")
    lines.extend(row(LABELS[c], s) for c, s in micro_scores(results).items())
    if errors:
        for result in results:
            for category in CATEGORIES:
                score = result.scores.get(category)
                if score is None or not (score.misses or score.false_positives):
                    continue
                lines.append(f"\n{result.name}: {LABELS[category]}")
                lines.extend(f"  miss: {item}" for item in score.misses)
                lines.extend(f"  false positive: {item}" for item in score.false_positives)
    return "\n".join(lines)


def json_report(results: list[ArticleResult]) -> dict:
    return {
        "micro": {c: s.summary() for c, s in micro_scores(results).items()},
        "articles": [
            {"name": r.name, "format": r.format,
             "scores": {c: {**s.summary(), "misses": s.misses, "false_positives": s.false_positives}
                        for c, s in r.scores.items()}}
            for r in results
        ],
    }
