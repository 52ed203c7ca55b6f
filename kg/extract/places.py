"""Where an event happened: the place named after a locative word in the event's own clause.

An event takes as its `location` the first place mention (an entity of a Place class: a state,
region or city) introduced by a locative (في، قرب، في محيط، بالقرب من، شمال، بـ …, `kg/lang/ar/
locatives.tsv`) after its trigger, before the next event's trigger and the end of its clause
("قصف مدفعي في مخيم جنين شمال الضفة": the first, Jenin); else the nearest one before the trigger
in the same clause ("في غزة، قصفت الطائرات …"). A head noun or a direction word may stand between
the locative and the name (في مدينة رفح، في شمال غزة، بمدينة الفاشر); a place joined by و to a
locative one is locative too. A place that is in the event's targets only because it followed a
locative leaves them when the event keeps a target of its own (استهدفت القوات عناصر حماس في رفح:
Hamas, in Rafah); with none, it stays the object of the event's direct relation as well
(قصفت القوات في رفح: `IDF attacks Rafah`, as the gold sets read it) until the projection
(kg/graph/project.py) takes the location as the object of last resort. A place after على or as the
verb's object (غارات على رفح، قصفت مدينة رفح) is a target.
Ties and speech acts (their "في X" is what they are about: دعا إلى وقف الحرب في السودان) take none.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.data import alternatives, read_tsv_path
from kg.graph.vocabulary import UnknownTerm, event_kind, place_classes
from kg.lang import ar
from kg.extract.phrases import phrase_list
from kg.model import Event
from kg.text.clitics import proclitic_variants
from kg.text.normalize import normalize_phrase, normalize_word

LOCATIVES = Path(ar.__file__).resolve().parent / "locatives.tsv"
PLACE_REACH = 16  # tokens after the trigger (or before it) where its place may be named
NEAR_REACH = 6  # tokens after the trigger where a `near-only` family's event may name its place
HEAD_WORDS = 3  # head nouns and direction words between a locative and the name (في المناطق شمال X)
KEEP_OBJECT = True  # a locative place stays the object of an event's direct triple when it has no other target
KINDS = ("preposition", "phrase", "clitic", "direction", "noun", "limit", "cause", "speech-event", "near-only")
SUBORDINATE = ("complement", "relative", "adverbial", "circumstantial", "conditional")


@dataclass(frozen=True)
class Locatives:
    prepositions: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]  # longest first
    clitics: tuple[str, ...]
    directions: frozenset[tuple[str, ...]]
    nouns: frozenset[str]
    limits: frozenset[str]
    causes: frozenset[str]
    speech_events: frozenset[str]
    near_only: frozenset[str]


@lru_cache(maxsize=1)
def locatives() -> Locatives:
    """`kg/lang/ar/locatives.tsv` by kind; an unknown kind is an error naming the row."""
    from kg.errors import DataError

    found: dict[str, list] = {kind: [] for kind in KINDS}
    for row in read_tsv_path(LOCATIVES):
        kind = row["kind"]
        if kind not in found:
            raise DataError(f"{row.where}: kind {kind!r} is none of {', '.join(KINDS)}")
        for form in alternatives(row["form"]):
            found[kind].append(form)
    return Locatives(
        prepositions=frozenset(normalize_word(w) for w in found["preposition"]),
        phrases=tuple(sorted({normalize_phrase(w) for w in found["phrase"]}, key=len, reverse=True)),
        clitics=tuple(normalize_word(w) for w in found["clitic"]),
        directions=frozenset(normalize_phrase(w) for w in found["direction"]),
        nouns=frozenset(normalize_word(w) for w in found["noun"]),
        limits=frozenset(normalize_word(w) for w in found["limit"]),
        causes=frozenset(normalize_word(w) for w in found["cause"]),
        speech_events=frozenset(found["speech-event"]),
        near_only=frozenset(found["near-only"]),
    )


def takes_place(event_type: str) -> bool:
    """Events take a place, except ties and speech acts (locatives.tsv `speech-event`)."""
    if event_type in locatives().speech_events:
        return False
    try:
        return not event_kind(event_type).tie
    except UnknownTerm:
        return False


def family_of(event_type: str) -> str:
    try:
        return event_kind(event_type).family
    except UnknownTerm:
        return ""


class PlaceReader:
    """The places of one sentence and, per event, the one where it happened."""

    def __init__(self, entities: dict, view, clauses, triggers: list) -> None:
        self.entities = entities
        self.view = view
        self.clauses = clauses
        self.tokens = view.sentence.tokens
        self.words = locatives()
        places = place_classes()
        self.places = [g for g in view.groups if len(g.keys) == 1 and g.mention.kind == "name"
                       and (e := entities.get(g.keys[0])) is not None and e.type in places]
        self.frames = {id(t.event): t.frame for t in triggers if t.event is not None}
        self.locative_cache: dict[tuple[int, bool], bool] = {}

    # -- is a place named as where? ---------------------------------------------------------
    def stems(self, i: int) -> list[tuple[str, str]]:
        """(stem, proclitic) readings of token i, the word as written first."""
        return list(proclitic_variants(self.tokens[i].norm))

    @staticmethod
    def oblique(proclitic: str) -> str:
        """The proclitic without the conjunction (وب -> ب, و -> "")."""
        return proclitic.lstrip("".join(ar.words("coordinating-clitic")))

    def clitic_locative(self, proclitic: str, by_clitic: bool) -> bool:
        return by_clitic and any(c in self.oblique(proclitic) for c in self.words.clitics)

    def phrase_ends_at(self, end: int) -> bool:
        """A locative phrase (في محيط، بالقرب من) ends right before token `end`."""
        return phrase_list(self.words.phrases).ends_at(self.tokens, end)

    def direction_ending(self, end: int) -> int:
        """Start token of a direction word (شمال، جنوب شرق) ending right before `end`, or -1."""
        for n in (2, 1):
            if end - n < 0:
                continue
            words = [t.norm for t in self.tokens[end - n:end]]
            for stem, proclitic in proclitic_variants(words[0]):
                if tuple([stem] + words[1:]) in self.words.directions:
                    return end - n
        return -1

    def locative(self, group, by_clitic: bool = True) -> bool:
        """Is this place introduced by a locative (directly, over head nouns or direction words)?
        `by_clitic`: ب counts (not for a frame that takes its target with ب)."""
        key = (group.start, by_clitic)
        if key not in self.locative_cache:
            self.locative_cache[key] = self.compute_locative(group, by_clitic)
        return self.locative_cache[key]

    def compute_locative(self, group, by_clitic: bool) -> bool:
        if self.clitic_locative(group.proclitic, by_clitic):
            return True
        if self.oblique(group.proclitic):
            return False  # لغزة، كغزة: another oblique
        i, heads = group.start, 0
        while i > 0 and heads <= HEAD_WORDS:
            if self.phrase_ends_at(i):
                return True
            previous = self.tokens[i - 1].norm
            if previous in self.words.prepositions:
                return True
            if previous in self.words.limits:
                return False
            direction = self.direction_ending(i)
            if direction >= 0:
                proclitic = self.direction_proclitic(direction)
                if proclitic:
                    return self.clitic_locative(proclitic, by_clitic)  # بشمال غزة
                before = self.tokens[direction - 1].norm if direction > 0 else ""
                return before not in self.words.limits  # في شمال غزة, شمال غزة; not إلى شمال غزة
            if i - 1 in self.view.nisba_at:
                i, heads = i - 1, heads + 1  # في العاصمة الأفغانية كابول
                continue
            noun = [(s, p) for s, p in self.stems(i - 1) if s in self.words.nouns]
            if not noun:
                break
            if any(self.clitic_locative(p, by_clitic) for _, p in noun):
                return True
            if all(self.oblique(p) for _, p in noun):
                return False  # لمدينة، كمدينة
            i, heads = i - 1, heads + 1
        return self.coordinated_locative(group, by_clitic)

    def direction_proclitic(self, i: int) -> str:
        """The proclitic on a direction word (بشمال), or ""."""
        for stem, proclitic in proclitic_variants(self.tokens[i].norm):
            if self.oblique(proclitic) and any(d[0] == stem for d in self.words.directions):
                return proclitic
        return ""

    def coordinated_locative(self, group, by_clitic: bool) -> bool:
        """"في رفح وخان يونس": joined by و to a locative place, it is locative too."""
        earlier = [g for g in self.view.groups if g.end <= group.start]
        if not earlier or not self.view.coordinated(earlier[-1], group):
            return False
        previous = earlier[-1]
        return previous in self.places and self.locative(previous, by_clitic)

    # -- which event ------------------------------------------------------------------------
    def span(self, event: Event) -> tuple[int, int]:
        """Token span of the event's trigger."""
        first = next((i for i, t in enumerate(self.tokens) if t.end > event.start), len(self.tokens))
        last = next((i for i in range(first, len(self.tokens)) if self.tokens[i].end >= event.end), first)
        return first, last + 1

    def place_of(self, event: Event, bounds: tuple[int, int], others: list[tuple[int, int]]) -> str:
        """The place the event happened in, or ""."""
        start, end = bounds
        by_clitic = not self.frame_takes(event, "ب")
        clause_start, clause_end = self.clause_bounds(start)
        after = min([s for s, _ in others if s >= end] + [clause_end, end + PLACE_REACH, len(self.tokens)])
        before = max([e for _, e in others if e <= start] + [clause_start, start - PLACE_REACH, 0])
        avoid = set(event.agents)
        near_only = family_of(event.type) in self.words.near_only
        limit = min([s for s, _ in others if s >= end] + [len(self.tokens)])
        if near_only:  # right after the trigger and its own actors (التقى الوزير نظيره في الدوحة)
            actors = set(event.agents) | set(event.targets)
            own = [g.end for g in self.view.groups if end <= g.start < after and set(g.keys) & actors]
            after = min(after, max([end] + own) + NEAR_REACH)
        found = [g for g in self.places if end <= g.start and g.end <= after and g.keys[0] not in avoid
                 and self.same_region(start, g.start) and self.locative(g, by_clitic)]
        if found:
            return self.within(found[0], limit, by_clitic)
        if near_only:
            return ""
        for group in reversed(self.places):
            if before <= group.start and group.end <= start and group.keys[0] not in avoid \
                    and self.same_region(start, group.start) and self.locative(group, by_clitic):
                return group.keys[0]
        return ""

    def within(self, first, limit: int, by_clitic: bool) -> str:
        """The first place; but for a city named after a direction word (قرية شرقي مدينة الأبيض)
        the region or state named next in the chain, which holds the event (، في ولاية شمال كردفان)."""
        entity = self.entities.get(first.keys[0])
        if entity is None or entity.type != "City" or not self.after_direction(first):
            return first.keys[0]
        for group in self.places:
            if group.start < first.end or group.end > limit:
                continue
            if group.start - first.end > HEAD_WORDS + 2:
                break
            larger = self.entities.get(group.keys[0])
            if larger is not None and larger.type in ("Region", "State") and self.locative(group, by_clitic):
                return group.keys[0]
        return first.keys[0]

    def after_direction(self, group) -> bool:
        """A direction word right before the name or before its head noun (شرقي مدينة X)."""
        i = group.start
        for _ in range(HEAD_WORDS):
            if self.direction_ending(i) >= 0:
                return True
            if i == 0 or not any(stem in self.words.nouns for stem, _ in self.stems(i - 1)):
                return False
            i -= 1
        return False

    def clause_bounds(self, token: int) -> tuple[int, int]:
        clause = self.clauses.at(token) if self.clauses is not None else None
        if clause is None:
            return 0, len(self.tokens)
        return clause.start, clause.end

    def same_region(self, a: int, b: int) -> bool:
        region = self.view.region
        return a >= len(region) or b >= len(region) or region[a] == region[b]

    def frame_takes(self, event: Event, marker: str) -> bool:
        frame = self.frames.get(id(event))
        return frame is not None and normalize_word(marker) in frame.targets

    def locative_targets(self, event: Event, bounds: tuple[int, int], others: list[tuple[int, int]]) -> set[str]:
        """Targets that are places named only after a locative in the event's reach."""
        start, end = bounds
        by_clitic = not self.frame_takes(event, "ب")
        after = min([s for s, _ in others if s >= end] + [len(self.tokens)])
        found: dict[str, bool] = {}
        for group in self.places:
            key = group.keys[0]
            if key not in event.targets or not (end <= group.start < after):
                continue
            found[key] = found.get(key, True) and self.locative(group, by_clitic)
        return {k for k, only_locative in found.items() if only_locative}


