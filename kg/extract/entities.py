"""Entity component: gazetteer names, nisbas, institutions + nationality, titles + names, anaphors.

Reads: the document's sentences and the gazetteer. Writes: mentions and the entity table,
minting entities for state institutions ("وزارة الدفاع الأذربيجانية"), role-holders
("السفير التركي") and unknown people introduced by a title ("المتحدث باسم الشرطة فلان").
The readers live in `kg.extract.actors`, one job each; this module picks, at each word, the
reading that covers most (a name beats an institution, which beats a title, then an anaphor).
"""
from __future__ import annotations

from datetime import date

from kg.extract.actors import discovery, pairs
from kg.extract.actors.context import SentenceContext
from kg.extract.actors.document import DocumentEntities, mint_key, names_of, text_tag
from kg.extract.actors.institutions import InstitutionReader
from kg.extract.actors.names import NameReader
from kg.extract.actors.titles import TitleReader
from kg.extract.gazetteer import Anaphor, Gazetteer
from kg.extract.phrases import PhraseMatch
from kg.model import Sentence
from kg.text.clitics import proclitic_variants

# readings tried at a word, by priority when two cover the same number of words
NAME, INSTITUTION, TITLE, ANAPHOR = 3, 2, 1, 0
PAIR_REACH = 3  # sentences back in which a "بين X و Y" pair is still the one "الطرفين" means
ACTOR_TYPES = pairs.ACTOR_TYPES


