"""Event component: frame triggers in a sentence, with their agent, target, date and object.

Reads: sentence tokens, the sentence's mentions, the frames. Writes: `Event`s. Arguments are
found positionally, as Arabic news writes them: the subject after a verb-initial trigger
(أعلنت روسيا), else before it (الجيش أعلن), else carried over from the previous sentence's
speaker (وأضاف أن...); the object by the preposition the frame names (اتصل بـ، دعا ... إلى).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.entities import DocumentEntities
from kg.extract.frames import Frame, frame_index, word_class
from kg.extract.phrases import PhraseMatch
from kg.model import Event, Mention, Sentence
from kg.text.clitics import enclitic_variants, ends_with_ta_marbuta, proclitic_variants
from kg.text.normalize import normalize_word

SUBJECT_WINDOW = 8
TARGET_WINDOW = 14
ABOUT_WORDS = 4
ABOUT_REACH = 3  # the free-text object follows the verb's arguments closely
PLACE_TYPES = {"City", "Region", "Place"}
PLAIN_SUBJECT: list = []  # sentinel: the subject is a noun that names no actor


class PronounSubject(tuple):
    """The subject is a pronoun on أن/إن: the keys of the actor it refers to."""

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self)


GENDER_CHECKED_TYPES = {"ArmedForce", "Ministry", "GovernmentBody", "Government", "Parliament"}


def feminine_verb(word: str, trigger: "Trigger") -> bool:
    """Third person feminine past: the form ends in ت (قالت، اتهمت، شنت), not a noun."""
    return trigger.end - trigger.start == 1 and word.endswith("ت")


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


@dataclass
class SentenceEvents:
    """Finds the events of one sentence; `doc` carries what earlier sentences established."""

    doc: DocumentEntities
    sentence: Sentence
    mentions: list[Mention]
    doc_id: str
    previous_agents: list[str]
    groups: list[Group] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    stems: set[str] = field(default_factory=set)
    covered: set[int] = field(default_factory=set)  # token indices inside mentions
    region: list[int] = field(default_factory=list)  # per token: which quotation it is in, or -1

    def __post_init__(self) -> None:
        prepositions = word_class("preposition")
        self.covered: set[int] = set()
        covered = self.covered
        by_span: dict[tuple[int, int], Group] = {}
        for mention in sorted(self.mentions, key=lambda m: m.token_start):
            covered.update(range(mention.token_start, mention.token_end))
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
        from kg.extract.claims import quote_spans

        spans = quote_spans(self.sentence)
        self.region = [next((n for n, (a, b, _) in enumerate(spans) if a <= t.start < b), -1)
                       for t in self.sentence.tokens]
        for i, token in enumerate(self.sentence.tokens):
            if i not in self.covered:  # a cue inside a name ("قوات الدعم السريع") is no cue
                for stem, _ in proclitic_variants(token.norm):
                    self.stems.update(enclitic_variants(stem))

    # -- markers --------------------------------------------------------------------------------
    def marker_of(self, group: Group, prepositions: frozenset[str]) -> str:
        if group.mention.titled and not group.proclitic.strip("و"):
            return "obj"  # the title before it is what a preposition would attach to
        for clitic in ("ب", "ل", "ك"):
            if clitic in group.proclitic:
                return clitic
        i = group.start - 1
        if i < 0:
            return "obj"
        previous = self.sentence.tokens[i].norm
        if previous in prepositions:
            return previous
        if self.groups and self.coordinated(self.groups[-1], group):
            return self.groups[-1].marker  # coordinated: "بقادة أذربيجان وأرمينيا"
        if previous not in self.doc.gazetteer.name_stops and i not in self.covered:
            for stem, proclitic in proclitic_variants(previous)[1:]:
                if proclitic and proclitic[-1] in "بل" and len(stem) >= 3:
                    return proclitic[-1]  # construct state: "بقادة أذربيجان", "لقوات X"
        return "obj"

    # -- triggers -------------------------------------------------------------------------------
    def find_triggers(self) -> None:
        tokens = self.sentence.tokens
        i = 0
        while i < len(tokens):
            if i in self.covered:
                i += 1
                continue
            matches: list[PhraseMatch[Frame]] = frame_index().match_at(tokens, i)
            chosen = next((m for m in matches if self.cue_ok(m.value)), None)
            if chosen is None:
                i += 1
                continue
            if i > 0 and tokens[i - 1].norm in word_class("negator"):
                i = chosen.end  # "لم تستهدف": it did not happen
                continue
            self.triggers.append(Trigger(chosen.start, chosen.end, chosen.value, chosen.proclitic, chosen.enclitic))
            i = chosen.end

    def cue_ok(self, frame: Frame) -> bool:
        return not frame.cues or bool(frame.cues & self.stems)

    def is_complementizer(self, i: int) -> bool:
        tokens = self.sentence.tokens
        return i < len(tokens) and tokens[i].norm in word_class("complementizer")

    # -- arguments ------------------------------------------------------------------------------
    def groups_between(self, start: int, end: int, region: int | None = None) -> list[Group]:
        """Groups inside [start, end), in the same quotation (or outside all) when region is given."""
        return [g for g in self.groups if start <= g.start and g.end <= end
                and (region is None or self.region[g.start] == region)]

    def complement_before(self, trigger: Trigger, since: int) -> int:
        """Token index of the nearest أن/إن between `since` and the trigger, or -1."""
        for i in range(trigger.start - 1, since - 1, -1):
            if self.is_complementizer(i):
                return i
        return -1

    def next_trigger_start(self, index: int) -> int:
        later = [t.start for t in self.triggers[index + 1:]]
        return min(later) if later else len(self.sentence.tokens)

    def coordinated(self, previous: Group, group: Group) -> bool:
        """"X وY" or "X والفرنسي Y": joined by و with at most one word between."""
        gap = group.start - previous.end
        if gap == 0:
            return group.proclitic.startswith("و")
        return gap == 1 and self.sentence.tokens[previous.end].text.startswith("و")

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

    def agrees(self, trigger: Trigger, group: Group) -> bool:
        """A feminine past verb (قالت، اتهمت) cannot have a masculine body as subject (الجيش)."""
        if not feminine_verb(self.sentence.tokens[trigger.end - 1].norm, trigger):
            return True
        entity = self.doc.entities.get(group.keys[0])
        if entity is None or entity.type not in GENDER_CHECKED_TYPES:
            return True
        head = group.mention.surface.split()[0]
        return normalize_word(head).endswith(("ه", "ات"))

    def subject_after(self, trigger: Trigger, limit: int) -> list[Group]:
        if self.is_complementizer(trigger.end):
            return []
        end = min(trigger.end + SUBJECT_WINDOW, limit)
        for i in range(trigger.end, end):  # the subject comes before any أن/إن
            if self.is_complementizer(i):
                end = i
                break
        window = [g for g in self.groups if trigger.end <= g.start < end
                  and self.region[g.start] == self.region[trigger.start]]  # a long name may run past
        for group in window:
            # right after the trigger, a ب/ل on the trigger is not the group's ("بوساطة مصر")
            if group.marker == "obj" or (group.start == trigger.end and group.marker in ("ب", "ل")
                                         and not group.proclitic):
                if not self.can_act(group) or not self.agrees(trigger, group):
                    return []
                return self.with_coordinated(window, group)
            if group.marker not in ("في",):
                break
        return []

    def subject_before(self, trigger: Trigger) -> list[Group]:
        """The actor before the trigger: the sentence's first when the verb is coordinated
        ("ألمانيا ... وقد زودتها"), else the nearest ("الجيش السوداني أعلن")."""
        region = self.region[trigger.start]
        before = [g for g in self.groups_between(0, trigger.start, region) if g.marker == "obj" and self.can_act(g)]
        if not before:
            return []
        return [before[0]] if self.coordinated_verb(trigger) else [before[-1]]

    def after_relative_noun(self, trigger: Trigger) -> bool:
        """The trigger follows الذي/التي whose antecedent is a plain noun (no actor)."""
        i = trigger.start
        relatives = self.doc.gazetteer.relatives
        if i < 1 or self.sentence.tokens[i - 1].norm not in relatives:
            return False
        return i - 2 < 0 or (i - 2) not in self.covered

    def coordinated_verb(self, trigger: Trigger) -> bool:
        """"ودعا"، "وقد زودتها": a verb joined to the one before, sharing its subject."""
        if trigger.proclitic[:1] in ("و", "ف"):
            return True
        return trigger.start > 0 and self.sentence.tokens[trigger.start - 1].norm in word_class("coordinator")

    def subject_adjacent(self, trigger: Trigger) -> list[str]:
        """An actor right before a verb is its subject (SVO): a name, or the nisba of the noun
        that is ("طائرة مسيّرة تركية قد استهدفت" -> Turkey). Particles (قد) may stand between."""
        if trigger.proclitic.endswith(("ب", "ل")) or trigger.start == 0:
            return []
        i = trigger.start - 1
        while i > 0 and self.sentence.tokens[i].norm in word_class("particle"):
            i -= 1
        if not self.same_clause(i + 1, trigger.start) or self.region[i] != self.region[trigger.start]:
            return []
        for group in self.groups:
            if group.end == i + 1 and group.marker == "obj" and self.can_act(group):
                return group.keys[:]
        for mention in self.mentions:
            if mention.kind == "nisba" and mention.token_end == i + 1 and mention.token_start == i:
                return [mention.entity]
        return []

    def possessed_subject(self, index: int) -> bool:
        """The noun after أن carries a pronoun suffix (قواتها، فرقه)."""
        c = self.complement_before(self.triggers[index], 0)
        word = self.sentence.tokens[c + 1].norm
        return len(enclitic_variants(word, ends_with_ta_marbuta(self.sentence.tokens[c + 1].text))) > 1

    def subject_of_complement(self, index: int) -> list[Group]:
        """"أن ألمانيا ستسلّم أوكرانيا": after أن/إن the subject comes first, then the verb."""
        trigger = self.triggers[index]
        if self.coordinated_verb(trigger):
            return []  # "قال X إن Y ...، وأضاف": the subject is X's, not Y
        c = self.complement_before(trigger, 0)
        if c < 0:
            return []
        if c + 1 == trigger.start and self.sentence.tokens[c].norm in word_class("complementizer-pronoun"):
            main = self.main_event(index)  # "أعلن الحرس الثوري أنه استهدف": the speaker did
            if main is not None:
                return PronounSubject(main.agents)
        groups = [g for g in self.groups_between(c + 1, trigger.start, self.region[trigger.start])
                  if g.marker == "obj" and self.can_act(g)]
        if c + 1 < trigger.start and (c + 1) not in self.covered and not groups:
            return PLAIN_SUBJECT  # "بأن فرقه نقلت": the subject is a plain noun, no actor
        if not groups:
            return []
        first = groups[0]  # right after أن, or after the title that names it (أن رئيس المجلس X)
        return [first] if first.start == c + 1 or first.mention.titled else []

    def resolve(self, index: int) -> Event | None:
        trigger = self.triggers[index]
        frame = trigger.frame
        limit = self.next_trigger_start(index)
        agents: list[str] = []
        agent_end = trigger.end
        mode = frame.agent
        confidence = frame.confidence
        if mode == "subj" and trigger.proclitic.endswith("ل"):
            mode = "governor"  # purpose clause: "لحثهم" shares its governor's subject
        governor = self.governor(index)
        if mode == "subj":
            agents, agent_end, confidence = self.subject(index, trigger, limit, confidence)
        elif mode == "governor" and (own := self.subject_adjacent(trigger)):
            agents = own  # "إعلان إم23 وقفاً لإطلاق النار", "أعلنت روسيا وقفاً": the noun's own subject
        elif mode == "governor":
            if governor is not None and governor.type == frame.event:
                # "سلّمت واشنطن شحنة من الأسلحة إلى X": the noun restates its verb's event
                governor.targets.extend(t for t in self.targets(frame, trigger.end, limit, governor.agents)
                                        if t not in governor.targets)
                return None
            if governor is not None:
                agents = governor.agents[:]
            else:
                before = self.subject_before(trigger)
                agents = before[0].keys[:] if before else []
        elif mode == "governor-target":
            agents = governor.targets[:] if governor is not None else []
        elif mode == "speaker":
            speakers = [t.event for t in self.triggers[:index]
                        if t.event is not None and t.frame.speech and t.event.agents]
            before = self.subject_before(trigger)
            if speakers:
                agents = speakers[-1].agents[:]
            elif governor is not None and governor.agents:
                agents = governor.agents[:]
            elif before:
                agents = before[0].keys[:]
            else:
                agents = self.previous_agents[:]
        elif mode == "source":
            after = [g for g in self.groups_between(trigger.end, trigger.end + 3)]
            agents = after[0].keys[:] if after else []
        targets = self.targets(frame, max(agent_end, trigger.end), limit, agents)
        if not targets and frame.targets and governor is not None and (mode == "governor" or trigger.enclitic):
            # "دعا X ... وحثه", "خلال اتصال هاتفي": X again; "أعلنت X هدنة ... واتهمها": X
            targets = governor.targets[:] or ([k for k in governor.agents if k not in agents]
                                              if trigger.enclitic else [])
        if mode == "between" and targets:
            agents, targets = targets[:1], targets[1:]
        about = self.about(frame, max(agent_end, trigger.end), limit)
        agents = [self.as_actor(k) for k in agents]
        if not agents and not targets and not (frame.speech and mode == "governor"):
            return None
        tokens = self.sentence.tokens
        return Event(
            id=f"{tokens[trigger.start].start}-{frame.event}",
            type=frame.event,
            relation=frame.relation,
            sentence=self.sentence.index,
            start=tokens[trigger.start].start,
            end=tokens[trigger.end - 1].end,
            trigger=" ".join(t.text for t in tokens[trigger.start:trigger.end]),
            rule=f"frame:{frame.forms[0]}",
            confidence=round(confidence, 2),
            agents=dedupe(agents),
            targets=[t for t in dedupe(targets) if t not in agents],
            about=about,
        )

    def main_event(self, index: int) -> Event | None:
        """The sentence's first event with an actor (in the same quotation): its main verb."""
        region = self.region[self.triggers[index].start]
        for trigger in self.triggers[:index]:
            if self.region[trigger.start] == region and trigger.event is not None and trigger.event.agents:
                return trigger.event
        return None

    def subject(self, index: int, trigger: Trigger, limit: int, confidence: float) -> tuple[list[str], int, float]:
        """A verb's subject: (agent keys, token where the subject ends, confidence)."""
        if self.after_relative_noun(trigger):
            return [], trigger.end, confidence  # "الهجوم الذي استهدف": a plain noun did it
        after = self.subject_of_complement(index)
        main = self.main_event(index)
        if isinstance(after, PronounSubject):
            return list(after.keys), trigger.end, confidence
        if after is PLAIN_SUBJECT:
            # "أن قواتها شنّت": its (the speaker's) forces; "أن الهجوم أدى": no actor
            owner = main.agents[:] if main is not None and self.possessed_subject(index) else []
            return owner, trigger.end, confidence * 0.8
        adjacent = self.subject_adjacent(trigger)
        if adjacent and not after:
            return adjacent, trigger.end, confidence  # "بغداد تستدعي السفير"، "غارات تركية استهدفت"
        after = after or self.subject_after(trigger, limit)
        if after and main is not None and self.coordinated_verb(trigger) and trigger.start > 1 \
                and not after[0].mention.titled:
            after = []  # "ودعا X ... وحث إسرائيل": Israel is the object; X still speaks
        if after:
            return [k for g in after for k in g.keys], after[-1].end, confidence
        before = self.subject_before(trigger)
        if before and self.same_clause(before[0].end, trigger.start):
            return before[0].keys[:], trigger.end, confidence
        if main is not None:
            return main.agents[:], trigger.end, confidence  # "أجرى X اتصالاً ...، شدد خلاله": X
        if before:
            return before[0].keys[:], trigger.end, confidence
        if trigger.start <= 1 and self.previous_agents and self.region[trigger.start] < 0:
            return self.previous_agents[:], trigger.end, confidence * 0.8  # "وأضاف أن ..."
        return [], trigger.end, confidence

    def governor(self, index: int) -> Event | None:
        """The nearest earlier event of the sentence, in the same quotation, that has an actor."""
        region = self.region[self.triggers[index].start]
        for trigger in reversed(self.triggers[:index]):
            if self.region[trigger.start] != region:
                continue
            if trigger.event is not None and (trigger.event.agents or trigger.event.targets):
                return trigger.event
        return None

    def targets(self, frame: Frame, start: int, limit: int, agents: list[str]) -> list[str]:
        if not frame.targets:
            return []
        end = min(start + TARGET_WINDOW, limit, self.clause_end(start))
        region = self.region[start] if start < len(self.region) else -1
        window = [g for g in self.groups_between(start, end, region) if not set(g.keys) & set(agents)]
        for marker in frame.targets:
            if marker == "nisba":
                continue
            if marker == "بين":  # "المفاوضات بين إسرائيل وحماس بوساطة مصر": before or after
                window_all = [g for g in self.groups_between(0, len(self.sentence.tokens), region)
                              if g.marker == marker and not set(g.keys) & set(agents)]
                if window_all:
                    chosen = self.with_coordinated(self.groups_between(0, len(self.sentence.tokens), region), window_all[0])
                    return [self.as_actor(k) for g in chosen for k in g.keys]
                continue
            for group in window:
                if group.marker == marker:
                    chosen = self.with_coordinated(window, group)
                    keys = [k for g in chosen for k in g.keys]
                    return [self.as_actor(k) if frame.target_kind == "actor" else k for k in keys]
        if "nisba" in frame.targets:
            return self.nisba_after(start, limit)
        return []

    def same_clause(self, start: int, end: int) -> bool:
        """No comma or semicolon between token `start` and token `end`."""
        return self.clause_end(max(start - 1, 0)) > end

    def clause_end(self, start: int) -> int:
        """The first token after `start` that follows a comma, semicolon or colon."""
        tokens, text, offset = self.sentence.tokens, self.sentence.text, self.sentence.start
        for i in range(start + 1, len(tokens)):
            gap = text[tokens[i - 1].end - offset:tokens[i].start - offset]
            if any(mark in gap for mark in "،,;؛:"):
                return i
        return len(tokens)

    def nisba_after(self, start: int, limit: int) -> list[str]:
        for mention in self.mentions:
            if mention.kind == "nisba" and start - 1 <= mention.token_start < limit:
                return [mention.entity]
        return []

    def about(self, frame: Frame, start: int, limit: int) -> str:
        """The free-text object a frame names, just after the verb's arguments: طالب بوقف القتال
        -> وقف القتال; جلبت العديد من الأسلحة -> الأسلحة. A ب/ل-marked word counts only before
        any other preposition ("في بيان" is not "about يان")."""
        tokens = self.sentence.tokens
        prepositions = word_class("preposition")
        end = min(limit, len(tokens), start + ABOUT_REACH + 1)
        seen_preposition = False
        for i in range(start, end):
            word = tokens[i].norm
            if i in self.covered or len(word) < 2:
                continue
            for marker in frame.about:
                if word == marker:
                    return self.phrase(i + 1 if marker in prepositions else i, limit)
                if len(marker) == 1 and not seen_preposition:
                    for _, proclitic in proclitic_variants(word)[1:]:
                        if proclitic.endswith(marker) and word not in self.doc.gazetteer.name_stops:
                            return self.phrase(i, limit, strip=len(proclitic))
                elif len(marker) > 1 and marker in (stem for stem, _ in proclitic_variants(word)):
                    return self.phrase(i, limit)
            seen_preposition = seen_preposition or word in prepositions
        return ""

    def phrase(self, i: int, limit: int, strip: int = 0) -> str:
        tokens = self.sentence.tokens
        end = i
        while end < min(limit, len(tokens), i + ABOUT_WORDS):
            if end > i and self.sentence.text[tokens[end - 1].end - self.sentence.start:
                                              tokens[end].start - self.sentence.start].strip():
                break
            end += 1
        words = [t.text for t in tokens[i:end]]
        if words:
            words[0] = words[0][strip:]
        return " ".join(words)

    def as_actor(self, key: str) -> str:
        """A capital standing for its government: موسكو -> Russia."""
        entity = self.doc.entities.get(key)
        if entity is not None and entity.type == "City" and entity.capital_of:
            return entity.capital_of
        return key

    def run(self) -> list[Event]:
        self.find_triggers()
        events = []
        for index, trigger in enumerate(self.triggers):
            trigger.event = self.resolve(index)
            if trigger.event is not None:
                events.append(trigger.event)
        return events


def dedupe(keys: list[str]) -> list[str]:
    return list(dict.fromkeys(keys))
