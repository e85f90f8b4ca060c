"""What the generated items ask, for benchmarks and tests: the answers, and the cloze
deletions that cut through a word (junk by definition)."""

from __future__ import annotations

from collections.abc import Iterable

from . import markup, segment
from ..items import Choice, Cloze, Item, Multi


def answers_of(items: Iterable[Item]) -> list[str]:
    """Every answer a learner must produce: cloze deletions and correct options."""
    answers: list[str] = []
    for item in items:
        if isinstance(item, Cloze):
            answers += [d.answer for d in markup.deletions(item.text)]
        elif isinstance(item, Choice | Multi):
            answers += [item.options[i] for i in item.answer]
    return answers


def cut_through_words(items: Iterable[Item]) -> list[str]:
    """Deletions whose edges are no word boundary of their note's text as jieba cuts it."""
    broken: list[str] = []
    for item in (i for i in items if isinstance(i, Cloze)):
        segments = markup.parse(item.text)
        edges, pos = {0}, 0
        for word in segment.cut(markup.reveal(item.text)):
            pos += len(word)
            edges.add(pos)
        pos = 0
        for piece in segments:
            text = piece.answer if isinstance(piece, markup.Deletion) else piece
            if isinstance(piece, markup.Deletion) and (pos not in edges or pos + len(text) not in edges):
                broken.append(text)
            pos += len(text)
    return broken
