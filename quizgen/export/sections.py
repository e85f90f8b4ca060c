"""Items grouped the way the question-bank exports file them: a category per section."""

from __future__ import annotations

from ..items import Item
from ..model import Deck


def by_section(deck: Deck) -> list[tuple[tuple[str, ...], list[Item]]]:
    """Enabled items grouped by section path (:meth:`Deck.section_path`), sections in order
    of first appearance."""
    groups: dict[tuple[str, ...], list[Item]] = {}
    for item in deck.items:
        if item.enabled:
            groups.setdefault(deck.section_path(item), []).append(item)
    return list(groups.items())
