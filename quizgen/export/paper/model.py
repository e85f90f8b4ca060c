"""The paper's model: a :class:`Paper` of :class:`PaperSection` s of :class:`Question` s
(fill questions: text and :class:`Blank` s), the labels it prints, and the helpers they use.

Labels quizgen writes are simplified Chinese in the source and converted to the paper's
``script`` by :func:`localize`; the items' own text arrives converted already.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ...lang.script import convert_script
from ...model import to_chinese_numeral

# Paper question types in exam order; item kind "cloze" becomes a fill-in-the-blank question.
PAPER_KINDS = ("choice", "multi", "judge", "fill")
KIND_NAMES = {"choice": "单项选择题", "multi": "多项选择题", "judge": "判断题", "fill": "填空题"}
# How a multi-select question is marked when some but not all answers are chosen (and none wrongly).
MULTI_SCORING = ("half", "none")
MULTI_RULES = {"half": "全部选对得满分，少选得一半分，错选不得分",
               "none": "全部选对得满分，少选、错选均不得分"}
# Closing punctuation that must not start a line: kept with the blank in front of it.
_CLOSING = "。，、；：？！）》」』】”’…—"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
BLANK_MARK = "（　　）"  # two ideographic spaces: room for a letter or √/×


def localize(text: str, script: str | None) -> str:
    """A label that quizgen writes (simplified in the source) in the paper's ``script``."""
    if script != "traditional":
        return text
    return convert_script(text, script)


@dataclass
class Blank:
    """One deletion of a cloze item, printed as an underline long enough to write it by hand."""

    answer: str  # plain text (unescaped)
    hint: str = ""

    @property
    def width_em(self) -> float:
        """Handwriting needs about 1.5 em per character, plus a margin; at least 4 em,
        at most a line (the template also caps it at 100%)."""
        length = sum(2 if ord(c) > 0x2E7F else 1 for c in self.answer) / 2
        return round(min(34.0, max(4.0, length * 1.5 + 1.5)), 1)


@dataclass
class Question:
    number: int  # 1-based, continuous over the whole paper
    kind: str  # choice, multi, judge, fill
    item_id: str
    points: float  # the whole question (fill: every blank together)
    section: str = ""  # the source text's section (Item.section)
    source: str = ""  # the source sentence (Item.source)
    explanation: str = ""
    stem: str = ""  # choice/multi/judge: plain text, without the （　　） mark
    options: list[str] = field(default_factory=list)  # in the order printed
    option_order: list[int] = field(default_factory=list)  # printed i <- item.options[option_order[i]]
    answer: list[int] | bool | list[str] | None = None  # choice/multi: printed indexes; judge: bool; fill: texts
    parts: list[str | Blank] = field(default_factory=list)  # fill: text and blanks in order
    partial_points: float = 0  # multi: for some of the answers and no wrong one (少选)
    script: str | None = None  # the labels' script (see localize)

    @property
    def blanks(self) -> list[Blank]:
        return [p for p in self.parts if isinstance(p, Blank)]

    @property
    def blank_points(self) -> float:
        """fill: the points of one blank."""
        return self.points / max(1, len(self.blanks))

    @property
    def segments(self) -> list[tuple[str, Blank | None, int, str]]:
        """fill: the parts as (text, blank, blank number from 1, punctuation glued after the
        blank); the closing punctuation that follows a blank is taken out of the next text,
        so that the page can keep it on the blank's line (。 never opens a line)."""
        out: list[tuple[str, Blank | None, int, str]] = []
        text, number = "", 0
        for part in self.parts:
            if isinstance(part, Blank):
                number += 1
                out.append((text, part, number, ""))
                text = ""
                continue
            if out and out[-1][1] is not None and not text:
                rest = part.lstrip(_CLOSING)
                out[-1] = (*out[-1][:3], part[:len(part) - len(rest)])
                part = rest
            text += part
        if text:
            out.append((text, None, 0, ""))
        return out

    @property
    def marked_stem(self) -> str:
        """The stem with the answer brackets （　　）: before the final 。 of a choice question
        ("……的是（　　）。"), at the end of a judge statement ("……。（　　）")."""
        stem = self.stem
        if self.kind == "judge":
            return stem + BLANK_MARK
        if re.search(r"[（(][\s　]*[）)]|_{2,}", stem):
            return stem
        if stem.endswith(("。", ".")):
            return stem[:-1] + BLANK_MARK + "。"
        return stem + BLANK_MARK

    @property
    def chosen(self) -> list[int]:
        """choice/multi: the printed indexes of the answers ([] for the other types)."""
        if self.kind in ("choice", "multi") and isinstance(self.answer, list):
            return [i for i in self.answer if isinstance(i, int)]
        return []

    @property
    def answer_letters(self) -> str:
        if self.kind in ("choice", "multi"):
            return "".join(LETTERS[i] for i in self.chosen)
        if self.kind == "judge":
            return "√" if self.answer else "×"
        return ""

    @property
    def answer_short(self) -> str:
        """The answer as in a key's quick table: B, ACD, √, ①整体素质 ②…"""
        if self.kind == "fill":
            blanks = self.blanks
            if len(blanks) == 1:
                return blanks[0].answer
            return "　".join(f"{circled(k)}{b.answer}" for k, b in enumerate(blanks, 1))
        return self.answer_letters

    @property
    def answer_long(self) -> str:
        """The answer spelled out for the explanations: "B. 整体素质", "√（正确）"."""
        if self.kind in ("choice", "multi"):
            return "；".join(f"{LETTERS[i]}. {self.options[i]}" for i in self.chosen)
        if self.kind == "judge":
            return localize("√（正确）" if self.answer else "×（错误）", self.script)
        return self.answer_short

    @property
    def option_columns(self) -> int:
        """Options per printed line: 4 for short options, 2 for medium, 1 for long ones."""
        longest = max((display_width(o) for o in self.options), default=0)
        return 4 if longest <= 14 else 2 if longest <= 32 else 1


