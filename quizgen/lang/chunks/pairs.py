"""Two items joined by a conjunction, with no 、 (公平原则和诚实信用原则, 评估或者拍卖,
合理且必要): :func:`find_pair`."""

from __future__ import annotations

from ..segment import Token
from .agreement import agree
from .clauses import strip_trailing_de
from .lists import ListMatch, capped_item, item_extent, item_kind, item_start
from .words import (CATCH_ALL, DETERMINERS, LIST_CONJUNCTIONS, MODALS, PREPOSITIONAL_AND, STRONG_CONJUNCTIONS,
                    Span, is_noun_phrase, is_nounish, is_verbish, length, text_of)

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
    kind = item_kind(right) if before.tag == "vn" else item_kind([before])
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
    if conj.text in PREPOSITIONAL_AND and len(right) > len(extent) and is_verbish(right[len(extent)]):
        return None  # 与客观事实|不符: a preposition, not a conjunction
    a = item_start(left, kind, [extent], False)
    a, b = agree([a, capped_item(extent, kind, length(a), shared_object=False)])
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
