"""The world as data: gazetteer entities, their Arabic names and nisbas, institutions, titles.

Loaded once from `kg/data/` and shared by every document (read-only afterwards).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from kg.data import DATA_DIR, alternatives, read_tsv, read_tsv_path
from kg.extract.phrases import PhraseIndex
from kg.model import Entity
from kg.text.normalize import dediacritize, normalize_phrase


@dataclass(frozen=True)
class NameHit:
    """What a matched phrase stands for: an entity by name, or a state by its adjective."""

    key: str
    kind: str  # "name" or "nisba"


@dataclass(frozen=True)
class Institution:
    type: str
    suffix: str
    name_en: str
    bare: bool  # may the phrase alone name the institution of the state in context?
    local: bool = False  # "in <city>" makes it that city's body (السلطات في غوما)
    only_local: bool = False  # a place's body only (السلطات المحلية): never the state's
    only_anaphor: bool = False  # names a body only with a word for a state named before (حكومة المملكة)
    previous: bool = False  # alone, names only the same body named before (الشرطة after الشرطة الفرنسية)
    acting: bool = False  # alone, the body of the state named most as an actor, not a place; else of no known state
    abroad: bool = False  # sits in another state (an embassy): never makes its state the acting one


@dataclass(frozen=True)
class Title:
    role: str
    ar: str
    unique: bool  # one holder at a time per state/organisation, so title + state names a person
    kind: str = "office"  # office | rank | source | counterpart (titles.tsv)


@dataclass(frozen=True)
class Anaphor:
    type: str
    count: int
    head: str  # a word the antecedent's name should contain, or ""


@dataclass(frozen=True)
class Tenure:
    key: str
    valid_from: date | None
    valid_to: date | None

    def holds_on(self, when: date | None) -> bool:
        if when is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= when) and (
            self.valid_to is None or when <= self.valid_to
        )


@dataclass
class Gazetteer:
    entities: dict[str, Entity] = field(default_factory=dict)
    names: PhraseIndex[NameHit] = field(default_factory=PhraseIndex)
    institutions: PhraseIndex[Institution] = field(default_factory=PhraseIndex)
    # (state, institution suffix) -> the gazetteer entity it is ("الجيش السوداني" is SAF)
    state_institutions: dict[tuple[str, str], str] = field(default_factory=dict)
    abroad_suffixes: set[str] = field(default_factory=set)  # institutions.tsv local=abroad (Embassy)
    titles: PhraseIndex[Title] = field(default_factory=PhraseIndex)
    anaphors: PhraseIndex[Anaphor] = field(default_factory=PhraseIndex)
    title_words: PhraseIndex[str] = field(default_factory=PhraseIndex)  # former, acting
    office_holders: dict[tuple[str, str], list[Tenure]] = field(default_factory=dict)
    starts: dict[str, bool] = field(default_factory=dict)
    name_glue: frozenset[str] = frozenset()
    name_stops: frozenset[str] = frozenset()
    org_heads: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    description_words: frozenset[str] = frozenset()
    # the other word shapes of name_rules.tsv by kind (article, stop-prefix, nisba-ending ...)
    rule_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rule_keys: dict[str, frozenset[str]] = field(default_factory=dict)
    context_needed: dict[tuple[str, ...], frozenset[str]] | None = None
    capitals: dict[str, str] | None = None  # state key -> its capital's key (capital_of_state)

    def words(self, kind: str) -> tuple[str, ...]:
        """The forms of a kind in name_rules.tsv, as written (longest first)."""
        return self.rule_words.get(kind, ())

    def capital_of_state(self) -> dict[str, str]:
        """State key -> its capital's key, from the capital rows (worked out once)."""
        if self.capitals is None:
            self.capitals = {e.capital_of: e.key for e in self.entities.values() if e.capital_of}
        return self.capitals

    def context_phrases(self) -> dict[tuple[str, ...], frozenset[str]]:
        """name_rules.tsv `needs-context` rows, "phrase>State,State": phrase keys -> those states."""
        if self.context_needed is None:
            found: dict[tuple[str, ...], frozenset[str]] = {}
            for form in self.words("needs-context"):
                phrase, _, states = form.partition(">")
                found[normalize_phrase(phrase)] = frozenset(s.strip() for s in states.split(",") if s.strip())
            self.context_needed = found
        return self.context_needed

    def word_keys(self, kind: str) -> frozenset[str]:
        """The forms of a kind in name_rules.tsv as word keys (to compare with `Token.norm`)."""
        keys = self.rule_keys.get(kind)
        if keys is None:
            keys = self.rule_keys[kind] = frozenset(normalize_phrase(f)[0] for f in self.words(kind)
                                                    if normalize_phrase(f))
        return keys

    def joined_keys(self, *kinds: str) -> frozenset[str]:
        """The forms of these kinds as their word keys joined by spaces (a one-word form is its key;
        cached: the readers compare a token's key with them at every mention)."""
        cache_key = "joined\x00" + "\x00".join(kinds)
        keys = self.rule_keys.get(cache_key)
        if keys is None:
            keys = self.rule_keys[cache_key] = frozenset(" ".join(normalize_phrase(w)) for kind in kinds
                                                         for w in self.words(kind))
        return keys

    def may_start(self, word: str) -> bool:
        """Could this word begin a name, title, institution or anaphor? (cached per word)"""
        known = self.starts.get(word)
        if known is None:
            known = self.starts[word] = any(
                index.may_start(word) for index in (self.names, self.titles, self.institutions, self.anaphors))
        return known

    def office_holder(self, role: str, scope: str, when: date | None) -> Entity | None:
        """Who held `role` for `scope` (a state or organisation key) on `when`."""
        for tenure in self.office_holders.get((role, scope), ()):
            if tenure.holds_on(when):
                return self.entities[tenure.key]
        return None


