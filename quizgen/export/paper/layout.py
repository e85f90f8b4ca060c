"""Printable exam papers (试卷): selection, randomized versions, HTML with a self-test mode.

The flow is ``select`` (which items, spread over the sections) -> ``make_paper`` (one version:
questions and options shuffled, answers remapped) -> ``render_html`` (Jinja2 templates in
``templates/paper/``) -> ``write_html`` / ``write_pdf`` (:mod:`quizgen.pdf`, WeasyPrint).
``write_papers`` writes every version in every format.

Determinism: selection uses ``random.Random(f"{seed}:select")`` and version ``v`` uses
``random.Random(f"{seed}:{v}")``, never the global generator, so the same seed always gives
the same papers and all versions of one seed share the same questions.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from typing import assert_never

from ...atomic import write_text
from ...errors import InputError, QuizgenError
from ...items import Choice, Cloze, Item, Judge, Multi
from ...lang import markup
from ...lang.script import convert_script
from ...model import Deck, to_chinese_numeral
from ...resources import templates_dir

# Paper question types in exam order; item kind "cloze" becomes a fill-in-the-blank question.
PAPER_KINDS = ("choice", "multi", "judge", "fill")
KIND_NAMES = {"choice": "单项选择题", "multi": "多项选择题", "judge": "判断题", "fill": "填空题"}
DEFAULT_POINTS = {"choice": 2, "multi": 3, "judge": 1, "fill": 1}  # fill: per blank (每空)
KIND_ALIASES = {"choice": "choice", "single": "choice", "单选": "choice", "单项选择题": "choice",
                "multi": "multi", "多选": "multi", "多项选择题": "multi",
                "judge": "judge", "判断": "judge", "判断题": "judge",
                "fill": "fill", "cloze": "fill", "填空": "fill", "填空题": "fill"}
FORMATS = ("html", "pdf")
# Where the answer key goes: its own PDF (NAME-答案.pdf), appended to the paper's PDF, or nowhere.
KEY_MODES = ("separate", "appendix", "none")
KEY_SUFFIX = "答案"
# How a multi-select question is marked when some but not all answers are chosen (and none wrongly).
MULTI_SCORING = ("half", "none")
MULTI_RULES = {"half": "全部选对得满分，少选得一半分，错选不得分",
               "none": "全部选对得满分，少选、错选均不得分"}
# Closing punctuation that must not start a line: kept with the blank in front of it.
_CLOSING = "。，、；：？！）》」』】”’…—"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
PAPER_SUFFIX = "试卷"
BLANK_MARK = "（　　）"  # two ideographic spaces: room for a letter or √/×

# Options that refer to the others ("以上都对", "A和B") must keep their place.
_FIXED_OPTION_RE = re.compile(r"以上|上述|都(不)?(对|是|正确|错误)|均(不)?(对|是|正确)|^[A-H]\s*[和与及、,，]\s*[A-H]")


# --------------------------------------------------------------------------- model


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
    def answer_letters(self) -> str:
        if self.kind in ("choice", "multi"):
            return "".join(LETTERS[i] for i in self.answer or [])
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
            return "；".join(f"{LETTERS[i]}. {self.options[i]}" for i in self.answer or [])
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
            at_least_two = all(len(q.answer or []) >= 2 for q in self.questions)
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


# --------------------------------------------------------------------------- helpers


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


def css_string(text: str):
    """A quoted CSS string with every character outside [A-Za-z0-9 CJK] hex-escaped, safe
    inside <style> (no quote, backslash or "</style>" can break out)."""
    from markupsafe import Markup

    def esc(c: str) -> str:
        return c if c.isalnum() and (c.isascii() or ord(c) > 0x2E7F) else f"\\{ord(c):x} "

    return Markup('"' + "".join(esc(c) for c in text) + '"')


def version_label(version: int) -> str:
    if not 0 <= version < len(LETTERS):
        raise InputError(f"version must be between 0 and {len(LETTERS) - 1} (A–Z), not {version}")
    return LETTERS[version]


def paper_kind(item: Item) -> str:
    return "fill" if isinstance(item, Cloze) else item.kind


def _normalise_kinds(mapping: Mapping[str, float] | None, what: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in (mapping or {}).items():
        kind = KIND_ALIASES.get(str(key).strip().lower())
        if kind is None:
            raise InputError(f"unknown question type {key!r} in {what} "
                             f"(use {', '.join(PAPER_KINDS)})")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 \
                or not math.isfinite(value):
            raise InputError(f"{what} for {key!r} must be a number ≥ 0, not {value!r}")
        out[kind] = value
    return out


def parse_kind_numbers(text: str, what: str = "the points") -> dict[str, float]:
    """For the command line: "single=10,judge=5" (also 单选=10，判断=5) -> {"choice": 10, "judge": 5}."""
    out: dict[str, float] = {}
    for part in re.split(r"[,，;；\s]+", text.strip()):
        if not part:
            continue
        match = re.fullmatch(r"([^=:：]+)[=:：]([-+]?\d+(?:\.\d+)?)", part)
        if not match:
            raise InputError(f"{what}: expected TYPE=NUMBER (e.g. single=10,judge=5), not {part!r}")
        number = float(match.group(2))
        out[match.group(1).strip()] = int(number) if number.is_integer() else number
    return _normalise_kinds(out, what)


def parse_cloze(text: str) -> list[str | Blank]:
    """Anki cloze text (HTML-escaped) -> plain text parts and blanks, in order.

    Every deletion (c1…cN, repeated numbers included) becomes a blank. Literal braces in the
    source are escaped as ``&#123;`` by the cloze stage, so they never look like a deletion.
    """
    return [Blank(s.answer.strip(), s.hint) if isinstance(s, markup.Deletion) else s
            for s in markup.parse(text)]


def _check(item: Item) -> None:
    """Refuse items whose answer the paper could print wrongly."""
    reasons = item.validate()
    if reasons:
        raise QuizgenError(f"item {item.id} ({item.kind}) cannot go on a paper: {reasons[0]}")


def usable(items: Iterable[Item]) -> list[Item]:
    """Enabled items of a kind a paper can carry, checked."""
    out = []
    for item in items:
        if not item.enabled or paper_kind(item) not in PAPER_KINDS:
            continue
        _check(item)
        out.append(item)
    return out


# --------------------------------------------------------------------------- selection


def _allocate(total: int, weights: Mapping[str, float]) -> dict[str, int]:
    """Split ``total`` over kinds in proportion to ``weights`` (largest remainder), giving each
    kind with a weight at least one when there is enough to go round; never more than its weight."""
    kinds = [k for k in PAPER_KINDS if weights.get(k, 0) > 0]
    quota = {k: 0 for k in kinds}
    if total <= 0 or not kinds:
        return quota
    if total >= len(kinds):
        for k in kinds:
            quota[k] = 1
        total -= len(kinds)
    rest = {k: weights[k] - quota[k] for k in kinds}
    pool = sum(rest.values())
    if total > 0 and pool > 0:
        shares = {k: total * rest[k] / pool for k in kinds}
        for k in kinds:
            quota[k] += int(shares[k])
        left = total - sum(int(s) for s in shares.values())
        for k in sorted(kinds, key=lambda k: (-(shares[k] - int(shares[k])), PAPER_KINDS.index(k))):
            if left <= 0:
                break
            if quota[k] < weights[k]:
                quota[k] += 1
                left -= 1
    return {k: int(min(q, weights[k])) for k, q in quota.items()}


def _is_true(item: Item) -> bool:
    return isinstance(item, Judge) and item.answer


def _alternate_truth(indexes: list[int], pool: Sequence[Item], true_first: bool) -> list[int]:
    """True and false statements taken in turn (sections alternate which comes first), so
    that a paper's 判断题 are not mostly one answer."""
    true = [i for i in indexes if _is_true(pool[i])]
    false = [i for i in indexes if not _is_true(pool[i])]
    first, second = (true, false) if true_first else (false, true)
    mixed = [x for pair in zip(first, second) for x in pair]
    return (mixed + first[len(second):] + second[len(first):])[::-1]  # picks pop from the end


