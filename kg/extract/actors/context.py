"""One sentence being read: its tokens, the mentions it yields, and lookups every reader shares."""
from __future__ import annotations

from kg.extract.actors.document import DocumentEntities
from kg.extract.gazetteer import NameHit
from kg.extract.phrases import PhraseMatch
from kg.model import Mention, Sentence, Token

QUOTE_MARKS = " \t\n\u00a0«»\"“”'"


class SentenceContext:
    """The shared state of the readers of one sentence (document memory lives in `doc`)."""

    def __init__(self, doc: DocumentEntities, sentence: Sentence) -> None:
        self.doc = doc
        self.gaz = doc.gazetteer
        self.sentence = sentence
        self.tokens: list[Token] = sentence.tokens
        # the characters between token k-1 and token k, and whether they hold punctuation: asked
        # ~60 times a sentence by the readers (title reach, name ends), so sliced once
        tokens, text, offset = self.tokens, sentence.text, sentence.start
        self.gaps = [""] + [text[a.end - offset:b.start - offset] for a, b in zip(tokens, tokens[1:])]
        self.punctuated = [bool(gap.strip(QUOTE_MARKS)) for gap in self.gaps]

    def add(self, key: str, start: int, end: int, rule: str, confidence: float,
            kind: str = "name", proclitic: str = "") -> Mention:
        """Record a mention of `key` over tokens [start, end)."""
        tokens = self.tokens
        mention = Mention(
            entity=key, sentence=self.sentence.index, start=tokens[start].start,
            end=tokens[end - 1].end,
            surface=self.surface(start, end), rule=rule, confidence=confidence, kind=kind,
            token_start=start, token_end=end, proclitic=proclitic,
        )
        self.doc.mentions.append(mention)
        state = self.doc.state_of(key)
        if state:
            self.doc.state_counts[state] = self.doc.state_counts.get(state, 0) + 1
        return mention

    def surface(self, start: int, end: int) -> str:
        s = self.sentence
        return s.text[self.tokens[start].start - s.start: self.tokens[end - 1].end - s.start]

    def gap_before(self, k: int) -> str:
        """The characters between token k-1 and token k ("" before the first)."""
        return self.gaps[k]

    def punctuation_before(self, k: int) -> bool:
        """Punctuation (not quotation marks) between token k-1 and token k."""
        return self.punctuated[k]

    def name_at(self, i: int) -> tuple[PhraseMatch[NameHit] | None, str]:
        """The gazetteer name or document alias at token i, and which of the two it is."""
        matches = self.gaz.names.match_at(self.tokens, i) if i < len(self.tokens) else []
        local = self.doc.aliases.match_at(self.tokens, i) if i < len(self.tokens) else []
        if local and (not matches or local[0].end > matches[0].end or self.own_namesake(local[0], matches)):
            return local[0], "alias"
        if not matches:
            return None, ""
        names = [m for m in matches if m.value.kind == "name"]
        nisbas = [m for m in matches if m.value.kind == "nisba"]
        if names and nisbas and any(mark in self.tokens[i].text for mark in self.gaz.words("accusative-mark")):
            return nisbas[0], "gazetteer"  # an accusative adjective, not the state
        if len({m.value.key for m in names}) > 1:
            return self.doc.choose(names), "gazetteer"  # a homograph: the document decides
        best = (names or matches)[0]
        if not self.doc.weak_reading_holds(self.tokens, best):
            return None, ""  # "دعم مالي"، "الأزمة المالية" in an article that never names Mali
        return best, "gazetteer"

    def own_namesake(self, local: PhraseMatch[NameHit], matches: list[PhraseMatch[NameHit]]) -> bool:
        """"اعتقال جبريل الزبيدي ... الزبيدي هو ناشط": a surname the article gave a person of its own is
        that person, not the famous namesake the article never named."""
        mine = self.doc.entities.get(local.value.key)
        return mine is not None and mine.type == "Person" and local.end == matches[0].end \
            and all(m.value.key not in self.doc.entities and (e := self.gaz.entities.get(m.value.key)) is not None
                    and e.type == "Person" for m in matches)

    def nationality_at(self, i: int) -> tuple[str, int, str]:
        """A state named at token i by its nisba or name (or 'in <capital>'): (key, end, proclitic)."""
        match, _ = self.name_at(i)
        if match is None:
            return "", i, ""
        state = self.doc.state_of(match.value.key)
        entity = self.doc.lookup(match.value.key)  # a person the article named (باسم بوش) is no nationality
        if not state or (entity and entity.type != "State" and match.value.kind != "nisba"):
            return "", i, ""
        return state, match.end, match.proclitic

    def defined_place_heads(self) -> frozenset[str]:
        """الإقليم، الولاية، المدينة: a place head with the article, standing for the place named last."""
        article = self.gaz.words("article")[0]
        return frozenset(article + word for word in self.gaz.word_keys("place-head"))

    def place_anaphor(self, j: int) -> str:
        """The city or region a defined place head at token j stands for (the one named last), or ""."""
        if j >= len(self.tokens) or self.tokens[j].norm not in self.defined_place_heads():
            return ""
        return self.doc.recent_place(self.tokens[j].start)

    def is_person(self, key: str) -> bool:
        entity = self.doc.lookup(key)
        return entity is not None and entity.type == "Person"

    def starts_lexicon(self, k: int) -> bool:
        """Does a verb frame, title, institution or known name start at token k?"""
        from kg.extract.frames import frame_index

        return bool(
            frame_index().match_at(self.tokens, k)
            or self.gaz.titles.match_at(self.tokens, k)
            or self.gaz.institutions.match_at(self.tokens, k)
            or self.name_at(k)[0]
        )
