"""The pair a dual anaphor (الطرفين، الجانبين، البلدين) stands for.

Why: the last two states named are often not the parties meant ("وقّعت كينشاسا وحركة إم 23 اتفاقاً
في الدوحة، أكّد فيه الطرفان": Kinshasa and M23, not Doha's Qatar). The text names its pair at hand:
two actors joined by و ("الجيش السوداني وقوات الدعم السريع"), a "بين X و Y", or the two actors of
the sentence itself; a later anaphor with no pair of its own means the pair resolved before it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.data import read_tsv
from kg.extract.actors.document import DocumentEntities
from kg.graph.vocabulary import named_actor_classes
from kg.model import Mention

ANY_ACTOR = "Actor"  # anaphors.tsv type of الطرفين/الجانبين: any two actors, not only states
ACTOR_TYPES = named_actor_classes()  # from the ontology
BETWEEN_REACH = 4  # tokens before "X و Y" in which a "بين" makes it a between-pair ("بين الأشقاء في كل من X وY")
BETWEEN, JOINED, RESOLVED = "between", "joined", "resolved"


@lru_cache(maxsize=1)
def unnamed_roles() -> frozenset[str]:
    """Roles of unnamed sources and witnesses (titles.tsv kinds source, witness): no party of a pair."""
    return frozenset(r["role"] for r in read_tsv("titles.tsv") if r.get("kind") in ("source", "witness"))


@dataclass(frozen=True)
class Pair:
    sentence: int
    offset: int  # character offset of the pair's first mention
    a: str
    b: str
    kind: str  # between | joined | resolved


def top_level(mentions: list[Mention]) -> list[Mention]:
    """One mention per span, not nested in a longer one (a qualifier inside a title is no actor of its own)."""
    spans: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        if m.kind == "anaphor":
            continue
        span = (m.token_start, m.token_end)
        if span not in spans or spans[span].kind == "qualifier":
            spans[span] = m
    return sorted((m for span, m in spans.items()
                   if not any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in spans)),
                  key=lambda m: m.token_start)


def actor_of(doc: DocumentEntities, mention: Mention, capitals: bool) -> str:
    """The actor a mention names ("" for a place): a nisba stands for its state, and with `capitals`
    a capital joined to an actor by و stands for its state ("كينشاسا وحركة إم 23")."""
    entity = doc.lookup(mention.entity)
    if entity is None:
        return ""
    if mention.kind == "nisba":
        return doc.state_of(entity.key)
    if entity.type == "City" and entity.capital_of and capitals:
        return entity.capital_of
    return entity.key if entity.type in ACTOR_TYPES else ""


def as_type(doc: DocumentEntities, key: str, type_: str) -> str:
    """The key as the anaphor's type wants it: any actor, or the state of one (البلدين)."""
    if not key or type_ == ANY_ACTOR:
        return key
    state = doc.state_of(key) if type_ == "State" else ""
    return state if type_ == "State" else (key if doc.lookup(key).type == type_ else "")


def joined_pairs(doc: DocumentEntities, mentions: list[Mention], tokens, sentence: int,
                 between: frozenset[str], conjunction: tuple[str, ...]) -> list[Pair]:
    """"X و Y" of exactly two actors in one sentence's mentions (a list "A، B وC" is no pair)."""
    tops = top_level(mentions)
    pairs = []
    for k in range(len(tops) - 1):
        first, second = tops[k], tops[k + 1]
        if second.token_start != first.token_end or not second.proclitic.startswith(conjunction):
            continue
        if k > 0 and tops[k - 1].token_end == first.token_start:
            continue  # the end of a list
        if k + 2 < len(tops) and tops[k + 2].token_start == second.token_end:
            continue  # the start of a list
        a, b = actor_of(doc, first, True), actor_of(doc, second, True)
        if not a or not b or a == b:
            continue
        lo = max(0, first.token_start - BETWEEN_REACH)
        kind = BETWEEN if any(t.norm in between for t in tokens[lo:first.token_start]) else JOINED
        pairs.append(Pair(sentence, first.start, a, b, kind))
    return pairs


def typed(doc: DocumentEntities, pair: Pair, type_: str) -> list[str]:
    keys = [as_type(doc, pair.a, type_), as_type(doc, pair.b, type_)]
    return keys if all(keys) and keys[0] != keys[1] else []


def sentence_actors(doc: DocumentEntities, mentions: list[Mention], tokens, places: frozenset[str],
                    type_: str) -> list[str]:
    """The distinct actors a sentence names before the anaphor, as the type wants. Left out: places,
    a state after a place word ("في شرق لبنان"), what a title is of (qualifiers), unnamed sources,
    and a state one of the actors belongs to ("المبعوث الأمريكي توم باراك" is one party)."""
    found: list[str] = []
    for m in top_level(mentions):
        entity = doc.lookup(m.entity)
        if entity is None or m.kind == "qualifier" or (entity.minted and entity.role in unnamed_roles()):
            continue
        if m.kind != "nisba" and entity.type == "State" and m.token_start \
                and tokens[m.token_start - 1].norm in places:
            continue
        key = as_type(doc, actor_of(doc, m, False), type_)
        if key and key not in found:
            found.append(key)
    if type_ != "State":
        owners = {doc.state_of(k) for k in found if doc.lookup(k).type != "State"}
        found = [k for k in found if k not in owners]
    return found


def as_states(doc: DocumentEntities, keys: list[str]) -> list[str]:
    """A person beside a state stands for the person's state ("باشينيان ... مع أذربيجان": the two states)."""
    types = [doc.lookup(k).type for k in keys]
    if "State" not in types or "Person" not in types:
        return keys
    states = [k if t == "State" else doc.state_of(k) for k, t in zip(keys, types)]
    return states if all(states) and states[0] != states[1] else keys


def resolve(doc: DocumentEntities, here: list[Mention], current: list[Pair], type_: str,
            sentence: int, reach: int, tokens, places: frozenset[str],
            previous: list[Mention] = (), previous_tokens=()) -> tuple[list[str], str]:
    """The pair for an anaphor: (keys, rule). `here` are this sentence's mentions before it, `current`
    its pairs; else exactly two actors of the sentence; else the last pair close by (between or
    resolved pairs before mere joined ones); else exactly two actors of the sentence before
    (`previous`: "التقى الصفدي نظيره المصري عبد العاطي. وبحث الجانبان": the two ministers, not the
    two states named last)."""
    for pair in reversed(current):
        if keys := typed(doc, pair, type_):
            return keys, f"anaphor+{pair.kind}"
    actors = sentence_actors(doc, here, tokens, places, type_)
    if len(actors) == 2:
        return as_states(doc, actors), "anaphor+sentence"
    close = [p for p in reversed(doc.pairs) if sentence - p.sentence <= reach]
    for kinds in ((BETWEEN, RESOLVED), (JOINED,)):
        for pair in close:
            if pair.kind in kinds and (keys := typed(doc, pair, type_)):
                return keys, f"anaphor+{pair.kind}"
    actors = sentence_actors(doc, list(previous), previous_tokens, places, type_) if previous else []
    if len(actors) == 2:
        return as_states(doc, actors), "anaphor+previous-sentence"
    return [], ""
