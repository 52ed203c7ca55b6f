"""Titles: TITLE [of whom] [more titles] [NAME] -> a known or new person, an office-holder of that
date, or an unnamed holder of the office (السفير التركي)."""
from __future__ import annotations

from dataclasses import replace

from kg.extract.actors.context import SentenceContext
from kg.lang import ar
from kg.extract.actors.document import mint_key
from kg.extract.actors.institutions import InstitutionReader
from kg.extract.actors.names import NameReader
from kg.extract.gazetteer import Title
from kg.extract.phrases import PhraseMatch
from kg.model import Entity
from kg.text.clitics import proclitic_variants
from kg.text.normalize import dediacritize, normalize_phrase

MAX_DESCRIPTION = 6
MIN_NEW_NAME = 2  # words: one word after a title is too often no name ("رئيس الحكومة وعدد من الوزراء")
ORG_TYPES = {"InternationalOrganisation", "Organisation", "GovernmentBody", "Government", "Ministry",
             "Parliament", "ArmedForce", "ArmedGroup", "MediaOutlet"}
GOVERNMENT = "Government"  # ontology class (and institutions.tsv suffix) of a government
PLACE_SCOPES = {"City", "Region"}  # a local office (a district's governor) is of a place
def source_qualifier(word: str) -> str:
    """An unnamed source's adjective without article or gender/plural ending (عسكرية = عسكري)."""
    word = word[2:] if word.startswith("ال") else word
    return word[:-1] if word.endswith(("ة", "ه")) else word


COUNTERPART, RANK, SOURCE, WITNESS = "counterpart", "rank", "source", "witness"  # kinds of titles.tsv
CROWD, CROWD_OF = "crowd", "crowd-of"  # titles.tsv kinds: an unnamed group; one in construct (سكان غزة)
CROWD_RULE = "title:crowd"  # the rule of a crowd's mention: its words stay cue words for events
HOLDER_RULE = "title:role-holder"  # the rule of a title naming no one (the claim reader looks for the name after it)
CROWD_TYPE = "Crowd"  # ontology class of an unnamed group of people (المحتجون، السكان، مسلحون مجهولون)
MEMBER_OF = {"ArmedGroup", "ArmedForce", "Organisation", "Government", "GovernmentBody"}  # "مسلحو الحركة" are the group
GROUP_AFTER_CROWD = {"ArmedGroup", "ArmedForce", "Organisation"}  # a one-word group name read as a crowd's adjective
ANOTHER = "another"  # title_words.tsv: "مصدر فلسطيني آخر" is a second source
FORMER, ACTING, DEPUTY = "former", "acting", "deputy"  # title_words.tsv: a past holder; an interim one
OFFICE = "office"
HONORIFIC = "honorific"  # titles.tsv: a form of address too (المستشار فلان), read so when nothing follows it
BEFORE_OFFICE = {"acting-of": ACTING, "deputy-of": DEPUTY}  # titles.tsv kinds before an office title


def held_role(title: Title, status: str) -> str:
    """The role a holder is given: a former holder's or a deputy's says so ("former President",
    "deputy Prime Minister"); an acting holder holds the office now, so keeps its role."""
    return f"{status} {title.role}" if status in (FORMER, DEPUTY) else title.role


