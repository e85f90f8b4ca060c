"""What the generated items ask, for benchmarks and tests: the answers, and the cloze
deletions that cut through a word (junk by definition)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from . import segment
from .model import Item

CLOZE_RE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}")


def answers_of(items: Iterable[Item]) -> list[str]:
    """Every answer a learner must produce: cloze deletions and correct options."""
    answers: list[str] = []
    for item in items:
        if item.kind == "cloze":
            answers += [html.unescape(a) for a in CLOZE_RE.findall(item.text or "")]
        elif item.kind in ("choice", "multi"):
            answers += [item.options[i] for i in item.answer]
    return answers


def cut_through_words(items: Iterable[Item]) -> list[str]:
    """Deletions whose edges are no word boundary of their note's text as jieba cuts it."""
    broken: list[str] = []
    for item in (i for i in items if i.kind == "cloze"):
        text = html.unescape(item.text or "")
        plain = CLOZE_RE.sub(lambda m: m.group(1), text)
        edges, pos = {0}, 0
        for word in segment.cut(plain):
            pos += len(word)
            edges.add(pos)
        offset = 0
        for m in CLOZE_RE.finditer(text):
            start = m.start() - offset
            end = start + len(m.group(1))
            if start not in edges or end not in edges:
                broken.append(m.group(1))
            offset += len(m.group()) - len(m.group(1))
    return broken
