"""Names: gazetteer names and aliases as mentions, and where an unknown personal name ends."""
from __future__ import annotations

from kg.extract.actors.context import SentenceContext
from kg.extract.gazetteer import NameHit
from kg.extract.phrases import PhraseMatch
from kg.text.clitics import proclitic_variants
from kg.text.normalize import dediacritize, normalize_phrase

MAX_NAME_PARTS = 3
MAX_NASAB_PARTS = 6  # "ريما بنت بندر بن سلطان بن عبد العزيز آل سعود": a chain of بن/بنت/آل links
BODY_TYPES = {"ArmedGroup", "Organisation", "MediaOutlet"}  # a body that is not the state's own organ
MIN_FAMILY_NAME = 5  # letters: an ال-word that short is a function word or adjective, not a family name
MIN_STEM = 3  # letters before a pronoun suffix for a first name part to read as "noun + pronoun" (not طه)


def event_words() -> frozenset[str]:
    from kg.extract.frames import event_vocabulary

    return event_vocabulary()


class NameReader:
    """Known names (gazetteer, aliases of people named earlier) and the shape of unknown ones."""

    def __init__(self, ctx: SentenceContext) -> None:
        self.ctx = ctx
        self.gaz = ctx.gaz

    def read(self, match: PhraseMatch[NameHit], rule: str) -> int:
        """A known name at `match`: mention it and, for a person, remember the short forms."""
        hit = match.value
        entity = self.ctx.doc.lookup(hit.key)
        if entity is None:
            return match.end
        self.ctx.doc.use(entity)
        confidence = 0.95 if rule == "gazetteer" else 0.75
        kind = "nisba" if hit.kind == "nisba" else "name"
        end = self.own_nisba_end(match, entity) if kind == "name" else match.end
        start, proclitic = self.name_start(match)
        if start > match.start:  # the title or head before the name refers to it, as an anaphor does
            self.ctx.add(hit.key, match.start, start, f"{rule}:head", confidence, "anaphor", match.proclitic)
        self.ctx.add(hit.key, start, end, f"{rule}:{kind}", confidence, kind, proclitic)
        if end != match.end:
            return end
        if entity.type == "Person" and kind == "name":
            self.remember_person(match.start, match.end, entity.key)
        return match.end

    def name_start(self, match: PhraseMatch[NameHit]) -> tuple[int, str]:
        """"الأمير خالد بن سلمان"، "الشيخ تميم"، "وكالة «رويترز»": a gazetteer form may open with a title
        or a head noun before a quoted name; the name the text gives is the rest, when the rest is a
        form of the same entity (the span and its proclitic)."""
        tokens, i = self.ctx.tokens, match.start
        ends = [t.end for t in self.gaz.titles.match_at(tokens, i)]
        if any(stem in self.gaz.word_keys("honorific") for stem, _ in proclitic_variants(tokens[i].norm)):
            ends.append(i + 1)
        quotes = [k for k in range(i + 1, match.end) if any(q in self.ctx.gap_before(k) for q in "«“\"")]
        closed = match.end < len(tokens) and any(q in self.ctx.gap_before(match.end) for q in "»”\"")
        if quotes and closed and not any(r.value.kind == "nisba" and r.end == match.end
                                         for r in self.gaz.names.match_at(tokens, quotes[0])):
            return quotes[0], ""  # جماعة "الحوثي": the quoted words are the name (قوات الاحتلال "الإسرائيلي" is not)
        for end in ends + quotes:
            rest = self.gaz.names.match_at(tokens, end) if end < match.end else []
            if any(r.value.key == match.value.key and r.end == match.end for r in rest):
                return end, ""
        return match.start, match.proclitic

    def own_nisba_end(self, match: PhraseMatch[NameHit], entity) -> int:
        """"جماعة الحوثي اليمنية"، "حركة الشباب الصومالية": a body's own state's nisba right after
        its name is part of the name (not a second actor, the state)."""
        ctx = self.ctx
        k = match.end
        if entity.type not in BODY_TYPES or not entity.country or k >= len(ctx.tokens) or ctx.punctuation_before(k) \
                or any(q in ctx.gap_before(k) for q in "»”\""):
            return match.end  # شركة "أمبري" البريطانية: after a closing quote the nisba is the head noun's
        after, _ = ctx.name_at(k)
        if after is None or after.value.kind != "nisba" or after.proclitic \
                or ctx.doc.state_of(after.value.key) != entity.country:
            return match.end
        return after.end

    def remember_person(self, start: int, end: int, key: str) -> None:
        """Later in the article a person is named by the last part(s) of the name alone."""
        words = [t.norm for t in self.ctx.tokens[start:end]]
        if len(words) < 2:
            return
        if any(w in self.gaz.word_keys("nasab") for w in words[1:]):
            return  # "ريما بنت بندر آل سعود": the tail of a lineage is a father or a family, not her
        hit = NameHit(key, "name")
        self.ctx.doc.aliases.add((words[-1],), hit)
        if len(words) >= 3:
            self.ctx.doc.aliases.add(tuple(words[-2:]), hit)

    def unknown_name_end(self, j: int, max_parts: int = MAX_NAME_PARTS) -> int:
        """Where a personal name starting at token j ends (j if there is none)."""
        tokens, gaz = self.ctx.tokens, self.gaz
        article = gaz.words("article")
        parts, k, nasab = 0, j, False
        while k < len(tokens) and (parts < max_parts or (nasab and parts < MAX_NASAB_PARTS and (
                tokens[k].norm in gaz.name_glue or tokens[k - 1].norm in gaz.name_glue))):
            word = tokens[k].norm
            if nasab and k > j and tokens[k - 1].norm not in gaz.name_glue and word not in gaz.name_glue \
                    and not (word in gaz.word_keys("compound-end") and tokens[k - 2].norm in gaz.name_glue):
                break  # "فهد بن خالد | يشغل": after a بن/بنت link the name goes on only by another link
            if not word.isalpha() or word in gaz.name_stops \
                    or (self.ctx.starts_lexicon(k) and not self.relative(j, k) and not self.namesake(k)
                        and not (k > j and tokens[k - 1].norm in gaz.word_keys("nasab"))) \
                    or (k == j and word in gaz.org_heads) or not self.may_be_name_part(k, first=k == j):
                break
            if k > j and word in gaz.word_keys("compound-end") and tokens[k - 1].norm not in gaz.name_glue \
                    and not self.ctx.punctuation_before(k):
                k += 1  # "عطاء الله | تارار": one given name of two words
                continue
            if word.startswith(article) and word not in gaz.name_glue \
                    and not (k > j and tokens[k - 1].norm in gaz.name_glue):  # آل is a link, not an article
                if not (parts == 1 and self.is_family_name(word)):
                    break
                k, parts = k + 1, parts + 1
                break  # a family name with the article ends the name ("معمر الإرياني | هجوم")
            if k > j and (word.startswith(gaz.words("stop-prefix")) or self.clitic_on_known_word(word)
                          or self.casualty_word_at(k)):
                break  # "أعلن الوزير عطاء الله تارار | مقتل 36 مسلحا"
            if k > j and (self.ctx.punctuation_before(k) or any(q in self.ctx.gap_before(k) for q in "»”\"")):
                break  # punctuation or a quotation mark ends a name ("جيديون جبرين" وقوع)
            if any(p and stem in gaz.name_stops for stem, p in proclitic_variants(word)[1:]
                   if p.startswith(gaz.words("conjunction"))):
                break  # "وعلى الرغم"، "ومع قادة": a conjunction on a function word
            k += 1
            if word not in gaz.name_glue:
                parts += 1
            elif k - 1 > j and word in gaz.words("nasab"):
                nasab = True
        while k > j and tokens[k - 1].norm in gaz.name_glue:
            k -= 1
        return k

    def namesake(self, k: int) -> bool:
        """Is token k only a famous person's surname after another given name ("جبريل الزبيدي" is not
        عيدروس الزبيدي)? A one-word gazetteer form of a person, after a known given name that none of
        that person's own forms begins with: the surname is part of this new name."""
        from kg.extract.actors.discovery import lexicon

        ctx = self.ctx
        before = ctx.tokens[k - 1].norm
        if k == 0 or before not in lexicon().given or ctx.punctuation_before(k):
            return False
        matches = self.gaz.names.match_at(ctx.tokens, k)
        if not matches or any(m.end != k + 1 or m.value.kind != "name" or m.proclitic for m in matches):
            return False
        from kg.extract.frames import frame_index

        if frame_index().match_at(ctx.tokens, k) or self.gaz.titles.match_at(ctx.tokens, k) \
                or self.gaz.institutions.match_at(ctx.tokens, k):
            return False
        for m in matches:
            entity = ctx.doc.lookup(m.value.key)
            if entity is None or entity.type != "Person":
                return False
            forms = (entity.name_ar, *entity.aliases_ar)
            if any(normalize_phrase(f)[:1] == (before,) for f in forms if f):
                return False  # "عيدروس الزبيدي": his own given name
        return True

    def relative(self, j: int, k: int) -> bool:
        """Does only another person's remembered surname start at token k, after a first name at j
        ("مريم الخطيب ... سامي الخطيب": Sami, not Maryam)? Then the name goes on."""
        from kg.extract.frames import frame_index

        ctx, gaz = self.ctx, self.gaz
        if k == j or ctx.name_at(k)[1] != "alias" or gaz.names.match_at(ctx.tokens, k):
            return False
        return not (frame_index().match_at(ctx.tokens, k) or gaz.titles.match_at(ctx.tokens, k)
                    or gaz.institutions.match_at(ctx.tokens, k))

    def may_be_name_part(self, k: int, first: bool) -> bool:
        """No tanween (هجوماً لاذعاً); and a first part is no common noun or frame word (هجوما حادا،
        انتقادات شديدة، كلمة متلفزة) nor a noun with a pronoun suffix (قلقه البالغ، دعوته), unless
        it is a known given name."""
        from kg.extract.actors.discovery import lexicon

        token, gaz = self.ctx.tokens[k], self.gaz
        if any(mark in token.text for mark in gaz.words("indefinite-mark")):
            return False
        lex = lexicon()
        word = token.norm
        clitics = gaz.words("description-clitic")
        if any(p and (stem in gaz.org_heads or (p.endswith(clitics) and stem in lex.common))
               for stem, p in proclitic_variants(word)[1:]):
            return False  # "عضو بمجموعة مقاومة"، "وزير المالية وجماعة مسلحة"، "لشبكة": a common noun
        if not first:  # "الطاهر حجر | مدينة الفاشر"، "الأميرة ريما | خبر مغادرة": a head, common or event noun
            return word not in gaz.org_heads and (word in lex.given or not (word in lex.common or word in event_words()))
        if word in lex.given or word in lex.person_firsts:
            return True
        if word in lex.common or word in event_words() or word.startswith(gaz.words("stop-prefix")) \
                or any(p and stem in lex.common for stem, p in proclitic_variants(word)[1:]):
            return False  # "وتقارير إعلامية"، "والهجرة وشئون"
        bare = dediacritize(token.text)
        return not any(bare.endswith(suffix) and len(bare) - len(suffix) >= MIN_STEM
                       for suffix in gaz.words("pronoun-suffix"))

    def is_family_name(self, word: str) -> bool:
        """An ال-word may end a two-part name ("أشرف القدرة"), feminine and plural adjectives may not."""
        return len(word) >= MIN_FAMILY_NAME and not word.endswith(self.gaz.words("adjective-ending"))

    def casualty_word_at(self, k: int) -> bool:
        """Does a word that says someone was killed or wounded (casualties.tsv) start at token k?"""
        from kg.extract.casualties import casualty_words

        return any(m.value.kind in ("killed", "wounded") for m in casualty_words().match_at(self.ctx.tokens, k))

    @staticmethod
    def clitic_on_known_word(word: str) -> bool:
        """A proclitic on a word the frames know ends a name; a name that merely starts so does not."""
        from kg.extract.frames import event_vocabulary

        vocabulary = event_vocabulary()
        return any(p and stem in vocabulary for stem, p in proclitic_variants(word)[1:])
