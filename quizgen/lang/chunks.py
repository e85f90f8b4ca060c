"""Clause-level chunking of Chinese regulations and prose, on tagged tokens.

The finders in :mod:`quizgen.phrases` ask questions of one clause (a run of text between
，；：。！？): what is its predicate once the subject, the modal (应当, 可以) and the
connective (但, 并) are gone; which lists (A、B和C, A或者B) does it hold, and where does
each item begin and end. Everything here works on :class:`~quizgen.segment.Token` lists
and the closed word classes below; part-of-speech tags come from jieba's dictionary and
are only a tie-breaker, since they are noisy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .segment import Token

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
_PREPOSITIONAL_AND = frozenset({"与", "同", "跟"})  # also prepositions: 与客观事实不符
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


def text_of(tokens: list[Token]) -> str:
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


# --- clause predicates ---------------------------------------------------------------


def strip_leading(tokens: list[Token], words: frozenset[str]) -> list[Token]:
    i = 0
    while i < len(tokens) and tokens[i].text in words:
        i += 1
    return tokens[i:]


_CLOSING_TAILS = (("的", "其他", "情形"), ("的", "其它", "情形"), ("的", "除外"), ("等",), ("的",), ("之一",))


def strip_trailing_de(tokens: list[Token]) -> list[Token]:
    """…的 / …的除外 / …的其他情形 / …等 at the end of a clause: the clause is a condition
    or an item; the part before it is the content."""
    last = tuple(t.text for t in tokens[-3:])
    for tail in _CLOSING_TAILS:
        if last[len(last) - len(tail):] == tail and len(tail) <= len(last):
            return tokens[: len(tokens) - len(tail)]
    return tokens


def subject_end(tokens: list[Token]) -> int:
    """Index where the predicate begins after a leading noun-phrase subject, or 0 when the
    clause does not start with one (承租人|拒绝受领租赁物, 该约定的违约金|明显过高)."""
    i, seen_noun = 0, False
    while i < len(tokens):
        tok = tokens[i]
        if is_de(tok):
            if not seen_noun and i == 0:
                return 0
            i += 1
            if i < len(tokens):  # the head noun after 的, whatever its tag
                seen_noun = True
                i += 1
            continue
        if _verb_by_aspect(tokens, i):
            break  # 法院重点审查|了…: a verbal noun followed by 了 is the verb
        if tok.text in DETERMINERS or (is_nounish(tok) and tok.text not in GOVERNING_VERBS):
            seen_noun = seen_noun or tok.text not in DETERMINERS
            i += 1
            continue
        if seen_noun and _joins_nouns(tokens, i):
            i += 1  # 承租人和出卖人, 有关单位和个人
            continue
        if is_verbish(tok) and i + 2 < len(tokens) and is_de(tokens[i + 1]) and (
                seen_noun or is_nounish(tokens[i + 2])):
            i += 1  # a verb inside a 的-modifier: 权利人发出的通知, 该约定的违约金
            continue
        break
    if not seen_noun or i >= len(tokens):
        return 0
    return i


ASPECT = frozenset("了 着 过".split())


def _verb_by_aspect(tokens: list[Token], i: int) -> bool:
    return tokens[i].tag == "vn" and i + 1 < len(tokens) and tokens[i + 1].text in ASPECT


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


def _joins_nouns(tokens: list[Token], i: int) -> bool:
    """、/和/与 between two nouns of a subject; 与 before a noun and a verb is the
    preposition (内容|与客观事实不符)."""
    tok = tokens[i]
    if not (tok.text == "、" or tok.text in LIST_CONJUNCTIONS) or i + 1 >= len(tokens) or not is_nounish(tokens[i + 1]):
        return False
    return tok.text not in _PREPOSITIONAL_AND or i + 2 >= len(tokens) or not is_verbish(tokens[i + 2])


def predicate(tokens: list[Token]) -> list[Token]:
    """The clause without its connective, subject and modal, and without a trailing 的.
    A copula clause (承租人和出卖人系同一人) keeps its subject: the whole clause is the fact."""
    tokens = strip_leading(tokens, CONNECTIVES)
    if not tokens:
        return []
    cut = subject_end(tokens)
    if cut and tokens[cut].text not in COPULAS:
        tokens = tokens[cut:]
    tokens = strip_leading(tokens, MODALS)
    return strip_trailing_de(tokens)


ACTOR_ENDINGS = ("人", "者", "方", "人员", "机关", "单位", "部门")
_REPORTING_VERBS = frozenset("认为 发现 主张 声称 举报 表示 证明 承认 知道 明知".split())


def strip_actor(tokens: list[Token]) -> list[Token]:
    """承租人|未按照约定支付租金: a short subject naming a party (…人, …者, …机关) goes;
    not before a verb of saying or knowing, where who says it is the point (被害人认为…)."""
    cut = subject_end(tokens)
    if not cut or cut > 2 or not tokens[cut - 1].text.endswith(ACTOR_ENDINGS) or tokens[cut].text in _REPORTING_VERBS:
        return tokens
    if tokens[cut].text in COPULAS:
        return tokens
    return tokens[cut:]


def is_topic(tokens: list[Token]) -> bool:
    """对于…的案件 / 关于… : the clause only names what the sentence is about."""
    tokens = strip_leading(tokens, CONNECTIVES)
    return bool(tokens) and tokens[0].text in TOPIC_MARKERS


SCENE_PREPOSITIONS = frozenset("在 于 自".split())
SCENE_ENDINGS = ("时", "后", "前", "中", "期间")


def is_circumstance(tokens: list[Token]) -> bool:
    """在…时 / 在…后 / 因…: a clause that sets the scene rather than says the thing."""
    cut = subject_end(tokens)
    rest = tokens[cut:] if cut else tokens
    return bool(rest) and (sets_scene(rest) or rest[0].text in TOPIC_MARKERS)


def sets_scene(tokens: list[Token]) -> bool:
    """在重大决策前, 于…时: a prepositional phrase of time or place, nothing more."""
    return bool(tokens) and tokens[0].text in SCENE_PREPOSITIONS and text_of(tokens).endswith(SCENE_ENDINGS)


# --- lists ---------------------------------------------------------------------------


@dataclass
class ListMatch:
    """One list inside a clause: its items, the whole span from the first item to the end
    of the last (with a shared object: 追逐、拦截、恐吓|他人), and the category named after
    等 (删除、屏蔽等|下架措施), if any."""

    items: list[Span]
    whole: Span
    category: Span | None = None
    lead: list[Token] = field(default_factory=list)  # tokens before the whole span


def _kind(tokens: list[Token]) -> str:
    """'n' for a noun-phrase item, 'v' for a verb phrase, by its first word."""
    return "n" if is_nounish(tokens[0]) or tokens[0].text in DETERMINERS else "v"


def _introduces(tok: Token, nxt: Token, kind: str) -> bool:
    """A word after which a list (or its first item) begins. Before a verb item a
    governing verb only counts when a verb follows it (采取|删除, but 违背诚实信用原则)."""
    if tok.text in PREPOSITIONS or tok.text in CONNECTIVES or tok.text in MODALS or tok.tag == "c":
        return True
    if kind == "v" and not (is_verbish(nxt) or nxt.tag == "vn"):
        return False
    return tok.text in GOVERNING_VERBS and not is_de(nxt)


def _strip_determiners(item: list[Token]) -> list[Token]:
    while len(item) > 1 and item[0].text in DETERMINERS:
        item = item[1:]
    return item


def item_start(piece: list[Token], kind: str, known: list[list[Token]], others_have_de: bool,
               bridge: bool = False) -> list[Token]:
    """The first item inside the text before the first separator: it begins after the last
    preposition, conjunction, modal or governing verb (that leaves it no shorter than the
    other items: 包括|对上协调, not 对|上协调); when still longer than the other items,
    also after the verb that takes a noun list (随意殴打|精神病人), after a possessive 的
    (涉案游戏的|商业价值) or after a subject (行为人|认罪)."""
    shortest = min((length(i) for i in known), default=1)
    start = 0
    for i in range(len(piece) - 1):
        if _introduces(piece[i], piece[i + 1], kind) and (
                piece[i].tag != "p" or length(piece[i + 1:]) >= min(shortest, 4)):
            start = i + 1
    item = _strip_determiners(piece[start:])
    longest = max((length(i) for i in known), default=length(item))
    if length(item) <= longest and not bridge:
        return item
    return _soft_start(item, kind, longest, others_have_de)


def _soft_start(item: list[Token], kind: str, longest: int, others_have_de: bool) -> list[Token]:
    start = 0
    for i in range(len(item) - 1):
        tok, nxt = item[i], item[i + 1]
        if kind == "n" and is_verbish(tok) and len(nxt.text) > 1 and not any(is_de(t) for t in item[i + 1:]):
            start = i + 1  # 随意殴打|精神病人, but not 赔偿请求|人
        elif kind == "n" and is_de(tok) and i and is_nounish(item[i - 1]) and not others_have_de:
            start = i + 1
        elif kind == "v" and (is_nounish(tok) or tok.tag in ("r", "m", "q", "d")) and (
                is_verbish(nxt) or nxt.tag == "vn"):
            start = i + 1
    item = item[start:]
    if kind == "n" and not any(is_de(t) for t in item):
        item = _drop_noun_prefix(item, longest)
    return item


_PERSON_ENDINGS = ("人员", "人", "者", "单位", "机关")


def _drop_noun_prefix(item: list[Token], longest: int) -> list[Token]:
    """A first noun item far longer than the others starts with words that are no part of
    it: a recipient (给予有关责任人员|行政处分) or a time (三日内报|主管副检察长)."""
    for i, tok in enumerate(item[:-1]):
        if tok.text.endswith(_PERSON_ENDINGS) and length(item[i + 1:]) >= longest:
            return item[i + 1:]
    while len(item) > 1 and length(item) > 2 * longest and (
            is_nounish(item[0]) or item[0].tag in ("t", "m", "q")):
        item = item[1:]
    return item


def item_extent(piece: list[Token], kind: str, others_have_de: bool, ref_len: int = 1,
                bounded_by_de: bool = False) -> list[Token]:
    """How far the last item reaches in the text after the last separator: up to 的
    (unless the other items have one), 等, a preposition or modal. With ``bounded_by_de``
    a 的 later in the piece is the end (…或者没收违法所得的); otherwise a noun item ends
    before a verb (经营者|迅速采取) and a verb item once its object is complete
    (提起诉讼|通知) or when it has as many words as the others (拍卖|确定)."""
    stop_at_de = not others_have_de
    if bounded_by_de and stop_at_de and any(is_de(t) for t in piece):
        end = next(i for i, t in enumerate(piece) if is_de(t))
        if not any(t.tag in ("x", "p") or t.text in ETC or t.text in MODALS for t in piece[:end]):
            return piece[:_predicate_start(piece, end)]
    item: list[Token] = []
    for i, tok in enumerate(piece):
        if (is_de(tok) and stop_at_de) or tok.text in ETC or tok.tag in ("x", "p") or tok.text in MODALS:
            break
        if tok.tag == "c" and not (kind == "n" and _joins_nouns(piece, i)):
            break  # …恐吓他人|或者损毁; but 合同权利和义务 is one item
        if item and kind == "n" and (is_verbish(tok) or tok.tag in ("d", "ad")) and not is_de(item[-1]):
            break
        if item and kind == "v" and _starts_predicate(piece, i):
            break
        if item and kind == "v" and is_verbish(tok) and not is_nominalised(piece, i) and (
                _has_verb_object(item) or (is_verbish(item[-1]) and len(item) >= ref_len)):
            break
        item.append(tok)
    return item


_EXISTENTIALS = COPULAS | {"有", "没有", "无"}


def _starts_predicate(piece: list[Token], i: int) -> bool:
    """因果关系|有争议: a copula or 有 after a noun begins what is said about the item."""
    return i > 0 and piece[i].text in _EXISTENTIALS and is_nounish(piece[i - 1])


def _predicate_start(piece: list[Token], end: int) -> int:
    return next((i for i in range(end) if _starts_predicate(piece, i)), end)


def _has_verb_object(item: list[Token]) -> bool:
    return any(is_verbish(a) and (is_nounish(b) or b.tag == "r") for a, b in zip(item, item[1:]))


def _capped(extent: list[Token], kind: str, ref_chars: int, shared_object: bool) -> list[Token]:
    """The last item proper inside its extent, when the extent is twice as long as the
    other items: a noun item without a shared head (认证|手续, 协议性|双重属性), a verb
    item of a 、-list without its shared object (恐吓|他人)."""
    if any(is_de(t) for t in extent) or length(extent) < 2 * ref_chars or len(extent) < 2:
        return extent
    if kind == "v" and not shared_object:
        return extent
    item = extent[:1]
    while length(item) < ref_chars and len(item) < len(extent):
        item = extent[: len(item) + 1]
    return item


def _split_pieces(tokens: list[Token]) -> list[list[Token]]:
    pieces: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.text == "、":
            pieces.append([])
        else:
            pieces[-1].append(tok)
    return pieces


def _is_bridge(left: list[Token], piece: list[Token], right: list[Token]) -> bool:
    """A middle piece that ends one list and starts another: 辱骂、恐吓他人或者损毁、占用,
    追逐、恐吓精神病人、残疾人."""
    if any(t.tag == "c" or t.text in LIST_CONJUNCTIONS or t.text in PREPOSITIONS or t.text in MODALS
           or t.text in GOVERNING_VERBS for t in piece[1:-1]):
        return True
    return len(piece) > 1 and _kind(left) != _kind(right) and _kind(piece) == _kind(left) \
        and _kind(piece[-1:]) == _kind(right)


def _groups(pieces: list[list[Token]]) -> list[list[list[Token]]]:
    """Pieces split into runs that each form one list; a bridge piece ends one run and
    starts the next."""
    groups = [[pieces[0]]]
    for i in range(1, len(pieces) - 1):
        groups[-1].append(pieces[i])
        if _is_bridge(pieces[i - 1], pieces[i], pieces[i + 1]):
            groups.append([pieces[i]])
    groups[-1].append(pieces[-1])
    return [g for g in groups if len(g) >= 2]


def find_lists(tokens: list[Token], max_item: int = 16) -> list[ListMatch]:
    """The 、-separated lists in one clause (A、B、C和D等E)."""
    pieces = _split_pieces(tokens)
    if len(pieces) < 2 or not all(pieces):
        return []
    found = []
    for group in _groups(pieces):
        match = _group_list(tokens, group, max_item, opened=group[0] is pieces[0], closed=group[-1] is pieces[-1])
        if match:
            found.append(match)
    return found


def _group_list(tokens: list[Token], group: list[list[Token]], max_item: int, opened: bool,
                closed: bool) -> ListMatch | None:
    middle = [list(p) for p in group[1:-1]]
    last = group[-1]
    etc = next((i for i, t in enumerate(last) if t.text in ETC), None) if closed else None
    category = None
    if etc is not None:
        middle.extend(_split_last(last[:etc], middle, group[0]) or [last[:etc]])
        category_tokens = _category(last[etc + 1:])
        category = Span.of(category_tokens) if category_tokens else None
        extent: list[Token] = []
    else:
        split = _split_last(last, middle, group[0]) if closed else None
        if split:
            middle.append(split[0])
            last = split[1]
    kind = _kind(middle[0] if middle else last)
    others_have_de = any(is_de(t) for item in middle for t in item)
    if etc is None:
        ref_len = max((len(i) for i in middle), default=1)
        last_kind = _kind(last) if kind == "n" and not is_nounish(last[0]) else kind
        extent = item_extent(last, last_kind, others_have_de, ref_len, bounded_by_de=closed and last_kind == "v")
    first = item_start(group[0], kind, middle or [extent], others_have_de, bridge=not opened)
    items = [first, *middle]
    if etc is not None and len(_until_catch_all(items)) < len(items):
        category = None  # 其他…等: the category belongs to the catch-all
    if etc is None:
        ref_chars = max(length(i) for i in items if i) if any(items) else 1
        items.append(_capped(extent, kind, ref_chars, shared_object=True))
    bounded = closed or len(extent) < len(last)  # a bridge cut short by its conjunction
    return _list_match(tokens, _until_catch_all(items), extent if bounded else [], category, max_item)


def _list_match(tokens: list[Token], items: list[list[Token]], extent: list[Token], category: Span | None,
                max_item: int) -> ListMatch | None:
    if len(items) < 2 or any(not 2 <= length(i) <= max_item for i in items):
        return None
    spans = [Span.of(i) for i in items]
    end = max(spans[-1].end, extent[-1].end if extent and extent[0].start == spans[-1].start else 0)
    whole = [t for t in tokens if spans[0].start <= t.start and t.end <= end]
    lead = [t for t in tokens if t.end <= spans[0].start]
    return ListMatch(spans, Span.of(whole), category, lead)


def _split_last(piece: list[Token], middle: list[list[Token]],
                first: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """A、B和C: the last piece holds two items joined by a conjunction. A strong one
    (以及, 或者) splits when the part before it is no longer than twice the other items
    (经营者未收到…已经投诉|或者 is no item); a weak one (和, 与) only when the part after
    it is not much shorter than the other items (范围与程度 stays one item)."""
    shortest = min((length(p) for p in middle), default=2)
    longest = max([length(p) for p in middle] + [length(first)])
    for strong in (True, False):
        for i, tok in enumerate(piece):
            if tok.text not in LIST_CONJUNCTIONS or (tok.text in STRONG_CONJUNCTIONS) != strong:
                continue
            left, right = piece[:i], piece[i + 1:]
            if not left or not right or length(left) > 2 * longest:
                continue
            if strong or length(right) * 2 >= shortest:
                return left, right
    return None


def _until_catch_all(items: list[list[Token]]) -> list[list[Token]]:
    """其他… ends a list: the catch-all is no item, and nothing after it is either."""
    kept = []
    for item in items:
        if not item or item[0].text in CATCH_ALL:
            break
        kept.append(_strip_determiners(item))
    return kept


def _category(tokens: list[Token]) -> list[Token]:
    """The noun after 等: 等|下架措施的 -> 下架措施."""
    out: list[Token] = []
    for tok in tokens:
        if is_de(tok) or tok.tag in ("x", "p", "d") or (out and is_verbish(tok) and tok.tag != "vn"):
            break
        out.append(tok)
    return out if out and is_nounish(out[-1]) else []




def find_pair(tokens: list[Token]) -> ListMatch | None:
    """Two items joined by a conjunction, with no 、: 公平原则和诚实信用原则,
    评估或者拍卖, 合理且必要. Both sides must be short and of the same kind."""
    for i, tok in enumerate(tokens):
        if tok.text not in LIST_CONJUNCTIONS or i == 0 or i + 1 >= len(tokens):
            continue
        left, right = tokens[:i], tokens[i + 1:]
        if tok.text == "且":
            match = _adjective_pair(tokens, i)
        else:
            match = _conjoined_pair(tokens, left, tok, right)
        if match:
            return match
    return None


def _pair_kind(left: list[Token], right: list[Token]) -> str | None:
    """The kind both sides share, judged by the word before the conjunction and the first
    words after it (违背诚实信用原则和破坏公平交易: two verb phrases); None when they
    disagree."""
    before = left[-1]
    kind = _kind(right) if before.tag == "vn" else _kind([before])
    if kind == "n" and is_verbish(right[0]) and any(is_verbish(t) for t in left):
        kind = "v"
    if kind == "n" and (is_nounish(right[0]) or right[0].text in DETERMINERS):
        return kind
    if kind == "v" and any(is_verbish(t) or t.tag == "vn" for t in right[:2]):
        return kind
    return None


def _conjoined_pair(tokens: list[Token], left: list[Token], conj: Token, right: list[Token]) -> ListMatch | None:
    kind = _pair_kind(left, right)
    if kind is None:
        return None
    extent = item_extent(right, kind, False)
    if conj.text in STRONG_CONJUNCTIONS and kind == "n" and is_noun_phrase(strip_trailing_de(right)):
        extent = strip_trailing_de(right)  # …以及协议履行后依法可以而未获得的利益
    if not extent:
        return None
    if conj.text in _PREPOSITIONAL_AND and len(right) > len(extent) and is_verbish(right[len(extent)]):
        return None  # 与客观事实|不符: a preposition, not a conjunction
    a = item_start(left, kind, [extent], False)
    b = _capped(extent, kind, length(a), shared_object=False)
    return _pair_match(tokens, left, a, conj, b, extent)


def _adjective_pair(tokens: list[Token], i: int) -> ListMatch | None:
    """合理且必要: 且 joins the two words right beside it."""
    a, b = tokens[i - 1], tokens[i + 1]
    if not all(t.tag in ("a", "ad", "an", "d", "vn", "v") and len(t.text) >= 2 for t in (a, b)):
        return None
    return _pair_match(tokens, tokens[:i], [a], tokens[i], [b], [b])


def _pair_match(tokens, left, a, conj, b, extent) -> ListMatch | None:
    texts = text_of(a), text_of(b)
    if not a or not b or texts[0] == texts[1] or a[0].text in CATCH_ALL or b[0].text in CATCH_ALL:
        return None
    if not all(2 <= len(t) <= 18 for t in texts) or max(map(len, texts)) > 3 * min(map(len, texts)):
        return None
    whole = _with_leading_adverbs(left, a) + [conj] + extent
    lead = tokens[: len(left) - len(a)]
    return ListMatch([Span.of(a), Span.of(b)], Span.of(whole), None, lead)


def _with_leading_adverbs(piece: list[Token], item: list[Token]) -> list[Token]:
    """已经|投诉或者提起诉讼: the whole pair keeps an adverb that governs both sides."""
    start = len(piece) - len(item)
    while start > 0 and piece[start - 1].tag == "d" and piece[start - 1].text not in MODALS:
        start -= 1
    return piece[start:]


CLAUSE_STOPS = frozenset("，；：。！？,;:!?")


def split_clauses(tokens: list[Token], stops: frozenset[str] = CLAUSE_STOPS) -> list[list[Token]]:
    """Tokens of a sentence -> clauses (runs between the given punctuation)."""
    clauses: list[list[Token]] = []
    clause: list[Token] = []
    for tok in tokens:
        if tok.tag == "x" and tok.text in stops:
            if clause:
                clauses.append(clause)
                clause = []
        else:
            clause.append(tok)
    if clause:
        clauses.append(clause)
    return clauses
