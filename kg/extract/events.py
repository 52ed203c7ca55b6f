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
from dataclasses import dataclass, field
from typing import Callable

from kg.extract.clauses import Clause, clause_of_tokens, segment
from kg.extract.entities import DocumentEntities
from kg.extract.frames import Frame, frame_index, word_class
from kg.extract.phrases import PhraseMatch
from kg.graph.vocabulary import event_kind
from kg.lang import ar
from kg.model import Event, Mention, Sentence
from kg.text.clitics import enclitic_variants, ends_with_ta_marbuta, proclitic_variants
from kg.text.normalize import normalize_word

SUBJECT_WINDOW = 8
TARGET_WINDOW = 14
ABOUT_WORDS = 4
VETO_REACH = 4  # words around a trigger where a frame's negative cue vetoes it
ABOUT_REACH = 3
COMPLEMENT_REACH = 40  # words between أن/إن and the verb it introduces
LOOKBACK = 24  # earlier triggers of the sentence a trigger may depend on (governor, speaker)  # the free-text object follows the verb's arguments closely
PLACE_TYPES = {"City", "Region", "Place"}
GENDER_CHECKED_TYPES = {"ArmedForce", "Ministry", "GovernmentBody", "Government", "Parliament"}


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


@dataclass
class Trigger:
    start: int
    end: int
    frame: Frame
    proclitic: str
    enclitic: bool
    event: Event | None = None
    agent_end: int = 0  # token where the agent found for it ends


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
    breaks: list[int] = field(default_factory=list)  # per token: the next clause-punctuation break
    group_starts: list[int] = field(default_factory=list)  # groups' start tokens, for binary search
    group_at: dict[int, Group] = field(default_factory=dict)  # token -> the group covering it
    group_ending: dict[int, list[Group]] = field(default_factory=dict)  # end token -> groups
    nisba_at: dict[int, list[Mention]] = field(default_factory=dict)  # start token -> nisba mentions

    @classmethod
    def build(cls, doc: DocumentEntities, sentence: Sentence, mentions: list[Mention],
              quotes: list[tuple[int, int, str]]) -> "SentenceView":
        view = cls(doc, sentence, mentions)
        view.index_groups()
        view.region = quote_regions(sentence, quotes)
        view.breaks = next_breaks(sentence)
        for i, token in enumerate(sentence.tokens):
            if i not in view.covered:  # a cue inside a name ("قوات الدعم السريع") is no cue
                for stem, _ in proclitic_variants(token.norm):
                    view.stems.update(enclitic_variants(stem))
        return view

    def index_groups(self) -> None:
        prepositions = word_class("preposition")
        by_span: dict[tuple[int, int], Group] = {}
        for mention in sorted(self.mentions, key=lambda m: m.token_start):
            self.covered.update(range(mention.token_start, mention.token_end))
            if mention.kind in ("nisba", "qualifier"):
                continue
            span = (mention.token_start, mention.token_end)
            if span in by_span:
                by_span[span].keys.append(mention.entity)
                continue
            group = Group(span[0], span[1], [mention.entity], "obj", mention.proclitic, mention)
            group.marker = self.marker_of(group, prepositions)
            by_span[span] = group
            self.groups.append(group)
        self.group_starts = [g.start for g in self.groups]
        for group in self.groups:
            self.group_ending.setdefault(group.end, []).append(group)
            for i in range(group.start, group.end):
                self.group_at.setdefault(i, group)
        for mention in self.mentions:
            if mention.kind == "nisba":
                self.nisba_at.setdefault(mention.token_start, []).append(mention)

    def marker_of(self, group: Group, prepositions: frozenset[str]) -> str:
        """What introduces a name: a preposition or oblique proclitic, else "obj"."""
        if group.mention.titled and not group.proclitic.strip(ar.words("conjunction")[0]):
            return "obj"  # the title before it is what a preposition would attach to
        for clitic in ar.words("oblique-clitic"):
            if clitic in group.proclitic:
                return clitic
        i = group.start - 1
        if i < 0:
            return "obj"
        previous = self.sentence.tokens[i].norm
        if previous in prepositions:
            return previous
        if self.groups and self.coordinated(self.groups[-1], group):
            return self.groups[-1].marker  # coordinated: "X and Y" share a preposition
        if previous not in self.doc.gazetteer.name_stops and i not in self.covered:
            construct = ar.words("construct-clitic")
            for stem, proclitic in proclitic_variants(previous)[1:]:
                if proclitic and proclitic[-1] in construct and len(stem) >= 3:
                    return proclitic[-1]  # construct state: "for the forces of X"
        return "obj"

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
        if self.breaks and previous.end < len(self.breaks) and self.breaks[previous.end] <= group.start:
            return False  # "around Sake, and it called on Rwanda": punctuation ends the list
        gap = group.start - previous.end
        if gap == 0:
            return group.proclitic.startswith(conjunction)
        return gap == 1 and self.sentence.tokens[previous.end].text.startswith(conjunction)

    def with_coordinated(self, groups: list[Group], first: Group) -> list[Group]:
        chosen = [first]
        position = groups.index(first)
        for group in groups[position + 1:]:
            if self.coordinated(chosen[-1], group):
                chosen.append(group)
            else:
                break
        return chosen

    def can_act(self, group: Group) -> bool:
        """Places do not act, except capitals standing for their government (موسكو)."""
        entity = self.doc.entities.get(group.keys[0])
        return entity is None or entity.type not in PLACE_TYPES or bool(entity.capital_of)

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
    """Per token i, the first token j >= i preceded by clause punctuation (or the length)."""
    tokens, text, offset = sentence.tokens, sentence.text, sentence.start
    marks = ar.words("clause-punctuation")
    out = [len(tokens)] * (len(tokens) + 1)
    for i in range(len(tokens) - 1, 0, -1):
        gap = text[tokens[i - 1].end - offset:tokens[i].start - offset]
        out[i] = i if any(m in gap for m in marks) else out[i + 1]
    return out[:len(tokens)] or [0]


