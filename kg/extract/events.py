"""Frame events of one sentence, in small pieces with one job each.

    SentenceView     what every piece reads: tokens, mention groups and their markers, quotations
    TriggerFinder    frame triggers (kg/data/frames.tsv + kg/data/frames/*.tsv), cues, negation
    SubjectFinder    a verb's subject: after a verb-initial trigger (أعلنت روسيا), before it
                     (الجيش أعلن), after أن, or carried over by an explicit rule (وأضاف أن...)
    TargetFinder     the object by the marker the frame names (اتصل بـ، دعا ... إلى), the free-text
                     object (طالب بوقف القتال)
    AGENT_MODES      the frames' `agent` column: a table of small functions keyed by its words
    EventAssembler   one `Event` per trigger from the pieces above

Function words come from the language package (`kg.lang.ar`), never from this file.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable

from kg.extract.actors.institutions import PLACE_TYPES  # mentions that name where, not who
from kg.extract.act_agent import fill_act_agent_targets
from kg.extract.capitals import CAPITAL_RULE, capital_descriptions
from kg.extract.member_owner import member_owners
from kg.extract.actors.titles import CROWD_RULE
from kg.extract.clauses import Clause, clause_of_tokens, segment
from kg.extract.entities import DocumentEntities
from kg.data import alternatives, read_tsv
from kg.extract.frames import Frame, frame_index, word_class
from kg.extract.phrases import PhraseList, PhraseMatch, phrase_list
from kg.text.segment import punctuated
from kg.extract.places import locatives
from kg.extract.ties import lead_words, speaking_roles
from kg.graph.vocabulary import event_kind, relation_kinds, thing_classes, vocabulary
from kg.lang import ar
from kg.model import Event, Mention, Sentence
from kg.text.clitics import enclitic_variants, ends_with_ta_marbuta, proclitic_variants, stems
from kg.text.normalize import normalize_phrase, normalize_word

SUBJECT_WINDOW = 8
TARGET_WINDOW = 14
ABOUT_WORDS = 4
VETO_REACH = 4  # words around a trigger where a frame's negative cue vetoes it
ABOUT_REACH = 3
RECEIVE_REACH = 16  # words from a receiving verb (تلقى) to the call it receives
HOST_REACH = 4  # words between a host and the delegation he receives (a day, a time)
NOUN_MODES = ("governor", "governor-target")  # frames.tsv agent modes of nouns (their actor is the verb's)
TITLE_WORDS = 10  # words a title before a name may span (وزير الشؤون الخارجية والتعاون الدولي الصومالي معالي السيد)
LEADER_REACH = 6  # words from a lead marker (برئاسة) to its leader's name, past his title
COMPLEMENT_REACH = 40  # words between أن/إن and the verb it introduces
LOOKBACK = 24  # earlier triggers of the sentence a trigger may depend on (governor, speaker)  # the free-text object follows the verb's arguments closely
GENDER_CHECKED_TYPES = {"ArmedForce", "Ministry", "GovernmentBody", "Government", "Parliament"}
OWNER_AGENT_TYPES = {"ArmedGroup", "ArmedForce", "State", "Government"}  # who owns an act named after ل (هجوم لحركة الشباب)
AGENT_MARK = "by"  # marker of a name after من قبل / من جانب: the agent of the act before it
OWNER_MARK = "owner"  # marker of a name after تابعة لـ: the owner of the noun before it
AGENT_PHRASE_REACH = 6  # tokens from a trigger to the name of its agent phrase (لقصف عنيف من قبل X)
NP_REACH = 5  # words of an unnamed subject's noun phrase read for its nisba or owner (طائرات حربية مجهولة الهوية)
BACKGROUND_REACH = 2  # words around an event noun where a past marker (سابق، ذكرى) makes it background
SOURCE_REACH = 3  # tokens from بحسب (or its "ما" + verb) to the start of the source's name
RESUMPTIVE_GAP = 2  # adjectives between an event noun and the light verb that carries its pronoun (قصف صاروخي متكرر شنته)
RELATIVE_EVENT_REACH = 6  # words between an event trigger (or its agent) and a relative pronoun that tells its objects


@lru_cache(maxsize=1)
def located_types() -> frozenset[str]:
    """Classes of places (states too) that a locative phrase names as where, never as who."""
    from kg.graph.vocabulary import place_classes
    return frozenset(place_classes())


@lru_cache(maxsize=None)
def phrases(role: str) -> tuple[tuple[str, ...], ...]:
    """The word keys of a role of words.tsv whose forms are phrases (من قبل، على أيدي)."""
    return tuple(normalize_phrase(w) for w in ar.words(role))


@lru_cache(maxsize=1)
def number_words() -> frozenset[str]:
    """One-word number words (kg/data/numbers.tsv): خمس طائرات is an unnamed subject too."""
    found = {normalize_word(w) for row in read_tsv("numbers.tsv") for w in alternatives(row["word"])
             if " " not in w}
    return frozenset(found)


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    return (word_class("particle") | word_class("coordinator") | word_class("complementizer")
            | word_class("preposition") | word_class("negator"))


class PronounSubject(tuple):
    """The subject is a pronoun on أن/إن: the keys of the actor it refers to."""

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self)


PLAIN_SUBJECT: list = []  # sentinel: the subject is a noun that names no actor


@dataclass
class Group:
    """Mentions at one span (an anaphor such as البلدين stands for two entities)."""

    start: int
    end: int
    keys: list[str]
    marker: str  # "obj" or the preposition introducing it
    proclitic: str
    mention: Mention
    part_of: str = ""  # "لدورية من الجيش": the marker of the unit noun this force is named after


@dataclass
class Trigger:
    start: int
    end: int
    frame: Frame
    proclitic: str
    enclitic: bool
    event: Event | None = None
    agent_end: int = 0  # token where the agent found for it ends
    merged: Event | None = None  # the earlier event this trigger only restates


# -- the shared view ---------------------------------------------------------------------------
@dataclass
class SentenceView:
    """One sentence as every piece reads it; built once, then read-only."""

    doc: DocumentEntities
    sentence: Sentence
    mentions: list[Mention]
    groups: list[Group] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)  # token indices inside mentions
    region: list[int] = field(default_factory=list)  # per token: which quotation it is in, or -1
    stems: set[str] = field(default_factory=set)  # every reading of the words outside names
    place_reader: object = None  # kg.extract.places.PlaceReader, made when first asked (locative)
    breaks: list[int] = field(default_factory=list)  # per token: the next clause-punctuation break
    group_starts: list[int] = field(default_factory=list)  # groups' start tokens, for binary search
    group_at: dict[int, Group] = field(default_factory=dict)  # token -> the group covering it
    group_ending: dict[int, list[Group]] = field(default_factory=dict)  # end token -> groups
    nisba_at: dict[int, list[Mention]] = field(default_factory=dict)  # start token -> nisba mentions

    @classmethod
    def build(cls, doc: DocumentEntities, sentence: Sentence, mentions: list[Mention],
              quotes: list[tuple[int, int, str]]) -> "SentenceView":
        view = cls(doc, sentence, mentions)
        view.breaks = next_breaks(sentence)  # before the groups: punctuation ends a list of names
        view.index_groups()
        view.region = quote_regions(sentence, quotes)
        cue_words = {i for m in mentions if m.rule == CROWD_RULE or view.is_thing(m.entity)
                     for i in range(m.token_start, m.token_end)}
        for i, token in enumerate(sentence.tokens):
            # a cue inside a name ("قوات الدعم السريع") is no cue; a crowd's words are ("فرقت الشرطة المتظاهرين"),
            # and so is a ship's kind ("احتجزت ناقلة النفط «نيوفي»": a seizure of a tanker)
            if i not in view.covered or i in cue_words:
                view.stems.update(stems(token.norm))
        return view

    def is_thing(self, key: str) -> bool:
        """A named thing that is no actor and no place (a ship): its kind's words are words of the sentence."""
        entity = self.doc.entities.get(key)
        return entity is not None and entity.type in thing_classes()

    def index_groups(self) -> None:
        prepositions = word_class("preposition")
        by_span: dict[tuple[int, int], Group] = {}
        described = capital_descriptions(self.doc.gazetteer, self.sentence, self.mentions, self.doc.state_of)
        consumed = {(m.token_start + 1, m.token_end) for m in described}  # the nisbas they are made of
        for mention in sorted(self.mentions + described, key=lambda m: m.token_start):
            self.covered.update(range(mention.token_start, mention.token_end))
            if mention.kind in ("nisba", "qualifier"):
                continue
            span = (mention.token_start, mention.token_end)
            if span in by_span:
                by_span[span].keys.append(mention.entity)
                continue
            group = Group(span[0], span[1], [mention.entity], "obj", mention.proclitic, mention)
            group.marker = self.marker_of(group, prepositions)
            group.part_of = self.owned_marker(group, prepositions) if group.marker == OWNER_MARK \
                else self.unit_marker(group, prepositions)
            by_span[span] = group
            self.groups.append(group)
        self.group_starts = [g.start for g in self.groups]
        for group in self.groups:
            self.group_ending.setdefault(group.end, []).append(group)
            for i in range(group.start, group.end):
                self.group_at.setdefault(i, group)
        for mention in self.mentions:
            if mention.kind == "nisba" and (mention.token_start, mention.token_end) not in consumed:
                self.nisba_at.setdefault(mention.token_start, []).append(mention)

    def marker_of(self, group: Group, prepositions: frozenset[str]) -> str:
        """What introduces a name: an agent phrase (من قبل), an owner word (تابعة لـ), a
        preposition or oblique proclitic, else "obj"."""
        if self.phrase_before(group.start, "agent-phrase") or group.start > 0 and self.phrase_before(group.start - 1, "agent-phrase") \
                and self.sentence.tokens[group.start - 1].norm in ar.keys("unnamed-agent") | ar.keys("unit-noun"):
            return AGENT_MARK  # "من قبل (عناصر) لواء طارق بن زياد"
        if self.owner_word_before(group):
            return OWNER_MARK
        if self.phrase_before(group.start, "both-phrase") and (group.start < 3 or self.sentence.tokens[
                group.start - 3].norm not in prepositions):
            return "obj"  # "دعت X كلا من أذربيجان وأرمينيا": both are the object
        if group.mention.titled and not group.proclitic.strip(ar.words("conjunction")[0]):
            # the title before it is what a preposition attaches to: "إلى الرئيس فلان"، "مع نظيره الفرنسي فلان"
            return self.title_marker(group, prepositions)
        for clitic in ar.words("oblique-clitic"):
            if clitic in group.proclitic:
                return clitic
        previous_group = self.groups[-1] if self.groups else None
        if previous_group is not None and previous_group.end == group.start and not group.proclitic \
                and previous_group.keys == [group.mention.entity] \
                and (place := self.doc.entities.get(group.mention.entity)) is not None and place.type in located_types():
            return previous_group.marker  # "في العاصمة الليبية طرابلس": the name restates the description before it
        i = group.start - 1
        if i < 0:
            return "obj"
        previous = self.sentence.tokens[i].norm
        if previous in prepositions:
            return previous
        joined = next((stem for stem, clitic in proclitic_variants(previous)[1:]
                       if clitic in ar.words("coordinating-clitic") and stem in prepositions), "")
        if joined:
            return joined  # "وفي موسكو دعا": where, no subject; "وعلى رفح": a target
        if self.groups and self.coordinated(self.groups[-1], group):
            return self.groups[-1].marker  # coordinated: "X and Y" share a preposition
        if previous not in self.doc.gazetteer.name_stops and i not in self.covered \
                and previous not in ar.keys("not-construct"):
            construct = ar.words("construct-clitic")
            for stem, proclitic in proclitic_variants(previous)[1:]:
                if proclitic and proclitic[-1] in construct and len(stem) >= 3:
                    return proclitic[-1]  # construct state: "for the forces of X"
        return "obj"

    def title_start(self, start: int) -> int:
        """The first token of the title before the name at token `start`: the earliest title word
        read back over its description, a nisba and a body or state named in it ("إلى الأمين العام
        للأمم المتحدة فلان"، "بين وزير الشؤون الخارجية والتعاون الدولي الصومالي معالي السيد فلان"), up
        to a preposition, punctuation or another person; `start` if none."""
        tokens, titles = self.sentence.tokens, self.doc.gazetteer.titles
        prepositions = word_class("preposition")
        people = {n for m in self.mentions if m.token_end <= start and m.kind == "name"
                  and (e := self.doc.entities.get(m.entity)) is not None and e.type == "Person"
                  for n in range(m.token_start, m.token_end)}
        first = start
        for i in range(start - 1, max(-1, start - TITLE_WORDS - 1), -1):
            if self.breaks[i + 1] <= start or tokens[i].norm in prepositions or i in people:
                break
            if titles.match_at(tokens, i):
                first = i
        return first

    def title_marker(self, group: Group, prepositions: frozenset[str]) -> str:
        """The preposition word before the title of a titled name ("إلى الرئيس فلان"، "إلى الأمين العام
        للأمم المتحدة فلان"), or before an office named by its title alone ("من رئيس وزراء إثيوبيا");
        a titled name joined by و to the name before shares its marker ("بين فلان ونظيره المصري فلان");
        else "obj". A ل/ب on the title is left as it was (obj): "للرئيس فلان" may be a construct or an agent."""
        tokens = self.sentence.tokens
        k = self.title_start(group.start)
        if k < group.start and self.doc.gazetteer.titles.match_at(tokens, k)[0].proclitic:
            if self.groups and self.coordinated(self.groups[-1], group):
                return self.groups[-1].marker
            return "obj"
        if k == 0:
            return "obj"
        previous = tokens[k - 1].norm
        return previous if previous in prepositions else "obj"

    def owned_marker(self, group: Group, prepositions: frozenset[str]) -> str:
        """"على موقعين حدوديين تابعين للجيش": the marker of the noun phrase that belongs to the
        owner (the preposition or ب/ل before it, else "obj"), read back over its adjectives."""
        tokens = self.sentence.tokens
        i = group.start - 1
        while i >= 0 and tokens[i].norm not in ar.keys("affiliation"):
            i -= 1
        nisba = {n for m in self.mentions if m.kind == "nisba" for n in range(m.token_start, m.token_end)}
        reach = 4 + sum(1 for n in range(max(0, i - 4), i) if n in nisba)
        for k in range(i - 1, max(-1, i - reach), -1):
            word = tokens[k].norm
            if word in prepositions:
                return word
            if k in nisba:
                continue  # "بين الفصائل السورية المسلحة التابعة لـ": a nisba adjective of the noun
            if k in self.covered or word in function_words():
                break
            clitics = [p for _, p in proclitic_variants(word)[1:] if p[-1:] in ar.words("oblique-clitic")]
            if clitics and word not in ar.keys("not-construct"):
                return clitics[0][-1]
        return "obj"

    def unit_marker(self, group: Group, prepositions: frozenset[str]) -> str:
        """"لدورية من الجيش الصومالي"، "مقاتلين من حزب الله"، "أجزاء واسعة من بلدة X"، "على مواقع
        للحوثيين"، "قاعدة للجيش": the marker of the unit, partitive or held noun before من (or before
        the owner's ل, past one adjective): its ل/ب, the preposition before it, else "obj"; or ""."""
        tokens = self.sentence.tokens
        if group.marker == ar.word("from"):
            nouns = ar.keys("unit-noun") | ar.keys("partitive-noun")
            i = group.start - 2
        elif group.marker == ar.word("owner-preposition"):  # the name carries ل: "للجيش"
            # (also a craft or force noun: "الطيران الحربي للجيش السوداني" is the army's)
            nouns = ar.keys("unit-noun") | ar.keys("partitive-noun") | ar.keys("held-noun") | ar.keys("unnamed-agent")
            i = group.start - 1
            if i >= 0 and (normalize_word(tokens[i].text.rstrip("ـ")) == group.marker
                           or not group.proclitic.endswith(group.marker)):
                i -= 1  # "لـ" written apart, or on the noun before the name ("مواقع لتنظيم X")
        else:
            return ""
        if i < 0 or i in self.covered:
            return ""
        if i > 0 and i - 1 not in self.covered and tokens[i].norm not in function_words() \
                and not any(stem in nouns for stem, _ in proclitic_variants(tokens[i].norm)) \
                and any(stem in nouns for stem, _ in proclitic_variants(tokens[i - 1].norm)):
            i -= 1  # "أجزاء واسعة من"، "مواقع عسكرية للجيش": the noun, past its adjective
        for stem, proclitic in proclitic_variants(tokens[i].norm):
            if stem in nouns:
                clitic = proclitic.lstrip(ar.words("conjunction")[0])
                if clitic:
                    return clitic[-1]
                if proclitic and group.marker == ar.word("from"):
                    # "بين الجيش ومسلحين من داعش": a unit joined by و to a name shares that name's marker
                    joined = next((g for g in self.groups if g.end == i), None)
                    if joined is not None and joined.marker == ar.word("between"):
                        return joined.marker
                return tokens[i - 1].norm if i > 0 and tokens[i - 1].norm in prepositions else "obj"
        return ""

    def phrase_before(self, start: int, role: str) -> bool:
        """One of the phrases of a words.tsv role ends right before token `start`."""
        listed = phrases(role)
        return phrase_list(listed).ends_at(self.sentence.tokens, start) or (() in listed and start >= 0)

    def owner_word_before(self, group: Group) -> bool:
        """"تابعة لقوات X"، "التابعة لـ X": an owner word, then ل on the name or on its own."""
        tokens, i = self.sentence.tokens, group.start - 1
        lam = ar.word("owner-preposition")
        if i >= 1 and normalize_word(tokens[i].text.rstrip("ـ")) == lam:
            i -= 1  # "لـ" written apart
        elif not group.proclitic.endswith(lam):
            return False
        if i < 0 or tokens[i].norm not in ar.keys("affiliation"):
            return False
        # "جماعة نصرة الإسلام الإرهابية التابعة لتنظيم القاعدة": what belongs is a name, not a noun
        nisba = {n for m in self.mentions if m.kind == "nisba" for n in range(m.token_start, m.token_end)}
        return not any(k in self.covered and k not in nisba for k in range(max(0, i - 2), i))

    # -- reading helpers ------------------------------------------------------------------------
    def groups_between(self, start: int, end: int, region: int | None = None) -> list[Group]:
        """Groups inside [start, end), in the same quotation (or outside all) when region is given."""
        first, last = bisect_left(self.group_starts, start), bisect_left(self.group_starts, end)
        return [g for g in self.groups[first:last] if g.end <= end
                and (region is None or self.region[g.start] == region)]

    def is_complementizer(self, i: int) -> bool:
        tokens = self.sentence.tokens
        return 0 <= i < len(tokens) and tokens[i].norm in word_class("complementizer")

    def complement_before(self, trigger: Trigger, since: int) -> int:
        """Token index of the nearest أن/إن between `since` and the trigger (at most
        COMPLEMENT_REACH words back), or -1."""
        for i in range(trigger.start - 1, max(since, trigger.start - COMPLEMENT_REACH) - 1, -1):
            if self.is_complementizer(i):
                return i
        return -1

    def coordinated(self, previous: Group, group: Group) -> bool:
        """"X and Y" or "X and the French Y": joined by the conjunction with at most one word between."""
        conjunction = ar.words("conjunction")[0]
        gap = group.start - previous.end
        if self.joined_again(previous, group):
            return True
        if self.breaks and previous.end < len(self.breaks) and self.breaks[previous.end] <= group.start:
            return False  # "around Sake, and it called on Rwanda": punctuation ends the list
        if gap == 0:
            return group.proclitic.startswith(conjunction)
        if 1 < gap <= TITLE_WORDS and self.title_start(group.start) == previous.end:
            return self.sentence.tokens[previous.end].text.startswith(conjunction)  # "X ونظيره المصري Y"
        if gap != 1:
            return False
        between = self.sentence.tokens[previous.end]
        # (a locative word that begins with the letter is no conjunction: "هاجمت روسيا وسط العاصمة")
        return between.text.startswith(conjunction) and between.norm not in locatives().prepositions

    def joined_again(self, previous: Group, group: Group) -> bool:
        """"بين X وبين (مقاتلي) Y"، "بين X من جهة، و(مسلحي) Y من جهة أخرى": the second party of a
        pair is introduced again, past the first's side phrase (words.tsv side-phrase) and its comma."""
        words = [t.norm for t in self.sentence.tokens[previous.end:group.start]]
        conjunction = ar.words("conjunction")[0]
        side = next((p for p in phrases("side-phrase") if tuple(words[:len(p)]) == p), ())
        words = words[len(side):]
        if words and words[0] == conjunction + ar.word("between"):
            return len(words) <= 2  # "وبين Y"، "وبين مقاتلي Y"
        if not side or len(words) > 1:
            return False
        return (words[0] if words else group.proclitic).startswith(conjunction)

    def with_coordinated(self, groups: list[Group], first: Group) -> list[Group]:
        chosen, last = [first], first
        position = groups.index(first)
        for group in groups[position + 1:]:
            if set(group.keys) <= set(last.keys) and group.start - last.end <= 1:
                last = group  # "قوات سوريا الديمقراطية (قسد) و...": the same actor again, in brackets
                continue
            if self.coordinated(last, group):
                chosen.append(group)
                last = group
            else:
                break
        return chosen

    def can_act(self, group: Group) -> bool:
        """Places do not act, except capitals standing for their government (موسكو); nor does a
        state named where something happened (الغارات في شرق لبنان استهدفت: not Lebanon)."""
        entity = self.doc.entities.get(group.keys[0])
        if entity is not None and entity.type in located_types() and self.locative(group):
            return False
        if group.mention.rule == CAPITAL_RULE:
            return False  # "العاصمة اللبنانية" is the city (kg/extract/capitals.py), never its government acting
        return entity is None or entity.type not in PLACE_TYPES or bool(entity.capital_of)

    def locative(self, group: Group) -> bool:
        """The group follows a locative (في، قرب، في شرق، بمدينة...: kg/lang/ar/locatives.tsv)."""
        if self.place_reader is None:
            from kg.extract.places import PlaceReader
            self.place_reader = PlaceReader(self.doc.entities, self, None, [])
        return self.place_reader.locative(group)

    def as_actor(self, key: str) -> str:
        """A capital standing for its government: موسكو -> Russia."""
        entity = self.doc.entities.get(key)
        if entity is not None and entity.type == "City" and entity.capital_of:
            return entity.capital_of
        return key

    def same_clause(self, start: int, end: int) -> bool:
        """No comma or semicolon between token `start` and token `end`."""
        return self.clause_end(max(start - 1, 0)) > end

    def clause_end(self, start: int) -> int:
        """The first token after `start` that follows a comma, semicolon or colon."""
        if start + 1 >= len(self.breaks):
            return len(self.sentence.tokens)
        return self.breaks[start + 1]

    def coordinated_nisbas(self, end: int) -> tuple[list[str], int]:
        """"القوات الأرمينية والأذرية": the states of the nisba adjectives joined by و right after a
        name ending at `end` (each another party's), and the token after them."""
        conjunction, found, tokens = ar.words("conjunction")[0], [], self.sentence.tokens
        while end < len(tokens) and self.breaks[end] != end:
            mention = next((m for m in self.nisba_at.get(end, ()) if m.proclitic.startswith(conjunction)), None)
            if mention is None and end not in self.covered and any(
                    clitic == conjunction and stem in ar.keys("unnamed-agent")
                    for stem, clitic in proclitic_variants(tokens[end].norm)[1:]):
                # "وفصائل المقاومة الفلسطينية": an unnamed party named by its nisba
                mention = next((m for k in range(end + 1, min(end + 1 + NP_REACH, len(tokens)))
                                if self.breaks[k] != k for m in self.nisba_at.get(k, ())), None)
                if mention is not None and any(k in self.covered and k not in range(mention.token_start, mention.token_end)
                                               for k in range(end + 1, mention.token_start)):
                    mention = None  # a name between: the nisba is another noun's
            if mention is None:
                break
            found.append(mention.entity)
            end = mention.token_end
        return found, end

    def nisba_after(self, start: int, limit: int) -> list[str]:
        for mention in self.mentions:
            if mention.kind == "nisba" and start - 1 <= mention.token_start < limit:
                return [mention.entity]
        return []