class TitleReader:
    """Reads what a title names; the person, office-holder or role-holder becomes a mention."""

    def __init__(self, ctx: SentenceContext, names: NameReader, institutions: InstitutionReader) -> None:
        self.ctx = ctx
        self.gaz = ctx.gaz
        self.names = names
        self.institutions = institutions

    def read(self, i: int, match: PhraseMatch[Title], prefix_status: str = "") -> int:
        """`prefix_status`: what a title before this one made its holder ("القائم بأعمال")."""
        title = match.value
        if title.kind in (CROWD, CROWD_OF):
            return self.crowd(i, match)
        if title.kind in BEFORE_OFFICE:
            return self.before_office(i, match)
        j, status = self.status(match.end)
        through_preposition = self.at_scope_preposition(j)
        body_start = j
        j, scope, country = self.qualifiers(j)
        j, more_status = self.status(j)
        status = prefix_status or status or more_status
        title = self.government_head(title, body_start, scope)
        if not scope and not country:
            title = self.honorific(i, match) or title
        if title.kind == SOURCE:  # "مسؤول فلسطيني"، "مصدر في حركة X": an unnamed person of X (left
            # unmarked as titled: "نقلت الوكالة عن مصدر" keeps its preposition)
            scope_entity = self.ctx.doc.lookup(scope) if scope else None
            if scope_entity is not None and scope_entity.type == "MediaOutlet":
                return self.source_again(i, match.end, title)  # "قال أحد المصدرين لوكالة فرانس برس": told to it
            if scope and self.object_after_adjective(i, match.end, body_start, through_preposition):
                self.unqualify(scope)  # "اتهم مسؤول حكومي قوات الدعم السريع": the verb's object, not his body
                scope, country, j = "", "", body_start
            if scope:
                return self.office(i, j, title, scope, country, status)
            return self.source_again(i, j, title)
        if title.kind == WITNESS:  # "قال شاهد عيان": an unnamed person of this article (not of an outlet)
            return self.office(i, match.end, title, "", "", status)
        known, start, end = self.person_after(j)
        if known is not None:
            return self.titled(known, title)
        if end - start >= MIN_NEW_NAME and title.kind != COUNTERPART:
            return self.titled(self.mint_person(start, end, title, scope, country, status), title)
        if title.kind == COUNTERPART or not scope:
            return max(start, i + 1)
        scope_entity = self.ctx.doc.lookup(scope)
        if title.unique and through_preposition and scope_entity is not None and scope_entity.type in PLACE_SCOPES:
            return max(start, i + 1)  # "وقال الرئيس في موسكو": where a state's officer spoke, not whose
        return self.titled(self.office(i, start, title, scope, country, status), title)

    def honorific(self, i: int, match: PhraseMatch[Title]) -> Title | None:
        """The honorific reading of the title at token i (titles.tsv kind honorific: "المستشار فلان"
        with no state after it is a form of address, not the chancellor), if it has one."""
        readings = self.gaz.titles.match_at(self.ctx.tokens, i)
        return next((m.value for m in readings if m.end == match.end and m.value.kind == HONORIFIC), None)

    def before_office(self, i: int, match: PhraseMatch[Title]) -> int:
        """"القائم بأعمال وزير الخارجية الأمريكي"، "نائب رئيس الوزراء": the office after it, held by
        an acting holder or a deputy (never the gazetteer's holder); the mention starts at the first
        title. With no office title after it, it names nobody ("نائب في البرلمان")."""
        tokens = self.ctx.tokens
        following = self.gaz.titles.match_at(tokens, match.end) if match.end < len(tokens) else []
        if not following or following[0].value.kind != OFFICE:
            return match.end
        return self.read(i, following[0], BEFORE_OFFICE[match.value.kind])

    def government_head(self, title: Title, body_start: int, scope: str) -> Title:
        """"رئيس حكومة إقليم كردستان": the head of a government named right after the title holds
        the role name_rules.tsv `government-head` gives ("title word + body word>role"), not the
        title's own (a president)."""
        entity = self.ctx.doc.lookup(scope) if scope else None
        if entity is None or entity.type != GOVERNMENT or body_start >= len(self.ctx.tokens):
            return title
        title_words, body_word = tuple(normalize_phrase(title.ar)), self.ctx.tokens[body_start].norm
        for form in self.gaz.words("government-head"):
            phrase, _, role = form.partition(">")
            words = tuple(normalize_phrase(phrase))
            if words[:-1] == title_words and words[-1:] == (body_word,) and role:
                return replace(title, role=role)
        return title

    def apposed_person(self, i: int, role: str = "") -> str:
        """A person not of the gazetteer named right before the title at token i, with nothing
        or an apposition comma between ("فلان الفلاني، المتحدث باسم ..."): the title is his, or "".
        A known person too when the gazetteer gives him the title's role ("شون سافيت المتحدث باسم ...")."""
        ctx = self.ctx
        gap = ctx.gap_before(i).strip() if i else None
        if gap not in ("",) + self.gaz.words("apposition-comma"):
            return ""
        for mention in reversed(ctx.doc.mentions):
            if mention.sentence != ctx.sentence.index:
                break
            entity = ctx.doc.entities.get(mention.entity)
            # a known person too, but only across the comma: "التقى ترامب الرئيس الفرنسي" names two
            if mention.token_end == i and mention.kind == "name" and entity is not None \
                    and entity.type == "Person" and (entity.minted or gap or (role and entity.role == role)):
                return entity.key
        return ""

    def at_scope_preposition(self, j: int) -> bool:
        """Is token j a preposition between a title and what it is of ("الرئيس في موسكو")?"""
        return j < len(self.ctx.tokens) and self.ctx.tokens[j].norm in self.gaz.words("scope-preposition")

    def crowd(self, i: int, match: PhraseMatch[Title]) -> int:
        """"المحتجون"، "المستوطنين الإسرائيليين"، "سكان غزة": the crowd of that kind in this article, of
        the state of a nisba after it, of the place after في, or (a construct form, kind crowd-of) of
        what follows it; one node per article and owner. Gunmen of a named group are that group
        ("مسلحو الحركة"، "مسلحين من حركة الشباب"). No crowd after a word of name_rules.tsv
        `not-crowd-before` ("عدد السكان"، "غير مسلحين")."""
        ctx, gaz, title = self.ctx, self.gaz, match.value
        if i > 0 and ctx.tokens[i - 1].norm in gaz.word_keys("not-crowd-before"):
            return i + 1
        end = j = match.end
        scope = country = ""
        at = ctx.tokens[j].norm if j < len(ctx.tokens) and not ctx.punctuation_before(j) else ""
        if at and title.kind == CROWD_OF:
            j, scope, country = self.qualifier(j)
            end = j
        elif at:
            nisba, _ = ctx.name_at(j)
            own = ctx.doc.lookup(nisba.value.key) if nisba is not None and not nisba.proclitic else None
            if own is not None and own.type in GROUP_AFTER_CROWD and nisba.end == j + 1:  # "المسلحين الحوثيين":
                # the group's own gunmen; not "طالب المحتجون الحكومة العراقية", where the next phrase is the object
                ctx.add(own.key, i, nisba.end, "gazetteer:name", 0.9, "name", match.proclitic)
                return nisba.end
            if nisba is not None and nisba.value.kind == "nisba" and not nisba.proclitic:
                state = ctx.doc.state_of(nisba.value.key)
                ctx.add(state, j, nisba.end, "gazetteer:nisba", 0.95, "nisba")
                end = j = nisba.end
                scope = country = state
            elif at in gaz.word_keys("place-preposition") | gaz.word_keys("crowd-member"):
                k, owner, owner_country = self.qualifier(j + 1)
                owner_entity = ctx.doc.lookup(owner) if owner else None
                wanted = MEMBER_OF if at in gaz.word_keys("crowd-member") else PLACE_SCOPES
                if owner_entity is not None and owner_entity.type in wanted:
                    scope, country, j = owner, owner_country, k
                elif owner:  # read, but not this crowd's owner: leave it as its own name
                    self.unqualify(owner)
                    j = k
        scope_entity = ctx.doc.lookup(scope) if scope else None
        if scope_entity is not None and scope_entity.type in MEMBER_OF:
            self.unqualify(scope)
            return j
        place = scope if scope != country else ""  # a nisba tells whose crowd, not which one
        key = "_".join(p for p in (place, title.role.replace(" ", ""), ctx.doc.tag) if p)
        if not place:  # "ورشق محتجون الشرطة" after "لتفريق المحتجين في باريس": the crowd named before
            key = next((m.entity for m in reversed(ctx.doc.mentions) if m.rule == CROWD_RULE
                        and ctx.doc.entities[m.entity].role == title.role), key)
        proclitic = match.proclitic
        entity = ctx.doc.entities.get(key)
        if entity is None or (country and not entity.country):  # "مستوطنون" then "مستوطنون إسرائيليون"
            entity = Entity(
                key=key, type=CROWD_TYPE, name_ar=dediacritize(ctx.surface(i, end))[len(proclitic):],
                name_en=f"{scope_entity.name_en if scope_entity else ''} {title.role}".strip(),
                country=country, part_of=place, role=title.role, role_ar=title.ar, minted=True)
            ctx.doc.entities.pop(key, None)  # (use() adds the state it points to)
        ctx.doc.use(entity)
        ctx.add(key, i, end, CROWD_RULE, 0.6, "title", proclitic)
        return j

    def unqualify(self, key: str) -> None:
        """The name just read after a crowd word stands on its own (the group, or no owner of it)."""
        last = self.ctx.doc.mentions[-1] if self.ctx.doc.mentions else None
        if last is not None and last.entity == key and last.kind == "qualifier":
            last.kind = "anaphor" if last.rule == "anaphor" else "name"

    def source_again(self, i: int, j: int, title: Title) -> int:
        """"أحد المصدرين"، "وأضاف المسؤول": the unnamed source of that role named last; else a new
        unnamed source of this article ("وقال مسؤول لفرانس برس"), never the last actor named."""
        ctx = self.ctx
        for mention in reversed(ctx.doc.mentions if self.refers_back(i) else ()):
            entity = ctx.doc.entities.get(mention.entity)
            if entity is not None and entity.minted and entity.role == title.role and mention.kind == "title":
                ctx.add(entity.key, i, j, "title:source-again", 0.5, "title")
                return j
        attributed = i > 0 and self.ctx.tokens[i - 1].norm in ar.keys("attribution")  # "نقلت الوكالة عن مصادر في …"
        speaks = attributed or self.after_speech_verb(i) or self.before_speech_verb(j)
        return self.office(i, j, title, "", "") if speaks else max(j, i + 1)

    def object_after_adjective(self, i: int, end: int, body_start: int, through_preposition: bool) -> bool:
        """A source title with its adjective (مسؤول حكومي، مصدر أمني) and then a body's bare name: the
        name is the object of the verb before (اتهم مسؤول حكومي قوات الدعم السريع), not the source's
        body, which takes a preposition or a nisba (مسؤول في الحركة، مصدر أمني عراقي)."""
        last = self.ctx.doc.mentions[-1] if self.ctx.doc.mentions else None
        return end - i >= 2 and not through_preposition and last is not None \
            and last.kind == "qualifier" and last.token_start == body_start

    def refers_back(self, i: int) -> bool:
        """"المصدر"، "أحد المصدرين" point back to a source named before; an indefinite "مصدر عسكري
        رفيع" is another one ("وأفاد مصدر" after "مصادر محلية" is not them)."""
        word = self.ctx.tokens[i].norm
        if any(word.startswith(clitic + "ال") for clitic in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")):
            return True
        one_of = ar.keys("one-of")
        return word in one_of or i > 0 and self.ctx.tokens[i - 1].norm in one_of

    def after_speech_verb(self, i: int) -> bool:
        """Is token i the subject right after a speech verb ("وقال مسؤول")? Elsewhere an unnamed
        official with no body is no actor worth a node ("التقى مسؤولين")."""
        from kg.extract.frames import frame_index

        return i > 0 and any(m.value.speech for m in frame_index().match_at(self.ctx.tokens, i - 1))

    def before_speech_verb(self, j: int) -> bool:
        """Is a speech verb the next word after the source (past a particle: "وكان مصدر أمني قد
        كشف أن")? The subject before its verb speaks as much as the one after it."""
        from kg.extract.frames import frame_index, word_class

        tokens = self.ctx.tokens
        while j < len(tokens) and tokens[j].norm in word_class("particle"):
            j += 1
        return j < len(tokens) and any(m.value.speech for m in frame_index().match_at(tokens, j))

    def status(self, j: int) -> tuple[int, str]:
        """"السابق"، "بالإنابة" at token j: (end, "former" | "acting"), else (j, "")."""
        found = self.gaz.title_words.match_at(self.ctx.tokens, j) if j < len(self.ctx.tokens) else []
        return (found[0].end, found[0].value) if found else (j, "")

    def qualifiers(self, j: int) -> tuple[int, str, str]:
        """What the title (and any chained titles after it) is of: (end, scope, state)."""
        tokens, mentions = self.ctx.tokens, self.ctx.doc.mentions
        if j < len(tokens) and self.ctx.punctuation_before(j):
            return j, "", ""  # "وطالب السكرتير العام، حماس …": the title's words ended at the comma
        j, scope, country = self.qualifier(j)
        while j < len(tokens) and (more := self.gaz.titles.match_at(tokens, j)) \
                and more[0].value.kind != COUNTERPART:
            # chained titles: "قائد الجيش رئيس مجلس السيادة الفريق أول"
            read = len(mentions)
            end, more_scope, more_country = self.qualifier(more[0].end)
            if country and more_country and more_country != country:
                del mentions[read:]  # "يلتقي الرئيس الأمريكي ولي العهد السعودي": another state's, another person
                break
            j, scope, country = end, scope or more_scope, country or more_country
        return j, scope, country

    def person_after(self, j: int) -> tuple[int | None, int, int]:
        """Who the title names from token j: (end of a known person's mention, _, _), or
        (None, start, end) of an unknown name (start == end if none), looking past a short
        description (المدير الإقليمي للبرنامج) when no name starts at j."""
        known = self.known_person(j)
        if known is not None:
            return known, j, j
        end = self.names.unknown_name_end(j)
        if end - j >= 2:
            return None, j, end
        k = self.skip_description(j)
        known = self.known_person(k)
        if known is not None:
            return known, k, k
        far_end = self.names.unknown_name_end(k)
        return (None, k, far_end) if far_end - k >= 2 else (None, j, end)

    def known_at(self, k: int) -> bool:
        person, _ = self.ctx.name_at(k)
        return bool(person and self.ctx.is_person(person.value.key))

    def known_person(self, k: int) -> int | None:
        """A person the gazetteer or the article knows, named at token k: read it, return its end."""
        person, rule = self.ctx.name_at(k)
        if person and self.ctx.is_person(person.value.key):
            return self.names.read(person, rule)
        return None

    def titled(self, end: int, title: Title) -> int:
        """Mark the person just read as introduced by a title (not for "نظيره": an object)."""
        if title.kind != COUNTERPART and self.ctx.doc.mentions:
            self.ctx.doc.mentions[-1].titled = True
        return end

    def qualifier(self, j: int) -> tuple[int, str, str]:
        """What a title is of: a nationality (الأرميني), a state body (باسم الشرطة الصومالية) or an
        organisation (للأمم المتحدة). Returns (end, scope key, state key)."""
        ctx = self.ctx
        if j >= len(ctx.tokens):
            return j, "", ""
        state, after, proclitic = ctx.nationality_at(j)
        inst = self.gaz.institutions.match_at(ctx.tokens, j)
        if inst and self.institutions.length(j, inst[0]) > (after - j if state else 0):
            end, scope = self.institutions.read(j, inst[0], emit=True)
            if scope:
                ctx.doc.mentions[-1].kind = "qualifier"
                return end, scope, ctx.doc.state_of(scope)
        if state:
            ctx.add(state, j, after, "gazetteer:nisba", 0.95, "nisba", proclitic)
            return after, state, state
        place = ctx.place_anaphor(j) if j and ctx.tokens[j - 1].norm not in self.gaz.words("scope-preposition") else ""
        if place:  # "حاكم الولاية"، "رئيس بلدية المدينة": of the place named last
            ctx.add(place, j, j + 1, "anaphor", 0.6, "anaphor")
            return j + 1, place, ctx.doc.state_of(place)
        if j + 1 < len(ctx.tokens) and ctx.tokens[j].norm in self.gaz.word_keys("place-head"):
            place, _ = ctx.name_at(j + 1)  # "حاكم ولاية زامفارا"، "محافظ محافظة نينوى"
            place_entity = ctx.doc.lookup(place.value.key) if place and not place.proclitic else None
            if place_entity is not None and place_entity.type in PLACE_SCOPES:
                end = self.names.read(place, "gazetteer")
                ctx.doc.mentions[-1].kind = "qualifier"
                return end, place_entity.key, place_entity.country
        org, _ = ctx.name_at(j)
        scope_entity = ctx.doc.lookup(org.value.key) if org else None
        spoken_for = scope_entity is not None and scope_entity.type == "Person" and org.value.kind == "name" \
            and j > 0 and ctx.tokens[j - 1].norm in self.gaz.word_keys("on-behalf")  # المتحدث باسم بوش
        if scope_entity is not None and (scope_entity.type in ORG_TYPES | PLACE_SCOPES or spoken_for):
            if org.value.kind == "nisba":  # "المبعوث الأممي": the UN's envoy; the adjective is part
                ctx.doc.use(scope_entity)  # of the title, no mention of its own
                return org.end, scope_entity.key, scope_entity.country
            end = self.names.read(org, "gazetteer")
            ctx.doc.mentions[-1].kind = "qualifier"
            return end, scope_entity.key, scope_entity.country
        anaphor = self.gaz.anaphors.match_at(ctx.tokens, j)
        if anaphor and anaphor[0].value.count == 1:  # "القيادي في الحركة": the movement named before
            found = ctx.doc.recent(anaphor[0].value.type, 1, ctx.tokens[j].start, anaphor[0].value.head)
            if found:
                ctx.add(found[0], j, anaphor[0].end, "anaphor", 0.6, "qualifier", anaphor[0].proclitic)
                return anaphor[0].end, found[0], ctx.doc.state_of(found[0])
        if ctx.tokens[j].norm in self.gaz.words("scope-preposition") and not scope_entity:
            k = j + 1
            if k < len(ctx.tokens) - 1 and ctx.tokens[k].norm in self.gaz.word_keys("direction") | self.gaz.word_keys("place-head"):
                k += 1  # "مسؤول محلي في شرق الكونغو"، "مصدر طبي في مدينة الفاشر"
            end, scope, country = self.qualifier(k)  # "مصدر في حركة حماس"
            if scope:
                return end, scope, country
        return j, "", ""

    def skip_description(self, j: int) -> int:
        """Past adjectives, ل/ب-phrases, "في <place>" and known names after a title, to where a
        full name starts: "المبعوث الأميركي الخاص إلى السودان | توم بيرييلو". j if none does."""
        from kg.extract.frames import frame_index

        ctx, gaz = self.ctx, self.gaz
        k, limit = j, min(j + MAX_DESCRIPTION, len(ctx.tokens))
        if j < limit and ctx.punctuation_before(j) and not self.apposed_name(j) \
                and not any(m.value.kind == RANK for m in gaz.titles.match_at(ctx.tokens, j)):
            return j  # "ولي العهد السعودي، اليوم الثلاثاء في تمام الساعة": the title's words ended at the comma
        while k < limit:
            rank = gaz.titles.match_at(ctx.tokens, k)
            if rank and rank[0].value.kind == RANK and not (k > j and ctx.punctuation_before(k)
                                                            and ctx.gap_before(k).strip() not in gaz.words("apposition-comma")):
                k = rank[0].end  # "... في قطاع البحر الأحمر العميد فلان"، "والي الخرطوم الجديد، الفريق فلان"
                limit = min(k + MAX_DESCRIPTION, len(ctx.tokens))
                if self.names.unknown_name_end(k) - k >= 2 or self.known_at(k):
                    return k
                continue
            if k > j and self.apposed_name(k):
                return k  # "رئيس بعثة المنظمة في السودان، محمد رفعت، من": the name between commas
            if (k > j and ctx.punctuation_before(k)) or frame_index().match_at(ctx.tokens, k) or rank:
                return j  # a verb or another title (نظيره) starts something else
            word = ctx.tokens[k].norm
            match, _ = ctx.name_at(k)
            if match and ctx.is_person(match.value.key):
                return k
            place = self.place_after_preposition(k, limit) if word in gaz.words("scope-preposition") else k
            if place > k:  # "رئيس البعثة في السودان، فلان"، "في شمال شرق نيجيريا": a place in the description
                match, _ = ctx.name_at(place)
                k = place
            if match:
                self.names.read(match, "gazetteer")
                ctx.doc.mentions[-1].kind = "qualifier"
                k = match.end
            elif self.ends_description(word):
                return j
            elif word in gaz.org_heads and k + 1 < limit and not ctx.punctuation_before(k + 1) \
                    and not ctx.name_at(k + 1)[0]:
                k += 2  # "رئيس حكومة تصريف الأعمال": the body's own words, no name
            elif self.in_description(word):
                k += 1
            elif self.names.unknown_name_end(k) - k >= 2:
                return k
            else:
                k += 1
        if j < k < len(ctx.tokens) and self.apposed_name(k):  # the description used all its words
            return k
        return j

    def place_after_preposition(self, k: int, limit: int) -> int:
        """The token of a place named after the preposition at k, past direction words ("في شمال
        شرق نيجيريا"), or k if none is."""
        tokens, directions = self.ctx.tokens, self.gaz.word_keys("direction")
        p = k + 1
        while p < limit and tokens[p].norm in directions and not self.place_at(p):  # "شرق أفريقيا" is a name
            p += 1
        return p if p < limit and self.place_at(p) else k

    def place_at(self, k: int) -> bool:
        """A state, region or city named at token k (without a proclitic)."""
        match, _ = self.ctx.name_at(k)
        entity = self.ctx.doc.lookup(match.value.key) if match and not match.proclitic else None
        return entity is not None and entity.type in PLACE_SCOPES | {"State"} and match.value.kind == "name"

    def apposed_name(self, k: int) -> bool:
        """A name set off by commas at token k (after a title's description): an unknown one of
        two words or more ("، محمد رفعت،") or a person the gazetteer or article knows ("عضو
        المجلس السياسي الأعلى للحوثيين، محمد علي الحوثي، بأن")."""
        ctx = self.ctx
        if ctx.gap_before(k).strip() not in self.gaz.words("apposition-comma"):
            return False
        known, _ = ctx.name_at(k)
        if known and ctx.is_person(known.value.key):
            end = known.end
        elif (end := self.names.unknown_name_end(k)) - k < 2:
            return False
        return end >= len(ctx.tokens) or ctx.gap_before(end).strip() in self.gaz.words("apposition-comma")

    def ends_description(self, word: str) -> bool:
        """A relative pronoun, a function word that cannot stand in a title's description, or a
        common noun (name_words.tsv `common`: "وزير الدفاع المكلف رجل عسكري": a predicate)."""
        from kg.extract.actors.discovery import lexicon

        gaz = self.gaz
        return word in gaz.relatives or word in lexicon().common or (
            word in gaz.name_stops and word not in gaz.description_words and not word.startswith(gaz.words("article")))

    def in_description(self, word: str) -> bool:
        """An adjective, an organisation head, or a ب/ل-phrase may stand in a title's description."""
        gaz = self.gaz
        clitics = gaz.words("description-clitic")
        return (word in gaz.description_words or word in gaz.org_heads
                or word.startswith(gaz.words("description-prefix"))
                or any(p and p.endswith(clitics) for _, p in proclitic_variants(word)[1:]))

    def mint_person(self, j: int, end: int, title: Title, scope: str, country: str, status: str = "") -> int:
        """A person not in the gazetteer, named after a title: a new entity keyed by the name and the
        state (or body) the title is of, so two namesakes of two countries are two keys ("المتحدث
        باسم الحكومة العراقية خالد الموسوي" is not the RSF's spokesman); the corpus joins spellings."""
        ctx = self.ctx
        name = dediacritize(ctx.surface(j, end))
        key = mint_key("Person", name)
        if country or scope:
            key = f"{key}_{country or scope}"
        entity = ctx.doc.entities.get(key) or Entity(
            key=key, type="Person", name_ar=name, country=country,
            part_of=scope if scope and scope != country else "", role=held_role(title, status), role_ar=title.ar,
            minted=True,
        )
        ctx.doc.use(entity)
        ctx.add(key, j, end, "title:new-person", 0.7, "name")
        self.names.remember_person(j, end, key)
        return end

    def office(self, i: int, j: int, title: Title, scope: str, country: str, status: str = "") -> int:
        """No name: the gazetteer's holder of a unique office on the article's date (not for a
        former or acting holder, nor an unnamed source), else an unnamed holder of the office:
        a person of this document only, part of the body or state (offices and holders differ)."""
        ctx = self.ctx
        holder = None
        if title.unique and not status and title.kind != SOURCE:
            holder = self.gaz.office_holder(title.role, scope, ctx.doc.published)
            state = ctx.doc.state_of(scope)
            if holder is None and state and self.gaz.state_institutions.get((state, GOVERNMENT)) == scope:
                holder = self.gaz.office_holder(title.role, state, ctx.doc.published)  # the state's own government
        if holder is not None:
            ctx.doc.use(holder)
            ctx.add(holder.key, i, j, "title:office-holder", 0.7, "title")
            return j
        person = self.apposed_person(i, title.role) if title.kind == OFFICE else ""
        if person:  # "العميد نبيل عبد الله المتحدث باسم الجيش": the title describes him, no other holder
            ctx.add(person, i, j, "title:apposed", 0.6, "title")
            return j
        another = status == ANOTHER
        role = (f"{status} " if status and not another else "") + title.role
        key = "_".join(p for p in (scope, role.title().replace(" ", "").replace("-", ""), ctx.doc.tag) if p)
        if title.kind == WITNESS or another:  # each eyewitness, "another source", is a person of their own
            key = f"{key}_{ctx.tokens[i].start}"
        elif title.kind == SOURCE and not scope and j - i > 1:
            # "مصادر محلية" and "مصدر عسكري رفيع" are two sources; "مصادر عسكرية … مصدر عسكري" one
            key = mint_key(key, " ".join(source_qualifier(t.norm) for t in ctx.tokens[i + 1:j]))
        scope_entity = ctx.doc.lookup(scope)
        entity = ctx.doc.entities.get(key) or Entity(
            key=key, type="Person", name_ar=dediacritize(ctx.surface(i, j)),
            name_en=f"{scope_entity.name_en if scope_entity else scope} {role}".strip(),
            country=country, part_of=scope if scope != country else "", role=held_role(title, status),
            role_ar=title.ar, minted=True,
        )
        ctx.doc.use(entity)
        rule = "title:unnamed-source" if title.kind in (SOURCE, WITNESS) else HOLDER_RULE
        ctx.add(key, i, j, rule, 0.6, "title")
        return j