def select(items: Sequence[Item], seed: int = 0, count: int | None = None,
           per_type: Mapping[str, int] | None = None) -> list[Item]:
    """Pick the items for a paper, spread over the text's sections; deck order is kept.

    - neither ``count`` nor ``per_type``: every usable item;
    - ``per_type`` (e.g. ``{"choice": 10, "judge": 5}``; keys also ``single``/``cloze``/``fill``):
      that many of each type, capped by what there is; types not named are left out;
    - ``count``: that many in total, split over the types in proportion to what there is
      (each type at least one when possible); with ``per_type`` as well, it caps the total.

    Within the quotas, questions are taken round-robin over ``Item.section`` (sections in a
    seeded order, each section's items shuffled): every type is spread over the sections and
    so is the paper as a whole, so a short paper covers as many sections as it can instead
    of the first N items. Deterministic for a given seed.
    """
    pool = usable(items)
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise InputError(f"the number of questions must be a whole number ≥ 1, not {count!r}")
    available = {k: sum(1 for i in pool if paper_kind(i) == k) for k in PAPER_KINDS}
    if per_type is not None:
        wanted = _normalise_kinds(per_type, "the per-type counts")
        if any(not float(v).is_integer() for v in wanted.values()):
            raise InputError("per-type counts must be whole numbers")
        quota = {k: min(int(wanted.get(k, 0)), available[k]) for k in PAPER_KINDS}
        if count is not None and sum(quota.values()) > count:
            quota = _allocate(count, quota)
    elif count is not None:
        quota = _allocate(min(count, len(pool)), available)
    else:
        quota = dict(available)
    quota = {k: quota.get(k, 0) for k in PAPER_KINDS}
    if sum(quota.values()) == 0:
        if not pool:
            raise InputError("the deck has no questions to put on a paper")
        raise InputError("no questions selected (check the per-type counts)")

    rng = random.Random(f"{seed}:select")
    sections: list[tuple[str, str]] = []  # (document, section)
    by_section: dict[tuple[str, str], dict[str, list[int]]] = {}
    for index, item in enumerate(pool):
        where = item.document, item.section
        if where not in by_section:
            sections.append(where)
            by_section[where] = {k: [] for k in PAPER_KINDS}
        by_section[where][paper_kind(item)].append(index)
    for number, groups in enumerate(by_section.values()):
        for group in groups.values():
            rng.shuffle(group)
        groups["judge"] = _alternate_truth(groups["judge"], pool, true_first=number % 2 == 0)
    rng.shuffle(sections)

    # Greedy round-robin: each pick goes to the (type, section) pair that has been used least
    # for that type, then to the section with the fewest picks so far, then to sections that
    # few of the wanted types can reach (so they are not left out), then to the type furthest
    # from its quota; ties follow the seeded section order.
    rank = {name: n for n, name in enumerate(sections)}
    picks_section = dict.fromkeys(sections, 0)
    picks_pair: dict[tuple[str, tuple[str, str]], int] = {}
    remaining = dict(quota)
    chosen: list[int] = []
    while True:
        best, best_key = None, None
        for kind in PAPER_KINDS:
            if not remaining[kind]:
                continue
            behind = remaining[kind] / quota[kind]
            for name in sections:
                if not by_section[name][kind]:
                    continue
                reach = sum(1 for k in PAPER_KINDS if remaining[k] and by_section[name][k])
                key = (picks_pair.get((kind, name), 0), picks_section[name], reach, -behind, rank[name],
                       PAPER_KINDS.index(kind))
                if best_key is None or key < best_key:
                    best, best_key = (kind, name), key
        if best is None:
            break
        kind, name = best
        chosen.append(by_section[name][kind].pop())
        remaining[kind] -= 1
        picks_section[name] += 1
        picks_pair[best] = picks_pair.get(best, 0) + 1
    return [pool[i] for i in sorted(chosen)]


