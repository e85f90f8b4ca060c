"""Quotes and titles: quoted terms (“寻衅滋事”), titles with their marks (《通知立案书》),
quotes in a row and quoted terms that share their first word as sibling sets."""

from __future__ import annotations

import re

from ...model import Phrase
from ..context import KIND_WEIGHT, FinderContext

_QUOTE_RE = re.compile(r"“([^“”\n]{2,16})”|「([^「」\n]{2,16})」|\"([^\"\n]{2,16})\"|《([^《》\n]{2,40})》")
_QUOTE_RUN = re.compile(r"(?:“[^“”\n]{1,8}”){2,}")


def find_quotes(ctx: FinderContext) -> None:
    """Quoted terms and titles (“寻衅滋事”, 《通知立案书》: a title keeps its marks);
    quotes in a row (“转场”“绕后”“撤退”) are a sibling set and a phrase as a whole, and
    so are quoted terms that share their first word (“情节恶劣”/“情节严重”)."""
    by_head: dict[tuple[str, int], dict[str, Phrase]] = {}
    for m in _QUOTE_RE.finditer(ctx.doc.text):
        group = next(g for g in (1, 2, 3, 4) if m.group(g))
        text = m.group(group)
        if re.search(r"[。；！？]", text[:-1]):
            continue
        phrase = ctx.add(m.group() if group == 4 else text, "quote", m.start() if group == 4 else m.start(group))
        if phrase is not None and group == 1 and 4 <= len(text) <= 6:
            by_head.setdefault((text[:2], len(text)), {}).setdefault(text, phrase)
    for m in _QUOTE_RUN.finditer(ctx.doc.text):
        members = [ctx.add(q.group(1), "quote", m.start() + q.start(1)) for q in re.finditer(r"“([^”]+)”", m.group())]
        if ctx.group("quotes", members, label=m.group()):
            ctx.add(m.group(), "quote", m.start(), KIND_WEIGHT["quote"] - 0.05)
    for (head, _), found in by_head.items():
        if 2 <= len(found) <= 6:
            ctx.group("quotes", list(found.values()), label=head)