class EntityReader:
    """Finds the mentions of one sentence; keeps document-level memory in `DocumentEntities`."""

    def __init__(self, doc: DocumentEntities, sentence: Sentence) -> None:
        self.ctx = SentenceContext(doc, sentence)
        self.names = NameReader(self.ctx)
        self.institutions = InstitutionReader(self.ctx)
        self.titles = TitleReader(self.ctx, self.names, self.institutions)
        self.discoverer = discovery.Discoverer(self.ctx, self.names)

    def read(self) -> None:
        tokens, aliases = self.ctx.tokens, self.ctx.doc.aliases
        reach = self.discoverer.title_within_reach()
        skip = [self.quiet(token.norm) and not reach[n] for n, token in enumerate(tokens)]  # once a sentence
        i = 0
        while i < len(tokens):
            if skip[i] and not aliases.may_start(tokens[i].norm):  # (aliases grow as the sentence is read)
                i += 1
                continue
            i = self.read_at(i)
        self.remember_pairs()

    def remember_pairs(self) -> None:
        """"بين X و Y" and "X و Y" in this sentence: pairs a later "الطرفين" may stand for."""
        ctx = self.ctx
        ctx.doc.pairs.extend(self.pairs_here(len(ctx.tokens)))

    def mentions_here(self, before: int) -> list:
        """This sentence's mentions (the tail of the document's list) that end by token `before`."""
        ctx = self.ctx
        here = []
        for mention in reversed(ctx.doc.mentions):
            if mention.sentence < ctx.sentence.index:
                break
            if mention.sentence == ctx.sentence.index and mention.token_end <= before:
                here.append(mention)
        here.reverse()
        return here

    def previous_sentence(self) -> tuple[list, list]:
        """The sentence before this one: its mentions and tokens (for a pair it names)."""
        ctx, index = self.ctx, self.ctx.sentence.index
        if index == 0 or index - 1 >= len(ctx.doc.sentences):
            return [], []
        found = [m for m in ctx.doc.mentions if m.sentence == index - 1]
        return found, ctx.doc.sentences[index - 1].tokens

    def pairs_here(self, before: int) -> list[pairs.Pair]:
        ctx, gaz = self.ctx, self.ctx.gaz
        return pairs.joined_pairs(ctx.doc, self.mentions_here(before), ctx.tokens, ctx.sentence.index,
                                  frozenset(gaz.words("between")), gaz.words("conjunction"))

    def quiet(self, word: str) -> bool:
        """Does no reading of `read_at` begin at this word key, whatever the document (no dual head,
        no word before a discovered name, no gazetteer phrase, no discovered name's start)? Most
        words: worked out once a word and kept with the gazetteer. (Aliases are the document's own,
        and a title's reach the sentence's: `read_at` asks those apart.)"""
        gaz = self.ctx.gaz
        known = getattr(gaz, "_quiet_words", None)
        if known is None:
            known = gaz._quiet_words = {}
        found = known.get(word)
        if found is None:
            found = known[word] = not (self.institutions.may_be_dual(word) or self.discoverer.may_begin_before_name(word)
                                       or gaz.may_start(word) or discovery.may_start(word))
        return found

    def leads(self, word: str) -> tuple[bool, bool, bool, bool, bool]:
        """May a dual, a name after a word of leading, a nickname, a name after a person noun or a
        unit begin at this word key? The first test each of those readers makes, on the word alone
        (name_rules.tsv word kinds, proclitics stripped): worked out once a word and kept with the
        gazetteer, so `read_at` calls only the readers that may read something."""
        gaz = self.ctx.gaz
        known = getattr(gaz, "_lead_words", None)
        if known is None:
            known = gaz._lead_words = {}
        found = known.get(word)
        if found is None:
            stems = [stem for stem, _ in proclitic_variants(word)]
            found = known[word] = (self.institutions.may_be_dual(word), word in gaz.word_keys("name-marker"),
                                   any(stem in gaz.word_keys("nickname") for stem in stems),
                                   any(stem in gaz.word_keys("person-noun") for stem in stems),
                                   any(stem in gaz.word_keys("unit-head") for stem in stems))
        return found

    def read_at(self, i: int) -> int:
        """Read the longest entity reading at token i; return the token after it."""
        ctx, gaz = self.ctx, self.ctx.gaz
        word = ctx.tokens[i].norm
        if self.quiet(word) and not ctx.doc.aliases.may_start(word) and not self.discoverer.title_within_reach()[i]:
            return i + 1
        dual, marker, nickname, person_noun, unit_head = self.leads(word)  # each reader's own first test
        if dual and (dual := self.institutions.read_dual(i)) > i:  # "وزارتا الموارد الطبيعية والكهرباء"
            return dual
        if marker and (led := self.discoverer.after_marker(i)) is not None:  # "بقيادة فلان الفلاني"
            return led
        if nickname and (nick := self.discoverer.nickname(i)) is not None:  # "المعروف بـ"أبو فلان""
            return nick
        if person_noun and (named := self.discoverer.after_person_noun(i)) is not None:  # "الشاب فلان الفلاني"
            return named
        if unit_head and (unit := self.discoverer.unit_at(i)) is not None:  # "اللواء السابع"، "الفرقة 25 مشاة"
            return unit
        if (held := self.discoverer.before_title(i)) is not None:  # "فلان الفلاني، المتحدث باسم"
            return held
        if not gaz.may_start(word) and not ctx.doc.aliases.may_start(word):
            return (self.discoverer.read(i) or i + 1) if discovery.may_start(word) else i + 1
        name, name_rule = ctx.name_at(i)
        institution = gaz.institutions.match_at(ctx.tokens, i)
        title = gaz.titles.match_at(ctx.tokens, i)
        anaphor = gaz.anaphors.match_at(ctx.tokens, i)
        candidates = []
        if name:
            candidates.append((name.end - i, NAME))
        if institution and (length := self.institutions.length(i, institution[0])):
            candidates.append((length, INSTITUTION))
        if title:
            candidates.append((title[0].end - i, TITLE))
        if anaphor:
            candidates.append((anaphor[0].end - i, ANAPHOR))
        if not candidates:
            return (self.discoverer.read(i) or i + 1) if discovery.may_start(word) else i + 1
        _, best = max(candidates)
        if best == NAME:
            return self.names.read(name, name_rule)
        if best == INSTITUTION:
            return self.institutions.read(i, institution[0], emit=True)[0]
        if best == TITLE:
            return self.titles.read(i, title[0])
        return self.read_anaphor(anaphor[0])

    def read_anaphor(self, match: PhraseMatch[Anaphor]) -> int:
        """"البلدين"، "الحركة": the entities of that type named last; for a pair, the pair the text
        names at hand (kg.extract.actors.pairs): right after it ("الطرفين (إسرائيل وحماس)"), in its
        sentence, or the last pair close by; the two states named last when there is none."""
        ctx, anaphor = self.ctx, match.value
        keys, rule = (self.apposed_pair(match.end), "anaphor+apposition") if anaphor.count == 2 else ([], "")
        if not keys and anaphor.count == 2:
            places = ctx.gaz.word_keys("place-preposition") | ctx.gaz.word_keys("direction")
            keys, rule = pairs.resolve(ctx.doc, self.mentions_here(match.start), self.pairs_here(match.start),
                                       anaphor.type, ctx.sentence.index, PAIR_REACH, ctx.tokens, places,
                                       *self.previous_sentence())
        if not keys:
            type_ = "State" if anaphor.type == pairs.ANY_ACTOR else anaphor.type
            keys = ctx.doc.recent(type_, anaphor.count, ctx.tokens[match.start].start, anaphor.head)
            rule = "anaphor"
        if anaphor.count == 2 and len(keys) == 2:  # a later anaphor with no pair of its own means this one
            ctx.doc.pairs.append(pairs.Pair(ctx.sentence.index, ctx.tokens[match.start].start, *keys, pairs.RESOLVED))
        for key in keys:
            ctx.add(key, match.start, match.end, rule, 0.6, "anaphor", match.proclitic)
        return match.end

    def apposed_pair(self, j: int) -> list[str]:
        """Two actors named right after the pair word: "(إسرائيل وحماس)"، "الإسرائيلي والفلسطيني"."""
        ctx = self.ctx
        first, _ = ctx.name_at(j)
        if first is None:
            return []
        second, _ = ctx.name_at(first.end)
        if second is None or not second.proclitic.startswith(ctx.gaz.words("conjunction")):
            return []
        keys = [self.actor_key(first.value), self.actor_key(second.value)]
        return keys if all(keys) and keys[0] != keys[1] else []

    def actor_key(self, hit) -> str:
        """The actor a name or nisba stands for (a nisba stands for its state), or ""."""
        entity = self.ctx.doc.lookup(hit.key)
        if entity is None:
            return ""
        if hit.kind == "nisba":
            return self.ctx.doc.state_of(hit.key)
        return entity.key if entity.type in ACTOR_TYPES else ""


def read_entities(sentences: list[Sentence], gazetteer: Gazetteer, published: date | None) -> DocumentEntities:
    doc = DocumentEntities(gazetteer, published, tag=text_tag("\n".join(s.text for s in sentences)),
                           sentences=sentences)
    for sentence in sentences:
        EntityReader(doc, sentence).read()
    return doc


__all__ = ["DocumentEntities", "EntityReader", "read_entities", "mint_key", "names_of"]
