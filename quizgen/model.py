"""Plain dataclasses that flow between pipeline stages.

read -> :class:`Source`; clean -> cleaned text; structure -> :class:`Document`
(sections, paragraphs, sentences); phrases -> :class:`Phrase` and :class:`SiblingSet`
attached to the document; items -> :class:`Item`; export consumes a :class:`Deck`.
Offsets (``start``/``end``) always index into ``Document.text``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

ITEM_KINDS = ("cloze", "choice", "multi", "judge")


@dataclass
class Source:
    """A document as read from disk (or the built-in sample), before cleaning."""

    title: str
    text: str
    path: Path | None = None
    encoding: str = "utf-8"

    @property
    def label(self) -> str:
        return str(self.path) if self.path else f"<built-in: {self.title}>"


@dataclass
class Sentence:
    index: int  # position in the document (0-based)
    start: int
    end: int
    text: str
    paragraph: int  # paragraph index
    section: int  # section index


@dataclass
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    section: int
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Section:
    """A heading and the paragraphs under it.

    Section 0 with ``heading == ""`` is the introduction (text before the first heading).
    """

    index: int
    heading: str  # heading text without its ordinal marker, e.g. "突出重点，分清主次"
    marker: str = ""  # the ordinal marker as written, e.g. "一是", "（一）", "第三条"
    number: int = 0  # ordinal value of the marker (1-based); 0 for the introduction
    level: int = 1
    style: str = ""  # marker family, e.g. "shi", "dun", "paren", "tiao", "md"
    start: int = 0
    end: int = 0
    heading_end: int = 0  # offset where the heading text ends (body starts after)
    parent: int | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def title(self) -> str:
        """Display title as used in deck names: 一、突出重点，分清主次."""
        if not self.heading:
            # an article (第三条) or a numbered rule without a heading goes by its marker
            return self.marker.strip().rstrip("：:，,") if self.marker else "引言"
        if self.number and self.style != "md":
            return f"{to_chinese_numeral(self.number)}、{self.heading}"
        return self.heading


@dataclass
class Phrase:
    """A span worth asking about."""

    text: str
    kind: str  # heading, enumeration, parallel, quote, definition, idiom, term, figure
    start: int
    end: int
    sentence: int  # sentence index
    section: int  # section index
    score: float = 0.0
    set_id: int | None = None  # sibling set it belongs to


@dataclass
class SiblingSet:
    """Parallel items (of an enumeration, a frame or a heading level): natural distractors."""

    id: int
    kind: str  # enumeration, frame, parallel, headings
    members: list[Phrase]
    label: str = ""  # what the set is about, e.g. "四心" or the frame "X要在Y上下功夫"
    frame: str = ""  # template with {} for the slot, for parallel frames
    count: int | None = None  # count announced by the text ("五个方面"), if any
    subjects: list[str] = field(default_factory=list)  # per member: the frame's other slot
    markers: list[str] = field(default_factory=list)  # per member: its ordinal marker (一是, （三）), if listed

    @property
    def texts(self) -> list[str]:
        return [m.text for m in self.members]


@dataclass
class Document:
    id: str  # stable document key (used for note GUIDs)
    title: str
    text: str  # cleaned text
    source: str = ""  # where it came from (path or "built-in")
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    phrases: list[Phrase] = field(default_factory=list)
    sibling_sets: list[SiblingSet] = field(default_factory=list)

    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    def starts(self, name: str) -> list[int]:
        """Start offsets of the ``sections``, ``paragraphs`` or ``sentences``, for
        bisection (rebuilt while the list is still growing)."""
        spans = getattr(self, name)
        starts = self._starts.get(name)
        if starts is None or len(starts) != len(spans):
            starts = self._starts[name] = [s.start for s in spans]
        return starts

    def section_of(self, offset: int) -> Section:
        return self.sections[max(0, bisect_right(self.starts("sections"), offset) - 1)]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect_right(self.starts("sentences"), offset) - 1
        return self.sentences[i] if i >= 0 and offset < self.sentences[i].end else None

    def paragraph_at(self, offset: int) -> Paragraph:
        return self.paragraphs[max(0, bisect_right(self.starts("paragraphs"), offset) - 1)]


@dataclass
class Item:
    """One study item. Which fields are set depends on ``kind``.

    cloze: ``text`` in Anki cloze syntax; choice/multi: ``question``, ``options``,
    ``answer`` (list of 0-based indexes); judge: ``statement``, ``answer`` (bool).
    """

    id: str  # stable key: location and kind, never derived from wording
    kind: str
    section: str  # section title, e.g. 一、突出重点，分清主次
    document: str = ""  # id of the document it came from (part of the note GUID)
    source: str = ""  # the source sentence(s)
    text: str | None = None
    question: str | None = None
    options: list[str] | None = None
    answer: list[int] | bool | None = None
    statement: str | None = None
    explanation: str = ""
    hint: str = ""
    tags: list[str] = field(default_factory=list)
    enabled: bool = True


@dataclass
class Deck:
    name: str
    documents: list[Document]
    items: list[Item]
    source: str = ""
    script: str | None = None  # simplified or traditional: the script of the labels quizgen adds


_DIGITS = "零一二三四五六七八九"


def to_chinese_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一, 105 -> 一百零五."""
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        head = _DIGITS[n // 100] + "百"
        if rest == 0:
            return head
        if rest < 10:
            return head + "零" + _DIGITS[rest]
        if rest < 20:
            return head + "一" + to_chinese_numeral(rest)
        return head + to_chinese_numeral(rest)
    return str(n)