# -- clauses -----------------------------------------------------------------------------------
def is_noun_form(trigger: Trigger, view: SentenceView) -> bool:
    """A definite trigger word (القصف) or one with ب/ل (بقصف) is a verbal noun, not a verb."""
    if trigger.proclitic.endswith(ar.words("noun-clitic")):
        return True
    word = view.sentence.tokens[trigger.start].norm[len(trigger.proclitic):]
    return word.startswith(ar.words("definite-article"))


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
        if verb is not None and not verb.proclitic and not is_noun_form(verb, view):
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


# -- triggers ----------------------------------------------------------------------------------
class TriggerFinder:
    """Frame triggers left to right: longest phrase, first frame whose cue the sentence has."""

    def __init__(self, view: SentenceView) -> None:
        self.view = view

    def find(self) -> list[Trigger]:
        view, tokens = self.view, self.view.sentence.tokens
        negators = word_class("negator")
        triggers: list[Trigger] = []
        i = 0
        while i < len(tokens):
            if i in view.covered:
                i += 1
                continue
            matches: list[PhraseMatch[Frame]] = frame_index().match_at(tokens, i)
            chosen = next((m for m in matches if self.cue_ok(m.value) and not self.vetoed(m)), None)
            if chosen is None:
                i += 1
                continue
            if i > 0 and tokens[i - 1].norm in negators:
                i = chosen.end  # negated: it did not happen
                continue
            triggers.append(Trigger(chosen.start, chosen.end, chosen.value, chosen.proclitic, chosen.enclitic))
            i = chosen.end
        return triggers

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
def feminine_verb(word: str, trigger: Trigger) -> bool:
    """Third person feminine past: a one-word form with the feminine ending, not a noun."""
    return trigger.end - trigger.start == 1 and word.endswith(ar.words("feminine-verb-ending"))


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

    def subject(self, index: int, limit: int, confidence: float) -> tuple[list[str], int, float, str]:
        """A verb's subject: (agent keys, token where the subject ends, confidence, rule suffix).
        The subject is looked for in the verb's own clause; any step outside it is a named rule
        (pro-drop continuation, the previous sentence's speaker), and none is a guess."""
        trigger = self.triggers[index]
        end = trigger.end
        relative = self.relative_head(trigger)
        if relative is not None:
            return self.relative_subject(trigger, relative, limit, confidence)
        if self.after_relative_noun(trigger):
            return [], end, confidence, ""  # "the attack that targeted": a plain noun did it
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
        after = after or self.subject_after(trigger, limit)
        if after and main is not None and self.coordinated_verb(trigger) and trigger.start > 1 \
                and not after[0].mention.titled:
            after = []  # "X called ... and urged Israel": Israel is the object; X still speaks
        if after:
            return [k for g in after for k in g.keys], after[-1].end, confidence, ""
        if self.plain_subject_before(trigger):
            return [], end, confidence, ""  # "a heavy strike hit Kyiv": the noun is the subject
        before = self.subject_before(trigger)
        if before and self.view.same_clause(before[0].end, trigger.start):
            return before[0].keys[:], end, confidence, ""
        if main is not None:
            return main.agents[:], end, confidence, "+pro-drop"  # "X made a call, stressing in it"
        if before:
            return before[0].keys[:], end, confidence, "+pro-drop"
        if trigger.start <= 1 and self.previous_agents and self.view.region[trigger.start] < 0 \
                and self.subject_dropped(trigger):
            return self.previous_agents[:], end, confidence * 0.8, "+previous-sentence"  # "and he added"
        return [], end, confidence, ""

    def subject_dropped(self, trigger: Trigger) -> bool:
        """The verb's subject is not spelled out after it: no title opens a noun phrase there
        ("أكد المتحدث باسم ..." has its own subject, unnamed in the gazetteer; "وأضاف أن"،
        "كما أعلن استهداف" continue the last speaker)."""
        tokens = self.view.sentence.tokens
        following = trigger.end
        if following >= len(tokens):
            return True
        return not self.view.doc.gazetteer.titles.match_at(tokens, following)

    def nisba_of_noun(self, trigger: Trigger) -> list[str]:
        """A nisba right after a trigger makes it a noun and names its actor: "قصف روسي"."""
        return [m.entity for m in self.view.nisba_at.get(trigger.end, ())][:1]

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

    def subject_after(self, trigger: Trigger, limit: int) -> list[Group]:
        view = self.view
        if view.is_complementizer(trigger.end):
            return []
        end = min(trigger.end + SUBJECT_WINDOW, limit, self.clauses.end(trigger.start))
        for i in range(trigger.end, end):  # the subject comes before any أن/إن
            if view.is_complementizer(i):
                end = i
                break
        window = [g for g in view.groups if trigger.end <= g.start < end
                  and view.region[g.start] == view.region[trigger.start]]  # a long name may run past
        oblique = ar.words("construct-clitic")
        for group in window:
            # right after the trigger, a ب/ل on the trigger is not the group's ("بوساطة مصر")
            if group.marker == "obj" or (group.start == trigger.end and group.marker in oblique
                                         and not group.proclitic):
                if not view.can_act(group) or not self.agrees(trigger, group):
                    return []
                return view.with_coordinated(window, group)
            if group.marker not in ar.keys("locative"):
                break
        return []

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
                return group.keys[:]
        for mention in view.nisba_at.get(i, ()):
            if mention.token_end == i + 1:
                return [mention.entity]
        return []

    def possessed_subject(self, index: int) -> bool:
        """The noun after أن carries a pronoun suffix (its forces)."""
        tokens = self.view.sentence.tokens
        c = self.view.complement_before(self.triggers[index], 0)
        word = tokens[c + 1].norm
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
            main = self.main_event(index)  # "X announced that it targeted": the speaker did
            if main is not None:
                return PronounSubject(main.agents)
        groups = [g for g in view.groups_between(c + 1, trigger.start, view.region[trigger.start])
                  if g.marker == "obj" and view.can_act(g)]
        if c + 1 < trigger.start and (c + 1) not in view.covered and not groups:
            return PLAIN_SUBJECT  # "that its units moved": the subject is a plain noun, no actor
        if not groups:
            return []
        first = groups[0]  # right after أن, or after the title that names it
        return [first] if first.start == c + 1 or first.mention.titled else []

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
            if self.view.region[trigger.start] != region:
                continue
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
        end = min(start + TARGET_WINDOW, limit, view.clause_end(start), self.clauses.end(max(start - 1, 0)))
        region = view.region[start] if start < len(view.region) else -1
        window = [g for g in view.groups_between(start, end, region) if not set(g.keys) & set(agents)]
        between = ar.word("between")
        for marker in frame.targets:
            if marker == "nisba":
                continue
            if marker == between:  # "the talks between X and Y mediated by Z": before or after
                everywhere = view.groups_between(0, len(view.sentence.tokens), region)
                marked = [g for g in everywhere if g.marker == marker and not set(g.keys) & set(agents)]
                if marked:
                    chosen = view.with_coordinated(everywhere, marked[0])
                    return [view.as_actor(k) for g in chosen for k in g.keys]
                continue
            for group in window:
                if group.marker == marker:
                    chosen = view.with_coordinated(window, group)
                    keys = [k for g in chosen for k in g.keys]
                    return [view.as_actor(k) if frame.target_kind == "actor" else k for k in keys]
        if "nisba" in frame.targets:
            return view.nisba_after(start, limit)
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
    keys, end, confidence, rule = assembler.subjects.subject(slot.index, slot.limit, slot.confidence)
    return Agents(keys, end, confidence, rule=rule)


