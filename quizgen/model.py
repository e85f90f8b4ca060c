"""Plain dataclasses that flow between pipeline stages.

read -> :class:`Source`; clean -> cleaned text; structure -> :class:`Document`
(sections, paragraphs, sentences, enumerations); finders -> :class:`Phrase` and
:class:`SiblingSet` attached to the document; generators -> items
(:mod:`quizgen.items`); export consumes a :class:`Deck`.
Offsets (``start``/``end``) always index into ``Document.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .lang import segment
from .lang.numerals import chinese_number
from .lang.segment import Token

if TYPE_CHECKING:  # annotations only: the distractor stage builds the index, items come later
    from .generate.distractors import DistractorIndex
    from .items import Item
    from .rank.select import Selection

MAX_LEAD_LINE = 40  # characters of a lead or heading line a section line may show for its number alone
MIN_UNDER_HEADING = 20  # characters a numbered line must have under it to be a heading
_RULE_WORDS = re.compile(r"应当|应|不得|必须|须|可以|由|是指|禁止|严禁|的[，,]")  # a rule, no heading: 一、…统一由…受理。


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
class ListItem:
    """One item of an ordinal enumeration (a line or an inline ``一是…``)."""

    number: int
    marker: str
    text: str  # item text after the marker (up to the next marker)
    core: str  # the short phrase that names the item
    start: int  # offset of the marker
    core_start: int
    paragraph: int


@dataclass
class Enumeration:
    style: str  # e.g. "shi", "yao", "paren", "inline-shi"
    items: list[ListItem]
    intro: str = ""  # the sentence that announces the list, if any
    count: int | None = None  # number announced in the intro ("五个方面" -> 5)
    label: str = ""  # "五个方面", "四心"
    inline: bool = False
    headings: bool = False  # the items are the document's section headings


@dataclass
class Document:
    """A cleaned text and what the stages found in it: structure (sections, paragraphs,
    sentences, enumerations), then key phrases and sibling sets.

    The fields after ``sibling_sets`` are per-document caches that later stages fill
    (declared here, never attached on the fly): words per sentence, span starts for
    bisection, item locations, and the distractor index.
    """

    id: str  # stable document key (used for note GUIDs)
    title: str
    text: str  # cleaned text
    source: str = ""  # where it came from (path or "built-in")
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    enumerations: list[Enumeration] = field(default_factory=list)
    phrases: list[Phrase] = field(default_factory=list)
    sibling_sets: list[SiblingSet] = field(default_factory=list)

    _tokens: dict[int, list[Token]] = field(default_factory=dict, repr=False, compare=False)
    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    locations: dict[int, str] = field(default_factory=dict, repr=False, compare=False)
    distractor_index: DistractorIndex | None = field(default=None, repr=False, compare=False)
    selection: Selection | None = field(default=None, repr=False, compare=False)  # quizgen.rank.Selection, once made

    def tokens(self, sentence: Sentence) -> list[Token]:
        """The sentence's words, cut once per document."""
        found = self._tokens.get(sentence.index)
        if found is None:
            found = self._tokens[sentence.index] = segment.tokens(sentence.text, sentence.start)
        return found

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The words of ``text[start:end]`` (inside one sentence), from the sentence's cut
        when its words line up with ``start``."""
        sentence = self.sentence_at(start)
        if sentence is not None:
            inside = [t for t in self.tokens(sentence) if t.start >= start and t.end <= end]
            if inside and inside[0].start == start:
                return inside
        return segment.tokens(self.text[start:end], start)

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

    def section_line(self, index: int) -> str:
        """The section line a card of section ``index`` shows: its title, and for a rule
        numbered 1., 2. … without a heading, the heading it stands under instead (六、海事特别程序案件:
        the number alone does not say what the rule is about, and beside the heading it is markup —
        一、涉密载体的使用和保存　4、, office58)."""
        section = self.sections[index]
        parent = self.sections[section.parent] if section.parent is not None else None
        if section.style == "arabic" and not section.heading and parent is not None and parent.heading:
            return parent.title
        if not section.heading and section.marker and section.style not in ("tiao", "zhang", "jie"):
            # a numbered rule that opens with its list's lead: 一、系统管理员，主要职责如下： (office58: the bare 一、
            # was judged markup); and one whose line is a single short sentence with more under it
            # (四、努力提高学生理论学习和思想道德建设的有效性。: gen60, "a section heading used as the note")
            end = self.text.find("\n", section.start, section.end)
            end = section.end if end < 0 else end
            line = self.text[section.start:end].strip()
            lead = line[len(section.marker):].strip() if line.startswith(section.marker) else ""
            heads = lead.endswith(("：", ":")) or (not re.search(r"[。！？；;!?]", lead.rstrip("。"))
                                                   and not _RULE_WORDS.search(lead)
                                                   and section.end - end > MIN_UNDER_HEADING)
            if heads and 2 <= len(lead) <= MAX_LEAD_LINE:
                return f"{section.marker}{lead.rstrip('：:。')}"
        return section.title

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect_right(self.starts("sentences"), offset) - 1
        return self.sentences[i] if i >= 0 and offset < self.sentences[i].end else None

    def paragraph_at(self, offset: int) -> Paragraph:
        return self.paragraphs[max(0, bisect_right(self.starts("paragraphs"), offset) - 1)]


@dataclass
class Deck:
    name: str
    documents: list[Document]
    items: list[Item]
    source: str = ""
    script: str | None = None  # simplified or traditional: the script of the labels quizgen adds
    # items gone from the text since an earlier build (quizgen.export.previous): their ids
    # are never given to another item; the JSON export lists them under "retired"
    retired: list[dict[str, str]] = field(default_factory=list)

    def section_path(self, item: Item) -> tuple[str, ...]:
        """Where an item sits below the deck: its section, under its document's title when
        the deck merges several documents (one subdeck each)."""
        if len(self.documents) < 2:
            return (item.section,)
        title = next((d.title for d in self.documents if d.id == item.document), item.document)
        return (title, item.section)

    def section_label(self, item: Item) -> str:
        """:meth:`section_path` as one line (``文档::一、…``), as cards and exports show it."""
        return "::".join(self.section_path(item))


def to_chinese_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 21 -> 二十一, 105 -> 一百零五, 0 -> 零."""
    if n < 0:
        raise ValueError(n)
    return chinese_number(n) if n else "零"
