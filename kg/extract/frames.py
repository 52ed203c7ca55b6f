"""Event frames as data (`kg/data/frames.tsv`) and the word classes they rely on."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.data import alternatives, data_files, read_tsv, read_tsv_path
from kg.extract.phrases import PhraseIndex
from kg.text.normalize import normalize_phrase, normalize_word


@dataclass(frozen=True)
class Frame:
    row: int
    event: str
    relation: str
    agent: str  # a key of kg.extract.events.AGENT_MODES: subj, governor, speaker, between...
    targets: tuple[str, ...]  # markers: "obj" or a preposition
    target_kind: str  # actor | place | any
    cues: frozenset[str]
    about: tuple[str, ...]
    speech: bool
    confidence: float
    forms: tuple[str, ...]
    not_cues: frozenset[str] = frozenset()  # the frame does not apply if one of these occurs
    governs: str = ""  # modality it gives the events in its scope (Demanded, Denied...), or ""
    scope_agent: str = ""  # who acts in that scope when the event names no one: agent | target
    person_event: str = ""  # the event class instead when only named people act on no place (هاجم X Y: criticism)


TARGET_KINDS = ("actor", "place", "any")
SCOPE_AGENTS = ("", "agent", "target")


def check_frame_row(row: dict[str, str]) -> None:
    """One-line `DataError` (file:line) for a value the extractor cannot act on."""
    from kg.errors import DataError
    from kg.extract.events import AGENT_MODES
    from kg.lang.ar import MODALITIES

    where = getattr(row, "where", "frames.tsv")

    def fail(column: str, allowed) -> None:
        raise DataError(f"{where}: unknown {column} {row.get(column)!r} (one of {', '.join(a or '(blank)' for a in allowed)})")

    if row.get("agent") not in AGENT_MODES:
        fail("agent", sorted(AGENT_MODES))
    if (row.get("target_kind") or "any") not in TARGET_KINDS:
        fail("target_kind", TARGET_KINDS)
    if row.get("speech") not in ("yes", "no", ""):
        fail("speech", ("yes", "no"))
    if row.get("governs", "") not in ("",) + MODALITIES:
        fail("governs", ("",) + MODALITIES)
    if row.get("scope_agent", "") not in SCOPE_AGENTS:
        fail("scope_agent", SCOPE_AGENTS)
    try:
        float(row.get("confidence", ""))
    except ValueError:
        raise DataError(f"{where}: confidence {row.get('confidence')!r} is not a number") from None
    if not alternatives(row.get("forms", "")):
        raise DataError(f"{where}: a frame needs at least one form")


@lru_cache(maxsize=1)
def frame_rows() -> tuple[dict[str, str], ...]:
    """`frames.tsv`, then every `frames/*.tsv` (same columns) in name order, in the package and then
    in each folder of $KG_DATA_PATH: one table of frames."""
    rows = list(read_tsv("frames.tsv"))
    for path in data_files("frames/*.tsv"):
        rows.extend(read_tsv_path(path))
    return tuple(rows)


def frame_relation(row: dict[str, str]) -> str:
    """The frame's direct relation: its `relation` cell, else the one its event class implies in
    the ontology; "none" for no relation. Unknown event classes and relations fail here, with the
    file and line."""
    from kg.graph.vocabulary import check_term, event_kind

    where = getattr(row, "where", "frames.tsv")
    check_term("event", row["event"], where)
    relation = row.get("relation", "")
    if relation == "none":
        return ""
    if relation:
        check_term("relation", relation, where)
        return relation
    return event_kind(row["event"]).relation


def person_event(row: dict[str, str]) -> str:
    """The row's `person_event` class (checked against the ontology), or ""."""
    from kg.graph.vocabulary import check_term

    value = row.get("person_event", "")
    if value:
        check_term("event", value, getattr(row, "where", "frames.tsv"))
    return value


@lru_cache(maxsize=1)
def frame_index() -> PhraseIndex[Frame]:
    index: PhraseIndex[Frame] = PhraseIndex(enclitics=True)
    for number, row in enumerate(frame_rows()):
        check_frame_row(row)
        forms = alternatives(row["forms"])
        frame = Frame(
            row=number,
            event=row["event"],
            relation=frame_relation(row),
            agent=row["agent"],
            targets=tuple(normalize_word(t) if t != "obj" else t for t in alternatives(row["target"]) if t != "none"),
            target_kind=row["target_kind"] or "any",
            cues=frozenset(normalize_word(c) for c in alternatives(row["cue"])),
            about=tuple(normalize_word(a) for a in alternatives(row["about"])),
            speech=row["speech"] == "yes",
            confidence=float(row["confidence"]),
            forms=tuple(forms),
            not_cues=frozenset(normalize_word(c) for c in alternatives(row.get("not_cue", ""))),
            governs=row.get("governs", ""),
            scope_agent=row.get("scope_agent", ""),
            person_event=person_event(row),
        )
        for form in forms:
            index.add(normalize_phrase(form), frame)
    return index


@lru_cache(maxsize=None)
def word_class(kind: str) -> frozenset[str]:
    """Function words of a kind from `clitics.tsv` (preposition, complementizer)."""
    return frozenset(normalize_word(r["form"]) for r in read_tsv("clitics.tsv") if r["kind"] == kind)


@lru_cache(maxsize=1)
def event_vocabulary() -> frozenset[str]:
    """Every word the frames know (forms, cues, markers): such a word after a name is no part of it."""
    words: set[str] = set()
    for row in frame_rows():
        for column in ("forms", "cue", "about"):
            for phrase in alternatives(row[column]):
                words.update(normalize_phrase(phrase))
    return frozenset(words)
