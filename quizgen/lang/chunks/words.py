"""The closed word classes of clause chunking and the tests of single tokens and short
runs on them: noun-like, verb-like, 的, noun phrases; :class:`Span`, a run of tokens."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..segment import Token

# --- closed word classes ----------------------------------------------------------

CONNECTIVES = frozenset(
    """但 但是 并 并且 且 而 而且 或者 或 以及 同时 另外 此外 如 如果 若 即 则 故 因此 所以 于是 也
    还 又 再 即使 即便 否则 然后 其中 从而 进而 尤其 特别是 甚至 包括""".split())
MODALS = frozenset("应当 应 可以 可 须 必须 需 需要 要 应该 能够 能 将 会 均 都 一律 一般".split())
TOPIC_MARKERS = frozenset("对于 关于 至于".split())
PREPOSITIONS = frozenset(
    """按照 根据 依照 依据 遵照 参照 以 因 因为 由于 为 为了 对 对于 关于 向 由 从 自 在 于 经 经过
    与 同 跟 把 将 被 除 除了 通过 基于 鉴于 针对 就 凭 按 依 随着 围绕""".split())
# Verbs that take the list or key term that follows as their object.
GOVERNING_VERBS = frozenset(
    """包括 包含 结合 考虑 兼顾 采取 实施 进行 给予 予以 作出 做出 提出 提起 提请 承担 追究 达成 遵循
    请求 申请 要求 具有 造成 导致 致使 引起 涉及 属于 认定为 视为 适用 报 报经 违反 违背 秉持 有 无
    没有 是 系 为 称为 叫 叫做""".split())
COPULAS = frozenset("系 是 为 即 属于 属 视为".split())
DETERMINERS = frozenset(
    "相关 有关 相应 上述 前述 前款 该 本 此 其 各 各类 各种 各项 所有 全部 一切 一些 这些 那些 这 那 每".split())
LIST_CONJUNCTIONS = ("以及", "或者", "及其", "和", "与", "及", "或", "且")
STRONG_CONJUNCTIONS = frozenset({"以及", "或者", "及其"})
PREPOSITIONAL_AND = frozenset({"与", "同", "跟"})  # also prepositions: 与客观事实不符
ETC = frozenset({"等", "等等"})
CATCH_ALL = ("其他", "其它")
# A text that asks (哪些工作是次要的) states nothing to learn.
QUESTION_WORDS = re.compile("什么|哪|谁|怎|如何|为何|是否|吗")
RESULT_VERBS = ("造成", "致使", "导致", "引起", "致")

_NOUNISH = frozenset("n un nr ns nt nz nrt nrfg vn an b f s j l i g ng".split())
_VERBISH = frozenset("v vd vi vg vq a ad ag z".split())


def is_nounish(token: Token) -> bool:
    return token.tag in _NOUNISH and token.text not in PREPOSITIONS and token.text not in MODALS


def is_verbish(token: Token) -> bool:
    return token.tag in _VERBISH or token.text in GOVERNING_VERBS


def is_de(token: Token) -> bool:
    return token.text in ("的", "之")


def text_of(tokens: Sequence[Token]) -> str:
    return "".join(t.text for t in tokens)


def length(tokens: list[Token]) -> int:
    """Characters from the first token's start to the last one's end."""
    return tokens[-1].end - tokens[0].start if tokens else 0


class Span(NamedTuple):
    """A run of tokens by its offsets; its text is joined only when asked for."""

    start: int
    end: int
    tokens: tuple[Token, ...]

    @classmethod
    def of(cls, tokens: list[Token]) -> Span:
        return cls(tokens[0].start, tokens[-1].end, tuple(tokens))

    @property
    def text(self) -> str:
        return text_of(self.tokens)


_TRUE_NOUNS = frozenset("n nr ns nt nz nrt un l i j".split())


def is_nominalised(tokens: list[Token], i: int) -> bool:
    """A verb that closes a noun phrase, right after a noun and before 的 or the end:
    刑事|处罚, 被害人|谅解, 惩罚性|赔偿|的 (not 拍卖|确定, not 诉讼|通知|的 after a verbal noun)."""
    if not 0 < i < len(tokens) or tokens[i].tag != "v" or tokens[i - 1].tag not in _TRUE_NOUNS:
        return False
    return i + 1 == len(tokens) or is_de(tokens[i + 1])


def is_noun_phrase(tokens: list[Token]) -> bool:
    """Ends on a noun, and every verb in it sits in a modifier closed by 的
    (协议履行后依法可以而未获得的利益, 涉及用户重要权利的相关条款)."""
    if not tokens or not is_nounish(tokens[-1]):
        return False
    last_de = max((i for i, t in enumerate(tokens) if is_de(t)), default=-1)
    return not any(t.tag in ("v", "vd", "vi", "p", "c", "d") for t in tokens[last_de + 1:])


def joins_nouns(tokens: list[Token], i: int) -> bool:
    """、/和/与 between two nouns of a subject; 与 before a noun and a verb is the
    preposition (内容|与客观事实不符)."""
    tok = tokens[i]
    if not (tok.text == "、" or tok.text in LIST_CONJUNCTIONS) or i + 1 >= len(tokens) or not is_nounish(tokens[i + 1]):
        return False
    return tok.text not in PREPOSITIONAL_AND or i + 2 >= len(tokens) or not is_verbish(tokens[i + 2])
