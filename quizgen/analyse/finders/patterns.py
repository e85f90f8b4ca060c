"""Sentence patterns: 以X为由 (X), 因X致使Y (X and what Y says), 先X，再Y (the sequence)
and X为Y closing a sentence (Y defines X)."""

from __future__ import annotations

import re

from ...lang import chunks
from ...lang.chunks import length
from ...model import Sentence
from ..context import CLAUSE_SCORE, MAX_CLAUSE, MIN_PHRASE, FinderContext
from .objects import OBJECT_SCORE

_REASON = re.compile(r"以([^，。；：以]{2,24}?)为(?:由|基础|准|限|标准|依据|前提|条件|原则)")
_CAUSE = re.compile(r"(?:因|由于)([^，。；：]{2,16}?)(?:导致|致使|造成|致)([^，。；：]{2,24})")
_SEQUENCE = re.compile(r"先([^，。；：、]{1,12})[，、]\s*(?:再|后|然后)([^，。；：]{1,10})")
_IS_DEFINED = re.compile(r"为([^，。；：为]{4,30})(?=[。；])")
_CLAUSE_START = re.compile(r"[，。；：]")


def find_patterns(ctx: FinderContext) -> None:
    """以X为由/为基础 (X), 因X致使Y (X and what Y says), 先X，再Y (the whole sequence),
    and X为Y closing a sentence (Y defines X: 损失赔偿范围为…的差额)."""
    for sentence in ctx.sentences():
        text, base = sentence.text, sentence.start
        for m in _REASON.finditer(text):
            ctx.add(m.group(1), "term", base + m.start(1), OBJECT_SCORE + 0.05)
        for m in _CAUSE.finditer(text):
            _add_span_clause(ctx, sentence, base + m.start(1), base + m.end(1), CLAUSE_SCORE)
            _add_span_clause(ctx, sentence, base + m.start(2), base + m.end(2), CLAUSE_SCORE, actor=True)
        for m in _SEQUENCE.finditer(text):
            ctx.add(m.group()[: m.end(2) - m.start()], "parallel", base + m.start(), CLAUSE_SCORE + 0.15)
        for m in _IS_DEFINED.finditer(text):
            _definition(ctx, sentence, m)


def _definition(ctx: FinderContext, sentence: Sentence, m: re.Match[str]) -> None:
    """X为Y at the end of a sentence, X a noun phrase of its clause: Y defines X."""
    clause_start = max((c.end() for c in _CLAUSE_START.finditer(sentence.text, 0, m.start())), default=0)
    if not 2 <= m.start() - clause_start <= 14:
        return
    subject = [t for t in ctx.tokens(sentence) if sentence.start + clause_start <= t.start < sentence.start + m.start()]
    if subject and chunks.is_nounish(subject[-1]) and subject[-1].end == sentence.start + m.start():
        ctx.add(m.group(1), "definition", sentence.start + m.start(1))


def _add_span_clause(ctx: FinderContext, sentence: Sentence, start: int, end: int, score: float, actor: bool = False) -> None:
    tokens = [t for t in ctx.tokens(sentence) if start <= t.start and t.end <= end]
    if actor:
        tokens = chunks.strip_actor(tokens)
    tokens = chunks.strip_trailing_de(tokens)
    if tokens and MIN_PHRASE <= length(tokens) <= MAX_CLAUSE:
        ctx.add_clause(tokens, score)
