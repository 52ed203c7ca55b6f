"""Claim component: who said what. A quotation or a complement is a claim only when a speech
verb or an attribution governs it.

- A speech verb governs what follows it up to the next speech verb (its region). Its complement
  (أن/إن/عن …, after the subject) is reported speech; when the complement is one quotation, the
  claim is that quotation. Without a complement, quotations of at least `MIN_QUOTE_WORDS` words
  right after the verb's arguments are its claims (اتهمت X Y بـ"…"، شدد على "…").
- A quotation just before a speech verb is that verb's (« … »، قال X).
- An attribution (بحسب X، وفقاً لـ X) governs the clause before it.
- Shorter quotations are scare quotes or names («نصرة الإسلام والمسلمين»، "رد موجع"), never claims
  on their own. A claim asserts the events whose triggers lie inside it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.data import read_tsv
from kg.lang import ar
from kg.extract.frames import Frame, frame_index, word_class
from kg.extract.actors.titles import HOLDER_RULE
from kg.extract.ties import ROLE_RULE
from kg.model import Claim, Event, Mention, Sentence
from kg.text import offsets
from kg.text.normalize import normalize_word
from kg.text.memo import per_sentence
from kg.text.segment import STRAIGHT_QUOTE

QUOTE = re.compile(r"«([^»]{2,})»|\"([^\"]{2,})\"|“([^”]{2,})”")
FUTURE_CLITIC = "س"  # clitics.tsv: the future proclitic (verbs only)
FUTURE_WORDS = frozenset({normalize_word("سوف")})
DATELINE = re.compile(r"[^()،,.:«\"“]{0,40}\([^()]{1,40}\)\s*[-–—]+"  # القاهرة (كونا) --
                      r"|[^()،,.:«\"“/\s]{2,20}\s?/\s?[^()،,.:«\"“/]{1,20}?\s*[-–—]+")  # صنعاء/PNN-
MIN_QUOTE_WORDS = 4  # fewer words in quotation marks: a scare quote or a name, unless a whole complement
COMPLEMENT_GAP = 14  # tokens between the speech verb and أن/إن (room for a titled subject)
QUOTED_SUBJECT = 3  # words between أن/إن and a quotation that is the rest of the complement (إن المتمردين "…")
GOVERNED_GAP = 16  # tokens between a speech verb and the quotation it governs (a titled subject, an aside, a marker)
MIN_ATTRIBUTED_WORDS = 3
NISBA_GAP = 2  # adjectives between a statement word and the nisba naming its issuer (بيان عسكري رسمي سوري)
MIN_REPORTED_WORDS = 2  # a single word after a speech verb or its source is never what was said
COLON_GAP = 8  # tokens between a speech verb and the colon that opens its unquoted words (وقال الوزير للصحفيين:)
CONTRAST_GAP = 4  # words between لكن and the speech verb of the clause it opens (لكن وزارة الدفاع الباكستانية نفت)
PUNCTUATION = " \t\n\u00a0،,.:;؛!?؟-–—()«»\"“”'"
DENIED = "Denied"  # the modality a denial's frame gives its words (frames.tsv governs): they are not asserted
ASIDE_MARK = r"[،,]|(?:^|\s)[-–—]|[-–—](?:\s|$)"  # what sets off an aside: a comma, or a dash (a hyphen inside a word is none)
SOURCE_AGENT = "source"  # frames whose speaker is named after the trigger (بحسب X): the content precedes


@dataclass(frozen=True)
class Quote:
    start: int  # document offsets of the words inside the marks
    end: int
    text: str
    open_at: int  # document offset of the opening mark
    close_at: int  # document offset just after the closing mark
    named: bool = False  # a word that takes a name stands right before it (وكالة «…»، حركة «…»، عملية «…»)
    object: bool = False  # the object preposition stands right before it (وصف الهجوم بـ«الجبان»): no words said

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def is_name(self) -> bool:
        return quoted_name(self.text) or (self.named and named_after_head(self.text))


MAX_NAME_WORDS = 6


@lru_cache(maxsize=4096)
def quoted_name(text: str) -> bool:
    """«جماعة نصرة الإسلام والمسلمين»، «حركة الشباب»: a quotation that is a known name, or a head
    noun of a body or group, or a source title (titles.tsv kind source), with no verb after it, is
    a name or a description, not something said."""
    from kg.extract.actors.discovery import lexicon
    from kg.extract.gazetteer import load_gazetteer
    from kg.text.segment import tokenize

    tokens = tokenize(text)
    if not tokens or len(tokens) > MAX_NAME_WORDS:
        return False
    gazetteer = load_gazetteer()
    known = gazetteer.names.match_at(tokens, 0)
    if known and known[0].end == len(tokens):
        return True
    if any(m.value.kind == "source" for m in gazetteer.titles.match_at(tokens, 0)):
        # «مصدر قيادي في الحركة»، "مسؤول رفيع": who is cited, described, not his words
        return not any(frame_index().match_at(tokens, i) for i in range(1, len(tokens)))
    head = lexicon().heads.match_at(tokens, 0)
    if not head or head[0].value.kind not in ("body", "group", "force"):
        return False
    return not any(frame_index().match_at(tokens, i) for i in range(1, len(tokens)))


@lru_cache(maxsize=4096)
def named_after_head(text: str) -> bool:
    """After a head that takes a name (وكالة «يو كاي إم تي أو»): a short quotation with no verb is that name."""
    from kg.text.segment import tokenize

    tokens = tokenize(text)
    return 0 < len(tokens) <= MAX_NAME_WORDS and not any(frame_index().match_at(tokens, i) for i in range(len(tokens)))


def takes_name(token) -> bool:
    """Is this word a head that takes a quoted name (claims.tsv `namer`, or a body, group, force,
    town or site head of the actor lexicon)?"""
    from kg.extract.actors.discovery import lexicon
    from kg.text.clitics import proclitic_variants

    namers = claim_words("namer")
    if any(stem in namers for stem, _ in proclitic_variants(token.norm)):
        return True
    return any(m.end == 1 for m in lexicon().heads.match_at([token], 0))


def phrase_quote(quote: Quote) -> bool:
    """A quotation that opens with a word of claims.tsv `phrase` (بعد، مهما): part of the sentence."""
    first = quote.text.split()[0] if quote.text.split() else ""
    return normalize_word(first) in claim_words("phrase")


@lru_cache(maxsize=None)
def claim_words(kind: str) -> frozenset[str]:
    return frozenset(normalize_word(r["form"]) for r in read_tsv("claims.tsv") if r["kind"] == kind)


@per_sentence
def quotes(sentence: Sentence) -> tuple[Quote, ...]:
    """The quotations of a sentence (once per sentence: the claim reader and the quote step ask)."""
    found = []
    for opened, inner_start, inner_end, closed in quote_marks(sentence.text):
        text = sentence.text[inner_start:inner_end]
        lead = len(text) - len(text.lstrip())
        start = sentence.start + inner_start + lead
        open_at = sentence.start + opened
        before = offsets.preceding(sentence.tokens, open_at, 1)
        adjacent = bool(before) and not sentence.text[before[0].end - sentence.start:opened].strip()
        named = adjacent and takes_name(before[0])
        governed = adjacent and before[0].norm in claim_words("object-preposition")
        found.append(Quote(start, start + len(text.strip()), text.strip(), open_at,
                           sentence.start + closed, named, governed))
    return tuple(found)


def quote_marks(text: str) -> list[tuple[int, int, int, int]]:
    """(opening mark, inner start, inner end, after the closing mark) of each outermost quotation.
    Straight marks nest when a mark's sides tell opening from closing (space before and a letter
    after opens: 'قالت: "تمكن مجاهدونا من استهداف مروحية من نوع "أباتشي" بصاروخ"' is one quotation,
    not three); where they do not balance, marks pair in order as before."""
    spans = [(m.start(), m.start(g), m.end(g), m.end()) for m in QUOTE.finditer(text)
             for g in range(1, 4) if m.group(g) is not None]
    nested = nested_straight(text)
    if nested is None:
        return spans
    curly = [s for s in spans if text[s[0]] != '"']
    kept = [s for s in nested if not any(c[0] <= s[0] < c[3] for c in curly)]
    return sorted(curly + [s for s in kept if s[2] - s[1] >= 2])


def nested_straight(text: str) -> list[tuple[int, int, int, int]] | None:
    """The outermost straight-quoted spans when the marks balance as nested pairs, else None."""
    marks = [m.start() for m in STRAIGHT_QUOTE.finditer(text)]  # (a regex, not a loop over every character)
    stack: list[int] = []
    spans = []
    for i in marks:
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = (before.isspace() or before in "(:،,") and after.isalnum()
        closes = (before.isalnum() or before in ".!?؟)") and not after.isalnum()
        if opens and not closes or not stack and not closes:
            stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack:
                spans.append((start, start + 1, i, i + 1))
        else:
            return None
    return spans if not stack else None


def quote_spans(sentence: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, text) of each quotation, document offsets of the words inside the marks; a
    known name («الأونروا»، "حماس") is no quotation: it stays an argument of the verb around it (an
    unknown outlet's name after its head, موقع "أخبار ليبيا", stays one: no actor inside it speaks)."""
    return [(q.start, q.end, q.text) for q in quotes(sentence) if not quoted_name(q.text)]


