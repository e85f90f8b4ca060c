"""The rank stage: score every candidate item (:mod:`.score`, a learned model) and keep a
trainer's selection of them (:mod:`.select`)."""

from __future__ import annotations

from .features import DocumentFacts
from .score import score_items
from .select import Budget, Selection, select
from ..items import Item
from ..model import Document

__all__ = ["Budget", "Selection", "rank", "score_items", "select"]


def rank(doc: Document, items: list[Item], budget: Budget = Budget()) -> Selection:
    """Score ``items`` of ``doc`` and select those to keep under ``budget``."""
    score_items(items, DocumentFacts(doc))
    return select(items, len(doc.text), budget)
