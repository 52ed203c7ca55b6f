"""Ties between actors: who heads, speaks for, advises, is envoy or member of whom; affiliation,
backing and alliance; a place within its region. Patterns are data (`kg/data/ties.tsv`).

Each tie is an `Event` whose type is a tie class of the ontology (a subclass of kg:Tie) and whose
relation is the direct property it implies: agents = [subject], targets = [object], with the
trigger, span, rule and confidence of the words that state it.

- role: a person introduced by a title keeps what the title is of ("المتحدث باسم الجيش فلان":
  Spokesperson, the person -> the army); an unnamed holder of an office too;
- marker: SUBJECT marker OBJECT ("قوات X التابعة لـ Y"، "X المدعومة من Y"، "X التي تدعمها Y");
  lead-marker: the person after the marker leads the actor before it ("X بقيادة فلان");
- place: PLACE direction/في/عاصمة REGION ("مخيم جنين شمال الضفة الغربية").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.data import alternatives, read_tsv
from kg.extract.actors.institutions import PLACE_TYPES  # mentions that name where, not who
from kg.extract.entities import DocumentEntities
from kg.extract.phrases import PhraseIndex, PhraseMatch
from kg.graph.vocabulary import named_actor_classes
from kg.model import Entity, Event, Mention, Sentence
from kg.text.normalize import normalize_phrase, normalize_word

ROLE_RULE = "tie:role:"  # rule prefix of the tie a title chain gives its person (the claim reader reads it too)

TITLE_REACH = 12  # tokens back from a titled person to its title
REGION_TYPES = {"Region", "State", "City"}
ACTOR_TYPES = named_actor_classes()  # from the ontology
RANK = {"Place": 0, "City": 1, "Region": 2, "State": 3}  # a place lies within a larger one
WORD_KINDS = ("deputy", "former", "honorific", "link", "head", "head-modifier", "descriptor", "descriptor-head",
              "apposer")
BEFORE_REACH = 4  # tokens a marker's subject may stand back from it (adjectives, a parenthesis, an apposed description)
APPOSED_REACH = 3  # tokens from the end of a title after a name to what the title is of
APPOSED_TITLES = 3  # titles in a row after one name (فلان، رئيس X، قائد Y)
LED_TYPES = {"ArmedGroup", "ArmedForce", "Organisation", "InternationalOrganisation", "Government",
             "GovernmentBody", "Parliament", "Ministry", "State"}  # what a lead verb's object may be
NISBA_OBJECT = "nisba"  # ties.tsv `object`: an adverbial nisba right after the marker names the object
DEPUTY_ROLE, MINISTER_ROLE = "Deputy", "Minister"  # titles.tsv roles: a deputy's tie; a state's deputy holds a minister's
DEPUTY_OF = "deputy-of"  # titles.tsv kind of a deputy's title before an office (نائب، مساعد)
PERSON_SCOPES = {"Advisor", "Envoy"}  # ties whose object may be a person (مستشار الرئيس فلان)


@dataclass(frozen=True)
class TiePattern:
    kind: str  # role | marker | lead-marker | place
    tie: str  # the ontology's tie class
    markers: tuple[str, ...]  # how the object is introduced (proclitic letters, preposition words), or ()
    confidence: float


@dataclass(frozen=True)
class TieLexicon:
    phrases: PhraseIndex[TiePattern]
    roles: dict[str, TiePattern]
    delegations: frozenset[str]  # "وفد": its head is a member of the owner, not its leader
    delegation_tie: str
    destinations: frozenset[str]  # "إلى": a title's destination is not what the title is of
    words: dict[str, frozenset[str]]  # deputy, former, honorific, link: words the readers step over or stop at
    place_tie: str = ""  # the tie class of kind place (a place attached to another with التابعة لـ)
    naming: PhraseIndex[str] = field(default_factory=PhraseIndex)  # "تطلق على نفسها اسم": the name after it is an unnamed body's


@lru_cache(maxsize=1)
def tie_lexicon() -> TieLexicon:
    phrases: PhraseIndex[TiePattern] = PhraseIndex()
    roles: dict[str, TiePattern] = {}
    delegations: set[str] = set()
    destinations: set[str] = set()
    words: dict[str, set[str]] = {}
    delegation_tie = place_tie = ""
    naming: PhraseIndex[str] = PhraseIndex()
    for row in read_tsv("ties.tsv"):
        if row["kind"] == "destination":
            destinations.update(normalize_word(f) for f in alternatives(row["forms"]))
            continue
        if row["kind"] == "naming":
            for form in alternatives(row["forms"]):
                naming.add(normalize_phrase(form), form)
            continue
        if row["kind"] in WORD_KINDS:
            words.setdefault(row["kind"], set()).update(normalize_word(f) for f in alternatives(row["forms"]))
            continue
        if row["kind"] == "delegation":
            delegations.update(normalize_word(f) for f in alternatives(row["forms"]))
            delegation_tie = row["tie"]
            continue
        markers = tuple(normalize_word(m) for m in alternatives(row["object"]) if m != "-")
        pattern = TiePattern(row["kind"], row["tie"], markers, float(row["confidence"]))
        if pattern.kind == "place":
            place_tie = pattern.tie
        for form in alternatives(row["forms"]):
            if pattern.kind == "role":
                roles[form] = pattern
            else:
                phrases.add(normalize_phrase(form), pattern)
    return TieLexicon(phrases, roles, frozenset(delegations), delegation_tie, frozenset(destinations),
                      {kind: frozenset(words.get(kind, ())) for kind in WORD_KINDS}, place_tie, naming)


SPEAKS_FOR_TIE = "Spokesperson"  # the tie whose holder's reported acts are his body's


@lru_cache(maxsize=1)
def speaking_roles() -> frozenset[str]:
    """The roles (titles.tsv `role`) whose tie is SPEAKS_FOR_TIE (ties.tsv kind role)."""
    return frozenset(role for role, pattern in tie_lexicon().roles.items() if pattern.tie == SPEAKS_FOR_TIE)


@lru_cache(maxsize=1)
def lead_words() -> frozenset[str]:
    """The one-word lead markers (برئاسة، بقيادة): after an unnamed body ("وفد برئاسة فلان") the
    leader named next stands for it as an event's actor."""
    return frozenset(normalize_word(form) for row in read_tsv("ties.tsv") if row["kind"] == "lead-marker"
                     for form in alternatives(row["forms"]) if " " not in form)