def speaker_of(event: Event) -> str:
    """Who speaks: for "نقلت وكالة X عن Y" it is Y, otherwise the agent."""
    if event.type == "Statement" and event.targets:
        return event.targets[0]
    return event.agents[0] if event.agents else ""


def frame_of(sentence: Sentence, event: Event) -> Frame | None:
    """The frame an event's trigger was read with (same class, at the trigger's first token)."""
    return frame_at(sentence.tokens, event.start, event.type)


@per_sentence
def frame_at(tokens: list, start: int, event_type: str) -> Frame | None:
    """frame_of's work, once per sentence and trigger (the claim reader asks it of each event often)."""
    for i, token in enumerate(tokens):
        if token.start == start:
            frames = [m.value for m in frame_index().match_at(tokens, i) if m.value.event == event_type]
            return frames[0] if frames else None
    return None


class ClaimReader:
    """The claims of one sentence, given its events and which of them are speech."""

    def __init__(self, sentence: Sentence, events: list[Event], speech_ids: set[str],
                 mentions: list[Mention] | None = None, persons: frozenset[str] | set[str] = frozenset(),
                 spoken: list[tuple[int, int]] = (), previous: list[str] = (),
                 last_speaker: list[str] = (), people: frozenset[str] | set[str] = frozenset(),
                 states: dict[str, str] | None = None) -> None:
        self.sentence = sentence
        self.speakers: dict[int, tuple[Event, str]] = {}  # id(event) -> (event, speaker): see `speaker`
        self.previous = list(previous)  # who spoke last before this sentence (بحسب المصدر نفسه)
        self.last_speaker = list(last_speaker)  # who said the last words before it (a narrator's sentence between)
        self.spoken = list(spoken)  # offsets of every speech verb, those with no event too
        self.persons = persons  # keys of the people among the speakers (named_inside)
        self.people = people  # keys of the named people of the document (named_holder)
        self.states = dict(states or {})  # entity key -> its state, for the bodies named here (enclosing_subject)
        self.events = events
        self.mentions = sorted((m for m in mentions or () if m.sentence == sentence.index), key=lambda m: m.start)
        self.quotes = quotes(sentence)
        self.speech_ids = speech_ids
        self.asides = self.attribution_asides()
        # a speech verb ends the region of the one before it when it opens a clause of its own
        # (وأعلنت، ، مضيفاً، كما أكد); inside a complement (قال إن بلاده ترفض ...) it does not
        self.bounds = sorted(at for e in events if e.id in speech_ids and not self.quoted(e)
                             and not self.in_aside(e) and (at := self.clause_opening(e)) is not None)
        self.sources = {e.id: self.source_of(e) for e in events if e.id in speech_ids}
        self.speech = [e for e in events if e.id in speech_ids and self.speaker(e) and not self.negated(e)
                       and not self.adjectival(e) and not self.prepositional(e) and not self.quoted(e)
                       and not self.future(e) and not self.in_aside(e)]
        self.used: set[int] = set()  # indices of quotations already claimed
        self.governed_at: set[int] = set()  # offsets of the complements already read

    # -- who speaks -------------------------------------------------------------------------------
    def attribution_asides(self) -> list[tuple[int, int]]:
        """"وقال مصدر أمني، بحسب وكالة رويترز، إن …"، "وأعلن مسؤول، وفقا لما ذكره موقع أكسيوس، أن …": an
        attribution (a frame whose speaker is named after it) set off by commas between a speech verb's
        subject and its complement only says who carried the words; the offsets of each such aside.
        The verb before it still speaks, and the aside governs nothing (the subject is no claim)."""
        tokens, asides = self.sentence.tokens, []
        complementizers = word_class("complementizer")
        speech = [e for e in self.events if e.id in self.speech_ids]
        for event in speech:
            frame = frame_of(self.sentence, event)
            i = offsets.index_at(tokens, event.start)
            if i is not None and i > 2 and tokens[i - 1].norm in claim_words("attribution") \
                    and not re.search(ASIDE_MARK, self.text(tokens[i - 1].end, event.start)):
                i -= 1  # "، حسبما ذكرت شبكة X، أن"
            elif frame is None or frame.agent != SOURCE_AGENT:
                continue
            if i is None or i < 2 or not re.search(ASIDE_MARK, self.text(tokens[i - 1].end, tokens[i].start)):
                continue
            verbs = [e for e in speech if e.end <= tokens[i - 1].end]
            if not verbs or self.quoted(verbs[-1]) or complement_start(self.sentence, verbs[-1]) is None \
                    or re.search(r"[،,:؛;.«\"“]", self.text(verbs[-1].end, tokens[i - 1].end)) \
                    or not verbs[-1].agents:
                continue  # the verb's subject alone stands before the aside, without punctuation
            close = next((k for k in range(i + 1, len(tokens))
                          if re.search(ASIDE_MARK, self.text(tokens[k - 1].end, tokens[k].start))), None)
            if close is None or tokens[close].norm not in complementizers:
                continue
            asides.append((tokens[i - 1].end, tokens[close].start))
        return asides

    def in_aside(self, event: Event) -> bool:
        return any(a <= event.start < b for a, b in self.asides)

    def source_of(self, event: Event) -> tuple[int, int, str] | None:
        """For "نقلت الوكالة عن X ..." (a Statement with its source preposition): the offsets of the
        source preposition and of the end of the source phrase (past قوله), and who the source is:
        the first actor named after عن ("عن وزير الخارجية المصري سامح شكري": the minister, not
        his state), or "" when the words after عن name none ("عن مصادر محلية": not the agency's)."""
        frame = frame_of(self.sentence, event)
        if event.type != "Statement" or frame is None or not set(frame.targets) & claim_words("source"):
            return None  # "أعلن الجيش عن نجاحه": عن opens what is announced, not who is quoted
        at = source_start(self.sentence, event)
        if at is None:
            return None
        after = offsets.after(self.sentence.tokens, at)
        stops = word_class("complementizer") | claim_words("saying")
        joined = {j + w for j in claim_words("joiner") for w in claim_words("source")}  # "عن مشاركين … وعن وثائق"
        limit = next((t.start for t in after if t.norm in stops or t.norm in joined), self.sentence.end)
        limit = min([limit] + [q.open_at for q in self.quotes if q.open_at > at and not q.is_name])
        comma = re.search(r"[،,:؛;.]", self.text(at, limit))
        limit = at + comma.start() if comma else limit
        named = [m for m in self.mentions if at < m.start < limit and m.kind not in ("nisba", "qualifier")]
        who = event.targets[0] if event.targets and any(m.entity == event.targets[0] for m in named) \
            else (named[0].entity if named else "")
        end = max([m.end for m in named] + [limit if comma is None and limit < self.sentence.end else 0])
        following = [t for t in after if t.start >= end]
        if following and following[0].norm in claim_words("saying"):
            end = following[0].end
        return at, max(end, self.after_token(at)), who

    def clause_opening(self, event: Event) -> int | None:
        """Where the clause a speech verb opens begins (its own offset, or that of the joined word
        before it: "، وعصراً أعلنت الوزارة أن"), or None when the verb is inside the words before."""
        if self.opens_clause(event):
            return event.start
        tokens = self.sentence.tokens
        i = offsets.index_at(tokens, event.start)
        if i is None or i < 2 or tokens[i - 1].norm[:1] not in claim_words("joiner") \
                or re.search(r"[،,.:;؛»\"”(\[]", self.text(tokens[i - 1].end, event.start)):
            return None
        return tokens[i - 1].start if re.search(r"[،,;؛]", self.text(tokens[i - 2].end, tokens[i - 1].start)) else None

    def opens_clause(self, event: Event) -> bool:
        tokens = self.sentence.tokens
        i = offsets.index_at(tokens, event.start)
        if i is None or i == 0:
            return True
        if re.search(r"[،,.:;؛»\"”(\[]", self.text(tokens[i - 1].end, event.start)):
            return True
        if tokens[i - 1].norm in claim_words("opener"):
            return True
        if event.rule.startswith(SPEECH_WORD) and tokens[i].norm[:1] in claim_words("joiner"):
            return True  # ونوه، وزاد: a speech word of claims.tsv with its proclitic
        if any(set(m.proclitic) & claim_words("joiner") for m in frame_index().match_at(tokens, i)):
            return True
        return self.participle_says(event)

    def participle_says(self, event: Event) -> bool:
        """"… عبر الحدود مبينا انه تم …": a participle (موضحاً، مبيناً، مشيراً إلى) whose complement
        follows at once opens a clause of its own, with no comma before it."""
        frame = frame_of(self.sentence, event)
        participle = (frame is not None and frame.agent == "speaker") or (
            event.rule.startswith(SPEECH_WORD) and self.trigger_word(event) in claim_words("participle"))
        if not participle:
            return False
        at = complement_start(self.sentence, event)
        return at is not None and self.tokens_between(event.end, at) <= 1

    def trigger_word(self, event: Event) -> str:
        """The speech verb's word without its proclitic و/ف (ومبيناً -> مبينا)."""
        token = offsets.token_at(self.sentence.tokens, event.start)
        if token is None:
            return ""
        return token.norm[1:] if token.norm[:1] in claim_words("joiner") and token.norm[1:] in claim_words("speech") \
            | claim_words("pledge") else token.norm

    def describes(self, event: Event) -> bool:
        """Is the speech verb one that describes its object as something (claims.tsv `describe`: وصف، واصفاً)?"""
        token = offsets.token_at(self.sentence.tokens, event.start)
        if token is None:
            return False
        words, joiners = claim_words("describe"), claim_words("joiner")
        return token.norm in words or (token.norm[:1] in joiners and token.norm[1:] in words)

    def object_quote(self, quote: Quote, event: Event) -> bool:
        """Is the quotation the object of a verb right after the object preposition (وصف الهجوم
        بـ«الجبان»، دانت بـ"أشد العبارات"): a description or a manner, not words said? Not after an
        accusation (its ب-phrase is what X is accused of: اتهم Y بـ"…") nor a pledge or demand
        (claims.tsv `pledge`: تعهد بـ"…" is what is pledged)."""
        if not quote.object:
            return False
        frame = frame_of(self.sentence, event)
        if frame is not None and set(frame.about) & claim_words("object-preposition"):
            return False
        return self.trigger_word(event) not in claim_words("pledge")

    def same_subject(self, event: Event) -> bool:
        """"وأضاف المصدر نفسه أن …": a speech verb whose subject is the source named last (claims.tsv
        `same`) goes on with the last speaker, not a new unnamed source."""
        following = offsets.following(self.sentence.tokens, event.end, 2)
        return len(following) == 2 and " ".join(t.norm for t in following) in claim_words("same") \
            and not re.search(r"[،,:؛;.]", self.text(event.end, following[1].start))

    def issuer(self, event: Event) -> str:
        """"وقال بيان لوزير الدفاع، فلان، إن": the body or person a statement word right after the verb
        is of (ل + its name) speaks, or ""."""
        following = offsets.following(self.sentence.tokens, event.end, 2)
        if len(following) < 2 or following[0].norm not in claim_words("statement") \
                or re.search(r"[،,:؛;.«\"“]", self.text(event.end, following[1].start)):
            return ""
        if not following[1].norm.startswith(tuple(claim_words("proclitic-prep") & {"ل"})):
            return nisba_issuer(self.sentence, self.mentions, following[0].end)
        end = complement_start(self.sentence, event) or self.sentence.end
        own = next((m for m in self.mentions if following[1].start <= m.start < end), None)  # لوزير الدفاع، فلان،
        return self.named_holder(own.entity) if own is not None else ""

    def speaker(self, event: Event) -> str:
        """Who speaks in a speech event (kept per event: the reader asks it of each event several
        times, and the answer reads only what is fixed once the reader is made, not `used`,
        `governed_at` or `speech`; the components change events' agents only after reading)."""
        kept = self.speakers.get(id(event))
        if kept is not None and kept[0] is event:
            return kept[1]
        who = self.read_speaker(event)
        self.speakers[id(event)] = (event, who)
        return who

    def read_speaker(self, event: Event) -> str:
        issuer = self.issuer(event)
        if issuer:
            return issuer
        if self.same_subject(event):
            earlier = [e for e in self.events if e.id in self.speech_ids and e.start < event.start and e.id != event.id]
            return self.speaker(earlier[-1]) if earlier else (self.last_speaker or self.previous or [""])[0]
        source = self.sources.get(event.id)
        if source is not None and not event.targets:
            return source[2]
        participle = self.participle_of(event)
        if participle is not None:
            return participle
        if self.continues_last_words(event):
            return self.last_speaker[0]
        before = self.continued(event)
        if before is not None:
            return self.speaker(before)
        if self.same_source(event):
            return self.previous[0] if self.previous else ""
        if self.accused(event):
            return self.previous[0] if self.previous else ""
        if self.passive(event):
            return ""
        who = speaker_of(event)
        if who and self.datelined(who, event):
            return self.subject_after(event)
        who = self.enclosing_subject(who, event)
        if who and (self.relayed(who, event) or self.addressed(who, event) or self.subject_spelled(event)):
            return ""
        return self.named_holder(who)

    def datelined(self, key: str, event: Event) -> bool:
        """"القاهرة (كونا) -- أكدت الرئاسة …"، "بيروت (رويترز) - قال سكان …": an outlet named only in
        the brackets of a dateline (before a dash that opens the sentence's words) is the article's
        source, not the subject of the verb after the dash; so is a place in a dateline ("صنعاء/PNN- قالت
        شركة …": not Yemen), whatever state the verb's reading made of it."""
        if any(m.entity == key and m.start > event.start for m in self.mentions):
            return False
        dateline = DATELINE.match(self.sentence.text)
        if dateline is None or self.sentence.start + dateline.end() > event.start:
            return False
        before = [m for m in self.mentions if m.start < event.start]
        return bool(before) and all(m.end <= self.sentence.start + dateline.end() for m in before)

    def enclosing_subject(self, key: str, event: Event) -> str:
        """"قال التلفزيون الرسمي في سوريا إن": when the agent is named only inside the subject phrase
        that follows the verb at once (the state of a body), the subject is that body."""
        subject = self.subject_after(event)
        return subject if subject and subject != key and self.states.get(subject) == key else key

    def subject_after(self, event: Event) -> str:
        """The actor named right after a speech verb, nothing between (أكدت الرئاسة المصرية), or ""."""
        following = offsets.next_token(self.sentence.tokens, event.end)
        if following is None or self.text(event.end, following.start).strip():
            return ""
        return next((m.entity for m in self.mentions if m.start == following.start and not m.proclitic), "")

    def named_holder(self, key: str) -> str:
        """"قال المفوض العام للأونروا (أونروا) فيليب لازاريني"، "المتحدث باسم التحالف الذي تنضوي فيه
        الحركة، لورانس كانيوكا،": a title holder of no name whose title the person's name follows (past
        a bracket, or a relative clause and a comma) is that person."""
        titles = [m for m in self.mentions if m.entity == key and m.rule == HOLDER_RULE]
        if not titles:
            return key
        end = titles[-1].end
        relatives = "|".join(sorted(claim_words("relative")))
        gap = re.compile(rf"\s*(\([^)]*\)|،?\s*(?:{relatives})\s[^،,]*)?\s*[،,]?\s*")
        for m in self.mentions:
            if m.start < end or m.kind != "name" or m.entity == key:
                continue
            if gap.fullmatch(self.text(end, m.start)) and m.entity in self.people:
                return m.entity
        return key

    def addressed(self, key: str, event: Event) -> bool:
        """"وأضاف فلان لوكالة أنباء رويترز «…»": an outlet named only after ل + its head word (لوكالة،
        لقناة) or with the proclitic ل is who was spoken to, not who speaks."""
        own = [m for m in self.mentions if m.entity == key]
        if not own or any(m.start < event.start for m in own):
            return False
        heads = claim_words("outlet")
        for m in own:
            if "ل" in m.proclitic:
                continue
            before = offsets.preceding(self.sentence.tokens, m.start, 2)
            if not any(t.norm[:1] == "ل" and t.norm[1:] in claim_words("outlet") for t in before) \
                    or not all(t.norm in heads or t.norm[1:] in heads for t in before[-1:]):
                return False
        return True

    def participle_of(self, event: Event) -> str | None:
        """"قال X إن …، موضحاً أن …": a participle goes on with the speaker of the speech verb before
        it in the sentence (the one opening a clause, not one inside the words: "قال إن المسلحين
        الذين هاجموا مقر الحركة فروا، مشيراً إلى أن …" is X's), "" when that verb has no speaker;
        None when no speech verb comes before it, or its speaker was only doubted (its agent is the
        events' reading)."""
        frame = frame_of(self.sentence, event)
        if frame is None or frame.agent != "speaker":
            return None
        before = [e for e in self.events if e.id in self.speech_ids and e.start < event.start and e.id != event.id]
        opened = [e for e in before if e.start in self.bounds] or before
        if opened:
            who = self.speaker(opened[-1])
            return who if who or not speaker_of(opened[-1]) else None  # a doubted speaker: the events' reading
        return "" if any(a < event.start for a, _ in self.spoken) else None

    def continues_last_words(self, event: Event) -> bool:
        """"وأضاف أن …"، "وتابع: …" given the speaker carried from the sentence before, when a
        narrator's sentence came between (وتشهد المنطقة توتراً منذ أن شنت إسرائيل …): a verb that
        goes on with what was said continues whoever said the last words, not the actor named last."""
        if "+previous-sentence" not in event.rule or not self.last_speaker or self.last_speaker == self.previous[:1]:
            return False
        token = offsets.token_at(self.sentence.tokens, event.start)
        if token is None:
            return False
        words, joiners = claim_words("continuation"), claim_words("joiner")
        return token.norm in words or (token.norm[:1] in joiners and token.norm[1:] in words)

    def continued(self, event: Event) -> Event | None:
        """"نقلت القناة عن مصدر عسكري أن …، مشيراً إلى أن …": a participle given the subject of the
        speech verb before it continues whoever speaks there (the source, not the outlet)."""
        frame = frame_of(self.sentence, event)
        before = [e for e in self.events if e.id in self.speech_ids and e.start < event.start and e.id != event.id
                  and speaker_of(e)]
        if not before:
            return None
        opened = [e for e in before if e.start in self.bounds] or before  # not a verb inside the words (إن مصر ترفض)
        if frame is not None and frame.agent == "subj" and "+pro-drop" in event.rule and event.type == "Statement" \
                and self.joined(event) and ((opened[-1].agents and opened[-1].agents != event.agents)
                                            or (self.sources.get(opened[-1].id) or ("", "", ""))[2]):
            # "وقال الوزير: «…»، وأضاف …: «…»": the nearest speaker goes on, not the first; "نقلت رويترز عن
            # مسؤول قوله إن …، وأضاف أن …": the source quoted goes on, not the outlet
            return opened[-1]
        if not event.rule.startswith(SPEECH_WORD + "+pro-drop") and (frame is None or frame.agent != "speaker"):
            return None
        if before[-1].agents != event.agents or before[-1].id not in self.sources:
            return None
        return before[-1]

    def joined(self, event: Event) -> bool:
        """Does the speech verb carry the proclitic و/ف (وأضاف، فقال)?"""
        token = offsets.token_at(self.sentence.tokens, event.start)
        return token is not None and any(set(m.proclitic) & claim_words("joiner")
                                         for m in frame_index().match_at([token], 0))

    def accused(self, event: Event) -> bool:
        """"واتهم بولس بأنه يريد «…»": the name right after a verb whose object is accused of
        something (its `about` preposition, بـ, follows the name at once) is the accused, not the
        speaker; with the verb's proclitic the last speaker goes on."""
        frame = frame_of(self.sentence, event)
        if frame is None or event.type == "Statement" or "obj" not in frame.targets or not frame.about \
                or not event.agents:
            return False
        tokens = self.sentence.tokens
        i = offsets.index_at(tokens, event.start)
        if i is None or i + 1 >= len(tokens) or tokens[i].norm[:1] not in claim_words("joiner"):
            return False
        own = next((m for m in self.mentions if m.entity == event.agents[0] and m.start == tokens[i + 1].start), None)
        if own is None:
            return False
        after = offsets.next_token(tokens, own.end)
        return after is not None and not re.search(r"[،,:؛;.]", self.text(own.end, after.start)) \
            and any(after.norm.startswith(p) and len(after.norm) > len(p) + 1 for p in frame.about)

    @staticmethod
    def subordinate(token) -> bool:
        """بعدما، وبعدما، عندما، حين: a word opening a subordinate clause."""
        words, joiners = claim_words("subordinator"), claim_words("joiner")
        return token.norm in words or (token.norm[:1] in joiners and token.norm[1:] in words)

    def passive(self, event: Event) -> bool:
        """"وأُبلغ عن غارات أخرى": a speech verb vowelled as a passive (ḍamma on its first letter)
        has no speaker to borrow from the clause or sentence before."""
        if "+pro-drop" not in event.rule and "+previous-sentence" not in event.rule:
            return False
        token = offsets.token_at(self.sentence.tokens, event.start)
        if token is None:
            return False
        text = token.text[1:] if token.text[:1] in claim_words("joiner") else token.text
        return len(text) > 2 and text[1] == "\u064f"

    def same_source(self, event: Event) -> bool:
        """"بحسب المصدر نفسه"، "وفق المصادر ذاتها": the source named last, not a new one."""
        frame = frame_of(self.sentence, event)
        if frame is None or frame.agent != SOURCE_AGENT:
            return False
        following = offsets.following(self.sentence.tokens, event.end, 3)
        if following and following[0].norm in claim_words("continues") | {"ما"} and len(following) == 3 \
                and following[0].norm == "ما":
            following = following[1:]  # بحسب ما ذكر المصدر نفسه
        phrase = " ".join(t.norm for t in following[:2])
        if phrase in claim_words("same"):
            return True
        # "وبحسب البيان فإن …": the statement named last, when what it says follows at once
        if not following or following[0].norm not in claim_words("same-word"):
            return False
        after = following[1] if len(following) > 1 else None
        if after is None or re.search(r"[،,.:؛;]", self.text(following[0].end, after.start)):
            return True
        # "وبحسب البيان فإن …": the words follow at once; "بحسب المصادر الأمنية" names new sources
        complementizers, joiners = word_class("complementizer"), claim_words("joiner")
        return after.norm in complementizers or (after.norm[:1] in joiners and after.norm[1:] in complementizers)

    def adjectival(self, event: Event) -> bool:
        """"تفاصيل مؤكدة عن …"، "معلومات مؤكدة": a participle right after a word with no
        punctuation between, and with nothing said after it (أن، إلى أن، على، a colon, a quotation),
        describes that noun: nobody speaks."""
        frame = frame_of(self.sentence, event)
        if frame is None or frame.agent != "speaker":
            return False
        tokens = self.sentence.tokens
        i = offsets.index_at(tokens, event.start)
        if i is None or i == 0 or re.search(r"[،,:؛;.»\"”)]", self.text(tokens[i - 1].end, event.start)):
            return False
        following = offsets.following(tokens, event.end, 1)
        if not following or re.search(r"[:«\"“]", self.text(event.end, following[0].start)):
            return False
        says = (word_class("complementizer") - claim_words("source")) | claim_words("filler") | claim_words("says-after")
        return following[0].norm not in says

    def prepositional(self, event: Event) -> bool:
        """"وذلك بعد أيام من تحذير من أن …": a speech noun after a preposition, its speaker taken
        from the clause before (+pro-drop), is something said by someone unnamed, not the subject's."""
        if "+pro-drop" not in event.rule and "+previous-sentence" not in event.rule:
            return False
        before = offsets.preceding(self.sentence.tokens, event.start, 1)
        return bool(before) and before[0].norm in word_class("preposition") \
            and not re.search(r"[،,:؛;.]", self.text(before[0].end, event.start))

    def quoted(self, event: Event) -> bool:
        """"شدد على "رفض مصر القاطع …" وعلى ضرورة "…"": a speech word inside someone's quoted words
        is part of what they said; it governs no words of its own."""
        return any(q.start <= event.start < q.end and not q.is_name for q in self.quotes)

    def negated(self, event: Event) -> bool:
        """"ولم ترد تفاصيل عن …"، "لم يؤكد": a negated speech verb says nothing."""
        before = offsets.preceding(self.sentence.tokens, event.start, 1)
        if not before:
            return False
        word = before[0].norm
        negators = word_class("negator")
        return word in negators or (word[:1] in claim_words("joiner") and word[1:] in negators)

    def future(self, event: Event) -> bool:
        """"سيؤكد ويتكوف خلال محادثاته أن …"، "سوف يعلن": what someone will say is not said yet (the
        future prefix on the speech verb, or سوف before it)."""
        tokens = self.sentence.tokens
        i = offsets.index_at(tokens, event.start)
        if i is None:
            return False
        before = tokens[i - 1].norm if i > 0 else ""
        if before in FUTURE_WORDS or (before[:1] in claim_words("joiner") and before[1:] in FUTURE_WORDS):
            return True
        return any(m.end > i and FUTURE_CLITIC in m.proclitic for m in frame_index().match_at(tokens, i))

    def spoken_by(self, event: Event) -> list[str] | None:
        """The speaker this reader gives a participle or a continuing verb when it is not the agent
        the events gave it (None: the agent stands)."""
        if self.participle_of(event) is None and not self.continues_last_words(event) and not self.same_source(event) \
                and not self.issuer(event) and not self.same_subject(event):
            return None
        who = self.speaker(event)
        return None if who == speaker_of(event) else ([who] if who else [])

    def unspoken(self, event: Event) -> bool:
        """Is the speaker the pipeline gave this speech event not who speaks (an outlet that relayed
        the words, or the last speaker where the verb has a subject of its own)?"""
        who = event.agents[0] if event.agents else ""
        return bool(who) and (self.relayed(who, event) or self.subject_spelled(event) or self.unnamed_source(event))

    def unnamed_source(self, event: Event) -> bool:
        """"أوقعت غارة روسية …، حسبما أفاد جهاز الطوارئ": an attribution's source is named after its
        verb; a speaker carried from the clause before (the attacker) is not it, whoever the words name."""
        carried = "+pro-drop" in event.rule or "+previous-sentence" in event.rule
        return carried and self.trailing_attribution(event) is not None

    def subject_spelled(self, event: Event) -> bool:
        """"وقال مسؤولان عسكريان إن"، "أعلنت إدارة الدفاع المدني أن"، "ذكر سكان أن": the speaker was
        carried from the sentence before, but a word right after the verb is its own subject (not
        أن، a preposition, a time word, قائلاً, البيان ...): someone unknown speaks."""
        if event.type != "Statement":
            return False  # after اتهم، دعا ... the next word is the object, not a subject
        if "+previous-sentence" not in event.rule:
            # "…، وقال مسؤولون على الجانبين إن": a finite verb given the speaker before it in the
            # sentence, with a word for unnamed people as its own subject (not مؤكداً دعم …)
            frame = frame_of(self.sentence, event)
            following = offsets.following(self.sentence.tokens, event.end, 1)
            return "+pro-drop" in event.rule and frame is not None and frame.agent == "subj" \
                and bool(following) and (following[0].norm in claim_words("people")
                                         or (self.outlet_word(following[0]) and speaker_of(event) in self.persons))
        tokens = self.sentence.tokens
        following = offsets.following(tokens, event.end, 1)
        if not following or re.search(r"[،,:؛;.«\"“]", self.text(event.end, following[0].start)):
            return False
        word = following[0]
        continues = claim_words("continues") | word_class("complementizer") | claim_words("source")
        if word.norm in continues or word.norm[:1] in claim_words("proclitic-prep"):
            return False
        return not any(m.start == word.start and (m.proclitic or m.entity in event.agents) for m in self.mentions)

    def outlet_word(self, token) -> bool:
        """"في المقابلة التي أجراها مراسلها فلان، قالت الصحيفة إن": a defined outlet head (الصحيفة، الوكالة)
        that is no mention of an outlet named before is a subject of its own, not the person named last."""
        article = ar.words("definite-article")[0]
        return token.norm.startswith(article) and token.norm[len(article):] in claim_words("outlet") \
            and not any(m.start == token.start for m in self.mentions)

    def relayed(self, key: str, event: Event) -> bool:
        """Is the speaker only the outlet that carried the words ("قالت رئاسة أمن الدولة في بيان
        نقلته وكالة واس": not the agency's)? Its mention after the verb follows a relay word; or
        it is named in this sentence only inside quotation marks."""
        relays = claim_words("relay")
        heads = claim_words("outlet")
        own = [m for m in self.mentions if m.entity == key]
        if own and all(any(q.start <= m.start < q.end and not quoted_name(q.text) for q in self.quotes) for m in own) \
                and "+previous-sentence" not in event.rule:
            return True  # 'وبحسب موقع "أخبار ليبيا"': Libya is only named inside a quoted name or words
        for m in own:
            if m.start < event.end:
                continue
            before = offsets.preceding(self.sentence.tokens, m.start, 2)
            if before and before[-1].norm in heads:
                before = before[:-1]
            if before and before[-1].norm in relays:
                return True
        return False

    def read(self) -> list[Claim]:
        claims: list[Claim] = []
        for n, event in enumerate(self.speech):
            region_end = next((b for b in self.bounds if b > event.start), self.sentence.end)
            frame = frame_of(self.sentence, event)
            opener = self.trailing_attribution(event) if frame is None or frame.agent != SOURCE_AGENT else None
            if opener is not None and self.unnamed_source(event):
                continue  # its source, named after the verb, is no actor we know: no words of the attacker's
            if (frame is not None and frame.agent == SOURCE_AGENT) or opener is not None:
                # the clause before, from the speech verb before it if any (its speaker unknown too:
                # "وأكدت التقارير «…»، بحسب المصدر نفسه": the words, not "وأكدت التقارير")
                previous_end = max([self.source_phrase_end(e, event.start) for e in self.events
                                    if e.id in self.speech_ids and e.end <= event.start]
                                   + [end for _, end in self.spoken if end <= event.start], default=self.sentence.start)
                claims.extend(self.attributed(event, previous_end, opener))
            else:
                claims.extend(self.governed(event, region_end) or self.fronted(event))
        # "وأكدت التقارير «…»، بحسب المصدر نفسه": words a speech verb governs are its claim already
        said = [c for c in claims if c.rule != "claim:attribution"]
        claims = [c for c in claims if c.rule != "claim:attribution"
                  or not any(c.start <= d.start < c.end or d.start <= c.start < d.end for d in said)]
        return sorted((c for c in claims if not self.named_inside(c)), key=lambda c: c.start)

    def named_inside(self, claim: Claim) -> bool:
        """A speaker carried from the sentence before who is named inside the words ("وقال: «نخشى
        أن يكون فلان عقبة»"): someone else is speaking about him."""
        if claim.speaker not in self.persons:
            return False  # a body or state names itself in its own words (تؤكد دولة قطر، القوات الباكستانية ردت)
        source = next((e for e in self.speech if e.agents and e.agents[0] == claim.speaker
                       and "+previous-sentence" in e.rule), None)
        return source is not None and any(m.entity == claim.speaker and m.kind == "name" and claim.start <= m.start < claim.end
                                          for m in self.mentions)

    # -- the three ways a speech event governs words --------------------------------------------
    def governed(self, event: Event, region_end: int) -> list[Claim]:
        """The complement after the verb (reported speech, or one quotation), else the long
        quotations right after the verb's arguments."""
        complement = complement_start(self.sentence, event)
        if complement is not None and complement < region_end:
            if any(event.end <= e.start < complement and self.sources.get(e.id) is not None
                   for e in self.speech if e.id != event.id):
                return []  # "ذكرت الوكالة نقلاً عن مصدر أمني أن …": the source's words, not the outlet's
            if complement in self.governed_at:
                return []  # "وقال المسؤول الذي طلب عدم ذكر اسمه إن …": one complement, one claim
            self.governed_at.add(complement)
            return self.complement(event, complement, region_end)
        if self.sources.get(event.id) is not None:
            return []
        claims = []
        for n, quote in enumerate(self.quotes):
            if n in self.used or not (event.end <= quote.open_at < region_end) or quote.words < MIN_QUOTE_WORDS \
                    or quote.is_name or self.object_quote(quote, event) \
                    or (phrase_quote(quote) and ":" not in self.text(event.end, quote.open_at)):
                continue
            if self.tokens_between(event.end, quote.open_at) > GOVERNED_GAP:
                continue
            self.used.add(n)
            claims.append(self.make(quote.start, quote.end, quote.text, event, "quote", 0.8))
        return claims or self.after_colon(event, region_end)

    def after_colon(self, event: Event, region_end: int) -> list[Claim]:
        """"وزاد: إذا مضت الوساطة في هذا الاتجاه فسنعتبرها …": unquoted words after a colon that
        closes the verb's arguments are what it says (not a colon inside a list, مثل: …)."""
        head = self.text(event.end, region_end)
        colon = next((m.start() for m in re.finditer(r"(?<!\d):(?!\d)", head)), -1)  # not 12:00
        if colon < 0 or self.tokens_between(event.end, event.end + colon) > COLON_GAP:
            return []
        start = event.end + colon + 1
        if any(q.open_at >= start and not self.text(start, q.open_at).strip() for q in self.quotes):
            return []  # «…» after the colon: a quotation, read above (or a short one: no claim)
        if any(start <= q.open_at < region_end for q in self.quotes):
            return []
        end = self.clause_end(start, region_end, speaker=self.speaker(event))
        return self.span_claim(start, end, event, "reported-speech", MIN_QUOTE_WORDS)

    def complement(self, event: Event, start: int, region_end: int) -> list[Claim]:
        """أن/إن + words: a quotation when the complement is one (إن "…"، إن المتمردين "…"), else
        the reported words; "أن "…" وأن …" is the quotation, then the next complement. After "نقلت
        عن X" the complement is what follows the source (قوله: «…»); nothing there: none."""
        source = self.sources.get(event.id)
        nominal = False  # أعرب عن، أعلن مسؤوليتها عن: what is said is a noun phrase
        if source is not None and source[0] == start:
            start = source[1]
            if not self.text(start, region_end).strip(PUNCTUATION):
                return []
        else:
            token = offsets.token_at(self.sentence.tokens, start)
            nominal = token is not None and token.norm in claim_words("source")
            start = self.after_token(start)
        for n, quote in enumerate(self.quotes):
            if n in self.used:
                continue
            if not (start <= quote.open_at < region_end) or self.tokens_between(start, quote.open_at) > QUOTED_SUBJECT \
                    or quote.is_name or self.object_quote(quote, event) \
                    or any(start <= e.start < quote.open_at for e in self.events if e.id not in self.speech_ids):
                continue  # "أن طيرانه ضرب أيضاً "بنى تحتية"": the quotation is the object; the complement is said
            if quote.words < MIN_QUOTE_WORDS and self.tokens_between(start, quote.open_at):
                continue  # أن الغارات استهدفت "مواقع عسكرية": a phrase of the words, which keep their subject
            if quote.words < MIN_QUOTE_WORDS and self.describes(event) \
                    and not self.text(quote.close_at, region_end).strip(PUNCTUATION):
                self.used.add(n)
                return []  # ووصف البيان التقارير بأنها «غير صحيحة»: a description in scare quotes
            rest = self.text(quote.close_at, region_end)
            # أن "…" عند الحدود: a quotation opening the complement is the claim, unless it is one word
            # or a short phrase the complement goes on from (أن "هجوما بالستيا روسيا" طال ثلاثة أحياء ...)
            opens = self.tokens_between(start, quote.open_at) == 0 and quote.words >= 2 and (
                quote.words >= MIN_QUOTE_WORDS or len(self.clause_text(quote.close_at, region_end).split()) <= quote.words)
            if rest.strip(PUNCTUATION) and not opens and self.next_complement(quote.close_at, region_end) is None:
                continue
            self.used.add(n)
            claims = [self.make(quote.start, quote.end, quote.text, event, "quote", 0.8)]
            following = self.next_complement(quote.close_at, region_end)
            if following is not None:
                claims.extend(self.complement(event, following, region_end))
            return claims
        text = self.text(start, self.clause_end(start, region_end, nominal, self.speaker(event))).strip(PUNCTUATION)
        if len(text.split()) < MIN_REPORTED_WORDS:
            return []  # "نقلاً عن الجيش السوري النظامي،": the rest of a source's name, not words said
        begin = self.sentence.text.index(text, start - self.sentence.start) + self.sentence.start
        begin, end = self.balanced(begin, begin + len(text))
        if any(m.start <= begin and end <= m.end for m in self.mentions):
            return []  # "بأنّ وزارة الصحة الفلسطينية، أعلنت …": the subject of the words, cut off, is no claim
        for n, quote in enumerate(self.quotes):
            if begin <= quote.start < end:
                self.used.add(n)
        return [self.make(begin, end, self.text(begin, end), event, "reported-speech", 0.6)]

    def clause_end(self, start: int, region_end: int, nominal: bool = False, speaker: str = "") -> int:
        """Where reported words end: before ", و + verb" (عن قلقه …، وجدد دعوته) or ", وذلك" (a new
        clause of the narrator's), before ", لكن X نفت" (a contrast opening another speaker's clause),
        before a comma a speech verb follows closely whose own subject is someone other than `speaker`
        ("…، في هجوم أكدت هيئة العمليات البريطانية أنه …"),
        and after a noun phrase (عن) before the means it was said by (من خلال بيان), outside
        quotation marks; else at the region's end."""
        tokens = self.sentence.tokens
        inside = [(q.open_at, q.close_at) for q in self.quotes]
        speech_at = sorted({a for a, _ in self.spoken} | {e.start for e in self.events if e.id in self.speech_ids})
        means = claim_words("means")
        for i, token in enumerate(tokens):
            if token.start <= start or token.start >= region_end or i == 0:
                continue
            if any(a <= token.start < b for a, b in inside):
                continue
            if nominal and i + 1 < len(tokens) and f"{token.norm} {tokens[i + 1].norm}" in means:
                return tokens[i - 1].end
            if "،" not in self.text(tokens[i - 1].end, token.start) and "," not in self.text(tokens[i - 1].end, token.start):
                continue
            if token.norm in claim_words("contrast") and (any(
                    tokens[k].start in speech_at for k in range(i + 1, min(i + 1 + CONTRAST_GAP, len(tokens))))
                    or self.subject_speaks(i + 1, speech_at)):
                return tokens[i - 1].end
            if any(m.value.agent == SOURCE_AGENT for m in frame_index().match_at(tokens, i)):
                return tokens[i - 1].end  # "…، بحسب ما ذكرت سكاي نيوز": the attribution is the narrator's
            if speaker and any(self.named_speaker(tokens[k].start, speaker)
                               for k in range(i, min(i + CONTRAST_GAP, len(tokens)))):
                return tokens[i - 1].end  # "…، في هجوم أكدت هيئة العمليات أنه …": another speaker's clause
            joined = token.norm[:1] in claim_words("joiner") and token.norm[1:] in claim_words("clause-verb")
            if token.norm in claim_words("narrator") or joined or any(
                    set(m.proclitic) & claim_words("joiner") for m in frame_index().match_at(tokens, i)):
                return tokens[i - 1].end
        return region_end

    def subject_speaks(self, k: int, speech_at: list[int]) -> bool:
        """Does an actor named at token k speak with the verb right after its name ("لكن هيئة عمليات
        التجارة البحرية البريطانية قالت"), however long the name?"""
        tokens = self.sentence.tokens
        name = next((m for m in self.mentions if k < len(tokens) and m.start == tokens[k].start), None)
        if name is None:
            return False
        after = offsets.first_from(tokens, name.end)
        while after < len(tokens) and tokens[after].norm in word_class("particle"):
            after += 1
        return after < len(tokens) and tokens[after].start in speech_at

    def named_speaker(self, at: int, speaker: str) -> bool:
        """Does a speech verb start at `at` whose subject, named right after it, is not `speaker`?"""
        event = next((e for e in self.events if e.start == at and e.id in self.speech_ids), None)
        if event is None or "+pro-drop" in event.rule or "+previous-sentence" in event.rule:
            return False
        who = speaker_of(event)
        following = offsets.next_token(self.sentence.tokens, event.end)
        return bool(who) and who != speaker and following is not None \
            and any(m.entity == who and m.start == following.start for m in self.mentions)

    def next_complement(self, after: int, region_end: int) -> int | None:
        """The offset of "وأن" (joiner + complementizer) opening the text right after `after`."""
        complementizers = word_class("complementizer")
        following = [t for t in self.sentence.tokens if after <= t.start < region_end][:1]
        if not following:
            return None
        token = following[0]
        joiners = claim_words("joiner")
        for joiner in joiners:
            if token.norm.startswith(joiner) and token.norm[len(joiner):] in complementizers:
                return token.start
        return None

    def fronted(self, event: Event) -> list[Claim]:
        """« … »، قال X: a quotation closed right before the speech verb."""
        for n, quote in enumerate(self.quotes):
            if n in self.used or quote.close_at > event.start or quote.words < 2 or quote.is_name or quote.object:
                continue
            gap = self.text(quote.close_at, event.start)
            words = [w for w in re.split(r"[\s،,:]+", gap) if w]
            if all(normalize_word(w) in claim_words("joiner") for w in words):
                self.used.add(n)
                return [self.make(quote.start, quote.end, quote.text, event, "quote", 0.8)]
        return []

    def attributed(self, event: Event, previous_end: int, opener: int | None = None) -> list[Claim]:
        """بحسب X، وفقاً لـ X: the clause before the attribution is X's; after a speech verb in a
        subordinate or relative clause (وبعدما أعلن الأسبوع الماضي فتح ممرين، يواصل الجيش …، بحسب المصدر)
        the main clause after its comma. An attribution inside the source phrase of another one
        ("…، بحسب حصيلة أعلنها متحدث باسم الوزارة بحسب قناة الإخبارية"): the outlet that carried that
        source, no words of its own."""
        if self.inside_attribution(event):
            return []
        if not self.text(self.sentence.start, event.start).strip(PUNCTUATION):
            return self.attributed_after(event)
        tokens = offsets.preceding(self.sentence.tokens, previous_end)
        if len(tokens) >= 2 and (self.subordinate(tokens[-2]) or tokens[-2].norm in claim_words("relative")):
            # "وخلال العملية التي وصفها بـ"النوعية"، اغتنمت القوات …، حسب العميد": a relative clause's verb too
            comma = re.search(r"[،,]", self.text(previous_end, event.start))
            previous_end = previous_end + comma.end() if comma else previous_end
        text = self.text(previous_end, event.start if opener is None else opener).strip(PUNCTUATION)
        if len(text.split()) < MIN_ATTRIBUTED_WORDS or " ".join(normalize_word(w) for w in text.split()[:2]) \
                in claim_words("setting"):
            return []  # "جاء ذلك في كلمة …، بحسب مراسل الأناضول": where words were said, not words
        begin = self.sentence.text.index(text, previous_end - self.sentence.start) + self.sentence.start
        begin, end = self.balanced(begin, begin + len(text))
        return [self.make(begin, end, self.text(begin, end), event, "attribution", 0.6)]

    def attributed_after(self, event: Event) -> list[Claim]:
        """"وبحسب وزارة الصحة، فإن عدد القتلى ارتفع …"، "ووفقاً لمصدر في الجيش فإن …": an attribution
        that opens the sentence governs the clause after its source (past a comma and فإن/أن), up to
        the next speech verb that opens a clause."""
        complementizers, joiners = word_class("complementizer"), claim_words("joiner")
        after = offsets.following(self.sentence.tokens, event.end, COMPLEMENT_GAP)
        begin = None
        for k, token in enumerate(after):
            if token.norm in complementizers or (token.norm[:1] in joiners and token.norm[1:] in complementizers):
                begin = token.end
                break
            if k and re.search(r"[،,:]", self.text(after[k - 1].end, token.start)):
                begin = token.start
                if token.norm in complementizers or (token.norm[:1] in joiners and token.norm[1:] in complementizers):
                    begin = token.end
                break
        if begin is None:
            return []
        region_end = next((b for b in self.bounds if b > begin), self.sentence.end)
        end = self.clause_end(begin, region_end, speaker=self.speaker(event))
        return self.span_claim(begin, end, event, "attribution-before", MIN_ATTRIBUTED_WORDS)

    def span_claim(self, start: int, end: int, event: Event, rule: str, min_words: int) -> list[Claim]:
        """The words from `start` to `end` (punctuation around them dropped, quotation marks kept
        whole) as the event's claim, when they are at least `min_words` words."""
        text = self.text(start, end).strip(PUNCTUATION)
        if len(text.split()) < min_words:
            return []
        begin = self.sentence.text.index(text, start - self.sentence.start) + self.sentence.start
        begin, end = self.balanced(begin, begin + len(text))
        return [self.make(begin, end, self.text(begin, end), event, rule, 0.6)]

    def trailing_attribution(self, event: Event) -> int | None:
        """"…، حسبما أفاد مسؤول محلي"، "…، حسبما نقلت صحيفة X عن الحاكم": a speech verb after a comma and an
        attribution word (claims.tsv `attribution`), with no complement of its own, names the
        source of the clause before it, as بحسب X does: the offset of the opener, where those words end."""
        tokens = self.sentence.tokens
        i = offsets.index_at(tokens, event.start)
        openers = claim_words("attribution")
        complement = complement_start(self.sentence, event)
        opening = offsets.token_at(tokens, complement) if complement is not None else None
        if i is None or (opening is not None and opening.norm not in claim_words("source")):
            return None  # "…، حسبما أعلنت الوزارة أن …" governs words of its own; "حسبما نقلت X عن Y" does not
        for width in (1, 2):
            if i - width < 1 or " ".join(t.norm for t in tokens[i - width:i]) not in openers:
                continue
            if re.search(r"[،,]", self.text(tokens[i - width - 1].end, tokens[i - width].start)):
                return tokens[i - width].start
        return None

    def inside_attribution(self, event: Event) -> bool:
        """Does an earlier attribution (بحسب، وفقاً لـ: its speaker named or not) stand before this
        one with no clause punctuation between them?"""
        tokens = self.sentence.tokens
        ends = [end for start, end in self.spoken if end <= event.start
                and (i := offsets.index_at(tokens, start)) is not None
                and any(m.value.agent == SOURCE_AGENT for m in frame_index().match_at(tokens, i))]
        return bool(ends) and not re.search(r"[،,.:;؛]", self.text(max(ends), event.start))

    def source_phrase_end(self, event: Event, limit: int) -> int:
        """Where the words before a later attribution can begin after this speech event: its end, or
        for an attribution (بحسب وزارة الصحة، وأصيب …) the clause punctuation closing its source."""
        frame = frame_of(self.sentence, event)
        if frame is None or frame.agent != SOURCE_AGENT:
            return event.end
        stop = re.search(r"[،,.:;؛]", self.text(event.end, limit))
        return event.end + stop.end() if stop else event.end

    # -- helpers -----------------------------------------------------------------------------------
    def text(self, start: int, end: int) -> str:
        s = self.sentence
        return s.text[max(start, s.start) - s.start: max(start, min(end, s.end)) - s.start]

    def balanced(self, begin: int, end: int) -> tuple[int, int]:
        """Reported words stripped of the punctuation around them keep the marks of a quotation
        inside them ('إن الجرحى "من النساء والأطفال"'): the closing (or opening) mark cut off goes back."""
        for opening, closing in (("«", "»"), ("“", "”"), ('"', '"')):
            text = self.text(begin, end)
            unclosed = text.count(opening) != text.count(closing) if opening != closing else text.count(opening) % 2
            if not unclosed:
                continue
            if self.text(end, end + 1) == closing and (opening == closing or text.count(opening) > text.count(closing)):
                end += 1
            elif self.text(begin - 1, begin) == opening:
                begin -= 1
        return begin, end

    def clause_text(self, start: int, end: int) -> str:
        """The text from `start` to the first clause punctuation (or `end`)."""
        text = self.text(start, end)
        return re.split(r"[،,;؛.]", text.strip(PUNCTUATION), maxsplit=1)[0]

    def after_token(self, offset: int) -> int:
        """The offset just after the token that starts at `offset` (past أن/إن/عن, وأن)."""
        token = offsets.token_at(self.sentence.tokens, offset)
        return token.end if token is not None else offset

    def tokens_between(self, start: int, end: int) -> int:
        return sum(1 for t in self.sentence.tokens if start <= t.start and t.end <= end)

    def make(self, start: int, end: int, text: str, source: Event, rule: str, confidence: float) -> Claim:
        asserted = [e.id for e in self.events if start <= e.start < end and e.type != "Statement"]
        frame = frame_of(self.sentence, source)
        if frame is not None and frame.governs == DENIED:
            asserted, rule = [], rule + "+denied"  # "نفى أن تكون قواته قصفت": the words are what is denied
        if source.type != "Statement":
            asserted.insert(0, source.id)
        speaker = self.speaker(source)
        if self.continues_last_words(source):
            rule += "+continues-last-speaker"  # وأضاف after a narrator's sentence
        elif self.participle_of(source) is not None and speaker != speaker_of(source):
            rule += "+participle-continues"  # موضحاً: the speaker of the verb before, not the actor named last
        return Claim(
            id=f"{start}", speaker=speaker, sentence=self.sentence.index, start=start, end=end,
            quote=text, rule=f"claim:{rule}", confidence=confidence,
            asserts=list(dict.fromkeys(asserted)), date=source.date,
        )


