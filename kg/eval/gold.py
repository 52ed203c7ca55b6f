"""Loading gold annotations, in two formats, into one shape (`GoldArticle`).

Why two: the project's own gold files are exact (typed relations, quotes), while the shared
devset is written to check any ontology loosely (keyword stems along graph paths).

Gold format (`tests/gold/NAME.json`)::

    {"article": "../articles/NAME.txt",        # path relative to this JSON file
     "date": "2024-03-05",                      # publication date the article is built with
     "entities": [{"key": "IDF", "type": "ArmedForce", "qid": "Q…" | null,
                   "en": ["Israel Defense Forces"],
                   "ar": ["الجيش الإسرائيلي", "الجيش"]}],   # forms as written, proclitics stripped
     "relations": [{"s": "IDF", "p": "attacks", "o": "Rafah" | null,   # kg property local name
                    "count": 43, "side": "…", "event": "Ceasefire", "date": "…"}],  # all optional
     "claims": [{"speaker": "Hagari", "quote": "…"}]}

Devset format (`NN_slug.expect.json` beside `NN_slug.txt`)::

    {"date": "2024-03-19",
     "entities": [{"key": "USA", "names": ["United States"], "ar": ["الولايات المتحدة"], "qid": "Q30"}],
     "relations": [{"s": "AFRICOM", "kw": ["strike", "raid"], "o": "AlShabaab" | null}],
     "numbers": [14, 3, 30]}
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg.errors import InputError

GOLD = "gold"
DEVSET = "devset"
DEVSET_SUFFIX = ".expect.json"


@dataclass(frozen=True)
class GoldEntity:
    key: str
    type: str = ""
    qid: str = ""
    en: tuple[str, ...] = ()
    ar: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldRelation:
    s: str
    p: str = ""  # gold format: kg property local name
    o: str | None = None  # None: any object, or none
    count: int | None = None
    kw: tuple[str, ...] = ()  # devset format: English keyword stems
    side: str | None = None
    event: str = ""
    date: str = ""


@dataclass(frozen=True)
class GoldClaim:
    speaker: str
    quote: str


@dataclass
class GoldArticle:
    name: str
    source: Path  # the gold JSON file
    article: Path  # the .txt it annotates
    date: date | None
    format: str  # GOLD or DEVSET
    entities: dict[str, GoldEntity] = field(default_factory=dict)
    relations: list[GoldRelation] = field(default_factory=list)
    claims: list[GoldClaim] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)


def gold_files(path: str | Path) -> list[Path]:
    """The gold JSON files at `path` (a folder of them, or one file), sorted by name."""
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise InputError(f"{path}: no such gold folder or file")
    files = sorted(path.glob("*.json"))
    if not files:
        raise InputError(f"{path}: no gold files (*.json) in this folder")
    return files


def read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise InputError(f"{path}: JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a JSON object with 'entities' and 'relations'")
    return data


def shown(value: object) -> str:
    """A value as a message shows it: JSON, cut short."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = repr(value)
    return text if len(text) <= 40 else text[:40] + "…"


def strings(value: object, where: str = "", name: str = "") -> tuple[str, ...]:
    """A field holding one string or a list of strings (names, forms, keywords)."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v for v in value if v)
    raise InputError(f"{where}: '{name}' must be a string or a list of strings, not {shown(value)}")


def as_int(value: object, where: str, name: str = "count") -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InputError(f"{where}: '{name}' {shown(value)} is not a number")
    try:
        return int(value)
    except (ValueError, OverflowError):
        raise InputError(f"{where}: '{name}' {shown(value)} is not a finite whole number") from None


def entity_ref(record: dict, key: str, path: Path) -> str | None:
    """An optional entity key in a relation ('o', 'side'): a string or null."""
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"{path}: relation '{key}' must be an entity key (a string) or null, not {shown(value)}")


def parse_date(value: object, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def records(data: dict, name: str, path: Path, required: bool = True) -> list[dict]:
    value = data.get(name)
    if value is None and not required:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise InputError(f"{path}: '{name}' must be a list of objects")
    return value


def need(record: dict, key: str, path: Path, what: str) -> str:
    value = record.get(key)
    if not value or not isinstance(value, str):
        raise InputError(f"{path}: {what} without '{key}': {json.dumps(record, ensure_ascii=False)[:80]}")
    return value


def article_path(data: dict, path: Path) -> tuple[Path, str]:
    if path.name.endswith(DEVSET_SUFFIX):
        return path.with_name(path.name[: -len(DEVSET_SUFFIX)] + ".txt"), DEVSET
    if "article" in data:
        if not isinstance(data["article"], str) or not data["article"]:
            raise InputError(f"{path}: 'article' must be the path of the annotated .txt (a string)")
        return (path.parent / data["article"]).resolve(), GOLD
    relations = data.get("relations") or []
    if "numbers" in data or any(isinstance(r, dict) and "kw" in r for r in relations):
        return path.with_suffix(".txt"), DEVSET
    raise InputError(f"{path}: no 'article' (path of the annotated .txt, relative to this file)")


def load_gold(path: str | Path) -> GoldArticle:
    """One gold file, checked: every problem is an InputError naming the file."""
    path = Path(path)
    data = read_json(path)
    article, fmt = article_path(data, path)
    if not article.is_file():
        raise InputError(f"{path}: article {article} not found")
    name = path.name[: -len(DEVSET_SUFFIX)] if path.name.endswith(DEVSET_SUFFIX) else path.stem
    gold = GoldArticle(name, path, article, parse_date(data.get("date"), str(path)), fmt)
    for record in records(data, "entities", path):
        key = need(record, "key", path, "entity")
        where = f"{path}: entity {key!r}"
        english = strings(record.get("en"), where, "en") + strings(record.get("names"), where, "names")
        gold.entities[key] = GoldEntity(key, str(record.get("type") or ""), str(record.get("qid") or ""),
                                        english, strings(record.get("ar"), where, "ar"))
    for record in records(data, "relations", path):
        subject = need(record, "s", path, "relation")
        obj = entity_ref(record, "o", path)
        side = entity_ref(record, "side", path)
        keywords = strings(record.get("kw"), f"{path}: relation of {subject!r}", "kw")
        for key in (subject, obj, side):
            if key is not None and key not in gold.entities:
                raise InputError(f"{path}: relation names entity {key!r}, which is not in 'entities'")
        if fmt == GOLD:
            need(record, "p", path, "relation")
        elif not keywords:
            raise InputError(f"{path}: devset relation without 'kw' keywords")
        gold.relations.append(GoldRelation(
            subject, str(record.get("p") or ""), obj, as_int(record.get("count"), f"{path}: relation of {subject!r}"),
            tuple(k.lower() for k in keywords), side,
            str(record.get("event") or ""), str(record.get("date") or "")))
    for record in records(data, "claims", path, required=False):
        speaker = need(record, "speaker", path, "claim")
        if speaker not in gold.entities:
            raise InputError(f"{path}: claim speaker {speaker!r} is not in 'entities'")
        gold.claims.append(GoldClaim(speaker, need(record, "quote", path, "claim")))
    numbers = data.get("numbers") or []
    if not isinstance(numbers, list):
        raise InputError(f"{path}: 'numbers' must be a list of integers")
    gold.numbers = [n for n in (as_int(v, str(path), "numbers") for v in numbers) if n is not None]
    return gold


def load_gold_dir(path: str | Path) -> list[GoldArticle]:
    return [load_gold(p) for p in gold_files(path)]
