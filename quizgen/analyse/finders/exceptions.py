"""Exceptions: each case of a 但…的除外 (split at 或者 and at commas)."""

from __future__ import annotations

import re

from ...lang import chunks
from ...lang.chunks import length
from ..context import MAX_CLAUSE, MIN_PHRASE, FinderContext, split_at

EXCEPTION_SCORE = 0.65  # 但…的除外: each case of the exception

_EXCEPTION = re.compile(r"但(?:是)?(.{4,60}?)的除外")


def find_exceptions(ctx: FinderContext) -> None:
    """但矛盾系由被害人故意引发或者被害人对矛盾激化负有主要责任的除外: each case of
    the exception (split at 或者 and at commas) is a phrase."""
    for sentence in ctx.sentences():
        for m in _EXCEPTION.finditer(sentence.text):
            start = sentence.start + m.start(1)
            tokens = [t for t in ctx.tokens(sentence) if start <= t.start and t.end <= sentence.start + m.end(1)]
            for clause in chunks.split_clauses(tokens):
                for part in split_at(clause, "或者"):
                    part = chunks.strip_leading(part, chunks.CONNECTIVES)
                    if part and MIN_PHRASE <= length(part) <= MAX_CLAUSE:
                        ctx.add_clause(part, EXCEPTION_SCORE)
