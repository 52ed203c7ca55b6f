"""The entity table of one document while it is read, and the keys of minted entities."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from kg.extract.gazetteer import Gazetteer, NameHit
from kg.extract.phrases import PhraseIndex, PhraseMatch
from kg.model import Entity, Mention
from kg.text.normalize import dediacritize, normalize_phrase

LOOK_BACK = 2_000  # mentions an anaphor ("الحركة"، "البلدين") may reach back over: a long report's worth


@lru_cache(maxsize=1)
def transliterator():
    from camel_tools.utils.charmap import CharMapper

    return CharMapper.builtin_mapper("ar2safebw")


def mint_key(prefix: str, arabic: str) -> str:
    """A stable ASCII key for a name not in the gazetteer (same name -> same key everywhere)."""
    words = transliterator()(dediacritize(arabic)).split()
    return prefix + "_" + "_".join(words)


def text_tag(text: str) -> str:
    """A short stable hash of a document's text (unnamed office-holders are minted per document)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def names_of(entity: Entity) -> set[str]:
    """The word keys of an entity's Arabic names."""
    return {word for name in (entity.name_ar, *entity.aliases_ar) for word in normalize_phrase(name)}


@dataclass
class DocumentEntities:
    """The entity table of one document while it is being read, sentence by sentence."""

    gazetteer: Gazetteer
    published: date | None
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    aliases: PhraseIndex[NameHit] = field(default_factory=PhraseIndex)
    state_counts: dict[str, int] = field(default_factory=dict)
    pairs: list = field(default_factory=list)  # kg.extract.actors.pairs.Pair: pairs a "الطرفين" may stand for
    tag: str = ""  # short hash of the text: keys of unnamed people are this document's own
    sentences: list = field(default_factory=list)  # the whole document: context for homographs
    state_evidence: dict[str, int] | None = None  # states named unambiguously anywhere in it

    def choose(self, matches: list[PhraseMatch[NameHit]]) -> PhraseMatch[NameHit]:
        """One name, several gazetteer entities (عمان: Oman or Amman): the one whose state the
        whole document names most (other names, nisbas, people of that state); a state before a
        city when the document does not tell."""
        evidence = self.evidence()

        def score(match: PhraseMatch[NameHit]) -> tuple[int, int]:
            entity = self.lookup(match.value.key)
            return evidence.get(self.state_of(match.value.key), 0), int(entity is not None and entity.type == "State")

        return max(matches, key=score)

    def is_weak(self, tokens, match: PhraseMatch[NameHit]) -> bool:
        """A one-word name or nisba that is also a common adjective (مالي، المالية: financial)."""
        if match.end - match.start != 1:
            return False
        stem = tokens[match.start].norm[len(match.proclitic):]
        return stem in self.gazetteer.word_keys("weak-name")

    def context_states(self, tokens, match: PhraseMatch[NameHit]) -> frozenset[str]:
        """The states one of which the document must name for a phrase of name_rules.tsv's
        `needs-context` kind to stand for its entity (قوات الاحتلال: Israel's forces in an article on
        Israel or Palestine, not in one on Ukraine); empty if the phrase needs none."""
        words = tuple(t.norm for t in tokens[match.start:match.end])
        words = (words[0][len(match.proclitic):], *words[1:])
        return self.gazetteer.context_phrases().get(words, frozenset())

    def named_as_name(self, tokens, match: PhraseMatch[NameHit]) -> bool:
        """A weak word written as the state's name: after a preposition or with a proclitic (في مالي، ومالي)."""
        if match.value.kind != "name":
            return False
        before = tokens[match.start - 1].norm if match.start else ""
        return bool(match.proclitic) or before in self.gazetteer.word_keys("weak-name-context")

    def weak_reading_holds(self, tokens, match: PhraseMatch[NameHit]) -> bool:
        """Is a weak word the state here? Written as its name, or the document names the state
        otherwise. Is a phrase that needs context in a document about one of its states?"""
        needed = self.context_states(tokens, match)
        if needed:
            return any(self.evidence().get(state, 0) > 0 for state in needed)
        if not self.is_weak(tokens, match) or self.named_as_name(tokens, match):
            return True
        return self.evidence().get(self.state_of(match.value.key), 0) > 0

    def evidence(self) -> dict[str, int]:
        """Mentions per state of every unambiguous gazetteer name in the document (computed once,
        only for a document that has a homograph)."""
        if self.state_evidence is None:
            counts: dict[str, int] = {}
            names = self.gazetteer.names
            for sentence in self.sentences:
                tokens, i = sentence.tokens, 0
                while i < len(tokens):
                    matches = names.match_at(tokens, i)
                    if not matches:
                        i += 1
                        continue
                    keys = {m.value.key for m in matches}
                    state = self.state_of(next(iter(keys))) if len(keys) == 1 else ""
                    if state and ((self.is_weak(tokens, matches[0]) and not self.named_as_name(tokens, matches[0]))
                                  or self.context_states(tokens, matches[0])):
                        state = ""  # "دعم مالي": no evidence of Mali; "قوات الاحتلال" is none either
                    if state:
                        counts[state] = counts.get(state, 0) + 1
                    i = matches[0].end
            self.state_evidence = counts
        return self.state_evidence

    def use(self, entity: Entity) -> str:
        known = self.entities.get(entity.key)
        if known is None:
            self.entities[entity.key] = entity
            # the entities an entity points to are part of the picture too
            for ref in (entity.country, entity.part_of, entity.capital_of):
                if ref and ref not in self.entities and ref in self.gazetteer.entities:
                    self.entities[ref] = self.gazetteer.entities[ref]
        return entity.key

    def lookup(self, key: str) -> Entity | None:
        """An entity of this document (minted ones too) or of the gazetteer; None if unknown."""
        return self.entities.get(key) or self.gazetteer.entities.get(key)

    def state_of(self, key: str) -> str:
        entity = self.lookup(key)
        if entity is None:
            return ""
        if entity.type == "State":
            return entity.key
        return entity.country or entity.capital_of

    def recent(self, type_: str, count: int, before: int, head: str = "", local: bool | None = None) -> list[str]:
        """The last `count` distinct entities of a type mentioned before a character offset
        (those whose name has the word `head` first, when given; with `local`, only bodies of a
        city or region, or only others)."""
        if head:
            named = [k for k in self.recent(type_, 1_000, before, local=local) if head in names_of(self.entities[k])]
            if named:
                return named[-count:]
        found: list[str] = []
        for mention in reversed(self.mentions[-LOOK_BACK:]):  # bounded: linear in the document
            if mention.start >= before or mention.kind == "anaphor":
                continue
            key = mention.entity if type_ != "State" else self.state_of(mention.entity)
            entity = self.entities.get(key)
            if entity and entity.type == type_ and key not in found \
                    and (local is None or self.is_local(entity) == local):
                found.append(key)
                if len(found) == count:
                    break
        return list(reversed(found))

    def recent_place(self, before: int) -> str:
        """The city or region named last before a character offset ("حكومة الولاية"، "سلطات
        المدينة" stand for it), or ""."""
        for mention in reversed(self.mentions[-LOOK_BACK:]):
            entity = self.entities.get(mention.entity)
            if mention.start < before and mention.kind != "anaphor" and entity is not None \
                    and entity.type in ("City", "Region"):
                return entity.key
        return ""

    def is_local(self, entity: Entity) -> bool:
        """A body of a city or region (سلطات ولاية بورنو), not of a state."""
        place = self.lookup(entity.part_of) if entity.part_of else None
        return place is not None and place.type in ("City", "Region")

    def dominant_state(self) -> str:
        return max(self.state_counts, key=self.state_counts.get) if self.state_counts else ""