TITLED_SPEECH = "claims:titled-subject"  # rule of a speech verb whose subject is a title chain's person
SPEECH_WORD = "claims:speech"  # rule of a speech word the frames do not read (ومضى قائلاً، لافتاً إلى أن)
MAX_FILLERS = 3


def speech_words(sentence: Sentence, events: list[Event], speech_ids: set[str], mentions: list[Mention],
                 previous: list[str] = ()) -> list[Event]:
    """Statements for the speech words of claims.tsv (`speech`) that continue a speaker (ومضى قائلاً:
    «…»، لافتاً إلى أن …، ونوه إلى أن …، واختتم حديثه بالقول: «…»), only when what they say follows
    at once (past قائلاً، إلى، بالقول …: أن/إن or a colon or a quotation; "متابعة الملفات" says
    nothing). The speaker is a name right after the word (ونوه الوزير إلى أن), else the last
    speaker of the sentence, else the one before it."""
    words, fillers, joiners = claim_words("speech"), claim_words("filler"), claim_words("joiner")
    complementizers = word_class("complementizer") - claim_words("source")
    tokens = sentence.tokens
    mine = sorted((m for m in mentions if m.sentence == sentence.index), key=lambda m: m.start)
    speech = [e for e in events if e.id in speech_ids]
    taken = {e.start for e in events}
    found: list[Event] = []
    for i, token in enumerate(tokens):
        forms = {token.norm} | ({token.norm[1:]} if token.norm[:1] in joiners else set())
        if not forms & words or token.start in taken:
            continue
        j, speaker = i + 1, ""
        subject = next((m for m in mine if j < len(tokens) and m.start == tokens[j].start and not m.proclitic), None)
        if subject is not None:
            speaker = subject.entity
            j = next((k for k in range(j, len(tokens)) if tokens[k].start >= subject.end), len(tokens))
        n = 0
        while j < len(tokens) and tokens[j].norm in fillers and n < MAX_FILLERS:
            j, n = j + 1, n + 1
        end = tokens[j - 1].end
        gap = sentence.text[end - sentence.start:(tokens[j].start if j < len(tokens) else sentence.end) - sentence.start]
        if not (re.search(r"[:«\"“]", gap) or (j < len(tokens) and tokens[j].norm in complementizers)):
            continue
        rule = SPEECH_WORD
        before = [e for e in speech + found if e.start < token.start and speaker_of(e)]
        if not speaker and before:
            speaker, rule = speaker_of(before[-1]), SPEECH_WORD + "+pro-drop"
        elif not speaker and previous:
            speaker, rule = previous[0], SPEECH_WORD + "+previous-sentence"
        if not speaker:
            continue
        found.append(Event(id=f"{token.start}-SpeechWord", type="Statement", relation="", sentence=sentence.index,
                           start=token.start, end=end, trigger=token.text, rule=rule, confidence=0.6,
                           agents=[speaker], date=before[-1].date if before else None))
    return found


