"""Domain terms: noun compounds that recur in the text or end on a term head (合理期限),
and rare dictionary words, which are jargon (释明, 残值)."""

from __future__ import annotations

import re
from collections import Counter

from ...lang import chunks, segment
from ...lang.segment import Token
from ..context import FinderContext
from .objects import OBJECT_PREPOSITIONS, OBJECT_SCORE, RARE_WORD

# Heads that make a two-word compound a term even when it occurs once (合理|期限).
TERM_HEADS = frozenset(
    """期限 期间 责任 措施 原则 程序 证据 义务 权利 关系 制度 标准 范围 条件 方式 机关 部门 文件 协议
    合同 意见 决定 赔偿 损失 利益 费用 价值 规则 行为 罪 案件 纠纷 事实 情节 后果 秩序 条款 规范
    要件 时效 效力 主体 对象 内容 程度 数额 金额 比例 价格 收益 功能 属性 性质""".split())


def find_compound_terms(ctx: FinderContext) -> None:
    """Noun compounds of two or more words that recur in the text (融资租赁法律关系,
    控告检察部门, 行驶距离) or end on a term head (合理期限, 侦查监督部门), minus leading
    words that are everywhere in it (人民检察院|侦查监督部门); and rare dictionary
    words (释明, 残值, 转送), which are jargon."""
    counts: Counter[str] = Counter()
    first: dict[str, list[Token]] = {}
    headed: set[str] = set()
    for sentence in ctx.sentences():
        tokens = ctx.tokens(sentence)
        known = _WORD_CODES.get
        codes = "".join([known(t.text) or _word_code(t) for t in tokens])
        for m in _COMPOUND.finditer(codes):
            run = _drop_background_head(ctx, tokens[m.start():m.end()])
            for part in _compound_parts(run, codes[m.end() - len(run):m.end()]):
                text = ctx.text(part)
                if 4 <= len(text) <= 12:
                    counts[text] += 1
                    first.setdefault(text, part)
                    if part[-1].text in TERM_HEADS:
                        headed.add(text)
        for m in _JARGON.finditer(codes):
            tok = tokens[m.start()]
            counts[tok.text] += 1
            first.setdefault(tok.text, [tok])
            headed.add(tok.text)
    for text, n in counts.items():
        if (n >= 2 or text in headed) and not ctx.is_background(first[text]):
            ctx.add(text, "term", first[text][0].start, OBJECT_SCORE - (0.1 if len(text) <= 3 else 0))


def _compound_parts(run: list[Token], codes: str) -> list[list[Token]]:
    """A compound and, when it has three words or more, itself without its last or its
    first word or both: 弘扬|社会主义核心价值观|角度 counts for 社会主义核心价值观 too."""
    parts = [run]
    if len(run) >= 3:
        if codes[-2] in "NJ":
            parts.append(run[:-1])
        if codes[1] in "NJA":
            parts.append(run[1:])
        if len(run) >= 4 and codes[1] in "NJA" and codes[-2] in "NJ":
            parts.append(run[1:-1])
    return parts


# One letter per word for the compound pattern: N noun (J a rare one: jargon), A
# adjective, F localizer or distinguishing word (inside only), V verb (inside before a
# noun, 产权|调换|房屋, or opening a verb-noun pair, 行驶|距离), R a verb that is rare
# jargon, O anything else.
_COMPOUND = re.compile("[VR][NJ](?![NJAFVR])|[NJA](?:[NJAF]|[VR](?=[NJ]))*[NJ]")
_JARGON = re.compile("[JR]")
_CODE_OF_TAG = dict.fromkeys("n nr ns nt nz nrt nrfg vn an s j l i g ng un".split(), "N")
_CODE_OF_TAG.update(dict.fromkeys("f b".split(), "F"))
_CODE_OF_TAG.update({"a": "A", "v": "V"})
_RUN_EXCLUDED = chunks.DETERMINERS | OBJECT_PREPOSITIONS | chunks.GOVERNING_VERBS | chunks.MODALS
_JARGON_TAGS = frozenset(("n", "v", "vn", "nz"))
_WORD_CODES: dict[str, str] = {}


def _word_code(tok: Token) -> str:
    """The letter of one word (memoised: a word's tag is its dictionary's)."""
    code = _WORD_CODES.get(tok.text)
    if code is None:
        code = _WORD_CODES[tok.text] = _code(tok)
    return code


def _code(tok: Token) -> str:
    if tok.text in _RUN_EXCLUDED or (tok.tag == "un" and "某" in tok.text):
        return "O"
    code = _CODE_OF_TAG.get(tok.tag, "O")
    if tok.tag in _JARGON_TAGS and len(tok.text) >= 2 and tok.tag != "un" and \
            0 < segment.word_frequency(tok.text) < RARE_WORD:
        return "R" if code == "V" else "J"
    return code


def _drop_background_head(ctx: FinderContext, run: list[Token]) -> list[Token]:
    """人民检察院|侦查监督部门: a party named everywhere in the text is no part of the term."""
    while len(run) > 2 and run[0].text in ctx.background and run[0].text.endswith(_PARTY_ENDINGS):
        run = run[1:]
    return run


_PARTY_ENDINGS = (*chunks.ACTOR_ENDINGS, "院")