def quote_regions(sentence: Sentence, quotes: list[tuple[int, int, str]]) -> list[int]:
    """Per token, the index of the quotation it lies in, or -1 (one pass over tokens and quotes)."""
    regions, n = [], 0
    for token in sentence.tokens:
        while n < len(quotes) and quotes[n][1] <= token.start:
            n += 1
        regions.append(n if n < len(quotes) and quotes[n][0] <= token.start < quotes[n][1] else -1)
    return regions


def next_breaks(sentence: Sentence) -> list[int]:
    """Per token i, the first token j >= i preceded by clause punctuation (or the length), and one
    more entry for the end itself: a trigger that ends the sentence (الجيش أطلق صواريخ) asks there."""
    tokens = sentence.tokens
    flags = punctuated(sentence, ar.words("clause-punctuation"))
    out = [len(tokens)] * (len(tokens) + 1)
    for i in range(len(tokens) - 1, 0, -1):
        out[i] = i if flags[i] else out[i + 1]
    return out


# -- clauses -----------------------------------------------------------------------------------
def is_noun_form(trigger: Trigger, view: SentenceView) -> bool:
    """A definite trigger word (القصف) or one with ب/ل (بقصف) is a verbal noun, not a verb."""
    if trigger.proclitic.endswith(ar.words("noun-clitic")):
        return True
    word = view.sentence.tokens[trigger.start].norm[len(trigger.proclitic):]
    return word.startswith(ar.words("definite-article"))


def written_noun(trigger: Trigger, view: SentenceView) -> bool:
    """A one-word form listed with its ب/ل (بتعرض، لتعرض): the verbal noun the frame also knows bare."""
    word = view.sentence.tokens[trigger.start].norm
    forms = {normalize_word(f) for f in trigger.frame.forms if " " not in f}
    return trigger.end - trigger.start == 1 and any(
        clitic.endswith(ar.words("noun-clitic")) and stem in forms for stem, clitic in proclitic_variants(word)[1:])


def is_finite_verb(trigger: Trigger, view: SentenceView) -> bool:
    """A trigger word with a verb's prefix or plural ending (يختطفون، قصفوا), not a noun (قصف روسي)."""
    word = view.sentence.tokens[trigger.start].norm[len(trigger.proclitic):]
    return word.startswith(ar.words("verb-prefix")) or word.endswith(ar.words("verb-suffix"))


def is_event_noun(trigger: Trigger, view: SentenceView) -> bool:
    """A trigger that names an event as a noun (غارة، هجوم، القصف), not a verb or participle."""
    return is_noun_form(trigger, view) or trigger.frame.agent not in ("subj", "speaker", "mutual", "source")


def clause_openers(view: SentenceView, triggers: list[Trigger]) -> dict[int, str]:
    """Where the extractor's own knowledge opens a clause: a verb joined by و/ف (coordinate),
    و + a name + a verb (a coordinate clause with a subject of its own), a participle."""
    tokens = view.sentence.tokens
    coordinators = ar.words("coordinating-clitic")
    starts = {t.start: t for t in triggers}
    openers: dict[int, str] = {}
    for trigger in triggers:
        if trigger.frame.agent == "speaker":
            openers[trigger.start] = "participle"
        elif trigger.proclitic[:1] in coordinators and trigger.proclitic and not is_noun_form(trigger, view):
            openers[trigger.start] = "coordinate"
        elif trigger.start > 0 and tokens[trigger.start - 1].norm in word_class("coordinator"):
            openers[trigger.start - 1] = "coordinate"
    for group in view.groups:
        if group.proclitic[:1] not in coordinators or not group.proclitic:
            continue
        i = group.end
        while i < len(tokens) and i - group.end < 2 and tokens[i].norm in word_class("particle"):
            i += 1
        verb = starts.get(i)
        if verb is not None and not verb.proclitic and not is_noun_form(verb, view) \
                and verb.frame.agent not in NOUN_MODES:  # "ووقعت مصر والصومال مذكرة تفاهم": a noun, no verb
            openers[group.start] = "coordinate"  # "... and Moscow announces": a new subject
    return openers


@dataclass
class ClauseMap:
    """The clauses of a sentence and, per token, the clause it is in."""

    clauses: list[Clause]
    owner: list[int]

    @classmethod
    def of(cls, view: SentenceView, triggers: list[Trigger]) -> "ClauseMap":
        found = segment(view.sentence, clause_openers(view, triggers), view.region)
        return cls(found, clause_of_tokens(found, len(view.sentence.tokens)))

    def at(self, token: int) -> Clause | None:
        if not self.clauses or token >= len(self.owner):
            return None
        return self.clauses[self.owner[token]]

    def end(self, token: int) -> int:
        clause = self.at(token)
        return clause.end if clause is not None else len(self.owner)

    def start(self, token: int) -> int:
        clause = self.at(token)
        return clause.start if clause is not None else 0

    def start_past_appositions(self, token: int) -> int:
        """The start of token's clause, read back over clauses that punctuation alone opened (a
        title in apposition between commas: "تلقى فلان، ولي العهد رئيس مجلس الوزراء، رسالة")."""
        n = self.owner[token] if self.clauses and token < len(self.owner) else -1
        while n > 0 and self.clauses[n].kind == "main" and self.clauses[n].opener < 0:
            n -= 1
        return self.clauses[n].start if n >= 0 else 0


# -- triggers ----------------------------------------------------------------------------------
class TriggerFinder:
    """Frame triggers left to right: longest phrase, first frame whose cue the sentence has."""

    def __init__(self, view: SentenceView) -> None:
        self.view = view

    def find(self) -> list[Trigger]:
        view, tokens = self.view, self.view.sentence.tokens
        negators = word_class("negator")
        triggers: list[Trigger] = []
        # only where a frame phrase or a not-event phrase may begin is there anything to read:
        # elsewhere the walk below would step on to the next word
        starts = sorted(set(frame_index().start_positions(tokens)).union(self.idle_phrases().start_positions(tokens)))
        i, next_start = 0, 0
        while i < len(tokens):
            while next_start < len(starts) and starts[next_start] < i:
                next_start += 1
            if next_start == len(starts):
                break
            i = starts[next_start]
            if i in view.covered:
                i += 1
                continue
            idle = self.idle_phrase_end(i)
            if idle:
                i = idle  # "قوات مكافحة الشغب": riot police, no riot
                continue
            matches: list[PhraseMatch[Frame]] = frame_index().match_at(tokens, i)
            chosen = next((m for m in matches if self.cue_ok(m.value) and not self.vetoed(m)), None)
            if chosen is None:
                # a phrase its not_cue vetoes keeps its words ("خروقات لاتفاق وقف إطلاق النار": no new
                # ceasefire, and no firing in "إطلاق النار" either)
                i = max([m.end for m in matches if m.end - m.start > 1 and self.cue_ok(m.value)], default=i + 1)
                continue
            if i > 0 and tokens[i - 1].norm in negators \
                    and not (i > 1 and tokens[i - 2].norm in ar.keys("relative-ma-head")):
                i = chosen.end  # negated: it did not happen ("وهو ما نفته X": which X denied, not negated)
                continue
            triggers.append(Trigger(chosen.start, chosen.end, chosen.value, chosen.proclitic, chosen.enclitic))
            i = chosen.end
        return triggers

    def idle_phrase_end(self, i: int) -> int:
        """Where a phrase of words.tsv `not-event` starting at token i ends (its words name no
        event: مكافحة الشغب is riot control, whoever does it), else 0."""
        return self.idle_phrases().first_at(self.view.sentence.tokens, i)

    @staticmethod
    def idle_phrases() -> PhraseList:
        return phrase_list(phrases("not-event"))

    def cue_ok(self, frame: Frame) -> bool:
        return not frame.cues or bool(frame.cues & self.view.stems)

    def vetoed(self, match: PhraseMatch[Frame]) -> bool:
        """A negative cue near the trigger: the word is read in another sense."""
        if not match.value.not_cues:
            return False
        tokens = self.view.sentence.tokens
        near = range(max(0, match.start - VETO_REACH), min(len(tokens), match.end + VETO_REACH))
        return any(stem in match.value.not_cues
                   for i in near for stem, _ in proclitic_variants(tokens[i].norm))