def titled_speech(sentence: Sentence, triggers: list, events: list[Event], titles=None,
                  people: frozenset[str] | set[str] = frozenset(), mentions: list[Mention] = ()) -> list[Event]:
    """"قال قائد خفر السواحل في قطاع البحر الأحمر العميد فلان إن …"، "أفاد الناطق الرسمي للكتلة، فلان،
    بأن …": a speech verb the events gave no subject, right after which a title chain names a person
    (the role tie the chain gives starts at the next word; or a title starts there and the person is
    the last one named before the complement), is his: a Statement for the claim reader (rule
    claims:titled-subject)."""
    tokens = sentence.tokens
    roles = {e.start: e for e in events if e.rule.startswith(ROLE_RULE) and e.agents}
    complementizers = word_class("complementizer") - claim_words("source")
    found = []
    for trigger in triggers:
        if trigger.event is not None or not trigger.frame.speech or trigger.frame.event != "Statement" \
                or trigger.frame.agent != "subj" or trigger.end >= len(tokens):
            continue
        start, end = tokens[trigger.start].start, tokens[trigger.end - 1].end
        role = roles.get(tokens[trigger.end].start)
        who = role.agents[0] if role is not None and not re.search(
            r"[،,:؛;.«\"“]", sentence.text[end - sentence.start:role.start - sentence.start]) else ""
        if not who and titles is not None and titles.match_at(tokens, trigger.end):
            after = tokens[trigger.end:trigger.end + COMPLEMENT_GAP]
            at = next((t.start for t in after if t.norm in complementizers), None)
            named = [m for m in mentions if m.sentence == sentence.index and m.entity in people
                     and end <= m.start and at is not None and m.end <= at]
            who = named[-1].entity if named else ""
        if not who:
            continue
        found.append(Event(id=f"{start}-TitledSpeech", type="Statement", relation="", sentence=sentence.index,
                           start=start, end=end, trigger=sentence.text[start - sentence.start:end - sentence.start],
                           rule=TITLED_SPEECH, confidence=0.6, agents=[who]))
    return found


