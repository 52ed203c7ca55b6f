"""A benchmark corpus of N articles made by varying the repository's own articles.

Why vary and not copy: the extractor caches word keys and phrase lookups, so N copies of one
article would measure the caches. Each variant swaps the gazetteer entities named in a base
article for others of the same type (a state for a state, a person for a person...), changes
its numbers and years, and gets its own publication date, so the work per article is real.
"""
from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_7f990094a9bbc95a.txt"
ARTICLES = ROOT / "tests" / "articles"
GOLD = ROOT / "tests" / "gold"
DIGITS = re.compile(r"[0-9\u0660-\u0669]+")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
MIN_CHOICES = 4  # swap only types with enough entities to choose from


@dataclass(frozen=True)
class Slot:
    """A name in a base article that a variant may replace: its span without the proclitic."""

    start: int
    end: int
    key: str
    type: str
    lam: bool  # written after an assimilated ل (للأمم): a replacement in "ال" drops its alif


@dataclass
class Base:
    id: str
    text: str
    date: date
    slots: list[Slot]


def base_dates() -> dict[str, date]:
    """Publication dates of the base articles, from their gold files."""
    dates = {}
    for path in GOLD.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        dates[Path(data["article"]).stem] = date.fromisoformat(data["date"])
    return dates


def base_articles() -> list[Base]:
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.pipeline import extract
    from kg.read import read_documents

    gazetteer = load_gazetteer()
    dates = base_dates()
    bases = []
    for path in [SEED, *sorted(ARTICLES.glob("*.txt"))]:
        document = next(read_documents(path, dates.get(path.stem, date(2024, 1, 1))))
        bases.append(Base(document.id, document.text, document.date, slots(extract(document), gazetteer)))
    return bases


def slots(extraction, gazetteer) -> list[Slot]:
    text = extraction.document.text
    found: list[Slot] = []
    taken: list[tuple[int, int]] = []
    for mention in sorted(extraction.mentions, key=lambda m: m.start):
        entity = gazetteer.entities.get(mention.entity)
        if mention.kind != "name" or entity is None:
            continue
        start = mention.start + len(mention.proclitic)
        if any(s < mention.end and start < e for s, e in taken):
            continue
        lam = mention.proclitic.endswith("ل") and text[start:start + 1] == "ل"
        found.append(Slot(start, mention.end, entity.key, entity.type, lam))
        taken.append((start, mention.end))
    return found


def names_by_type(gazetteer) -> dict[str, list[str]]:
    by_type: dict[str, list[str]] = {}
    for entity in gazetteer.entities.values():
        if entity.name_ar:
            by_type.setdefault(entity.type, []).append(entity.name_ar)
    return {t: sorted(names) for t, names in by_type.items() if len(names) >= MIN_CHOICES}


def new_number(match: re.Match, text: str, rng: random.Random) -> str:
    digits = match.group()
    around = text[max(0, match.start() - 1):match.end() + 1]
    if ":" in around:  # a clock time: keep it valid
        return digits
    arabic_indic = "\u0660" <= digits[0] <= "\u0669"
    value = int(digits.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
    if 1900 <= value <= 2099:
        value = rng.randint(2005, 2025)
    elif value <= 31:
        value = rng.randint(1, 28)
    else:
        value = rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1)
    return str(value).translate(ARABIC_INDIC) if arabic_indic else str(value)


def variant(base: Base, index: int, names: dict[str, list[str]], seed: int) -> dict:
    """One varied article as a JSONL record (id, text, title, date)."""
    rng = random.Random(f"{seed}:{base.id}:{index}")
    swap: dict[str, str] = {}
    edits: list[tuple[int, int, str]] = []
    for slot in base.slots:
        choices = names.get(slot.type)
        if not choices:
            continue
        name = swap.setdefault(slot.key, rng.choice(choices))
        if slot.lam and name.startswith("ال"):
            name = name[1:]  # ل + الاتحاد is written للاتحاد
        edits.append((slot.start, slot.end, name))
    named = [(s, e) for s, e, _ in edits]
    for match in DIGITS.finditer(base.text):
        if not any(s <= match.start() < e for s, e in named):
            edits.append((match.start(), match.end(), new_number(match, base.text, rng)))
    text = base.text
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    published = base.date + timedelta(days=rng.randint(-3000, 300))
    title = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return {"id": f"{base.id}-v{index}", "text": text, "title": title, "date": published.isoformat()}


def corpus(size: int, seed: int = 1, bases: list[Base] | None = None) -> Iterator[dict]:
    from kg.extract.gazetteer import load_gazetteer

    bases = bases or base_articles()
    names = names_by_type(load_gazetteer())
    for i in range(size):
        yield variant(bases[i % len(bases)], i // len(bases), names, seed)


def write_corpus(path: Path, size: int, seed: int = 1, bases: list[Base] | None = None) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        for record in corpus(size, seed, bases):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def seed_chars() -> int:
    """Size of the seed article: the unit of the 'seed-sized articles/s' target."""
    return len(SEED.read_text(encoding="utf-8"))
