"""Moodle XML export (``NAME.moodle.xml``): one question category per section.

* choice -> ``multichoice`` (single); multi -> ``multichoice`` with ``single=false``, each
  correct option ``100/k`` %, each wrong one ``-100/m`` %;
* judge -> ``truefalse``;
* cloze with one deletion -> ``shortanswer`` (the blank shown as ``_____``); several
  deletions -> ``cloze`` (Moodle "Embedded answers"), one
  ``{1:SHORTANSWER:=answer~=variant}`` per deletion, the hint after it.

Texts are HTML (``format="html"``), HTML-escaped; ElementTree does the XML escaping.
Inside embedded answers the characters that end or split an answer (``} # ~``) and
``{ \\`` are numeric character references, which Moodle decodes after parsing; ``*`` is
``\\*`` because it is a wildcard in short answers.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from typing import TYPE_CHECKING, assert_never

from ..atomic import write_bytes
from ..items import Choice, Cloze, Item, Judge, Multi
from ..lang import markup
from ..model import Deck
from .sections import by_section
from .gift import BLANK, category, question_name, weight

if TYPE_CHECKING:
    from ..options import BuildOptions

PENALTY = "0.3333333"


def html_text(text: str) -> str:
    """Plain text -> HTML text (braces as references, so nothing looks like an embedded answer)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    return markup.escape(lines).replace("\n", "<br>")


EMBEDDED_REFS = {"{": "&#123;", "}": "&#125;", "~": "&#126;", "#": "&#35;", "\\": "&#92;",
                 "&": "&amp;", "<": "&lt;", ">": "&gt;", "*": "\\*"}


def embedded_answer(text: str) -> str:
    """Plain answer -> text inside ``{1:SHORTANSWER:=…}``.

    Moodle decodes the references, then turns ``\\#`` and ``\\}`` into ``#`` and ``}``: a
    backslash the learner should type before them is doubled.
    """
    text = re.sub(r"\\(?=[#}])", r"\\\\", text)
    return "".join(EMBEDDED_REFS.get(char, char) for char in text)


def literal_answer(text: str) -> str:
    """A short answer as Moodle compares it: plain text, ``*`` literal (it is a wildcard)."""
    return text.replace("*", "\\*")


def xml_safe(text: str) -> str:
    """Drop the characters XML 1.0 cannot hold (control characters but tab and newlines)."""
    return "".join(c for c in text if c in "\t\n\r" or not (ord(c) < 0x20 or c in "\ufffe\uffff"))


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = xml_safe(text)
    return element


def text_element(parent: ET.Element, tag: str, text: str, fmt: str | None = "html") -> ET.Element:
    element = sub(parent, tag, **({"format": fmt} if fmt else {}))
    sub(element, "text", text)
    return element


def category_question(quiz: ET.Element, path: str) -> None:
    question = sub(quiz, "question", type="category")
    text_element(question, "category", path, fmt=None)
    text_element(question, "info", "")


def new_question(quiz: ET.Element, qtype: str, item: Item, id_number: str, name: str,
                 text: str, feedback: str) -> ET.Element:
    question = sub(quiz, "question", type=qtype)
    text_element(question, "name", name, fmt=None)
    text_element(question, "questiontext", text)
    text_element(question, "generalfeedback", feedback)
    sub(question, "defaultgrade", "1")
    sub(question, "penalty", "1" if qtype == "truefalse" else PENALTY)
    sub(question, "hidden", "0")
    sub(question, "idnumber", id_number)
    return question


def add_tags(question: ET.Element, item: Item) -> None:
    tags = sub(question, "tags")
    for name in ["quizgen", item.kind, *item.tags]:
        text_element(tags, "tag", name, fmt=None)


def answer(question: ET.Element, fraction: str, text: str, fmt: str = "html") -> None:
    element = text_element(question, "answer", text, fmt)
    element.set("fraction", fraction)
    text_element(element, "feedback", "")


