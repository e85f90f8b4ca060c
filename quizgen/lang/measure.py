"""What the generated items ask, for benchmarks and tests: the answers, and the cloze
deletions that cut through a word (junk by definition)."""

from __future__ import annotations

from collections.abc import Iterable

from ..items import Cloze, Item
from . import markup, segment


def answers_of(items: Iterable[Item]) -> list[str]:
    """Every answer a learner must produce: cloze deletions and correct options."""
    return [answer for item in items for answer in item.answers()]


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