@agent_mode("governor")
def agent_governor(assembler: "EventAssembler", slot: Slot) -> Agents:
    """A noun's own subject right before it, else the actor of the verb it depends on."""
    trigger, governor = slot.trigger, slot.governor
    own = assembler.subjects.subject_adjacent(trigger)
    if own:
        return Agents(own, trigger.end, slot.confidence)
    nisba = assembler.subjects.nisba_of_noun(trigger) if "nisba" not in slot.frame.targets else []
    if nisba:
        return Agents(nisba, trigger.end + 1, slot.confidence, rule="+nisba")
    if governor is not None and governor.type == slot.frame.event:
        # "Washington delivered a shipment of arms to X": the noun restates its verb's event
        more = assembler.targets.targets(slot.frame, trigger.end, slot.limit, governor.agents)
        governor.targets.extend(t for t in more if t not in governor.targets)
        return Agents(restated=True)
    if governor is not None:
        return Agents(governor.agents[:], trigger.end, slot.confidence)
    before = assembler.subjects.subject_before(trigger)
    return Agents(before[0].keys[:] if before else [], trigger.end, slot.confidence)


@agent_mode("governor-target")
def agent_governor_target(assembler: "EventAssembler", slot: Slot) -> Agents:
    """The object of the verb this noun depends on (a violation by the accused)."""
    keys = slot.governor.targets[:] if slot.governor is not None else []
    return Agents(keys, slot.trigger.end, slot.confidence)


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
    """The name right after the trigger (بحسب X)."""
    after = assembler.view.groups_between(slot.trigger.end, slot.trigger.end + 3)
    return Agents(after[0].keys[:] if after else [], slot.trigger.end, slot.confidence)


