"""Ordinal enumerations: the items of each list the structure stage found (一是…二是…,
（一）…（二）…), and the part that tells two alike items apart."""

from __future__ import annotations

from ...model import ListItem, Phrase
from ..context import FinderContext, common_suffix

_ITEM_MAX = 30
SHORT_ENUMERATION_SCORE = 0.62


def find_enumerations(ctx: FinderContext) -> None:
    """The items of each ordinal list; an item whose core repeats an earlier one's is no
    new sibling (造成恶劣社会影响 closes several items of one article)."""
    for enum in ctx.doc.enumerations:
        if enum.headings:
            continue
        members: list[Phrase] = []
        markers: list[str] = []
        seen: set[str] = set()
        for item in enum.items:
            if 2 <= len(item.core) <= _ITEM_MAX:
                phrase = ctx.add(item.core, "enumeration", item.core_start)
                if phrase is not None and phrase.text not in seen:
                    seen.add(phrase.text)
                    members.append(phrase)
                    markers.append(item.marker)
        ctx.group("enumeration", members, markers, label=enum.label or enum.intro, count=enum.count)
        _distinct_parts(ctx, enum.items)


_SHARED_TAIL = 3  # characters two items must share at their end to be compared
_DISTINCT_MAX = 12


def _distinct_parts(ctx: FinderContext, items: list[ListItem]) -> None:
    """Items that end alike differ by their start, which is the thing to learn:
    多次|随意殴打他人 / 持凶器|随意殴打他人, 以行政处罚代替刑事追究|而不移送."""
    for a, b in zip(items, items[1:]):
        shared = common_suffix(a.core, b.core)
        if shared < _SHARED_TAIL:
            continue
        for item in (a, b):
            part = item.core[: len(item.core) - shared]
            if 2 <= len(part) <= _DISTINCT_MAX:
                ctx.add(part, "enumeration", item.core_start, SHORT_ENUMERATION_SCORE)
