"""Law references (民法典第七百三十五条): one phrase each, the articles cited of one law
a sibling set."""

from __future__ import annotations

import re

from ...lang import chunks
from ...lang.numerals import CN_NUM_CHARS
from ...model import Phrase, Sentence
from ..context import FinderContext

LAW_SCORE = 0.82

_ARTICLE = rf"第[{CN_NUM_CHARS}\d]+条"
_LAW_REFERENCE = re.compile(rf"(?:》|法典|法|条例|规定|办法|解释)(?=第)({_ARTICLE})((?:[、和及]{_ARTICLE})*)")
_LAW_NAME_END = ("法典", "法", "条例", "规定", "办法", "解释")


def find_law_references(ctx: FinderContext) -> None:
    """民法典第七百三十五条, 刑法第二百九十三条 (without 第一款第一项): one phrase each;
    the distinct articles cited of one law are a sibling set (第七百四十四条、第七百四十七条
    counts the bare second one in)."""
    by_law: dict[str, list[Phrase]] = {}
    for sentence in ctx.sentences():
        if "条" not in sentence.text:
            continue
        for m in _LAW_REFERENCE.finditer(sentence.text):
            name = _law_name(ctx, sentence, sentence.start + m.start(1))
            if not name:
                continue
            start = sentence.start + m.start(1) - len(name)
            phrase = ctx.add(name + m.group(1), "term", start, LAW_SCORE)
            refs = by_law.setdefault(name, [])
            if phrase is not None:
                refs.append(phrase)
            refs.extend(_bare_articles(ctx, sentence.start + m.start(2), m.group(2)))
    for name, refs in by_law.items():
        distinct = list({p.text: p for p in refs}.values())
        if 2 <= len(distinct) <= 12:
            ctx.group("references", distinct, label=name)


def _law_name(ctx: FinderContext, sentence: Sentence, end: int) -> str:
    """The law's name ending at ``end``: a 《title》, or the dictionary word(s) right
    before 第…条 ending in 法 (民法典, 刑法, 国家赔偿法), never a longer run of prose
    (根据民法典)."""
    text = ctx.doc.text
    if text[end - 1] == "》":
        opening = text.rfind("《", max(sentence.start, end - 42), end)
        return text[opening:end] if opening >= 0 else ""
    before = [t for t in ctx.tokens(sentence) if t.end <= end][-2:]
    if not before or before[-1].end != end or not before[-1].text.endswith(_LAW_NAME_END):
        return ""
    name = before[-1].text
    if len(name) <= 3 and len(before) == 2 and chunks.is_nounish(before[0]) and before[0].tag != "p":
        name = before[0].text + name  # 国家|赔偿法
    return name if len(name) >= 2 else ""


def _bare_articles(ctx: FinderContext, start: int, text: str) -> list[Phrase]:
    """第七百四十七条 after 民法典第七百四十四条、: an article of the same law, counted in
    its set but no phrase of its own."""
    found = []
    for m in re.finditer(_ARTICLE, text):
        offset = start + m.start()
        sentence = ctx.sentence_index(offset)
        found.append(Phrase(m.group(), "term", offset, offset + len(m.group()), sentence,
                            ctx.section_index(offset), LAW_SCORE))
    return found
