"""Lists anywhere in a clause (A、B和C等D; A或者B; 合理且必要): the items are a sibling
set, the whole list and the category after 等 are phrases of their own."""

from __future__ import annotations

import re

from ...lang import chunks
from ...lang.stock import is_stock
from ...lang.segment import Token
from ..context import FinderContext
from .objects import OBJECT_SCORE

LIST_SCORE = 0.78
_CONJUNCTION_CHARS = re.compile("[和与及或且]")


def find_lists(ctx: FinderContext) -> None:
    """Every 、-list and every pair joined by a conjunction, in every clause."""
    seen: set[tuple[str, ...]] = set()
    for sentence in ctx.sentences():
        text, base = sentence.text, sentence.start
        if "、" not in text and not _CONJUNCTION_CHARS.search(text):
            continue
        for clause in ctx.clauses(sentence):
            begin, end = clause[0].start - base, clause[-1].end - base
            matches = chunks.find_lists(clause) if text.find("、", begin, end) >= 0 else []
            after = [t for t in clause if t.start >= matches[-1].whole.end] if matches else clause
            if after and _CONJUNCTION_CHARS.search(text, after[0].start - base, end) \
                    and text.find("、", after[0].start - base, end) < 0:
                pair = chunks.find_pair(after)
                matches += [pair] if pair else []
            for match in matches:
                _add_list(ctx, match, clause, seen)


_SHORT_ITEMS = 3.5  # mean length under which a list is learnt whole: 婚恋、家庭、邻里、债务


def _add_list(ctx: FinderContext, match: chunks.ListMatch, clause: list[Token], seen: set[tuple[str, ...]]) -> None:
    """The items, and the list as a whole: a list of short words (删除、屏蔽、断开链接, 评估
    或者拍卖) is asked whole before its items, a list of phrases item by item."""
    texts = tuple(item.text for item in match.items)
    if is_stock(texts):
        return  # 法律、行政法规; 单位和个人: every reader of rules knows them
    short = sum(map(len, texts)) / len(texts) <= _SHORT_ITEMS
    item_score = LIST_SCORE - (0.1 if len(texts) == 2 else 0)
    members = [ctx.add(item.text, "enumeration", item.start, item_score) for item in match.items]
    if match.whole.text not in texts:
        ctx.add(match.whole.text, "enumeration", match.whole.start, item_score + (0.02 if short else -0.06))
    if match.category is not None and len(match.category.text) >= 3:
        ctx.add(match.category.text, "term", match.category.start, OBJECT_SCORE)
    if texts in seen:
        return
    seen.add(texts)
    label = ctx.text(chunks.strip_leading(match.lead, chunks.CONNECTIVES)) or ctx.text(clause)
    ctx.group("enumeration", members, label=label)
