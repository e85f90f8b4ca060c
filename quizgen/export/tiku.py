"""Question bank (题库) for Chinese training and exam platforms: ``NAME.题库.txt`` and
``NAME.题库.xlsx``.

Enterprise learning apps and online exam systems import question banks as plain text or as
an Excel template. Questions come in document order; a cloze item becomes a fill-in
question (填空题) the way the exam paper makes it, every deletion a blank.

Text, the widely used convention (a blank line between questions)::

    1.【单选题】题干
    A.选项
    B.选项
    答案：A                 (多选 答案：ABD; 判断 答案：正确 / 答案：错误)
    解析：……

    2.【填空题】办公室工作的好与坏，体现着一个单位的____和____。
    答案：工作水平|整体素质

Excel: one row per question under the header 题型, 题干, 选项A … 选项F, 答案, 解析, 分值;
分值 are the exam paper's default points per type. Every text is one line (line breaks become
spaces); a ``|`` inside a blank's answer becomes ``｜``, which keeps the answers apart.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

from . import studyorder
from ..atomic import write_bytes, write_text
from ..errors import QuizgenError
from ..items import Choice, Cloze, Item, Judge, Multi
from ..model import Deck
from .paper.kinds import DEFAULT_POINTS, paper_kind, usable
from .paper.model import Blank
from .paper.versions import make_question

if TYPE_CHECKING:
    from ..options import BuildOptions

TYPE_NAMES = {"choice": "单选题", "multi": "多选题", "judge": "判断题", "fill": "填空题"}
OPTION_LETTERS = "ABCDEF"
BLANK = "____"
HEADER = ("题型", "题干", *(f"选项{letter}" for letter in OPTION_LETTERS), "答案", "解析", "分值")


@dataclass
class BankQuestion:
    kind: str  # choice, multi, judge, fill
    stem: str  # fill: blanks as ____
    options: list[str]
    answer: str  # A / ABD / 正确 / 错误 / X|Y
    explanation: str
    points: float


def one_line(text: str) -> str:
    return re.sub(r"\s*[\r\n]+\s*", " ", text).strip()


def bank_question(deck: Deck, item: Item) -> BankQuestion:
    options = list(item.options) if isinstance(item, Choice | Multi) else []
    if len(options) > len(OPTION_LETTERS):
        raise QuizgenError(f"item {item.id} has {len(options)} options; a question bank holds at most "
                           f"{len(OPTION_LETTERS)}")
    question = make_question(item, 0, DEFAULT_POINTS[paper_kind(item)], list(range(len(options))))
    match item:
        case Cloze():
            stem = "".join(BLANK + (f"（{part.hint}）" if part.hint else "") if isinstance(part, Blank) else part
                           for part in question.parts)
            answer = "|".join(one_line(b.answer).replace("|", "｜") for b in question.blanks)
        case Judge():
            stem, answer = question.stem, "正确" if question.answer else "错误"
        case Choice() | Multi():
            stem, answer = question.stem, question.answer_letters
        case _:
            assert_never(item)
    source = f"原文：“{one_line(item.source)}”（{deck.section_label(item)}）" if item.source else ""
    said = question.explanation
    explanation = said + ("。" if said and source and not said.endswith(("。", "！", "？")) else "") + source
    return BankQuestion(question.kind, one_line(stem), [one_line(o) for o in question.options], answer,
                        one_line(explanation), question.points)


def bank(deck: Deck) -> list[BankQuestion]:
    """The deck's enabled items as questions, in document order (checked like a paper's)."""
    return [bank_question(deck, item) for item in usable(studyorder.plan(deck).items)]


def bank_text(questions: list[BankQuestion]) -> str:
    blocks = []
    for number, q in enumerate(questions, 1):
        lines = [f"{number}.【{TYPE_NAMES[q.kind]}】{q.stem}"]
        lines += [f"{letter}.{option}" for letter, option in zip(OPTION_LETTERS, q.options)]
        lines.append(f"答案：{q.answer}")
        if q.explanation:
            lines.append(f"解析：{q.explanation}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def bank_workbook(questions: list[BankQuestion]) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]  # lazy: openpyxl is slow to import
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]  # lazy: as above

    book = Workbook()
    sheet = book.active
    sheet.title = "题库"
    sheet.append(HEADER)
    for q in questions:
        options = q.options + [""] * (len(OPTION_LETTERS) - len(q.options))
        sheet.append([cell_text(v) for v in (TYPE_NAMES[q.kind], q.stem, *options, q.answer, q.explanation)]
                     + [int(q.points) if q.points == int(q.points) else q.points])
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHIJK", (8, 50, *([20] * len(OPTION_LETTERS)), 12, 40, 6)):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def cell_text(text: str) -> str:
    """Text a worksheet can hold (XML has no control characters)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]  # lazy: openpyxl is slow to import

    return ILLEGAL_CHARACTERS_RE.sub("", text)


def write(deck: Deck, out_dir: Path, stem: str, options: BuildOptions) -> list[Path]:
    """``NAME.题库.txt`` and ``NAME.题库.xlsx``."""
    questions = bank(deck)
    text, workbook = out_dir / f"{stem}.题库.txt", out_dir / f"{stem}.题库.xlsx"
    write_text(text, bank_text(questions))
    write_bytes(workbook, bank_workbook(questions))
    return [text, workbook]
