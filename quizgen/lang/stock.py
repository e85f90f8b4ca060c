"""Stock lists: lists that recur across Chinese regulations (法律、法规; 单位和个人; 查封、
扣押、冻结), mined from a corpus of public regulations by bench/score/stock.py. Every reader
of rules knows them; a blank on one asks nothing of the text at hand."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from ..resources import DATA_DIR

STOCK_LISTS = DATA_DIR / "stock_lists.txt"


def key(items: Iterable[str]) -> str:
    """A list's items, sorted and joined by 、: the same list in any order."""
    return "、".join(sorted(items))


@cache
def _stock() -> frozenset[str]:
    lines = STOCK_LISTS.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_stock(items: Iterable[str]) -> bool:
    """Whether a list of these items is a stock list."""
    return key(items) in _stock()