def choice_question(quiz: ET.Element, item: Choice | Multi) -> None:
    stem, options = item.question, item.options
    correct = set(item.answer)
    question = new_question(quiz, "multichoice", item, item.id, question_name(stem),
                            f"<p>{html_text(stem)}</p>", html_text(item.explanation))
    single = isinstance(item, Choice)
    sub(question, "single", "true" if single else "false")
    sub(question, "shuffleanswers", "false")  # same order as the Anki card and the paper
    sub(question, "answernumbering", "ABCD")
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        text_element(question, tag, "")
    right = 100 if single else 100 / len(correct)
    wrong = 0 if single else -100 / max(1, len(options) - len(correct))
    for i, option in enumerate(options):
        answer(question, weight(right if i in correct else wrong), html_text(option))
    add_tags(question, item)


def judge_question(quiz: ET.Element, item: Judge) -> None:
    statement = item.statement
    question = new_question(quiz, "truefalse", item, item.id, question_name(statement),
                            f"<p>{html_text(statement)}</p>", html_text(item.explanation))
    answer(question, "100" if item.answer else "0", "true", "moodle_auto_format")
    answer(question, "0" if item.answer else "100", "false", "moodle_auto_format")
    add_tags(question, item)


def source_feedback(item: Item) -> str:
    return html_text("原文：" + item.source) if item.source else ""


def cloze_question(quiz: ET.Element, item: Cloze) -> None:
    text = item.text
    if len(markup.deletions(text)) == 1:
        shortanswer_question(quiz, item)
        return
    parts, blank = [], 0
    for segment in markup.parse(text):
        if not isinstance(segment, markup.Deletion):
            parts.append(html_text(segment))
            continue
        blank += 1
        answers = "~".join(f"={embedded_answer(a)}" for a in markup.answer_variants(segment.answer))
        parts.append(f"{{1:SHORTANSWER:{answers}}}")
        if segment.hint:
            parts.append(html_text(f"（{segment.hint}）"))
    question = new_question(quiz, "cloze", item, item.id, question_name(markup.reveal(text)),
                            f"<p>{''.join(parts)}</p>", source_feedback(item))
    add_tags(question, item)


def shortanswer_question(quiz: ET.Element, item: Cloze) -> None:
    parts: list[str] = []
    answers: list[str] = []
    for segment in markup.parse(item.text):
        if not isinstance(segment, markup.Deletion):
            parts.append(html_text(segment))
            continue
        parts.append(BLANK + (html_text(f"（{segment.hint}）") if segment.hint else ""))
        answers = answers or markup.answer_variants(segment.answer)
    question = new_question(quiz, "shortanswer", item, item.id,
                            question_name(markup.reveal(item.text)),
                            f"<p>{''.join(parts)}</p>", source_feedback(item))
    sub(question, "usecase", "0")
    for accepted in answers:
        answer(question, "100", literal_answer(accepted), "moodle_auto_format")
    add_tags(question, item)


def add_question(quiz: ET.Element, item: Item) -> None:
    match item:
        case Cloze():
            cloze_question(quiz, item)
        case Choice() | Multi():
            choice_question(quiz, item)
        case Judge():
            judge_question(quiz, item)
        case _:
            assert_never(item)


def moodle_xml(deck: Deck) -> bytes:
    quiz = ET.Element("quiz")
    for path, items in by_section(deck):
        category_question(quiz, category(deck, path))
        for item in items:
            add_question(quiz, item)
    ET.indent(quiz)
    body = ET.tostring(quiz, encoding="unicode", short_empty_elements=False)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def write(deck: Deck, out_dir: Path, stem: str, options: BuildOptions) -> list[Path]:
    """``NAME.moodle.xml``."""
    path = out_dir / f"{stem}.moodle.xml"
    write_bytes(path, moodle_xml(deck))
    return [path]
