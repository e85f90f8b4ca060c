"""What every finder works on: the document, the phrases and sibling sets found so far,
and the helpers finders share.

A :class:`FinderContext` is made once per document by :func:`quizgen.analyse.phrases.find_phrases`
and handed to each finder of :data:`quizgen.analyse.finders.FINDERS` in turn. Whatever the
finder, :meth:`FinderContext.add` keeps a phrase only when it starts and ends on word
boundaries of its sentence, is no junk (:func:`quizgen.analyse.junk.is_junk`) and does not
come from the enactment formula, the dateline or the title; the same span found twice is
one phrase, in the reading with the better score.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..lang import chunks, segment
from ..lang.numerals import CN_NUM_CHARS
from ..lang.segment import Token
from ..model import Document, Phrase, Sentence, SiblingSet
from .junk import is_junk
from .structure import is_article

KIND_WEIGHT = {
    "heading": 1.0,
    "enumeration": 0.95,
    "parallel": 0.9,
    "quote": 0.85,
    "figure": 0.8,
    "body": 0.8,
    "definition": 0.75,
    "idiom": 0.7,
    "term": 0.5,
    "clause": 0.5,
}
CLAUSE_SCORE = 0.45
SHORT_CLAUSE_SCORE = 0.62  # 从轻处罚, 不计入上述期限: a short predicate is the rule's point
_SHORT_CLAUSE = 10
MIN_PHRASE, MAX_CLAUSE = 4, 24  # the length of a clause worth learning, in characters

_MARKUP = frozenset("{}<>[]|\\:")
_PARTY = re.compile(r"某|^[A-Za-z]{1,3}(?:公司)?$|^[一二两三四五六七八九十]?(?:原告|被告|甲方|乙方|丙方)$")
# Sentences that only enact the text or date it (为…，根据…，制定本解释。 / …会议通过); the
# document's title line (# …) is skipped as well.
_BOILERPLATE = re.compile(r"(?:制定本|作如下|作出如下|现就|特作|解释如下|批复如下|规定如下|通知如下"
                          r"|^\d{4}年\d{1,2}月\d{1,2}日\s.{0,60}(?:通过|公布|施行|发布|修正|修订|印发)$)")
_LEADING_MARKER = re.compile(rf"^\s*(?:第[{CN_NUM_CHARS}\d]+[条章节]|[{CN_NUM_CHARS}]+[是要]|[{CN_NUM_CHARS}]+、"
                             rf"|[（(][{CN_NUM_CHARS}\d]+[)）]|\d+[.、．](?!\d)|第[{CN_NUM_CHARS}]+[，,、])\s*")
# The addressees a reply or notice opens with: 各省、自治区、直辖市高级人民法院，解放军军事法院：
_ADDRESSEE = re.compile(r"[^，：]{2,40}(?:院|局|厅|部|委员会|机关|单位)")


def _addressees(sentence: str) -> bool:
    """A line of bodies separated by commas that ends with a colon."""
    return sentence.endswith("：") and all(_ADDRESSEE.fullmatch(part) for part in sentence[:-1].split("，"))


_BACKGROUND_SHARE = 0.25  # a word in a quarter of the sentences is background, not a key
_FUNCTION = frozenset("的 之 和 与 及 或 或者 以及 等 对 在 了".split())


@dataclass
class FinderContext:
    """One document under analysis: what the finders found so far, and the words,
    clauses and background of its sentences, each worked out once."""

    doc: Document
    phrases: list[Phrase] = field(default_factory=list)
    sets: list[SiblingSet] = field(default_factory=list)
    background: frozenset[str] = frozenset()
    _tokens: dict[int, list[Token]] = field(default_factory=dict)
    _clauses: dict[int, list[list[Token]]] = field(default_factory=dict)
    _by_span: dict[tuple[int, int], Phrase] = field(default_factory=dict)
    _edges: dict[int, set[int]] = field(default_factory=dict)
    _background_phrases: dict[tuple[str, ...], bool] = field(default_factory=dict)
    _skipped: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        self._skipped = frozenset(s.index for s in self.doc.sentences
                                  if _BOILERPLATE.search(s.text) or _addressees(s.text) or s.text.startswith("# "))
        self.background = self._background_words()

    def _background_words(self) -> frozenset[str]:
        """Words so frequent in this text that they are its background (人民法院 in a
        judicial interpretation, 游戏 in a case about a game), never an answer alone."""
        counts: Counter[str] = Counter()
        for sentence in self.doc.sentences:
            counts.update({t.text for t in self.tokens(sentence) if len(t.text) >= 2})
        floor = max(4, _BACKGROUND_SHARE * len(self.doc.sentences))
        return frozenset(w for w, n in counts.items() if n >= floor)

    # --- reading the document --------------------------------------------------------

    def sentences(self) -> list[Sentence]:
        """The sentences worth reading (not the enactment formula or the dateline)."""
        return [s for s in self.doc.sentences if s.index not in self._skipped]

    def tokens(self, sentence: Sentence) -> list[Token]:
        """The sentence's words, without the ordinal marker it may open with (第二条, （一）)."""
        found = self._tokens.get(sentence.index)
        if found is None:
            words = self.doc.tokens(sentence)
            marker = _LEADING_MARKER.match(sentence.text)
            if marker:
                skip = sentence.start + marker.end()
                words = [t for t in words if t.start >= skip]
            found = self._tokens[sentence.index] = words
        return found

    def clauses(self, sentence: Sentence) -> list[list[Token]]:
        """The sentence's words split into clauses (memoised: several finders read them)."""
        found = self._clauses.get(sentence.index)
        if found is None:
            found = self._clauses[sentence.index] = chunks.split_clauses(self.tokens(sentence))
        return found

    def text(self, tokens: list[Token]) -> str:
        """The text a run of tokens covers (a slice, cheaper than joining the words)."""
        return self.doc.text[tokens[0].start:tokens[-1].end] if tokens else ""

    def in_article(self, sentence: Sentence) -> bool:
        return is_article(self.doc.sections[sentence.section])

    def sentence_index(self, offset: int) -> int:
        sentence = self.doc.sentence_at(offset)
        return sentence.index if sentence is not None else -1

    def section_index(self, offset: int) -> int:
        return self.doc.section_of(offset).index

    def is_background(self, phrase: str | list[Token]) -> bool:
        """Mostly made of background words (人民检察院控告…: no; 行政执法机关: yes), or
        a party's name (马某, X公司, 甲方). Takes the phrase's words when known."""
        words = tuple(t.text for t in phrase) if isinstance(phrase, list) else tuple(segment.cut(phrase))
        found = self._background_phrases.get(words)
        if found is None:
            found = self._background_phrases[words] = self._mostly_background(words)
        return found

    def _mostly_background(self, words: tuple[str, ...]) -> bool:
        if _PARTY.search("".join(words)):
            return True
        content = [w for w in words if w not in _FUNCTION]
        total = sum(len(w) for w in content)
        return total == 0 or sum(len(w) for w in content if w in self.background) >= 0.75 * total

    def kind_at(self, start: int, end: int) -> str | None:
        """The kind of the phrase found at exactly this span, if any."""
        known = self._by_span.get((start, end))
        return known.kind if known is not None else None

    # --- adding phrases and sibling sets ---------------------------------------------

    def add(self, text: str, kind: str, start: int, score: float | None = None) -> Phrase | None:
        """The phrase ``text`` of ``kind`` at ``start`` (a few characters off is found),
        scored ``score`` or its kind's weight; ``None`` when it may not be asked."""
        text = text.strip()
        end = start + len(text)
        if self.doc.text[start:end] != text:  # a start a few characters off, never elsewhere
            found = self.doc.text.find(text, max(0, start - 5), end + 5) if text else -1
            if found < 0:
                return None
            start, end = found, found + len(text)
        score = KIND_WEIGHT[kind] if score is None else score
        known = self._by_span.get((start, end))
        if known is not None:  # found again by another finder: the better reading wins
            if score > known.score:
                known.kind, known.score = kind, score
            return known
        if is_junk(text) or (kind != "heading" and text.startswith(chunks.CATCH_ALL)) or self._in_markup(start, end):
            return None
        found_in = self.doc.sentence_at(start)
        sentence = found_in.index if found_in is not None else -1
        if sentence in self._skipped or not self._on_word_edges(sentence, start, end):
            return None
        section = found_in.section if found_in is not None else self.section_index(start)
        phrase = Phrase(text, kind, start, end, sentence, section, score)
        self.phrases.append(phrase)
        self._by_span[(start, end)] = phrase
        return phrase

    def _in_markup(self, start: int, end: int) -> bool:
        """事由 in {{c1::事由}}: text inside markup the source carried is not asked."""
        return self.doc.text[start - 1:start] in _MARKUP or self.doc.text[end:end + 1] in _MARKUP

    def _on_word_edges(self, index: int, start: int, end: int) -> bool:
        """A deletion must not cut through a word of its sentence (…2014年3月1|日起)."""
        if index < 0:
            return True
        edges = self._edges.get(index)
        if edges is None:
            sentence = self.doc.sentences[index]
            edges = self._edges[index] = {t.start for t in self.doc.tokens(sentence)} | {sentence.end}
        return start in edges and end in edges

    def add_clause(self, tokens: list[Token], score: float = CLAUSE_SCORE) -> None:
        """A clause (or a part of one) as a phrase, unless it opens on a particle or a
        catch-all or is mostly background; a short one at the plain clause score is
        scored as the rule's point."""
        text = self.text(tokens)
        if tokens[0].tag in ("u", "uj", "ul", "x", "c") or tokens[0].text in chunks.CATCH_ALL:
            return
        if self.is_background(tokens):
            return
        if score == CLAUSE_SCORE and len(text) <= _SHORT_CLAUSE:
            score = SHORT_CLAUSE_SCORE
        self.add(text, "clause", tokens[0].start, score)

    def group(self, kind: str, members: Sequence[Phrase | None], markers: list[str] | None = None,
              **kw: Any) -> SiblingSet | None:
        """A sibling set of the members found (``None``: not a phrase); ``markers``, one per
        member given, are the ordinal markers the structure stage read before them."""
        kept = [(i, m) for i, m in enumerate(members) if m is not None]
        found = [m for _, m in kept]
        if len(found) < 2 or len({m.text for m in found}) < len(found):
            return None
        sibling = SiblingSet(len(self.sets), kind, found,
                             markers=[markers[i] for i, _ in kept] if markers else [], **kw)
        for m in found:
            m.set_id = sibling.id
        self.sets.append(sibling)
        return sibling


def split_at(tokens: list[Token], word: str) -> list[list[Token]]:
    """The runs of ``tokens`` between occurrences of ``word`` (empty runs dropped)."""
    parts: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.text == word:
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def common_suffix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their end (0 when one is the other's
    tail)."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n if n < min(len(a), len(b)) else 0
