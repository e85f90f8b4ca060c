"""Headings: each section's heading, and the headings of one level as a sibling set."""

from __future__ import annotations

from ..context import FinderContext


def find_headings(ctx: FinderContext) -> None:
    """The headings the structure stage listed (one level under one parent: a sibling
    set, with its markers), then every other section heading on its own."""
    for enum in ctx.doc.enumerations:
        if not enum.headings:
            continue
        members = [ctx.add(item.core, "heading", item.core_start) for item in enum.items]
        ctx.group("headings", members, [item.marker for item in enum.items], label=enum.label, count=enum.count)
    grouped = {p.start for p in ctx.phrases}
    for section in ctx.doc.sections[1:]:
        start = section.heading_end - len(section.heading)
        if section.heading and start not in grouped:
            ctx.add(section.heading, "heading", start)
