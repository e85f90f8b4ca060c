"""Emphasis: what sits between 是 and 的 (是按照程序固有逻辑执行的)."""

from __future__ import annotations

import re

from ..context import SHORT_CLAUSE_SCORE, FinderContext

_EMPHASIS = re.compile(r"是([^，。；！？“”]{4,20}?)的(?=[，。；！？]|$)")


def find_emphasis(ctx: FinderContext) -> None:
    """脚本游戏的行为是按照程序固有逻辑执行的: what sits between 是 and 的."""
    for sentence in ctx.sentences():
        for m in _EMPHASIS.finditer(sentence.text):
            text = m.group(1)
            if not ctx.is_background(text):
                ctx.add(text, "clause", sentence.start + m.start(1), SHORT_CLAUSE_SCORE)