# -- subjects ----------------------------------------------------------------------------------
def agrees_with_head(head: str, adjective: str) -> bool:
    """An adjective's ending agrees with its noun: a sound masculine plural (مسلحون) takes one
    (إسرائيليون), a feminine or non-human plural (طائرات، قوات، سفن) a feminine one (إسرائيلية)."""
    plural = ar.words("masculine-plural-ending")
    feminine = ar.words("feminine-noun-ending")[0]
    if head.endswith(plural):
        return adjective.endswith(plural)
    if head.endswith(ar.words("feminine-noun-ending")):
        return adjective.endswith(feminine)
    return not adjective.endswith(plural)


def feminine_verb(word: str, trigger: Trigger) -> bool:
    """Third person feminine past: a one-word form with the feminine ending, not a noun."""
    return trigger.end - trigger.start == 1 and word.endswith(ar.words("feminine-verb-ending"))


@lru_cache(maxsize=1)
def statement_words() -> frozenset[str]:
    """Words for a statement (بيان): as a speech verb's subject they name no speaker themselves."""
    return frozenset(normalize_word(r["form"]) for r in read_tsv("claims.tsv") if r["kind"] == "statement")


@lru_cache(maxsize=1)
def issued_words() -> frozenset[str]:
    """"صادر عن": the participle between a statement word and its issuer (claims.tsv `issued`)."""
    return frozenset(normalize_word(r["form"]) for r in read_tsv("claims.tsv") if r["kind"] == "issued")


