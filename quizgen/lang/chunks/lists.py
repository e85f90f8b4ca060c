"""Lists inside a clause: 、-separated items (A、B、C和D等E), where each item begins
and ends, the span they cover and the category named after 等 (:func:`find_lists`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..segment import Token
from .agreement import agree, is_verb, verbless
from .words import (CATCH_ALL, CONNECTIVES, COPULAS, DETERMINERS, ETC, GOVERNING_VERBS, LIST_CONJUNCTIONS,
                    MODALS, PREPOSITIONS, STRONG_CONJUNCTIONS, Span, is_de, is_nominalised, is_nounish,
                    is_verbish, joins_nouns, length)

@dataclass
class ListMatch:
    """One list inside a clause: its items, the whole span from the first item to the end
    of the last (with a shared object: 追逐、拦截、恐吓|他人), and the category named after
    等 (删除、屏蔽等|下架措施), if any."""

    items: list[Span]
    whole: Span
    category: Span | None = None
    lead: list[Token] = field(default_factory=list)  # tokens before the whole span


def item_kind(tokens: list[Token]) -> str:
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
                is_verbish(nxt) or nxt.tag == "vn") and not _noun_phrase(item[i + 1:], longest):
            start = i + 1  # 行为人|认罪, 残疾儿童|筛查, 节能降耗|新产品、新技术; but 畜禽养殖专业户、散养户
    item = item[start:]
    if kind == "n" and not any(is_de(t) for t in item):
        item = _drop_noun_prefix(item, longest)
    return item


def _noun_phrase(tokens: list[Token], longest: int) -> bool:
    """Words without a verb that end with a noun and are longer than the other items
    (养殖专业户 beside 散养户): the noun before them is a part of the item, since cutting it
    off would not make the item agree with the others (新产品 beside 新技术 would)."""
    return len(tokens) > 1 and verbless(tokens) and tokens[-1].tag.startswith("n") and length(tokens) > longest


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
        if tok.tag == "c" and not (kind == "n" and joins_nouns(piece, i)):
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


def capped_item(extent: list[Token], kind: str, ref_chars: int, shared_object: bool) -> list[Token]:
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


def _is_bridge(left: list[Token], piece: list[Token], right: list[Token], right_bounded: bool) -> bool:
    """A middle piece that ends one list and starts another: 辱骂、恐吓他人或者损毁、占用,
    追逐、恐吓精神病人、残疾人."""
    if any(t.tag == "c" or t.text in LIST_CONJUNCTIONS or t.text in PREPOSITIONS or t.text in MODALS
           or t.text in GOVERNING_VERBS for t in piece[1:-1]):
        return True
    word = piece[-1].text
    if len(piece) > 1 and len(word) >= 2 and left[-1].text.endswith(word) and any(t.text == word for t in right[:len(piece)]):
        return False  # one word ends every item (深入基层、了解基层、关心基层): one list, whatever the tags
    return len(piece) > 1 and item_kind(left) != item_kind(right) and item_kind(piece) == item_kind(left) \
        and item_kind(piece[-1:]) == item_kind(right) and _noun_side_verbless(left, right, right_bounded)


def _noun_side_verbless(left: list[Token], right: list[Token], right_bounded: bool) -> bool:
    """The noun side of a bridge after it holds no verb: 追逐、恐吓精神病人、残疾人 bridges, but in
    受理、集中办理、限时办结、一次办好 a tagger's noun (限时) opens a verb item, and the list is
    one. The last piece goes on past its item (残疾人有…), so only a piece bounded by 、 is read,
    and only up to a conjunction (儿童违法犯罪|和解救…). The piece before is read as it was: it
    opens on other words (…的基本学习、生活需求确定、公布 bridges)."""
    if item_kind(left) == "n":
        return True
    end = next((i for i, t in enumerate(right) if t.tag in ("c", "p") or t.text in LIST_CONJUNCTIONS or is_de(t)),
               len(right))
    return not right_bounded or verbless(right[:end])


def _groups(pieces: list[list[Token]]) -> list[list[list[Token]]]:
    """Pieces split into runs that each form one list; a bridge piece ends one run and
    starts the next."""
    groups = [[pieces[0]]]
    for i in range(1, len(pieces) - 1):
        groups[-1].append(pieces[i])
        if _is_bridge(pieces[i - 1], pieces[i], pieces[i + 1], right_bounded=i + 1 < len(pieces) - 1):
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
    kind = item_kind(middle[0] if middle else last)
    others_have_de = any(is_de(t) for item in middle for t in item)
    if etc is None:
        ref_len = max((len(i) for i in middle), default=1)
        last_kind = item_kind(last) if kind == "n" and not is_nounish(last[0]) else kind
        extent = _parallel_width(item_extent(last, last_kind, others_have_de, ref_len, bounded_by_de=closed and last_kind == "v"),
                                 last, middle)
    first = _parallel_first(item_start(group[0], kind, middle or [extent], others_have_de, bridge=not opened), middle)
    items = [first, *middle]
    if etc is not None and len(_until_catch_all(items)) < len(items):
        category = None  # 其他…等: the category belongs to the catch-all
    if etc is None:
        ref_chars = max(length(i) for i in items if i) if any(items) else 1
        items.append(capped_item(extent, kind, ref_chars, shared_object=True))
    items = agree(items, extent if etc is None else None)
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


PARALLEL_WIDTH = 4  # characters of the items of a list of set phrases (政府监管、社会监督、行业自律和个人守信)


def _parallel_width(extent: list[Token], piece: list[Token], middle: list[list[Token]]) -> list[Token]:
    """The last item of a list of four-character items is one too, when the words after what
    was read of it make it so: …行业自律和[个人]守信相结合 → [个人守信] (fresh26: "c4 个人 cuts the
    four-character principle 个人守信")."""
    if not middle or any(length(m) != PARALLEL_WIDTH for m in middle) or not extent \
            or length(extent) >= PARALLEL_WIDTH or piece[:len(extent)] != extent:
        return extent
    wider = list(extent)
    for tok in piece[len(extent):]:
        if length(wider) >= PARALLEL_WIDTH or tok.tag in ("x", "p", "c", "uj") or is_de(tok) or tok.text in MODALS:
            break
        wider.append(tok)
    return wider if length(wider) == PARALLEL_WIDTH else extent


def _parallel_first(first: list[Token], middle: list[list[Token]]) -> list[Token]:
    """The first item of a list of four-character items without the verb that governs the list:
    坚持[预防为主]、防治结合、综合治理 (the verb is the sentence's, not the principle's)."""
    if not middle or any(length(m) != PARALLEL_WIDTH for m in middle) or length(first) <= PARALLEL_WIDTH:
        return first
    for k in range(1, len(first)):
        if length(first[k:]) == PARALLEL_WIDTH:
            return first[k:] if all(is_verb(t) for t in first[:k]) else first
    return first


def _split_last(piece: list[Token], middle: list[list[Token]],
                first: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """A、B和C: the last piece holds two items joined by a conjunction. A strong one
    (以及, 或者) splits when the part before it is no longer than twice the other items
    (经营者未收到…已经投诉|或者 is no item); a weak one (和, 与) only when the part after
    it is not much shorter than the other items (范围与程度 stays one item)."""
    shortest = min((length(p) for p in middle), default=2)
    longest = max([length(p) for p in middle] + [length(first)])
    noun_list = bool(middle) and all(verbless(p) for p in middle)
    for strong in (True, False):
        for i, tok in enumerate(piece):
            if tok.text not in LIST_CONJUNCTIONS or (tok.text in STRONG_CONJUNCTIONS) != strong:
                continue
            left, right = piece[:i], piece[i + 1:]
            if not left or not right or length(left) > 2 * longest:
                continue
            # no item of a noun list: 水工程、水文化做出突出贡献的单位|和个人 (a verb inside what is
            # before), 装置、仪器仪表、量具和|用于统一量值的标准物质 (a verb opening what is after)
            if noun_list and (not verbless(left[1:]) or is_verb(right[0])):
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
