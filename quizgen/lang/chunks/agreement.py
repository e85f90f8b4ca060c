"""Items of one list agree in kind: where the first item begins and the last one ends is
a guess (only the middle items are bounded by 、 on both sides), so the two outer items
are trimmed to the shape of the others (:func:`agree`).

- a noun list's first item loses the verb or preposition that governs the whole list:
  交回所配发的|工作证件、制式服装, 符合|法律、行政法规, 基于|公平、诚信原则;
- a list of single verbs keeps the first one alone: 申请解除|查封、扣押、冻结;
- the last item loses what it shares with the others: the head of a list of modifiers
  (重大、疑难、复杂|案件), a determiner's phrase (国家工作人员和人民警察|相关管理规定), a place word (管理范围、保护范围|内);
- a noun list whose last item is a lone verb cut from its object (毒鱼、炸鱼、电鱼、设置|
  拦河渔具) ends before it.
"""

from __future__ import annotations

from ..segment import Token
from .words import DETERMINERS, MODALS, PREPOSITIONS, is_de, is_nounish, length

_STRICT_VERBS = frozenset("v vd vi".split())
_MODIFIERS = frozenset("a b".split())
_PLACE_WORDS = frozenset("内 外 中 间 里 以内 以外 之内 之间".split())
_MIN_ITEM = 2
# Heads a list of single words shares (法律、法规|规定, 公平、诚信|原则, 重大、疑难、复杂|案件).
SHARED_HEADS = frozenset("规定 原则 工作 活动 案件 行为 情形 事项 制度 措施 问题 情况 因素 方面 等级".split())
_NO_START = frozenset("f u uj ul uz c d".split())  # 对|上协调 is no item


def agree(items: list[list[Token]], tail: list[Token] | None = None) -> list[list[Token]]:
    """``items`` (the first and last as guessed, the middle ones as written) with the
    outer two trimmed to agree with the others. ``tail`` is the text the last item was
    cut from (the rest of its piece): a lone verb cut from its object there is dropped."""
    if len(items) < 2 or not all(items):
        return items
    first, *rest = items
    items = [_trim_first(first, rest), *rest]
    if len(items) > 2 and _cut_from_object(items[-1], items[:-1], tail or []):
        return items[:-1]
    return [*items[:-1], _trim_last(items[-1], items[:-1])]


def is_verb(token: Token) -> bool:
    """A verb by its dictionary tag alone (not a noun-verb, not an adjective)."""
    return token.tag in _STRICT_VERBS


def verbless(item: list[Token]) -> bool:
    return not any(is_verb(t) or t.tag == "p" for t in item)


def _governs(item: list[Token], i: int) -> bool:
    """A word after which a noun list begins: a verb, a preposition, 所, or the 的 of a
    verb (配发的)."""
    token = item[i]
    if is_de(token):
        return i > 0 and is_verb(item[i - 1])
    return is_verb(token) or token.tag == "p" or token.text in PREPOSITIONS or token.text == "所"


def _trim_first(first: list[Token], others: list[list[Token]]) -> list[Token]:
    if len(first) > 1 and first[-2].tag in ("p", "c") and len(first[-1].text) >= _MIN_ITEM:
        first = first[-1:]  # 对|侵占、破坏
    middle = others[:-1]
    width = _word_width(middle if middle else others)
    if width and len(first) > 1 and len(first[-1].text) == width and (_governs_last(first) or _acts_after_place(first, others)):
        return first[-1:]  # 禁止从事|淫秽、赌博; 工作中|滥用职权、徇私舞弊、玩忽职守; 明令禁止的区域|游泳、游玩、攀爬
    if all(len(o) == 1 and is_verb(o[0]) for o in others):
        if len(first) == 2 and all(is_verb(t) for t in first) and len(first[1].text) >= _MIN_ITEM:
            return first[1:]  # 解除|查封、扣押、冻结
        return first
    if not all(verbless(o) for o in others):
        return first
    if len(first) >= 3 and first[0].tag == "vn" and first[1].tag in ("n", "nz") \
            and any(o[-1].text == first[-1].text for o in others):
        return first[1:]  # 禁止建设|畜禽养殖场、养殖小区、水产养殖场 (its head shows it a member)
    cut = max((i + 1 for i in range(len(first) - 1) if _governs(first, i)), default=0)
    tail = first[cut:]
    if cut and verbless(tail) and length(tail) >= _MIN_ITEM and not (len(tail[0].text) == 1 and tail[0].tag in _NO_START):
        return tail
    return first


def _word_width(items: list[list[Token]]) -> int:
    """The length of every item, when each is one word of the same length (2 or more); else 0."""
    if not items or any(len(i) != 1 for i in items):
        return 0
    widths = {len(i[0].text) for i in items}
    width = widths.pop()
    return width if not widths and width >= _MIN_ITEM else 0


def _acts_after_place(first: list[Token], others: list[list[Token]]) -> bool:
    """A list of acts whose first item the segmenter joined to the noun before it, where or on
    what they are done: 明令禁止的[区域游泳]、[游玩]、[攀爬], 本[地区生产]、[销售] (fresh31, fresh34: "cuts
    across 区域 and 游泳")."""
    return first[-1].tag in _ACTS and all(t.tag.startswith("n") for t in first[:-1]) \
        and any(o[0].tag in _ACTS for o in others)


_ACTS = frozenset("v vn vd vi".split())


def _governs_last(first: list[Token]) -> bool:
    """The word before the first item's last word governs it (从事|淫秽, 中|滥用职权), rather
    than making one term with it (基本|医疗保险)."""
    before = first[-2]
    return is_verb(before) or before.tag in ("p", "f", "d") or before.text in MODALS or is_de(before)


def _cut_from_object(last: list[Token], others: list[list[Token]], tail: list[Token]) -> bool:
    """毒鱼、炸鱼、电鱼、设置|拦河渔具: the last item of a noun list is a lone verb whose
    object goes on after it."""
    return (len(last) == 1 and last[0].tag in ("v", "vn") and len(tail) > 1 and tail[0] == last[0]
            and is_nounish(tail[1]) and all(verbless(o) and is_nounish(o[-1]) for o in others))


def _trim_last(last: list[Token], others: list[list[Token]]) -> list[Token]:
    """The last item without what the others share."""
    if len(last) < 2:
        return last
    width = _word_width(others)
    if width and len(last) == 2 and last[1].text in SHARED_HEADS:
        return last[:1]  # 法律、法规|规定; 公平、诚信|原则; 法律、司法解释|规定
    if width and len(others) >= 2 and len(last[0].text) == width and all(is_verb(o[0]) for o in others) \
            and is_verb(last[0]) and all(is_nounish(t) for t in last[1:]):
        return last[:1]  # 查封、扣押、冻结|财产 (but 投诉或者提起诉讼: two verbs alone say nothing shared)
    if all(len(o) == 1 and len(o[0].text) == len(last[0].text) for o in others) \
            and any(o[0].tag in _MODIFIERS for o in others) and last[0].tag in _MODIFIERS \
            and all(is_nounish(t) for t in last[1:]):
        return last[:1]  # 重大、疑难、复杂|案件
    for i, tok in enumerate(last[1:-2], 1):
        if tok.text in DETERMINERS and not any(t.text == tok.text for o in others for t in o) \
                and length(last[:i]) >= _MIN_ITEM:
            return last[:i]  # 人民警察|相关管理规定
    if last[-1].text in _PLACE_WORDS and not any(o[-1].text == last[-1].text for o in others) \
            and length(last[:-1]) >= _MIN_ITEM:
        return last[:-1]  # 保护范围|内
    return last