class SubjectFinder:
    """Who does what a verb says; reads the triggers resolved so far (main verb, governor)."""

    def __init__(self, view: SentenceView, triggers: list[Trigger], previous_agents: list[str],
                 clauses: ClauseMap | None = None) -> None:
        self.view = view
        self.triggers = triggers
        self.previous_agents = previous_agents
        self.clauses = clauses or ClauseMap([], [])
        self.first_by_region: dict[int, tuple[int, Event]] = {}
        self.position = {id(t): n for n, t in enumerate(triggers)}

    def grammatical_subject(self, event: Event) -> list[str]:
        """The subject of an event's verb: its agent, but the host of a visit (استقبل X Y ودعا: X)."""
        frame = next((t.frame for t in self.triggers if t.event is event), None)
        return event.targets[:] if frame is not None and frame.agent == "host" else event.agents[:]

    def subject(self, index: int, limit: int, confidence: float) -> tuple[list[str], int, float, str]:
        """A verb's subject: (agent keys, token where the subject ends, confidence, rule suffix).
        The subject is looked for in the verb's own clause; any step outside it is a named rule
        (pro-drop continuation, the previous sentence's speaker), and none is a guess."""
        trigger = self.triggers[index]
        end = trigger.end
        relative = self.relative_head(trigger)
        if relative is not None:
            return self.relative_subject(trigger, relative, limit, confidence)
        if self.after_relative_noun(trigger) or self.resumptive(trigger):
            pronoun = trigger.enclitic or (end < len(self.view.sentence.tokens) and self.view.sentence.tokens[end].norm
                                           in ar.keys("resumptive-preposition"))
            if pronoun and not trigger.enclitic:
                end += 1  # "الذي توسطت فيه الولايات المتحدة": the subject follows فيه
            background = self.view.sentence.tokens[trigger.start - 1].norm in ar.keys("past-marker")
            if not pronoun:  # "the attack that targeted": the noun did it, and who made it
                noun = None if background else self.noun_before(trigger)
                if noun is not None or background or self.after_relative_noun(trigger):
                    keys = noun.agents[:] if noun is not None else []
                    return keys, end, confidence, "+relative-noun" if keys else ""
                # "نفذ سلاح الجو عملية عسكرية استهدفت": the actor of the verb whose object the noun is,
                # in this clause; "في غارة استهدفت سيارة": nobody from elsewhere
                before = self.subject_before(trigger)
                if before and self.view.same_clause(before[0].end, trigger.start) \
                        and self.clauses.at(before[0].start) is self.clauses.at(trigger.start) \
                        and not (self.speaks(trigger, before[0]) and self.after_reported_noun(trigger)):
                    # "أعلنت الوزارة مقتل 9 جراء غارات استهدفت": not hers; "أعلن الجيش تنفيذ غارات استهدفت": his
                    return before[0].keys[:], end, confidence, "+relative-noun"
                return [], end, confidence, ""
            else:
                # "هجوم شنّته قوات الدعم السريع"، "الهجوم الذي شنته X": the pronoun is the noun, the
                # subject follows the verb; nobody outside this relative clause is its actor
                after = self.subject_after(trigger, limit, end)
                if after and after[0].start > end + 1:
                    after = []  # "إرسال تعزيزاته إلى المنطقة لصد هجوم داعش": a noun's pronoun, no subject
                unnamed = None if after else self.unnamed_subject(trigger, limit, end)
                if unnamed is not None:
                    return unnamed[0], unnamed[1], confidence, unnamed[2]
                return [k for g in after for k in g.keys], (after[-1].end if after else end), confidence, ""
        after = self.subject_of_complement(index)
        main = self.main_event(index)
        adjacent = self.subject_adjacent(trigger)
        if isinstance(after, PronounSubject):
            return list(after.keys), end, confidence, "+pronoun"
        if after is PLAIN_SUBJECT:
            if adjacent:
                return adjacent, end, confidence, "+nisba-subject"  # "that a Russian strike hit"
            # "that its forces launched": the speaker's forces; "that the attack led": no actor
            owner = main.agents[:] if main is not None and self.possessed_subject(index) else []
            return owner, end, confidence * 0.8, "+possessor" if owner else ""
        if adjacent and not after:
            return adjacent, end, confidence, ""
        if not after:
            unnamed = self.unnamed_subject(trigger, limit)
            if unnamed is not None:  # "قصفت طائرات مجهولة": spelled out, naming nobody (or by nisba, owner)
                return unnamed[0], unnamed[1], confidence, unnamed[2]
        after = after or self.subject_after(trigger, limit)
        if after and main is not None and self.coordinated_verb(trigger) and trigger.start > 1 \
                and not after[0].mention.titled and not (trigger.frame.speech and not trigger.proclitic) \
                and not self.says_without_object(trigger) \
                and not (event_kind(trigger.frame.event).hostile and not trigger.frame.speech
                         and self.object_after_subject(trigger, after[-1].end)):
            after = []  # "X called ... and urged Israel": Israel is the object; X still speaks
        if after:
            return [k for g in after for k in g.keys], after[-1].end, confidence, ""
        issuer = self.statement_issuer(trigger)
        if issuer:
            return issuer[0].keys[:], issuer[0].end, confidence, "+issuer"
        if self.plain_subject_before(trigger):
            return [], end, confidence, ""  # "a heavy strike hit Kyiv": the noun is the subject
        inner = self.complement_subject(trigger)
        if inner:  # "أن داعش يخطط لتكثيف عملياته وشن هجمات": the act is the complement's subject's
            return inner, end, confidence, "+pro-drop"
        before = self.subject_before(trigger)
        told = main is not None and self.told_by(main, trigger)
        if before and told and set(before[0].keys) & set(main.agents):
            before = []  # "أوضحت وسائل إعلام أن 3 أشخاص اقتحموا المسجد وفتحوا النار": the media did not fire
        if before and self.view.same_clause(before[0].end, trigger.start):
            if self.reported_noun(trigger) and self.speaks(trigger, before[0]):
                return [], end, confidence, ""  # "أفاد مصدر طبي بمقتل سبعة في قصف": the source did not shell
            noun = self.event_noun_before(trigger)
            if noun is not None and self.speaks(trigger, before[0]):
                # "أفادت وزارة الصحة بمقتل خمسة في قصف استهدف منزلاً": the verb tells the noun's act,
                # whose actor is the noun's, never the reporter
                keys = noun.event.agents[:] if noun.event is not None else []
                return keys, end, confidence, "+relative-noun" if keys else ""
            return before[0].keys[:], end, confidence, ""
        if told:
            # "قال مسؤول إن مسلحين اقتحموا السوق، وأطلقوا النار"، "وفقاً لتاس، بدأ ثلاثة أفراد الهجوم وفتحوا":
            # the teller did not act; the complement's own subject did, or nobody named
            inner = self.teller_complement_subject(trigger)
            return inner, end, confidence, "+pro-drop" if inner else ""
        if main is not None:
            return self.grammatical_subject(main), end, confidence, "+pro-drop"  # "X made a call, stressing in it"
        if before:
            return before[0].keys[:], end, confidence, "+pro-drop"
        if trigger.start <= 1 and self.previous_agents and self.view.region[trigger.start] < 0 \
                and self.subject_dropped(trigger):
            return self.previous_agents[:], end, confidence * 0.8, "+previous-sentence"  # "and he added"
        return [], end, confidence, ""

    def told_by(self, main: Event, trigger: Trigger) -> bool:
        """Is `main` a telling (a speech verb's or a source's: بحسب، وفقاً لـ) and the trigger an act
        (no speech verb) it tells in an أن/إن-complement without a pronoun, or anywhere for a source?"""
        told = next((t for t in self.triggers if t.event is main), None)
        if told is None or trigger.frame.speech or not told.frame.speech or told.frame.scope_agent:
            return False
        if told.frame.agent == "source":
            return True
        view = self.view
        c = view.complement_before(trigger, told.end)
        if c < 0 or view.sentence.tokens[c].norm in word_class("complementizer-pronoun"):
            return False
        # "وندد المتظاهرون الذين قدرت مصادر أن عددهم ...، وهتفوا": that أن is the relative clause's
        return not any(view.sentence.tokens[i].norm in view.doc.gazetteer.relatives for i in range(told.end, c))

    def teller_complement_subject(self, trigger: Trigger) -> list[str]:
        """The actor named right after the أن/إن that opens the trigger's complement (past a
        comma: "بأن قوات الاحتلال اقتحمت قرى ...، ثم اعتقلت"), when it is the first name there."""
        view = self.view
        c = view.complement_before(trigger, 0)
        first = view.group_at.get(c + 1) if c >= 0 else None
        if first is None or first.start != c + 1 or first.marker != "obj" or not view.can_act(first):
            return []
        if any(t.frame.speech and c < t.start < trigger.start for t in self.triggers):
            return []  # another speaker between: not the same complement
        return [view.as_actor(k) for k in first.keys]

    def reported_noun(self, trigger: Trigger) -> bool:
        """An act named by a noun after a cause word or a preposition (في قصف، جراء غارة، بقصف):
        not a verb whose subject stands before it."""
        view = self.view
        if trigger.frame.speech or is_finite_verb(trigger, view):
            return False
        if trigger.proclitic.endswith(ar.words("noun-clitic")):
            return True
        return trigger.start > 0 and view.sentence.tokens[trigger.start - 1].norm in locatives().causes

    def after_reported_noun(self, trigger: Trigger) -> bool:
        """The verb hangs on an act named by a noun after a cause word or preposition (جراء غارات استهدفت)."""
        return any(t.end <= trigger.start <= t.end + RESUMPTIVE_GAP + 1 and self.reported_noun(t)
                   for t in self.triggers_before(trigger))

    def event_noun_before(self, trigger: Trigger) -> Trigger | None:
        """"في قصف استهدف"، "جراء غارات جوية استهدفت": a bare verb right after an indefinite event noun
        of its relation (past at most RESUMPTIVE_GAP adjectives) is the noun's relative clause: that noun."""
        view, tokens = self.view, self.view.sentence.tokens
        if trigger.proclitic or trigger.frame.speech or trigger.frame.agent != "subj" or is_noun_form(trigger, view):
            return None
        for t in reversed(self.triggers_before(trigger)):
            if t.end <= trigger.start <= t.end + RESUMPTIVE_GAP \
                    and (is_event_noun(t, view) or self.reported_noun(t)) \
                    and t.frame.relation == trigger.frame.relation \
                    and not tokens[t.start].norm[len(t.proclitic):].startswith(ar.words("definite-article")) \
                    and not any(k in view.covered or view.breaks[k] == k for k in range(t.end, trigger.start)):
                return t
        return None

    def speaks(self, trigger: Trigger, group: Group) -> bool:
        """The group is the actor of a speech verb earlier in the trigger's clause (أفاد، أعلن) that names
        nobody as the actor of its scope (a threat's or a denial's speaker acts: هددت X بنسف، نفى X قيامه بقصف)."""
        clause = self.clauses.at(trigger.start)
        return any(t.frame.speech and t.frame.scope_agent != "agent" and t.event is not None and set(group.keys) & set(t.event.agents)
                   and self.clauses.at(t.start) is clause for t in self.triggers_before(trigger))

    def object_after_subject(self, trigger: Trigger, end: int) -> bool:
        """"…، وأطلقت حركة حماس صواريخ على تل أبيب"، "وتصدى الجيش للهجوم": the name after a coordinated
        verb is followed by the verb's own object (a bare noun, or the frame's cue after ل/ب), so the
        name is the verb's subject (verb-subject-object), not the object of the first clause's actor."""
        view, tokens = self.view, self.view.sentence.tokens
        if end >= min(len(tokens), self.clauses.end(trigger.start)) or end in view.covered \
                or view.breaks[end] == end or view.region[end] != view.region[trigger.start]:
            return False
        word = tokens[end].norm
        if word in function_words() or word in number_words() or word[:1].isdigit():
            return False
        variants = proclitic_variants(word)
        if any(stem in trigger.frame.cues for stem, clitic in variants if clitic):
            return True  # "للهجوم" after تصدى
        return not any(clitic for _, clitic in variants[1:]) and word not in ar.keys("time-noun") \
            and not word.startswith(ar.words("definite-article"))

    def subject_dropped(self, trigger: Trigger) -> bool:
        """The verb's subject is not spelled out after it: no title opens a noun phrase there
        ("أكد المتحدث باسم ..." has its own subject, unnamed in the gazetteer; "وأضاف أن"،
        "كما أعلن استهداف" continue the last speaker)."""
        tokens = self.view.sentence.tokens
        following = trigger.end
        if following >= len(tokens):
            return True
        group = self.view.group_at.get(following)
        if group is not None and group.start == following and group.marker == "obj" and not self.view.can_act(group):
            return False  # "واستهدفت مدينة الأبيض": a place right after the verb may be its (passive) subject
        return not self.view.doc.gazetteer.titles.match_at(tokens, following)

    def received_from(self, trigger: Trigger, limit: int) -> tuple[list[str], list[str]] | None:
        """A noun received (تلقى X اتصالاً من Y): (its maker Y, its receiver X), or None."""
        view, tokens = self.view, self.view.sentence.tokens
        # the receiver's titles and a day may stand between (تلقى الأمير فلان وزير الخارجية، اليوم، اتصالاً من)
        start = max(self.clauses.start_past_appositions(trigger.start), trigger.start - RECEIVE_REACH)
        verb = next((i for i in range(trigger.start - 1, start - 1, -1)
                     if i not in view.covered and any(stem in ar.keys("receive-verb")
                                                      for stem, _ in proclitic_variants(tokens[i].norm))), -1)
        if verb < 0:
            return None
        region = view.region[trigger.start]
        receiver = [g for g in view.groups_between(verb + 1, trigger.start, region) if g.marker == "obj"]
        if not receiver:
            before = self.subject_before(self.triggers[self.position[id(trigger)]])
            receiver = before if before and before[0].end <= verb else []
        end = min(trigger.end + TARGET_WINDOW, self.clauses.end(trigger.start), len(tokens))
        after = view.groups_between(trigger.end, end, region)
        sender = [g for g in after if g.marker == ar.word("from")]
        if trigger.end < len(tokens) and tokens[trigger.end].norm == ar.word("from"):
            sender = after[:1]  # "من نظيره القطري محمد ...": the title stands between
        if not sender or not receiver:
            return None
        senders = [view.as_actor(k) for g in view.with_coordinated(view.groups, sender[0]) for k in g.keys]
        return senders, [view.as_actor(k) for k in receiver[0].keys if view.as_actor(k) not in senders]

    def light_verb_subject(self, trigger: Trigger, role: str = "light-verb") -> list[str]:
        """The subject of a light verb (شنّ، نفّذ) whose object this event noun is, named between
        the two: "شنت قوات الاحتلال حملة اقتحامات" -> the occupation forces. With role
        "means-verb": the verb whose means the noun is (قتلت إسرائيل وزراء في غارة)."""
        view, tokens = self.view, self.view.sentence.tokens
        if role == "light-verb":
            start = max(self.clauses.start(trigger.start), trigger.start - SUBJECT_WINDOW)
        else:  # the means stands after the verb's object, which may carry a relative clause (التي يديرها X)
            clause = self.clauses.at(trigger.start)
            opener = clause.opener if clause is not None and clause.kind == "relative" else trigger.start
            start = max(min(self.clauses.start(trigger.start), self.clauses.start(max(opener - 1, 0))),
                        trigger.start - 2 * TARGET_WINDOW)
        for i in range(trigger.start - 1, start - 1, -1):
            if i in view.covered or not any(stem in ar.keys(role) for stem, _ in proclitic_variants(tokens[i].norm)):
                continue
            groups = [g for g in view.groups_between(i + 1, trigger.start, view.region[trigger.start])
                      if g.marker == "obj" and view.can_act(g)]
            if groups and groups[0].start == i + 1 or groups and groups[0].mention.titled:
                return [view.as_actor(k) for k in groups[0].keys]
            probe = Trigger(i, i + 1, trigger.frame, "", False)
            unnamed = self.unnamed_subject(probe, trigger.start + 1)
            return unnamed[0] if unnamed is not None else []
        return []

    def resumptive_light_verb(self, trigger: Trigger) -> tuple[list[str], int] | None:
        """"جراء قصف شنته قوات الاحتلال على X"، "الغارة نفذتها طائرات تابعة للجيش": a light verb
        right after an event noun (past at most RESUMPTIVE_GAP adjectives) carries the noun's pronoun;
        the subject named after that verb made the act, and no object of it. (keys, end) or None."""
        view, tokens = self.view, self.view.sentence.tokens
        if is_finite_verb(trigger, view):
            return None
        article = ar.words("definite-article")
        words = [t.norm for t in tokens[trigger.start:trigger.end]]
        if not words[0].startswith(article) and any(w.startswith(article) for w in words[1:]):
            return None  # "صدّ الهجوم الذي نفّذته X": the pronoun is the attack's, not the repelling's
        light = ar.keys("light-verb")
        for j in range(trigger.end, min(trigger.end + RESUMPTIVE_GAP + 1, len(tokens))):
            word = tokens[j].norm
            if view.breaks[j] == j or view.region[j] != view.region[trigger.start]:
                return None
            if any(stem in light for stem in enclitic_variants(word)[1:]):
                if any(t.start == j for t in self.triggers):
                    return None  # "هجوم واسع شنّته X": the verb is a trigger and makes the event itself
                probe = Trigger(j, j + 1, trigger.frame, "", True)
                after = self.subject_after(probe, len(tokens))
                if after and after[0].start == j + 1:
                    return [k for g in after for k in g.keys], after[-1].end
                unnamed = self.unnamed_subject(probe, len(tokens))
                return (unnamed[0], unnamed[1]) if unnamed is not None and unnamed[0] else None
            if j in view.covered or word in function_words() or len(proclitic_variants(word)) > 1:
                return None  # "تصدت لهجوم عنيف شنته X": the pronoun is another noun's
        return None

    def partitives(self, i: int, end: int) -> list[Group]:
        """From token i ("من"): من X, then "و + unit noun + من Y" again: the groups X, Y."""
        view, tokens, found = self.view, self.view.sentence.tokens, []
        units = ar.keys("unit-noun") | ar.keys("unnamed-agent")
        while i + 1 < end and tokens[i].norm == ar.word("from"):
            group = view.group_at.get(i + 1)
            if group is not None and group.start == i + 1:
                found.append(group)
                i = group.end
            elif i + 1 not in view.covered and tokens[i + 1].norm not in function_words():
                i += 2  # "من الميليشيات" naming nobody
            else:
                break
            joined = view.group_at.get(i)
            if joined is not None and joined.start == i and joined.proclitic.startswith(ar.words("conjunction")[0]):
                found.append(joined)  # "ووحدات من الجيش الكونغولي" read as one name
                break
            if i + 1 < end and any(stem in units and clitic for stem, clitic in proclitic_variants(tokens[i].norm)
                                   if clitic == ar.words("conjunction")[0]):
                i += 1
            else:
                break
        return found

    def background(self, trigger: Trigger) -> bool:
        """An event noun named as an earlier event: a past marker right after it (هجوم سابق) or
        right before it (ذكرى الهجوم)."""
        tokens, markers = self.view.sentence.tokens, ar.keys("past-marker")
        near = list(range(trigger.end, min(len(tokens), trigger.end + BACKGROUND_REACH))) \
            + list(range(max(0, trigger.start - BACKGROUND_REACH), trigger.start))
        return any(stem in markers for i in near for stem, _ in proclitic_variants(tokens[i].norm))

    def pronoun_of_event_noun(self, trigger: Trigger) -> bool:
        """"بهجوم شنه مسلحون"، "الهجوم الذي شنته X": a verb right after an event noun (past a relative
        pronoun and at most RESUMPTIVE_GAP adjectives) carries that noun's pronoun, not an object's."""
        tokens, i = self.view.sentence.tokens, trigger.start - 1
        if i >= 0 and tokens[i].norm in self.view.doc.gazetteer.relatives:
            i -= 1
        if i >= 0 and i not in self.view.covered and any(stem in trigger.frame.cues for stem, _ in proclitic_variants(tokens[i].norm)):
            return True  # the frame's own noun (هجوم for شنّ)
        return any(t.start <= i < t.end + RESUMPTIVE_GAP and is_event_noun(t, self.view)
                   for t in self.triggers_before(trigger))

    def noun_before(self, trigger: Trigger) -> Event | None:
        """The event of the event noun a relative verb hangs on ("عملية عسكرية استهدفت")."""
        i = trigger.start - 1
        if i >= 0 and self.view.sentence.tokens[i].norm in self.view.doc.gazetteer.relatives:
            i -= 1
        for t in reversed(self.triggers_before(trigger)):
            if t.start <= i < t.end + BACKGROUND_REACH and is_event_noun(t, self.view):
                return t.event
        return None

    def complement_subject(self, trigger: Trigger) -> list[str]:
        """A coordinated act (not a speech verb) inside an أن-complement, no punctuation between:
        the name right after أن is its subject."""
        view = self.view
        if trigger.frame.speech or not self.coordinated_verb(trigger):
            return []
        c = view.complement_before(trigger, 0)
        if c < 0 or view.breaks[c + 1] <= trigger.start:
            return []
        first = view.group_at.get(c + 1)
        if first is None or first.start != c + 1 or first.marker != "obj" or not view.can_act(first):
            return []
        return [view.as_actor(k) for k in first.keys]

    def resumptive(self, trigger: Trigger) -> bool:
        """A verb right after a plain noun, no punctuation or function word between ("هجوم واسع
        شنّته X"، "بعد هجوم سابق استهدف"): a relative clause on that noun."""
        view, i = self.view, trigger.start - 1
        if i < 0 or trigger.proclitic or is_noun_form(trigger, view) or view.breaks[trigger.start] == trigger.start:
            return False
        word = view.sentence.tokens[i].norm
        if i in view.covered or word in function_words() or view.region[i] != view.region[trigger.start] \
                or word in ar.keys("coordinating-word"):
            return False
        if view.sentence.tokens[trigger.start].norm.startswith(ar.words("noun-clitic") + ar.words("definite-article")):
            return False  # "جرت بوساطة الإمارات": the trigger is a prepositional phrase, no verb
        before = self.triggers_before(trigger)
        if any(t.start <= i < t.end and not is_event_noun(t, view) for t in before):
            return False  # "أعلنت تصديها له"، "مؤكداً دعم قطر": a verbal noun after its verb
        if not trigger.enclitic:  # no pronoun: only when that noun is an event's ("بعد هجوم سابق استهدف")
            following = view.group_at.get(trigger.end)
            if following is not None and following.start == trigger.end and following.marker == "obj" \
                    and view.can_act(following) or self.unnamed_subject(trigger, len(view.sentence.tokens)) is not None:
                return False  # "مع هذه الغارات نفذت طائرات الاحتلال": the verb names its own subject
            if word in ar.keys("past-marker"):  # "بعد هجوم سابق استهدف", not "في وقت سابق أكدت"
                return i > 0 and view.sentence.tokens[i - 1].norm not in ar.keys("time-noun") \
                    and (i - 1) not in view.covered
            return any(t.start <= i < t.end + BACKGROUND_REACH for t in before if is_event_noun(t, view))
        return True

    def unnamed_subject(self, trigger: Trigger, limit: int, start: int = -1) -> tuple[list[str], int, str] | None:
        """A subject spelled out after the verb that names nobody ("قصفت طائرات مجهولة",
        "هاجم مسلحون"): (keys, end, rule) with the state of its nisba ("قوات باكستانية") or the owner
        after تابعة لـ; no keys when it names neither; None when no such noun follows."""
        view, tokens = self.view, self.view.sentence.tokens
        head = trigger.end if start < 0 else start
        if start < 0 and trigger.end - trigger.start > 1 and tokens[trigger.end - 1].norm in trigger.frame.targets:
            return None  # "يطلقون النار على الطائرات الأمريكية": the phrase ends in its object's preposition
        if trigger.end - trigger.start > 1 and tokens[trigger.end - 1].norm in ar.keys("unnamed-agent"):
            head = trigger.end - 1  # the frame's phrase holds the noun: "استهدفت طائرة مسيرة"
        elif head < len(tokens) and head not in view.covered and tokens[head].norm in number_words():
            head += 1  # "خمس طائرات"
        end = min(len(tokens), limit, self.clauses.end(trigger.start))
        if head >= end or head in view.covered or tokens[head].norm not in ar.keys("unnamed-agent"):
            return None
        if view.region[head] != view.region[trigger.start] or view.breaks[trigger.end if start <= trigger.end else min(head + 1, len(tokens) - 1)] <= head:
            return None
        following = view.group_at.get(head + 1)
        if following is not None and following.start == head + 1 and view.breaks[head + 1] != head + 1 \
                and following.marker in ("obj", ar.word("from")) and view.can_act(following):
            # "طائرات الاحتلال"، "عناصر من تنظيم داعش": the force the unnamed noun is part of
            if following.marker == "obj" or tokens[head + 1].norm == ar.word("from"):
                return following.keys[:], self.past_leader(following.end, end), "+part-of"
        if head + 2 < end and tokens[head + 1].norm == ar.word("from"):
            parts = self.partitives(head + 1, end)
            if parts or head + 2 < end and head + 2 not in view.covered:  # "مقاتلون من الميليشيات ووحدات من الجيش": the forces named (an anaphor is no name)
                keys = [k for g in parts if g.mention.kind != "anaphor" and view.can_act(g) for k in g.keys]
                return keys, self.past_leader(parts[-1].end if parts else head + 3, end), "+part-of" if keys else ""
        for k in range(head + 1, min(end, head + 1 + NP_REACH)):
            if view.breaks[k] == k:
                break
            group = view.group_at.get(k)
            if group is not None and group.start == k:
                if group.marker == OWNER_MARK and view.can_act(group):
                    return group.keys[:], group.end, "+affiliation"
                break
            word = tokens[k].norm
            if word in lead_words():  # "وفد برئاسة الوزير فلان": the leader stands for the delegation
                leader = self.leader_after(k + 1, end)
                return (leader.keys[:], leader.end, "+led-by") if leader is not None else ([], head + 1, "")
            if word in ar.keys("affiliation"):
                if k + 1 < end and tokens[k + 1].norm in ar.keys("owner-pronoun"):
                    return None  # "مسلحون تابعون لها": whose, the pronoun says; not read here
                continue
            nisba = [m for m in view.nisba_at.get(k, ())]
            if nisba:
                if not agrees_with_head(tokens[head].norm, word):
                    break  # "اختطف مسلحون أمريكية": a feminine nisba is no adjective of gunmen
                return [nisba[0].entity], k + 1, "+nisba-subject"
            if word in function_words() or word in number_words() or word[:1].isdigit() or k in view.covered:
                break  # "اختطف مجهولون 35 مصرياً": the number opens the object
        return [], head + 1, ""

    def past_leader(self, k: int, end: int) -> int:
        """"وفد من حركة X برئاسة فلان": the subject ends after its leader, who is no object."""
        if k < end and self.view.sentence.tokens[k].norm in lead_words():
            leader = self.leader_after(k + 1, end)
            return leader.end if leader is not None else k
        return k

    def leader_after(self, k: int, end: int) -> Group | None:
        """The person named within a title's reach after a lead marker (past his title), else the
        first actor named there."""
        view = self.view
        groups = [g for g in view.groups_between(k, min(end, k + LEADER_REACH)) if view.can_act(g)]
        people = [g for g in groups if (e := view.doc.entities.get(g.keys[0])) is not None and e.type == "Person"]
        return (people or groups or [None])[0]

    def nisba_of_noun(self, trigger: Trigger) -> list[str]:
        """A nisba right after a trigger makes it a noun and names its actor: "قصف روسي"; not a maker
        ("طائرات مسيرة إيرانية الصنع")."""
        found = self.view.nisba_at.get(trigger.end, ())
        tokens = self.view.sentence.tokens
        if found and is_finite_verb(trigger, self.view):
            return []  # "مسلحون يختطفون أمريكية": the nisba is the victim
        if found and found[0].token_end < len(tokens) and tokens[found[0].token_end].norm in ar.keys("origin-word"):
            return []
        return [m.entity for m in found][:1]

    def relative_head(self, trigger: Trigger) -> Group | None:
        """The actor a relative clause (التي، الذي) is about, when the trigger opens it."""
        clause = self.clauses.at(trigger.start)
        if clause is None or clause.kind != "relative" or clause.opener < 1:
            return None
        if any(self.clauses.at(t.start) is clause for t in self.triggers_before(trigger)):
            return None  # the relative clause's own verb came first
        return next((g for g in self.view.group_ending.get(clause.opener, ()) if self.view.can_act(g)), None)

    def relative_subject(self, trigger: Trigger, head: Group, limit: int,
                         confidence: float) -> tuple[list[str], int, float, str]:
        """"M23, which Rwanda backs": with a pronoun on the verb the head is its object and the
        subject follows; without one the head is the subject ("the group that seized X")."""
        if trigger.enclitic:
            after = self.subject_after(trigger, limit)
            keys = [k for g in after for k in g.keys]
            return keys, (after[-1].end if after else trigger.end), confidence, "+relative-object"
        return head.keys[:], trigger.end, confidence, "+relative-subject"

    def plain_subject_before(self, trigger: Trigger) -> bool:
        """A noun phrase naming no actor stands between the clause start and the verb ("a heavy
        Russian strike hit"): that noun is the subject, so nobody else is."""
        view = self.view
        start = self.clauses.start(trigger.start)
        clause = self.clauses.at(trigger.start)
        if clause is not None and clause.opener == start and clause.kind != "main":
            start += 1
        span = range(start, trigger.start)
        if not span:
            return False
        tokens = view.sentence.tokens
        skip = word_class("particle") | word_class("coordinator")
        words = [i for i in span if tokens[i].norm not in skip]
        if not words or any(i in view.group_at and view.group_at[i].marker == "obj"
                            and view.region[i] == view.region[trigger.start] for i in words):
            return False
        prepositions = word_class("preposition")
        if any(tokens[i].norm in prepositions or tokens[i].norm in view.doc.gazetteer.name_stops for i in words):
            return False
        first = tokens[words[0]].norm
        if any(p for _, p in proclitic_variants(first)[1:] if p[-1:] in ar.words("oblique-clitic")):
            return False
        return words[-1] not in view.covered or any(m.token_start <= words[-1] < m.token_end
                                                     for k in range(max(0, words[-1] - 3), words[-1] + 1)
                                                     for m in view.nisba_at.get(k, ()))

    def agrees(self, trigger: Trigger, group: Group) -> bool:
        """A feminine past verb cannot have a masculine body (the army) as subject."""
        if not feminine_verb(self.view.sentence.tokens[trigger.end - 1].norm, trigger):
            return True
        entity = self.view.doc.entities.get(group.keys[0])
        if entity is None or entity.type not in GENDER_CHECKED_TYPES:
            return True
        head = group.mention.surface.split()[0]
        return normalize_word(head).endswith(ar.words("feminine-noun-ending"))

    def subject_after(self, trigger: Trigger, limit: int, start: int = -1) -> list[Group]:
        view = self.view
        start = trigger.end if start < 0 else start
        if view.is_complementizer(start):
            return []
        end = min(start + SUBJECT_WINDOW, limit, self.clauses.end(trigger.start))
        for i in range(start, end):  # the subject comes before any أن/إن
            if view.is_complementizer(i):
                end = i
                break
        window = [g for g in view.groups if start <= g.start < end
                  and view.region[g.start] == view.region[trigger.start]]  # a long name may run past
        oblique = ar.words("construct-clitic")
        for group in window:
            # right after the trigger, a ب/ل on the trigger is not the group's ("بوساطة مصر")
            if group.marker == "obj" or (group.start == start and group.marker in oblique
                                         and not group.proclitic):
                if not view.can_act(group) or not self.agrees(trigger, group):
                    return []
                if self.genitive_of_object(trigger, start, group):
                    return []  # "بقصف مواقع الجيش الأرميني": the positions' owner was shelled, it did not shell
                return view.with_coordinated(window, group)
            if group.marker not in ar.keys("locative"):
                break
        return []

    def genitive_of_object(self, trigger: Trigger, start: int, group: Group) -> bool:
        """A verbal noun (بقصف، القصف) followed by a plain object noun and then the name: the name is
        that noun's genitive, the act's object; a verbal noun's subject stands right after it."""
        view, tokens = self.view, self.view.sentence.tokens
        if not (is_noun_form(trigger, view) or written_noun(trigger, view)) or group.start == start:
            return False
        held = ar.keys("held-noun") | ar.keys("partitive-noun")
        word = tokens[group.start - 1].norm
        return group.start - 1 not in view.covered and any(stem in held for stem, _ in proclitic_variants(word))

    def subject_before(self, trigger: Trigger) -> list[Group]:
        """The actor before the trigger: the sentence's first when the verb is coordinated
        ("Germany ... and it supplied"), else the nearest ("the army announced")."""
        view = self.view
        region = view.region[trigger.start]
        before = [g for g in view.groups_between(0, trigger.start, region) if g.marker == "obj" and view.can_act(g)]
        if not before:
            return []
        return [before[0]] if self.coordinated_verb(trigger) else [before[-1]]

    def after_relative_noun(self, trigger: Trigger) -> bool:
        """The trigger follows a relative pronoun whose antecedent is a plain noun (no actor)."""
        i = trigger.start
        relatives = self.view.doc.gazetteer.relatives
        if i < 1 or self.view.sentence.tokens[i - 1].norm not in relatives:
            return False
        return i - 2 < 0 or (i - 2) not in self.view.covered

    def statement_issuer(self, trigger: Trigger) -> list[Group]:
        """"وقال بيان لوزارة الدفاع إن"، "وأكد بيان صادر عن الجيش أن": a speech verb whose subject is a
        statement word (claims.tsv `statement`) speaks for the body it is of (ل, or in construct) or
        issued by (صادر عن):
        that body, found right after, is the subject, not the speaker of another clause."""
        tokens, k = self.view.sentence.tokens, trigger.end
        if not trigger.frame.speech or k + 1 >= len(tokens) or tokens[k].norm not in statement_words():
            return []
        k += 1
        if tokens[k].norm in issued_words() and k + 1 < len(tokens) and tokens[k + 1].norm in ar.keys("attribution"):
            k += 2  # "بيان صادر عن"
            markers = ("obj", tokens[k - 1].norm)
        else:
            markers = ("ل", "obj")  # "بيان لوزارة الدفاع"، "بيان وزارة الدفاع"
        found = [g for g in self.view.groups_between(k, len(tokens)) if g.start == k and g.marker in markers
                 and self.view.can_act(g)]
        return found[:1]

    @staticmethod
    def says_without_object(trigger: Trigger) -> bool:
        """A speech verb that takes no object (قال، أعلن، أكد: no `obj` among its frame's targets):
        an actor right after "، وقالت" is its own subject, a second speaker in the sentence ("وقالت كييف
        إن …، وقالت وزارة الدفاع الروسية إنها …"), not an object left to the first speaker."""
        return trigger.frame.speech and "obj" not in trigger.frame.targets

    def coordinated_verb(self, trigger: Trigger) -> bool:
        """A verb joined to the one before (و/ف, وقد), sharing its subject."""
        if trigger.proclitic[:1] and trigger.proclitic[:1] in ar.words("coordinating-clitic"):
            return True
        return trigger.start > 0 and self.view.sentence.tokens[trigger.start - 1].norm in word_class("coordinator")

    def subject_adjacent(self, trigger: Trigger) -> list[str]:
        """An actor right before a verb is its subject (SVO): a name, or the nisba of the noun
        that is ("a Turkish drone targeted" -> Turkey). Particles (قد) may stand between."""
        view = self.view
        if trigger.proclitic.endswith(ar.words("noun-clitic")) or trigger.start == 0:
            return []
        i = trigger.start - 1
        while i > 0 and view.sentence.tokens[i].norm in word_class("particle"):
            i -= 1
        if not view.same_clause(i + 1, trigger.start) or view.region[i] != view.region[trigger.start]:
            return []
        for group in view.group_ending.get(i + 1, ()):
            if group.marker == "obj" and view.can_act(group):
                return [k for g in self.coordinated_before(group) for k in g.keys]
        for mention in view.nisba_at.get(i, ()):
            if mention.token_end == i + 1:
                return [mention.entity]
        return []

    def coordinated_before(self, group: Group) -> list[Group]:
        """"روسيا وأوكرانيا تتبادلان": the names joined to this one before it, and it."""
        view, chain = self.view, [group]
        position = view.groups.index(group)
        for previous in reversed(view.groups[:position]):
            if previous.marker != "obj" or not view.can_act(previous) or not view.coordinated(previous, chain[0]):
                break
            clause = self.clauses.at(previous.start)
            if clause is not self.clauses.at(chain[0].start) and any(
                    clause is not None and clause.start <= t.start < previous.start for t in self.triggers):
                break  # "قصفت القوات الروسية خاركيف وموسكو تعلن": the name after و opens a new clause
            chain.insert(0, previous)
        return chain

    def possessed_subject(self, index: int) -> bool:
        """The noun after أن carries a pronoun suffix (its forces)."""
        tokens = self.view.sentence.tokens
        c = self.view.complement_before(self.triggers[index], 0)
        word = tokens[c + 1].norm
        if word in ar.keys("demonstrative"):
            return False  # "أن هذه الهجمات تستهدف": no possessor, so no speaker's act
        return len(enclitic_variants(word, ends_with_ta_marbuta(tokens[c + 1].text))) > 1

    def subject_of_complement(self, index: int) -> list[Group]:
        """After أن/إن the subject comes first, then the verb ("that Germany will deliver")."""
        view = self.view
        trigger = self.triggers[index]
        if self.coordinated_verb(trigger):
            return []  # "X said that Y ..., and added": the subject is X's, not Y
        c = view.complement_before(trigger, 0)
        if c < 0:
            return []
        if self.clauses.clauses and self.clauses.start(trigger.start) > c:
            return []  # "that if Israel attacked": the verb has a clause of its own after أن
        if c + 1 == trigger.start and view.sentence.tokens[c].norm in word_class("complementizer-pronoun"):
            # "X announced that it targeted": the speaker did; "بحسب رويترز، قال الجيش إنه": the army
            speech = self.speech_before(index, c)
            main = self.main_event(index) if speech is None else speech.event
            if speech is not None and main is None:
                return PronounSubject([])  # "قال متحدث باسم الجماعة إنها": nobody named, not the source
            if main is not None:
                return PronounSubject(self.speaks_for(main.agents))
        groups = [g for g in view.groups_between(c + 1, trigger.start, view.region[trigger.start])
                  if g.marker == "obj" and view.can_act(g)]
        if c + 1 < trigger.start and (c + 1) not in view.covered and not groups:
            if view.sentence.tokens[c + 1].norm in ar.keys("adverbial-opener") \
                    or view.sentence.tokens[c + 1].norm in ar.keys("time-noun"):
                return []  # "أنه للمرة الثانية قصفت قوات الدعم السريع": the subject follows the verb
            return PLAIN_SUBJECT  # "that its units moved": the subject is a plain noun, no actor
        if not groups:
            return []
        first = groups[0]  # right after أن, or after the title that names it
        return [first] if first.start == c + 1 or first.mention.titled else []

    def speaks_for(self, keys: list[str]) -> list[str]:
        """A spokesperson's reported act is the body's he speaks for (أعلن المتحدث العسكري استهداف،
        قال المتحدث باسم الجيش إنه قصف): the holder of a role whose tie is ties.SPEAKS_FOR_TIE."""
        entities, roles = self.view.doc.entities, speaking_roles()
        found = [e.part_of if (e := entities.get(k)) is not None and e.part_of and e.role in roles else k for k in keys]
        return list(dict.fromkeys(found))

    def speech_before(self, index: int, c: int) -> Trigger | None:
        """The nearest speech verb before the complementizer at c, in the same quotation: whose
        words the complement is (not a source named earlier, بحسب رويترز)."""
        region = self.view.region[self.triggers[index].start]
        for trigger in reversed(self.triggers[:index]):
            if trigger.start < c and self.view.region[trigger.start] == region and trigger.frame.speech \
                    and trigger.frame.agent != "source":
                return trigger
        return None

    def main_event(self, index: int) -> Event | None:
        """The sentence's first event with an actor (in the same quotation): its main verb."""
        region = self.view.region[self.triggers[index].start]
        first = self.first_by_region.get(region)
        if first is not None and first[0] < index:
            return first[1]
        return None

    def note(self, index: int) -> None:
        """Remember the first event with an actor per quotation (main_event in constant time)."""
        trigger = self.triggers[index]
        region = self.view.region[trigger.start]
        if trigger.event is not None and trigger.event.agents and region not in self.first_by_region:
            self.first_by_region[region] = (index, trigger.event)

    def triggers_before(self, trigger: Trigger) -> list[Trigger]:
        """The earlier triggers of the sentence this one may depend on, nearest last."""
        index = self.position.get(id(trigger))
        if index is None:
            index = next(n for n, t in enumerate(self.triggers) if t is trigger)
        return self.triggers[max(0, index - LOOKBACK):index]

    def governor(self, index: int) -> Event | None:
        """The nearest earlier event of the sentence, in the same quotation, that has an actor."""
        region = self.view.region[self.triggers[index].start]
        for trigger in reversed(self.triggers[max(0, index - LOOKBACK):index]):
            if self.view.region[trigger.start] != region or trigger.frame.agent == "source":
                continue  # "بحسب X" names who told, it governs no act
            if trigger.event is not None and (trigger.event.agents or trigger.event.targets):
                return trigger.event
        return None

    def last_speaker(self, index: int) -> list[str]:
        """The agents of the last speech event before this trigger."""
        for trigger in reversed(self.triggers[max(0, index - LOOKBACK):index]):
            if trigger.event is not None and trigger.frame.speech and trigger.event.agents:
                return trigger.event.agents[:]
        return []


