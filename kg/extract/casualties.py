"""Casualty component: a count, the victims it counts, what happened to them, and their side.

"49 جندياً أرمينياً" + "مقتل" -> 49 killed, soldiers, side Armenia. "جنديين" counts 2 alone.
"مقتل 13" / "إصابة عشرة" count people with no victim noun (a killed/wounded word whose value is
`count`, right before the number). A number followed by a unit (عاماً، كيلومتراً) counts no one; a count near
a word naming a cause that is no violence (a tsunami, a road accident, a disease) is no report.
The reporter (agent) is settled later: the speaker of the sentence's statement or quote.
Vocabulary: `kg/data/casualties.tsv`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.data import alternatives, read_tsv
from kg.extract.numbers import Number, approx_start
from kg.extract.phrases import PhraseIndex
from kg.lang import ar
from kg.model import Event, Mention, Sentence
from kg.text.normalize import normalize_phrase, normalize_word

CUE_WINDOW = 7
CAUSE_WINDOW = 10  # a non-violent cause (تسونامي، حادث سير) this close to a count makes it no report
CUE_KINDS = ("killed", "wounded", "other", "victim-killed", "victim-wounded", "recalled")
VICTIM_GAP = 2  # number, then up to this many tokens (e.g. "من") before the victim noun
MIN_YEAR, MAX_YEAR = 1900, 2100
TO_GAP = 3  # tokens from إلى to the count: "إلى نحو 40"، "إلى أكثر من 40"
RISE_GAP = 14  # tokens from a rise word to its إلى: "ارتفع عدد قتلى الغارات الإسرائيلية على القطاع إلى"


@dataclass(frozen=True)
class CasualtyWord:
    kind: str  # victim, victim-killed, victim-wounded, killed, wounded, dual, dual-killed, ...
    value: str
    form: str


@lru_cache(maxsize=1)
def casualty_words() -> PhraseIndex[CasualtyWord]:
    index: PhraseIndex[CasualtyWord] = PhraseIndex(enclitics=True)
    for row in read_tsv("casualties.tsv"):
        for form in alternatives(row["form"]):
            index.add(normalize_phrase(form), CasualtyWord(row["kind"], row["value"], form))
    return index


def find_casualties(sentence: Sentence, numbers: list[Number], mentions: list[Mention],
                    taken: set[int]) -> list[Event]:
    """CasualtyReport events of a sentence. `taken`: token indices used by dates (not counts)."""
    words = {m.start: m for m in casualty_words().find_all(sentence.tokens)}
    by_start = mentions_by_start(mentions)
    causes = [start for start, word in words.items() if word.value.kind == "cause"]
    events: list[Event] = []
    ranges = range_bounds(sentence, numbers)
    upper = {second.token_start for second in ranges.values()}
    for number in numbers:
        if number.token_start in taken or number.token_start in upper or unit_after(words, number.token_end):
            continue
        year = MIN_YEAR <= number.value <= MAX_YEAR and not number.approximate
        counted_end = ranges[number.token_start].token_end if number.token_start in ranges else number.token_end
        victim = victim_after(words, counted_end, 0 if year else VICTIM_GAP)
        kind = outcome(words, victim, number.token_start, victim.end) if victim is not None else ""
        if victim is None and not year:
            victim, kind = counted_after_cue(words, number, sentence)
        if kind and not near_cause(causes, number.token_start):
            event = casualty_event(sentence, number.value, number.token_start, victim, kind, by_start)
            event.running_total = running_total(words, sentence.tokens, number.token_start)
            events.append(event)
    after_numbers = {k for n in numbers for k in range(n.token_end, n.token_end + VICTIM_GAP + 1)}
    for start, word in words.items():
        if word.value.kind.startswith("dual") and start not in after_numbers and not near_cause(causes, start):
            kind = outcome(words, word, start, word.end)
            if kind:
                events.append(casualty_event(sentence, 2, start, word, kind, by_start))
    joined_totals(events, sentence.tokens)
    since = min((start for start, word in words.items() if word.value.kind == "since"), default=None)
    return recalled_beside_others(events, sentence.tokens[since].start if since is not None else None)


def recalled_beside_others(events: list[Event], since: int | None = None) -> list[Event]:
    """A toll recalled ("الذي راح ضحيته أكثر من مئة شخص") is killed, and a report only when the
    sentence reports another count ("... وأصيب ثلاث مئة آخرون"): alone it recalls an earlier event.
    A toll summed since a date (`since`: where منذ stands, before it) is a war's toll, a report by itself."""
    recalled = [e for e in events if e.casualty_type == "recalled"]
    if recalled and since is not None and all(e.start > since for e in recalled):
        recalled = []  # "تمرد منذ 1984 أودى بحياة أكثر من 40 ألف شخص": the summed toll of a war
        for event in events:
            if event.casualty_type == "recalled":
                event.casualty_type = "killed"
    if len(recalled) == len(events):
        return []
    for event in recalled:
        event.casualty_type = "killed"
    return events