def give_places(entities: dict, view, clauses, triggers: list, events: list[Event]) -> None:
    """Set `location` on each event of a sentence that takes a place and names one."""
    reader = PlaceReader(entities, view, clauses, triggers)
    if not reader.places:
        return
    placed = [e for e in events if takes_place(e.type)]
    spans = {id(e): reader.span(e) for e in placed}
    for event in placed:
        bounds = spans[id(event)]
        others = [spans[id(o)] for o in placed if o is not event and spans[id(o)] != bounds]
        place = reader.place_of(event, bounds, others)
        for merged in (t for t in triggers if not place and t.merged is event):
            # "الهجوم الذي شنته X والذي استهدف فندقا في مقديشو": the verb that restates it tells where
            place = reader.place_of(event, (merged.start, merged.end), others)
        moved = reader.locative_targets(event, bounds, others)
        kept = [t for t in event.targets if t not in moved]
        if moved and (kept or not (KEEP_OBJECT and event.relation and event.agents)):
            event.targets = kept  # the place is where: a target of its own, or no direct triple to make
        if place and not event.location:
            event.location = place
    for event, cause in caused_by(reader, placed, spans):
        event.location = event.location or cause.location


def caused_by(reader: PlaceReader, events: list[Event], spans: dict) -> list[tuple[Event, Event]]:
    """"قتل خمسة أشخاص جراء قصف على مخيم النصيرات": an event with no place whose next event in its
    clause follows a cause word (جراء، إثر، في) happened where that one did."""
    pairs, near_only = [], reader.words.near_only
    ordered = sorted(events, key=lambda e: spans[id(e)])
    for event, following in zip(ordered, ordered[1:]):
        start = spans[id(following)][0]
        if event.location or not following.location or start == 0 or start <= spans[id(event)][1] - 1:
            continue
        if near_only & {family_of(event.type), family_of(following.type)}:
            continue  # وصلت الوفود المشاركة في مفاوضات …: no cause
        if reader.clause_bounds(spans[id(event)][0]) != reader.clause_bounds(start) \
                and getattr(reader.clauses and reader.clauses.at(start), "kind", "") not in SUBORDINATE:
            continue
        if start - spans[id(event)][1] <= PLACE_REACH and reader.tokens[start - 1].norm in reader.words.causes:
            pairs.append((event, following))
    return pairs
