"""State institutions: a head phrase plus the state's nisba or name, or the state in context."""
from __future__ import annotations

from kg.extract.actors.context import SentenceContext
from kg.extract.gazetteer import Institution
from kg.extract.phrases import PhraseMatch
from kg.model import Entity
from kg.text.normalize import dediacritize

MAX_ADJECTIVES = 2  # words between an institution's head and the nisba of its state
MAX_PREVIOUS = 4  # bodies of that type named before, among which a bare phrase's own is looked for


class InstitutionReader:
    """"وزارة الدفاع الأذربيجانية" is Azerbaijan's ministry; "الجيش" alone is the army named last."""

    def __init__(self, ctx: SentenceContext) -> None:
        self.ctx = ctx
        self.gaz = ctx.gaz

    def length(self, i: int, match: PhraseMatch[Institution]) -> int:
        end, _ = self.read(i, match, emit=False)
        return end - i

    def nationality_after(self, end: int) -> tuple[str, int, str]:
        """The state after the head phrase: its nisba or name, or "in <state>". (state, end, rule)"""
        ctx = self.ctx
        state, after, _ = ctx.nationality_at(end)
        if state:
            return state, after, "institution+nisba"
        for skip in range(1, MAX_ADJECTIVES + 1):  # "الجيش الاتحادي الإثيوبي": an adjective before the nisba
            k = end + skip - 1
            if k >= len(ctx.tokens) or not self.adjective(k):
                break
            state, after, _ = ctx.nationality_at(k + 1)
            if state:
                return state, after, "institution+nisba"
        if end + 1 < len(ctx.tokens) and ctx.tokens[end].norm in self.gaz.words("place-preposition"):
            state, after, _ = ctx.nationality_at(end + 1)
            if not state:  # "في كينشاسا": a capital stands for its state
                place, _ = ctx.name_at(end + 1)
                capital = ctx.doc.lookup(place.value.key) if place else None
                state, after = (capital.capital_of, place.end) if capital and capital.capital_of else ("", end)
            if state:
                return state, after, "institution+place"
        return "", end, ""

    def adjective(self, k: int) -> bool:
        """A definite word at token k that names nothing and starts nothing (الاتحادي، الوطني)."""
        ctx = self.ctx
        word = ctx.tokens[k].norm
        return (word.startswith(self.gaz.words("article")) and not ctx.starts_lexicon(k)
                and word not in self.gaz.name_stops and not ctx.punctuation_before(k))

    def local_place(self, match: PhraseMatch[Institution]) -> tuple[str, int]:
        """The city or region (not a capital, unless the body is local only) of "السلطات في غوما",
        "السلطات المحلية في ولاية X", for a body that may be local:
        (place key, end) or ("", _)."""
        ctx = self.ctx
        if not match.value.local or match.end + 1 >= len(ctx.tokens) \
                or ctx.tokens[match.end].norm not in self.gaz.words("place-preposition"):
            return "", match.end
        k = match.end + 1
        article = self.gaz.words("article")[0]
        if ctx.tokens[k].norm[len(article):] in self.gaz.word_keys("place-head") and ctx.tokens[k].norm.startswith(article):
            region = ctx.doc.recent("Region", 1, ctx.tokens[k].start)  # "السلطات في الإقليم": the region named last
            return (region[0], k + 1) if region else ("", match.end)
        if k + 1 < len(ctx.tokens) and ctx.tokens[k].norm in self.gaz.word_keys("place-head"):
            k += 1  # "السلطات في ولاية بورنو"
        place, _ = ctx.name_at(k)
        entity = ctx.doc.lookup(place.value.key) if place and place.value.kind == "name" else None
        if entity is None or entity.type not in ("City", "Region") or (entity.capital_of and not match.value.only_local):
            return "", match.end
        return entity.key, place.end

    def read(self, i: int, match: PhraseMatch[Institution], emit: bool) -> tuple[int, str]:
        """Institution phrase + nationality -> the state's institution. Returns (end, key)."""
        ctx, inst = self.ctx, match.value
        place, end = self.local_place(match)
        if place:
            if emit:
                from kg.extract.actors.discovery import local_bodies

                key = local_bodies().get((place, inst.type)) \
                    or self.mint(place, inst, i, end, match, country=ctx.doc.state_of(place))
                ctx.doc.use(ctx.doc.lookup(key))
                ctx.add(key, i, end, "institution+local", 0.8, "name", match.proclitic)
                return end, key
            return end, ""
        if inst.only_local:  # "السلطات المحلية" with no place after it: the local body named last,
            recent = ctx.doc.recent(inst.type, 1, ctx.tokens[i].start, local=True)  # never the state's
            if recent and emit:
                ctx.add(recent[0], i, match.end, "institution+previous", 0.6, "name", match.proclitic)
            return match.end, recent[0] if recent and emit else ""
        state, end, rule = self.nationality_after(match.end)
        confidence = 0.9
        if not state:
            if not inst.bare:  # a phrase such as "القوات" alone names nothing (and so is no
                return (i + 1 if emit else i), ""  # reading at all: an anaphor "البعثة" may be)
            # a bare "الحكومة" is not a city's or region's government named before (its police may be)
            recent = [key for key in ctx.doc.recent(inst.type, MAX_PREVIOUS, ctx.tokens[i].start,
                                                    local=False if inst.type == "Government" else None)
                      if self.same_body(key, inst)][-1:]
            if recent and emit:  # the bare phrase after the full one is that body again
                entity = ctx.doc.entities[recent[0]]
                ctx.add(entity.key, i, match.end, "institution+previous", 0.6, "name", match.proclitic)
                return match.end, entity.key
            if recent:
                return match.end, ""
            state = self.context_state()
            rule, confidence = "institution+context", 0.5
            if not state:
                return (i + 1 if emit else i), ""
        if not emit:
            return end, ""
        key = self.gaz.state_institutions.get((state, inst.suffix)) or self.mint(state, inst, i, end, match)
        ctx.doc.use(ctx.doc.lookup(key))
        ctx.add(key, i, end, rule, confidence, "name", match.proclitic)
        return end, key

    def same_body(self, key: str, inst: Institution) -> bool:
        """May a bare phrase stand for this body named before? An armed force only if it is the same
        kind of force ("قوى الأمن الداخلي" is not the army named before); other types always."""
        if inst.type != "ArmedForce":
            return True
        entity = self.ctx.doc.lookup(key)
        return key.endswith("_" + inst.suffix) or (
            entity is not None and self.gaz.state_institutions.get((entity.country, inst.suffix)) == key)

    def mint(self, owner: str, inst: Institution, i: int, end: int, match: PhraseMatch[Institution],
             country: str = "") -> str:
        """A new entity for the institution of a state or place (its key is owner + suffix)."""
        ctx = self.ctx
        key = f"{owner}_{inst.suffix}"
        if key in ctx.doc.entities:
            return key
        state_entity = ctx.doc.lookup(owner)
        name_ar = dediacritize(ctx.surface(i, end))
        if match.proclitic and name_ar.startswith(match.proclitic):
            name_ar = name_ar[len(match.proclitic):]
        ctx.doc.use(Entity(
            key=key, type=inst.type, name_ar=name_ar,
            name_en=f"{state_entity.name_en if state_entity else owner} {inst.name_en}",
            country=country or owner, part_of=owner, minted=True,
        ))
        return key

    def context_state(self) -> str:
        """The state a bare "الحكومة" or "البرلمان" belongs to: one of the article's two main
        states if this sentence names it, else the article's main state so far."""
        doc = self.ctx.doc
        counts = doc.state_counts
        leading = sorted(counts, key=counts.get, reverse=True)[:2]
        here = self.ctx.sentence.index
        for mention in reversed(doc.mentions):
            if mention.sentence != here:
                break
            state = doc.state_of(mention.entity)
            if state in leading:
                return state
        if doc.dominant_state():
            return doc.dominant_state()
        evidence = doc.evidence()  # nothing named yet: the state the whole document names most
        return max(evidence, key=evidence.get) if evidence else ""