def running_total(words, tokens, position: int) -> bool:
    """"ارتفع عدد القتلى إلى 40"، "ارتفاع حصيلة الشهداء، اليوم، في القصف إلى نحو 26": a count right
    after إلى (only words of approximation between, casualties.tsv `approx`) that a rise word
    (`rise`) opens a few words before is the toll so far, not new casualties."""
    approx = approximation_words()
    k = position - 1
    while k >= 0 and position - k <= TO_GAP and tokens[k].norm in approx:
        k -= 1
    if k < 0 or k not in words or words[k].value.kind != "to":
        return False
    return any(j in words and words[j].value.kind == "rise" for j in range(max(0, k - RISE_GAP), k))


@lru_cache(maxsize=1)
def approximation_words() -> frozenset[str]:
    return frozenset(normalize_word(word) for row in read_tsv("casualties.tsv") if row["kind"] == "approx"
                     for form in alternatives(row["form"]) for word in form.split())


def joined_totals(events: list[Event], tokens) -> None:
    """"ارتفعت الحصيلة إلى 30631 قتيلاً و72043 جريحاً": a count joined by و right after a running
    total's victim noun is part of that toll too."""
    ordered = sorted(events, key=lambda e: e.start)
    for first, second in zip(ordered, ordered[1:]):
        if first.running_total and not second.running_total:
            between = [t for t in tokens if first.end <= t.start < second.start]
            at = next((t for t in tokens if t.start == second.start), None)
            joined = [t.text for t in between] == ["و"] or (not between and at is not None and at.text.startswith("و"))
            if joined:
                second.running_total = True


def range_bounds(sentence: Sentence, numbers: list[Number]) -> dict[int, Number]:
    """A range, "بين 30 و35 شخصاً" (between, a number, و + a number): one count, its lower bound,
    not two counts (nor their sum). Start token of the lower bound -> the upper one."""
    between = ar.word("between")
    found: dict[int, Number] = {}
    for first, second in zip(numbers, numbers[1:]):
        before = sentence.tokens[first.token_start - 1].norm if first.token_start > 0 else ""
        if before == between and second.token_start == first.token_end \
                and sentence.tokens[second.token_start].norm.startswith(ar.word("conjunction")):
            found[first.token_start] = second
    return found


def unit_after(words, position: int) -> bool:
    """"20 عاماً", "3 كيلومترات": the number measures something, it counts no one."""
    word = words.get(position)
    return word is not None and word.value.kind in ("unit", "time")


def duration_after(sentence: Sentence, position: int) -> bool:
    """"لستين يوماً", "48 ساعة": a unit of time after the number makes it a duration."""
    if position >= len(sentence.tokens):
        return False
    match = casualty_words().match_at(sentence.tokens, position)
    return bool(match) and match[0].value.kind == "time"


@dataclass(frozen=True)
class Counted:
    """The number itself stands for its victims ("مقتل 13"): the span a casualty event takes."""
    start: int
    end: int
    value: CasualtyWord


def counted_after_cue(words, number: Number, sentence: Sentence | None = None):
    """"مقتل 13 معظمهم من الشرطة", "إصابة عشرة": a count-cue word right before the number
    or before its hedge ("مقتل أكثر من 20 ألفاً")."""
    ends = {number.token_start}
    if number.approximate and sentence is not None:
        ends.add(approx_start(sentence, number.token_start))
    for word in words.values():
        if word.end in ends and word.value.kind in ("killed", "wounded") and word.value.value == "count":
            if sentence is not None and negated(sentence, word.start):
                return None, ""  # "لم يقتل أحد", "لم يصب أي": no one was
            return Counted(number.token_start, number.token_end, CasualtyWord("victim", "person", "")), word.value.kind
    return None, ""


