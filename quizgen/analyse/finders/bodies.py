"""Bodies that answer for something: the organ or role a rule makes responsible, whose
approval it requires or to whom it reports (由保卫处负责, 经分管领导审核, 向档案主管部门报告,
市、区保密行政管理部门应当…)."""

from __future__ import annotations

from ...lang.bodies import NOT_A_NAME, PLACEHOLDER, ROLE, SUBJECT
from ..context import FinderContext

MIN_BODY = 2  # 部, 处 alone is no body


def find_bodies(ctx: FinderContext) -> None:
    """Every body named as responsible (由X负责 / 经X批准 / 报X备案 / 向X报告) or as the
    subject of a duty (X应当…, X负责…)."""
    text = ctx.doc.text
    for pattern in (ROLE, SUBJECT):
        for m in pattern.finditer(text):
            body = m.group("body")
            if len(body) >= MIN_BODY and not NOT_A_NAME.search(body) and not PLACEHOLDER.fullmatch(body) \
                    and not _cut_short(text, m.start("body")) \
                    and not ctx.is_background(body):  # 人民检察院 in a rule of the procuratorate
                ctx.add(body, "body", m.start("body"))


def _cut_short(text: str, start: int) -> bool:
    """The body begins inside a word (…的办公室, 本单位): only a body after a clause break,
    a role verb or a list mark is a name of its own."""
    before = text[start - 1: start]
    return bool(before) and before not in "，。；：、\n 由经报向请同（(" and not before.isspace()
