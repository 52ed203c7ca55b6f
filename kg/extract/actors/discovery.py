"""Discovery: actors and places the gazetteer does not know, named by a head noun, a quoted
name or a given name, with a minted key, a type, and the country or parent the text names.

- `حكومة الوفاق الوطني`، `المجلس الرئاسي`، `جهاز الردع`: a head (kg/data/heads.tsv) plus one construct
  word and definite words;
- `قوات تيغراي`: forces named by the place that owns them (part of it, in its country);
- `جماعة «نصرة الإسلام والمسلمين»`: a head plus a quoted name;
- `مخيم جنين`، `مستشفى الشفاء`، `معبر رفح`: sites by their type noun (part of the known place named);
- `لورانس كانيوكا`: a given name (kg/data/given_names.tsv) plus one or two name parts.
A trailing nisba gives the country ("هيئة عمليات التجارة البحرية البريطانية").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.data import alternatives, read_tsv
from kg.extract.actors.context import QUOTE_MARKS, SentenceContext
from kg.extract.actors.document import mint_key
from kg.extract.actors.names import NameReader
from kg.extract.phrases import PhraseIndex, PhraseMatch
from kg.model import Entity
from kg.text.normalize import dediacritize, normalize_phrase, normalize_word

MAX_MODIFIERS = 4
OPENING_QUOTES = "«\"“"
CLOSING_QUOTES = "»\"”"
OWNER_TYPES = {"State", "City", "Region"}
ARMED_FORCES = "ArmedForces"  # institutions.tsv suffix of a state's armed forces
VERB_SUFFIX = "ت"  # a perfect verb's feminine ending (أسفرت): the stem may be a frame word
VERB_PREFIXES = ("ي", "ت")  # an imperfect verb's prefixes (يقتل، تقتل)
PARTICIPLE_PREFIX = "م"
MIN_PARTICIPLE = 4  # letters: م + a three-letter root (موحش، مكتظ)
QUOTE_STRIP = str.maketrans("", "", "«»\"“”")  # quotes around a quoted town name
MIN_TOWN_WORD = 3  # letters of a town named after و in a list ("والمغير")
CASUALTY_KINDS = {"killed", "wounded", "recalled", "unit", "time"}  # casualties.tsv kinds whose words end a name
# ("عودة استشهد"، "عمر الطفل عشر سنوات"), as number words do (numbers.tsv)
LONG_NAME_PARTS = 5  # a given name's longest reading when punctuation closes it (Somali, Afghan names)
PERSON_NOUN_PARTS = 4  # name parts after "الشاب"، "الطفل": victims are named by four (يزن عثمان بكر شيحة)
FOREIGN_END, PLURAL_VERB_END = "ا", "وا"  # a final alif: a foreign name (يامبا), unless a plural verb's (يقاتلوا)
MIN_OBLIQUE_NAME = 5  # letters: a town's or area's name this long may start with ب/ل (بوديل), a shorter word is a phrase
MIN_IMPERFECT = 5  # letters: a word this long starting with ي after a town or site head is a verb (يستخدمه)


@dataclass(frozen=True)
class Head:
    type: str
    kind: str  # body | force | group | outlet | town | towns | site | area | areas | vessel (heads.tsv)
    bare: bool
    name_en: str


@dataclass(frozen=True)
class Lexicon:
    heads: PhraseIndex[Head]
    generic: frozenset[str]
    ends: frozenset[str]
    adjectives: frozenset[str]
    given: frozenset[str]
    common: frozenset[str] = frozenset()  # nouns never first in a personal name (name_words.tsv)
    person_firsts: frozenset[str] = frozenset()  # first words of the gazetteer's people
    common_given: frozenset[str] = frozenset()  # given names that are also common nouns (عمر "age")
    casualty: frozenset[str] = frozenset()  # killed, wounded, number and unit words (استشهد، عشر): never a name part
    ordinals: frozenset[str] = frozenset()  # الأول، الرابعة (numbers.tsv): a unit's number ("الفرقة الرابعة")
    months: frozenset[str] = frozenset()  # one-word month names (dates.tsv): "فرقة 12 أبريل"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    heads: PhraseIndex[Head] = PhraseIndex()
    for row in read_tsv("heads.tsv"):
        head = Head(row["type"], row["kind"], row["bare"] == "yes", row["name_en"])
        for phrase in alternatives(row["ar"]):
            heads.add(normalize_phrase(phrase), head)
    def kind(name: str) -> frozenset[str]:
        return frozenset(normalize_word(r["form"]) for r in read_tsv("name_words.tsv") if r["kind"] == name)

    given = frozenset(normalize_word(r["form"]) for r in read_tsv("given_names.tsv"))
    from kg.extract.gazetteer import load_gazetteer

    firsts = frozenset(normalize_phrase(name)[0] for e in load_gazetteer().entities.values() if e.type == "Person"
                       for name in (e.name_ar, *e.aliases_ar) if normalize_phrase(name))
    common_given = frozenset(normalize_word(r["form"]) for r in read_tsv("given_names.tsv") if r.get("common") == "yes")
    casualty = frozenset(word for r in read_tsv("casualties.tsv") if r["kind"] in CASUALTY_KINDS
                         for phrase in alternatives(r["form"]) for word in normalize_phrase(phrase)[:1]) \
        | frozenset(word for r in read_tsv("numbers.tsv") for phrase in alternatives(r["word"])
                    for word in normalize_phrase(phrase)[:1])
    ordinals = frozenset(word for r in read_tsv("numbers.tsv") if r["kind"] == "ordinal"
                         for phrase in alternatives(r["word"]) for word in normalize_phrase(phrase)[:1])
    months = frozenset(normalize_phrase(phrase)[0] for r in read_tsv("dates.tsv") if r["kind"] == "month"
                       for phrase in alternatives(r["word"]) if len(normalize_phrase(phrase)) == 1)
    return Lexicon(heads, kind("generic"), kind("ends"), kind("adjective"), given, kind("common"), firsts,
                   common_given, casualty, ordinals, months)


@lru_cache(maxsize=1)
def local_bodies() -> dict[tuple[str, str], str]:
    """(region or city, "Government") -> the gazetteer's government of that place (Kurdistan_Region ->
    the KRG); other bodies of a place are many, and not guessed."""
    from kg.extract.gazetteer import load_gazetteer

    entities = load_gazetteer().entities
    found: dict[tuple[str, str], str] = {}
    for entity in entities.values():
        place = entities.get(entity.part_of)
        if place is not None and place.type in ("City", "Region") and entity.type == "Government":
            found.setdefault((place.key, entity.type), entity.key)  # one government per place
    return found


def may_start(word: str) -> bool:
    lex = lexicon()
    return lex.heads.may_start(word) or word in lex.given


class Discoverer:
    """Reads one discovered name at a token, or nothing (returns None)."""

    def __init__(self, ctx: SentenceContext, names: NameReader) -> None:
        self.ctx = ctx
        self.gaz = ctx.gaz
        self.names = names
        self.lex = lexicon()
        self.reach: list[bool] | None = None  # `title_within_reach`, once the sentence is asked

    def read(self, i: int) -> int | None:
        head = self.lex.heads.match_at(self.ctx.tokens, i)
        if head:
            return self.headed(i, head[0])
        if self.ctx.tokens[i].norm in self.lex.given:
            return self.given_name(i)
        return None

    # -- head nouns --------------------------------------------------------------------------------
    def headed(self, i: int, match: PhraseMatch[Head]) -> int | None:
        head: Head = match.value
        j = match.end
        if j >= len(self.ctx.tokens) or self.ctx.punctuation_before(j):
            return None
        if head.kind in ("towns", "areas"):
            return self.town_list(i, j, head)
        if head.kind == "group" and (own := self.own_group(i, j)) is not None:
            return own
        quoted = self.quoted_name(j)
        if quoted is not None and self.opens_clause(j):
            return None  # السفينة "تعرضت لأضرار": quoted words that start with a verb or a function word are said, not a name
        if quoted is not None:
            known = self.ctx.name_at(j)[0]
            if known is not None and known.end >= quoted:
                return None  # قوات "قسد"، مدينة "غزة": a known name in quotes is read as that name
            # الناقلة "نجمة الشمال"، تنظيم "حراس الدين": the name is the quoted words (the head stays a cue)
            return self.mint(i, quoted, head, "discovery:quoted-name", named_from=j)
        if head.kind == "body" and self.ctx.tokens[j].norm in self.ctx.defined_place_heads():
            place = self.ctx.place_anaphor(j)  # "حكومة الإقليم"، "سلطات المدينة": the place named last
            return self.local_body(i, j, j + 1, head, place, anaphoric=True) if place else None
        owner = self.owner_at(j, places_only=head.kind == "site")
        if owner is None and head.kind == "body" and j + 1 < len(self.ctx.tokens) \
                and self.ctx.tokens[j].norm in self.gaz.word_keys("place-head"):
            owner = self.owner_at(j + 1, places_only=True)  # "سلطات ولاية بورنو"، "حكومة إقليم X"
            j = j + 1 if owner else j
        if owner:
            end, key = owner
            if head.kind == "force" and self.ctx.doc.lookup(key).type == "State":
                return self.state_forces(i, j, end, key)  # "قوات إسرائيل": the state's armed forces
            if head.kind == "force" and self.ctx.doc.lookup(key).capital_of:
                return self.state_forces(i, j, end, self.ctx.doc.lookup(key).capital_of)  # "قوات كابول"
            if head.kind in ("force", "site"):
                self.ctx.add(key, j, end, "discovery:owner", 0.9, "qualifier")
                return self.mint(i, end, head, "discovery:owner", parent=key)
            if head.kind == "body" and self.ctx.doc.lookup(key).type != "State":
                return self.local_body(i, j, end, head, key)
            return None  # "مدينة غزة"، "حكومة السودان": the known name is read on its own
        if not head.bare:
            return None
        if head.kind == "area":
            return self.area(i, j, head)
        end = self.modifiers_end(j, head)
        if end == j:
            return None
        end, country = self.nisba_after(end)
        parent = ""
        if head.kind in ("town", "site") and not country:
            parent, country = self.place_after(end)  # "بلدة حلحول شمالي الخليل": in Hebron's country
        return self.mint(i, end, head, "discovery:head", parent=parent, country=country)

    def own_group(self, i: int, j: int) -> int | None:
        """"جبهة فانو"، "ميليشيا فانو": a group head before a known armed group's name is part of that
        name (the group itself, not a second one); returns the end, or None."""
        ctx = self.ctx
        match, _ = ctx.name_at(j)
        entity = ctx.doc.lookup(match.value.key) if match is not None else None
        if entity is None or match.value.kind != "name" or match.proclitic or entity.type != "ArmedGroup" \
                or self.lex.heads.match_at(ctx.tokens, j):
            return None  # "تنظيم حركة الشباب": the name has its own head
        ctx.doc.use(entity)
        ctx.add(entity.key, i, match.end, "discovery:group-head", 0.9, "name", self.proclitic_of(i))
        return match.end

    def area(self, i: int, j: int, head: Head) -> int | None:
        """"منطقة زيدل"، "ولاية كونر"، "بمنطقة بوديل على": an area named by an indefinite word or two (a
        foreign or local name) that punctuation, a function word, a direction or a definite word closes;
        "منطقة نفوذ روسية"، "منطقة عازلة" name nothing. The area is the name, as a town is."""
        town = Head(head.type, "town", True, head.name_en)
        if self.ctx.tokens[j].norm.startswith(self.gaz.words("article")):
            return None  # "منطقة الحدود"، "ولاية البعثة": a common noun or a mandate
        end = self.modifiers_end(j, town, listing=True)
        if end == j or not self.closed(end, area=True):
            return None
        parent, country = self.place_after(end)
        return self.mint(i, end, town, "discovery:area", parent=parent, country=country)

    def town_list(self, i: int, j: int, head: Head) -> int | None:
        """Towns named after a plural or dual head ("قرى وبلدات أم صفا والمغير وسلواد"، "بلدتي
        كيوانجا وروتشورو"): the first as after بلدة, then each name after و, up to a known name,
        a common word or punctuation (a known place is read on its own)."""
        ctx, tokens = self.ctx, self.ctx.tokens
        one = Head(head.type, "town", True, head.name_en)
        if j < len(tokens) and not ctx.punctuation_before(j) and self.conjoined_head(j):
            j += 1  # "قرى وبلدات": two heads, one list
        if j >= len(tokens) or ctx.punctuation_before(j) or ctx.name_at(j)[0] is not None \
                or self.participle(tokens[j].norm) or tokens[j].norm.startswith(self.gaz.words("conjunction")):
            return None  # "قرى مكتظة بالسكان"، "وقرى وتجمعات سكانية": an adjective or a second noun, no list of names
        end = self.modifiers_end(j, one, listing=True)
        if end == j or (head.kind == "areas" and (end >= len(tokens) or ctx.punctuation_before(end)
                                                  or tokens[j].norm.endswith(self.gaz.words("adjective-agreement"))
                                                  or not self.conjoined_town(end))):
            return None  # "مناطق سيطرة الجيش": a plural common head names areas only in a list ("مناطق X وY")
        last = self.mint(j - 1, end, one, "discovery:town-list")
        k = end
        while k < len(tokens) and not ctx.punctuation_before(k) and (name := self.conjoined_town(k)):
            key = mint_key(head.type, name)
            ctx.doc.use(ctx.doc.entities.get(key) or Entity(key=key, type=head.type, name_ar=name, minted=True))
            ctx.add(key, k, k + 1, "discovery:town-list", 0.6, "name", self.gaz.words("conjunction")[0])
            last = k = k + 1
        return last

    def conjoined_head(self, k: int) -> bool:
        """"وبلدات"، "وقرى": a second plural town head after و."""
        from kg.text.clitics import proclitic_variants

        conjunction = self.gaz.words("conjunction")
        return any(p and p.startswith(conjunction) and any(len(phrase) == 1 and h.kind == "towns"
                                                           for phrase, h in self.lex.heads.by_first.get(stem, ()))
                   for stem, p in proclitic_variants(self.ctx.tokens[k].norm)[1:])

    def conjoined_town(self, k: int) -> str:
        """The name after و at token k when it is one plain word naming nothing known ("والمغير"):
        the name without the و, or ""."""
        ctx, gaz = self.ctx, self.gaz
        word = ctx.tokens[k].norm
        conjunction = gaz.words("conjunction")
        if not word.startswith(conjunction) or ctx.name_at(k)[0] is not None:
            return ""
        stem = word[1:]
        if len(stem) < MIN_TOWN_WORD or not stem.isalpha() or stem in gaz.name_stops or stem in self.lex.generic \
                or stem in self.lex.common or self.verb_form(stem) or self.is_trigger(stem) or self.participle(stem) \
                or stem in gaz.word_keys("direction") or self.lex.heads.may_start(stem):
            return ""
        after = k + 1
        if not (after >= len(ctx.tokens) or ctx.punctuation_before(after) or ctx.tokens[after].norm in gaz.name_stops
                or ctx.tokens[after].norm.startswith(conjunction)
                or ctx.tokens[after].norm in gaz.word_keys("direction")):
            return ""  # "وسلواد في"، "والمغير وسلواد": a name ends at a function word or the next و
        return dediacritize(ctx.surface(k, k + 1))[1:]

    def place_after(self, end: int) -> tuple[str, str]:
        """A known place right after a discovered town or site, or after a direction or "في" there
        ("قرية ازايا كورا في منطقة مافا"، "بلدة حلحول شمالي الخليل"): (parent city or region, its state)."""
        ctx, gaz = self.ctx, self.gaz
        k = end
        if k < len(ctx.tokens) and (ctx.tokens[k].norm in gaz.word_keys("direction")
                                    or ctx.tokens[k].norm in gaz.word_keys("place-preposition")):
            k += 1
        if k < len(ctx.tokens) and ctx.tokens[k].norm in gaz.word_keys("place-head"):
            k += 1
        if k >= len(ctx.tokens) or k == end or ctx.punctuation_before(k):
            return "", ""
        match, _ = ctx.name_at(k)
        entity = ctx.doc.lookup(match.value.key) if match is not None else None
        if entity is None or entity.type not in OWNER_TYPES:
            return "", ""
        state = ctx.doc.state_of(entity.key)
        return ("" if entity.type == "State" else entity.key), state

    def state_forces(self, i: int, j: int, end: int, state: str) -> int:
        """"قوات إسرائيل"، "قوات روسيا": the state's armed forces (the gazetteer's, or minted as the
        institution reader mints them), not a group of its own."""
        ctx = self.ctx
        state_entity = ctx.doc.lookup(state)
        ctx.doc.use(state_entity)
        ctx.add(state, j, end, "discovery:owner", 0.9, "qualifier")
        key = self.gaz.state_institutions.get((state, ARMED_FORCES)) or f"{state}_{ARMED_FORCES}"
        proclitic = self.proclitic_of(i)
        ctx.doc.use(ctx.doc.lookup(key) or Entity(
            key=key, type="ArmedForce", name_ar=" ".join(dediacritize(ctx.surface(i, end)).split())[len(proclitic):],
            name_en=f"{state_entity.name_en} Armed Forces", country=state, part_of=state, minted=True))
        ctx.add(key, i, end, "discovery:state-forces", 0.8, "name", proclitic)
        return end

    def local_body(self, i: int, j: int, end: int, head: Head, place: str, anaphoric: bool = False) -> int | None:
        """"سلطات ولاية بورنو"، "حكومة ولاية زامفارا": the place's own body, keyed as the
        institution reader keys it (السلطات في بورنو is the same body), never the state's.
        `anaphoric`: the place is a word for the one named before ("سلطات المدينة"): even a
        capital's own body then, not its state's."""
        ctx = self.ctx
        place_entity = ctx.doc.lookup(place)
        suffix = head.name_en.replace(" ", "")
        if place_entity.capital_of and not anaphoric:  # "حكومة دمشق"، "سلطات أديس أبابا": the capital stands for the state
            state_key = self.gaz.state_institutions.get((place_entity.capital_of, suffix))
            if head.type != "Government" and not state_key:
                return None
            ctx.doc.use(place_entity)
            ctx.add(place, j, end, "discovery:owner", 0.9, "qualifier")
            key = state_key or f"{place_entity.capital_of}_{suffix}"
            state = ctx.doc.lookup(place_entity.capital_of)
            proclitic = self.proclitic_of(i)
            ctx.doc.use(ctx.doc.lookup(key) or Entity(
                key=key, type=head.type, name_ar=" ".join(dediacritize(ctx.surface(i, end)).split())[len(proclitic):],
                name_en=f"{state.name_en} {head.name_en}", country=state.key, part_of=state.key, minted=True))
            ctx.add(key, i, end, "discovery:capital-body", 0.7, "name", proclitic)
            return end
        ctx.add(place, j, end, "anaphor" if anaphoric else "discovery:owner", 0.9, "anaphor" if anaphoric else "qualifier")
        known = local_bodies().get((place, head.type))  # "حكومة الإقليم" after إقليم كردستان: the KRG
        if known:
            ctx.doc.use(ctx.doc.lookup(known))
            ctx.add(known, i, end, "discovery:local-body", 0.8, "name", self.proclitic_of(i))
            return end
        key = f"{place}_{suffix}"
        head_word = self.head_word(i)
        proclitic = ctx.tokens[i].norm[: len(ctx.tokens[i].norm) - len(head_word)] if head_word else ""
        name = " ".join(dediacritize(ctx.surface(i, end)).split())
        if proclitic and name.startswith(proclitic):
            name = name[len(proclitic):]
        ctx.doc.use(ctx.doc.entities.get(key) or Entity(
            key=key, type=head.type, name_ar=name, name_en=f"{place_entity.name_en} {head.name_en}",
            country=ctx.doc.state_of(place), part_of=place, minted=True))
        ctx.add(key, i, end, "discovery:local-body", 0.7, "name", proclitic)
        return end

    def quoted_name(self, j: int) -> int | None:
        """The end of a quoted name starting at token j ("جماعة «نصرة الإسلام والمسلمين»")."""
        ctx = self.ctx
        if not any(mark in ctx.gap_before(j) for mark in OPENING_QUOTES):
            return None
        for k in range(j + 1, min(j + MAX_MODIFIERS + 2, len(ctx.tokens) + 1)):
            gap = ctx.gap_before(k) if k < len(ctx.tokens) else ctx.sentence.text[ctx.tokens[-1].end - ctx.sentence.start:]
            if any(mark in gap for mark in CLOSING_QUOTES):
                return k
            if gap.strip(QUOTE_MARKS):
                return None
        return None

    def opens_clause(self, j: int) -> bool:
        """The word at j starts a clause (a verb, a negation, a preposition: name_rules.tsv `stop`)."""
        word = self.ctx.tokens[j].norm
        return word in self.gaz.word_keys("stop") or self.verb_form(word)

    def owner_at(self, j: int, places_only: bool = False) -> tuple[int, str] | None:
        """A known state, city or region named right after the head (قوات تيغراي، مخيم جنين); a
        site is of a city or region only ("مستشفى الكويت" in Gaza is named after Kuwait)."""
        match, _ = self.ctx.name_at(j)
        if match is None or match.value.kind != "name" or match.proclitic:
            return None
        entity = self.ctx.doc.lookup(match.value.key)
        if entity is None or entity.type not in OWNER_TYPES or (places_only and entity.type == "State"):
            return None
        return match.end, entity.key

    def modifiers_end(self, j: int, head: Head, listing: bool = False) -> int:
        """One construct word, then definite words; no verbs, titles, known names, function words;
        at least one word that is not generic ("مستشفى ميداني" names nothing)."""
        ctx, gaz = self.ctx, self.gaz
        article = gaz.words("article")
        k = j
        while k < len(ctx.tokens) and k - j < MAX_MODIFIERS:
            word = ctx.tokens[k].norm
            if (k > j and ctx.punctuation_before(k)) or not word.isalpha() or word in gaz.name_stops:
                break
            if k > j and self.owner_at(k) and not ctx.tokens[j].norm.startswith(article) and k == j + 1:
                k = self.owner_at(k)[0]  # "ميليشيا درع السودان": a place closes a construct name
                break
            if k == j and head.kind in ("town", "site") and self.verb_form(word):
                break  # "قرية أسفرت عن"، "قرية تقتل": a headline verb, no village
            if k == j and head.kind == "site" and self.participle(word):
                break  # "سجن موحش"، "مخيم مكتظ": an adjective, no name
            if k == j and self.conjoined_common(word):
                break  # "لحكومة وشعب الصومال": a second noun, no name
            if k == j + 1 and head.kind == "town" and self.second_town_word(k) \
                    and not (listing and word.startswith(gaz.words("conjunction"))):  # "مدينتي فادانغورما ويامبا": two towns
                k += 1  # "قرية نياونغ كوني في": two words of a foreign name
                break
            if k == j and word in gaz.name_glue and k + 1 < len(ctx.tokens) and not ctx.punctuation_before(k + 1) \
                    and ctx.tokens[k + 1].norm.isalpha() and ctx.tokens[k + 1].norm not in gaz.name_stops:
                k += 2  # "مدرسة أبو طالب"، "مستشفى أبو يوسف النجار": a compound name's two words
                continue
            if (k > j and not word.startswith(article)) or self.ends_name(k, first=k == j):
                break
            agreement = gaz.words("adjective-agreement")
            if k == j and not word.startswith(article) and word.endswith(agreement) \
                    and ctx.tokens[j - 1].norm.endswith(agreement):
                break  # "جماعة مسلحة": an adjective agreeing with a feminine head ("مخيم كلمة" is a name)
            if word.startswith(gaz.words("stop-prefix")) or (k == j and self.oblique(word) and not (
                    head.kind == "town" and len(word) >= MIN_OBLIQUE_NAME)):
                break  # "مخيم للنازحين"، "قوات بالقرب": a preposition starts something else ("منطقة بوديل" may not)
            k += 1
        while k > j and ctx.tokens[k - 1].norm in self.lex.ends:
            k -= 1  # "بلدة ساكي الواقعة": a participle ends the name
        if not any(t.norm not in self.lex.generic for t in ctx.tokens[j:k]) \
                or (head.kind == "site" and k > j and ctx.tokens[j].norm in self.lex.generic):
            return j  # "قاعدة المعلومات الطائفية": a site named by a common word first is no name
        if k > j and not ctx.tokens[j].norm.startswith(article) and head.kind not in ("town", "site") \
                and (k == j + 1 or ctx.tokens[j].norm in self.lex.generic):
            return j  # an indefinite word alone is an adjective ("جماعة مسلحة"، "جماعة مرتبطة بإيران")
        return k

    def participle(self, word: str) -> bool:
        """An indefinite participle (موحش، مكتظ، مدمر): م + at least three letters, no article."""
        return word.startswith(PARTICIPLE_PREFIX) and len(word) >= MIN_PARTICIPLE \
            and not word.startswith(self.gaz.words("article"))

    def conjoined_common(self, word: str) -> bool:
        """"وشعب"، "وأهالي": a conjunction on a common noun starts a second noun phrase."""
        from kg.text.clitics import proclitic_variants

        conjunction = self.gaz.words("conjunction")
        return any(p and p.startswith(conjunction) and (stem in self.lex.common or stem in self.gaz.org_heads)
                   for stem, p in proclitic_variants(word)[1:])

    def verb_form(self, word: str) -> bool:
        """A verb of the frames inflected (أسفرت، تقتل، يقتل), or a common word (نسب)."""
        from kg.extract.frames import event_vocabulary

        vocabulary = event_vocabulary()
        stems = {word}
        if word.endswith(VERB_SUFFIX):
            stems.add(word[:-len(VERB_SUFFIX)])
        if len(word) >= 4 and word.startswith(VERB_PREFIXES):
            stems.add(word[1:])
        if len(word) >= MIN_IMPERFECT and word.startswith(VERB_PREFIXES[0]) \
                and not (word.endswith(FOREIGN_END) and not word.endswith(PLURAL_VERB_END)):
            return True  # "مخيم يستخدمه": an imperfect verb, no name ("يامبا" ends as foreign names do)
        return word in self.lex.common or bool(stems & vocabulary)

    def second_town_word(self, k: int) -> bool:
        """An indefinite second word of a town's name: a plain word that names and starts nothing,
        followed by punctuation, the sentence's end or a function word ("قرية ازايا كورا في")."""
        ctx, gaz = self.ctx, self.gaz
        word = ctx.tokens[k].norm
        if ctx.punctuation_before(k) or not word.isalpha() or word.startswith(gaz.words("article")) \
                or word in gaz.name_stops or word in self.lex.generic or word in self.lex.common \
                or self.verb_form(word) or self.oblique(word) or self.ends_name(k, first=False) \
                or word in gaz.word_keys("direction") or any(ch.isdigit() for ch in word):
            return False
        after = k + 1
        return after >= len(ctx.tokens) or ctx.punctuation_before(after) or ctx.tokens[after].norm in gaz.name_stops \
            or ctx.tokens[after].norm in gaz.word_keys("direction") \
            or ctx.tokens[after].norm.startswith(gaz.words("conjunction"))  # "بلدات بيت فجار والدوحة"

    def ends_name(self, k: int, first: bool) -> bool:
        """A trigger, title, known name or anaphor at token k ends a discovered name (an
        institution word too, as the first word: "هيئة عمليات التجارة البحرية" keeps البحرية)."""
        from kg.extract.frames import frame_index

        ctx = self.ctx
        word = ctx.tokens[k].norm
        article = self.gaz.words("article")
        if word.startswith(article) and self.is_trigger(word):
            return True  # "جماعة أنصار الحق | الهجوم"
        from kg.extract.ties import tie_lexicon

        if tie_lexicon().phrases.match_at(ctx.tokens, k):
            return True  # "ميليشيا الكرامة | الموالية للحكومة"
        return bool(frame_index().match_at(ctx.tokens, k) or self.gaz.titles.match_at(ctx.tokens, k)
                    or (first and self.gaz.institutions.match_at(ctx.tokens, k)) or ctx.name_at(k)[0]
                    or self.gaz.anaphors.match_at(ctx.tokens, k))

    def is_trigger(self, word: str) -> bool:
        """Is this definite word a word of the frames ("الهجوم") that is no mere adjective?"""
        from kg.extract.frames import event_vocabulary

        return word in event_vocabulary() and word not in self.lex.adjectives

    def oblique(self, word: str) -> bool:
        """A word carrying a prepositional proclitic (ب، ل...)."""
        from kg.text.clitics import proclitic_variants

        clitics = self.gaz.words("description-clitic")
        return word not in self.lex.generic and any(
            p and p.endswith(clitics) for _, p in proclitic_variants(word)[1:])

    def nisba_after(self, end: int) -> tuple[int, str]:
        """A state's nisba right after the name: (end past it, state) or (end, "")."""
        if end >= len(self.ctx.tokens) or self.ctx.punctuation_before(end):
            return end, ""
        match, _ = self.ctx.name_at(end)
        if match is not None and match.value.kind == "nisba" and not match.proclitic:
            return match.end, self.ctx.doc.state_of(match.value.key)
        return end, ""

    # -- given names -----------------------------------------------------------------------------
    def may_begin_before_name(self, word: str) -> bool:
        """Could `after_marker`, `after_person_noun` or `unit_at` read something at a word with this
        key (a word of leading, a noun for a person, a unit's head)?"""
        from kg.text.clitics import proclitic_variants

        gaz = self.gaz
        nouns, heads = gaz.word_keys("person-noun"), gaz.word_keys("unit-head")
        return word in gaz.word_keys("name-marker") or any(stem in gaz.word_keys("nickname") for stem, _
                                                             in proclitic_variants(word)) \
            or any(stem in nouns or stem in heads for stem, _ in proclitic_variants(word))

    def nickname(self, i: int) -> int | None:
        """"بلال خريسات المعروف بـ"أبو خديجة الأردني""، "الملقب بأبي زيد"، "المكنى "أبو نبأ"": after a word
        of naming (name_rules.tsv `nickname`, then بـ، باسم، بلقب) a quoted name or a kunya (أبو، أبي، أبا)
        names a person: the person named right before the word (an alias of the same node), else a
        new one. Returns the nickname's end, or None."""
        from kg.text.clitics import proclitic_variants

        ctx, gaz = self.ctx, self.gaz
        if not any(stem in gaz.word_keys("nickname") for stem, _ in proclitic_variants(ctx.tokens[i].norm)):
            return None
        j = i + 1
        if j < len(ctx.tokens) and ctx.tokens[j].norm in gaz.word_keys("nickname-by"):
            j += 1
        if j >= len(ctx.tokens):
            return None
        start, end = j, self.quoted_name(j)
        if end is None:
            stems = {stem for stem, p in proclitic_variants(ctx.tokens[j].norm) if not p or p == "ب"}
            if not stems & gaz.word_keys("kunya"):
                return None  # "المعروف أن ..."، "المعروف بتشدده": no name after it
            end = self.names.unknown_name_end(j + 1)
            if end == j + 1:
                return None
            if ctx.tokens[j].norm not in gaz.word_keys("kunya"):
                return self.alias_or_person(i, j, end, proclitic_of_kunya=True)
        elif end - start > 4 or self.opens_clause(start):
            return None
        return self.alias_or_person(i, start, end)

    def alias_or_person(self, i: int, start: int, end: int, proclitic_of_kunya: bool = False) -> int:
        """The nickname over [start, end) is an alias of the person whose name ends right before the
        naming word at i, or names a new person."""
        ctx = self.ctx
        before = [m for m in ctx.doc.mentions if m.sentence == ctx.sentence.index and m.token_end == i
                  and m.kind in ("name", "alias") and ctx.doc.lookup(m.entity) is not None
                  and ctx.doc.lookup(m.entity).type == "Person"]
        proclitic = "ب" if proclitic_of_kunya else ""
        if before:
            ctx.add(before[-1].entity, start, end, "discovery:nickname", 0.6, "alias", proclitic)
            return end
        name = dediacritize(ctx.surface(start, end)).translate(QUOTE_STRIP)
        if proclitic and name.startswith(proclitic):
            name = name[len(proclitic):]
        key = mint_key("Person", " ".join(name.split()))
        ctx.doc.use(ctx.doc.entities.get(key) or Entity(key=key, type="Person", name_ar=" ".join(name.split()), minted=True))
        ctx.add(key, start, end, "discovery:nickname", 0.6, "name", proclitic)
        return end

    def after_marker(self, i: int) -> int | None:
        """"بقيادة ديبريتسيون جبريميكائيل": an unknown name of two parts or more right after a word
        of leading (name_rules.tsv `name-marker`) is a person; returns its end, or None."""
        ctx = self.ctx
        if i + 2 > len(ctx.tokens) or ctx.tokens[i].norm not in self.gaz.word_keys("name-marker") \
                or ctx.punctuation_before(i + 1) or ctx.name_at(i + 1)[0]:
            return None
        start, end = i + 1, self.names.unknown_name_end(i + 1)
        if ctx.tokens[start].norm not in self.lex.given:  # two parts, unless it starts with a given name
            end = min(end, start + 2)  # ("بقيادة ديبريتسيون جبريميكائيل متورط": not the participle)
        parts = sum(1 for t in ctx.tokens[start:end] if t.norm not in self.gaz.name_glue)
        if parts < 2:
            return None
        return self.person(start, end, "discovery:after-marker")

    def after_person_noun(self, i: int) -> int | None:
        """"استشهد الشاب يزن عثمان بكر شيحة (23 عاماً)"، "والطفل أيهم محمود": an unknown name of two to
        four parts right after a common noun for a person (name_rules.tsv `person-noun`) is that person,
        when punctuation, the sentence's end or a function word closes it; the noun is no part of it."""
        from kg.text.clitics import proclitic_variants

        ctx, gaz = self.ctx, self.gaz
        nouns = gaz.word_keys("person-noun")
        start = i + 1
        if start >= len(ctx.tokens) or not any(stem in nouns for stem, _ in proclitic_variants(ctx.tokens[i].norm)) \
                or ctx.punctuation_before(start) or ctx.name_at(start)[0]:
            return None
        end = self.names.unknown_name_end(start, PERSON_NOUN_PARTS)
        if end == start and ctx.tokens[start].norm in self.lex.given and start + 1 < len(ctx.tokens):
            end = self.names.unknown_name_end(start + 1, PERSON_NOUN_PARTS - 1)  # "الطفل أمير مأمون": a given name that is a title too
        conjunction = gaz.words("conjunction")
        for k in range(start, end):  # "الطفل محمد وشقيقه"، "عودة استشهد"، "الطفل بجروح": a second noun, a verb
            word = ctx.tokens[k].norm
            if word in self.lex.given:
                continue  # "أمير"، "بكر"، "وليد": a given name stays one even where a word looks like it
            if word.startswith(conjunction) or word in self.lex.casualty or self.verb_form(word) \
                    or (k == start and self.oblique(word)) or (k > start and self.on_function_word(word)):
                end = k
                break
        article = gaz.words("article")
        if start < end < len(ctx.tokens) and end - start < PERSON_NOUN_PARTS and not ctx.punctuation_before(end) \
                and ctx.tokens[end].norm.startswith(article) and self.names.is_family_name(ctx.tokens[end].norm) \
                and ctx.tokens[end].norm[len(article[0]):] not in self.lex.casualty \
                and not ctx.starts_lexicon(end) and self.closed(end + 1):
            end += 1  # "أيهم محمود الشافعي (14 عاماً)": a family name with the article ends the name
        parts = sum(1 for t in ctx.tokens[start:end] if t.norm not in gaz.name_glue)
        if parts < 2 or not self.closed(end):
            return None
        return self.person(start, end, "discovery:person-noun")

    def on_function_word(self, word: str) -> bool:
        """"بوسط"، "لدى": a proclitic on a function word or a direction ends a name ("السيدة زينب بوسط القاهرة")."""
        from kg.text.clitics import proclitic_variants

        gaz = self.gaz
        return any(p and (stem in gaz.name_stops or stem in gaz.word_keys("direction"))
                   for stem, p in proclitic_variants(word)[1:])

    def unit_at(self, i: int) -> int | None:
        """"اللواء السابع"، "الفرقة 25 مشاة"، "للكتيبة الثانية": a military unit named by its head
        (name_rules.tsv `unit-head`) and an ordinal or a number, then unit words and the state's nisba
        (which gives its country); a rank "اللواء فلان" is no unit. The gazetteer's units are read as names."""
        from kg.text.clitics import proclitic_variants

        ctx, gaz = self.ctx, self.gaz
        j = i + 1
        heads = gaz.word_keys("unit-head")
        if j >= len(ctx.tokens):
            return None
        head = next(((stem, p) for stem, p in proclitic_variants(ctx.tokens[i].norm) if stem in heads), None)
        number = ctx.tokens[j].norm
        if head is None or not (number.isdigit() or number in self.lex.ordinals):
            return None  # (asked first: the cheap test, at every token; the ones below are pure too)
        if ctx.punctuation_before(j) or ctx.name_at(i)[0] is not None:
            return None
        end = j + 1
        if number.isdigit() and end < len(ctx.tokens) and ctx.tokens[end].norm in self.lex.months:
            end += 1  # "فرقة 12 أبريل": a unit named by a date
        while end < len(ctx.tokens) and not ctx.punctuation_before(end) and ctx.tokens[end].norm in gaz.word_keys("unit-word"):
            end += 1
        end, country = self.nisba_after(end)
        proclitic = head[1]
        name = " ".join(dediacritize(ctx.surface(i, end)).split())[len(proclitic):]
        key = mint_key("ArmedForce", name if not country else f"{name} {country}")
        ctx.doc.use(ctx.doc.entities.get(key) or Entity(key=key, type="ArmedForce", name_ar=name, country=country,
                                                         part_of=country, minted=True))
        ctx.add(key, i, end, "discovery:unit", 0.6, "name", proclitic)
        return end

    def closed(self, k: int, area: bool = False) -> bool:
        """Does a name end before token k: punctuation, the sentence's end, a function word, a conjoined
        word, a verb, a definite word, or a known word (not one more plain word that may be a name part)?
        For an area, a direction or a word on a preposition ("منطقة كونكورول بولاية ديدوغو") instead of a
        known word ("منطقة نفوذ روسية": an indefinite nisba is an adjective)."""
        ctx, gaz = self.ctx, self.gaz
        if k >= len(ctx.tokens) or ctx.punctuation_before(k):
            return True
        word = ctx.tokens[k].norm
        if word in gaz.name_stops or word.startswith(gaz.words("conjunction")) or word in self.lex.casualty \
                or word.startswith(gaz.words("article")) or not word.isalpha() or self.verb_form(word):
            return True
        if area:
            return word in gaz.word_keys("direction") or self.oblique(word)
        return ctx.starts_lexicon(k)

    def given_name(self, i: int) -> int | None:
        end = self.names.unknown_name_end(i)
        longer = self.names.unknown_name_end(i, LONG_NAME_PARTS)
        if longer > end and (longer >= len(self.ctx.tokens) or self.ctx.punctuation_before(longer)) \
                and all(self.may_extend(t.norm) for t in self.ctx.tokens[i + 1:longer]):
            end = longer  # "أحمد شيخ عمر عدو غعل،": a name of five parts that punctuation closes
        parts = sum(1 for t in self.ctx.tokens[i:end] if t.norm not in self.gaz.name_glue)
        if end - i < 2 or parts < 2:
            return None  # "عبد الله" alone is a given name, not yet a person
        ctx = self.ctx
        if ctx.tokens[i].norm in self.lex.common_given and end - i == 2 \
                and ctx.tokens[i + 1].norm.startswith(self.gaz.words("article")):
            return None  # "عمر الطفل": the child's age, not a person
        return self.person(i, end, "discovery:given-name")

    def before_title(self, i: int) -> int | None:
        """"وقال خينج ثوخا، المتحدث باسم جيش أراكان": an unknown name of two or three parts set off by a
        comma right before a title is that title's holder, a person; returns its end, or None."""
        ctx, gaz = self.ctx, self.gaz
        if not self.title_within_reach()[i] or ctx.name_at(i)[0] is not None or ctx.starts_lexicon(i):
            return None
        end = self.names.unknown_name_end(i)
        parts = sum(1 for t in ctx.tokens[i:end] if t.norm not in gaz.name_glue)
        if parts < 2 or end >= len(ctx.tokens) or ctx.gap_before(end).strip() not in gaz.words("apposition-comma") \
                or not gaz.titles.match_at(ctx.tokens, end) \
                or not all(self.may_extend(t.norm, accusative=False) for t in ctx.tokens[i:end]):
            return None
        return self.person(i, end, "discovery:before-title")

    def title_within_reach(self) -> list[bool]:
        """Per token i: may a name read from i (`unknown_name_end`) end right before a comma and a
        title? Worked out once a sentence, so `before_title` skips the name reading at the other
        tokens. The name stops at the first punctuation after i (or one ال-word past it), so the
        comma and title must come by then; the name has two parts, so not before i + 2."""
        if self.reach is not None:
            return self.reach
        ctx, gaz = self.ctx, self.gaz
        n = len(ctx.tokens)
        commas = gaz.words("apposition-comma")
        titled = [False] * (n + 2)
        punctuated = [False] * (n + 2)
        for k in range(1, n):
            punctuated[k] = ctx.punctuation_before(k)
            titled[k] = ctx.gap_before(k).strip() in commas and bool(gaz.titles.match_at(ctx.tokens, k))
        reach = [False] * n
        if any(titled):
            stop = n  # the first punctuated token after i (n if none)
            for i in range(n - 1, -1, -1):
                reach[i] = any(titled[k] for k in range(i + 2, min(stop + 1, n) + 1))
                if punctuated[i]:
                    stop = i
        self.reach = reach
        return reach

    def may_extend(self, word: str, accusative: bool = True) -> bool:
        """May this word stand in a name read to punctuation? Not a conjoined word, a verb, a casualty or
        common word, a word on a function word, nor (`accusative`) a word in alif after a given name's
        usual parts ("عمر وزوجته خولة"، "ميلز فائزا"; "خينج ثوخا،" before a title may end so)."""
        return not (word.startswith(self.gaz.words("conjunction")) or word in self.lex.casualty
                    or self.verb_form(word) or self.on_function_word(word) or word in self.lex.generic
                    or word in self.lex.common
                    or (accusative and word.endswith(FOREIGN_END) and word not in self.lex.given))

    def person(self, start: int, end: int, rule: str) -> int:
        """A person with no title over tokens [start, end), minted from the name as written."""
        ctx = self.ctx
        name = dediacritize(ctx.surface(start, end))
        key = mint_key("Person", name)
        ctx.doc.use(ctx.doc.entities.get(key) or Entity(key=key, type="Person", name_ar=name, minted=True))
        ctx.add(key, start, end, rule, 0.6, "name")
        self.names.remember_person(start, end, key)
        return end

    # -- output ----------------------------------------------------------------------------------
    def mint(self, i: int, end: int, head: Head, rule: str, parent: str = "", country: str = "",
             named_from: int | None = None) -> int:
        """A new entity for the name over tokens [i, end): type from the head, part of its owner; its
        name is read from token named_from on when the head is no part of it (a quoted name:
        تنظيم «حراس الدين»، السفينة «ستار أيرس»)."""
        ctx = self.ctx
        head_word = self.head_word(i)
        proclitic = ctx.tokens[i].norm[: len(ctx.tokens[i].norm) - len(head_word)] if head_word else ""
        name = dediacritize(ctx.surface(i if named_from is None else named_from, end))
        name = name.replace("«", "").replace("»", "").replace('"', "")
        name = " ".join(name.split())
        if proclitic and named_from is None and name.startswith(proclitic):
            name = name[len(proclitic):]
        start = i
        if head.kind == "town":  # "بلدة ساكي": the town is ساكي
            start, proclitic = i + 1, ""
            name = " ".join(dediacritize(ctx.surface(start, end)).translate(QUOTE_STRIP).split())
        key = mint_key(head.type, name)
        parent_entity = ctx.doc.lookup(parent) if parent else None
        country = country or (ctx.doc.state_of(parent) if parent else "")
        entity = ctx.doc.entities.get(key) or Entity(
            key=key, type=head.type, name_ar=name, country=country, part_of=parent or country,
            name_en=f"{parent_entity.name_en} {head.name_en}" if parent_entity else "", minted=True,
        )
        ctx.doc.use(entity)
        if named_from is not None and named_from > start:
            # the name is the quoted words; the head noun before them refers to it, as an anaphor does
            ctx.add(key, start, named_from, f"{rule}:head", 0.6, "anaphor", proclitic)
            start, proclitic = named_from, ""
        ctx.add(key, start, end, rule, 0.6, "name", proclitic)
        return end

    def proclitic_of(self, i: int) -> str:
        """The proclitics before the head at token i ("لحكومة": ل)."""
        head_word = self.head_word(i)
        return self.ctx.tokens[i].norm[: len(self.ctx.tokens[i].norm) - len(head_word)] if head_word else ""

    def head_word(self, i: int) -> str:
        """The head as matched at token i, without its proclitics ("" if none)."""
        from kg.text.clitics import proclitic_variants

        for stem, _ in proclitic_variants(self.ctx.tokens[i].norm):
            if stem in self.lex.heads.by_first:
                return stem
        return ""
