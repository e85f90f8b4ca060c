"""Moodle GIFT export (``NAME.gift.txt``): one category per section.

* choice -> multiple choice ``{=right ~wrong …}``;
* multi -> multiple answers with weights: each correct option ``~%100/k%``, each wrong one
  ``~%-100/m%`` (ticking every option scores 0);
* judge -> true/false ``{TRUE}`` / ``{FALSE}``;
* cloze -> one short-answer question per cloze number (like one Anki card each), the
  blank in place (``…{=%100%answer =%100%answer without punctuation}…``), the other
  deletions shown; GIFT has one answer box, so a number used twice gets its box at the
  first place and a plain ``_____`` at the others.

Question texts are ``[html]``: learner text is HTML-escaped, then GIFT's special
characters ``~ = # { } :`` and ``\\`` are backslash-escaped and newlines written ``\\n``
(Moodle's own rules, see ``qformat_gift::escapedchar_pre``). Short answers are compared
as plain text, so they are only GIFT-escaped. Each question is preceded by ``// [id:ITEM-ID]``,
which Moodle stores as the question's ID number.
"""

from __future__ import annotations

import html
from pathlib import Path

from typing import TYPE_CHECKING, assert_never

from ..atomic import write_text
from ..items import Choice, Cloze, Item, Judge, Multi
from ..lang import markup
from ..model import Deck
from .sections import by_section

if TYPE_CHECKING:
    from ..options import BuildOptions

GIFT_SPECIALS = "~=#{}:"
BLANK = "_____"


def escape(text: str) -> str:
    """Plain text -> GIFT ``[html]`` text that Moodle reads back as the same characters."""
    return gift_escape(html_text(text))


def html_text(text: str) -> str:
    """HTML-escape; encode what GIFT would trim, drop or misread as numeric references."""
    out = []
    last = len(text) - 1
    for i, char in enumerate(text):
        at_edge = i in (0, last)
        if char in "&<>":
            out.append(html.escape(char))
        elif char == "\r" or (at_edge and char.isspace()) or (i == 0 and char in "[%"):
            out.append(f"&#{ord(char)};")
        elif char != "\n" and char != "\t" and _is_control(char):
            continue  # not representable in HTML text
        else:
            out.append(char)
    return "".join(out)


def _is_control(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or 0x7F <= code <= 0x9F


def gift_escape(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for char in GIFT_SPECIALS:
        out = out.replace(char, "\\" + char)
    return out.replace("\n", "\\n")


PHP_TRIM = " \t\n\r\0\x0b"  # what Moodle's trim() removes around every text


def shortanswer(text: str) -> str:
    """An accepted short answer. Moodle compares it with what the learner typed as plain text
    (no HTML), trimmed, with ``*`` as a wildcard (``\\*`` is a literal star); the explicit
    ``%100%`` weight keeps an answer that starts with ``%…%`` from being read as one.
    (Moodle's internal placeholders such as ``&&035;`` cannot be written in plain text.)"""
    plain = "".join(c for c in text if not _is_control(c) or c in "\t\n").strip(PHP_TRIM)
    return "%100%" + gift_escape(plain).replace("*", "\\*")


def weight(percent: float) -> str:
    """100/3 -> '33.33333', -50 -> '-50' (Moodle's fraction precision)."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def category(deck: Deck, path: tuple[str, ...]) -> str:
    parts = [deck.name, *(p for p in path if p)]
    return "$course$/top/" + "/".join(p.replace("/", "//") for p in parts)


def question_name(text: str, limit: int = 30) -> str:
    """A short name for the question bank (plain text, one line)."""
    flat = " ".join("".join(c for c in text if not _is_control(c)).split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


def header(id_number: str, name: str, kind: str) -> str:
    """ID-number comment (read by Moodle 3.7+), name and the [html] format marker."""
    id_text = id_number.replace("]", "\\]")
    return f"// [id:{id_text}] [tag:quizgen] [tag:{kind}]\n::{gift_escape(name)}::[html]"


def general_feedback(item: Item) -> str:
    return f"\n####{escape(item.explanation)}" if item.explanation else ""


def choice_question(item: Choice | Multi) -> str:
    options = item.options
    correct = set(item.answer)
    if isinstance(item, Choice):
        marks = ["=" if i in correct else "~" for i in range(len(options))]
    else:
        right, wrong = 100 / len(correct), -100 / max(1, len(options) - len(correct))
        marks = [f"~%{weight(right if i in correct else wrong)}%" for i in range(len(options))]
    lines = [f"{mark}{escape(option)}" for mark, option in zip(marks, options)]
    question = item.question
    return (header(item.id, question_name(question), item.kind) + escape(question) + "{\n"
            + "\n".join(lines) + general_feedback(item) + "\n}")


def judge_question(item: Judge) -> str:
    statement = item.statement
    verdict = "TRUE" if item.answer else "FALSE"
    return (header(item.id, question_name(statement), "judge") + escape(statement)
            + "{" + verdict + general_feedback(item) + "}")


def cloze_questions(item: Cloze) -> list[str]:
    segments = markup.parse(item.text)
    return [cloze_question(item, segments, number) for number in markup.numbers(item.text)]


def cloze_question(item: Cloze, segments: list[markup.Segment], number: int) -> str:
    """Short answer for cloze ``number``: its first deletion is the blank, the others shown."""
    before: list[str] = []
    after: list[str] = []
    blank: markup.Deletion | None = None
    for segment in segments:
        out = after if blank else before
        if not isinstance(segment, markup.Deletion):
            out.append(escape(segment))
        elif segment.number != number:
            out.append(escape(segment.answer))
        elif blank:
            out.append(BLANK + (escape(f"（{segment.hint}）") if segment.hint else ""))
        else:
            blank = segment
    assert blank is not None
    if blank.hint:
        after.insert(0, escape(f"（{blank.hint}）"))
    if not after:
        before.append(BLANK)  # Moodle shows no blank when the answer ends the text
    answers = " ".join(f"={shortanswer(a)}" for a in markup.answer_variants(blank.answer))
    feedback = f"####{escape('原文：' + item.source)}" if item.source else ""
    name = f"{question_name(markup.reveal(item.text))} [c{number}]"
    return (header(f"{item.id}-c{number}", name, "cloze")
            + "".join(before) + "{" + answers + feedback + "}" + "".join(after))


def questions(item: Item) -> list[str]:
    match item:
        case Cloze():
            return cloze_questions(item)
        case Judge():
            return [judge_question(item)]
        case Choice() | Multi():
            return [choice_question(item)]
        case _:
            assert_never(item)


def gift_text(deck: Deck) -> str:
    blocks = [f"// quizgen: {deck.name} (Moodle GIFT)"]
    for path, items in by_section(deck):
        blocks.append(f"$CATEGORY: {category(deck, path)}")
        for item in items:
            blocks.extend(questions(item))
    return "\n\n".join(blocks) + "\n"


def write(deck: Deck, out_dir: Path, stem: str, options: BuildOptions) -> list[Path]:
    """``NAME.gift.txt``."""
    path = out_dir / f"{stem}.gift.txt"
    write_text(path, gift_text(deck))
    return [path]
