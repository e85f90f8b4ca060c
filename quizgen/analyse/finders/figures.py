"""Figures: dates, amounts, periods, rates and shares; figures of one unit, or with the
same qualifier in one sentence, are sibling sets."""

from __future__ import annotations

import re

from ...lang.numerals import DATE_RE, FIGURE_RE, figure_unit, is_trivial_figure
from ...model import Phrase
from ..context import FinderContext

_MAX_FIGURE_SET = 8
_DATE_SCORE = 0.6
# what makes a bare one or two of something a limit (超过两年, 不满一年, 间隔一年)
_LIMIT_BEFORE = re.compile(r"(?:超过|满|逾|少于|多于|低于|高于|达到|间隔|届满)$")


def find_figures(ctx: FinderContext) -> None:
    """Dates, amounts, periods, rates and shares. Figures of one unit in the text
    (三日内/五日内/十五日内), and figures with the same qualifier in one sentence
    (两期以上/百分之十五以上), are sibling sets."""
    text = ctx.doc.text
    found: list[Phrase] = []
    for m in FIGURE_RE.finditer(text):
        value = m.group()
        if DATE_RE.fullmatch(value):
            ctx.add(value, "figure", m.start(), _DATE_SCORE)
            continue
        if (is_trivial_figure(value) and not _LIMIT_BEFORE.search(text, max(0, m.start() - 3), m.start())) \
                or text[m.start() - 1: m.start()] == "第":
            continue  # 一人, 两次; but a limit is one: 超过两年, 不满一年
        phrase = ctx.add(value, "figure", m.start())
        if phrase is not None:
            found.append(phrase)
    _figure_sets(ctx, found)


def _figure_sets(ctx: FinderContext, figures: list[Phrase]) -> None:
    by_unit: dict[str, dict[str, Phrase]] = {}
    by_sentence: dict[tuple[int, str], dict[str, Phrase]] = {}
    for phrase in figures:
        unit = figure_unit(phrase.text)
        by_unit.setdefault(unit, {}).setdefault(phrase.text, phrase)
        qualifier = re.search(r"(以上|以下|以内|之内|内)$", unit)
        if qualifier:
            by_sentence.setdefault((phrase.sentence, qualifier.group()), {}).setdefault(phrase.text, phrase)
    groups = list(by_unit.items()) + [(q, g) for (_, q), g in by_sentence.items()]
    for label, group in groups:
        if 2 <= len(group) <= _MAX_FIGURE_SET:
            ctx.group("figures", list(group.values()), label=label)
