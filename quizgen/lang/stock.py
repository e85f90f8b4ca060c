"""Stock wording: the lists (法律、法规; 单位和个人; 查封、扣押、冻结) and the phrases
(构成犯罪, 情节严重, 主管部门) that recur across Chinese regulations, mined from a corpus of
public regulations by bench/score/stock.py. Every reader of rules knows them; a blank on
one asks nothing of the text at hand."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from ..resources import DATA_DIR

STOCK_LISTS = DATA_DIR / "stock_lists.txt"
STOCK_PHRASES = DATA_DIR / "stock_phrases.txt"


def key(items: Iterable[str]) -> str:
    """A list's items, sorted and joined by 、: the same list in any order."""
    return "、".join(sorted(items))


@cache
def _lines(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_stock(items: Iterable[str]) -> bool:
    """Whether a list of these items is a stock list."""
    return key(items) in _lines(STOCK_LISTS)


def is_stock_phrase(text: str) -> bool:
    """Whether ``text`` is a stock phrase of regulations (a word or two in 5% of them)."""
    return text in _lines(STOCK_PHRASES)