def parse_year_or_date(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    if len(value) == 4 and value.isdigit():
        return date(int(value), 1, 1)
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def nisba_forms(base: tuple[str, ...], gaz: Gazetteer | None = None) -> list[tuple[str, ...]]:
    """Masculine singular nisba key -> feminine, plural, accusative and definite forms."""
    rules = gaz.rule_words if gaz is not None else read_rule_words()
    article = rules.get("article", ())[0]
    *head, last = base
    forms = []
    for ending in ("", *rules.get("nisba-ending", ())):
        forms.append((*head, last + ending))
        forms.append(tuple(article + word for word in (*head, last + ending)))
    return forms


def read_rule_words() -> dict[str, tuple[str, ...]]:
    """name_rules.tsv by kind, forms as written, longest first (for prefix and suffix tests)."""
    kinds: dict[str, list[str]] = {}
    for row in read_tsv("name_rules.tsv"):
        kinds.setdefault(row["kind"], []).append(row["form"])
    return {kind: tuple(sorted(forms, key=len, reverse=True)) for kind, forms in kinds.items()}


def entity_from_row(row: dict[str, str]) -> Entity:
    names = [dediacritize(n) for n in alternatives(row["names_ar"])]
    role = row.get("role", "")
    return Entity(
        key=row["key"],
        type=row["type"],
        name_en=row.get("name_en", ""),
        name_ar=names[0] if names else "",
        qid=row.get("qid", ""),
        country=row.get("country", ""),
        part_of=row.get("part_of", ""),
        role="" if role == "capital" else role,
        capital_of=row.get("country", "") if role == "capital" else "",
        aliases_ar=tuple(names[1:]),
    )


def spelling_variants(names: list[str]) -> list[str]:
    """Each name plus its variants from `spelling.tsv` (الديمقراطية / الديموقراطية)."""
    pairs = [(r["a"], r["b"]) for r in read_tsv("spelling.tsv")]
    out = list(names)
    for name in names:
        for a, b in pairs:
            for old, new in ((a, b), (b, a)):
                if old in name and name.replace(old, new) not in out:
                    out.append(name.replace(old, new))
    return out


@lru_cache(maxsize=1)
def compound_heads() -> frozenset[str]:
    return frozenset(r["word"] for r in read_tsv("corpus/names.tsv") if r["kind"] == "join")


def compound_variants(names: list[str]) -> list[str]:
    """Each name plus its compound parts written together ("عبد الحميد الدبيبة" -> "عبدالحميد الدبيبة"):
    news writes عبد and أبو compounds both ways (kg/data/corpus/names.tsv `join`)."""
    joins = compound_heads()
    out = list(names)
    for name in names:
        words = name.split()
        joined = [words[0]] if words else []
        for word in words[1:]:
            if joined[-1] in joins:
                joined[-1] += word
            else:
                joined.append(word)
        variant = " ".join(joined)
        if len(joined) > 1 and variant not in out:  # a compound alone ("عبد الله") stays a given name
            out.append(variant)
    return out


def gazetteer_dirs() -> list[Path]:
    """The packaged gazetteer, plus any folders of extra TSV files in $KG_GAZETTEER_PATH."""
    extra = [Path(p) for p in os.environ.get("KG_GAZETTEER_PATH", "").split(os.pathsep) if p]
    return [DATA_DIR / "gazetteer", *extra]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Every gazetteer folder's rows; each `type` (and each institution's) is checked against the
    ontology's actor and place classes, naming file and line."""
    from kg.graph.vocabulary import check_term

    gaz = Gazetteer()
    gaz.rule_words = read_rule_words()
    paths = [path for folder in gazetteer_dirs() for path in sorted(folder.glob("*.tsv"))]
    for path in paths:
        for row in read_tsv_path(path):
            if not row.get("key"):
                continue
            check_term("entity", row["type"], row.where)
            entity = entity_from_row(row)
            gaz.entities[entity.key] = entity
            names = spelling_variants(alternatives(row["names_ar"]))
            for name in compound_variants(names) if row["type"] == "Person" else names:
                gaz.names.add(normalize_phrase(name), NameHit(entity.key, "name"))
            for nisba in alternatives(row.get("nisba_ar", "")):
                for form in nisba_forms(normalize_phrase(nisba), gaz):
                    gaz.names.add(form, NameHit(entity.key, "nisba"))
            if entity.type == "Person" and entity.role:
                tenure = Tenure(entity.key, parse_year_or_date(row.get("valid_from", "")),
                                parse_year_or_date(row.get("valid_to", "")))
                for scope in {entity.country, entity.part_of} - {""}:
                    gaz.office_holders.setdefault((entity.role, scope), []).append(tenure)
    for row in read_tsv("institutions.tsv"):
        check_term("entity", row["type"], row.where)
        institution = Institution(row["type"], row["suffix"], row["name_en"], row["bare"] in ("yes", "acting"),
                                  row.get("local") in ("yes", "only"), row.get("local") == "only",
                                  row["bare"] == "anaphor", row["bare"] == "previous", row["bare"] == "acting",
                                  row.get("local") == "abroad")
        if institution.abroad:
            gaz.abroad_suffixes.add(institution.suffix)
        for phrase in alternatives(row["ar"]):
            gaz.institutions.add(normalize_phrase(phrase), institution)
    for row in read_tsv("titles.tsv"):
        for phrase in alternatives(row["ar"]):
            gaz.titles.add(normalize_phrase(phrase), Title(row["role"], dediacritize(phrase), row["unique"] == "yes",
                                                           row.get("kind") or "office"))
    for row in read_tsv("title_words.tsv"):
        for phrase in alternatives(row["form"]):
            gaz.title_words.add(normalize_phrase(phrase), row["kind"])
    for row in read_tsv("anaphors.tsv"):
        for phrase in alternatives(row["ar"]):
            head = normalize_phrase(row["head"])[0] if row["head"] else ""
            gaz.anaphors.add(normalize_phrase(phrase), Anaphor(row["type"], int(row["count"]), head))
    link_state_institutions(gaz)
    rules = read_tsv("name_rules.tsv")
    gaz.name_glue = frozenset(normalize_phrase(r["form"])[0] for r in rules if r["kind"] == "glue")
    gaz.relatives = frozenset(normalize_phrase(r["form"])[0] for r in rules if r["kind"] == "relative")
    gaz.name_stops = frozenset(normalize_phrase(r["form"])[0] for r in rules if r["kind"] in ("stop", "relative"))
    gaz.description_words = frozenset(normalize_phrase(r["form"])[0] for r in rules if r["kind"] == "description")
    gaz.org_heads = frozenset(normalize_phrase(r["form"])[0] for r in rules if r["kind"] == "org")
    return gaz


def link_state_institutions(gaz: Gazetteer) -> None:
    """Gazetteer entries named "institution + nisba" stand for that state institution."""
    from kg.model import Token

    for entity in gaz.entities.values():
        if not entity.country:
            continue
        for name in (entity.name_ar, *entity.aliases_ar):
            words = normalize_phrase(name)
            tokens = [Token(w, 0, 0, w) for w in words]
            match = gaz.institutions.match_at(tokens, 0) if tokens else []
            if not match or match[0].end >= len(tokens):
                continue
            rest = gaz.names.match_at(tokens, match[0].end)
            if (rest and rest[0].end == len(tokens) and rest[0].value.key == entity.country
                    and match[0].value.type == entity.type):
                gaz.state_institutions.setdefault((entity.country, match[0].value.suffix), entity.key)