# --------------------------------------------------------------------------- versions


def _option_order(options: Sequence[str], rng: random.Random) -> list[int]:
    """A shuffled order of the options; options that refer to others keep their place,
    and options like "A和B" freeze the whole question."""
    order = list(range(len(options)))
    if any(re.search(r"^[A-H]\s*[和与及、,，]\s*[A-H]", o.strip()) for o in options):
        return order
    movable = [i for i, o in enumerate(options) if not _FIXED_OPTION_RE.search(o)]
    shuffled = movable[:]
    rng.shuffle(shuffled)
    for slot, index in zip(movable, shuffled):
        order[slot] = index
    return order


def _arrange(groups: dict[str, list[Item]], rng: random.Random) -> dict[str, list[tuple[Item, list[int]]]]:
    out = {}
    for kind, group in groups.items():
        group = group[:]
        rng.shuffle(group)
        out[kind] = [(item, _option_order(item.options, rng) if isinstance(item, Choice | Multi) else [])
                     for item in group]
    return out


def _signature(arrangement: dict[str, list[tuple[Item, list[int]]]]) -> tuple:
    return tuple((kind, tuple((item.id, tuple(order)) for item, order in rows))
                 for kind, rows in arrangement.items())


def _arrangement(groups: dict[str, list[Item]], seed: int, version: int):
    """Version ``version``'s order: ``random.Random(f"{seed}:{version}")``, re-drawn (a bounded,
    seeded number of times) when it would repeat an earlier version's order exactly."""
    seen: set[tuple] = set()
    result = None
    for v in range(version + 1):
        for attempt in range(32):
            rng = random.Random(f"{seed}:{v}" if attempt == 0 else f"{seed}:{v}:{attempt}")
            result = _arrange(groups, rng)
            if _signature(result) not in seen:
                break
        seen.add(_signature(result))
    return result


