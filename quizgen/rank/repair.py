"""Mend what can be mended before the score decides: a cloze note loses the blanks a
trainer would delete (cut through a word, a filler, a function word, a clause, a number
without its unit) and keeps the good ones; the list marker or article number it opens with
goes; a sentence that does not stand alone gets the context it needs (its list's lead, the
sentence a back-reference points to); a heading is not a card; a true/false statement that
splices another list's items into a sentence is not made.

An item that cannot be mended (no good blank left, a subject that cannot be found) is
dropped here and counted by its reason.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import itemchecks
from ..generate.subjects import ARTICLE_MARKER, LIST_MARKER, context_of
from ..items import Choice, Cloze, Item, Judge, Multi
from ..lang import markup
from .features import DocumentFacts

MAX_SENTENCE_BLANKS = 3  # a sentence note; a list note may blank each of its items (up to 5)
# a heading's numbering: 2.2 / 1.1.2 / 26. / 五十、 / 二、 / 第五章
HEADING_MARKER = re.compile(r"^\s*(?:\d+(?:[.．]\d+)*[.．、]?\s+|\d{1,3}[.．、](?!\d)|[一二三四五六七八九十百]{1,4}、"
                            r"|第[一二三四五六七八九十百零〇\d]+[章节编]\s*)")


def repair(items: list[Item], facts: DocumentFacts) -> tuple[list[Item], dict[str, int]]:
    """The items as mended, and how many were dropped for which reason."""
    kept: list[Item] = []
    dropped: dict[str, int] = {}
    for item in items:
        mended, reason = _repair(item, facts)
        if mended is None:
            dropped[reason] = dropped.get(reason, 0) + 1
        else:
            kept.append(mended)
    return kept, dropped


def _repair(item: Item, facts: DocumentFacts) -> tuple[Item | None, str]:
    if itemchecks.bare(item.source) and itemchecks.bare(item.source) == itemchecks.bare(item.section):
        return None, "heading"
    context = _context(item, facts)
    if context is None:
        return None, "no-subject"
    match item:
        case Cloze():
            return _repair_cloze(item, context)
        case Choice() | Multi():
            return replace(item, question=context + (item.question if context else _unmarked(item.question))), ""
        case Judge():
            if _spliced(item):
                return None, "spliced"
            return replace(item, statement=context + (item.statement if context else _unmarked(item.statement))), ""
    return item, ""


def _context(item: Item, facts: DocumentFacts) -> str | None:
    """What to show before the item's sentence ("" when it stands alone)."""
    sentence = facts.sentence_of.get(item.source)
    if sentence is None:
        return ""
    context = context_of(facts.doc, sentence)
    if context is None:
        return None
    if context and itemchecks.bare(context) in itemchecks.bare(_front(item)):
        return ""  # the item shows it already (a list note holds its lead)
    return context


def _front(item: Item) -> str:
    match item:
        case Cloze():
            return markup.reveal(item.text)
        case Choice() | Multi():
            return item.question
        case Judge():
            return item.statement
    return ""


def _unmarked(text: str) -> str:
    """Without the list marker, article number or heading number it opens with."""
    text = ARTICLE_MARKER.sub("", text)
    return HEADING_MARKER.sub("", LIST_MARKER.sub("", text, count=1), count=1).lstrip()


def _spliced(item: Judge) -> bool:
    """A false statement made by putting another list's items into an enumeration."""
    tags = {t.removeprefix("quizgen::") for t in item.tags}
    return not item.answer and "swap" in tags and "enumeration" in tags and "frame" not in tags


def _repair_cloze(item: Cloze, context: str) -> tuple[Item | None, str]:
    parts = markup.parse(item.text)
    if parts and isinstance(parts[0], str) and not context:
        parts[0] = _unmarked(parts[0])  # a list item's marker stays after its lead: 一是{…}
    elif parts and isinstance(parts[0], markup.Deletion) and _unmarked(parts[0].answer) != parts[0].answer:
        return None, "markup"
    whole = any(t.endswith("enumeration") for t in item.tags) and "{{c2::" in item.text
    parts = _good_blanks(parts, whole)
    deletions = [p for p in parts if isinstance(p, markup.Deletion)]
    if not deletions:
        return None, "no-good-blank"
    parts = _numbered(parts, MAX_SENTENCE_BLANKS if not whole else itemchecks.MAX_DELETIONS)
    if context:
        parts = [context, *parts]
    return replace(item, text=markup.to_markup(_merged(parts))), ""


def _good_blanks(parts: list[markup.Segment], whole: bool) -> list[markup.Segment]:
    """The parts with every blank a trainer would delete turned back into text."""
    out: list[markup.Segment] = []
    for i, part in enumerate(parts):
        if isinstance(part, markup.Deletion) and itemchecks.blank_problems(parts, i, whole):
            out.append(part.answer)
        else:
            out.append(part)
    return out


def _numbered(parts: list[markup.Segment], limit: int) -> list[markup.Segment]:
    """Deletions renumbered c1, c2, … in order of their old numbers; those past ``limit``
    cloze numbers become text."""
    order = sorted({p.number for p in parts if isinstance(p, markup.Deletion)})[:limit]
    new = {old: n for n, old in enumerate(order, 1)}
    return [markup.Deletion(new[p.number], p.answer, p.hint) if isinstance(p, markup.Deletion) and p.number in new
            else (p.answer if isinstance(p, markup.Deletion) else p) for p in parts]


def _merged(parts: list[markup.Segment]) -> list[markup.Segment]:
    """Adjacent text runs joined."""
    out: list[markup.Segment] = []
    for part in parts:
        if isinstance(part, str) and out and isinstance(out[-1], str):
            out[-1] += part
        elif part != "":
            out.append(part)
    return out