# -- targets and free-text objects ---------------------------------------------------------------
class TargetFinder:
    """The object a frame names by its marker, and the free-text object (about)."""

    def __init__(self, view: SentenceView, clauses: ClauseMap | None = None) -> None:
        self.view = view
        self.clauses = clauses or ClauseMap([], [])

    def targets(self, frame: Frame, start: int, limit: int, agents: list[str]) -> list[str]:
        view = self.view
        if not frame.targets:
            return []
        # the clause map's end, which runs past a phrase between commas ("قصف الجيش، الأحد، مواقع لـ X")
        punctuation = view.clause_end(start) if not self.clauses.clauses else len(view.sentence.tokens)
        end = min(start + TARGET_WINDOW, limit, punctuation, self.clauses.end(max(start - 1, 0)))
        region = view.region[start] if start < len(view.region) else -1
        window = [g for g in view.groups_between(start, end, region) if not set(g.keys) & set(agents)]
        if frame.target_kind != "place":  # "المتمركزة في شمال أم درمان مواقع لـ X": where, not whom
            window = [g for g in window if not view.locative(g)] + [g for g in window if view.locative(g)]
        between = ar.word("between")
        where: list[Group] = []  # places that say where an object named before them is
        for marker in frame.targets:
            if marker == "nisba":
                continue
            if marker == between:  # "the talks between X and Y mediated by Z": before or after
                everywhere = view.groups_between(0, len(view.sentence.tokens), region)
                # "بين القوات الموالية لـ X و Y": a force named by its owner stands for the owner
                marked = [g for g in everywhere if (g.marker == marker or g.marker in (OWNER_MARK, ar.word("from"))
                                                    and g.part_of == marker) and not set(g.keys) & set(agents)]
                if marked:
                    chosen = view.with_coordinated(everywhere, marked[0])
                    chosen += [g for g in marked[1:] if g.marker == ar.word("from") and g not in chosen]
                    keys = [view.as_actor(k) for g in chosen for k in g.keys]
                    if len(chosen) == 1:  # "بين القوات الأرمينية والأذرية": the other side is a nisba
                        keys += [k for k in view.coordinated_nisbas(chosen[0].end)[0] if k not in keys]
                    return keys
                continue
            owned = self.object_nisba(start, end) if marker == "obj" and agents else []
            if owned and not any(g.marker == marker and not view.locative(g) and g.start < owned[1] for g in window):
                return owned[:1]  # "استهدفت القوات الروسية مواقع عسكرية أوكرانية في خاركيف": Ukraine's positions
            for group in window:
                if marker == "obj" and agents and self.place_of_place(group):
                    continue  # "اقتحم مسلحون مسجداً في ولاية كاتسينا شمالي نيجيريا": where, not whom
                    # (an act with no actor named keeps it, as before: the event stands on it)
                if agents and frame.target_kind != "place" and (group in where or view.locative(group)
                                                                and self.place_of_noun(frame, start, group)):
                    where.extend(view.with_coordinated(window, group))
                    continue  # "استهدفت سفينة في البحر الأحمر ومضيق باب المندب": the ship, not the sea
                if group.marker == marker or group.part_of == marker:
                    chosen = view.with_coordinated(window, group)
                    keys = [k for g in chosen for k in g.keys]
                    return [view.as_actor(k) if frame.target_kind == "actor" else k for k in keys]
        party = self.party_nisba(frame, start, end)
        if party:
            return party
        kind = relation_kinds().get(frame.relation)
        if kind is not None and kind.target_is_members_owner:  # "عقوبات على أفراد وكيانات في إيران"
            owners = member_owners(view, start, end, agents)
            if owners:
                return owners
        if "nisba" in frame.targets:
            return view.nisba_after(start, limit)
        return []

    def marked_object(self, frame: Frame, start: int) -> bool:
        """"مسؤوليتها عن هجوم على قاعدة عسكرية": right after the trigger, a marker of the frame and a plain
        noun naming no actor: the act's object is spelled out, so the phrase tells an act of its own."""
        view, tokens = self.view, self.view.sentence.tokens
        k = start
        if k + 1 >= len(tokens) or tokens[k].norm not in frame.targets or view.breaks[k + 1] == k + 1:
            return False
        word = tokens[k + 1].norm
        return k + 1 not in view.covered and word not in function_words() and word not in number_words() \
            and not word[:1].isdigit()

    def place_of_noun(self, frame: Frame, start: int, group: Group) -> bool:
        """"استهدفت سفينة في البحر الأحمر"، "غارة على منزل في صور"، "على وقع الحرب في غزة": the locative
        phrase of this place (its preposition, head nouns, direction words) hangs on a plain noun named
        after the verb's arguments - a thing (a ship, a house, a car, a market, a person) or another noun:
        the place says where that is, not whom the act hit. Right after the trigger or its agent ("قصفت
        القوات في رفح"), after the act's own noun ("شنت غارات في جنوب لبنان") or after a part or site of the
        place (مناطق، مواقع، قرى في X: words.tsv partitive-noun, held-noun) it stays the act's object."""
        view, tokens, words = self.view, self.view.sentence.tokens, locatives()
        entity = view.doc.entities.get(group.keys[0])
        if entity is None or entity.type not in located_types():
            return False  # "قياديا في حزب الله": a member of the group, its target
        k = group.start - 1
        while k >= start:
            readings = [stem for stem, _ in proclitic_variants(tokens[k].norm)]  # (not clitics.stems)
            if k in view.nisba_at or tokens[k].norm in words.prepositions \
                    or any(s in words.nouns or s in words.directions for s in readings):
                k -= 1  # "في العاصمة الأفغانية كابول"، "في شمال"، "بمدينة"
                continue
            break
        if k < start or k in view.covered or view.breaks[k + 1] <= group.start - 1 and view.breaks[k + 1] > k:
            return False
        word = tokens[k].norm
        if word in function_words() or word in ar.keys("time-noun") or word in number_words() or word[:1].isdigit():
            return False
        parts = frame.cues | ar.keys("held-noun") | ar.keys("partitive-noun") | words.nouns
        article = ar.words("definite-article")
        for i in self.noun_phrase_before(k, start):
            for stem, _ in proclitic_variants(tokens[i].norm):
                for form in enclitic_variants(stem):
                    if form in parts or form.startswith(article) and form[len(article[0]):] in parts:
                        return False  # "هجوماً برياً في"، "المناطق في"، "مواقعنا في"، "قرى مكتظة بالسكان في"
        return True

    def noun_phrase_before(self, k: int, start: int) -> range:
        """The plain words ending at token k ("منازل"، "مبنى سكني"، "قرى مكتظة بالسكان"): back to `start`,
        a name, a function word or clause punctuation."""
        view, tokens = self.view, self.view.sentence.tokens
        first = k
        while first - 1 >= start and first - 1 not in view.covered and view.breaks[first] != first \
                and tokens[first - 1].norm not in function_words():
            first -= 1
        return range(first, k + 1)

    def object_nisba(self, start: int, end: int) -> list:
        """The object is a plain noun whose adjectives name a state (مواقع عسكرية أوكرانية، سفينة
        إسرائيلية): [state key, token of the nisba], else []."""
        view, tokens = self.view, self.view.sentence.tokens
        if start >= end or start in view.covered or view.region[start] != view.region[max(start - 1, 0)]:
            return []
        head = tokens[start].norm
        held = ar.keys("held-noun") | ar.keys("partitive-noun") | ar.keys("unnamed-agent")
        if head not in held:
            return []  # a military site, a craft (مواقع، قاعدة، سفينة); not people (30 فلسطينياً) nor لمواقع
        for k in range(start + 1, min(end, start + 3)):
            mention = next((m for m in view.nisba_at.get(k, ()) if m.token_start == k), None)
            if mention is not None:
                state = view.doc.entities.get(mention.entity)
                if state is None or state.type != "State" or not agrees_with_head(head, tokens[k].norm):
                    return []
                return [mention.entity, k]
            if k in view.covered or view.breaks[k] == k or tokens[k].norm in function_words():
                return []
        return []

    def place_of_place(self, group: Group) -> bool:
        """A place after a direction word that follows another place ("كاتسينا شمالي نيجيريا"، "بقرية
        شمال شرق نيجيريا"): it says where that place lies, it is no object ("قصفت إسرائيل شمال غزة" is)."""
        view = self.view
        if not view.locative(group):
            return False
        direction = view.place_reader.direction_ending(group.start)
        if direction <= 0:
            return False
        before, tokens = direction - 1, view.sentence.tokens
        placed = next((g for g in view.group_ending.get(before + 1, ()) if not view.can_act(g)), None)
        if placed is not None:
            return view.locative(placed)  # "في ولاية كاتسينا شمالي نيجيريا" (not "قصفت X غزة شمال سيناء")
        words = locatives()
        return any(stem in words.nouns and (proclitic.endswith(words.clitics) or before > 0
                                            and tokens[before - 1].norm in words.prepositions)
                   for stem, proclitic in proclitic_variants(tokens[before].norm))  # "بقرية شمال شرق نيجيريا"

    def antecedent(self, trigger: Trigger, agents: list[str]) -> list[str]:
        """"رصد الجيش عناصر من حزب الله واستهدفهم": a verb joined by و/ف whose object is a plural
        pronoun (words.tsv plural-object-pronoun) refers to the one force named through a people noun
        (عناصر من X، مسلحين من X) in its clause or the one before, outside its agents; with none or
        two such forces the pronoun's target stays unknown."""
        view, tokens = self.view, self.view.sentence.tokens
        pronouns = tuple(ar.words("plural-object-pronoun"))
        if not tokens[trigger.end - 1].norm.endswith(pronouns) \
                or trigger.proclitic[:1] not in ar.words("coordinating-clitic"):
            return []
        people = ar.keys("unnamed-agent") | ar.keys("unit-noun")
        since = self.clauses.start(max(self.clauses.start(trigger.start) - 1, 0))
        found = {tuple(g.keys) for g in view.groups_between(since, trigger.start, view.region[trigger.start])
                 if g.marker == ar.word("from") and g.part_of and g.start >= 2 and not set(g.keys) & set(agents)
                 and any(stem in people for stem, _ in proclitic_variants(tokens[g.start - 2].norm))}
        return [view.as_actor(k) for k in next(iter(found))] if len(found) == 1 else []

    def paired(self, frame: Frame, agents: list[str]) -> bool:
        """The sentence names the parties with بين (the frame's marker): the first of them acts."""
        between = ar.word("between")
        return between in frame.targets and any(
            (g.marker == between or g.marker == OWNER_MARK and g.part_of == between) and not set(g.keys) & set(agents)
            for g in self.view.groups)

    def party_nisba(self, frame: Frame, start: int, end: int) -> list[str]:
        """"تسلم مقترحاً من الوسطاء المصريين والقطريين": a marker word, a party noun (words.tsv
        party-noun) and the nisba adjectives after it, coordinated by و, name the target states."""
        view, tokens = self.view, self.view.sentence.tokens
        parties = ar.keys("party-noun")
        for marker in frame.targets:
            if marker in ("obj", "nisba"):
                continue
            for i in range(start, min(end, len(tokens)) - 2):
                if tokens[i].norm != marker or tokens[i + 1].norm not in parties:
                    continue
                found, j = [], i + 2
                while j < min(end, len(tokens)) and view.nisba_at.get(j):
                    found += [m.entity for m in view.nisba_at[j] if m.entity not in found]
                    j = max(m.token_end for m in view.nisba_at[j])
                if found:
                    return [view.as_actor(k) for k in found]
        return []

    def about(self, frame: Frame, start: int, limit: int) -> str:
        """The free-text object a frame names, just after the verb's arguments ("called for
        ending the fighting" -> "ending the fighting"). A ب/ل-marked word counts only before
        any other preposition."""
        view = self.view
        tokens = view.sentence.tokens
        prepositions = word_class("preposition")
        end = min(limit, len(tokens), start + ABOUT_REACH + 1)
        seen_preposition = False
        for i in range(start, end):
            word = tokens[i].norm
            if i in view.covered or len(word) < 2:
                continue
            for marker in frame.about:
                if word == marker:
                    return self.phrase(i + 1 if marker in prepositions else i, limit)
                if len(marker) == 1 and not seen_preposition:
                    for _, proclitic in proclitic_variants(word)[1:]:
                        if proclitic.endswith(marker) and word not in view.doc.gazetteer.name_stops:
                            return self.phrase(i, limit, strip=len(proclitic))
                elif len(marker) > 1 and marker in (stem for stem, _ in proclitic_variants(word)):
                    return self.phrase(i, limit)
            seen_preposition = seen_preposition or word in prepositions
        return ""

    def phrase(self, i: int, limit: int, strip: int = 0) -> str:
        sentence = self.view.sentence
        tokens = sentence.tokens
        end = i
        while end < min(limit, len(tokens), i + ABOUT_WORDS):
            if end > i and sentence.text[tokens[end - 1].end - sentence.start:
                                         tokens[end].start - sentence.start].strip():
                break
            end += 1
        words = [t.text for t in tokens[i:end]]
        if words:
            words[0] = words[0][strip:]
        return " ".join(words)


