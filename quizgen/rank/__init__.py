"""The rank stage: score every candidate item (:mod:`.score`, a learned model) and keep a
trainer's selection of them (:mod:`.select`)."""

from __future__ import annotations

from ..items import Item
from ..model import Document
from .features import DocumentFacts
from .keep import weak_notes
from .questionkeep import weak_questions
from .repair import repair
from .score import score_items
from .select import Budget, Selection, select

__all__ = ["Budget", "Selection", "rank", "score_items", "select"]


def rank(doc: Document, items: list[Item], budget: Budget = Budget()) -> Selection:
    """Mend ``items`` of ``doc`` where they can be mended, score them, refuse the cloze notes and
    questions a trainer is unlikely to keep (:mod:`.keep`, :mod:`.questionkeep`) and select those to keep under ``budget``
    (``--all``: every candidate, unmended, scored)."""
    facts = DocumentFacts(doc)
    if budget.keep_all:
        score_items(items, facts)
        return select(items, len(doc.text), budget)
    mended, dropped = repair(items, facts)
    score_items(mended, facts)
    weak = weak_notes(mended, facts) | weak_questions(mended, facts)
    selection = select([i for i in mended if id(i) not in weak], len(doc.text), budget)
    selection.candidates = len(items)
    selection.rejected.update(dropped)
    if weak:
        selection.rejected["unlikely-kept"] += len(weak)
    return selection