@dataclass
class PaperSection:
    number: int  # 1-based position on the paper: 一、二、…
    kind: str
    points: float  # per question (fill: per blank)
    questions: list[Question] = field(default_factory=list)
    multi_scoring: str = "half"  # multi: one of MULTI_SCORING
    script: str | None = None  # the labels' script (see localize)

    @property
    def name(self) -> str:
        return localize(KIND_NAMES[self.kind], self.script)

    @property
    def title(self) -> str:
        return f"{to_chinese_numeral(self.number)}、{self.name}"

    @property
    def numeral(self) -> str:
        return to_chinese_numeral(self.number)

    @property
    def count(self) -> int:
        return len(self.questions)

    @property
    def total(self) -> float:
        return sum(q.points for q in self.questions)

    @property
    def rule(self) -> str:
        """How a multi-select question is marked; "" for the other types."""
        if self.kind != "multi":
            return ""
        rule = MULTI_RULES[self.multi_scoring]
        half = half_credit(self.points, self.multi_scoring)
        if self.multi_scoring == "half" and half * 2 != self.points:
            rule = rule.replace("一半分", f"{fmt_points(half)}分")
        return rule

    @property
    def summary(self) -> str:
        """（共5题，每题3分，共15分；全部选对得满分，…）; fill questions: 每空2分."""
        each = "每空" if self.kind == "fill" else "每题"
        rule = f"；{self.rule}" if self.rule else ""
        return localize(f"（共{self.count}题，{each}{fmt_points(self.points)}分，"
                        f"共{fmt_points(self.total)}分{rule}）", self.script)

    @property
    def instruction(self) -> str:
        """What to do, as on a printed paper."""
        return localize(self._instruction(), self.script)

    def _instruction(self) -> str:
        if self.kind == "choice":
            return "每题只有一个正确答案，请将其字母填在括号内。"
        if self.kind == "multi":
            at_least_two = all(len(q.chosen) >= 2 for q in self.questions)
            many = "两个或两个以上" if at_least_two else "一个或多个"
            return f"每题有{many}正确答案，请将其字母填在括号内。"
        if self.kind == "judge":
            return "判断下列说法是否正确，正确的在括号内打“√”，错误的打“×”。"
        return "请在横线上填写正确答案。"

    @property
    def screen_instruction(self) -> str:
        """The same for the on-screen self-test."""
        if self.kind == "choice":
            text = "每题只有一个正确答案，请选择。"
        elif self.kind == "multi":
            text = self._instruction().replace("请将其字母填在括号内", "请全部选出")
        elif self.kind == "judge":
            text = "判断下列说法是否正确。"
        elif any(len(q.blanks) > 1 for q in self.questions):
            text = "请在横线上填写正确答案；按答对的空数计分。"
        else:
            text = "请在横线上填写正确答案。"
        return localize(text, self.script)


@dataclass
class Paper:
    deck: str
    seed: int
    version: int
    label: str  # "A", "B", … or "" for a paper that has a single version
    sections: list[PaperSection]
    minutes: int | None = None
    script: str | None = None  # the labels' script (see localize); item text comes converted

    @property
    def title(self) -> str:
        return f"{self.deck} {localize('培训测验', self.script)}"

    @property
    def version_name(self) -> str:
        return localize(f"{self.label}卷", self.script) if self.label else ""

    @property
    def lang(self) -> str:
        return "zh-Hant" if self.script == "traditional" else "zh-CN"

    @property
    def full_title(self) -> str:
        return f"{self.title}（{self.version_name}）" if self.label else self.title

    @property
    def questions(self) -> list[Question]:
        return [q for s in self.sections for q in s.questions]

    @property
    def total_points(self) -> float:
        return sum(s.total for s in self.sections)

    @property
    def info(self) -> str:
        """满分100分，考试时间60分钟。"""
        text = f"满分{fmt_points(self.total_points)}分"
        if self.minutes:
            text += f"，考试时间{self.minutes}分钟"
        return localize(text + "。", self.script)


def fmt_points(value: float) -> str:
    """2 -> "2", 2.5 -> "2.5"."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def half_credit(points: float, multi_scoring: str) -> float:
    """少选: half the points, rounded down to whole or half points (0 with "none")."""
    return math.floor(points) / 2 if multi_scoring == "half" else 0


def circled(n: int) -> str:
    """1 -> ①, …, 20 -> ⑳; beyond: （21）."""
    return chr(0x245F + n) if 1 <= n <= 20 else f"（{n}）"


def display_width(text: str) -> int:
    """Width in half-width units: a Chinese character counts 2."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)

