"""Entity component: gazetteer names, nisbas, institutions + nationality, titles + names, anaphors.

Reads: the document's sentences and the gazetteer. Writes: mentions and the entity table,
minting entities for state institutions ("وزارة الدفاع الأذربيجانية"), role-holders
("السفير التركي") and unknown people introduced by a title ("المتحدث باسم الشرطة فلان").
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from kg.extract.gazetteer import Gazetteer, NameHit, Title
from kg.extract.phrases import PhraseIndex
from kg.model import Entity, Mention, Sentence, Token
from kg.text.clitics import proclitic_variants
from kg.text.normalize import dediacritize

MAX_NAME_PARTS = 3
MAX_DESCRIPTION = 6
ORG_TYPES = {"InternationalOrganisation", "Organisation", "GovernmentBody", "Government", "Ministry",
             "Parliament", "ArmedForce", "ArmedGroup", "MediaOutlet"}
PLACE_SCOPES = {"City", "Region"}  # قائمقام سيدكان: a local office is of a place
PROCLITIC_STOPS = ("لل", "بال", "وال", "فال", "كال")  # "للصحافيين" ends a name; "بيرييلو" does not
TANWEEN_FATH = "\u064b"  # a name part never carries these (للصحافيين ends a name)


@lru_cache(maxsize=1)
def transliterator():
    from camel_tools.utils.charmap import CharMapper

    return CharMapper.builtin_mapper("ar2safebw")


def mint_key(prefix: str, arabic: str) -> str:
    """A stable ASCII key for a name not in the gazetteer (same name -> same key everywhere)."""
    words = transliterator()(dediacritize(arabic)).split()
    return prefix + "_" + "_".join(words)


@dataclass
class DocumentEntities:
    """The entity table of one document while it is being read, sentence by sentence."""

    gazetteer: Gazetteer
    published: date | None
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    aliases: PhraseIndex[NameHit] = field(default_factory=PhraseIndex)
    state_counts: dict[str, int] = field(default_factory=dict)

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

    def recent(self, type_: str, count: int, before: int, head: str = "") -> list[str]:
        """The last `count` distinct entities of a type mentioned before a character offset
        (those whose name has the word `head` first, when given)."""
        if head:
            named = [k for k in self.recent(type_, 1_000, before) if head in names_of(self.entities[k])]
            if named:
                return named[-count:]
        found: list[str] = []
        for mention in reversed(self.mentions):
            if mention.start >= before or mention.kind == "anaphor":
                continue
            key = mention.entity if type_ != "State" else self.state_of(mention.entity)
            entity = self.entities.get(key)
            if entity and entity.type == type_ and key not in found:
                found.append(key)
                if len(found) == count:
                    break
        return list(reversed(found))

    def dominant_state(self) -> str:
        return max(self.state_counts, key=self.state_counts.get) if self.state_counts else ""


class EntityReader:
    """Finds the mentions of one sentence; keeps document-level memory in `DocumentEntities`."""

    def __init__(self, doc: DocumentEntities, sentence: Sentence) -> None:
        self.doc = doc
        self.gaz = doc.gazetteer
        self.sentence = sentence
        self.tokens: list[Token] = sentence.tokens

    # -- output -----------------------------------------------------------------------------
    def add(self, key: str, start: int, end: int, rule: str, confidence: float,
            kind: str = "name", proclitic: str = "") -> Mention:
        tokens = self.tokens
        mention = Mention(
            entity=key, sentence=self.sentence.index, start=tokens[start].start,
            end=tokens[end - 1].end,
            surface=self.surface(start, end), rule=rule, confidence=confidence, kind=kind,
            token_start=start, token_end=end, proclitic=proclitic,
        )
        self.doc.mentions.append(mention)
        state = self.doc.state_of(key)
        if state:
            self.doc.state_counts[state] = self.doc.state_counts.get(state, 0) + 1
        return mention

    def surface(self, start: int, end: int) -> str:
        s = self.sentence
        return s.text[self.tokens[start].start - s.start: self.tokens[end - 1].end - s.start]

    # -- matching -------------------------------------------------------------------------------
    def name_at(self, i: int):
        matches = self.gaz.names.match_at(self.tokens, i) if i < len(self.tokens) else []
        local = self.doc.aliases.match_at(self.tokens, i) if i < len(self.tokens) else []
        if local and (not matches or local[0].end > matches[0].end):
            return local[0], "alias"
        if not matches:
            return None, ""
        names = [m for m in matches if m.value.kind == "name"]
        nisbas = [m for m in matches if m.value.kind == "nisba"]
        if names and nisbas and TANWEEN_FATH in self.tokens[i].text:
            return nisbas[0], "gazetteer"  # "جندياً أرمينياً": an adjective, not the state
        return (names or matches)[0], "gazetteer"

    def nationality_at(self, i: int) -> tuple[str, int, str]:
        """A state named at token i by its nisba or name (or 'in <capital>'): (key, end, proclitic)."""
        match, _ = self.name_at(i)
        if match is None:
            return "", i, ""
        state = self.doc.state_of(match.value.key)
        entity = self.gaz.entities.get(match.value.key)
        if not state or (entity and entity.type not in ("State",) and match.value.kind != "nisba"):
            return "", i, ""
        return state, match.end, match.proclitic

    def read(self) -> None:
        i = 0
        while i < len(self.tokens):
            i = self.read_at(i)

    def read_at(self, i: int) -> int:
        word = self.tokens[i].norm
        if not self.gaz.may_start(word) and not self.doc.aliases.may_start(word):
            return i + 1
        candidates = []
        title = self.gaz.titles.match_at(self.tokens, i)
        name, name_rule = self.name_at(i)
        institution = self.gaz.institutions.match_at(self.tokens, i)
        anaphor = self.gaz.anaphors.match_at(self.tokens, i)
        if name:
            candidates.append((name.end - i, 3, "name"))
        if institution:
            candidates.append((self.institution_length(i, institution[0]), 2, "institution"))
        if title:
            candidates.append((title[0].end - i, 1, "title"))
        if anaphor:
            candidates.append((anaphor[0].end - i, 0, "anaphor"))
        if not candidates:
            return i + 1
        _, _, best = max(candidates)
        if best == "name":
            return self.read_name(name, name_rule)
        if best == "institution":
            end, _ = self.read_institution(i, institution[0], emit=True)
            return end
        if best == "title":
            return self.read_title(i, title[0])
        return self.read_anaphor(anaphor[0])

    def read_name(self, match, rule: str) -> int:
        hit: NameHit = match.value
        entity = self.doc.lookup(hit.key)
        if entity is None:
            return match.end
        self.doc.use(entity)
        confidence = 0.95 if rule == "gazetteer" else 0.75
        kind = "nisba" if hit.kind == "nisba" else "name"
        self.add(hit.key, match.start, match.end, f"{rule}:{kind}", confidence, kind, match.proclitic)
        if entity.type == "Person" and kind == "name":
            self.remember_person(match.start, match.end, entity.key)
        return match.end

    def read_anaphor(self, match) -> int:
        anaphor = match.value
        keys = self.doc.recent(anaphor.type, anaphor.count, self.tokens[match.start].start, anaphor.head)
        for key in keys:
            self.add(key, match.start, match.end, "anaphor", 0.6, "anaphor", match.proclitic)
        return match.end

    # -- institutions ---------------------------------------------------------------------------
    def institution_length(self, i: int, match) -> int:
        end, _ = self.read_institution(i, match, emit=False)
        return end - i

    def read_institution(self, i: int, match, emit: bool) -> tuple[int, str]:
        """Institution phrase + nationality -> the state's institution. Returns (end, key)."""
        inst = match.value
        end = match.end
        state, after, _ = self.nationality_at(end)
        rule, confidence = "institution+nisba", 0.9
        if state:
            end = after
        elif end + 1 < len(self.tokens) and self.tokens[end].norm == "في":
            state, after, _ = self.nationality_at(end + 1)
            end = after if state else end
            rule = "institution+place"
        if not state:
            if not inst.bare:
                return i + 1, ""  # "القوات" alone names nothing
            recent = self.doc.recent(inst.type, 1, self.tokens[i].start)
            if recent and emit:  # "الجيش" after "الجيش الإسرائيلي" is that army again
                entity = self.doc.entities[recent[0]]
                self.add(entity.key, i, match.end, "institution+previous", 0.6, "name", match.proclitic)
                return match.end, entity.key
            if recent:
                return match.end, ""
            state = self.context_state()
            rule, confidence = "institution+context", 0.5
            if not state:
                return i + 1, ""
        if not emit:
            return end, ""
        state_entity = self.gaz.entities.get(state)
        known = self.gaz.state_institutions.get((state, inst.suffix))
        if known:
            self.doc.use(self.gaz.entities[known])
            self.add(known, i, end, rule, confidence, "name", match.proclitic)
            return end, known
        key = f"{state}_{inst.suffix}"
        name_ar = dediacritize(self.surface(i, end))
        if match.proclitic and name_ar.startswith(match.proclitic):
            name_ar = name_ar[len(match.proclitic):]
        entity = self.doc.entities.get(key) or Entity(
            key=key, type=inst.type, name_ar=name_ar,
            name_en=f"{state_entity.name_en if state_entity else state} {inst.name_en}",
            country=state, part_of=state, minted=True,
        )
        self.doc.use(entity)
        self.add(key, i, end, rule, confidence, "name", match.proclitic)
        return end, key

    def context_state(self) -> str:
        """The state a bare "الحكومة" or "البرلمان" belongs to: one of the article's two main
        states if this sentence names it, else the article's main state so far."""
        counts = self.doc.state_counts
        leading = sorted(counts, key=counts.get, reverse=True)[:2]
        here = self.sentence.index
        for mention in reversed(self.doc.mentions):
            if mention.sentence != here:
                break
            state = self.doc.state_of(mention.entity)
            if state in leading:
                return state
        return self.doc.dominant_state()

    # -- titles and people ------------------------------------------------------------------------
    def read_title(self, i: int, match) -> int:
        """TITLE [nationality | organisation] [more titles] [NAME]: a known or new person, else
        the office-holder of that date, else a role-holder entity (السفير التركي)."""
        title: Title = match.value
        j, scope, country = self.read_qualifier(match.end)
        while j < len(self.tokens) and (more := self.gaz.titles.match_at(self.tokens, j)) \
                and more[0].value.role != "Counterpart":
            # chained titles: "قائد الجيش رئيس مجلس السيادة الفريق أول"
            j, more_scope, more_country = self.read_qualifier(more[0].end)
            scope, country = scope or more_scope, country or more_country
        person, person_rule = self.name_at(j)
        if person and self.is_person(person.value.key):
            return self.titled(self.read_name(person, person_rule), title)
        name_end = self.unknown_name_end(j)
        if name_end - j < 2:  # skip a descriptive phrase before a full name (المدير الإقليمي للبرنامج)
            k = self.skip_description(j)
            person, person_rule = self.name_at(k)
            if person and self.is_person(person.value.key):
                return self.titled(self.read_name(person, person_rule), title)
            far_end = self.unknown_name_end(k)
            if far_end - k >= 2:
                j, name_end = k, far_end
        if name_end > j and title.role != "Counterpart":
            return self.titled(self.mint_person(i, j, name_end, title, scope, country), title)
        if title.role == "Counterpart" or not scope:
            return max(j, i + 1)
        holder = self.gaz.office_holder(title.role, scope, self.doc.published) if title.unique else None
        if holder is not None:
            self.doc.use(holder)
            self.add(holder.key, i, j, "title:office-holder", 0.7, "title")
            return self.titled(j, title)
        key = f"{scope}_{title.role.replace(' ', '').replace('-', '')}"
        entity = self.doc.entities.get(key) or Entity(
            key=key, type="Person", name_ar=dediacritize(self.surface(i, j)),
            name_en=f"{self.gaz.entities[scope].name_en if scope in self.gaz.entities else scope} {title.role}",
            country=country, part_of=scope if scope != country else "", role=title.role,
            role_ar=title.ar, minted=True,
        )
        self.doc.use(entity)
        self.add(key, i, j, "title:role-holder", 0.6, "title")
        return self.titled(j, title)

    def titled(self, end: int, title: Title) -> int:
        """Mark the person just read as introduced by a title (not for "نظيره": an object)."""
        if title.role != "Counterpart" and self.doc.mentions:
            self.doc.mentions[-1].titled = True
        return end

    def is_person(self, key: str) -> bool:
        entity = self.doc.entities.get(key) or self.gaz.entities.get(key)
        return entity is not None and entity.type == "Person"

    def read_qualifier(self, j: int) -> tuple[int, str, str]:
        """What a title is of: a nationality (الأرميني), a state body (باسم الشرطة الصومالية) or an
        organisation (للأمم المتحدة). Returns (end, scope key, state key)."""
        if j >= len(self.tokens):
            return j, "", ""
        state, after, proclitic = self.nationality_at(j)
        inst = self.gaz.institutions.match_at(self.tokens, j)
        org, _ = self.name_at(j)
        if inst and self.institution_length(j, inst[0]) > (after - j if state else 0):
            end, scope = self.read_institution(j, inst[0], emit=True)
            if scope:
                self.doc.mentions[-1].kind = "qualifier"
                return end, scope, self.doc.state_of(scope)
        if state:
            self.add(state, j, after, "gazetteer:nisba", 0.95, "nisba", proclitic)
            return after, state, state
        scope_entity = self.doc.lookup(org.value.key) if org else None
        if scope_entity is not None and scope_entity.type in ORG_TYPES | PLACE_SCOPES:
            end = self.read_name(org, "gazetteer")
            self.doc.mentions[-1].kind = "qualifier"
            return end, scope_entity.key, scope_entity.country
        return j, "", ""

    def skip_description(self, j: int) -> int:
        """Past adjectives, ل/ب-phrases, "في <place>" and known names after a title, to where a
        full name starts: "المبعوث الأميركي الخاص إلى السودان | توم بيرييلو". j if none does."""
        from kg.extract.frames import frame_index

        k, limit = j, min(j + MAX_DESCRIPTION, len(self.tokens))
        while k < limit:
            if (k > j and self.punctuation_before(k)) or frame_index().match_at(self.tokens, k) \
                    or self.gaz.titles.match_at(self.tokens, k):
                return j  # a verb or another title (نظيره) starts something else
            word = self.tokens[k].norm
            match, _ = self.name_at(k)
            if match and self.is_person(match.value.key):
                return k
            if match:
                self.read_name(match, "gazetteer")
                self.doc.mentions[-1].kind = "qualifier"
                k = match.end
            elif word in self.gaz.relatives or (word in self.gaz.name_stops and word not in self.gaz.description_words
                                                 and not word.startswith("ال")):
                return j
            elif word in self.gaz.description_words or word in self.gaz.org_heads or word.startswith(("ال", "لل")) or any(
                    p and p[-1] in "بل" for _, p in proclitic_variants(word)[1:]):
                k += 1
            elif self.unknown_name_end(k) - k >= 2:
                return k
            else:
                k += 1
        return j

    def unknown_name_end(self, j: int) -> int:
        """Where a personal name starting at token j ends (j if there is none)."""
        parts, k = 0, j
        while k < len(self.tokens) and parts < MAX_NAME_PARTS:
            token = self.tokens[k]
            word = token.norm
            if not word.isalpha() or word in self.gaz.name_stops or self.starts_lexicon(k) \
                    or (k == j and word in self.gaz.org_heads):
                break
            if word.startswith("ال") and not (k > j and self.tokens[k - 1].norm in self.gaz.name_glue) \
                    and not (parts == 1 and is_family_name(word)):
                break
            if k > j and (word.startswith(PROCLITIC_STOPS) or self.clitic_on_known_word(word)):
                break
            if self.punctuation_before(k) and k > j:
                break
            k += 1
            if word not in self.gaz.name_glue:
                parts += 1
        while k > j and self.tokens[k - 1].norm in self.gaz.name_glue:
            k -= 1
        return k

    @staticmethod
    def clitic_on_known_word(word: str) -> bool:
        """"بهجمات" is ب + a known word, so it ends a name; "بيرييلو" is not."""
        from kg.extract.frames import event_vocabulary

        vocabulary = event_vocabulary()
        return any(p and stem in vocabulary for stem, p in proclitic_variants(word)[1:])

    def punctuation_before(self, k: int) -> bool:
        """Punctuation (not quotation marks) between token k-1 and token k."""
        gap = self.sentence.text[self.tokens[k - 1].end - self.sentence.start: self.tokens[k].start - self.sentence.start]
        return bool(gap.strip(" \t\n\u00a0«»\"“”'"))

    def starts_lexicon(self, k: int) -> bool:
        from kg.extract.frames import frame_index

        return bool(
            frame_index().match_at(self.tokens, k)
            or self.gaz.titles.match_at(self.tokens, k)
            or self.gaz.institutions.match_at(self.tokens, k)
            or self.name_at(k)[0]
        )

    def mint_person(self, i: int, j: int, end: int, title: Title, scope: str, country: str) -> int:
        name = dediacritize(self.surface(j, end))
        key = mint_key("Person", name)
        entity = self.doc.entities.get(key) or Entity(
            key=key, type="Person", name_ar=name, country=country,
            part_of=scope if scope and scope != country else "", role=title.role, role_ar=title.ar,
            minted=True,
        )
        self.doc.use(entity)
        self.add(key, j, end, "title:new-person", 0.7, "name")
        self.remember_person(j, end, key)
        return end

    def remember_person(self, start: int, end: int, key: str) -> None:
        """Later in the article a person is named by the last part(s) of the name alone."""
        words = [t.norm for t in self.tokens[start:end]]
        if len(words) < 2:
            return
        hit = NameHit(key, "name")
        self.doc.aliases.add((words[-1],), hit)
        if len(words) >= 3:
            self.doc.aliases.add(tuple(words[-2:]), hit)


def names_of(entity: Entity) -> set[str]:
    """The word keys of an entity's Arabic names."""
    from kg.text.normalize import normalize_phrase

    return {word for name in (entity.name_ar, *entity.aliases_ar) for word in normalize_phrase(name)}


def is_family_name(word: str) -> bool:
    """"القدرة"، "الإرياني" in "أشرف القدرة"، "معمر الإرياني": an ال-word may end a two-part name
    (feminine and plural adjectives may not)."""
    return len(word) > 4 and not word.endswith(("يه", "يين", "يون"))


def read_entities(sentences: list[Sentence], gazetteer: Gazetteer, published: date | None) -> DocumentEntities:
    doc = DocumentEntities(gazetteer, published)
    for sentence in sentences:
        EntityReader(doc, sentence).read()
    return doc


__all__ = ["DocumentEntities", "read_entities", "mint_key", "replace"]