# -- agent modes: the frames' `agent` column ----------------------------------------------------
@dataclass
class Slot:
    """What an agent mode knows about the trigger it resolves."""

    index: int
    trigger: Trigger
    frame: Frame
    limit: int  # token where the next trigger starts
    governor: Event | None
    confidence: float


@dataclass
class Agents:
    """An agent mode's answer. `restated`: the trigger only restates its governor's event."""

    keys: list[str] = field(default_factory=list)
    end: int = 0
    confidence: float = 0.0
    restated: bool = False
    rule: str = ""  # how the agent was found outside the trigger's clause, for the fact's rule name
    parties: list[str] = field(default_factory=list)  # mutual actions: the first acts on the others
    targets: list[str] | None = None  # the mode found the target too (the receiver of a call)


AgentMode = Callable[["EventAssembler", Slot], Agents]
AGENT_MODES: dict[str, AgentMode] = {}


def agent_mode(name: str) -> Callable[[AgentMode], AgentMode]:
    """Register the function that fills the agent for frames whose `agent` cell is `name`."""
    def register(function: AgentMode) -> AgentMode:
        AGENT_MODES[name] = function
        return function
    return register


@agent_mode("subj")
def agent_subject(assembler: "EventAssembler", slot: Slot) -> Agents:
    """The verb's subject (SubjectFinder.subject)."""
    nisba = assembler.subjects.nisba_of_noun(slot.trigger) if "nisba" not in slot.frame.targets else []
    if nisba:
        return Agents(nisba, slot.trigger.end + 1, slot.confidence, rule="+nisba")  # "a Russian strike"
    resumptive = assembler.subjects.resumptive_light_verb(slot.trigger)
    if resumptive is not None:  # "قصف شنته قوات الاحتلال"
        return Agents(resumptive[0], resumptive[1], slot.confidence, rule="+resumptive-verb")
    keys, end, confidence, rule = assembler.subjects.subject(slot.index, slot.limit, slot.confidence)
    return Agents(keys, end, confidence, rule=rule)


@agent_mode("responsible")
def agent_responsible(assembler: "EventAssembler", slot: Slot) -> Agents:
    """"أعلن X مسؤوليته عن الهجوم على Y"، "حمّلت X Y مسؤولية الهجوم على Z": the one responsible (the
    verb's subject or object, named in its clause) made the attack on the target named after it. With no
    target the phrase refers to an attack told before (مسؤوليتها عن هجمات أحمد آباد), with nobody named in
    its clause it adds no actor: no event of its own."""
    keys, end, confidence, rule = assembler.subjects.subject(slot.index, slot.limit, slot.confidence)
    targets = assembler.targets.targets(slot.frame, max(end, slot.trigger.end), slot.limit, keys)
    if not targets and assembler.relative_act_after(slot.trigger):
        targets = []  # "مسؤوليته عن الهجوم الذي استهدف X": the relative verb tells its target (relative_of_event)
    elif not targets and not assembler.targets.marked_object(slot.frame, max(end, slot.trigger.end)):
        keys = []  # (an object spelled out, "مسؤوليتها عن هجوم على قاعدة عسكرية", tells a new attack)
    if not keys or any(r in rule for r in CROSS_CLAUSE_RULES):
        return Agents([], slot.trigger.end, confidence, targets=[])  # nobody responsible in its clause: nothing new
    return Agents(keys, end, confidence, rule=rule + "+responsible", targets=targets)


@agent_mode("governor")
def agent_governor(assembler: "EventAssembler", slot: Slot) -> Agents:
    """A noun's own subject right before it, else the actor of the verb it depends on."""
    trigger, governor = slot.trigger, slot.governor
    received = assembler.subjects.received_from(trigger, slot.limit)
    if received is not None:  # "تلقى الوزير اتصالاً من نظيره": the counterpart made the call
        sender, receiver = received
        return Agents(sender, trigger.end, slot.confidence, rule="+received", targets=receiver)
    own = assembler.subjects.subject_adjacent(trigger)
    if own and governor is not None and governor.type != slot.frame.event \
            and vocabulary().is_a(governor.type, slot.frame.event) \
            and set(own) <= set(governor.agents) | set(governor.targets):
        return Agents(restated=True)  # "وقعت مصر والصومال مذكرة تفاهم": the parties' signing, told once
    if own and governor is not None and own == governor.agents:  # "أعلن المتحدث فلان استهداف": his body's act
        return Agents(assembler.subjects.speaks_for(own), trigger.end, slot.confidence)
    if own:
        return Agents(own, trigger.end, slot.confidence)
    nisba = assembler.subjects.nisba_of_noun(trigger) if "nisba" not in slot.frame.targets else []
    if nisba:
        return Agents(nisba, trigger.end + 1, slot.confidence, rule="+nisba")
    if assembler.subjects.background(trigger):
        return Agents([], trigger.end, slot.confidence)  # "في هجوم سابق"، "ذكرى الهجوم": not this verb's act
    governing = next((t for t in assembler.triggers if t.event is governor), None) if governor is not None else None
    goal = slot.frame.agent == "subj" and governing is not None \
        and assembler.clauses.at(governing.start) is not assembler.clauses.at(trigger.start)
    if governor is not None and (governor.type == slot.frame.event or vocabulary().is_a(governor.type, slot.frame.event)) and not goal:
        # "Washington delivered a shipment of arms to X", "وقعت مصر … اتفاقية": the noun restates its verb's
        # event (or a kind of it: a signing is an agreement); a purpose
        # verb in another clause is another act ("مدينة غزة التي تتعرض لقصف ... بينما يستعد الجيش لشن هجوم")
        more = assembler.targets.targets(slot.frame, trigger.end, slot.limit, governor.agents)
        governor.targets.extend(t for t in more if t not in governor.targets)
        return Agents(restated=True)
    if governor is not None:
        return Agents(assembler.subjects.speaks_for(governor.agents), trigger.end, slot.confidence)
    before = assembler.subjects.subject_before(trigger)
    if not before:
        return Agents([], trigger.end, slot.confidence)
    # "توصلت إسرائيل وحماس الخميس إلى اتفاق لوقف إطلاق النار": the names joined to the nearest one are
    # the noun's actors with it (both parties), not the last alone
    joined = assembler.subjects.coordinated_before(before[0])
    return Agents(list(dict.fromkeys(k for g in joined for k in g.keys)), trigger.end, slot.confidence)


@agent_mode("governor-target")
def agent_governor_target(assembler: "EventAssembler", slot: Slot) -> Agents:
    """The object of the verb this noun depends on when that verb speaks of someone (اتهم X Y
    بخرق: Y); after an act ("غارات نفذتها قوات إسرائيل ... في أحدث خرق") that act's actor."""
    governor = slot.governor
    if governor is None:
        return Agents([], slot.trigger.end, slot.confidence)
    frame = next((t.frame for t in assembler.triggers if t.event is governor), None)
    if frame is not None and not frame.speech and not frame.governs and governor.agents:
        return Agents(governor.agents[:], slot.trigger.end, slot.confidence, rule="+governor")
    return Agents(governor.targets[:], slot.trigger.end, slot.confidence)