def nisba_issuer(sentence: Sentence, mentions: list[Mention], after: int) -> str:
    """"وأفاد بيان عسكري سوري أن"، "وقال بيان رسمي مصري إن": a statement word whose adjectives
    (at most NISBA_GAP words, no punctuation) end in a state's nisba is that state's, not the last
    speaker's nor the actor the words name; "" when no nisba follows."""
    following = offsets.following(sentence.tokens, after, NISBA_GAP + 1)
    for k, token in enumerate(following):
        gap = sentence.text[(following[k - 1].end if k else after) - sentence.start:token.start - sentence.start]
        if re.search(r"[،,:؛;.«\"“]", gap):
            return ""
        own = next((m for m in mentions if m.start == token.start and m.kind == "nisba"), None)
        if own is not None:
            return own.entity
    return ""


ISSUED_SPEECH = "claims:issued-statement"  # rule of a speech verb whose subject is a statement of a state (بيان سوري)


def issued_speech(sentence: Sentence, triggers: list, mentions: list[Mention]) -> list[Event]:
    """"وقال بيان رسمي مصري إن …": a speech verb the events gave no subject, right after which a
    statement word names its state by a nisba, is that state's: a Statement for the claim reader."""
    tokens, found = sentence.tokens, []
    for trigger in triggers:
        if trigger.event is not None or not trigger.frame.speech or trigger.frame.event != "Statement" \
                or trigger.frame.agent != "subj" or trigger.end >= len(tokens) \
                or tokens[trigger.end].norm not in claim_words("statement"):
            continue
        start, end = tokens[trigger.start].start, tokens[trigger.end - 1].end
        if sentence.text[end - sentence.start:tokens[trigger.end].start - sentence.start].strip():
            continue
        who = nisba_issuer(sentence, [m for m in mentions if m.sentence == sentence.index], tokens[trigger.end].end)
        if who:
            found.append(Event(id=f"{start}-IssuedSpeech", type="Statement", relation="", sentence=sentence.index,
                               start=start, end=end, trigger=sentence.text[start - sentence.start:end - sentence.start],
                               rule=ISSUED_SPEECH, confidence=0.6, agents=[who]))
    return found


