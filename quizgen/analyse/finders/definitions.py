"""Definitions: what 是指/所谓…是 define, and what 是 says of a short subject."""

from __future__ import annotations

import re

from ...lang import chunks
from ..context import FinderContext

_DEFINITION_RES = [
    re.compile(r"(?:^|[。；！？\n])(?:所谓|本[^，。]{0,8}所称)“?([^，。；”]{2,12})”?[，,]?(?:是指|指的是|系指|是)"),
    re.compile(r"(?:^|[。；！？\n])([^，。；\n]{2,12})(?:是指|指的是|系指)"),
]
_IS_RE = re.compile(r"(?:^|[。！？\n])([^，。；！？\n]{2,8}?)(?<!就|也|都|不|才|还|正|即|总|只|便|而|即)是([^，。；！？\n]{2,8})(?=[，。；])")
_IS_MORE_RE = re.compile(r"[，,]是([^，。；！？\n]{2,8})(?=[，。；])")


def find_definitions(ctx: FinderContext) -> None:
    """What 所谓X是/X是指 defines (X), and what 是 says of a short subject, once or in a
    row (办公室工作是参谋助手，是协调枢纽: each predicate without 的)."""
    text = ctx.doc.text
    for pattern in _DEFINITION_RES:
        for m in pattern.finditer(text):
            ctx.add(m.group(1), "definition", m.start(1))
    for m in _IS_RE.finditer(text):
        subject, predicate = m.group(1), m.group(2)
        if chunks.QUESTION_WORDS.search(subject + predicate) or "的" in predicate:
            continue
        ctx.add(predicate, "definition", m.start(2))
        pos = m.end()
        while more := _IS_MORE_RE.match(text, pos):
            if "的" in more.group(1):
                break
            ctx.add(more.group(1), "definition", more.start(1))
            pos = more.end()