def make_question(item: Item, number: int, points: float, order: list[int], multi_scoring: str = "half",
                  script: str | None = None, section: str = "") -> Question:
    """Question ``number`` from ``item``; ``points`` per question (fill: per blank); ``section``
    as the paper names it (default: the item's)."""
    q = Question(number=number, kind=paper_kind(item), item_id=item.id, points=points,
                 section=section or item.section,
                 source=item.source, explanation=item.own_explanation(), script=script)
    match item:
        case Choice() | Multi():
            q.stem = item.question.strip()
            q.option_order = order
            q.options = [item.options[i] for i in order]
            q.answer = sorted(order.index(a) for a in set(item.answer))
            if isinstance(item, Multi):
                q.partial_points = half_credit(points, multi_scoring)
        case Judge():
            q.stem = item.statement.strip()
            q.answer = bool(item.answer)
        case Cloze():
            q.parts = parse_cloze(item.text)
            q.answer = [b.answer for b in q.blanks]
            q.points = points * len(q.blanks)
        case _:
            assert_never(item)
    return q


def make_paper(deck: Deck, seed: int = 0, version: int = 0, count: int | None = None,
               per_type: Mapping[str, int] | None = None, points: Mapping[str, float] | None = None,
               minutes: int | None = None, label: str | None = None, multi_scoring: str = "half",
               script: str | None = None) -> Paper:
    """One version of the paper. All versions of a seed hold the same questions (``select``);
    version ``v`` shuffles questions within each section and the options of each question with
    ``random.Random(f"{seed}:{v}")``, remapping the answers. ``label`` defaults to "" for
    version 0 and the version letter otherwise (``write_papers`` labels all versions A, B, …).

    ``points`` are per question, for fill questions per blank (每空), in whole or half points;
    ``multi_scoring`` (one of MULTI_SCORING) says what a multi-select question with some of its
    answers and no wrong one earns; ``script`` the script of the paper's own labels."""
    if isinstance(version, bool) or not isinstance(version, int):
        raise InputError(f"version must be a whole number, not {version!r}")
    letter = version_label(version)
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 1):
        raise InputError(f"the time must be a whole number of minutes ≥ 1, not {minutes!r}")
    per_question = dict(DEFAULT_POINTS)
    per_question.update(_normalise_kinds(points, "the points"))
    if any(v <= 0 for v in per_question.values()):
        raise InputError("points per question must be greater than 0")
    if any(not float(v * 2).is_integer() for v in per_question.values()):
        raise InputError("points per question must be whole or half points (e.g. 2 or 1.5)")
    if multi_scoring not in MULTI_SCORING:
        raise InputError(f"unknown multi-select scoring {multi_scoring!r}; choose from {', '.join(MULTI_SCORING)}")

    chosen = select(deck.items, seed, count, per_type)
    groups = {k: [i for i in chosen if paper_kind(i) == k] for k in PAPER_KINDS}
    groups = {k: v for k, v in groups.items() if v}
    arrangement = _arrangement(groups, seed, version)

    sections, number = [], 0
    for kind in PAPER_KINDS:
        if kind not in arrangement:
            continue
        section = PaperSection(len(sections) + 1, kind, per_question[kind], multi_scoring=multi_scoring,
                               script=script)
        for item, order in arrangement[kind]:
            number += 1
            section.questions.append(make_question(item, number, per_question[kind], order, multi_scoring, script,
                                                   deck.section_label(item)))
        sections.append(section)
    return Paper(deck.name, seed, version, letter if label is None and version else (label or ""),
                 sections, minutes, script)