@agent_mode("host")
def agent_host(assembler: "EventAssembler", slot: Slot) -> Agents:
    """"استقبل X نظيره Y": the verb's subject receives a visitor; the visitor (the object after
    the subject) is the agent of the visit and the host its target. No object, no visitor."""
    hosts, end, confidence, rule = assembler.subjects.subject(slot.index, slot.limit, slot.confidence)
    view = assembler.view
    region = view.region[slot.trigger.start]
    start = max(end, slot.trigger.end)
    after = [g for g in view.groups_between(start, slot.limit, region) if g.marker == "obj"]
    # "استقبل X (الثلاثاء) وفداً من حركة Y / وفداً أمريكياً / وفداً برئاسة فلان": its owner or leader visits
    first = min([after[0].start] if after else [], default=min(slot.limit, len(view.sentence.tokens)))
    noun = next((k for k in range(start, min(first, start + HOST_REACH)) if k not in view.covered
                 and view.sentence.tokens[k].norm in ar.keys("unnamed-agent")), None)
    unnamed = assembler.subjects.unnamed_subject(slot.trigger, slot.limit, noun) if noun is not None else None
    visitor = [k for k in unnamed[0] if k not in hosts] if unnamed else \
        [k for k in after[0].keys if k not in hosts] if after else []
    if not visitor:
        return Agents([], slot.trigger.end, slot.confidence, targets=[])
    return Agents(visitor, unnamed[1] if unnamed else after[0].end, confidence, rule=rule + "+host",
                  targets=[view.as_actor(k) for k in hosts])


@agent_mode("speaker")
def agent_speaker(assembler: "EventAssembler", slot: Slot) -> Agents:
    """A participle (موضحاً): the sentence's last speaker, else the governor's actor, else the
    actor before it, else the previous sentence's speaker."""
    subjects = assembler.subjects
    keys = subjects.last_speaker(slot.index)
    if not keys and slot.governor is not None and slot.governor.agents:
        keys = slot.governor.agents[:]
    if not keys:
        before = subjects.subject_before(slot.trigger)
        keys = before[0].keys[:] if before else subjects.previous_agents[:]
    return Agents(keys, slot.trigger.end, slot.confidence)


@agent_mode("source")
def agent_source(assembler: "EventAssembler", slot: Slot) -> Agents:
    """The name right after the trigger (بحسب X), or after "ما" and its verb (وفق ما أفادت X); a long
    name (وزارة الصحة في غزة) may run past that reach."""
    view, start = assembler.view, slot.trigger.end
    tokens = view.sentence.tokens
    if start + 1 < len(tokens) and tokens[start].norm == ar.word("relative-ma"):
        start += 2  # "بحسب ما ذكرت الوزارة"
    after = [g for g in view.groups if start <= g.start < start + SOURCE_REACH and view.can_act(g)]
    return Agents(after[0].keys[:] if after else [], slot.trigger.end, slot.confidence)


@agent_mode("between")
def agent_between(assembler: "EventAssembler", slot: Slot) -> Agents:
    """Mutual actions: the agent is the first of the parties found as targets (see resolve), or the
    verb's subject right after it ("اشتبكت قوات الأمن مع X": the forces, X the other side)."""
    if is_noun_form(slot.trigger, assembler.view):
        return Agents([], slot.trigger.end, slot.confidence)
    groups = assembler.subjects.subject_after(slot.trigger, slot.limit)
    keys = [k for g in groups for k in g.keys]
    return Agents(keys, groups[-1].end if groups else slot.trigger.end, slot.confidence)


@agent_mode("mutual")
def agent_mutual(assembler: "EventAssembler", slot: Slot) -> Agents:
    """"تبادلت الهند وباكستان القصف": the coordinated subject are the parties; the first is the
    agent and the others its targets, as for "بين X و Y"."""
    view = assembler.view
    groups = assembler.subjects.subject_after(slot.trigger, slot.limit)
    keys = [k for g in groups for k in g.keys]
    end = groups[-1].end if groups else slot.trigger.end
    if groups:  # "تبادلت القوات الهندية والباكستانية": the second party is a nisba joined to the first's
        more, end = view.coordinated_nisbas(end)
        keys += [k for k in more if k not in keys]
    if not groups:  # "تبادل عناصر من اللواء X إطلاق النار": the force the unnamed noun is part of
        unnamed = assembler.subjects.unnamed_subject(slot.trigger, slot.limit)
        keys, end = (unnamed[0], unnamed[1]) if unnamed is not None else ([], end)
    if not keys:  # "أن الهند وباكستان تبادلتا القصف": the coordinated subject before the verb
        keys = assembler.subjects.subject_adjacent(slot.trigger)
    tokens = view.sentence.tokens
    if any(stem in slot.frame.not_cues for i in range(end, min(end + VETO_REACH, len(tokens)))
           for stem, _ in proclitic_variants(tokens[i].norm)):
        return Agents([], end, slot.confidence)  # "تتبادل كل من X وY الاتهامات": what they exchange is no fire
    if len(keys) == 1:  # "تبادل X إطلاق النار مع Y": the other party after مع
        view, with_word = assembler.view, ar.word("with")
        other = next((g for g in view.groups_between(end, slot.limit, view.region[slot.trigger.start])
                      if with_word in (g.marker, g.part_of) and not set(g.keys) & set(keys)), None)
        keys = keys + (other.keys if other is not None else [])
    return Agents(keys[:1], end, slot.confidence, parties=keys)


@agent_mode("patient")
def agent_patient(assembler: "EventAssembler", slot: Slot) -> Agents:
    """"تعرّض X لقصف"، "نجا X من محاولة اغتيال": the verb's subject undergoes the act, so it is
    the target; the actor is the nisba of the act's noun (تعرضت الفاشر لقصف إسرائيلي) or an agent
    phrase (من قبل X, see resolve). A subject found outside the clause (pro-drop, the previous
    sentence) names no target."""
    trigger, view = slot.trigger, assembler.view
    tokens = view.sentence.tokens
    region, start = view.region[trigger.start], assembler.clauses.start(trigger.start)
    before = [g for g in view.groups_between(start if start < trigger.start else 0, trigger.start, region)
              if g.marker == "obj"]
    relative = trigger.start > 0 and tokens[trigger.start - 1].norm in view.doc.gazetteer.relatives
    after = [g for g in view.groups_between(trigger.end, min(trigger.end + 3, len(tokens)), region)
             if g.marker == "obj"] if trigger.end - trigger.start == 1 else []
    if relative:  # "مدينة غزة التي تتعرض لقصف": the noun the relative clause is about
        keys, end, confidence, rule = [], trigger.end, slot.confidence, ""
        head = next(iter(view.group_ending.get(trigger.start - 1, ())), None)  # any marker: في مدينة غزة التي
        if head is not None:
            keys = head.keys[:]
    elif after and not relative:  # "تعرضت منشأة حقل كورمور لهجوم": the name right after the verb
        keys, end, confidence, rule = after[0].keys[:], after[0].end, slot.confidence, ""
    elif is_noun_form(trigger, view) or written_noun(trigger, view):  # "أفادت الوكالة بتعرض أطراف بلدة X لقصف": its genitive undergoes it,
        keys, end, confidence, rule = [], trigger.end, slot.confidence, ""  # never the teller before it
    else:
        keys, end, confidence, rule = assembler.subjects.subject(slot.index, slot.limit, slot.confidence)
        if any(r in rule for r in CROSS_CLAUSE_RULES if r != "+possessor"):  # "إن قواته تعرضت": its forces
            keys, rule = [], ""
        if not keys and before and trigger.start - before[-1].end <= 1:
            keys = before[-1].keys[:]  # "الفاشر تعرضت لقصف": a place right before the verb undergoes it too
    end = max(end, trigger.end)
    agents: list[str] = []
    source: list[str] = []
    if trigger.end - trigger.start > 1:  # "تعرض لقصف إسرائيلي": the noun is the form's last word
        agents = assembler.subjects.nisba_of_noun(trigger)
        source = [] if agents else act_source(view, trigger.end - 1)
    else:
        marks = ar.words("patient-act-marker")
        # the act noun: near the verb, or further in its clause when it is the frame's own (بتعرض أطراف
        # بلدة X الجنوبية، ومنطقة Y، لقصف مدفعي إسرائيلي)
        verbs = [t.start for t in assembler.triggers if t.start >= end and not is_noun_form(t, view)
                 and is_finite_verb(t, view)]
        for j in range(end, min(verbs + [len(tokens)])):
            readings = proclitic_variants(tokens[j].norm)
            if view.region[j] != view.region[trigger.start]:
                break
            place_noun = any(stem in locatives().nouns for stem, _ in readings)  # "لبلدة": the subject's place
            if any(p in marks for _, p in readings) and not place_noun \
                    and (j < end + 3 or tokens[j].norm in slot.frame.cues):
                found = view.nisba_at.get(j + 1, ()) or view.nisba_at.get(j + 2, ())
                agents = [m.entity for m in found][:1]
                source = [] if agents else act_source(view, j)
                break
    agents = agents or source
    # a capital undergoing an attack is the city ("تعرضت كييف لهجوم"), not its government (as with an actor target)
    targets = [view.as_actor(k) if slot.frame.target_kind == "actor" else k for k in keys if k not in agents] or None
    rule = "+patient" + ("+nisba" if agents and not source else "+source" if source else "")
    return Agents(agents, end, confidence, rule=rule, targets=targets)


def act_source(view: SentenceView, j: int) -> list[str]:
    """"تعرضت القرية لقصف من أوكرانيا"، "لإطلاق نار من أرمينيا": من and an actor right after the act noun
    undergone (past one word of it): who made the act."""
    tokens, origin = view.sentence.tokens, ar.word("from")
    for k in (j + 1, j + 2):
        if k + 1 < len(tokens) and tokens[k].norm == origin and view.breaks[k] != k:
            group = view.group_at.get(k + 1)
            if group is not None and group.start == k + 1 and view.can_act(group):
                return [view.as_actor(key) for key in group.keys]
        if k >= len(tokens) or k in view.covered:
            break
    return []


@agent_mode("none")
def agent_none(assembler: "EventAssembler", slot: Slot) -> Agents:
    """No agent, unless a nisba right after the noun names it ("في غارة إسرائيلية")."""
    trigger, tokens = slot.trigger, assembler.view.sentence.tokens
    instrument = any(stem in ar.keys("instrument-word") for i in range(max(0, trigger.start - 3), trigger.start)
                     for stem, _ in proclitic_variants(tokens[i].norm))
    nisba = assembler.subjects.nisba_of_noun(trigger) if "nisba" not in slot.frame.targets and not instrument else []
    if nisba:
        return Agents(nisba, trigger.end + 1, slot.confidence, rule="+nisba")
    resumptive = assembler.subjects.resumptive_light_verb(trigger)
    if resumptive is not None:  # "الغارة نفذتها طائرات تابعة للجيش"
        return Agents(resumptive[0], resumptive[1], slot.confidence, rule="+resumptive-verb")
    light = assembler.subjects.light_verb_subject(trigger)
    if light:  # "شنت قوات الاحتلال حملة اقتحامات": the act is the light verb's subject's
        return Agents(light, trigger.end, slot.confidence, rule="+light-verb")
    if trigger.start > 0 and tokens[trigger.start - 1].norm in ar.keys("means-preposition") and not trigger.proclitic:
        means = assembler.subjects.light_verb_subject(trigger, "means-verb")
        if means:  # "قتلت إسرائيل وزراء في غارة على صنعاء": Israel's strike
            return Agents(means, trigger.end, slot.confidence, rule="+means-verb")
    return Agents([], trigger.end, slot.confidence)


