"""Arabic: function words by role, clause markers and modality cues, read from this folder.

`words.tsv`: letters and short words the logic needs by role (which proclitic letters make a
name oblique, which word means "between", feminine endings...). `clauses.tsv`: words that open
a clause (أن، الذي، حيث، بعد أن). `modality.tsv`: words that make an event planned, conditional,
proposed... The larger lexicons (frames, clitics, dates, numbers, gazetteer) stay in `kg/data`
and are matched through `kg.text.normalize`, which is Arabic too.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.data import alternatives, read_tsv_path
from kg.text.normalize import normalize_phrase, normalize_word

HERE = Path(__file__).resolve().parent
CODE = "ar"
DIGIT_CLASS = "0-9\u0660-\u0669"  # Latin and Arabic-Indic digits, for regular expressions
TO_LATIN_DIGITS = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "0123456789")


class LexiconError(ValueError):
    """A row of a language file that the loaders cannot use."""


@lru_cache(maxsize=None)
def words(role: str) -> tuple[str, ...]:
    """The forms of one role in `words.tsv`, as written (letters keep their order of preference)."""
    found = tuple(r["form"] for r in read_tsv_path(HERE / "words.tsv") if r["role"] == role)
    if not found:
        raise LexiconError(f"{HERE / 'words.tsv'}: no word with role {role!r}")
    return found


@lru_cache(maxsize=None)
def keys(role: str) -> frozenset[str]:
    """The matching keys of one role's words."""
    return frozenset(normalize_word(w) for w in words(role))


def word(role: str) -> str:
    """The one word of a role that has exactly one (e.g. "between")."""
    return normalize_word(words(role)[0])


@dataclass(frozen=True)
class ClauseMarker:
    phrase: tuple[str, ...]  # word keys
    kind: str  # complement | relative | adverbial | circumstantial | conditional


@lru_cache(maxsize=1)
def clause_markers() -> tuple[ClauseMarker, ...]:
    """Words opening a subordinate clause, longest first (بعد أن before أن)."""
    path = HERE / "clauses.tsv"
    found = []
    for line, row in enumerate(read_tsv_path(path), start=2):
        for form in alternatives(row["form"]):
            found.append(ClauseMarker(normalize_phrase(form), row["kind"]))
    return tuple(sorted(found, key=lambda m: len(m.phrase), reverse=True))


@dataclass(frozen=True)
class ModalityCue:
    phrase: tuple[str, ...]
    modality: str  # a kg:Modality local name
    reach: int  # tokens before the trigger (in its clause) the cue may stand
    on: str  # "before": a word before the trigger; "prefix": a proclitic on the trigger itself


MODALITIES = ("Asserted", "Reported", "Denied", "Demanded", "Proposed", "Planned", "Conditional", "Hypothetical")


@lru_cache(maxsize=1)
def modality_cues() -> tuple[ModalityCue, ...]:
    """`modality.tsv`: cue words and the modality they give an event in their clause."""
    path = HERE / "modality.tsv"
    cues = []
    for number, row in enumerate(read_tsv_path(path), start=1):
        if row["modality"] not in MODALITIES:
            raise LexiconError(f"{path}: row {number}: unknown modality {row['modality']!r}")
        for form in alternatives(row["form"]):
            phrase = (normalize_word(form),) if row["on"] == "prefix" else normalize_phrase(form)
            cues.append(ModalityCue(phrase, row["modality"], int(row["reach"] or 0), row["on"] or "before"))
    return tuple(cues)