def find_claims(sentence: Sentence, events: list[Event], speech_ids: set[str],
                mentions: list[Mention] | None = None) -> list[Claim]:
    return ClaimReader(sentence, events, speech_ids, mentions).read()


def source_start(sentence: Sentence, event: Event) -> int | None:
    """Document offset of the source preposition after a Statement verb (نقلت الوكالة عن X), if it
    comes before any complementizer."""
    complementizers, sources = word_class("complementizer"), claim_words("source")
    following = offsets.following(sentence.tokens, event.end, COMPLEMENT_GAP)
    inside = [(q.start, q.end) for q in quotes(sentence) if q.open_at >= event.end]
    for token in following:
        if any(a <= token.start < b for a, b in inside):
            continue  # نقلت شبكة "سي إن إن" عن مسؤول: the name's words are neither source nor complement
        if token.norm in sources:
            return token.start
        if token.norm in complementizers:
            return None
    return None


def complement_start(sentence: Sentence, event: Event) -> int | None:
    """Document offset of the أن/إن that opens a speech verb's complement, if any; for "نقلت
    الوكالة عن X أن …" the أن after the source (else the عن itself: "نقلت عن X قوله")."""
    complementizers = word_class("complementizer")
    sources = claim_words("source")
    seen, source_at = 0, None
    # inside a quotation after the verb, a name's too (شبكة "سي إن إن" عن مسؤول: its إن opens nothing)
    inside = [(q.start, q.end) for q in quotes(sentence) if q.open_at >= event.end]
    relatives = claim_words("relative")
    relative = False  # after a relative pronoun with no comma since (الذي تولى مقعداً عن …)
    aside = False  # inside "، الذي فضل عدم الكشف عن هويته،": the subject's relative clause, no complement
    previous_end = event.end
    adverbials, previous_word, last = claim_words("adverbial"), "", ""
    for token in sentence.tokens:
        previous_word, last = last, token.norm
        if token.start < event.end:
            continue
        comma = bool(re.search(r"[،,]", sentence.text[previous_end - sentence.start:token.start - sentence.start]))
        previous_end = token.end
        if aside and not comma:
            continue
        aside = comma and token.norm in relatives
        if aside:
            continue
        relative = (relative and not comma) or token.norm in relatives
        if relative and token.norm in sources:
            seen += 1
            continue  # "وقال باشينيان الذي تولى مقعدا نيابيا عن المعارضة …": the relative clause's عن
        if any(a <= token.start < b for a, b in inside):
            seen += 1
            continue  # inside a quotation after the verb: its words, not the verb's complement
        if token.norm in complementizers and previous_word not in adverbials:
            if token.norm not in sources:
                return token.start
            if event.type != "Statement":
                return source_at  # a source preposition after another verb: no reported speech
            source_at = token.start if source_at is None else source_at
        seen += 1
        if seen > COMPLEMENT_GAP:
            break
    return source_at