# -- assembly ----------------------------------------------------------------------------------
class EventAssembler:
    """One event per trigger, left to right, each from its agent mode, targets and about."""

    def __init__(self, view: SentenceView, triggers: list[Trigger], doc_id: str,
                 previous_agents: list[str], clauses: ClauseMap | None = None) -> None:
        self.view = view
        self.triggers = triggers
        self.doc_id = doc_id
        self.clauses = clauses or ClauseMap([], [])
        self.subjects = SubjectFinder(view, triggers, previous_agents, self.clauses)
        self.targets = TargetFinder(view, self.clauses)

    def run(self) -> list[Event]:
        events: list[Event] = []
        seen: dict[tuple, Event] = {}
        for index, trigger in enumerate(self.triggers):
            trigger.event = self.resolve(index)
            self.subjects.note(index)
            event = trigger.event
            if event is None:
                continue
            means = self.means_of(trigger, events)
            if means is not None:  # "فرقت الشرطة المتظاهرين ... بالغاز المسيل للدموع": how, not another act
                means.rule += "" if "+means" in means.rule else "+means"
                trigger.event = None
                continue
            fact = (event.relation, tuple(sorted(event.agents)), tuple(sorted(event.targets)))
            purpose = trigger.frame.agent == "subj" and trigger.proclitic.endswith(ar.words("purpose-clitic"))
            if event.relation and event.agents and event.targets and fact in seen and not purpose:
                # (a purpose verb is a goal, another act: "تتعرض لقصف ... بينما يستعد الجيش لشن هجوم")
                # one fact once: "exchanged shelling ..., in mutual shelling between X and Y"
                kept = seen[fact]
                kept.rule += "" if "+restated" in kept.rule else "+restated"
                trigger.event = None
                continue
            seen[fact] = event
            events.append(event)
        fill_act_agent_targets(self)
        return events

    def means_of(self, trigger: Trigger, events: list[Event]) -> Event | None:
        """The earlier event of the same class in the trigger's clause whose means the trigger names:
        a noun on a means clitic (words.tsv means-clitic: بالغاز، بالرصاص) after that event's verb."""
        if not trigger.proclitic.endswith(ar.words("means-clitic")) or not is_noun_form(trigger, self.view):
            return None
        clause = self.clauses.at(trigger.start)
        for event in reversed(events):
            earlier = next((t for t in self.triggers if t.event is event), None)
            if earlier is not None and earlier.start < trigger.start and event.type == trigger.event.type \
                    and not is_noun_form(earlier, self.view) and self.clauses.at(earlier.start) is clause:
                return event
        return None

    def agent_phrase(self, trigger: Trigger, limit: int) -> list[str]:
        """"تعرضت المدينة لقصف من قبل الجيش"، "اقتحامها من جانب القوات": the name after an agent
        phrase in the trigger's clause, close after it, is its agent."""
        view = self.view
        end = min(trigger.end + TARGET_WINDOW, self.clauses.end(trigger.start), len(view.sentence.tokens))
        verbs = [t.start for t in self.triggers if t.start >= trigger.end and t.frame.agent == "subj"
                 and not is_noun_form(t, view)]
        for group in view.groups_between(trigger.end, end, view.region[trigger.start]):
            if any(v < group.start for v in verbs):
                break  # another verb's agent phrase
            if group.marker == AGENT_MARK and view.can_act(group) and group.start - trigger.end <= AGENT_PHRASE_REACH:
                return [view.as_actor(k) for g in view.with_coordinated(view.groups, group) for k in g.keys]
        return []

    def restates(self, index: int) -> Event | None:
        """One fact once: a verb whose subject is the noun of an earlier event of the same kind
        in its clause ("a Russian strike ... hit Kyiv", "Israel launched a raid that targeted")
        adds its objects to that event instead of making a second one."""
        trigger = self.triggers[index]
        clause = self.clauses.at(trigger.start)
        head = self.relative_of_event(index)
        if head is not None:  # "هجوم آخر شنته الحركة أمس، والذي استهدف A": A is that attack's target
            more = self.targets.targets(trigger.frame, trigger.end, self.next_trigger_start(index), head.agents)
            head.targets.extend(t for t in more if t not in head.targets and t not in head.agents)
            if "+relative-event" not in head.rule:
                head.rule += "+relative-event"
            return head
        for earlier in reversed(self.triggers[max(0, index - LOOKBACK):index]):
            event = earlier.event
            if self.clauses.at(earlier.start) is not clause:
                break
            if event is None or not event.relation or event.relation != trigger.frame.relation:
                continue
            between = range(max(earlier.agent_end, earlier.end), trigger.start)
            if any(g.start in between and g.marker == "obj" and self.view.can_act(g) for g in self.view.groups):
                return None  # an actor of its own: another fact
            start = self.resumptive_subject(index, event)
            more = self.targets.targets(trigger.frame, start, self.next_trigger_start(index), event.agents)
            event.targets.extend(t for t in more if t not in event.targets and t not in event.agents)
            if "+restated" not in event.rule:
                event.rule += "+restated"
            return event
        return None

    def resumptive_subject(self, index: int, event: Event) -> int:
        """"تعرضت قاعدة لهجوم تبنته حركة الشباب"، "هجوم شنه X": a verb carrying the earlier noun's pronoun has its
        subject right after it: that subject is the event's agent (when it has none of its own clause), never
        its target. Returns where the verb's objects start."""
        trigger, view = self.triggers[index], self.view
        word = view.sentence.tokens[trigger.end - 1].norm
        pronoun = trigger.enclitic or len(enclitic_variants(word, ends_with_ta_marbuta(view.sentence.tokens[trigger.end - 1].text))) > 1
        if not pronoun or trigger.frame.agent != "subj":  # (a form written with its pronoun: تبناه)
            return trigger.end
        after = self.subjects.subject_after(trigger, self.next_trigger_start(index))
        if not after or after[0].start != trigger.end:
            return trigger.end
        keys = [view.as_actor(k) for g in after for k in g.keys]
        if not event.agents or any(r in event.rule for r in CROSS_CLAUSE_RULES):
            event.agents = keys
            event.targets = [k for k in event.targets if k not in keys]
            event.rule = "".join(r for r in re_rules(event.rule) if r not in CROSS_CLAUSE_RULES) + "+resumptive-verb"
        return after[-1].end

    def owner_agent(self, trigger: Trigger) -> tuple[list[str], int] | None:
        """An event noun (a hostile act) whose owner follows with ل, past at most one adjective: a
        force, group or state ("قصف لقوات الدعم السريع على الفاشر"، "غارات جوية للتحالف"، "هجوم لحركة
        الشباب"): (its keys, end), else None. A held noun between ("قصف لمواقع الحوثيين") is the object."""
        view, tokens = self.view, self.view.sentence.tokens
        if is_finite_verb(trigger, view) or trigger.frame.speech or not event_kind(trigger.frame.event).hostile \
                or not (is_event_noun(trigger, view) or self.subjects.reported_noun(trigger)):
            return None
        owner = ar.word("owner-preposition")
        for k in (trigger.end, trigger.end + 1):
            if k >= len(tokens) or view.breaks[k] == k:
                return None
            group = view.group_at.get(k)
            if group is not None and group.start == k:
                entity = view.doc.entities.get(group.keys[0])
                if group.marker == owner and entity is not None and entity.type in OWNER_AGENT_TYPES \
                        and not view.locative(group):
                    return [view.as_actor(key) for key in group.keys], group.end
                return None
            nouns = ar.keys("held-noun") | ar.keys("unit-noun") | ar.keys("partitive-noun")
            if k in view.covered or tokens[k].norm in function_words() or tokens[k].norm.startswith(owner) \
                    or any(stem in nouns for stem, _ in proclitic_variants(tokens[k].norm)):
                return None  # "لمواقع"، "استهدف دورية للجيش": the object's noun, not its owner
        return None

    def craft_owner(self, trigger: Trigger) -> tuple[list[str], int] | None:
        """A trigger naming a craft (words.tsv unnamed-agent: طائرة، مسيرة) followed by its owner
        (تابعة لـ X) or its operator (توجهها X, words.tsv operator-verb): (X's keys, end), else None."""
        view, tokens, j = self.view, self.view.sentence.tokens, trigger.end
        crafts = ar.keys("unnamed-agent")
        if j + 1 >= len(tokens) or not any(tokens[i].norm in crafts for i in range(trigger.start, trigger.end)) \
                or view.breaks[j] == j:
            return None
        group = view.group_at.get(j + 1)
        if group is None or group.start != j + 1 or not view.can_act(group):
            return None
        word = tokens[j].norm
        if word in ar.keys("affiliation") and group.marker == OWNER_MARK \
                or word in ar.keys("operator-verb") and group.marker == "obj":
            return [view.as_actor(k) for k in group.keys], group.end
        return None

    def construct_agent(self, trigger: Trigger) -> list[str] | None:
        """"استهداف المسلحين لمناطق المدنيين"، "قصف روسيا لخاركيف": a verbal noun in construct (no
        article) with an actor as its genitive, then لـ and the object: the genitive is the actor (the
        masdar's subject; its object takes ل). None when the phrase is not so built."""
        view, tokens = self.view, self.view.sentence.tokens
        k = trigger.end
        if is_finite_verb(trigger, view) or trigger.frame.speech or trigger.enclitic or k >= len(tokens):
            return None  # (a word with a pronoun suffix, "شنته"، "قصفها", is in construct with nothing)
        last = tokens[k - 1].norm[len(trigger.proclitic):] if trigger.end - trigger.start == 1 else tokens[k - 1].norm
        if last.startswith(ar.words("definite-article")):
            return None  # "الاستهداف" takes no genitive
        group = view.group_at.get(k)
        if group is None or group.start != k or group.proclitic or not view.can_act(group):
            return None
        if group.marker != "obj" and not (trigger.proclitic and group.marker == trigger.proclitic[-1]):
            return None  # (a genitive after بقصف carries the trigger's own ب as its marker)
        j = group.end
        if j >= len(tokens) or view.breaks[j] == j or view.region[j] != view.region[trigger.start]:
            return None
        owner = ar.word("owner-preposition")
        # "غارة العدو الإسرائيلي على سيارة"، "قصف روسيا على خاركيف": an object marked by one of the
        # frame's own prepositions (not its direct object, not where) leaves the genitive as the actor
        on = frozenset(m for m in trigger.frame.targets if m not in ("obj", *ar.keys("locative")))
        following = view.group_at.get(j)
        if following is not None and following.start == j:
            marked = following.marker == owner or following.marker in on
        else:
            marked = tokens[j].norm == owner or tokens[j].norm in on or j not in view.covered and any(
                clitic == owner for _, clitic in proclitic_variants(tokens[j].norm)[1:])
        return [view.as_actor(k) for k in group.keys] if marked else None

    def relative_of_event(self, index: int) -> Event | None:
        """"الهجوم الذي شنته X أمس والذي استهدف"، "في غارة إسرائيلية التي استهدفت": a verb right after a
        relative pronoun (و+الذي too), with no object pronoun of its own, whose nearest earlier event
        (at most RELATIVE_EVENT_REACH words before the pronoun, no other actor between) has the same
        relation: the relative clause tells that event's objects; it is no second event."""
        trigger, tokens = self.triggers[index], self.view.sentence.tokens
        i = trigger.start - 1
        if i < 0 or trigger.enclitic or trigger.end - trigger.start != 1 or not trigger.frame.relation:
            return None
        relatives = self.view.doc.gazetteer.relatives
        if not any(stem in relatives for stem, _ in proclitic_variants(tokens[i].norm)):
            return None
        for earlier in reversed(self.triggers[max(0, index - LOOKBACK):index]):
            if i - earlier.end > RELATIVE_EVENT_REACH:
                return None
            event = earlier.event
            if event is None or earlier.frame.speech:
                continue
            if event.relation != trigger.frame.relation:
                return None  # the nearest act is of another kind: the relative is about something else
            between = range(max(earlier.agent_end, earlier.end), i)
            if any(g.start in between and g.marker == "obj" and self.view.can_act(g) for g in self.view.groups):
                return None  # "هجوم شنته الحركة على الجيش الذي استهدف": the army is what the relative is about
            return event
        return None

    def relative_act_after(self, trigger: Trigger) -> bool:
        """A relative pronoun right after the trigger, and a trigger right after it ("الهجوم الذي استهدف")."""
        i, tokens = trigger.end, self.view.sentence.tokens
        if i + 1 < len(tokens) and tokens[i].norm in self.view.doc.gazetteer.relatives \
                and any(t.start == i + 1 for t in self.triggers):
            return True
        # "مسؤوليتها عن هجوم آخر استهدف الجيش": an indefinite noun's relative clause has no pronoun
        return any(trigger.end <= t.start <= trigger.end + RESUMPTIVE_GAP and t.frame.relation == trigger.frame.relation
                   and not is_noun_form(t, self.view) and not t.proclitic for t in self.triggers) \
            and not tokens[trigger.end - 1].norm.startswith(ar.words("definite-article"))

    def next_trigger_start(self, index: int) -> int:
        following = index + 1
        return self.triggers[following].start if following < len(self.triggers) else len(self.view.sentence.tokens)

    def resolve(self, index: int) -> Event | None:
        trigger = self.triggers[index]
        frame = trigger.frame
        mode = frame.agent
        if mode == "none" and not frame.targets:
            return None  # a row naming nobody (الذي خطف قبل شهرين): background, no event even with an agent phrase
        if mode == "subj" and trigger.proclitic.endswith(ar.words("purpose-clitic")):
            mode = "governor"  # purpose clause: shares its governor's subject
        governor = self.subjects.governor(index)
        slot = Slot(index, trigger, frame, self.next_trigger_start(index), governor, frame.confidence)
        restated = self.restates(index)
        if restated is not None:
            trigger.merged = restated
            by = self.agent_phrase(trigger, len(self.view.sentence.tokens))
            if by and (not restated.agents or any(r in restated.rule for r in CROSS_CLAUSE_RULES)):
                restated.agents = by
                restated.targets = [k for k in restated.targets if k not in by]
                restated.rule = "".join(r for r in re_rules(restated.rule) if r not in CROSS_CLAUSE_RULES) \
                    + "+agent-phrase"
            return None
        found = AGENT_MODES[mode](self, slot)
        if found.restated:
            return None
        agents, agent_end, rule = found.keys, max(found.end, trigger.end), found.rule
        construct = self.construct_agent(trigger) if found.targets is None and not found.parties else None
        if construct is not None:  # "استهداف المسلحين لمناطق المدنيين": the genitive acts, ل marks the object
            agents, agent_end, rule = construct, max(agent_end, self.view.group_at[trigger.end].end), "+construct-agent"
            frame = replace(frame, targets=(ar.word("owner-preposition"),) + frame.targets)
        if not agents and found.targets is None and not found.parties:
            own = self.owner_agent(trigger)
            if own is not None:  # "في قصف لقوات الدعم السريع على مدينة الفاشر"، "هجوم لحركة الشباب": theirs
                agents, agent_end, rule = own[0], max(agent_end, own[1]), "+owner-agent"
        if not agents or any(r in rule for r in CROSS_CLAUSE_RULES):
            owner = self.craft_owner(trigger)
            if owner is not None:  # "طائرة مسيرة تابعة لقوات الدعم السريع قصفت"، "طائرة توجهها سي آي ايه"
                agents, agent_end, rule = owner[0], max(agent_end, owner[1]), "+affiliation"
        if not agents or any(r in rule for r in CROSS_CLAUSE_RULES):
            by = self.agent_phrase(trigger, slot.limit if mode == "subj" else len(self.view.sentence.tokens))
            if by:
                agents, rule = by, "".join(r for r in re_rules(rule) if r not in CROSS_CLAUSE_RULES) + "+agent-phrase"
        trigger.agent_end = agent_end
        targets = self.targets.targets(frame, agent_end, slot.limit, agents) if found.targets is None \
            else found.targets
        head = self.subjects.relative_head(trigger) if found.rule == "+relative-object" else None
        if head is not None:
            targets = [self.view.as_actor(k) for k in head.keys]
        if not targets and frame.targets and trigger.enclitic:
            targets = self.targets.antecedent(trigger, agents)
            rule += "+object-antecedent" if targets else ""
        noun_pronoun = trigger.enclitic and self.subjects.pronoun_of_event_noun(trigger)
        if not targets and frame.targets and governor is not None and (mode == "governor" or trigger.enclitic) \
                and not noun_pronoun:  # "بهجوم شنه مسلحون"، "الهجوم الذي يشنه X": the pronoun is the attack
            # "X called ... and urged him", "during a phone call": X again
            targets = governor.targets[:] or ([k for k in governor.agents if k not in agents]
                                              if trigger.enclitic else [])
            rule += "+object-pronoun" if targets and trigger.enclitic and mode != "governor" else ""
        if mode == "between" and targets and not agents and self.targets.paired(frame, agents):
            agents, targets = targets[:1], targets[1:]  # "بين X و Y": X acts; "مع Y" alone: Y is the other side
        if len(found.parties) > 1:
            agents, targets = found.parties[:1], found.parties[1:]
        about = self.targets.about(frame, agent_end, slot.limit)
        agents = [self.view.as_actor(k) for k in agents]
        if not agents and not targets and not (frame.speech and mode == "governor") \
                and not (mode in STANDING_MODES and event_kind(frame.event).stands_alone and self.stands(trigger, mode)):
            return None  # (a verb whose class stands alone, "تظاهر الآلاف", is kept: the ontology says so)
        return self.event(trigger, agents, targets, about, found.confidence, rule)

    def stands(self, trigger: Trigger, mode: str) -> bool:
        """A subject verb stands alone; a clash noun only when indefinite, bare and told as taking place
        (words.tsv onset-verb: "اندلعت اشتباكات في حي X"، "تشهد المدينة اشتباكات"): "وقف المعارك"،
        "قواعد الاشتباك"، "لمواجهات" name fighting told elsewhere, or none."""
        if mode == "subj":
            return True
        tokens = self.view.sentence.tokens
        if trigger.proclitic or tokens[trigger.start].norm.startswith(ar.words("definite-article")):
            return False
        onset = ar.keys("onset-verb")
        near = range(max(0, trigger.start - ONSET_REACH), min(len(tokens), trigger.end + 2))
        return any(stem in onset for k in near if not trigger.start <= k < trigger.end
                   for stem, _ in proclitic_variants(tokens[k].norm))

    def event(self, trigger: Trigger, agents: list[str], targets: list[str], about: str,
              confidence: float, rule: str = "") -> Event:
        sentence, frame = self.view.sentence, trigger.frame
        tokens = sentence.tokens
        agents = dedupe(agents)
        kind, relation = frame.event, frame.relation
        if frame.person_event and self.people_only(agents, targets):
            kind, relation, rule = frame.person_event, event_kind(frame.person_event).relation, rule + "+verbal"
        return Event(
            id=f"{tokens[trigger.start].start}-{kind}",
            type=kind,
            relation=relation,
            sentence=sentence.index,
            start=tokens[trigger.start].start,
            end=tokens[trigger.end - 1].end,
            trigger=" ".join(t.text for t in tokens[trigger.start:trigger.end]),
            rule=f"frame:{frame.forms[0]}{rule}",
            confidence=round(confidence, 2),
            agents=agents,
            targets=[t for t in dedupe(targets) if t not in agents],
            about=about,
        )


    def people_only(self, agents: list[str], targets: list[str]) -> bool:
        """Only named people act, on no place: "هاجم لابيد الحكومة" is words, not arms."""
        entities = self.view.doc.entities
        if not agents or any(getattr(entities.get(k), "type", "") != "Person" for k in agents):
            return False
        return not any(getattr(entities.get(k), "type", "") in PLACE_TYPES for k in targets)


CROSS_CLAUSE_RULES = ("+pro-drop", "+previous-sentence", "+possessor")


def re_rules(rule: str) -> list[str]:
    """"frame:قصف+restated+pro-drop" -> ["frame:قصف", "+restated", "+pro-drop"]."""
    head, *rest = rule.split("+")
    return [head] + ["+" + r for r in rest]


def dedupe(keys: list[str]) -> list[str]:
    return list(dict.fromkeys(keys))
# Agent modes whose event is kept with no party when its class stands alone (kg:standsWithoutParticipants):
# a subject verb (تظاهر الآلاف) and a clash noun whose sides go unnamed (اندلعت اشتباكات في حي X): issue 10
# keeps such an event with its place, victims and date, never with a guessed party.
STANDING_MODES = frozenset({"subj", "between"})
ONSET_REACH = 3  # words before a clash noun its onset verb may stand (تشهد مدينة طرابلس اشتباكات)
