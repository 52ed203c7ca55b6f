"""The extractor: one document in, one `Extraction` out, by declared components in a fixed order.

`PIPELINE` is a list of component names (kg/extract/components/); it is checked when this module
is imported, so a step that needs what no earlier step assigns fails at once, naming both.
Consecutive sentence-scope steps run as one loop over the sentences, so the memory one sentence
leaves (the last date, the last speaker) is there for the next. `extract` is pure (same text,
same result), so a corpus is a map over documents.
"""
from __future__ import annotations

from kg.extract import components
from kg.extract.components import DocState, check_pipeline
from kg.extract.components import claims as _claims  # noqa: F401  (registers the steps)
from kg.extract.components import document as _document  # noqa: F401
from kg.extract.components import frames as _frames  # noqa: F401
from kg.extract.components import modality as _modality  # noqa: F401
from kg.extract.components import places as _places  # noqa: F401
from kg.extract.components import quantities as _quantities  # noqa: F401
from kg.extract.components import text as _text  # noqa: F401
from kg.extract.components import times as _times  # noqa: F401
from kg.extract import ties as _ties  # noqa: F401  (H2: registers the "ties" step)
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.model import Document, Extraction

PIPELINE = (
    "sentences", "entities",
    # per sentence
    "dates", "quotes", "view", "triggers", "clauses", "frame_events", "modality", "numbers", "casualties", "quantities",
    "reporters", "merge", "ties", "places", "victims", "event_dates", "claims", "speakers", "statements", "collect",
    # per document
    "violations",
)
STEPS = check_pipeline(PIPELINE)


def extract(document: Document, gazetteer: Gazetteer | None = None, strict: bool = False) -> Extraction:
    """Run the pipeline on one document; `strict` makes every step keep to its declaration."""
    state = DocState(document, gazetteer or load_gazetteer())
    components.run(STEPS, state, strict=strict)
    entities = state.entities
    return Extraction(document, state.sentences, entities.entities, entities.mentions, state.events, state.claims)