@agent_mode("between")
def agent_between(assembler: "EventAssembler", slot: Slot) -> Agents:
    """Mutual actions: the agent is the first of the parties found as targets (see resolve)."""
    return Agents([], slot.trigger.end, slot.confidence)


@agent_mode("mutual")
def agent_mutual(assembler: "EventAssembler", slot: Slot) -> Agents:
    """"تبادلت الهند وباكستان القصف": the coordinated subject are the parties; the first is the
    agent and the others its targets, as for "بين X و Y"."""
    groups = assembler.subjects.subject_after(slot.trigger, slot.limit)
    keys = [k for g in groups for k in g.keys]
    end = groups[-1].end if groups else slot.trigger.end
    return Agents(keys[:1], end, slot.confidence, parties=keys)


@agent_mode("none")
def agent_none(assembler: "EventAssembler", slot: Slot) -> Agents:
    """No agent."""
    return Agents([], slot.trigger.end, slot.confidence)


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
            fact = (event.relation, tuple(sorted(event.agents)), tuple(sorted(event.targets)))
            if event.relation and event.agents and event.targets and fact in seen:
                # one fact once: "exchanged shelling ..., in mutual shelling between X and Y"
                kept = seen[fact]
                kept.rule += "" if "+restated" in kept.rule else "+restated"
                trigger.event = None
                continue
            seen[fact] = event
            events.append(event)
        return events

    def restates(self, index: int) -> Event | None:
        """One fact once: a verb whose subject is the noun of an earlier event of the same kind
        in its clause ("a Russian strike ... hit Kyiv", "Israel launched a raid that targeted")
        adds its objects to that event instead of making a second one."""
        trigger = self.triggers[index]
        clause = self.clauses.at(trigger.start)
        for earlier in reversed(self.triggers[max(0, index - LOOKBACK):index]):
            event = earlier.event
            if self.clauses.at(earlier.start) is not clause:
                break
            if event is None or not event.relation or event.relation != trigger.frame.relation:
                continue
            between = range(max(earlier.agent_end, earlier.end), trigger.start)
            if any(g.start in between and g.marker == "obj" and self.view.can_act(g) for g in self.view.groups):
                return None  # an actor of its own: another fact
            more = self.targets.targets(trigger.frame, trigger.end, self.next_trigger_start(index), event.agents)
            event.targets.extend(t for t in more if t not in event.targets and t not in event.agents)
            if "+restated" not in event.rule:
                event.rule += "+restated"
            return event
        return None

    def next_trigger_start(self, index: int) -> int:
        following = index + 1
        return self.triggers[following].start if following < len(self.triggers) else len(self.view.sentence.tokens)

    def resolve(self, index: int) -> Event | None:
        trigger = self.triggers[index]
        frame = trigger.frame
        mode = frame.agent
        if mode == "subj" and trigger.proclitic.endswith(ar.words("purpose-clitic")):
            mode = "governor"  # purpose clause: shares its governor's subject
        governor = self.subjects.governor(index)
        slot = Slot(index, trigger, frame, self.next_trigger_start(index), governor, frame.confidence)
        restated = self.restates(index)
        if restated is not None:
            return None
        found = AGENT_MODES[mode](self, slot)
        if found.restated:
            return None
        agents, agent_end = found.keys, max(found.end, trigger.end)
        trigger.agent_end = agent_end
        targets = self.targets.targets(frame, agent_end, slot.limit, agents)
        head = self.subjects.relative_head(trigger) if found.rule == "+relative-object" else None
        if head is not None:
            targets = [self.view.as_actor(k) for k in head.keys]
        if not targets and frame.targets and governor is not None and (mode == "governor" or trigger.enclitic):
            # "X called ... and urged him", "during a phone call": X again
            targets = governor.targets[:] or ([k for k in governor.agents if k not in agents]
                                              if trigger.enclitic else [])
        if mode == "between" and targets:
            agents, targets = targets[:1], targets[1:]
        if len(found.parties) > 1:
            agents, targets = found.parties[:1], found.parties[1:]
        about = self.targets.about(frame, agent_end, slot.limit)
        agents = [self.view.as_actor(k) for k in agents]
        if not agents and not targets and not (frame.speech and mode == "governor") \
                and not (mode == "subj" and event_kind(frame.event).stands_alone):
            return None  # (a verb whose class stands alone, "تظاهر الآلاف", is kept: the ontology says so)
        return self.event(trigger, agents, targets, about, found.confidence, found.rule)

    def event(self, trigger: Trigger, agents: list[str], targets: list[str], about: str,
              confidence: float, rule: str = "") -> Event:
        sentence, frame = self.view.sentence, trigger.frame
        tokens = sentence.tokens
        agents = dedupe(agents)
        return Event(
            id=f"{tokens[trigger.start].start}-{frame.event}",
            type=frame.event,
            relation=frame.relation,
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


def dedupe(keys: list[str]) -> list[str]:
    return list(dict.fromkeys(keys))
