"""The study items the generators make and the exporters write, one class per kind.

* :class:`Cloze` - a sentence with deletions in Anki cloze syntax (``{{c1::答案}}``);
* :class:`Choice` - 单项选择题: a question, options and the one right option;
* :class:`Multi` - 多项选择题: a question, options and two or more right options;
* :class:`Judge` - 判断题: a statement that is true or false.

:data:`Item` is their union: code that handles items dispatches with ``match`` and ends
with ``case _: assert_never(item)``, so a kind that one exporter forgets fails the type
check. Every class knows its rules (:meth:`validate`), which the paper, the review file
and ``quizgen check`` all apply; each problem carries a reason code.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeAlias

from . import itemchecks
from .errors import quoted
from .lang import markup

LETTERS = "ABCDEFGHIJ"  # option letters: at most ten options


@dataclass(frozen=True)
class Reason:
    """Why an item is refused: a stable ``code`` (for counting), a message for people, and
    the field at fault (``index``: which of its options) so a file can point at its line."""

    code: str
    message: str
    field: str = ""
    index: int | None = None

    def __str__(self) -> str:
        return self.message


@dataclass
class _Item:
    """What every kind has: a stable id, where it comes from, and its tags."""

    kind: ClassVar[str]
    label: ClassVar[str]  # the exam-paper name of the kind, e.g. 单项选择题
    text_fields: ClassVar[tuple[str, ...]]  # fields a learner reads (converted by --script)

    id: str  # stable key: location and kind, never derived from wording
    section: str  # title of the section it comes from, e.g. 一、突出重点，分清主次
    document: str = ""  # id of its document (part of the note GUID)
    source: str = ""  # the source sentence(s), plain text
    explanation: str = ""
    tags: list[str] = field(default_factory=list)
    enabled: bool = True
    score: float | None = None  # 0–1, how likely a trainer wants it (quizgen.rank)

    @property
    def cards(self) -> int:
        """The Anki cards its note makes."""
        return 1

    def validate(self) -> list[Reason]:
        return []

    def answers(self) -> list[str]:
        """What the learner must produce (plain text): deletions or right options."""
        return []

    def hides_section(self, section: str) -> bool:
        """The section line would give the answer away: cards hide it on the front."""
        return any(itemchecks.shows_answer(section, a, self.shown()) for a in self.answers())

    def shown(self) -> str:
        """The text its front shows whatever is asked (a note without its blanks, a stem)."""
        return ""

    def _context_problems(self, front: str) -> list[str]:
        return ((["case-facts"] if itemchecks.tells_case_facts(self.section) else [])
                + (["example"] if itemchecks.tells_an_example(self.source) else [])
                + (["first-person"] if itemchecks.speaks_for_oneself(front) else []))

    def quality(self) -> list[Reason]:
        """Why a trainer would delete it (a stem without its subject, a blank cut through a
        word, an answer visible on the front, ...): reasons a build drops it for and
        ``quizgen check`` reports. :meth:`validate` is about form; this is about use."""
        return []

    def own_explanation(self) -> str:
        """The explanation without its quote of the source sentence (原文：“…”（section）),
        which papers and cards print anyway as 出处."""
        text = self.explanation.strip()
        source = self.source.strip()
        if source:
            text = re.sub("原文[：:]\\s*“" + re.escape(source) + "”(（[^（）]*）)?[。；]?", "", text).strip()
        return text


@dataclass
class Cloze(_Item):
    kind: ClassVar[str] = "cloze"
    label: ClassVar[str] = "填空题"
    text_fields: ClassVar[tuple[str, ...]] = ("section", "source", "text", "explanation", "hint")

    text: str = ""  # Anki cloze syntax, HTML-escaped (see quizgen.lang.markup)
    hint: str = ""

    def validate(self) -> list[Reason]:
        found = markup.CLOZE.findall(self.text)
        leftover = markup.CLOZE.sub("", self.text)
        swallowed = any("{{" in part or "}}" in part for _n, *parts in found for part in parts)
        if "{{" in leftover or "}}" in leftover or swallowed:
            return [Reason("malformed-cloze",
                           "malformed cloze deletion: write {{c1::答案}} or {{c1::答案::提示}}", "text")]
        if not found:
            return [Reason("no-deletion",
                           "empty cloze: the text has no deletion; mark the answer as {{c1::答案}}", "text")]
        if any(not html.unescape(answer).strip() for _number, answer, _hint in found):
            return [Reason("empty-deletion", "empty cloze deletion {{cN::}}: write the answer after ::",
                           "text")]
        return []

    def answers(self) -> list[str]:
        return [d.answer for d in markup.deletions(self.text)]

    def quality(self) -> list[Reason]:
        whole = any(t.endswith("enumeration") for t in self.tags)
        codes = itemchecks.cloze_problems(self.text, whole, self.section) + self._context_problems(self.text)
        return [_quality(code) for code in codes]

    def shown(self) -> str:
        return markup.CLOZE.sub("", self.text)

    @property
    def cards(self) -> int:
        """Anki makes one card per cloze number."""
        return len(markup.numbers(self.text))


@dataclass
class _Options(_Item):
    """A question with lettered options, ``answer`` the 0-based indexes of the right ones."""

    text_fields: ClassVar[tuple[str, ...]] = ("section", "source", "question", "explanation")

    question: str = ""
    options: list[str] = field(default_factory=list)
    answer: list[int] = field(default_factory=list)

    def shown(self) -> str:
        return self.question

    def validate(self) -> list[Reason]:
        reasons = []
        if not self.question.strip():
            reasons.append(Reason("empty-question", "question is empty", "question"))
        reasons += _option_reasons(self.options)
        reasons += _answer_reasons(self.answer, len(self.options))
        return reasons

    def answers(self) -> list[str]:
        return [self.options[i] for i in self.answer if 0 <= i < len(self.options)]

    def quality(self) -> list[Reason]:
        codes = itemchecks.stem_problems(self.question)
        codes += itemchecks.option_problems(self.options, self.answer, self.question)
        if itemchecks.ORDINAL_BLANK.search(self.question) and not itemchecks.PROCEDURE.search(self.source):
            codes.append("position")  # 一是（　　）: the answer is a place in a list
        if any(t.endswith("distractor::dictionary") for t in self.tags):
            codes.append("foreign-distractor")
        return [_quality(code) for code in codes + self._context_problems(self.question)]


def _option_reasons(options: list[str]) -> list[Reason]:
    if len(options) < 2:
        return [Reason("few-options", "options must be a list of at least 2 options", "options")]
    if len(options) > len(LETTERS):
        return [Reason("many-options", f"at most {len(LETTERS)} options (A–{LETTERS[-1]})", "options")]
    reasons: list[Reason] = []
    seen: dict[str, int] = {}
    for index, option in enumerate(options):
        if not option.strip():
            reasons.append(Reason("empty-option", f"option {index} ({LETTERS[index]}) is empty or not text",
                                  "options", index))
        elif option in seen:
            reasons.append(Reason("same-options",
                                  f"options {seen[option]} and {index} are the same ({quoted(option)})",
                                  "options", index))
        else:
            seen[option] = index
    return reasons


def _answer_reasons(answer: list[int], count: int) -> list[Reason]:
    if not answer:
        return [Reason("no-answer", "no correct answer: answer is empty", "answer")]
    reasons = [Reason("answer-range", f"answer index {index} is out of range ({count} options)", "answer")
               for index in answer if not 0 <= index < count]
    if len(set(answer)) != len(answer):
        reasons.append(Reason("answer-twice", "answer lists the same option twice", "answer"))
    return reasons


@dataclass
class Choice(_Options):
    kind: ClassVar[str] = "choice"
    label: ClassVar[str] = "单项选择题"

    def validate(self) -> list[Reason]:
        reasons = super().validate()
        if self.answer and len(set(self.answer)) != 1:
            reasons.append(Reason("answer-count", f"a choice item has exactly one correct answer, not "
                                                  f"{len(set(self.answer))} (use kind: multi for several)",
                                  "answer"))
        return reasons


@dataclass
class Multi(_Options):
    kind: ClassVar[str] = "multi"
    label: ClassVar[str] = "多项选择题"

    def validate(self) -> list[Reason]:
        reasons = super().validate()
        if self.answer and len(set(self.answer)) < 2:
            reasons.append(Reason("answer-count", "a multi item needs at least 2 correct answers "
                                                  "(use kind: choice for one)", "answer"))
        return reasons


@dataclass
class Judge(_Item):
    kind: ClassVar[str] = "judge"
    label: ClassVar[str] = "判断题"
    text_fields: ClassVar[tuple[str, ...]] = ("section", "source", "statement", "explanation")

    statement: str = ""
    answer: bool = True

    def validate(self) -> list[Reason]:
        if not self.statement.strip():
            return [Reason("empty-statement", "statement is empty", "statement")]
        return []

    def hides_section(self, section: str) -> bool:
        """A section line that states the rule (一、试用期员工病、事假累计不得超过一个月) tells
        whether the statement is true: cards hide it on the front."""
        return itemchecks.restates(section, self.source or self.statement)

    def quality(self) -> list[Reason]:
        codes = itemchecks.stem_problems(self.statement)
        if itemchecks.ORDINAL.search(self.statement) and not itemchecks.PROCEDURE.search(self.source):
            codes.append("position")  # true or false by list order alone, where order is not the content
        return [_quality(code) for code in codes + self._context_problems(self.statement)]


QUALITY = {
    "back-reference": "the text opens with a reference (其、该、此、上述…) the learner cannot resolve",
    "no-context": "nothing but a list marker or the blank itself: the item does not say what is asked",
    "fragment": "a list's lead without its items, or an aside alone: not a statement of a fact",
    "blank-first": "the stem opens with the blank: it does not name its subject",
    "cross-reference": "the case is another article's rule (违反第二十三条规定的): the learner cannot know what it says",
    "too-many-blanks": f"more than {itemchecks.MAX_DELETIONS} deletions in one note",
    "long-blank": f"a deletion of more than {itemchecks.MAX_PLAIN_BLANK} characters ({itemchecks.MAX_BLANK} for a "
                  "figure) that is not a whole list item",
    "cut-word": "a deletion cuts through a word",
    "half-list": "one member of a pair or list is blanked, its neighbour left as text",
    "cut-compound": "a deletion is one noun of a compound (生产[安全事故])",
    "stop-blank": "a function word, filler or generic verb as the whole answer",
    "number-without-unit": "a number blanked without its unit",
    "unit-without-number": "a unit blanked without its number",
    "leak": "the answer is visible elsewhere on the front",
    "markup": "markup, page metadata or an article number as content",
    "same-value-options": "two options have the same value (8年 / 八年)",
    "position": "a true/false statement or a question that turns on list position alone",
    "foreign-distractor": "an option from the dictionary, not from the text: a trainer would laugh at it",
    "stock-blank": "the only blank of an article is a stock phrase of regulations (构成犯罪, 赔偿责任): it asks "
                   "nothing of this text",
    "case-facts": "a fact of the case a report tells (基本案情, 裁判结果), not the rule it teaches",
    "example": "an example the text tells (例如…), not what it illustrates",
    "first-person": "told in the speaker's own voice (我…) or of an organisation no title names (我校, 我班组)",
}


def _quality(code: str) -> Reason:
    return Reason(code, QUALITY[code])


Item: TypeAlias = Cloze | Choice | Multi | Judge
CLASSES: dict[str, type[Cloze] | type[Choice] | type[Multi] | type[Judge]] = {
    cls.kind: cls for cls in (Cloze, Choice, Multi, Judge)}
KINDS = tuple(CLASSES)  # cloze, choice, multi, judge
LABELS = {kind: cls.label for kind, cls in CLASSES.items()}


def new_item(kind: str, **fields: Any) -> Item:
    """An item of the kind named (``cloze``, ``choice``, ``multi``, ``judge``)."""
    if kind not in CLASSES:
        raise ValueError(f"unknown kind {quoted(kind)} (expected {', '.join(KINDS)})")
    return CLASSES[kind](**fields)