# --------------------------------------------------------------------------- HTML


@dataclass(frozen=True)
class Layout:
    """Adjustments :mod:`quizgen.pdf` makes to fill the pages: ``tight`` spacing, and the
    questions that start a new page (``breaks``, question numbers)."""

    tight: bool = False
    breaks: frozenset[int] = frozenset()


CONTENTS = ("both", "paper", "key")  # what a rendering holds: the paper and its key, or one of them


@cache
def _environment(script: str | None = None):
    """The templates' environment; with ``script`` the templates' own labels are converted."""
    try:
        import jinja2
    except ImportError as exc:  # pragma: no cover - jinja2 is a dependency
        raise QuizgenError(f"paper output needs Jinja2 ({exc})") from None

    class Loader(jinja2.FileSystemLoader):
        def get_source(self, environment, template):
            source, filename, uptodate = super().get_source(environment, template)
            return localize(source, script), filename, uptodate

    env = jinja2.Environment(
        loader=Loader(str(templates_dir() / "paper")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["points"] = fmt_points
    env.filters["circled"] = circled
    env.filters["css_string"] = css_string
    env.globals["letters"] = LETTERS
    env.globals["blank_mark"] = BLANK_MARK
    return env


@cache
def _asset(name: str, script: str | None = None) -> str:
    return localize((templates_dir() / "paper" / name).read_text(encoding="utf-8"), script)


def _answer_data(paper: Paper) -> dict:
    """What the self-test script needs to mark the paper (also readable in the page source,
    which is fine for a self-test). ``partial``: a multi-select question's points for some
    of its answers; ``blank``: a fill question's points per blank."""
    def entry(q: Question) -> dict:
        data = {"n": q.number, "kind": q.kind, "points": q.points, "answer": q.answer}
        if q.kind == "multi":
            data["partial"] = q.partial_points
        if q.kind == "fill":
            data["blank"] = q.blank_points
        return data

    return {"total": paper.total_points, "minutes": paper.minutes,
            "questions": [entry(q) for q in paper.questions]}


def render_html(paper: Paper, interactive: bool = True, fonts: str = "embed", contents: str = "both",
                layout: Layout = Layout()) -> str:
    """The paper as one self-contained HTML page (inline CSS and JS, no network).

    ``interactive``: the on-screen self-test (inputs, 交卷, score and explanations); the
    PDF uses ``interactive=False``. ``fonts``: "embed" puts a subset of the bundled Noto
    fonts into the page as data URIs (identical look everywhere, no missing glyphs);
    "file" points @font-face at the font files (for WeasyPrint); "system" uses none.
    ``contents``: "both" (the paper, then its answer key on a new page; the self-test shows
    the key only after 交卷, on screen and in print), "paper" (no key) or "key" (only the key).
    """
    from markupsafe import Markup

    from . import pdf

    if contents not in CONTENTS:
        raise ValueError(f"contents must be one of {', '.join(CONTENTS)}, not {contents!r}")
    script = paper.script
    template = _environment(script).get_template("paper.html")

    def render(font_css: str) -> str:
        return template.render(
            paper=paper,
            interactive=interactive,
            show_paper=contents != "key",
            show_key=contents != "paper",
            layout=layout,
            css=Markup(font_css + "\n" + _asset("paper.css", script)),
            script=Markup(_asset("paper.js", script)) if interactive else "",
            data=_answer_data(paper),
        )

    if fonts == "file":
        return render(pdf.font_face_css("file"))
    if fonts == "system":
        return render("")
    if fonts != "embed":
        raise ValueError(f"fonts must be 'embed', 'file' or 'system', not {fonts!r}")
    page = render("")
    # the sans face only sets headings, labels and the script's messages: a small subset
    sans = "".join([paper.full_title, paper.version_name, *(s.title for s in paper.sections),
                    _asset("paper.html", script), _asset("paper.js", script)])
    return render(pdf.font_face_css("embed", text=page + _asset("paper.js", script), heading_text=sans))


def _paper_opts(opts: dict) -> dict:
    allowed = {"seed", "version", "count", "per_type", "points", "minutes", "label", "multi_scoring", "script"}
    unknown = set(opts) - allowed
    if unknown:
        raise TypeError(f"unexpected option(s): {', '.join(sorted(unknown))}")
    return opts


def write_html(deck: Deck, path: Path | str, **opts) -> Path:
    """Render one paper (options as for :func:`make_paper`) to ``path``, atomically."""
    path = Path(path)
    write_text(path, render_html(make_paper(deck, **_paper_opts(opts))))
    return path


def write_pdf(deck: Deck, path: Path | str, **opts) -> Path:
    """Render one paper (options as for :func:`make_paper`) to a PDF at ``path``, atomically.
    Raises :class:`QuizgenError` when WeasyPrint or its system libraries are missing."""
    from . import pdf

    path = Path(path)
    return pdf.write_pdf(make_paper(deck, **_paper_opts(opts)), path)


def paper_stem(deck_name: str, label: str = "", suffix: str = PAPER_SUFFIX) -> str:
    from ...build import safe_filename

    stem = f"{safe_filename(deck_name)}-{suffix}"
    return f"{stem}-{label}" if label else stem


def _pdf_jobs(papers: Sequence[Paper], key: str) -> list[tuple[Paper, str, str]]:
    """(paper, contents, file stem) of every PDF: the candidates' papers, then the keys."""
    if key == "appendix":
        return [(p, "both", paper_stem(p.deck, p.label)) for p in papers]
    jobs = [(p, "paper", paper_stem(p.deck, p.label)) for p in papers]
    if key == "separate":
        jobs += [(p, "key", paper_stem(p.deck, p.label, KEY_SUFFIX)) for p in papers]
    return jobs


def write_papers(deck: Deck, out_dir: Path | str, formats: Sequence[str] = FORMATS, versions: int = 1,
                 seed: int = 0, count: int | None = None, per_type: Mapping[str, int] | None = None,
                 points: Mapping[str, float] | None = None, minutes: int | None = None,
                 key: str = "separate", multi_scoring: str = "half", script: str | None = None) -> list[Path]:
    """Write every version in every format into ``out_dir``: ``办公室工作-试卷.html`` and
    ``.pdf``, or with ``versions`` > 1 ``办公室工作-试卷-A.html``, ``-B``, …

    ``key`` (one of KEY_MODES): "separate" writes the answer key as its own PDF for the
    trainer (``办公室工作-答案.pdf``, ``-答案-A.pdf``, …) and the candidates' PDF has none;
    "appendix" appends it to the paper's PDF on a new page; "none" writes no key. The HTML
    self-test shows the key only after 交卷 (and with "none" not at all).

    All HTML files are written before any PDF, so when PDF rendering is impossible (the
    :class:`QuizgenError` raised then says why, its ``written`` lists the files that were
    written all the same) the HTML papers are still there.
    """
    formats = tuple(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise InputError(f"unknown paper format {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}")
    if isinstance(versions, bool) or not isinstance(versions, int) or not 1 <= versions <= len(LETTERS):
        raise InputError(f"the number of versions must be between 1 and {len(LETTERS)}, not {versions!r}")
    if key not in KEY_MODES:
        raise InputError(f"unknown answer key placement {key!r}; choose from {', '.join(KEY_MODES)}")
    out_dir = Path(out_dir)
    papers = [make_paper(deck, seed=seed, version=v, count=count, per_type=per_type, points=points,
                         minutes=minutes, label=LETTERS[v] if versions > 1 else "",
                         multi_scoring=multi_scoring, script=script)
              for v in range(versions)]
    written: list[Path] = []
    if "html" in formats:
        for paper in papers:
            path = out_dir / f"{paper_stem(deck.name, paper.label)}.html"
            write_text(path, render_html(paper, contents="paper" if key == "none" else "both"))
            written.append(path)
    if "pdf" in formats:
        from . import pdf

        for paper, contents, stem in _pdf_jobs(papers, key):
            path = out_dir / f"{stem}.pdf"
            try:
                pdf.write_pdf(paper, path, contents)
            except QuizgenError as exc:
                if not written:
                    raise
                done = ", ".join(str(p) for p in written)
                error = QuizgenError(f"{exc.message} (written all the same: {done})", exc.path or path)
                error.written = written  # type: ignore[attr-defined]
                raise error from None
            written.append(path)
    return written
