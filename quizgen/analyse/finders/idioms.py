"""Idioms and set phrases: dictionary sayings the text uses, and the curated list."""

from __future__ import annotations

import re
from functools import cache

from ...lang import segment
from ..context import FinderContext

_SET_PHRASE_SCORE = 0.5  # 合同纠纷: a compound, not a saying; longer terms win over it


def find_idioms(ctx: FinderContext) -> None:
    idioms, set_phrases = segment.idioms(), segment.set_phrases()
    seen: set[int] = set()
    for sentence in ctx.sentences():
        for tok in ctx.tokens(sentence):
            if tok.start in seen:
                continue
            if tok.text in idioms:
                seen.add(tok.start)
                ctx.add(tok.text, "idiom", tok.start)
            elif tok.text in set_phrases:
                seen.add(tok.start)
                ctx.add(tok.text, "idiom", tok.start, _SET_PHRASE_SCORE)
    for m in _curated_idiom_re().finditer(ctx.doc.text):
        if m.start() not in seen:
            seen.add(m.start())
            ctx.add(m.group(), "idiom", m.start())


@cache
def _curated_idiom_re() -> re.Pattern[str]:
    """All curated sayings in one pattern, longest first: the text is scanned once."""
    sayings = sorted(segment.curated_idioms(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, sayings)))
