"""Questions that must not share a paper: one would answer the other, or both ask one sentence.

A deck may keep a cloze note and a question of the same fact (a learner meets them on
different days); a paper is read at once, so on a paper

- a sentence is asked once: two items of one sentence location (``s3-p2-t4-…``: the
  members of one frame, a cloze and a true/false statement of the sentence) do not meet;
- no item shows what another asks: a fill-in's answers, a choice's right option (for a
  不包括 question, the options that are in the list) or a true/false statement's source
  are not to be read in another question's text — for a fill-in not in its options either
  (four options that are the list's items fill a list's blanks), while a right option that
  is only one more option of another choice gives nothing away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...itemchecks import bare
from ...generate.ids import sentence_location
from ...items import Choice, Cloze, Item, Judge, Multi
from ...lang import markup

_NOT_IN_LIST = re.compile(r"不包括|不属于")
SHORTEST = 2  # characters: a shared single character gives nothing away
_GAP = "\x00"  # between runs a learner reads apart (text around a blank, options)


@dataclass(frozen=True)
class Exposure:
    """What an item asks and what it shows, as text without punctuation."""

    document: str
    sentence: str  # its sentence location, or "" when the id names none
    asks: tuple[str, ...]
    text: str  # its stem (a cloze's text around the blanks, a statement)
    options: str
    truth: bool | None = None  # a true/false statement's answer


def exposure(item: Item) -> Exposure:
    truth = item.answer if isinstance(item, Judge) else None
    return Exposure(item.document, sentence_location(item.id), _asks(item), _text(item), _options(item), truth)


def clash(a: Exposure, b: Exposure) -> bool:
    """``a`` and ``b`` must not both be on one paper."""
    if a.document != b.document:
        return False
    if a.sentence and a.sentence == b.sentence:
        return True
    return _shows(b, a) or _shows(a, b)


def _shows(shown: Exposure, asked: Exposure) -> bool:
    """``shown`` lets a learner read an answer of ``asked``."""
    text = shown.text if asked.options else shown.text + _GAP + shown.options
    return any(answer in text for answer in asked.asks)


def _asks(item: Item) -> tuple[str, ...]:
    if isinstance(item, Judge):
        told = [item.source]
    elif isinstance(item, Choice) and _NOT_IN_LIST.search(item.question):
        told = [o for n, o in enumerate(item.options) if n not in item.answer]
    else:
        told = item.answers()
    return tuple(dict.fromkeys(a for a in map(bare, told) if len(a) >= SHORTEST))


def _text(item: Item) -> str:
    if isinstance(item, Cloze):
        return _GAP.join(bare(s) for s in markup.parse(item.text) if isinstance(s, str))
    if isinstance(item, Judge):
        return bare(item.statement)
    return bare(getattr(item, "question", ""))


def _options(item: Item) -> str:
    return _GAP.join(bare(o) for o in item.options) if isinstance(item, (Choice, Multi)) else ""
