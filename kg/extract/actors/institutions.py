"""State institutions: a head phrase plus the state's nisba or name, or the state in context."""
from __future__ import annotations

from kg.extract.actors.context import SentenceContext
from kg.extract.actors.document import names_of
from kg.extract.gazetteer import Institution
from kg.extract.phrases import PhraseMatch
from kg.graph.vocabulary import where_classes
from kg.model import Entity, Token
from kg.text.normalize import dediacritize, normalize_phrase

MAX_ADJECTIVES = 2  # words between an institution's head and the nisba of its state
MAX_PREVIOUS = 4  # bodies of that type named before, among which a bare phrase's own is looked for
UNNAMED_PLACE = "?"  # local_place: a city or region the text names but the gazetteer does not
REGION_REACH = 2  # sentences back in which a region's government still owns a bare ministry
PLACE_TYPES = where_classes()  # mentions that name where, not who (the one definition, from the ontology)


def dual_heads(gaz) -> dict[str, str]:
    """name_rules.tsv `dual-head` rows as word keys: dual -> singular (وزارتا -> وزارة)."""
    heads = getattr(gaz, "_dual_heads", None)
    if heads is None:
        heads = {}
        for form in gaz.words("dual-head"):
            dual, _, single = form.partition(">")
            if normalize_phrase(dual) and normalize_phrase(single):
                heads[normalize_phrase(dual)[0]] = normalize_phrase(single)[0]
        gaz._dual_heads = heads
    return heads


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
        state = self.owner_anaphor(end)
        if state:  # "حكومة المملكة": the kingdom named last
            return state, end + 1, "institution+anaphor"
        for skip in range(1, MAX_ADJECTIVES + 1):  # "الجيش الاتحادي الإثيوبي": an adjective before the nisba
            k = end + skip - 1
            if k >= len(ctx.tokens) or not self.adjective(k):
                break
            state, after, _ = ctx.nationality_at(k + 1)
            if state:
                return state, after, "institution+nisba"
        if end + 1 < len(ctx.tokens) and ctx.tokens[end].norm in self.gaz.words("place-preposition"):
            regional, after = self.regional_government_at(end + 1)
            if regional:  # "وزارة الصحة في حكومة إقليم كردستان": the region's ministry, not the state's
                return regional, after, "institution+region"
            state, after, _ = ctx.nationality_at(end + 1)
            capital_words = self.gaz.joined_keys("capital-word")
            if not state and end + 2 < len(ctx.tokens) and ctx.tokens[end + 1].norm in capital_words:
                nisba, _ = ctx.name_at(end + 2)  # "في العاصمة الأميركية": that state's (a nisba, not a name: العاصمة عمان)
                if nisba is not None and nisba.value.kind == "nisba":
                    state, after, _ = ctx.nationality_at(end + 2)
            if not state:  # "في كينشاسا": a capital stands for its state
                place, _ = ctx.name_at(end + 1)
                capital = ctx.doc.lookup(place.value.key) if place else None
                state, after = (capital.capital_of, place.end) if capital and capital.capital_of else ("", end)
            if state:
                return state, after, "institution+place"
        return "", end, ""

    def regional_government_at(self, k: int) -> tuple[str, int]:
        """A government other than a state's own, or a region, named at token k ("حكومة إقليم
        كردستان"، "حكومة الوحدة الوطنية"، "إقليم كردستان"): (its key, end), else ("", k)."""
        ctx = self.ctx
        match, _ = ctx.name_at(k)
        entity = ctx.doc.lookup(match.value.key) if match and match.value.kind == "name" else None
        if entity is None or entity.type not in ("Government", "Region"):
            return "", k
        state = ctx.doc.state_of(entity.key)
        if entity.type == "Government" and self.gaz.state_institutions.get((state, "Government")) == entity.key:
            return "", k  # "في الحكومة الإسرائيلية": the state's own
        return entity.key, match.end

    def owner_anaphor(self, k: int) -> str:
        """The state a word such as "المملكة" after a head stands for (name_rules.tsv `owner-anaphor`,
        "word>head": the last state named whose name has the head word), or ""."""
        ctx = self.ctx
        if k >= len(ctx.tokens):
            return ""
        for form in self.gaz.words("owner-anaphor"):
            word, _, head = form.partition(">")
            if normalize_phrase(word) == (ctx.tokens[k].norm,):
                head_key = normalize_phrase(head)[0] if head and normalize_phrase(head) else ""
                before = ctx.tokens[k].start
                earlier = [m.entity for m in ctx.doc.mentions if m.rule == "institution+anaphor"]
                if earlier:  # the article's "حكومة المملكة" is the kingdom it meant the first time
                    return ctx.doc.state_of(earlier[0])
                keys = [key for key in ctx.doc.recent("State", MAX_PREVIOUS, before)
                        if not head_key or head_key in names_of(ctx.doc.entities[key])]
                return keys[-1] if keys else ""
        return ""

    def adjective(self, k: int) -> bool:
        """A definite word at token k that names nothing and starts nothing (الاتحادي، الوطني), in the
        same run of words (not the first of a quotation: وقال التلفزيون "العدو الإسرائيلي …")."""
        ctx = self.ctx
        word = ctx.tokens[k].norm
        return (word.startswith(self.gaz.words("article")) and not ctx.starts_lexicon(k)
                and word not in self.gaz.name_stops and not ctx.gap_before(k).strip())

    def local_place(self, match: PhraseMatch[Institution]) -> tuple[str, int]:
        """The city or region (not a capital, unless the body is local only) of "السلطات في غوما",
        "السلطات المحلية في ولاية X", "السلطات في المدينة" (the one named last), for a body that may
        be local: (place key, end), (UNNAMED_PLACE, end) for a place-head word and a place we do not
        know ("السلطات في مقاطعة فانيجار": local all the same), or ("", _)."""
        ctx = self.ctx
        if not match.value.local or match.end + 1 >= len(ctx.tokens) \
                or ctx.tokens[match.end].norm not in self.gaz.words("place-preposition"):
            return "", match.end
        k = match.end + 1
        if ctx.tokens[k].norm in ctx.defined_place_heads():
            return ctx.place_anaphor(k) or UNNAMED_PLACE, k + 1  # "السلطات في الإقليم": the place named last
        headed = k + 1 < len(ctx.tokens) and ctx.tokens[k].norm in self.gaz.word_keys("place-head")
        place, _ = ctx.name_at(k)  # "الشرطة في ولاية الوحدة": the head word may begin the name
        if headed and place is None:
            k += 1  # "السلطات في ولاية بورنو"
            place, _ = ctx.name_at(k)
        entity = ctx.doc.lookup(place.value.key) if place and place.value.kind == "name" else None
        if entity is None and headed:
            return UNNAMED_PLACE, k + 1
        if entity is None or entity.type not in ("City", "Region") or (entity.capital_of and not match.value.only_local):
            return "", match.end
        return entity.key, place.end

    def attributive(self, i: int, match: PhraseMatch[Institution]) -> bool:
        """"السياسة الخارجية"، "العلاقات الخارجية": a one-word bare phrase shaped as an adjective (an
        ال-word with an adjective ending, name_rules.tsv) right after a definite word, nothing between,
        qualifies that word: it names no body."""
        ctx = self.ctx
        word = ctx.tokens[i].norm
        if match.end != i + 1 or i == 0 or match.proclitic or ctx.punctuation_before(i) \
                or not word.startswith(self.gaz.words("article")) or not word.endswith(self.gaz.words("adjective-ending")):
            return False
        return ctx.tokens[i - 1].norm.startswith(self.gaz.words("article"))

    def read(self, i: int, match: PhraseMatch[Institution], emit: bool) -> tuple[int, str]:
        """Institution phrase + nationality -> the state's institution. Returns (end, key)."""
        ctx, inst = self.ctx, match.value
        if self.attributive(i, match):
            return (i + 1 if emit else i), ""
        place, end = self.local_place(match)
        if place == UNNAMED_PLACE:  # a local body of a place we do not know: not the state's
            return (end if emit else i), ""
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
        if inst.only_anaphor and rule != "institution+anaphor":
            return (i + 1 if emit else i), ""
        if not state:
            if not inst.bare and not inst.previous:  # a phrase such as "القوات" alone names nothing
                return (i + 1 if emit else i), ""  # (and so is no reading at all: an anaphor "البعثة" may be)
            # a bare "الحكومة" is not a city's or region's government named before (its police may be)
            recent = [key for key in ctx.doc.recent(inst.type, MAX_PREVIOUS, ctx.tokens[i].start,
                                                    local=False if inst.type == "Government" else None)
                      if self.same_body(key, inst) and (not inst.previous or self.named_so(key, i, match))][-1:]
            if recent and emit:  # the bare phrase after the full one is that body again
                entity = ctx.doc.entities[recent[0]]
                ctx.add(entity.key, i, match.end, "institution+previous", 0.6, "name", match.proclitic)
                return match.end, entity.key
            if recent:
                return match.end, ""
            if not inst.bare:  # "الشرطة" with no police named before: nobody's
                return (i + 1 if emit else i), ""
            region = self.regional_owner(i) if inst.type == "Ministry" else ""  # a bare government is national
            state = region or (self.acting_state(i) if inst.acting else self.context_state())
            rule, confidence = ("institution+region" if region else "institution+context"), 0.5
            if not state and inst.acting:
                return self.unqualified(inst, i, match, emit)
            if not state:
                return (i + 1 if emit else i), ""
        if not emit:
            return end, ""
        if rule == "institution+region":
            key = self.mint(state, inst, i, end, match, country=ctx.doc.state_of(state))
        else:
            key = self.gaz.state_institutions.get((state, inst.suffix)) or self.mint(state, inst, i, end, match)
        ctx.doc.use(ctx.doc.lookup(key))
        ctx.add(key, i, end, rule, confidence, "name", match.proclitic)
        return end, key

    def acting_state(self, i: int) -> str:
        """The state a bare foreign ministry is of ("أدانت السعودية الهجوم في مقديشو. وقالت وزارة
        الخارجية"): the one the document names most so far as an actor, not as a place (a city, a
        name after في/إلى/العاصمة …); its people and bodies weigh twice its name or nisba (which may
        be an object: استقبل الرئيس المصري وفداً أردنياً), a title and the nisba inside it once;
        "" when none leads (an unqualified ministry, not a wrong state's)."""
        doc = self.ctx.doc
        counts: dict[str, int] = {}
        spans: list[tuple[int, int, int, str]] = []
        for mention in sorted(doc.mentions, key=lambda m: (m.sentence, m.token_start, -m.token_end)):
            entity = doc.lookup(mention.entity)
            state = doc.state_of(mention.entity)
            if entity is None or not state or mention.kind == "qualifier" or entity.type in PLACE_TYPES \
                    or self.placed(mention) or self.abroad(entity):
                continue
            if any(n == mention.sentence and a <= mention.token_start and mention.token_end <= b and s == state
                   for n, a, b, s in spans):
                continue  # "الرئيس المصري": the title and its nisba are one mention of Egypt
            spans.append((mention.sentence, mention.token_start, mention.token_end, state))
            counts[state] = counts.get(state, 0) + (1 if entity.type == "State" else 2)
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return ""
        return max(counts, key=counts.get)

    def abroad(self, entity: Entity) -> bool:
        """A state's body that sits in another state (السفارة الفرنسية في بيروت): it acts there as a
        guest, so it does not make France the state whose bare security forces act in Beirut."""
        return any(entity.key == f"{entity.part_of}_{suffix}" for suffix in self.gaz.abroad_suffixes)

    def placed(self, mention) -> bool:
        """Is a state's mention a place (في الصومال، إلى تركيا، العاصمة الصومالية، وسط جمهورية الصومال)?"""
        doc, gaz = self.ctx.doc, self.gaz
        sentence = self.ctx.sentence if mention.sentence == self.ctx.sentence.index else doc.sentences[mention.sentence]
        before = sentence.tokens[mention.token_start - 1] if mention.token_start > 0 else None
        markers = gaz.joined_keys("place-marker", "direction", "place-head")
        if mention.proclitic and mention.proclitic[-1:] == "ب":
            return True  # بإقليم هيران، بالصومال
        if before is None:
            return False
        word = before.norm
        for c in gaz.words("conjunction"):
            if word.startswith(c) and word[len(c):] in markers:
                return True
        return word in markers

    def unqualified(self, inst: Institution, i: int, match: PhraseMatch[Institution], emit: bool) -> tuple[int, str]:
        """A body of no known state (a foreign ministry whose state the text does not make clear):
        one node per document, never a wrong state's."""
        ctx = self.ctx
        if not emit:
            return match.end, ""
        key = f"{inst.suffix}_{ctx.doc.tag}"
        if key not in ctx.doc.entities:
            name_ar = dediacritize(ctx.surface(i, match.end))
            if match.proclitic and name_ar.startswith(match.proclitic):
                name_ar = name_ar[len(match.proclitic):]
            ctx.doc.use(Entity(key=key, type=inst.type, name_ar=name_ar, name_en=f"{inst.name_en} (state not named)",
                               minted=True))
        ctx.add(key, i, match.end, "institution+unqualified", 0.4, "name", match.proclitic)
        return match.end, key

    def regional_owner(self, i: int) -> str:
        """The region whose government was the last one named, in this sentence or the last
        REGION_REACH ones ("السلطات في الإقليم ... وقالت وزارة الكهرباء": the region's ministry), or ""."""
        ctx = self.ctx
        before, here = ctx.tokens[i].start, ctx.sentence.index
        for mention in reversed(ctx.doc.mentions):
            if mention.sentence == here and mention.start >= before:
                continue
            if here - mention.sentence > REGION_REACH:
                break
            entity = ctx.doc.lookup(mention.entity)
            if entity is None or entity.type != "Government":
                continue
            place = ctx.doc.lookup(entity.part_of) if entity.part_of else None
            return place.key if place is not None and place.type == "Region" else ""
        return ""

    def may_be_dual(self, word: str) -> bool:
        """Could `read_dual` begin at a word with this key (a dual head, perhaps after و)?"""
        heads = dual_heads(self.gaz)
        return word in heads or any(word.startswith(c) and word[len(c):] in heads for c in self.gaz.words("conjunction"))

    def read_dual(self, i: int) -> int:
        """"وزارتا الموارد الطبيعية والكهرباء": two bodies, each the singular head + its own words
        (the second after و), of one owner named after both or found as for a bare phrase.
        Returns the token after the phrase, or i when this is no dual of a known body."""
        ctx, gaz = self.ctx, self.gaz
        token = ctx.tokens[i]
        heads = dual_heads(gaz)
        proclitic, single = "", heads.get(token.norm)
        for c in gaz.words("conjunction"):
            if single is None and token.norm.startswith(c) and token.norm[len(c):] in heads:
                proclitic, single = c, heads[token.norm[len(c):]]
        if single is None:
            return i
        head = Token(text=token.text, start=token.start, end=token.end, norm=single)
        first = gaz.institutions.match_at([head] + ctx.tokens[i + 1:], 0)
        if not first or not first[0].value.bare:
            return i
        k = i + first[0].end  # the second member: "والكهرباء"
        if k >= len(ctx.tokens):
            return i
        word = ctx.tokens[k].norm
        conj = next((c for c in gaz.words("conjunction") if word.startswith(c) and len(word) > len(c)), "")
        if not conj:
            return i
        rest = Token(text=ctx.tokens[k].text, start=ctx.tokens[k].start, end=ctx.tokens[k].end,
                     norm=word[len(conj):])
        second = gaz.institutions.match_at([head, rest] + ctx.tokens[k + 1:], 0)
        if not second or second[0].value.type != first[0].value.type:
            return i
        end = k + second[0].end - 1
        members = [(first[0].value, i, k), (second[0].value, k, end)]
        state, after, rule = self.nationality_after(end)
        if state:
            owner, country = state, ""
        else:
            after = end
            region = self.regional_owner(i) if first[0].value.type == "Ministry" else ""
            owner, country = (region, ctx.doc.state_of(region)) if region else (self.context_state(), "")
            rule = "institution+region" if region else "institution+context"
        if not owner:
            return i
        for inst, start, stop in members:
            match = PhraseMatch(start, stop, inst, proclitic)
            words = [t.text for t in ctx.tokens[start + (start == i):stop]]
            if start != i:
                words[0] = words[0][len(conj):]
            name_ar = dediacritize(" ".join([single_form(ctx.tokens[i].text[len(proclitic):])] + words))
            key = (None if country else self.gaz.state_institutions.get((owner, inst.suffix))) \
                or self.mint(owner, inst, start, stop, match, country=country, name_ar=name_ar)
            entity = ctx.doc.lookup(key)
            ctx.doc.use(entity)
            ctx.add(key, start, after if stop == end else stop, rule + "+dual", 0.7, "name",
                    proclitic if start == i else conj)
        return after

    def named_so(self, key: str, i: int, match: PhraseMatch[Institution]) -> bool:
        """Was body `key` named before by a longer phrase starting with this one ("الشرطة الفرنسية"
        before "الشرطة"; "قوات الأمن" is not the police named before)?"""
        ctx = self.ctx

        def words(surface: str, proclitic: str) -> tuple[str, ...]:
            norm = tuple(normalize_phrase(surface))
            if norm and proclitic and norm[0].startswith(proclitic):
                norm = (norm[0][len(proclitic):],) + norm[1:]
            return norm

        phrase = words(ctx.surface(i, match.end), match.proclitic)
        return any(len(named) > len(phrase) and named[:len(phrase)] == phrase
                   for named in (words(m.surface, m.proclitic) for m in ctx.doc.mentions if m.entity == key))

    def same_body(self, key: str, inst: Institution) -> bool:
        """May a bare phrase stand for this body named before? An armed force only if it is the same
        kind of force ("قوى الأمن الداخلي" is not the army named before), a ministry or other body
        only if it is the same one ("ووزارة الدفاع" is not the foreign ministry named before); a
        government always."""
        if inst.type == "Government":
            return True
        entity = self.ctx.doc.lookup(key)
        return key.endswith("_" + inst.suffix) or (
            entity is not None and self.gaz.state_institutions.get((entity.country, inst.suffix)) == key)

    def mint(self, owner: str, inst: Institution, i: int, end: int, match: PhraseMatch[Institution],
             country: str = "", name_ar: str = "") -> str:
        """A new entity for the institution of a state or place (its key is owner + suffix)."""
        ctx = self.ctx
        key = f"{owner}_{inst.suffix}"
        if key in ctx.doc.entities:
            return key
        state_entity = ctx.doc.lookup(owner)
        name_ar = name_ar or dediacritize(ctx.surface(i, end))
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


def single_form(dual: str) -> str:
    """The written singular of a dual head word (وزارتا -> وزارة)."""
    for ending in ("تا", "تي", "تان", "تين"):
        if dual.endswith(ending):
            return dual[: -len(ending)] + "ة"
    return dual
