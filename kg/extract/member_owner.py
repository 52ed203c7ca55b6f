"""The owner of members named as an event's object: whom a sanction on them targets.

Why: "فرضت الخزانة عقوبات على أفراد وكيانات في إيران وسوريا"، "على شخصين من نيجيريا"، "على 25 شركة
إيرانية"، "على وسطاء للحوثيين": the object is a common noun for people or bodies (words.tsv
member-noun), so the frame's markers find no name, though the sentence names the states or bodies
they belong to: after في/من/ل, or as their nisba. Which event classes read their target so is the
ontology's (kg:targetIsMembersOwner on the class), not code's.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.lang import ar
from kg.text.clitics import proclitic_variants

if TYPE_CHECKING:  # events.py imports this module
    from kg.extract.events import SentenceView

LEAD_WORDS = 3  # words allowed before the first member noun (على، 25، جديدة)
PHRASE_WORDS = 8  # words of the members' phrase (أفراد وكيانات عسكرية وأمنية في)


def member_owners(view: "SentenceView", start: int, end: int, agents: list[str]) -> list[str]:
    """The states or bodies that the member nouns opening the object (from token `start`, before
    `end`) belong to, else []."""
    tokens = view.sentence.tokens
    first = next((i for i in range(start, min(start + LEAD_WORDS + 1, end))
                  if i not in view.covered and is_member_noun(tokens[i].norm)), None)
    if first is None or any(i in view.covered or view.breaks[i] == i for i in range(start, first + 1)):
        return []
    owners_from = (ar.word("from"), ar.word("owner-preposition"), *ar.words("member-preposition"))
    for i in range(first + 1, min(first + PHRASE_WORDS, end)):
        if view.breaks[i] == i:
            return []
        nisba = [m for m in view.nisba_at.get(i, ()) if m.token_start == i]
        if nisba:  # "25 شركة وكيانا إيرانيا"، "شركات روسية وصينية"
            keys = [nisba[0].entity] + view.coordinated_nisbas(nisba[0].token_end)[0]
            return [k for k in dict.fromkeys(view.as_actor(k) for k in keys) if k not in agents]
        group = view.group_at.get(i)
        if group is not None:
            if group.start != i or group.marker not in owners_from:
                return []
            chosen = view.with_coordinated(view.groups, group)
            keys = [k for k in dict.fromkeys(view.as_actor(k) for g in chosen for k in g.keys) if k not in agents]
            return [k for k in keys if owns(view, k)]
    return []


def owns(view: "SentenceView", key: str) -> bool:
    """Members belong to a state or a body, not to a region or a city ("مؤسسات في آسيا": where they are)."""
    from kg.extract.actors.institutions import PLACE_TYPES

    entity = view.doc.lookup(key)
    return entity is None or entity.type not in PLACE_TYPES


def is_member_noun(word: str) -> bool:
    return any(stem in ar.keys("member-noun") for stem, _ in proclitic_variants(word))