@lru_cache(maxsize=None)
def implied_relation(tie: str) -> str:
    """The direct property a tie class implies (kg:impliesRelation in the ontology), or ""."""
    from kg.graph.vocabulary import UnknownTerm, event_kind

    try:
        return event_kind(tie).relation
    except UnknownTerm:  # a tie class missing from the ontology: the graph stage reports it
        return ""


class TieReader:
    """The ties stated in one sentence, from its mentions and the tie patterns."""

    def __init__(self, doc: DocumentEntities, sentence: Sentence, mentions: list[Mention]) -> None:
        self.doc = doc
        self.sentence = sentence
        self.tokens = sentence.tokens
        self.mentions = sorted((m for m in mentions if m.sentence == sentence.index),
                               key=lambda m: (m.token_start, -m.token_end))
        self.lex = tie_lexicon()
        self.found: dict[tuple[str, str, str], Event] = {}

    def read(self) -> list[Event]:
        self.role_ties()
        self.apposed_ties()
        self.drop_unnamed_holders()
        for i in self.lex.phrases.start_positions(self.tokens):
            for match in self.lex.phrases.match_at(self.tokens, i):
                self.marker_tie(match)
        return sorted(self.found.values(), key=lambda e: e.start)

    # -- roles ----------------------------------------------------------------------------------
    def role_ties(self) -> None:
        for mention in self.mentions:
            entity = self.doc.entities.get(mention.entity)
            if entity is None or entity.type != "Person":
                continue
            if not (mention.titled or mention.kind == "title"):
                self.counterpart_tie(mention, entity)
                continue
            start = self.title_start(mention)
            if self.former(start, mention.token_end):
                continue  # "الرئيس السابق": no longer
            title = self.doc.gazetteer.titles.match_at(self.tokens, start)
            if title and title[0].value.kind == DEPUTY_OF:  # "نائب رئيس الوزراء فلان": no head, but of the body
                self.deputy_tie(mention, entity, start, title[0].end)
                continue
            if self.deputy_before(start):  # "كبير مستشاري الرئيس فلان": the title is someone else's
                continue
            role = title[0].value.role if title and mention.kind != "title" else entity.role
            if title and title[0].value.kind == "counterpart" and mention.kind != "title":
                role = entity.role  # "نظيره التركي رجب طيب أردوغان": the gazetteer's office of the counterpart
                if not self.nisba_at(title[0].end):
                    continue  # only with the state named: "نظيره التركي"
            pattern = self.lex.roles.get(role)
            scope = self.scope_of(mention, entity, start, title[0].end if title else start)
            if pattern is None or not scope:
                continue
            self.add(pattern, entity.key, scope, start, mention.token_end, f"{ROLE_RULE}{role}")

    def deputy_tie(self, mention: Mention, entity: Entity, start: int, office: int) -> None:
        """"نائب رئيس الوزراء الإثيوبي فلان"، "نائب رئيس المكتب السياسي لحماس فلان": a deputy (titles.tsv
        kind deputy-of, at token start, before the office title at token `office`) is a member of what
        the office is of (ties.tsv role DEPUTY_ROLE); of a state, he holds a minister's post (the tie of
        the role MINISTER_ROLE)."""
        pattern = self.lex.roles.get(DEPUTY_ROLE)
        title = self.doc.gazetteer.titles.match_at(self.tokens, office) if office < len(self.tokens) else []
        if pattern is None or not title:
            return
        scope = self.scope_of(mention, entity, office, title[0].end)
        scope_entity = self.doc.entities.get(scope) if scope else None
        if scope_entity is None or scope_entity.type == "Person":
            return
        if scope_entity.type == "State" and MINISTER_ROLE in self.lex.roles:
            pattern = self.lex.roles[MINISTER_ROLE]
        self.add(pattern, entity.key, scope, start, mention.token_end, f"{ROLE_RULE}{DEPUTY_ROLE}")

    def counterpart_tie(self, mention: Mention, entity: Entity) -> None:
        """"نظيره التركي رجب طيب أردوغان": a counterpart named with his state's nisba holds the
        gazetteer's office of his (a leadership role) in that state."""
        k = mention.token_start
        nisba = [m for m in self.mentions if m.token_end == k and m.kind == "nisba"]
        if not nisba or nisba[0].token_start == 0:
            return
        title = self.doc.gazetteer.titles.match_at(self.tokens, nisba[0].token_start - 1)
        pattern = self.lex.roles.get(entity.role)
        if not title or title[0].value.kind != "counterpart" or title[0].end != nisba[0].token_start or pattern is None:
            return
        state = self.actor(nisba[0])
        if state and state == (entity.country or state):
            self.add(pattern, entity.key, state, nisba[0].token_start - 1, mention.token_end, f"tie:counterpart:{entity.role}")

    def nisba_at(self, k: int) -> bool:
        return any(m.token_start == k and m.kind == "nisba" for m in self.mentions)

    def scope_of(self, mention: Mention, entity: Entity, start: int, title_end: int) -> str:
        """What the title is of: the body named between title and name (a nisba only right after
        the title: "مدير المستشفى الكويتي" is no director of Kuwait; not a destination: "المبعوث إلى
        اليمن" is no envoy of Yemen), else the entity's parent."""
        gaz = self.doc.gazetteer
        title = gaz.titles.match_at(self.tokens, start)
        person_scope = bool(title) and self.lex.roles.get(title[0].value.role) is not None \
            and self.lex.roles[title[0].value.role].tie in PERSON_SCOPES
        if person_scope and title_end < len(self.tokens):
            chained = gaz.titles.match_at(self.tokens, title_end)
            if chained and chained[0].value.kind == "office":
                title_end = chained[0].end  # "مستشار الرئيس الأمريكي فلان": the president's (his state's) adviser
        for m in self.mentions:
            if not (start <= m.token_start < mention.token_start) or m.entity == entity.key:
                continue
            if person_scope and m.kind == "name" and m.token_start == title_end and self.is_person(m):
                return m.entity  # "سفير خادم الحرمين الشريفين لدى إثيوبيا فلان": the king's ambassador
            if m.kind not in ("qualifier", "nisba") or self.destination(m):
                continue
            nisba = m.kind == "nisba" or m.rule.endswith(":nisba")
            scope = self.doc.entities.get(m.entity)
            if m.token_start != title_end and (nisba or scope is None or scope.type in PLACE_TYPES):
                continue  # in the description: "مدير المستشفى الكويتي"، "المدير الإقليمي ... لشرق أفريقيا"
            return self.actor(m) if nisba else m.entity
        if mention.kind == "title" or entity.minted:
            return entity.part_of or (entity.country if mention.kind == "title" else "")
        if self.same_role(mention, entity):  # "الرئيس فولوديمير زيلينسكي": the gazetteer's president of Ukraine
            return entity.part_of or entity.country
        return ""

    def same_role(self, mention: Mention, entity: Entity) -> bool:
        """The gazetteer gives this person the role of the title before him (المتحدث باسمه فلان)."""
        title = self.doc.gazetteer.titles.match_at(self.tokens, self.title_start(mention))
        return bool(title) and title[0].value.role == entity.role

    def destination(self, mention: Mention) -> bool:
        """Is the mention introduced by a word of destination (إلى اليمن، لدى الأمم المتحدة)?"""
        i = mention.token_start - 1
        return i >= 0 and self.tokens[i].norm in self.lex.destinations

    def title_start(self, mention: Mention) -> int:
        """The token where the title before a person starts (the mention itself for an office)."""
        if mention.kind == "title":
            return mention.token_start
        gaz = self.doc.gazetteer
        entity = self.doc.entities.get(mention.entity)
        found = mention.token_start
        for i in range(mention.token_start - 1, max(-1, mention.token_start - TITLE_REACH), -1):
            if self.other_person_at(i, mention.entity) or self.other_title_at(i, mention.entity):
                break  # "وزير خارجية إثيوبيا فلان، ونائب وزير الخارجية فلان": the first title is the first man's
            titles = gaz.titles.match_at(self.tokens, i)
            if titles and entity is not None and titles[0].value.role == entity.role and titles[0].value.kind != "rank":
                return i  # the title of the person's role (past ranks and descriptions; a rank is no post)
            found = i if titles else found
        return found

    def other_person_at(self, i: int, key: str) -> bool:
        """Is token i inside the name of a person other than `key`, set off from what follows by
        punctuation or و ("الرئيس الكيني وليام روتو، والمستشار فلان")? A person inside the title goes on
        ("سفير خادم الحرمين الشريفين لدى إثيوبيا فلان")."""
        for m in self.mentions:
            if m.token_start <= i < m.token_end and m.kind == "name" and m.entity != key:
                entity = self.doc.entities.get(m.entity)
                if entity is not None and entity.type == "Person" and m.token_end < len(self.tokens) and (
                        self.punctuation_between(m.token_end - 1, m.token_end)
                        or self.tokens[m.token_end].text.startswith("و")):
                    return True
        return False

    def other_title_at(self, i: int, key: str) -> bool:
        """Is token i inside a title that stands for someone else ("وقالت وسائل إعلام إن رئيس حكومة
        إسرائيل فلان": the media are not his title)?"""
        return any(m.token_start <= i < m.token_end and m.kind == "title" and m.entity != key for m in self.mentions)

    def phrase_end(self, k: int) -> int:
        """The token before the first punctuation from token k on (a title's description)."""
        n = k
        while n < len(self.tokens) - 1 and not self.punctuation_between(n, n + 1):
            n += 1
        return n

    def former(self, start: int, end: int) -> bool:
        """Does a word of former office (السابق) stand in a title from token start to just past end?"""
        return any(t.norm in self.lex.words["former"] for t in self.tokens[start:end + 1])

    def deputy_before(self, i: int) -> bool:
        return i > 0 and self.tokens[i - 1].norm in self.lex.words["deputy"]

    def punctuation_between(self, i: int, j: int) -> str:
        """The punctuation between token i's end and token j's start (the words between left out)."""
        s = self.sentence
        return re.sub(r"[\w\s\u064B-\u065F\u0670\u0640]", "", s.text[self.tokens[i].end - s.start:self.tokens[j].start - s.start])

    # -- titles in apposition after a name --------------------------------------------------------
    def apposed_ties(self) -> None:
        """فلان، حاكم إقليم دارفور / فلان، رئيس مجلس السيادة، قائد الجيش / فلان، مستشار الرئيس فلان:
        each title right after a person's name (a comma between, or none) ties him to what it is of."""
        gaz = self.doc.gazetteer
        for mention in self.mentions:
            entity = self.doc.entities.get(mention.entity)
            if entity is None or entity.type != "Person" or mention.kind not in ("name",):
                continue
            j = mention.token_end
            for _ in range(APPOSED_TITLES):
                if j >= len(self.tokens) or self.punctuation_between(j - 1, j) not in ("", "،", ","):
                    break
                title = gaz.titles.match_at(self.tokens, j)
                if not title or set(title[0].proclitic) & {"و", "ف"} or title[0].value.kind != "office":
                    break
                end = title[0].end
                pattern = self.lex.roles.get(title[0].value.role)
                if self.former(end, self.phrase_end(end)):
                    break  # "فلان، الرئيس الأميركي السابق": no longer
                comma = bool(self.punctuation_between(j - 1, j))
                if self.titled_person_after(end) and not (comma and pattern is not None and pattern.tie in PERSON_SCOPES):
                    break  # "التقى السيسي رئيس الوزراء القطري فلان": the title is the next person's
                if not comma and self.holder_of_title(j, entity.key):
                    break  # "التقى فلان وزير خارجية السعودية سمو الأمير فيصل": the office's known holder is another man
                scope = self.apposed_scope(end, pattern)
                if pattern is not None and scope is not None:
                    obj = scope[0].entity if scope[0].kind != "nisba" else self.actor(scope[0])
                    if obj and entity.country and self.doc.state_of(obj) not in ("", entity.country):
                        break  # "استقبل فلان (الليبي)، السفير الفرنسي،": another man's office, the verb's object
                    if obj:
                        self.add(pattern, entity.key, obj, mention.token_start, scope[0].token_end,
                                 f"tie:apposed:{title[0].value.role}")
                # the next title in the row: past this one's scope and its description, after a comma
                k = scope[0].token_end if scope is not None else end
                nxt = next((n for n in range(k, min(len(self.tokens), k + 3))
                            if self.punctuation_between(n - 1, n) in ("،", ",")), None)
                if nxt is None:
                    break
                j = nxt

    def holder_of_title(self, k: int, key: str) -> bool:
        """Does the title starting at token k stand for a person other than `key` (its holder)? Not
        when it stands for nobody named ("أحمد أبو زيد المتحدث الرسمي باسم وزارة الخارجية": the node
        minted for an unnamed spokesman is the man named right before)."""
        for m in self.mentions:
            if m.token_start == k and m.kind == "title" and m.entity != key:
                entity = self.doc.entities.get(m.entity)
                if entity is not None and entity.type == "Person" and not self.unnamed_holder(m.entity):
                    return True
        return False

    def unnamed_holder(self, key: str) -> bool:
        """A person minted from a title alone: named by no name in this sentence."""
        entity = self.doc.entities.get(key)
        return entity is not None and entity.minted and not any(
            m.entity == key and m.kind == "name" for m in self.mentions)

    def drop_unnamed_holders(self) -> None:
        """A role tie of an unnamed holder whose title is apposed to a named person is that person's
        (tie:apposed): the person holds the role, and no second, unnamed node does."""
        apposed = [e for e in self.found.values() if e.rule.startswith("tie:apposed:")]
        for key, event in list(self.found.items()):
            if event.rule.startswith(ROLE_RULE) and any(
                    a.start < event.start < a.end and a.type == event.type and (
                        (self.unnamed_holder(event.agents[0]) and a.targets == event.targets)
                        or a.agents == event.agents)  # "فلان المتحدث باسم الجيش": his title's body, said once
                    for a in apposed):
                del self.found[key]

    def titled_person_after(self, k: int) -> bool:
        """Is a person named after the title ending at token k, before the next punctuation?"""
        for m in self.mentions:
            if k <= m.token_start < k + TITLE_REACH and m.titled and m.kind == "name" \
                    and not self.punctuation_between(k - 1, m.token_start):
                entity = self.doc.entities.get(m.entity)
                if entity is not None and entity.type == "Person":
                    return True
        return False

    def apposed_scope(self, k: int, pattern: TiePattern | None) -> tuple[Mention] | None:
        """What a title ending at token k is of: the first actor named within a few tokens, no
        comma between (a person only for an adviser or envoy; a nisba only when nothing else)."""
        nisba = None
        gaz = self.doc.gazetteer
        for n in range(k, min(len(self.tokens), k + APPOSED_REACH)):
            if n > k and self.punctuation_between(n - 1, n):
                break
            starting = [m for m in self.mentions if m.token_start == n and not self.destination(m)]
            for m in sorted(starting, key=lambda m: (m.kind == "nisba", m.token_start - m.token_end)):
                entity = self.doc.entities.get(m.entity)
                if m.kind == "nisba":
                    nisba = nisba or m
                    continue
                if entity is None or entity.type not in ACTOR_TYPES | REGION_TYPES:
                    continue
                if entity.type == "Person" and (pattern is None or pattern.tie not in PERSON_SCOPES):
                    return None
                if pattern is not None and pattern.tie == "Envoy" and entity.type in PLACE_TYPES | REGION_TYPES \
                        and m.proclitic.endswith("ل"):
                    continue  # "المبعوث الخاص للشرق الأوسط": where he is sent
                return (m,)
            # only a title, a nisba or a head word may stand before what the title is of
            # ("حاكم إقليم دارفور"، "مستشار الرئيس الأمريكي فلان"; not "المتحدث باسم الدفاع المدني لوكالة ...")
            token = self.tokens[n]
            if not (gaz.titles.match_at(self.tokens, n) or token.norm in self.lex.words["head"]
                    or (n > k and token.norm in self.lex.words["head-modifier"] and self.tokens[n - 1].norm in self.lex.words["head"])
                    or any(m.token_start <= n < m.token_end for m in self.mentions)):
                break
        return (nisba,) if nisba is not None else None

    # -- markers --------------------------------------------------------------------------------
    def marker_tie(self, match: PhraseMatch[TiePattern]) -> None:
        pattern = match.value
        if pattern.kind == "capital":
            self.capital_tie(pattern, match)
            return
        if pattern.kind == "lead-verb":
            self.lead_verb_tie(pattern, match)
            return
        subject = self.mention_before(match.start)
        obj = self.object_after(match.end, pattern)
        if pattern.kind in ("lead-marker", "kin-marker"):
            obj = self.leader_after(match.end) or obj
        if subject is None and obj is not None and pattern.kind == "marker":
            subject = self.named_after(match.start, obj.token_end)
        if subject is None or obj is None:
            return
        if pattern.kind == "kin-marker" and not (self.is_person(subject) and self.is_person(obj)):
            return  # "قوات X، نجل ...": kin are people
        if pattern.kind == "place":
            if not set(match.proclitic) & {"و", "ف"}:  # "جنين وشمال الضفة": two places, not one in the other
                self.place_tie(pattern, subject, obj, match)
            return
        if subject.kind == "nisba" and pattern.kind == "marker":
            # "حزب الله اللبناني الموالي لإيران": the party, not Lebanon; "التنظيم اللبناني الموالي": nobody named
            subject = self.mention_before(subject.token_start)
            if subject is None:
                return
        inner, outer = self.doc.entities.get(subject.entity), self.doc.entities.get(obj.entity)
        if pattern.tie == "Affiliation" and inner is not None and outer is not None \
                and inner.type in PLACE_TYPES and outer.type in PLACE_TYPES | REGION_TYPES and self.lex.place_tie:
            # "قرية جردو التابعة لمدينة اطسا"، "مخيم جنين التابع لمحافظة جنين": a place within another
            self.place_tie(TiePattern("place", self.lex.place_tie, (), pattern.confidence), subject, obj, match,
                           attached=True)
            return
        subject_key, object_key = self.actor(subject), self.actor(obj)
        if not subject_key or not object_key:
            return
        if pattern.kind == "lead-marker":
            if inner is not None and inner.type == "State" and not self.is_person(obj):
                return  # "خارطة الطريق المتفق عليها مع السعودية، بقيادة عمانية": a state is led by no state
            subject_key, object_key = object_key, subject_key
            if self.after_delegation(subject):  # "وفد حماس برئاسة فلان": he leads the delegation, of Hamas
                pattern = TiePattern("delegation", self.lex.delegation_tie, (), pattern.confidence)
        self.add(pattern, subject_key, object_key, min(subject.token_start, match.start),
                 max(obj.token_end, subject.token_end), f"tie:{pattern.kind}")

    def named_after(self, start: int, end: int) -> Mention | None:
        """"ميليشيا مسلحة موالية لإيران، تطلق على نفسها اسم «المقاومة الإسلامية في العراق»": an unnamed
        body (a head noun and its adjectives before the marker) named by a naming phrase right after
        the marker's object: the name after that phrase is the subject."""
        k = start
        while k > 0 and self.tokens[k - 1].norm in self.lex.words["descriptor"]:
            k -= 1
        if k == 0 or self.tokens[k - 1].norm not in self.lex.words["head"] | self.lex.words["descriptor-head"] \
                or any(m.token_start <= k - 1 < m.token_end for m in self.mentions):
            return None
        for n in range(end, min(len(self.tokens), end + 2)):
            naming = [m for m in self.lex.naming.match_at(self.tokens, n)]
            if naming:
                after = naming[0].end
                return next((m for m in self.mentions if m.token_start == after and m.kind == "name"
                             and not self.is_person(m)), None)
        return None

    def lead_verb_tie(self, pattern: TiePattern, match: PhraseMatch) -> None:
        """"ويرأس الفريق أول فلان قوات الدعم السريع"، "فلان الذي يتزعم الحركة": the person after the verb
        (past his title) or right before it leads the body named next; a meeting or an attack led
        (ترأس الاجتماع، قاد هجوماً) names no body, so no tie."""
        after = [m for m in self.mentions if match.end <= m.token_start < match.end + TITLE_REACH
                 and not self.punctuation_between(match.end - 1, m.token_start)]
        person = next((m for m in after if self.is_person(m) and m.kind == "name"), None)
        if person is not None and any(m.token_start < person.token_start and not self.is_person(m)
                                      and m.kind not in ("nisba", "qualifier") for m in after):
            person = None  # "يرأس الحركة فلان"? the body came first: not this pattern
        if person is None:
            before = self.mention_before(match.start)
            person = before if before is not None and self.is_person(before) else None
            start = match.end
        else:
            start = person.token_end
        if person is None or start >= len(self.tokens):
            return
        body = next((m for m in self.mentions if m.token_start == start and m.kind not in ("nisba", "qualifier")), None)
        entity = self.doc.entities.get(body.entity) if body is not None else None
        if entity is None or entity.type not in LED_TYPES:
            return
        self.add(pattern, self.actor(person), entity.key, min(person.token_start, match.start), body.token_end,
                 "tie:lead-verb")

    def capital_tie(self, pattern: TiePattern, match: PhraseMatch) -> None:
        """"العاصمة الصومالية مقديشو": the city named after the capital word and a state's nisba lies in that state."""
        nisba = [m for m in self.mentions if m.token_start == match.end and m.kind == "nisba"]
        if not nisba:
            return
        city = [m for m in self.mentions if m.token_start == nisba[0].token_end and m.kind == "name"]
        state = self.doc.state_of(nisba[0].entity)
        place = self.doc.entities.get(city[0].entity) if city else None
        if place is None or place.type not in PLACE_TYPES or not state or state == place.key:
            return
        self.add(pattern, place.key, state, match.start, city[0].token_end, "tie:capital")

    def leader_after(self, k: int) -> Mention | None:
        """"بقيادة رئيس مجلس السيادة عبد الفتاح البرهان"، "برئاسة الدكتور فلان": the titled person
        named after the lead marker, past his title or honorific."""
        gaz = self.doc.gazetteer
        while k < len(self.tokens) and self.tokens[k].norm in self.lex.words["honorific"]:
            k += 1
        if k >= len(self.tokens):
            return None
        if not gaz.titles.match_at(self.tokens, k):
            starting = [m for m in self.mentions if m.token_start == k and m.kind == "name"]
            person = [m for m in starting if (e := self.doc.entities.get(m.entity)) is not None and e.type == "Person"]
            return person[0] if person else None
        for m in self.mentions:
            if k < m.token_start <= k + TITLE_REACH and m.titled and m.kind == "name":
                entity = self.doc.entities.get(m.entity)
                if entity is not None and entity.type == "Person" and not self.punctuation_between(k, m.token_start - 1):
                    return m
        return None

    def after_delegation(self, mention: Mention) -> bool:
        """Is the mention the owner of a delegation ("وفد حماس")?"""
        i = mention.token_start - 1
        if i >= 1 and self.tokens[i].norm in self.lex.words["link"]:
            i -= 1  # "وفد من الحركة"
        return i >= 0 and self.tokens[i].norm in self.lex.delegations

    def place_tie(self, pattern: TiePattern, place: Mention, region: Mention, match: PhraseMatch,
                  attached: bool = False) -> None:
        """`attached`: said with التابعة لـ, so a place may lie in one of its own kind (a camp or
        village of a town)."""
        inner, outer = self.doc.entities.get(place.entity), self.doc.entities.get(region.entity)
        if inner is None or outer is None or place.kind == "nisba" or region.kind == "nisba" or inner.key == outer.key:
            return
        if inner.type not in PLACE_TYPES or outer.type not in REGION_TYPES | ({"Place"} if attached else set()) \
                or RANK[inner.type] > RANK[outer.type] or (RANK[inner.type] == RANK[outer.type] and not attached):
            return  # "قتل في غزة في رفح"? a place lies only within a larger kind of place
        self.add(pattern, inner.key, outer.key, place.token_start, region.token_end, "tie:place")

    def mention_before(self, k: int) -> Mention | None:
        """The mention ending right before token k, past what may stand between: a descriptive
        adjective (جماعة «…» الإرهابية التابعة لـ), a parenthesis and a comma (جبهة تحرير تيغراي
        (TPLF)، بقيادة), an apposed description after a comma (حركة الشباب، الجماعة الإرهابية المرتبطة بـ)
        or after وهي (كتائب حزب الله، وهي جماعة مدعومة من إيران)."""
        s = self.sentence
        j = k
        for _ in range(BEFORE_REACH + 1):
            ending = [m for m in self.mentions if m.token_end == j and m.kind != "qualifier"]
            if ending:
                return max(ending, key=lambda m: m.token_end - m.token_start)
            if j == 0:
                return None
            token = self.tokens[j - 1]
            left = s.text[(self.tokens[j - 2].end if j > 1 else s.start) - s.start:token.start - s.start]
            right = s.text[token.end - s.start:(self.tokens[j].start if j < len(self.tokens) else s.end) - s.start]
            apposer = self.lex.words["apposer"]
            heads = self.lex.words["head"] | self.lex.words["descriptor-head"]
            after_apposer = j > 1 and self.tokens[j - 2].norm in apposer
            if not (token.norm in self.lex.words["descriptor"] or ("(" in left and ")" in right)
                    or (token.norm in heads and (re.search("[،,\\-–]", left) or after_apposer))
                    or (token.norm in apposer and re.search("[،,]", left))):
                return None
            j -= 1
        return None

    def object_after(self, k: int, pattern: TiePattern) -> Mention | None:
        """The mention the pattern's object marker introduces at token k."""
        if k >= len(self.tokens):
            return None
        if NISBA_OBJECT in pattern.markers:  # "المدعومة إماراتياً": the state of the nisba right after
            return next((m for m in self.mentions if m.token_start == k and m.kind == "nisba"), None)
        words = [m for m in pattern.markers if " " not in m and len(m) > 1]
        letters = [m for m in pattern.markers if len(m) == 1]
        start = k + 1 if self.tokens[k].norm in words else k
        headed = False
        if start == k and letters and k + 1 < len(self.tokens) and not any(m.token_start == k for m in self.mentions):
            head = self.tokens[k].norm
            if any(head.startswith(letter) and head[len(letter):] in self.lex.words["head"] for letter in letters):
                start, headed = k + 1, True  # "التابع لمحافظة جنين": the marker on the place's head word
        starting = [m for m in self.mentions if m.token_start == start]
        if not starting:
            return None
        mention = max(starting, key=lambda m: m.token_end - m.token_start)
        if pattern.markers and start == k and not (letters and mention.proclitic.endswith(tuple(letters))) and not headed:
            return None  # the object must carry its marker ("التابعة لـ"، "المرتبطة بـ")
        return mention

    def is_person(self, mention: Mention) -> bool:
        entity = self.doc.entities.get(mention.entity)
        return entity is not None and entity.type == "Person" and mention.kind != "nisba"

    def actor(self, mention: Mention) -> str:
        """The actor a mention stands for (a nisba stands for its state)."""
        if mention.kind == "nisba":
            return self.doc.state_of(mention.entity)
        entity = self.doc.entities.get(mention.entity)
        return entity.key if entity is not None and entity.type in ACTOR_TYPES else ""

    # -- output ---------------------------------------------------------------------------------
    def add(self, pattern: TiePattern, subject: str, obj: str, start: int, end: int, rule: str) -> None:
        if subject == obj or (pattern.tie, subject, obj) in self.found:
            return
        first, last = self.tokens[start], self.tokens[end - 1]
        s = self.sentence
        self.found[(pattern.tie, subject, obj)] = Event(
            # the end too: two ties may start at one title word ("الأمين العام … X، … المتحدث باسمه Y")
            id=f"{first.start}-{last.end}-{pattern.tie}", type=pattern.tie, relation=implied_relation(pattern.tie),
            sentence=s.index, start=first.start, end=last.end,
            trigger=s.text[first.start - s.start:last.end - s.start], rule=rule,
            confidence=pattern.confidence, agents=[subject], targets=[obj],
        )


def find_ties(doc: DocumentEntities, sentence: Sentence, mentions: list[Mention]) -> list[Event]:
    return TieReader(doc, sentence, mentions).read()


def extraction_ties(extraction) -> list[Event]:
    """The ties of a whole extraction (for a pipeline without the ties step, and for tests)."""
    from kg.extract.gazetteer import load_gazetteer

    doc = DocumentEntities(load_gazetteer(), extraction.document.date, entities=extraction.entities,
                           mentions=extraction.mentions)
    return [tie for sentence in extraction.sentences for tie in find_ties(doc, sentence, extraction.mentions)]


def register() -> None:
    """Declare the ties step to the pipeline's components, when that package is there."""
    try:
        from kg.extract.components import COMPONENTS, factory
    except ImportError:
        return
    if "ties" in COMPONENTS:
        return

    @factory("ties", "sentence", requires=("entities", "sentence.sentence", "sentence.mentions", "sentence.events"),
             assigns=("sentence.events",))
    def ties(doc, state) -> None:
        state.events = state.events + find_ties(doc.entities, state.sentence, state.mentions)


register()