def negated(sentence: Sentence, position: int) -> bool:
    """A negator (لم، لا، لن: clitics.tsv) right before the cue word."""
    from kg.extract.frames import word_class

    return position > 0 and sentence.tokens[position - 1].norm in word_class("negator")


def near_cause(causes: list[int], position: int) -> bool:
    return any(abs(position - c) <= CAUSE_WINDOW for c in causes)


def victim_after(words, position: int, gap: int = VICTIM_GAP):
    """The victim noun right after a number (a year-like number: with nothing between); a unit
    before it ends the search ("130 «هدفاً عسكرياً»": the number counts targets, not soldiers)."""
    for k in range(position, position + gap + 1):
        word = words.get(k)
        if word is not None and word.value.kind in ("unit", "time"):
            return None
        if word is not None and word.value.kind.startswith(("victim", "dual")):
            return word
    return None


def outcome(words, victim, start: int, end: int) -> str:
    """killed / wounded: from the victim noun itself, else the nearest cue word around."""
    if victim.value.kind.endswith("-killed"):
        return "killed"
    if victim.value.kind.endswith("-wounded"):
        return "wounded"
    reach = CUE_WINDOW + casualty_words().longest  # only words starting this close can qualify
    near_before = (words[k] for k in range(max(0, start - reach), start) if k in words)
    before = [(start - w.end, w.value.kind) for w in near_before
              if w.value.kind in CUE_KINDS and w.end <= start and start - w.end <= CUE_WINDOW]
    if before:  # "قتل 14 شخصاً، بينهم ثلاثة جنود، وأصيب...": the cue before the count decides
        return outcome_of(min(before)[1])
    near_after = (words[k] for k in range(end, end + CUE_WINDOW + 1) if k in words)
    after = [(w.start - end, w.value.kind) for w in near_after
             if w.value.kind in CUE_KINDS and w.start >= end and w.start - end <= CUE_WINDOW]
    return outcome_of(min(after)[1]) if after else ""


def outcome_of(kind: str) -> str:
    """"بين القتلى ثمانية مدنيين": a noun such as القتلى is a cue too."""
    return "" if kind == "other" else kind.replace("victim-", "")


def casualty_event(sentence: Sentence, count: int, first: int, victim, kind: str,
                   mentions: dict[int, list[Mention]] | list[Mention]) -> Event:
    tokens = sentence.tokens
    sides = sides_after(sentence, mentions, victim.end)
    start, end = tokens[first].start, tokens[victim.end - 1].end
    return Event(
        id=f"{start}-CasualtyReport",
        type="CasualtyReport",
        relation="reportsCasualties",
        sentence=sentence.index,
        start=start,
        end=end,
        trigger=sentence.text[start - sentence.start:end - sentence.start],
        rule="casualties:count+victim",
        confidence=0.8 if sides else 0.7,
        count=count,
        casualty_type=kind,
        sides=sides,
        victim=victim.value.form,
    )


def mentions_by_start(mentions: list[Mention]) -> dict[int, list[Mention]]:
    by_start: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_start.setdefault(mention.token_start, []).append(mention)
    return by_start


def sides_after(sentence: Sentence, mentions: dict[int, list[Mention]] | list[Mention], position: int) -> list[str]:
    """The victims' side: nisbas right after the noun (جندياً أرمينياً وأذربيجانياً), or "from" + actor."""
    sides: list[str] = []
    expected = position
    by_start = mentions if isinstance(mentions, dict) else mentions_by_start(mentions)
    while True:
        nisba = next((m for m in by_start.get(expected, ()) if m.kind == "nisba"), None)
        if nisba is None:
            break
        sides.append(nisba.entity)
        expected = nisba.token_end
    if sides or position >= len(sentence.tokens) or sentence.tokens[position].norm != ar.word("from"):
        return sides
    return [m.entity for m in by_start.get(position + 1, ()) if m.kind == "name"][:1]
